"""QuizService end to end on an in-memory store: sessions, scores, permissions, guild isolation."""

import pytest
from sample_pack import wrong_answer

from bot.core.errors import (
    InvalidInput,
    NotAllowed,
    QuestionClosed,
    SessionBusy,
    SessionNotFound,
    UnknownPack,
)
from bot.core.models import Actor, Mode
from bot.core.service import QuizService

ANN = Actor("g1", "ann", "Ann")
BOB = Actor("g1", "bob", "Bob")
MOD = Actor("g1", "mod", "Mo", can_manage_guild=True)
OTHER_GUILD = Actor("g2", "ann", "Ann elsewhere")


def question_of(service, view):
    return service.catalog.pack("g1", view.pack_id).question(view.question_id)


def correct_answer(service, view):
    return question_of(service, view).answer_text()


def play_all(service, actor, right=True, count=3, seed=1):
    view = service.quizzes.start_quiz(actor, "sample", count, seed=seed)
    outcome = None
    while view is not None:
        question = question_of(service, view)
        response = question.answer_text() if right else wrong_answer(question)
        outcome = service.quizzes.answer(actor, view.session_id, view.question_id, response)
        view = outcome.next_question
    return outcome


def test_solo_quiz_records_every_attempt_and_the_leaderboard(service):
    last = play_all(service, ANN, count=3)
    assert last.finished and last.total_points == 100 + 110 + 120  # streak bonus
    board = service.standings.leaderboard("g1")
    assert [(r.display_name, r.points, r.correct, r.answered) for r in board.rows] == [
        ("Ann", 330, 3, 3)]
    assert len(service.store.session_attempts(last.session_id)) == 3


def test_double_answer_scores_once(service):
    view = service.quizzes.start_quiz(ANN, "sample", 2, seed=1)
    service.quizzes.answer(ANN, view.session_id, view.question_id, correct_answer(service, view))
    with pytest.raises(QuestionClosed):
        service.quizzes.answer(
            ANN, view.session_id, view.question_id, correct_answer(service, view)
        )
    assert service.standings.leaderboard("g1").rows[0].answered == 1


def test_count_out_of_range_and_unknown_pack_are_refused(service):
    for bad in (0, 51, -3):
        with pytest.raises(InvalidInput):
            service.quizzes.start_quiz(ANN, "sample", bad)
    with pytest.raises(UnknownPack):
        service.quizzes.start_quiz(ANN, "nope", 3)


def test_empty_answer_does_not_use_up_the_question(service):
    view = service.quizzes.start_quiz(ANN, "sample", 2, seed=1)
    with pytest.raises(InvalidInput):
        service.quizzes.answer(ANN, view.session_id, view.question_id, "   ")
    outcome = service.quizzes.answer(
        ANN, view.session_id, view.question_id, correct_answer(service, view)
    )
    assert outcome.verdict.correct


def test_sessions_and_scores_are_per_guild(service):
    view = service.quizzes.start_quiz(ANN, "sample", 2, seed=1)
    with pytest.raises(SessionNotFound):
        service.quizzes.answer(OTHER_GUILD, view.session_id, view.question_id, "x")
    play_all(service, ANN, count=2)
    assert service.standings.leaderboard("g2").rows == ()
    assert service.standings.stats("g2", "ann").answered == 0


def test_live_round_reveal_and_podium(service, clock):
    view = service.quizzes.start_quiz(ANN, "sample", 2, Mode.LIVE, seed=4, channel_id="c1")
    assert view.deadline == clock.now + 20
    answer = correct_answer(service, view)
    assert service.quizzes.submit_live_answer(
        ANN, view.session_id, view.question_id, answer
    ).accepted
    assert not service.quizzes.submit_live_answer(
        ANN, view.session_id, view.question_id, "x"
    ).accepted
    clock.now += 10
    service.quizzes.submit_live_answer(BOB, view.session_id, view.question_id, answer)
    clock.now += 10
    reveal = service.quizzes.reveal(view.session_id, view.question_id)
    assert [p.display_name for p in reveal.fastest] == ["Ann", "Bob"]
    assert reveal.correct == 2 and reveal.next_question is not None
    with pytest.raises(QuestionClosed):
        service.quizzes.reveal(view.session_id, view.question_id)
    nxt = reveal.next_question
    clock.now += 20
    final = service.quizzes.reveal(view.session_id, nxt.question_id)
    assert final.finished and final.next_question is None
    summary = service.quizzes.summary(view.session_id, "g1")
    assert [p.display_name for p in summary.podium] == ["Ann", "Bob"]


def test_one_live_quiz_per_channel(service):
    service.quizzes.start_quiz(ANN, "sample", 2, Mode.LIVE, channel_id="c1")
    with pytest.raises(SessionBusy):
        service.quizzes.start_quiz(BOB, "sample", 2, Mode.LIVE, channel_id="c1")
    service.quizzes.start_quiz(BOB, "sample", 2, Mode.LIVE, channel_id="c2")


def test_only_starter_or_staff_may_stop(service):
    view = service.quizzes.start_quiz(ANN, "sample", 2, Mode.LIVE, channel_id="c1")
    with pytest.raises(NotAllowed):
        service.quizzes.stop_quiz(BOB, view.session_id)
    assert service.quizzes.stop_quiz(MOD, view.session_id).stopped
    assert service.quizzes.open_sessions() == []


def test_configured_roles_grant_staff_rights(service):
    with pytest.raises(NotAllowed):
        service.access.set_roles(ANN, "r-inst", "r-mod")
    service.access.set_roles(MOD, "r-inst", "r-mod")
    moderator = Actor("g1", "carl", "Carl", frozenset({"r-mod"}))
    assert service.access.is_moderator(moderator) and not service.access.is_instructor(moderator)
    assert not service.access.is_moderator(Actor("g2", "carl", "Carl", frozenset({"r-mod"})))


def test_reset_needs_a_moderator_and_keeps_history(service):
    last = play_all(service, ANN, count=2)
    play_all(service, BOB, right=False, count=2)
    with pytest.raises(NotAllowed):
        service.standings.reset_scores(ANN)
    assert service.standings.reset_scores(MOD, user_id="ann") == 1
    assert [r.display_name for r in service.standings.leaderboard("g1").rows] == ["Bob"]
    assert len(service.store.session_attempts(last.session_id)) == 2


def test_week_board_only_counts_recent_attempts(service, clock):
    play_all(service, ANN, count=2)
    clock.now += 8 * 86400
    play_all(service, BOB, count=1)
    assert [r.display_name for r in service.standings.leaderboard("g1", period="week").rows] == [
        "Bob"
    ]
    assert len(service.standings.leaderboard("g1", period="all").rows) == 2
    with pytest.raises(InvalidInput):
        service.standings.leaderboard("g1", period="year")


def test_stats_give_accuracy_streaks_and_topics(service):
    play_all(service, ANN, count=3)
    play_all(service, ANN, right=False, count=1, seed=2)
    stats = service.standings.stats("g1", "ann")
    assert (stats.answered, stats.correct, stats.best_streak, stats.current_streak) == (4, 3, 3, 0)
    assert sum(t.answered for t in stats.by_topic) == 4


def test_open_sessions_survive_a_restart(service, clock):
    view = service.quizzes.start_quiz(ANN, "sample", 3, Mode.LIVE, channel_id="c9")
    service.quizzes.submit_live_answer(BOB, view.session_id, view.question_id,
                                       wrong_answer(question_of(service, view)))
    restarted = QuizService(service.store, service.library, clock=clock, live_seconds=20)
    [info] = restarted.quizzes.open_sessions()
    assert (info.session_id, info.question_id, info.channel_id) == (
        view.session_id,
        view.question_id,
        "c9",
    )
    reveal = restarted.quizzes.reveal(view.session_id, view.question_id)
    assert reveal.answered == 1


def test_a_new_practice_quiz_closes_the_old_one(service):
    old = service.quizzes.start_quiz(ANN, "sample", 3, seed=1)
    new = service.quizzes.start_quiz(ANN, "sample", 3, seed=2)
    assert service.quizzes.open_solo_session("g1", "ann") == new.session_id
    with pytest.raises(QuestionClosed):
        service.quizzes.answer(ANN, old.session_id, old.question_id, "x")
    assert [s.session_id for s in service.quizzes.open_sessions()] == [new.session_id]


def test_hints_left_count_down_for_the_solo_player(service):
    view = service.quizzes.start_quiz(ANN, "sample", 5, seed=1)
    while view.question_id != "capital":
        view = service.quizzes.skip(ANN, view.session_id, view.question_id).next_question
    assert view.hints_available == 2
    service.quizzes.hint(ANN, view.session_id, view.question_id)
    assert service.quizzes.current_question(view.session_id, "g1").hints_available == 1


def test_live_starter_is_not_on_the_podium_without_answering(service, clock):
    view = service.quizzes.start_quiz(ANN, "sample", 1, Mode.LIVE, channel_id="c1")
    service.quizzes.submit_live_answer(BOB, view.session_id, view.question_id,
                                       wrong_answer(question_of(service, view)))
    clock.now += 21
    service.quizzes.reveal(view.session_id, view.question_id)
    assert [p.user_id for p in service.quizzes.summary(view.session_id, "g1").podium] == ["bob"]


def test_an_empty_pack_id_is_unknown_not_the_default(service):
    with pytest.raises(UnknownPack):
        service.quizzes.start_quiz(ANN, "", 3)
    with pytest.raises(UnknownPack):
        service.review.start_review(ANN, "nope")


def test_unknown_pack_errors_quote_long_ids_briefly(service):
    with pytest.raises(UnknownPack) as caught:
        service.catalog.pack("g1", "x" * 10_000)
    assert len(str(caught.value)) < 200


def test_ask_log_keeps_questions_short_and_storable(service):
    service.asking.ask("g1", "zzz " * 100_000 + "\ud800")
    [(text, count, _)] = service.asking.unanswered_questions("g1")
    assert len(text) <= 500 and count == 1
