"""`ask` on small packs of three unrelated subjects (astronomy, cooking, a town council): the
glossary, imported questions, article sentences, each answerability check, no interference.

Every rule under bot/core/ask is general English, so each behaviour here is shown on a pack that
has nothing to do with the bundled article.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.core.ask.facts import is_placeholder, statement
from bot.core.ask.index import KnowledgeIndex
from bot.core.ask.pipeline import CHECKS
from bot.core.models import Explainer, Pack, Question, QuestionType, Source
from bot.core.packs.formats import import_pack

DATA = Path(__file__).resolve().parents[2] / "data"


def astronomy(glossary: tuple = (("jupiter", ("jove", "jupitor")),)) -> Pack:
    return Pack(
        "planets", "Planets", "d", Source("A planets primer", "a", "b", "c"),
        explainers=(
            Explainer("jupiter", "Jupiter, the largest planet",
                      "Jupiter is the largest planet; it has 95 known moons.",
                      examples=("how many moons does jupiter have",),
                      keywords=("moons", "largest")),
            Explainer("mars-rovers", "Rovers on Mars",
                      "NASA landed the Perseverance rover on Mars in 2021.",
                      examples=("when did perseverance land on mars",)),
        ),
        questions=(Question("red", QuestionType.TEXT, "Which planet is called the red planet?",
                            "Imported from Red trivia list; no explanation given.",
                            answers=("Mars",)),),
        glossary=glossary)


def cooking() -> Pack:
    return Pack(
        "bread", "Bread", "d", Source("Baking basics", "a", "b", "c"),
        explainers=(
            Explainer("proving", "Why dough is left to prove",
                      "Yeast ferments the sugars and the gas makes the dough rise; the baker "
                      "Ada Brook proves it for two hours.",
                      examples=("why do you let dough rise",), keywords=("yeast", "rise")),
            Explainer("oven", "The oven temperature",
                      "A loaf bakes at 230 degrees for about 35 minutes.",
                      examples=("how hot should the oven be for bread",)),
        ),
        questions=(Question("flour", QuestionType.CHOICE, "Which flour has the most protein?",
                            "Yes, that one.", choices=("bread flour", "cake flour"),
                            answer="bread flour"),))


def council(text: str | None = None) -> Pack:
    return Pack(
        "council", "Council", "d",
        Source("The new parking plan", "a", "b", "c", text=text),
        explainers=(
            Explainer("vote", "How the council voted on the parking plan",
                      "The council approved the parking plan by 7 votes to 2 in March.",
                      examples=("how did the council vote on parking",),
                      keywords=("vote", "parking")),
            Explainer("mayor", "The mayor's position",
                      "Mayor Lena Ortiz backed the plan and said the fees would fund buses.",
                      examples=("what does the mayor think of the plan",)),
        ),
        questions=(Question("fee", QuestionType.NUMBER, "How much is the new hourly fee?",
                            "Draft: from paragraph 2 — check and rewrite in your own words.",
                            number=3),))


ARTICLE = ("The council met on a wet Tuesday.\n\nThe plan adds 400 metered spaces downtown. "
           "Shop owners on Main Street asked for a free first hour, which the council refused.")


@pytest.fixture(scope="module")
def index() -> KnowledgeIndex:
    return KnowledgeIndex([astronomy(), cooking(), council(ARTICLE)])


def test_a_glossary_variant_finds_its_term_and_stays_in_its_index(index):
    result = index.ask("how many moons does jove have")
    assert result.matched and result.explainer == "jupiter" and "95" in result.answer
    plain = KnowledgeIndex([astronomy(glossary=()), cooking()])
    assert plain.ask("how many moons does jove have").explainer != "jupiter"


def test_an_imported_question_is_answered_with_its_fact_never_its_placeholder(index):
    result = index.ask("what planet is the red planet")
    assert result.matched and "Mars" in result.answer
    assert "Imported from" not in result.answer
    drafted = index.ask("what is the new hourly parking fee")
    assert "Draft:" not in drafted.answer
    assert is_placeholder("Imported from GIFT; no explanation given.")
    assert not is_placeholder("The second paragraph calls Mars the red planet.")


def test_feedback_that_does_not_state_the_answer_is_led_by_the_fact(index):
    result = index.ask("which flour has the most protein")
    assert result.matched and result.answer.startswith("Which flour has the most protein? bread")


def test_the_fact_reads_as_a_sentence_for_plain_what_is_questions():
    question = Question("q", QuestionType.TEXT, "What is the capital of Australia?", "",
                        answers=("Canberra",))
    assert statement(question) == "The capital of Australia is Canberra."


def test_the_article_answers_what_no_explainer_covers_by_quoting_its_sentence(index):
    result = index.ask("what did shop owners on main street ask for")
    assert result.matched and result.explainer.startswith("article:")
    assert "free first hour" in result.answer and result.quote is None  # the answer is the quote
    assert "paragraph 2" in result.title
    # …and never outranks an explainer that answers.
    assert index.ask("how did the council vote on the parking plan").explainer == "vote"


def reasons(index: KnowledgeIndex, question: str, pack: str) -> list[str]:
    """Why each candidate tried for `question` was refused (the pipeline's trace)."""
    index.trace = []
    try:
        index.ask(question, pack)
        return [line.split(": ", 1)[1] for line in index.trace]
    finally:
        index.trace = None


@pytest.mark.parametrize("check, question, subject", [
    ("names", "what does mayor brook think of the plan", "council"),  # Brook is the baker
    ("details", "how many moons did jupiter have in 1990", "planets"),  # a year it never gives
    ("kind", "who voted against the parking plan", "council"),  # it names no one who did
    ("now", "how many moons does jupiter have today", "planets"),  # only the past on record
])
def test_each_check_is_what_refuses_its_question(index, check, question, subject):
    assert check in CHECKS
    assert not index.ask(question, subject).matched
    assert reasons(index, question, subject)[0] == check
    index.disabled = frozenset({check})
    try:
        assert reasons(index, question, subject)[0] != check
    finally:
        index.disabled = frozenset()


def test_the_same_shapes_are_answered_when_the_pack_has_the_fact(index):
    assert index.ask("what does the mayor think of the plan", "council").explainer == "mayor"
    assert index.ask("how many moons does jupiter have", "planets").explainer == "jupiter"
    assert index.ask("in what year did the council approve the parking plan",
                     "council").explainer == "vote"


@pytest.fixture(scope="module")
def trivia() -> Pack:
    return import_pack((DATA / "ask" / "trivia-red.yaml").read_bytes(), "trivia-red.yaml")


def test_installing_a_trivia_list_changes_nothing_inside_another_pack(trivia):
    alone = KnowledgeIndex([council(ARTICLE), cooking()])
    crowded = KnowledgeIndex([council(ARTICLE), cooking(), trivia])
    for question in ("how did the council vote on parking", "what is the capital of peru",
                     "why does dough rise", "how many moons does jupiter have"):
        for pack in ("council", "bread"):
            assert alone.ask(question, pack) == crowded.ask(question, pack), question


def test_another_subject_s_word_keeps_a_question_off_a_trivia_question(trivia):
    index = KnowledgeIndex([cooking(), trivia])
    assert index.ask("what is the chemical formula of water").matched  # its own question
    assert not index.ask("what is the yeast's chemical formula").matched  # cooking's word


def test_a_red_question_in_other_words_gets_its_accepted_answer(trivia):
    index = KnowledgeIndex([trivia])
    for asked, answer in (("capital of australia?", "Canberra"),
                          ("who is the author of moby dick", "Melville"),
                          ("what is the symbol of gold", "Au")):
        result = index.ask(asked)
        assert result.matched and answer in result.answer, asked
        assert "no explanation given" not in result.answer


def test_article_sentences_do_not_change_how_the_explainers_score():
    with_text, without = KnowledgeIndex([council(ARTICLE)]), KnowledgeIndex([council()])
    for question in ("how did the council vote on parking", "what does the mayor think"):
        a, b = with_text.ask(question), without.ask(question)
        assert (a.explainer, a.confidence) == (b.explainer, b.confidence)
    assert replace(council(), source=council().source).source.text is None
