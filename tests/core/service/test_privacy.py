"""A learner's own data: what /privacy show exports, and that /privacy delete leaves no row of
that learner in that guild (read back from the database itself), while other guilds and other
learners keep theirs and the boards are recomputed without them."""

from __future__ import annotations

import json

import pytest

from bot.core.errors import SessionBusy
from bot.core.judge.verdicts import judge
from bot.core.models import Actor, Mode
from bot.core.service import QuizService

ANN = Actor("g1", "ann", "Ann")
BOB = Actor("g1", "bob", "Bob")
ANN_ELSEWHERE = Actor("g2", "ann", "Ann")
HOST = Actor("g1", "host", "Host", can_manage_guild=True)





def play_solo(service: QuizService, who: Actor, answers: list[str]) -> None:
    view = service.quizzes.start_quiz(who, "sample", len(answers), seed=3)
    for answer in answers:
        question = service.catalog.pack(who.guild_id, "sample").question(view.question_id)
        if answer == "zzz" or judge(question, answer).form_error:
            answer = _miss(service, who.guild_id, view.session_id)  # a miss in the form asked
        outcome = service.quizzes.answer(who, view.session_id, view.question_id, answer)
        if outcome.next_question is None:
            return
        view = outcome.next_question


def play_live(service: QuizService, players: list[Actor]) -> str:
    """A one-question live round the host runs, every player answering (wrongly)."""
    live = service.quizzes.start_quiz(HOST, "sample", 1, Mode.LIVE, channel_id="c1")
    for who in players:
        service.quizzes.submit_live_answer(who, live.session_id, live.question_id,
                                       _miss(service, who.guild_id, live.session_id))
    service.quizzes.reveal(live.session_id, live.question_id)
    return live.session_id


def rows_naming(service: QuizService, guild_id: str, user_id: str) -> dict[str, int]:
    """Rows of every table in `guild_id` holding `user_id` in any column (or, JSON-quoted, in a
    session's state), read straight from SQLite: table -> count."""
    db = service.store.db
    found: dict[str, int] = {}
    for table in db.table_names():
        columns = [c.name for c in db[table].columns]
        if "guild_id" not in columns:
            continue  # guilds, packs and the migrations bookkeeping name no learner
        plain = [c for c in columns if c != "state"]
        where = " OR ".join(f'"{c}" = ?' for c in plain)
        args = [user_id] * len(plain)
        if "state" in columns:
            where += " OR instr(state, ?) > 0"
            args.append(f'"{user_id}"')
        n = list(db.query(f'SELECT COUNT(*) AS n FROM "{table}" WHERE guild_id = ? AND ({where})',
                          [guild_id, *args]))[0]["n"]
        if n:
            found[table] = n
    return found


def fill(service: QuizService) -> str:
    play_solo(service, ANN, ["Culiacán", "5", "A"])
    play_solo(service, BOB, ["Culiacán", "11000", "A"])
    play_solo(service, ANN_ELSEWHERE, ["Culiacán", "5"])
    service.asking.ask("g1", "how do volcanoes erupt underwater", user_id="ann")
    service.asking.ask("g2", "how do volcanoes erupt underwater", user_id="ann")
    return play_live(service, [ANN, BOB])


def test_show_lists_what_is_stored_about_me_only(service: QuizService) -> None:
    fill(service)
    data = json.loads(service.privacy.my_data_json(ANN))
    assert data["guild_id"] == "g1" and data["user_id"] == "ann"
    assert [p["display_name"] for p in data["profile"]] == ["Ann"]
    assert len(data["answers"]) == 4  # three solo answers and one live answer
    assert {a["session_id"] for a in data["answers"]} <= {q["id"] for q in data["quizzes"]}
    assert data["totals"] and all(t["pack_id"] == "sample" for t in data["totals"])
    assert [q["text"] for q in data["unanswered_questions"]] == [
        "how do volcanoes erupt underwater"]
    assert data["review_schedule"], "her misses are due for review"
    assert "Bob" not in json.dumps(data) and "bob" not in json.dumps(data)


def test_delete_leaves_no_row_of_that_learner_in_that_guild(service: QuizService) -> None:
    live_id = fill(service)
    assert rows_naming(service, "g1", "ann"), "the test must start with her data present"
    before_g2 = rows_naming(service, "g2", "ann")
    bob_points = service.standings.stats("g1", "bob").points

    summary = service.privacy.delete_my_data(ANN)

    assert rows_naming(service, "g1", "ann") == {}
    assert rows_naming(service, "g2", "ann") == before_g2, "another server's data stays"
    assert summary.answers == 4 and summary.totals == 1 and summary.unanswered_questions == 1
    assert summary.sessions == 1, "her solo quiz goes; the live round Bob played stays"
    board = service.standings.leaderboard("g1")
    assert [r.user_id for r in board.rows] == ["bob"]
    assert service.standings.stats("g1", "bob").points == bob_points
    summary_of_live = service.quizzes.summary(live_id, "g1", "bob")
    assert [p.user_id for p in summary_of_live.podium] == ["bob"]
    assert service.privacy.delete_my_data(ANN).nothing


def test_deleting_a_quiz_starter_keeps_the_round_others_played(service: QuizService) -> None:
    live_id = play_live(service, [BOB])
    service.privacy.delete_my_data(HOST)
    assert rows_naming(service, "g1", "host") == {}
    assert service.quizzes.summary(live_id, "g1", "bob").podium


def test_a_round_someone_else_ran_stays_when_its_only_player_leaves(service) -> None:
    live_id = play_live(service, [ANN])
    service.privacy.delete_my_data(ANN)
    assert service.store.session_row(live_id)["starter_id"] == "host"
    assert rows_naming(service, "g1", "ann") == {}


def test_delete_is_refused_while_my_live_quiz_runs(service: QuizService) -> None:
    service.quizzes.start_quiz(HOST, "sample", 2, Mode.LIVE, channel_id="c1")
    with pytest.raises(SessionBusy, match="/quiz stop"):
        service.privacy.delete_my_data(HOST)


def test_a_table_added_later_with_guild_and_user_is_covered(service: QuizService) -> None:
    """A future table keyed by (guild_id, user_id), e.g. a review state, is exported and
    deleted without anyone listing it."""
    service.store.db.execute("CREATE TABLE review_state (guild_id TEXT, user_id TEXT, card TEXT)")
    service.store.db.execute("INSERT INTO review_state VALUES ('g1', 'ann', 'c1'), "
                             "('g2', 'ann', 'c2')")
    assert service.privacy.my_data(ANN)["review_state"] == [{"card": "c1"}]
    assert service.privacy.delete_my_data(ANN).other_rows == 1
    assert [r["guild_id"] for r in service.store.db.query("SELECT * FROM review_state")] == ["g2"]


def test_delete_also_removes_what_points_at_the_learners_attempts(service: QuizService) -> None:
    """A table with a foreign key to attempts (the rescore history) must not block the delete,
    and its rows about this learner's attempts go too."""
    play_solo(service, ANN, ["zzz"])
    play_solo(service, BOB, ["zzz"])
    db = service.store.db
    for attempt in list(db.query("SELECT id FROM attempts")):
        db.execute("INSERT INTO attempt_rescores (attempt_id, correct_before, points_before, "
                   "reason_before, rescored_by, rescored_at) VALUES (?, 0, 0, 'x', 'teacher', 1)",
                   [attempt["id"]])
    service.privacy.delete_my_data(ANN)
    left = list(db.query("SELECT a.user_id FROM attempt_rescores r JOIN attempts a "
                         "ON a.id = r.attempt_id"))
    assert [r["user_id"] for r in left] == ["bob"]
    assert rows_naming(service, "g1", "ann") == {}


def _miss(service, guild_id: str, session_id: str) -> str:
    """A wrong answer in the open question's form (a nonsense one is asked again, not scored)."""
    from sample_pack import wrong_answer

    view = service.quizzes.current_question(session_id, guild_id)
    return wrong_answer(service.catalog.pack(guild_id, view.pack_id).question(view.question_id))
