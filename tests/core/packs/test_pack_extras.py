"""The optional keys imports rely on: a choice's other right choices, per-choice feedback, and a
pack's own live time limit. Each is checked like any key, and survives dump → load."""

from __future__ import annotations

import pytest
from sample_pack import make_pack

from bot.core.errors import PackError
from bot.core.judge.verdicts import judge
from bot.core.models import Actor, Mode
from bot.core.packs.dump import dump_pack
from bot.core.packs.library import PackLibrary
from bot.core.packs.loader import load_pack_text
from bot.core.service import QuizService
from bot.store.db import Store

HEAD = """id: capitals
title: Capitals
description: Capitals of the world.
source: {title: Atlas, author: Me, outlet: None, date: "2024"}
"""
CHOICE = """questions:
  - id: capital
    type: choice
    prompt: Which city is a capital?
    choices: [Lyon, Paris, Marseille, Bern]
    answer: Paris
    explanation: Paris is the capital of France, Bern of Switzerland.
"""


def load(extra: str, head: str = HEAD) -> object:
    return load_pack_text(head + CHOICE + extra, "capitals.yaml")


def problems(extra: str, head: str = HEAD) -> list[str]:
    with pytest.raises(PackError) as caught:
        load(extra, head)
    return caught.value.problems


def test_also_right_feedback_and_time_limit_load_and_round_trip() -> None:
    pack = load("    also_right: [Bern]\n    feedback:\n      Lyon: Lyon is the second city.\n",
                HEAD + "time_limit: 20\n")
    question = pack.questions[0]  # type: ignore[attr-defined]
    assert question.also_right == ("Bern",) and pack.time_limit == 20  # type: ignore[attr-defined]
    assert question.choice_feedback == ("Lyon is the second city.", "", "", "")
    assert judge(question, "d").correct and judge(question, "Paris").correct
    assert not judge(question, "a").correct
    assert load_pack_text(dump_pack(pack), "again.yaml") == pack  # type: ignore[arg-type]


@pytest.mark.parametrize(("extra", "head", "message"), [
    ("    also_right: [Rome]\n", HEAD, "capitals.yaml:12: question 'capital' also_right 'Rome' "
                                     "is not one of its choices"),
    ("    also_right: [Paris]\n", HEAD, "also_right repeats its answer 'Paris'"),
    ("    feedback:\n      Lyons: x\n", HEAD, "feedback for 'Lyons', which is not one of its "
                                             "choices; did you mean 'Lyon'?"),
    ("    feedback: [x]\n", HEAD, "feedback should be a mapping"),
    ("", HEAD + "time_limit: 2\n", "time_limit is a live question's seconds, from 5 to 600"),
    ("", HEAD + "time_limit: soon\n", "time_limit should be a whole number"),
])
def test_mistakes_in_the_extra_keys_are_reported(extra: str, head: str, message: str) -> None:
    lines = problems(extra, head)
    assert any(message in line for line in lines), lines


def test_extra_keys_belong_only_in_choice_questions() -> None:
    text = HEAD + """questions:
  - id: t
    type: text
    prompt: Capital of France?
    answers: [Paris]
    also_right: [Lyon]
    explanation: It is Paris.
"""
    with pytest.raises(PackError, match="'also_right' belongs only in a choice question"):
        load_pack_text(text, "capitals.yaml")


def test_live_quizzes_use_the_packs_time_limit_and_solo_shows_the_picked_feedback() -> None:
    pack = load("    feedback:\n      Lyon: Lyon is the second city.\n",
                HEAD + "time_limit: 12\n")
    library = PackLibrary(None)
    library.add(make_pack())
    library.add(pack)  # type: ignore[arg-type]
    service = QuizService(Store.open(":memory:"), library, live_seconds=30)
    learner = Actor("g", "u", "Learner")
    view = service.quizzes.start_quiz(learner, "capitals", 1)
    outcome = service.quizzes.answer(learner, view.session_id, view.question_id, "a")
    assert outcome.explanation.startswith("Lyon is the second city. Paris is the capital")
    live = service.quizzes.start_quiz(learner, "capitals", 1, Mode.LIVE, channel_id="c")
    assert live.deadline is not None and live.deadline - service.quizzes.clock() == \
        pytest.approx(12, abs=1)
