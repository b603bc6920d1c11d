"""Live answers are rows until the reveal: the session's JSON is not rewritten per answer, and
nothing "locked in" is lost to a restart."""

import json

import pytest
from sample_pack import wrong_answer

from bot.core.errors import AnswerNotInForm, QuestionClosed
from bot.core.models import Actor, Mode
from bot.core.service import QuizService

HOST = Actor("g1", "host", "Host", can_manage_guild=True)
PLAYERS = [Actor("g1", f"p{n}", f"Player {n}") for n in range(5)]


def _question(service, view):
    return service.catalog.pack("g1", view.pack_id).question(view.question_id)


def _live(service):
    return service.quizzes.start_quiz(HOST, "sample", 2, Mode.LIVE, channel_id="c1", seed=4)


def test_an_answer_is_one_row_and_leaves_the_session_json_alone(service):
    view = _live(service)
    before = service.store.session_row(view.session_id)["state"]
    for who in PLAYERS:
        assert service.quizzes.submit_live_answer(
            who, view.session_id, view.question_id, wrong_answer(_question(service, view))).accepted
    assert service.store.session_row(view.session_id)["state"] == before
    assert len(service.store.live_answers(view.session_id, 0)) == len(PLAYERS)


def test_answers_survive_a_restart_and_are_scored_once_at_the_reveal(service, clock):
    view = _live(service)
    right = _question(service, view).answer_text()
    for who in PLAYERS[:3]:
        service.quizzes.submit_live_answer(who, view.session_id, view.question_id, right)
    again = service.quizzes.submit_live_answer(PLAYERS[0], view.session_id, view.question_id,
                                               "something else")
    assert not again.accepted
    restarted = QuizService(service.store, service.library, clock=clock, live_seconds=20)
    reveal = restarted.quizzes.reveal(view.session_id, view.question_id)
    assert (reveal.answered, reveal.correct) == (3, 3)
    assert service.store.live_answers(view.session_id, 0) == []  # attempts now
    attempts = service.store.session_attempts(view.session_id)
    assert sorted(a["user_id"] for a in attempts) == ["p0", "p1", "p2"]
    state = json.loads(service.store.session_row(view.session_id)["state"])
    assert {"p0", "p1", "p2"} <= set(state["players"])


def test_the_next_question_starts_with_no_one_answered(service):
    view = _live(service)
    service.quizzes.submit_live_answer(PLAYERS[0], view.session_id, view.question_id,
                                       wrong_answer(_question(service, view)))
    nxt = service.quizzes.reveal(view.session_id, view.question_id).next_question
    assert service.quizzes.submit_live_answer(
        PLAYERS[0], nxt.session_id, nxt.question_id, wrong_answer(_question(service, nxt))
    ).accepted
    assert service.quizzes.reveal(nxt.session_id, nxt.question_id).answered == 1


def test_a_stopped_live_quiz_forgets_its_unrevealed_answers(service):
    view = _live(service)
    service.quizzes.submit_live_answer(PLAYERS[1], view.session_id, view.question_id,
                                       wrong_answer(_question(service, view)))
    service.quizzes.stop_quiz(HOST, view.session_id)
    assert service.store.live_answers(view.session_id, 0) == []
    assert service.store.session_attempts(view.session_id) == []


def test_a_hint_after_answering_is_refused_as_before(service):
    view = _live(service)
    service.quizzes.submit_live_answer(PLAYERS[2], view.session_id, view.question_id,
                                       wrong_answer(_question(service, view)))
    with pytest.raises(QuestionClosed):
        service.quizzes.hint(PLAYERS[2], view.session_id, view.question_id)


def _true_false(service):
    return service.quizzes.start_quiz(HOST, "sample", 1, Mode.LIVE, channel_id="c2",
                                      only=["synthetic"])


def test_a_second_answer_out_of_form_still_says_already_answered(service):
    view = _true_false(service)
    service.quizzes.submit_live_answer(PLAYERS[3], view.session_id, view.question_id, "false")
    ack = service.quizzes.submit_live_answer(PLAYERS[3], view.session_id, view.question_id,
                                             "banana")
    assert not ack.accepted


def test_an_answer_out_of_form_stores_nothing(service):
    view = _true_false(service)
    with pytest.raises(AnswerNotInForm):
        service.quizzes.submit_live_answer(PLAYERS[4], view.session_id, view.question_id,
                                           "banana")
    assert service.store.live_answers(view.session_id, 0) == []


def test_pending_answers_an_older_quizbot_kept_in_the_json_still_count(service):
    view = _live(service)
    row = service.store.session_row(view.session_id)
    state = json.loads(row["state"])
    state["players"]["old"] = {"user_id": "old", "display_name": "Old", "points": 0,
                               "correct": 0, "answered": 0, "skipped": 0, "streak": 0,
                               "best_streak": 0, "hints": {}}
    state["pending"]["old"] = {"response": "x", "correct": False, "reason": "no",
                               "matched": None, "at": state["opened_at"]}
    service.store.upsert_learner("g1", "old", "Old", 1.0)
    service.store.save_session(view.session_id, json.dumps(state), "open", 1.0)
    old = Actor("g1", "old", "Old")
    assert not service.quizzes.submit_live_answer(old, view.session_id, view.question_id,
                                                  "again").accepted
    service.quizzes.submit_live_answer(PLAYERS[0], view.session_id, view.question_id,
                                       wrong_answer(_question(service, view)))
    assert service.quizzes.reveal(view.session_id, view.question_id).answered == 2


def test_a_live_quiz_open_across_the_upgrade_keeps_its_pending_answers(tmp_path, clock):
    """A database written before m_answer9_live_answers, with a live question open and one
    answer pending in the session JSON: after the upgrade that answer still counts once, and new
    answers go to the new table."""
    from sample_pack import make_pack
    from sqlite_utils import Database

    from bot.core.packs.library import PackLibrary
    from bot.core.play.session import QuizSession
    from bot.store.db import Store
    from bot.store.migrations import migrations

    pack = make_pack()
    path = tmp_path / "old.sqlite3"
    old = Database(path)
    migrations.apply(old, stop_before="m_answer9_live_answers")
    session = QuizSession.create(session_id="s1", pack=pack, guild_id="g1", starter_id="host",
                                 mode=Mode.LIVE, count=2, seed=4, now=clock(), channel_id="c1",
                                 time_limit=20.0)
    question = pack.question(session.current_id)
    assert session.submit_live(question, "old", "Old", wrong_answer(question), clock())
    old.execute("INSERT INTO guilds (id, created_at) VALUES ('g1', 0)")
    for user, name in (("host", "Host"), ("old", "Old")):
        old.execute("INSERT INTO learners VALUES ('g1', ?, ?, 0)", [user, name])
    old.execute("INSERT INTO packs VALUES (?, ?, NULL, 0, 0)", [pack.id, pack.title])
    old.execute("INSERT INTO sessions (id, guild_id, channel_id, starter_id, pack_id, mode, "
                "status, state, created_at, updated_at) VALUES ('s1', 'g1', 'c1', 'host', ?, "
                "'live', 'open', ?, 0, 0)", [pack.id, session.to_json()])
    old.conn.commit()
    old.close()

    library = PackLibrary(None)
    library.add(pack)
    upgraded = Store.open(path)
    assert "live_answers" in upgraded.db.table_names()
    service = QuizService(upgraded, library, clock=clock, live_seconds=20)
    assert not service.quizzes.submit_live_answer(Actor("g1", "old", "Old"), "s1", question.id,
                                                  "again").accepted
    assert service.quizzes.submit_live_answer(PLAYERS[0], "s1", question.id,
                                              wrong_answer(question)).accepted
    assert len(upgraded.live_answers("s1", 0)) == 1
    assert service.quizzes.reveal("s1", question.id).answered == 2
    assert sorted(a["user_id"] for a in upgraded.session_attempts("s1")) == ["old", "p0"]
    upgraded.close()
