"""No interference from a big general pack (issue 8): a question asked of one pack is read with
that pack's own words, so a student's clipped word ("subs", "temp") is repaired onto the pack's
word as when the pack is installed alone, even where another pack (a trivia list) uses the
clipped word itself. Packs of three subjects (a school budget, astronomy, cooking), each shown
to fail with every pack's words read instead (the rule off)."""

from __future__ import annotations

import pytest

from bot.core.ask.index import KnowledgeIndex
from bot.core.models import Explainer, Pack, Question, QuestionType, Source

SOURCE = Source("t", "a", "b", "c")

CASES = [
    (Explainer("staff", "Hourly staff", "Substitutes and cafeteria workers paid by the hour "
                                        "would lose 90,000 pounds."),
     "how much from hourly staff like subs and cafeteria workers",
     "What is the name of a sandwich called a sub?"),
    (Explainer("venus", "Venus", "The surface temperature of Venus is about 460 degrees."),
     "what is the surface temp of venus", "What does a temp agency supply?"),
    (Explainer("oven", "Oven temperature", "The oven temperature for the country loaf is 230 "
                                           "degrees."),
     "what oven temp for the country loaf", "What does a temp agency supply?"),
]


def _trivia(prompt: str) -> Pack:
    """A general-knowledge list that uses the student's clipped word as a word of its own."""
    questions = [Question("q0", QuestionType.TEXT, prompt, "x", answers=("y",))]
    questions += [Question(f"q{i}", QuestionType.TEXT, f"What is item {i} of the list?", "x",
                           answers=("y",)) for i in range(1, 30)]
    return Pack("trivia", "Trivia", "d", SOURCE, questions=tuple(questions))


@pytest.mark.parametrize("explainer, question, trivia", CASES)
def test_a_scoped_question_reads_as_if_its_pack_were_alone(explainer, question, trivia):
    pack = Pack("own", "Own", "d", SOURCE, explainers=(explainer,))
    assert KnowledgeIndex([pack]).ask(question, "own").explainer == explainer.id
    both = KnowledgeIndex([pack, _trivia(trivia)])
    assert both.ask(question, "own").explainer == explainer.id
    vocabulary = both.vocabulary  # the rule off: every pack's words read the question
    vocabulary.use = lambda pack_id: setattr(vocabulary, "current", vocabulary.everything)
    assert not both.ask(question, "own").matched


def test_unscoped_questions_read_every_packs_words():
    pack = Pack("own", "Own", "d", SOURCE, explainers=CASES[1][:1])
    both = KnowledgeIndex([pack, _trivia("What does a temp agency supply?")])
    both.vocabulary.use(None)
    assert both.vocabulary.current is both.vocabulary.everything
    both.vocabulary.use("own")
    assert both.vocabulary.current is not both.vocabulary.everything


def test_questions_from_threads_with_different_scopes_read_as_each_alone():
    """The bot asks from worker threads; each question sets the index's scope, so two at once
    must take turns, or one is read with the other's pack. The interpreter is made to switch
    threads every microsecond so that, without turns, they interleave."""
    import sys
    from concurrent.futures import ThreadPoolExecutor

    packs = [Pack(f"p{i}", f"P{i}", "d", SOURCE, explainers=(explainer,))
             for i, (explainer, _question, _trivia) in enumerate(CASES)]
    index = KnowledgeIndex([*packs, _trivia("What does a temp agency supply?")])
    asked = [(question, f"p{i}") for i, (_e, question, _t) in enumerate(CASES)] * 40
    alone = {(q, p): index.ask(q, p) for q, p in set(asked)}
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        with ThreadPoolExecutor(4) as pool:
            answers = list(pool.map(lambda qp: index.ask(*qp), asked))
    finally:
        sys.setswitchinterval(switch)
    assert [a.explainer for a in answers] == [alone[qp].explainer for qp in asked]
    assert [a.answer for a in answers] == [alone[qp].answer for qp in asked]
