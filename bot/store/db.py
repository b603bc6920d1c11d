"""Opening the SQLite database: WAL, foreign keys, and the quizbot migrations.

A file that is not SQLite, a SQLite file that is not ours, or one written by a newer quizbot is
refused with a clear StoreError instead of being modified.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from bot.core.errors import StoreError
from bot.store.card_queries import CardQueries
from bot.store.migrations import MIGRATION_SET, migrations
from bot.store.queries import Queries
from bot.store.season_queries import SeasonQueries

SQLITE_HEADER = b"SQLite format 3\x00"
MEMORY = ":memory:"


class Store(Queries, SeasonQueries, CardQueries):
    """The database handle the service uses; its SQL lives in the three query mixins."""

    def __init__(self, db: Database, path: str = MEMORY) -> None:
        self.db = db
        self.path = path

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
            db.execute("PRAGMA foreign_keys=ON")
            migrations.apply(db)
        except sqlite3.DatabaseError as err:
            conn.close()
            raise StoreError(f"{path} is not a usable SQLite database ({err})") from None
        except StoreError:
            conn.close()
            raise
        return cls(db, path)

    def close(self) -> None:
        self.db.close()


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
