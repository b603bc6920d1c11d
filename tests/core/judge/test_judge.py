"""judge(): dispatch on the question type, normalize(), and what every verdict promises."""

from __future__ import annotations

import pytest

from bot.core.errors import InvalidInput
from bot.core.judge.verdicts import judge, normalize
from bot.core.models import Question, QuestionType, Verdict


def q(kind: QuestionType, **fields) -> Question:
    return Question(id="q1", type=kind, prompt="?", explanation="because", **fields)


TEXT = q(QuestionType.TEXT, answers=("Sinaloa Cartel", "Cártel de Sinaloa"))
NUMBER = q(QuestionType.NUMBER, number=11000.0, tolerance=0.05)
TRUEFALSE = q(QuestionType.TRUEFALSE, truth=False)
CHOICE = q(QuestionType.CHOICE, choices=("Fox", "Calderón", "Peña Nieto"), answer="Calderón")
ORDER = q(QuestionType.ORDER, choices=("Fox", "Calderón", "Peña Nieto"),
          order=("Peña Nieto", "Fox", "Calderón"))


@pytest.mark.parametrize("question, right, wrong", [
    (TEXT, "cartel de sinaloa", "Jalisco cartel"),
    (NUMBER, "about 11.2k", "13,000"),
    (TRUEFALSE, "no", "yes"),
    (CHOICE, "b", "a"),
    (ORDER, "c a b", "a b c"),
])
def test_judge_dispatches_on_the_question_type(question, right, wrong):
    assert judge(question, right).correct
    assert not judge(question, wrong).correct


@pytest.mark.parametrize("question", [TEXT, NUMBER, TRUEFALSE, CHOICE, ORDER])
def test_the_questions_own_answer_text_is_judged_correct(question):
    """What the frontends reveal as the answer must itself be accepted."""
    assert judge(question, question.answer_text()).correct


@pytest.mark.parametrize("question", [
    q(QuestionType.TEXT),
    q(QuestionType.NUMBER),
    q(QuestionType.TRUEFALSE),
    q(QuestionType.CHOICE, choices=("a", "b"), answer="c"),
    q(QuestionType.ORDER, choices=("a", "b"), order=("a",)),
])
def test_a_question_without_a_usable_answer_raises_invalid_input(question):
    with pytest.raises(InvalidInput):
        judge(question, "anything")


def test_a_text_question_falls_back_to_its_single_answer_field():
    assert judge(q(QuestionType.TEXT, answer="Culiacán"), "culiacan").correct


@pytest.mark.parametrize("question", [TEXT, NUMBER, TRUEFALSE, CHOICE, ORDER])
@pytest.mark.parametrize("response", ["", " ", "\x00", "🤷", "a" * 5000, "\u202e\u200f"])
def test_unusable_responses_give_a_wrong_verdict_with_a_reason(question, response):
    verdict = judge(question, response)
    assert isinstance(verdict, Verdict)
    assert verdict.correct is False
    assert verdict.reason and "\n" not in verdict.reason


@pytest.mark.parametrize("question, response", [
    (TEXT, "Jalisco cartel"), (TEXT, "sinaloa or jalisco"), (TEXT, "cartel"),
    (TEXT, "sinaloa north south west"),
    (CHOICE, "Fox"), (CHOICE, "e"), (ORDER, "a b c"), (NUMBER, "12,000"), (TRUEFALSE, "yes"),
])
def test_wrong_verdicts_never_reveal_the_answer(question, response):
    verdict = judge(question, response)
    assert not verdict.correct
    reason = normalize(verdict.reason)
    assert normalize(question.answer_text()) not in reason
    for answer in question.answers:
        assert normalize(answer) not in reason


@pytest.mark.parametrize("text, folded", [
    ("Culiacán", "culiacan"), ("  The   Sinaloa\tCartel! ", "the sinaloa cartel"),
    ("Peña-Nieto", "pena nieto"), ("U.S.A.", "usa"), ("It's", "its"), ("Fox's", "fox"),
    ("O'Brien", "obrien"), ("11,000", "11000"), ("24.5", "24.5"), ("Straße", "strasse"),
    ("Ørsted", "orsted"), ("ﬁnal", "final"), ("Culi\u200bacán\x00", "culiacan"),
    ("!!!", ""), ("", ""),
])
def test_normalize(text, folded):
    assert normalize(text) == folded


@pytest.mark.parametrize("question", [TEXT, NUMBER, TRUEFALSE, CHOICE, ORDER])
def test_a_missing_response_is_an_empty_answer_not_a_crash(question):
    verdict = judge(question, None)
    assert not verdict.correct and verdict.reason.startswith("Empty answer")


def test_a_non_string_response_is_read_as_text():
    assert judge(NUMBER, 11000).correct
    assert judge(CHOICE, 2).correct
