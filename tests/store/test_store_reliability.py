"""The store survives interrupted starts, full disks, busy and read-only databases (issue 10)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from bot.core.errors import StoreBusy, StoreError
from bot.core.models import Attempt
from bot.store import db as db_module
from bot.store import guard
from bot.store.db import Store
from bot.store.migrations import migrations

EVERY_MIGRATION = [m.name for m in migrations.pending(Database(memory=True))]


def applied(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    finally:
        conn.close()


def _start_killed_at(path: Path, statement: int) -> bool:
    """Start the store in a child process that dies (os._exit, like SIGKILL: no cleanup, no
    flush) when SQLite begins its `statement`-th statement. True if it got that far."""
    pid = os.fork()
    if pid == 0:  # the child
        seen = 0
        real_connect = sqlite3.connect

        def connect(*args, **kwargs):
            conn = real_connect(*args, **kwargs)

            def trace(_sql: str) -> None:
                nonlocal seen
                seen += 1
                if seen == statement:
                    os._exit(9)
            conn.set_trace_callback(trace)
            return conn
        db_module.sqlite3.connect = connect  # type: ignore[assignment]
        try:
            Store.open(path).close()
        except BaseException:
            os._exit(2)
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    assert code in (0, 9), f"the child start failed with {code}"
    return code == 9


def test_a_first_start_killed_at_any_statement_is_finished_by_the_next(tmp_path: Path) -> None:
    killed_at = 0
    for statement in range(1, 400):
        path = tmp_path / f"kill-{statement}.sqlite3"
        if not _start_killed_at(path, statement):
            break
        killed_at += 1
        if statement % 3 == 0 or statement < 12:  # every early point, then a sample
            store = Store.open(path)  # never "not a quizbot database"
            store.upsert_learner("g", "u", "Ann", 1.0)
            store.close()
            assert applied(path) == EVERY_MIGRATION
    assert killed_at > 10, "the start should run more statements than that"


def _old_quizbot_leftovers(path: Path, upto: int) -> None:
    """What the previous quizbot left when killed during its first start: the migrations table
    (maybe) and the first `upto` tables of m001, committed one by one, with nothing recorded."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, migration_set TEXT, "
                 "name TEXT, applied_at TEXT)")
    for table in ["guilds (id TEXT PRIMARY KEY)", "learners (guild_id TEXT)",
                  "packs (id TEXT)"][:upto]:
        conn.execute(f"CREATE TABLE {table}")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("upto", [0, 1, 3])
def test_a_database_an_older_quizbot_left_half_created_is_finished(tmp_path: Path,
                                                                   upto: int) -> None:
    path = tmp_path / "q.sqlite3"
    _old_quizbot_leftovers(path, upto)
    store = Store.open(path)
    store.upsert_learner("g", "u", "Ann", 1.0)
    assert store.display_name("g", "u") == "Ann"
    store.close()
    assert applied(path) == EVERY_MIGRATION


def test_leftovers_holding_data_are_refused_not_dropped(tmp_path: Path) -> None:
    path = tmp_path / "q.sqlite3"
    _old_quizbot_leftovers(path, 1)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO guilds VALUES ('precious')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a quizbot one"):
        Store.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT id FROM guilds").fetchall() == [("precious",)]
    conn.close()


def test_a_first_start_on_a_full_disk_is_named_and_redone_later(tmp_path: Path,
                                                                monkeypatch) -> None:
    path = tmp_path / "q.sqlite3"
    real_connect = sqlite3.connect

    def tiny_disk(*args, **kwargs):
        conn = real_connect(*args, **kwargs)
        conn.execute("PRAGMA max_page_count=3")  # SQLite's own "disk full" after 3 pages
        return conn
    monkeypatch.setattr(db_module.sqlite3, "connect", tiny_disk)
    with pytest.raises(StoreError) as err:
        Store.open(path)
    assert "full" in str(err.value) and "\n" not in str(err.value)
    monkeypatch.setattr(db_module.sqlite3, "connect", real_connect)
    Store.open(path).close()
    assert applied(path) == EVERY_MIGRATION


def _attempt(question: str = "q1", session: str = "s1") -> Attempt:
    return Attempt("g", "u", session, "p", question, "x", True, "exact", 100, 10, False, False,
                   1.0)


def _store_with_a_session(path: Path) -> Store:
    store = Store.open(path)
    store.upsert_learner("g", "u", "Ann", 1.0)
    store.upsert_pack("p", "Pack", None, 1.0)
    store.create_session({"id": "s1", "guild_id": "g", "channel_id": None, "starter_id": "u",
                          "pack_id": "p", "mode": "solo", "status": "open", "state": "{}",
                          "now": 1.0})
    return store


def test_a_busy_database_is_waited_for_then_named_in_one_line(tmp_path: Path,
                                                              monkeypatch) -> None:
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_S", 0.05)
    monkeypatch.setattr(guard, "_RETRY_PAUSE_S", 0.0)
    path = tmp_path / "q.sqlite3"
    store = _store_with_a_session(path)
    store.close()
    store = Store.open(path)
    other = sqlite3.connect(path)
    other.execute("BEGIN IMMEDIATE")  # another process writing, for longer than we wait
    with pytest.raises(StoreBusy) as err:
        store.record_attempt(_attempt(), None, 1)
    assert "busy" in str(err.value) and "\n" not in str(err.value)
    other.rollback()
    other.close()
    assert store.record_attempt(_attempt(), None, 1) is True  # nothing half-written before
    assert len(store.session_attempts("s1")) == 1


def test_a_full_disk_at_runtime_is_named_and_keeps_what_was_there(tmp_path: Path) -> None:
    store = _store_with_a_session(tmp_path / "q.sqlite3")
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count={pages}")
    with pytest.raises(StoreError) as err:
        for n in range(2000):
            store.record_attempt(_attempt(f"q{n}-" + "x" * 500), None, 1)
    assert str(err.value).startswith("the disk holding ") and "is full" in str(err.value)
    assert store.display_name("g", "u") == "Ann"


def test_a_read_only_database_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "q.sqlite3"
    _store_with_a_session(path).close()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    readonly = guard.GuardedDatabase(conn, str(path))
    with pytest.raises(StoreError) as err:
        readonly.execute("INSERT INTO packs (id, title, first_seen, last_seen) "
                         "VALUES ('x', 'x', 1, 1)")
    assert "is read-only" in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(StoreError, match="is read-only"), readonly.atomic():
        readonly.execute("DELETE FROM packs")


def test_constraint_errors_are_not_disguised_as_disk_trouble(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "q.sqlite3")
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute("INSERT INTO learners (guild_id, user_id, display_name, updated_at) "
                         "VALUES ('nope', 'u', 'x', 1)")


def test_the_bot_waits_briefly_for_a_lock_the_terminal_longer(tmp_path: Path) -> None:
    """The bot runs the store on its event loop (Discord wants an answer within 3 s)."""
    from bot.config import Settings
    from bot.discord_app.client import open_service

    settings = Settings.load(db=str(tmp_path / "q.sqlite3"), env={},
                             dotenv_path=tmp_path / "none")
    bot_service = open_service(settings)
    terminal = Store.open(tmp_path / "q.sqlite3")
    try:
        bot_db = bot_service.quizzes.store.db
        assert bot_db.execute("PRAGMA busy_timeout").fetchone()[0] == 400
        assert bot_db.waited_s < 1.0  # then StoreBusy: 'try again in a moment'
        assert terminal.db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert terminal.db.waited_s == 15.0
    finally:
        bot_service.close()
        terminal.close()
