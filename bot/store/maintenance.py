"""`quizbot db check` and `quizbot db backup`: look at a database and copy it, safely, live.

Both work on a database the bot may be using at that very moment. `check` opens it read-only
(it never migrates or creates anything) and reports SQLite's integrity check, the schema version
and how many rows each table holds. `backup` uses SQLite's online backup API, which copies a
consistent snapshot while other processes keep reading and writing (WAL); the copy is
written next to its destination under a temporary name, checked, then renamed into place, so a
backup interrupted half-way never looks like a good one.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from bot.core.errors import StoreError
from bot.store.db import MIGRATIONS_TABLE, SQLITE_HEADER, known_tables
from bot.store.guard import BUSY_TIMEOUT_S, describe
from bot.store.migrations import MIGRATION_SET, migrations

COUNTED = ("guilds", "learners", "sessions", "attempts", "scores", "guild_packs", "ask_log")


@dataclass(frozen=True)
class DbReport:
    """What `quizbot db check` prints; `ok` is False when anything needs attention."""

    path: str
    size_bytes: int
    integrity: tuple[str, ...]  # SQLite's own words; ("ok",) when sound
    applied: tuple[str, ...]
    pending: tuple[str, ...]  # known migrations not applied yet (the next start applies them)
    unknown: tuple[str, ...]  # applied by a newer quizbot
    counts: dict[str, int]

    @property
    def ok(self) -> bool:
        return self.integrity == ("ok",) and not self.unknown

    def as_dict(self) -> dict[str, object]:
        return {"path": self.path, "ok": self.ok, "size_bytes": self.size_bytes,
                "integrity": list(self.integrity), "schema": {
                    "applied": len(self.applied), "latest": self.applied[-1] if self.applied
                    else None, "pending": list(self.pending), "unknown": list(self.unknown)},
                "counts": self.counts}


def _existing(path: str | Path) -> Path:
    file = Path(path)
    if not file.is_file():
        raise StoreError(f"no database at {file}" + (" (it is a directory)" if file.is_dir()
                                                     else ""))
    with file.open("rb") as handle:
        if file.stat().st_size and handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise StoreError(f"{file} is not a SQLite database")
    return file


def _read_only(file: Path) -> sqlite3.Connection:
    try:
        return sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True,
                               timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    except sqlite3.Error as err:
        raise describe(err, str(file)) from None


def check(path: str | Path) -> DbReport:
    """Integrity, schema version and row counts of the database at `path`, changing nothing."""
    file = _existing(path)
    conn = _read_only(file)
    try:
        integrity = tuple(row[0] for row in conn.execute("PRAGMA integrity_check"))
        db = Database(conn)
        tables = set(db.table_names())
        applied: tuple[str, ...] = ()
        if MIGRATIONS_TABLE in tables:
            applied = tuple(m.name for m in migrations.applied(db))
        if not applied and tables - {MIGRATIONS_TABLE} - known_tables():
            raise StoreError(f"{file} is a SQLite database but not a quizbot one")
        every = [m.name for m in migrations.pending(Database(memory=True))]
        counts = {table: conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
                  for table in COUNTED if table in tables}
    except sqlite3.Error as err:
        raise describe(err, str(file)) from None
    finally:
        conn.close()
    return DbReport(str(file), file.stat().st_size, integrity, applied,
                    tuple(n for n in every if n not in applied),
                    tuple(n for n in applied if n not in every), counts)


def backup(path: str | Path, destination: str | Path, *, force: bool = False) -> DbReport:
    """Copy the database at `path` to `destination` while it may be in use; the copy's report.

    The copy is a single self-contained file (no -wal beside it), ready to be restored by
    copying it back while quizbot is stopped.
    """
    source_file = _existing(path)
    target = Path(destination)
    if target.is_dir():
        target = target / source_file.name
    if target.resolve() == source_file.resolve():
        raise StoreError("the backup must go to another file than the database itself")
    if target.exists() and not force:
        raise StoreError(f"{target} already exists; choose another name or pass --force")
    if not target.parent.is_dir():
        raise StoreError(f"no folder {target.parent} to write the backup in")
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    source = _read_only(source_file)
    try:
        copy = sqlite3.connect(partial)
        try:
            # One step: in WAL mode the read snapshot it holds never blocks the bot's writes,
            # while a stepwise copy would restart each time the bot writes between steps.
            source.backup(copy, pages=-1)
            copy.execute("PRAGMA journal_mode=DELETE")  # one file, nothing beside it
        finally:
            copy.close()
        os.replace(partial, target)
    except sqlite3.Error as err:
        raise describe(err, str(target if "full" in str(err).lower() else source_file)) from None
    except OSError as err:
        raise StoreError(f"cannot write the backup {target}: {err.strerror or err}") from None
    finally:
        source.close()
        with contextlib.suppress(OSError):
            partial.unlink()
    report = check(target)
    if not report.ok:
        raise StoreError(f"the backup {target} does not pass its check: "
                         f"{'; '.join(report.integrity[:3])}")
    return report


__all__ = ["COUNTED", "MIGRATION_SET", "DbReport", "backup", "check"]
