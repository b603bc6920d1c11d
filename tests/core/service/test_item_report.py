"""Item analysis on a seeded database with known answers: facility, Moodle's discrimination
index (top third vs bottom third), choice texts for wrong answers, flags; then "accept this
answer" as a new pack version with re-scoring, and the gradebook."""

from __future__ import annotations

import csv
import io

import pytest
from sample_pack import make_pack

from bot.core.errors import InvalidInput, NotAllowed
from bot.core.models import Actor
from bot.core.packs.library import PackLibrary
from bot.core.service import QuizService
from bot.store.db import Store

TEACHER = Actor("g1", "t", "Teacher", can_manage_guild=True)
PACK = """id: capitals
title: Capitals
description: Capital cities.
source: {title: Atlas, author: Me, outlet: School, date: "2024"}
questions:
  - {id: a, type: text, prompt: "Capital of France?", answers: [Paris], explanation: Atlas.}
  - {id: b, type: text, prompt: "Capital of Ukraine?", answers: [Kyiv], explanation: Atlas.}
  - id: c
    type: choice
    prompt: Capital of Australia?
    choices: [Sydney, Canberra, Perth]
    answer: Canberra
    explanation: Atlas.
  - {id: d, type: text, prompt: "Capital of Norway?", answers: [Oslo], explanation: Atlas.}
  - {id: e, type: text, prompt: "Capital of Peru?", answers: [Lima], explanation: Atlas.}
"""
RIGHT = {"a": "Paris", "b": "Kyiv", "c": "b", "d": "Oslo", "e": "Lima"}
WRONG = {"a": "Lyon", "b": "kiev", "c": "a", "d": "Bergen", "e": "Cusco"}
# 1 = right. Totals: u1 0.8, u2 0.6, u3 0.6, u4 0.4, u5 0.4, u6 0.2 → top third u1, u2
# (ties by id), bottom third u5, u6.
MARKS = {"u1": "11011", "u2": "11010", "u3": "11100", "u4": "10100", "u5": "10100",
         "u6": "00100"}


@pytest.fixture
def service() -> QuizService:
    library = PackLibrary(None)
    library.add(make_pack())
    ticks = iter(range(1_000_000, 10_000_000, 7))
    service = QuizService(Store.open(":memory:"), library, clock=lambda: float(next(ticks)))
    service.pack_admin.install_pack(TEACHER, PACK, "capitals.yaml")
    for user, marks in MARKS.items():
        learner = Actor("g1", user, user.upper())
        view = service.quizzes.start_quiz(learner, "capitals", 5, only=list(RIGHT))
        for qid, mark in zip(RIGHT, marks, strict=True):
            assert view.question_id == qid
            outcome = service.quizzes.answer(learner, view.session_id, qid,
                                             RIGHT[qid] if mark == "1" else WRONG[qid])
            assert outcome.verdict.correct is (mark == "1")
            view = outcome.next_question
    return service


def test_facility_and_discrimination_match_the_hand_computed_values(service) -> None:
    reports = {r.question_id: r for r in service.reports.item_report(TEACHER, "capitals")}
    assert {q: (r.correct, r.attempts) for q, r in reports.items()} == {
        "a": (5, 6), "b": (3, 6), "c": (4, 6), "d": (2, 6), "e": (1, 6)}
    assert reports["b"].facility == pytest.approx(0.5)
    # DI = (X_top − X_bottom) / n with n = 6 // 3 = 2
    assert {q: r.discrimination for q, r in reports.items()} == {
        "a": 0.5, "b": 1.0, "c": -1.0, "d": 1.0, "e": 0.5}
    assert reports["c"].wrong_answers == (("A) Sydney", 2),)  # the choice, not a bare letter
    assert "negative discrimination" in reports["c"].flags
    assert "'kiev' is close to an accepted answer" in reports["b"].flags
    assert "too hard" in reports["e"].flags and "too easy" not in reports["a"].flags
    assert reports["a"].median_seconds is not None and reports["a"].skipped == 0


def test_accepting_an_answer_is_a_new_version_and_rescores_on_request(service) -> None:
    with pytest.raises(NotAllowed):
        service.pack_admin.accept_answer(Actor("g1", "u1", "U1"), "capitals", "b", "Kiev")
    outcome = service.pack_admin.accept_answer(TEACHER, "capitals", "b", "Kiev", rescore=True)
    assert (outcome.version, outcome.rescored) == (2, 3)  # u4, u5, u6 typed 'kiev'
    assert service.catalog.pack("g1", "capitals").question("b").answers == ("Kyiv", "Kiev")
    reports = {r.question_id: r for r in service.reports.item_report(TEACHER, "capitals")}
    assert reports["b"].correct == 6 and reports["b"].wrong_answers == ()
    versions = service.pack_admin.versions(TEACHER, "capitals")
    assert [v.note for v in versions] == ["", "accepted 'Kiev' for b"]
    board = {row.user_id: row.points for row in
             service.standings.leaderboard("g1", "capitals").rows}
    assert board["u6"] == 200  # 'c' right, plus the re-scored 'b'


def test_accept_without_rescore_and_the_refusals(service) -> None:
    outcome = service.pack_admin.accept_answer(TEACHER, "capitals", "c", "Sydney")
    assert outcome.rescored == 0
    assert service.catalog.pack("g1", "capitals").question("c").also_right == ("Sydney",)
    with pytest.raises(InvalidInput, match="already"):
        service.pack_admin.accept_answer(TEACHER, "capitals", "a", "paris")
    with pytest.raises(InvalidInput, match="no question 'z'"):
        service.pack_admin.accept_answer(TEACHER, "capitals", "z", "x")
    with pytest.raises(InvalidInput, match="bundled"):
        service.pack_admin.accept_answer(TEACHER, "sample", "q1", "x")


def test_gradebook_has_one_row_per_student_per_pack(service) -> None:
    rows = list(csv.DictReader(io.StringIO(service.reports.gradebook_csv(TEACHER, "capitals"))))
    assert len(rows) == 6 and {r["pack"] for r in rows} == {"capitals"}
    u1 = next(r for r in rows if r["user_id"] == "u1")
    # a, b (+10 % streak), d, e (+10 %): 100 + 110 + 100 + 110
    assert (u1["points"], u1["accuracy"], u1["completion"]) == ("420", "0.800", "1.000")
    assert service.reports.gradebook_csv(TEACHER, since=10_000_000_000).count("\n") == 1
