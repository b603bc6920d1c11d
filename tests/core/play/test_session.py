"""The pure session state machine: seeded order, solo steps, live rounds, persistence."""

import pytest
from sample_pack import make_pack, wrong_answer

from bot.core.errors import AnswerNotInForm, InvalidInput, QuestionClosed
from bot.core.models import Mode
from bot.core.play.session import FINISHED, STOPPED, QuizSession


def solo(seed=1, count=5, now=0.0):
    return QuizSession.create(session_id="s1", pack=make_pack(), guild_id="g", starter_id="u",
                              mode=Mode.SOLO, count=count, seed=seed, now=now)


def live(now=0.0):
    return QuizSession.create(session_id="s2", pack=make_pack(), guild_id="g", starter_id="u",
                              mode=Mode.LIVE, count=3, seed=7, now=now, channel_id="c",
                              time_limit=20)


def question(session):
    return make_pack().question(session.current_id)


def test_same_seed_same_order_and_different_seeds_differ():
    assert solo(seed=3).question_ids == solo(seed=3).question_ids
    orders = {tuple(solo(seed=s).question_ids) for s in range(10)}
    assert len(orders) > 1


def test_count_larger_than_pack_takes_every_question_once():
    session = solo(count=50)
    assert sorted(session.question_ids) == sorted(q.id for q in make_pack().questions)


def test_solo_answer_scores_advances_and_finishes():
    session = solo(count=2)
    first = question(session)
    scored = session.answer_solo(first, "u", "Ann", first.answer_text(), now=5)
    assert scored.verdict.correct and scored.points == first.points
    assert scored.elapsed_ms == 5000 and session.index == 1
    second = question(session)
    session.skip_solo(second, "u", "Ann", now=6)
    assert session.status == FINISHED and session.current_id is None
    player = session.players["u"]
    assert (player.correct, player.answered, player.skipped) == (1, 1, 1)


def test_answering_a_closed_question_is_refused():
    session = solo()
    first = question(session)
    session.answer_solo(first, "u", "Ann", wrong_answer(first), now=1)
    with pytest.raises(QuestionClosed):
        session.answer_solo(first, "u", "Ann", "again", now=2)


def test_someone_elses_solo_quiz_is_refused():
    session = solo()
    with pytest.raises(QuestionClosed):
        session.answer_solo(question(session), "intruder", "Eve", "x", now=1)


def test_hints_run_out_and_lower_the_points():
    session = QuizSession.create(session_id="s", pack=make_pack(), guild_id="g", starter_id="u",
                                 mode=Mode.SOLO, count=5, seed=1, now=0)
    while session.current_id != "capital":
        session.skip_solo(question(session), "u", "Ann", now=0)
    capital = question(session)
    assert session.take_hint(capital, "u", "Ann") == "It starts with C."
    assert session.take_hint(capital, "u", "Ann") == "Culi…"
    with pytest.raises(InvalidInput):
        session.take_hint(capital, "u", "Ann")
    scored = session.answer_solo(capital, "u", "Ann", "Culiacan", now=1)
    assert scored.verdict.correct and scored.points == 25 and scored.hints_used == 2


def test_streak_resets_on_a_wrong_answer():
    session = solo(count=5)
    results = []
    for right in (True, True, False, True):
        q = question(session)
        response = q.answer_text() if right else wrong_answer(q)
        results.append(session.answer_solo(q, "u", "Ann", response, now=0))
    assert [r.streak for r in results] == [1, 2, 0, 1]
    assert session.players["u"].best_streak == 2


def test_live_round_keeps_first_answer_and_scores_by_speed():
    session = live()
    q = question(session)
    assert session.submit_live(q, "a", "Ann", q.answer_text(), now=0)
    assert not session.submit_live(q, "a", "Ann", wrong_answer(q), now=1)
    assert session.submit_live(q, "b", "Bob", q.answer_text(), now=10)
    assert session.submit_live(q, "c", "Cat", wrong_answer(q), now=2)
    results = session.close_live(q, now=20)
    points = {r.user_id: r.points for r in results}
    assert points["a"] == q.points and points["b"] == round(q.points * 0.75)
    assert points["c"] == 0
    assert session.index == 1 and session.deadline == 40


def test_live_answer_after_the_deadline_is_refused():
    session = live()
    with pytest.raises(QuestionClosed):
        session.submit_live(question(session), "a", "Ann", "x", now=21)


def test_json_round_trip_keeps_everything():
    session = live()
    q = question(session)
    session.submit_live(q, "a", "Ann", wrong_answer(q), now=1)
    restored = QuizSession.from_json(session.to_json())
    assert restored == session


def test_stop_closes_the_session():
    session = live()
    session.stop(now=3)
    assert session.status == STOPPED and session.current_id is None


def test_someone_else_cannot_take_hints_in_a_practice_quiz():
    session = solo()
    with pytest.raises(QuestionClosed):
        session.take_hint(question(session), "intruder", "Eve")
    assert "intruder" not in session.players


def test_an_answer_not_in_the_form_changes_nothing_and_the_question_stays_open():
    session = QuizSession.create(session_id="s", pack=make_pack(), guild_id="g", starter_id="u",
                                 mode=Mode.SOLO, count=2, seed=1, now=0,
                                 only=["president", "synthetic"])
    session.answer_solo(question(session), "u", "Ann", "Vicente Fox", now=1)
    synthetic = question(session)
    before = session.to_json()
    for slip in ("ture", "maybe", "?!"):
        with pytest.raises(AnswerNotInForm, match="Try again"):
            session.answer_solo(synthetic, "u", "Ann", slip, now=2)
    assert session.to_json() == before and session.current_id == "synthetic"
    assert session.answer_solo(synthetic, "u", "Ann", "true", now=3).streak == 2


def test_a_live_answer_not_in_the_form_is_not_kept():
    session = live()
    q = question(session)
    slip = {"choice": "z", "truefalse": "ture", "number": "lots", "order": "a",
            "text": "?!"}[q.type.value]
    with pytest.raises(AnswerNotInForm):
        session.submit_live(q, "a", "Ann", slip, now=1)
    assert session.pending == {} and "a" not in session.players
    assert session.submit_live(q, "a", "Ann", q.answer_text(), now=2)


def test_a_question_with_its_own_time_limit_sets_the_live_deadline_and_the_speed_points():
    from dataclasses import replace

    pack = make_pack()
    quick = replace(pack.question("synthetic"), time_limit=10.0)
    pack = replace(pack, questions=tuple(quick if q.id == "synthetic" else q
                                         for q in pack.questions))
    session = QuizSession.create(session_id="s", pack=pack, guild_id="g", starter_id="u",
                                 mode=Mode.LIVE, count=2, seed=1, now=0, channel_id="c",
                                 time_limit=30, only=["synthetic", "president"])
    assert session.deadline == 10.0  # its own 10 s, not the quiz's 30
    session.submit_live(quick, "a", "Ann", "true", now=10)
    [scored] = session.close_live(quick, now=10)
    assert scored.points == 50  # half the points at its own limit
    assert session.deadline == 40.0  # the next question: the quiz's 30 s
    assert QuizSession.from_json(session.to_json()).limits == {"synthetic": 10.0}


def test_the_stored_json_is_what_asdict_gave_so_old_rows_and_new_agree():
    import json
    from dataclasses import asdict

    from sample_pack import make_pack

    from bot.core.models import Mode
    from bot.core.play.session import QuizSession

    pack = make_pack()
    session = QuizSession.create(session_id="s", pack=pack, guild_id="g", starter_id="u",
                                 mode=Mode.LIVE, count=3, seed=3, now=1.0, channel_id="c")
    session.player("v", "V").hints["q"] = 2
    question = pack.question(session.current_id)
    session.submit_live(question, "u", "U", question.answer_text(), 2.0)
    assert session.to_json() == json.dumps(asdict(session))
    assert QuizSession.from_json(session.to_json()) == session
