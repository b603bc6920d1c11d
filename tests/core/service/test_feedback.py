"""Learners report a revealed question with a reason; it shows beside the question in the
instructor's report; the open question, empty reasons, repeats and other guilds are refused."""

from __future__ import annotations

import pytest

from bot.core.errors import InvalidInput, NotAllowed, SessionNotFound
from bot.core.models import Actor, Mode

ANN = Actor("g1", "ann", "Ann")
BOB = Actor("g1", "bob", "Bob")
TEACHER = Actor("g1", "t", "Teacher", can_manage_guild=True)





def test_a_revealed_question_is_reported_and_shown_first_in_the_report(service) -> None:
    view = service.quizzes.start_quiz(ANN, "sample", 3, seed=3)
    first = view.question_id
    with pytest.raises(InvalidInput, match="answer has been shown"):
        service.feedback.report_question(ANN, view.session_id, first, "the key is wrong")
    outcome = service.quizzes.answer(ANN, view.session_id, first,
                           _miss(service, ANN.guild_id, view.session_id))
    reported = service.feedback.report_question(
        ANN, view.session_id, first, "  Culiacan   should be accepted  ")
    assert reported.question_id == first and reported.pack_id == "sample"
    assert outcome.next_question is not None
    service.feedback.report_question(BOB, view.session_id, first, "typo in the prompt")

    rows = service.reports.question_report(TEACHER, "sample")
    assert rows[0].question_id == first
    assert rows[0].reports == ("typo in the prompt", "Culiacan should be accepted")
    assert all(not r.reports for r in rows[1:])
    with pytest.raises(NotAllowed):
        service.reports.question_report(ANN, "sample")


def test_refusals(service) -> None:
    view = service.quizzes.start_quiz(ANN, "sample", 2, seed=3)
    service.quizzes.answer(ANN, view.session_id, view.question_id,
                           _miss(service, ANN.guild_id, view.session_id))
    with pytest.raises(InvalidInput, match="3 to 300"):
        service.feedback.report_question(ANN, view.session_id, view.question_id, " x ")
    with pytest.raises(InvalidInput, match="3 to 300"):
        service.feedback.report_question(ANN, view.session_id, view.question_id, "x" * 301)
    service.feedback.report_question(ANN, view.session_id, view.question_id, "wrong key")
    with pytest.raises(InvalidInput, match="already reported"):
        service.feedback.report_question(ANN, view.session_id, view.question_id, "again")
    with pytest.raises(SessionNotFound):
        service.feedback.report_question(Actor("g2", "ann", "Ann"), view.session_id,
                                         view.question_id, "from elsewhere")
    with pytest.raises(InvalidInput, match="answer has been shown"):
        service.feedback.report_question(ANN, view.session_id, "not-in-this-quiz", "hmm hmm")


def test_a_live_reveal_can_be_reported_by_a_player(service) -> None:
    live = service.quizzes.start_quiz(TEACHER, "sample", 2, Mode.LIVE, channel_id="c1")
    service.quizzes.submit_live_answer(BOB, live.session_id, live.question_id,
                                       _miss(service, BOB.guild_id, live.session_id))
    service.quizzes.reveal(live.session_id, live.question_id)
    service.feedback.report_question(BOB, live.session_id, live.question_id, "two answers fit")
    rows = service.reports.question_report(TEACHER, "sample")
    assert rows[0].reports == ("two answers fit",)
    assert service.privacy.my_data(BOB)["question_reports"][0]["reason"] == "two answers fit"
    assert service.privacy.delete_my_data(BOB).question_reports == 1
    assert not service.reports.question_report(TEACHER, "sample")[0].reports


def _miss(service, guild_id: str, session_id: str) -> str:
    """A wrong answer in the open question's form (a nonsense one is asked again, not scored)."""
    from sample_pack import wrong_answer

    view = service.quizzes.current_question(session_id, guild_id)
    return wrong_answer(service.catalog.pack(guild_id, view.pack_id).question(view.question_id))
