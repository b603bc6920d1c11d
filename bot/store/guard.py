"""The database handle as the service uses it: waits for a busy database, names disk failures.

SQLite reports a locked, read-only or full database as `sqlite3.OperationalError`, which used to
reach the frontends as "unexpected error": a crowded lab (a dozen `quizbot play` on one file),
a read-only mount or a full disk each looked like a bug. `GuardedDatabase` is sqlite-utils'
`Database` with three changes:

- writes grouped with `atomic()` start with `BEGIN IMMEDIATE`, so a transaction takes the write
  lock before it reads; a deferred one that read first fails at once with "database is locked"
  when another process wrote in between (SQLite cannot wait there), which is what killed 10 of
  12 concurrent players;
- a busy database is waited for (SQLite's busy timeout) and the statement or transaction start is
  retried a few times, then `StoreBusy` says so in one line; nothing half-written stays, because
  a failed transaction is rolled back whole;
- every other operational failure becomes a `StoreError` that names it (read-only, disk full,
  disk I/O, damaged file), which every frontend already shows as one line.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Generator, Sequence
from pathlib import Path
from typing import Any

from sqlite_utils import Database
from sqlite_utils.utils import dedupe_keys

from bot.core.errors import StoreBusy, StoreError

BUSY_TIMEOUT_S = 5.0  # SQLite's own wait for a lock, per attempt
BUSY_RETRIES = 3  # attempts before giving up: at most ~15 s, far above any quizbot transaction
# The Discord bot calls the store on its event loop: every second spent waiting there is a
# second no interaction is answered (Discord allows 3), so it waits ~1 s in all, then says so.
EVENT_LOOP_TIMEOUT_S = 0.4
EVENT_LOOP_RETRIES = 2
_RETRY_PAUSE_S = 0.05


def describe(err: sqlite3.Error, path: str, waited_s: float | None = None) -> StoreError:
    """The one-line StoreError for a SQLite failure on the database at `path`."""
    text = str(err).lower()
    name = Path(path).name or path
    if "locked" in text or "busy" in text:
        # No path: this one is shown to players too (Discord), not only to the operator.
        return StoreBusy(f"the database is busy: another quizbot process kept it locked for "
                         f"over {waited_s or BUSY_TIMEOUT_S * BUSY_RETRIES:.0f} s; nothing was "
                         f"saved, try "
                         f"again in a moment")
    if "readonly" in text or "read-only" in text or "read only" in text:
        return StoreError(f"the database {path} is read-only: quizbot needs to write it and "
                          f"the {name}-wal and {name}-shm files next to it (check the file's "
                          f"and its folder's permissions, or use another --db)")
    if "full" in text:
        return StoreError(f"the disk holding {path} is full: free some space and try again "
                          f"(nothing was saved)")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return StoreError(f"the database {path} is damaged ({err}); run `quizbot db check`, "
                          f"then restore a backup (README, Operations)")
    if "disk i/o" in text or "unable to open" in text:
        return StoreError(f"cannot read or write the database {path} ({err}): check the disk "
                          f"and the file's permissions")
    return StoreError(f"the database {path} failed: {err}")


def _translatable(err: BaseException) -> bool:
    """Operational failures (locks, disks) are the store's to name; constraint violations and
    misuse of the API stay what they are, for the code that expects them."""
    return isinstance(err, sqlite3.OperationalError) or type(err) is sqlite3.DatabaseError


def _is_select(sql: str) -> bool:
    """A statement that only reads: starts with SELECT (comments and CTEs go the long way)."""
    return sql.lstrip()[:6].upper() == "SELECT"


def _is_busy(err: BaseException) -> bool:
    text = str(err).lower()
    return isinstance(err, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


class GuardedDatabase(Database):
    """sqlite-utils' Database over one connection, with the behaviour described above."""

    def __init__(self, conn: sqlite3.Connection, path: str, *, timeout_s: float | None = None,
                 retries: int | None = None) -> None:
        self.path = path  # before Database.__init__, which already runs a PRAGMA through us
        self.retries = BUSY_RETRIES if retries is None else max(retries, 1)
        self.waited_s = (BUSY_TIMEOUT_S if timeout_s is None else timeout_s) * self.retries
        super().__init__(conn)

    def _error(self, err: sqlite3.Error) -> StoreError:
        return describe(err, self.path, self.waited_s)

    def execute(self, sql: str, parameters: Sequence | dict[str, Any] | None = None
                ) -> sqlite3.Cursor:
        for attempt in range(self.retries):
            try:
                return super().execute(sql, parameters)
            except sqlite3.Error as err:
                # Inside a transaction a retry would replay half of it: the caller's atomic()
                # rolls back and reports instead.
                if (_is_busy(err) and not self.conn.in_transaction
                        and attempt < self.retries - 1):
                    time.sleep(_RETRY_PAUSE_S)
                    continue
                if _translatable(err):
                    raise self._error(err) from None
                raise
        raise AssertionError("unreachable")  # pragma: no cover

    def query(self, sql: str, params: Sequence | dict[str, Any] | None = None
              ) -> Generator[dict, None, None]:
        """Rows as dicts. A plain SELECT runs as it is: sqlite-utils wraps every query in a
        SAVEPOINT and RELEASE (to roll back a statement that turns out to write), which is two
        statements more per read and, outside a transaction, a transaction begun and committed
        for each one; a SELECT writes nothing, so it needs neither."""
        try:
            if _is_select(sql):
                if self._tracer:
                    self._tracer(sql, params)
                cursor = self.conn.execute(sql, () if params is None else params)
                keys = dedupe_keys(d[0] for d in cursor.description)  # as sqlite-utils
                rows = (dict(zip(keys, row, strict=True)) for row in cursor)
            else:
                rows = super().query(sql, params)
        except sqlite3.Error as err:
            if _translatable(err):
                raise self._error(err) from None
            raise
        return self._translated(rows)

    def _translated(self, rows: Any) -> Generator[dict, None, None]:
        try:
            yield from rows
        except sqlite3.Error as err:
            if _translatable(err):
                raise self._error(err) from None
            raise

    @contextlib.contextmanager
    def atomic(self) -> Generator[Database, None, None]:
        """One transaction that holds the write lock from its start (nested: a savepoint)."""
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self._begin_immediate()
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as err:
            self.rollback()
            if _translatable(err):
                raise self._error(err) from None
            raise

    def _begin_immediate(self) -> None:
        for attempt in range(self.retries):
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.Error as err:
                if _is_busy(err) and attempt < self.retries - 1:
                    time.sleep(_RETRY_PAUSE_S)
                    continue
                if _translatable(err):
                    raise self._error(err) from None
                raise

    def rollback(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
