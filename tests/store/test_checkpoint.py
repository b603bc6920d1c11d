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


def test_waiting_frames_reads_what_sqlite_has_not_copied_back(tmp_path):
    path = tmp_path / "q.sqlite3"
    store = Store.open(path)
    _write(store, 20)
    keeper = store._checkpointer
    waiting = keeper.waiting_frames()
    conn = sqlite3.connect(path)
    busy, frames, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert waiting == frames - 0 and waiting >= 20 and busy == 0
    assert keeper.waiting_frames() == frames - copied == 0
    conn.close()
    store.close()


def test_a_round_copies_the_wal_and_the_next_writer_starts_it_over(tmp_path, monkeypatch):
    monkeypatch.setattr(checkpoint, "WAL_PAGES", 10)
    path = tmp_path / "q.sqlite3"
    store = Store.open(path)
    keeper = store._checkpointer
    keeper.close()  # no thread: this test runs the rounds itself
    _write(store, 30)
    assert keeper.waiting_frames() >= 30
    conn = sqlite3.connect(path)
    assert keeper.checkpoint_if_due(conn)
    assert keeper.waiting_frames() == 0
    _write(store, 1, start=30)  # finish_round, then a WAL that starts over from frame 1
    assert 0 < keeper.waiting_frames() <= 4
    assert not keeper.checkpoint_if_due(conn)  # below WAL_PAGES: nothing to do
    conn.close()
    store.close()
    again = Store.open(path)
    assert again.display_name("g", "u30") == "x" * 2000
    assert again.display_name("g", "u0") == "x" * 2000
    again.close()


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
