"""Instructor reports: the most failed questions with common wrong answers, and CSV export."""

import csv
import io

import pytest
from sample_pack import make_pack

from bot.core.errors import NotAllowed
from bot.core.models import Actor
from bot.core.packs.library import PackLibrary
from bot.core.service import QuizService
from bot.store.db import Store

TEACHER = Actor("g", "t", "Teacher", can_manage_guild=True)
ANN, BOB = Actor("g", "ann", "Ann"), Actor("g", "bob", "Bob")


@pytest.fixture
def service():
    library = PackLibrary(None)
    library.add(make_pack())
    return QuizService(Store.open(":memory:"), library)


def answer_capital(service, actor, response):
    view = service.quizzes.start_quiz(actor, "sample", 5, seed=1)
    while view.question_id != "capital":
        view = service.quizzes.skip(actor, view.session_id, view.question_id).next_question
    service.quizzes.answer(actor, view.session_id, view.question_id, response)


def test_most_failed_question_comes_first_with_its_wrong_answers(service):
    answer_capital(service, ANN, "Mazatlán")
    answer_capital(service, BOB, "mazatlán ")
    answer_capital(service, TEACHER, "Culiacán")
    report = service.reports.question_report(TEACHER, "sample")
    played = [r for r in report if r.attempts]
    assert all(r.accuracy == 0 for r in played[:-1]) and played[-1].question_id == "capital"
    capital = played[-1]
    assert (capital.attempts, capital.correct, capital.players) == (3, 1, 3)
    assert capital.wrong_answers == (("mazatlán", 2),)
    skipped_only = next(r for r in played if r.question_id != "capital")
    assert skipped_only.skipped == skipped_only.attempts


def test_reports_and_exports_are_for_instructors_of_that_guild(service):
    answer_capital(service, ANN, "x")
    with pytest.raises(NotAllowed):
        service.reports.question_report(ANN, "sample")
    with pytest.raises(NotAllowed):
        service.reports.export_scores_csv(ANN)
    other = Actor("g2", "t2", "Other teacher", can_manage_guild=True)
    rows = list(csv.reader(io.StringIO(service.reports.export_scores_csv(other))))
    assert len(rows) == 1  # header only: guild g's attempts stay in guild g


def test_export_has_one_row_per_attempt_with_the_response(service):
    answer_capital(service, ANN, "Culiacán, Sinaloa")
    rows = list(csv.DictReader(io.StringIO(service.reports.export_scores_csv(TEACHER))))
    capital = [r for r in rows if r["question"] == "capital"]
    assert len(capital) == 1 and capital[0]["response"] == "Culiacán, Sinaloa"
    assert capital[0]["correct"] == "1" and capital[0]["name"] == "Ann"
    assert len(rows) == sum(1 for r in rows if r["user_id"] == "ann")


def test_an_export_written_in_chunks_is_the_same_csv(service, monkeypatch):
    from bot.core.service import reports

    answer_capital(service, ANN, "Culiacán")
    answer_capital(service, BOB, "=cmd|x")
    whole = service.reports.export_scores_csv(TEACHER)
    monkeypatch.setattr(reports, "EXPORT_CHUNK_ROWS", 2)  # a chunk boundary inside the rows
    out = io.BytesIO()
    size = service.reports.write_scores_csv(TEACHER, out)
    assert out.getvalue().decode("utf-8") == whole and size == len(out.getvalue())
    assert len(list(csv.reader(io.StringIO(whole)))) - 1 > 2  # more rows than one chunk
