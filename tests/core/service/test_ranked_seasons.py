"""Fair ranked points: each question counts once per learner per season; seasons archive boards.

An injected clock moves through the weeks; a replayed quiz, a review or a second try is recorded
as practice (stats show it) but never moves the board.
"""

import pytest
from sample_pack import wrong_answer

from bot.core.errors import InvalidInput, NotAllowed
from bot.core.models import Actor, Mode

DAY = 86400.0
ANN = Actor("g1", "ann", "Ann")
BOB = Actor("g1", "bob", "Bob")
MOD = Actor("g1", "mod", "Mo", can_manage_guild=True)







def play(service, actor, *, right=True, seed=1, count=5, skip=False):
    """Play a seeded solo quiz; every answer right (or wrong, or skipped). The last outcome."""
    view = service.quizzes.start_quiz(actor, "sample", count, seed=seed)
    outcomes = []
    while view is not None:
        question = service.catalog.pack("g1", "sample").question(view.question_id)
        if skip:
            outcome = service.quizzes.skip(actor, view.session_id, view.question_id)
        else:
            response = question.answer_text() if right else wrong_answer(question)
            outcome = service.quizzes.answer(actor, view.session_id, view.question_id, response)
        outcomes.append(outcome)
        view = outcome.next_question
    return outcomes


def board_points(service, **kwargs):
    return {r.display_name: r.points for r in service.standings.leaderboard("g1", **kwargs).rows}


def test_replaying_a_quiz_three_times_leaves_ranked_points_where_the_first_play_put_them(
        service, clock):
    first = play(service, ANN, count=3)
    after_first = board_points(service)["Ann"]
    assert after_first > 0 and all(o.ranked for o in first)
    for _ in range(2):
        clock.now += DAY
        replay = play(service, ANN, count=3)
        assert not any(o.ranked for o in replay) and replay[-1].total_points > 0
        summary = service.quizzes.summary(replay[-1].session_id, "g1")
        assert summary.ranked_points == 0 and summary.points == replay[-1].total_points
    assert board_points(service) == {"Ann": after_first}
    assert board_points(service, period="week") == {"Ann": after_first}
    stats = service.standings.stats("g1", "ann")
    assert stats.answered == 9 and stats.practice == 6 and stats.ranked_points == after_first


def test_the_first_attempt_counts_even_when_it_was_a_miss_or_a_skip(service):
    play(service, ANN, count=2, right=False)
    play(service, ANN, count=2, right=True)  # the same two questions, now right: practice
    play(service, BOB, count=2, skip=True)   # a skip shows the answer: it is the ranked try
    play(service, BOB, count=2, right=True)
    assert board_points(service) == {"Ann": 0, "Bob": 0}
    play(service, ANN, count=3)  # one question new to Ann: it counts
    assert board_points(service)["Ann"] > 0


def test_a_review_quiz_is_practice(service, clock):
    play(service, ANN, count=5, right=False)
    clock.now += DAY
    view = service.review.start_review(ANN, count=5)
    question = service.catalog.pack("g1", "sample").question(view.question_id)
    outcome = service.quizzes.answer(ANN, view.session_id, view.question_id,
                                     question.answer_text())
    assert outcome.verdict.correct and outcome.points > 0 and not outcome.ranked
    assert board_points(service) == {"Ann": 0}


def test_a_live_answer_ranks_once_too(service, clock):
    for _ in range(2):
        view = service.quizzes.start_quiz(MOD, "sample", 1, Mode.LIVE, channel_id="c1",
                                          only=["synthetic"])
        service.quizzes.submit_live_answer(BOB, view.session_id, view.question_id, "true")
        clock.now += 21
        service.quizzes.reveal(view.session_id, view.question_id)
    assert board_points(service) == {"Bob": 100}  # an instant right answer, counted once


def test_a_reset_lets_questions_count_again(service):
    play(service, ANN, count=2)
    before = board_points(service)["Ann"]
    service.standings.reset_scores(MOD, user_id="ann")
    assert board_points(service) == {}
    play(service, ANN, count=2)
    assert board_points(service) == {"Ann": before}


def test_a_new_season_archives_the_board_and_every_question_counts_afresh(service, clock):
    with pytest.raises(NotAllowed):
        service.standings.start_season(ANN)
    play(service, ANN, count=3)
    play(service, BOB, count=1)
    season_one = board_points(service)
    assert [s.number for s in service.standings.seasons("g1")] == [1]
    clock.now += 30 * DAY
    started = service.standings.start_season(MOD, "Spring term")
    assert (started.number, started.name, started.current) == (2, "Spring term", True)
    assert board_points(service) == {}
    assert board_points(service, season=1) == season_one
    archived = service.standings.leaderboard("g1", season=1)
    assert archived.archived and archived.season == 1
    assert not service.standings.leaderboard("g1").archived
    play(service, ANN, count=3)  # the same questions, a new season: they count again
    assert board_points(service) == {"Ann": season_one["Ann"]}
    seasons = service.standings.seasons("g1")
    assert [(s.number, s.players, s.current) for s in seasons] == [(1, 2, False), (2, 1, True)]
    assert seasons[1].started_at == clock.now
    history = service.standings.stats("g1", "ann")
    assert history.answered == 6  # all history kept across seasons
    with pytest.raises(InvalidInput, match="no season 3"):
        service.standings.leaderboard("g1", season=3)
    other_guild = service.standings.leaderboard("g2")
    assert other_guild.season == 1 and not other_guild.rows
