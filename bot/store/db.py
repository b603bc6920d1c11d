"""Opening the SQLite database: WAL, foreign keys, and the quizbot migrations.

A file that is not SQLite, a SQLite file that is not ours, or one written by a newer quizbot is
refused with a clear StoreError instead of being modified.

Threads: the Discord bot runs service calls in worker threads (never on the event loop), and a
sqlite3 connection must not be shared by concurrent transactions. So every thread gets its own
connection to the file (`Store.db` is per thread), and `Store.atomic()` serialises write
transactions behind one process-wide lock, so no writer ever meets SQLITE_BUSY from a sibling
thread. WAL lets readers go on while one thread writes. `synchronous=NORMAL` in WAL mode skips the
fsync on each commit: a power cut (not a crash of quizbot) may lose the last commits, never
corrupt the file.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from bot.core.errors import StoreError
from bot.store.migrations import MIGRATION_SET, migrations
from bot.store.queries import Queries

SQLITE_HEADER = b"SQLite format 3\x00"
MEMORY = ":memory:"


class Store(Queries):
    """The database handle the service uses; all SQL lives in Queries."""

    def __init__(self, db: Database, path: str = MEMORY) -> None:
        self.path = path
        self._guard = threading.Lock()
        self._write_lock = threading.RLock()
        if path == MEMORY:  # one connection for every thread: each statement takes the lock
            db = _Serialised(db.conn, self._write_lock)
        self._first = db
        self._local = threading.local()
        self._local.db = db
        self._connections = [db]

    @property
    def db(self) -> Database:
        """This thread's connection (an in-memory database has one, shared: it cannot be
        reopened, and only tests use it)."""
        db = getattr(self._local, "db", None)
        if db is None:
            if self.path == MEMORY:
                db = self._first
            else:
                db = Database(sqlite3.connect(self.path, check_same_thread=False))
                _tune(db, self.path)
                with self._guard:
                    self._connections.append(db)
            self._local.db = db
        return db

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        """One write transaction at a time per process. A nested call joins the outer
        transaction (no savepoint: two statements less per answer); an error still rolls back
        everything, as the outer block does not catch it."""
        with self._write_lock:
            db = self.db
            if db.conn.in_transaction:
                yield db
                return
            with db.atomic():
                yield db

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open (creating if needed) and migrate the database at `path`, or in memory."""
        path = str(path)
        if path == MEMORY:
            conn = sqlite3.connect(MEMORY, check_same_thread=False)
        else:
            _check_file(Path(path))
            try:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(path, check_same_thread=False)
            except (OSError, sqlite3.Error) as err:
                raise StoreError(f"cannot open database {path}: {err}") from None
        db = Database(conn)
        try:
            _check_ours(db, path)  # first: switching to WAL rewrites a foreign file's header
            if path != MEMORY:
                db.execute("PRAGMA journal_mode=WAL")
            _tune(db, path)
            migrations.apply(db)
        except sqlite3.DatabaseError as err:
            conn.close()
            raise StoreError(f"{path} is not a usable SQLite database ({err})") from None
        except StoreError:
            conn.close()
            raise
        return cls(db, path)

    def close(self) -> None:
        with self._guard:
            for db in self._connections:
                db.close()
            self._connections.clear()


class _Serialised(Database):
    """An in-memory database shared by threads (it cannot be reopened per thread): statements
    run one at a time, and never inside another thread's half-begun statement."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock) -> None:
        self._lock = lock  # first: Database.__init__ already runs statements
        super().__init__(conn)

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:  # type: ignore[override]
        with self._lock:
            return super().execute(sql, parameters)

    def query(self, sql: str, params: Any = None) -> Iterator[dict]:  # type: ignore[override]
        with self._lock:
            return super().query(sql, params)


def _tune(db: Database, path: str) -> None:
    """Per-connection pragmas: foreign keys, and no fsync per commit in WAL (see module doc)."""
    db.execute("PRAGMA foreign_keys=ON")
    if path != MEMORY:
        db.execute("PRAGMA synchronous=NORMAL")


def _check_file(path: Path) -> None:
    try:
        if path.is_dir():
            raise StoreError(f"{path} is a directory, not a database file")
        if path.exists() and path.stat().st_size > 0:
            with path.open("rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
    except OSError as err:
        raise StoreError(f"cannot read database {path}: {err.strerror or err}") from None
    else:
        if path.exists() and path.stat().st_size > 0 and header != SQLITE_HEADER:
            raise StoreError(f"{path} is not a SQLite database; refusing to touch it")


def _check_ours(db: Database, path: str) -> None:
    """Refuse foreign databases and ones migrated by a newer quizbot."""
    tables = set(db.table_names())
    if not tables:
        return
    applied = {m.name for m in migrations.applied(db)}
    if not applied:
        raise StoreError(
            f"{path} is a SQLite database but not a quizbot one "
            f"(tables: {', '.join(sorted(tables)[:5])}); use another --db path"
        )
    known = {m.name for m in migrations.pending(Database(memory=True))}
    unknown = sorted(applied - known)
    if unknown:
        raise StoreError(
            f"{path} was written by a newer quizbot (unknown migrations in set "
            f"{MIGRATION_SET!r}: {', '.join(unknown)}); upgrade quizbot to use it"
        )
