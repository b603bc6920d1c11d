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
