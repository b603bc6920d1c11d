"""Background WAL checkpoints: no commit copies the WAL back itself; the Checkpointer does."""

import sqlite3
import threading

from bot.store import checkpoint
from bot.store.db import Store


def _write(store: Store, count: int, start: int = 0) -> None:
    for n in range(start, start + count):
        with store.atomic():
            store.upsert_learner("g", f"u{n}", "x" * 2000, float(n))


def test_file_connections_leave_checkpoints_to_the_checkpointer(tmp_path):
    store = Store.open(tmp_path / "q.sqlite3")
    own = list(store.db.query("PRAGMA wal_autocheckpoint"))[0]["wal_autocheckpoint"]
    other = []
    thread = threading.Thread(target=lambda: other.append(
        store.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]))
    thread.start()
    thread.join()
    assert own == 0 and other == [0]
    store.close()


def _frames(path) -> tuple[int, int]:
    """(frames in the WAL, frames copied back), asked of SQLite on a connection of the test's."""
    conn = sqlite3.connect(path)
    try:
        _, frames, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    finally:
        conn.close()
    return frames, copied


def test_a_round_copies_the_wal_and_the_next_writer_starts_it_over(tmp_path):
    path = tmp_path / "q.sqlite3"
    store = Store.open(path)
    keeper = store._checkpointer
    keeper.close()  # no thread: this test runs the round itself
    _write(store, 30)
    conn = sqlite3.connect(path)
    assert keeper.run_round(conn) and keeper.rounds == 1
    grown, copied = _frames(path)
    assert grown >= 30 and copied == grown
    _write(store, 1, start=30)  # finish_round, then a WAL that starts over from frame 1
    frames, _ = _frames(path)
    assert 0 < frames <= 4 < grown
    conn.close()
    store.close()
    again = Store.open(path)
    assert again.display_name("g", "u30") == "x" * 2000
    assert again.display_name("g", "u0") == "x" * 2000
    again.close()


def test_a_round_is_asked_for_every_few_hundred_commits(tmp_path, monkeypatch):
    monkeypatch.setattr(checkpoint, "ROUND_COMMITS", 5)
    store = Store.open(tmp_path / "q.sqlite3")
    keeper = store._checkpointer
    keeper.close()
    _write(store, 4)
    assert not keeper._due
    _write(store, 1, start=4)
    assert keeper._due and keeper._wants_round()
    store.close()


def test_a_reader_holding_old_frames_leaves_the_round_unfinished(tmp_path):
    path = tmp_path / "q.sqlite3"
    store = Store.open(path)
    keeper = store._checkpointer
    keeper.close()
    _write(store, 5)
    reader = sqlite3.connect(path)
    reader.execute("BEGIN")
    reader.execute("SELECT COUNT(*) FROM learners").fetchone()  # a snapshot of frames 1..n
    _write(store, 5, start=5)
    conn = sqlite3.connect(path)
    assert not keeper.run_round(conn)  # frames after the reader's snapshot stay for later
    reader.rollback()
    assert keeper.run_round(conn)
    conn.close()
    reader.close()
    store.close()


def test_the_thread_starts_with_writes_and_stops_on_close(tmp_path):
    store = Store.open(tmp_path / "q.sqlite3")
    keeper = store._checkpointer
    assert keeper._thread is None
    _write(store, 2)
    thread = keeper._thread
    assert thread is not None and thread.is_alive()
    store.close()
    assert not thread.is_alive()


def test_a_memory_store_has_no_checkpointer():
    store = Store.open(":memory:")
    assert store._checkpointer is None
    _write(store, 3)
    assert store.display_name("g", "u2") == "x" * 2000
