"""Opening databases: migrations, WAL, foreign keys, and refusing what is not ours."""

import inspect
import sqlite3

import pytest

from bot.core.errors import StoreError
from bot.store import migrations as migrations_module
from bot.store.db import Store


def test_fresh_database_gets_every_table_in_wal_with_foreign_keys(tmp_path):
    store = Store.open(tmp_path / "q.sqlite3")
    assert {"guilds", "learners", "packs", "sessions", "attempts", "scores", "ask_log"} <= set(
        store.db.table_names())
    assert list(store.db.query("PRAGMA journal_mode"))[0]["journal_mode"] == "wal"
    assert list(store.db.query("PRAGMA foreign_keys"))[0]["foreign_keys"] == 1


def test_reopening_keeps_data(tmp_path):
    path = tmp_path / "q.sqlite3"
    store = Store.open(path)
    store.upsert_learner("g", "u", "Ann", 1.0)
    store.close()
    again = Store.open(path)
    assert again.display_name("g", "u") == "Ann"


def test_database_parent_folder_is_created(tmp_path):
    Store.open(tmp_path / "deep" / "er" / "q.sqlite3").close()
    assert (tmp_path / "deep" / "er" / "q.sqlite3").exists()


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("my precious notes")
    with pytest.raises(StoreError, match="not a SQLite database"):
        Store.open(path)
    assert path.read_text() == "my precious notes"


def test_someone_elses_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a quizbot one"):
        Store.open(path)


def test_a_database_from_a_newer_quizbot_is_refused(tmp_path):
    path = tmp_path / "q.sqlite3"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('quizbot', 'm999_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer quizbot"):
        Store.open(path)


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(StoreError, match="directory"):
        Store.open(tmp_path)


def test_migrations_never_drop_anything():
    source = inspect.getsource(migrations_module).upper()
    assert "DROP TABLE" not in source and "DROP COLUMN" not in source


def test_foreign_keys_are_enforced():
    store = Store.open(":memory:")
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute(
            "INSERT INTO learners (guild_id, user_id, display_name, updated_at) "
            "VALUES ('no-such-guild', 'u', 'x', 0)"
        )


def test_upgrading_an_older_database_keeps_its_rows(tmp_path):
    from sqlite_utils import Database

    from bot.store.migrations import migrations

    path = tmp_path / "old.sqlite3"
    old = Database(path)
    migrations.apply(old, stop_before="m002_guild_packs")
    old.execute("INSERT INTO guilds (id, created_at) VALUES ('g', 0)")
    old.execute("INSERT INTO learners VALUES ('g', 'u', 'Ann', 0)")
    old.conn.commit()
    old.close()
    store = Store.open(path)
    assert "guild_packs" in store.db.table_names()
    assert store.display_name("g", "u") == "Ann"


def test_ranking_migration_replays_history_and_keeps_the_old_totals(tmp_path):
    """Before first-attempt ranking a replayed question scored every time; the migration ranks
    the first counted attempt per question, recomputes the board from those, and keeps the old
    totals in scores_before_ranking."""
    from sqlite_utils import Database

    from bot.store.migrations import migrations

    path = tmp_path / "old.sqlite3"
    old = Database(path)
    migrations.apply(old, stop_before="m_class11_ranked_seasons")
    old.execute("INSERT INTO guilds (id, created_at) VALUES ('g', 0)")
    old.execute("INSERT INTO learners VALUES ('g', 'u', 'Ann', 0)")
    old.execute("INSERT INTO packs VALUES ('p', 'P', NULL, 0, 0)")
    for n, (question, correct, points, at) in enumerate(
            [("q1", 0, 0, 1.0), ("q1", 1, 100, 2.0), ("q1", 1, 100, 3.0), ("q2", 1, 80, 4.0)]):
        old.execute("INSERT INTO sessions VALUES (?, 'g', NULL, 'u', 'p', 'solo', 'finished', "
                    "'{}', NULL, 0, 0)", [f"s{n}"])
        old.execute("INSERT INTO attempts (guild_id, user_id, session_id, pack_id, question_id, "
                    "correct, reason, points, time_taken_ms, hint_used, created_at) VALUES "
                    "('g', 'u', ?, 'p', ?, ?, '', ?, 0, 0, ?)", [f"s{n}", question, correct,
                                                                  points, at])
    old.execute("INSERT INTO scores VALUES ('g', 'u', 'p', 280, 3, 4, 2, 4.0)")
    old.conn.commit()
    old.close()
    store = Store.open(path)
    ranked = [(r["question_id"], r["ranked"], r["season"]) for r in
              store.db.query("SELECT question_id, ranked, season FROM attempts ORDER BY id")]
    assert ranked == [("q1", 1, 1), ("q1", 0, 1), ("q1", 0, 1), ("q2", 1, 1)]
    [score] = store.db.query("SELECT points, correct, answered, best_streak FROM scores")
    assert score == {"points": 80, "correct": 1, "answered": 2, "best_streak": 2}
    [kept] = store.db.query("SELECT points FROM scores_before_ranking")
    assert kept["points"] == 280
    assert store.db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0] == 4


def test_fsrs_migration_replays_the_answer_history_into_cards(tmp_path):
    """What the Leitner boxes knew (every recorded answer) becomes one FSRS card per question."""
    from sqlite_utils import Database

    from bot.core.play import spaced
    from bot.store.migrations import migrations

    path = tmp_path / "old.sqlite3"
    old = Database(path)
    migrations.apply(old, stop_before="m_class11_fsrs_cards")
    old.execute("INSERT INTO guilds (id, created_at) VALUES ('g', 0)")
    old.execute("INSERT INTO learners VALUES ('g', 'u', 'Ann', 0)")
    old.execute("INSERT INTO packs VALUES ('p', 'P', NULL, 0, 0)")
    history = [("q1", 0, 0, 100.0), ("q1", 1, 0, 200.0), ("q2", 1, 0, 300.0),
               ("q3", 0, 1, 400.0)]
    for n, (question, correct, skipped, at) in enumerate(history):
        old.execute("INSERT INTO sessions VALUES (?, 'g', NULL, 'u', 'p', 'solo', 'finished', "
                    "'{}', NULL, 0, 0)", [f"s{n}"])
        old.execute("INSERT INTO attempts (guild_id, user_id, session_id, pack_id, question_id, "
                    "correct, reason, points, time_taken_ms, hint_used, skipped, created_at, "
                    "counted) VALUES ('g', 'u', ?, 'p', ?, ?, '', 0, 0, 0, ?, ?, ?)",
                    [f"s{n}", question, correct, skipped, at, 0 if n == 3 else 1])
    old.conn.commit()
    old.close()
    store = Store.open(path)
    cards = {r["question_id"]: r for r in store.cards_of("g", "u")}
    assert set(cards) == {"q1", "q2", "q3"} and cards["q1"]["reviews"] == 2
    card, due = spaced.review(None, spaced.rating_for(correct=False, skipped=False,
                                                      hint_used=False), 100.0)
    _, due = spaced.review(card, spaced.rating_for(correct=True, skipped=False,
                                                   hint_used=False), 200.0)
    assert cards["q1"]["due_at"] == due
    assert cards["q3"]["due_at"] == 400.0  # a skipped (and reset) answer: due at once
    assert store.db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0] == 4
