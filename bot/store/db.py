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

Starting is safe to interrupt and to race. The migrations run in one `BEGIN IMMEDIATE`
transaction (their scripts statement by statement, so SQLite's `executescript` cannot commit
half of them), so a start killed at any point, or stopped by a full disk, leaves either the
finished schema or nothing; a dozen processes starting at once wait their turn and then find
the work done. A database left half-created by an older quizbot (our tables, all empty, no
migration recorded) is finished on the next start instead of being refused.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from bot.core.errors import StoreError
from bot.store.card_queries import CardQueries
from bot.store.checkpoint import Checkpointer
from bot.store.guard import BUSY_TIMEOUT_S, GuardedDatabase, describe
from bot.store.learner_data import LearnerData
from bot.store.live_queries import LiveQueries
from bot.store.migrations import MIGRATION_SET, migrations
from bot.store.queries import Queries
from bot.store.report_queries import ReportQueries
from bot.store.season_queries import SeasonQueries

SQLITE_HEADER = b"SQLite format 3\x00"
MEMORY = ":memory:"
MIGRATIONS_TABLE = "_sqlite_migrations"


class Store(Queries, ReportQueries, SeasonQueries, CardQueries, LearnerData, LiveQueries):
    """The database handle the service uses; its SQL lives in the query mixins (Queries, and
    ReportQueries, SeasonQueries, CardQueries, LearnerData and LiveQueries for reports and
    re-scoring, seasons, review cards, one learner's data, live answers before their reveal)."""

    def __init__(self, db: Database, path: str = MEMORY) -> None:
        self.path = path
        self._guard = threading.Lock()
        self._write_lock = threading.RLock()
        # Per-thread connections wait for a lock as the first one was told to.
        self._retries = getattr(db, "retries", None)
        self._timeout_s = (db.waited_s / db.retries) if isinstance(db, GuardedDatabase) else None
        if path == MEMORY:  # one connection for every thread: each statement takes the lock
            db = _Serialised(db.conn, path, self._write_lock, timeout_s=self._timeout_s,
                             retries=self._retries)
        self._first = db
        # A file's WAL is copied back off the writers' path (bot.store.checkpoint).
        self._checkpointer = None if path == MEMORY else Checkpointer(
            path, BUSY_TIMEOUT_S if self._timeout_s is None else self._timeout_s)
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
                timeout = BUSY_TIMEOUT_S if self._timeout_s is None else self._timeout_s
                conn = sqlite3.connect(self.path, timeout=timeout, check_same_thread=False)
                db = GuardedDatabase(conn, self.path, timeout_s=timeout, retries=self._retries)
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
            if self._checkpointer is not None:
                self._checkpointer.finish_round(db.conn)
            with db.atomic():
                yield db
            if self._checkpointer is not None:
                self._checkpointer.committed()

    @classmethod
    def open(cls, path: str | Path, *, busy_timeout_s: float | None = None,
             busy_retries: int | None = None) -> Store:
        """Open (creating if needed) and migrate the database at `path`, or in memory.

        A locked database is waited for `busy_timeout_s` per try, `busy_retries` tries
        (default 5 s x 3; the bot passes less, see guard.EVENT_LOOP_TIMEOUT_S)."""
        path = str(path)
        timeout = BUSY_TIMEOUT_S if busy_timeout_s is None else busy_timeout_s
        if path == MEMORY:
            conn = sqlite3.connect(MEMORY, check_same_thread=False)
        else:
            _check_file(Path(path))
            try:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(path, timeout=timeout, check_same_thread=False)
            except (OSError, sqlite3.Error) as err:
                raise StoreError(f"cannot open database {path}: {err}") from None
        db = GuardedDatabase(conn, path, timeout_s=timeout, retries=busy_retries)
        try:
            _check_ours(db, path)  # first: switching to WAL rewrites a foreign file's header
            if path != MEMORY:
                _use_wal(db)
            _tune(db, path)
            _migrate(db, path)
        except sqlite3.DatabaseError as err:
            conn.close()
            raise StoreError(f"{path} is not a usable SQLite database ({err})") from None
        except StoreError:
            conn.close()
            raise
        return cls(db, path)

    @classmethod
    def open_reader(cls, path: str | Path) -> Store:
        """A read-only handle on a database another handle already opened and migrated (a
        heavy-job worker's export): no migration check, so it never takes the write lock."""
        path = str(path)
        try:
            conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True,
                                   timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        except sqlite3.Error as err:
            raise StoreError(f"cannot open database {path}: {err}") from None
        return cls(GuardedDatabase(conn, path), path)

    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.close()
        with self._guard:
            for db in self._connections:
                db.close()
            self._connections.clear()


class _Serialised(GuardedDatabase):
    """An in-memory database shared by threads (it cannot be reopened per thread): statements
    run one at a time, and never inside another thread's half-begun statement."""

    def __init__(self, conn: sqlite3.Connection, path: str, lock: threading.RLock, *,
                 timeout_s: float | None, retries: int | None) -> None:
        self._lock = lock  # first: Database.__init__ already runs statements
        super().__init__(conn, path, timeout_s=timeout_s, retries=retries)

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:  # type: ignore[override]
        with self._lock:
            return super().execute(sql, parameters)

    def query(self, sql: str, params: Any = None) -> Iterator[dict]:  # type: ignore[override]
        with self._lock:
            return super().query(sql, params)


def _tune(db: Database, path: str) -> None:
    """Per-connection pragmas: foreign keys, no fsync per commit in WAL (see module doc), and no
    checkpoint inside a commit (the Store's background Checkpointer does them)."""
    db.execute("PRAGMA foreign_keys=ON")
    if path != MEMORY:
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA wal_autocheckpoint=0")


def _use_wal(db: GuardedDatabase) -> None:
    """WAL lets readers and one writer work at once. Already WAL: a no-op, no lock needed."""
    mode = db.conn.execute("PRAGMA journal_mode").fetchone()[0]
    if str(mode).lower() != "wal":
        db.execute("PRAGMA journal_mode=WAL")


class _ScriptsInOneTransaction(GuardedDatabase):
    """The handle migrations get: `executescript` (which COMMITs first in Python's sqlite3)
    runs its statements one by one inside the open transaction instead."""

    def executescript(self, sql: str) -> sqlite3.Cursor:  # type: ignore[override]
        cursor = self.conn.cursor()
        pending = ""
        for line in sql.splitlines(keepends=True):
            pending += line
            if sqlite3.complete_statement(pending):
                if pending.strip():
                    cursor = self.execute(pending)
                pending = ""
        if pending.strip():
            cursor = self.execute(pending)
        return cursor


def _migrate(db: GuardedDatabase, path: str) -> None:
    """Check and migrate under the write lock, so concurrent starts run this one at a time."""
    scripted = _ScriptsInOneTransaction(db.conn, path, retries=db.retries)
    with db.atomic():
        _check_ours(db, path)  # again: another process may have finished a start meanwhile
        _drop_leftovers(db)
        if migrations.pending(db):
            migrations.apply(scripted)


def _drop_leftovers(db: GuardedDatabase) -> None:
    """An older quizbot killed during its first start left some of our tables, all empty, and no
    migration recorded: drop those empty tables (nothing of anyone's is in them) and redo."""
    if migrations.applied(db):
        return
    for table in _user_tables(db):
        db.execute(f'DROP TABLE "{table}"')  # only our names, only when empty (_check_ours)


def _user_tables(db: Database) -> list[str]:
    return [name for name in db.table_names() if not name.startswith("sqlite_")]


@cache
def known_tables() -> frozenset[str]:
    """Every table the migrations create, found by applying them to an empty memory database."""
    scratch = Database(memory=True)
    migrations.apply(scratch)
    tables = frozenset(_user_tables(scratch))
    scratch.close()
    return tables


def _is_interrupted_first_start(db: Database, tables: set[str]) -> bool:
    if not tables <= known_tables():
        return False
    return all(db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] == 0 for t in tables)


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
    tables = set(_user_tables(db))
    if not tables:
        return
    applied = {m.name for m in migrations.applied(db)}
    if not applied:
        if _is_interrupted_first_start(db, tables):
            return  # finished by _migrate
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


__all__ = ["MEMORY", "Store", "describe", "known_tables"]
