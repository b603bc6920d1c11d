"""Instructor reports: which questions fail, and every attempt for export.

A question most learners miss is either hard or badly written (an accepted answer missing, a
misleading prompt); the most common wrong answers usually tell which. Exports hand the raw
attempts to a spreadsheet or a grade book.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from bot.core.models import Actor
from bot.core.play.item_analysis import AttemptRow, ItemReport, analyse
from bot.core.results import QuestionReport
from bot.core.service.access import Access
from bot.core.service.catalog import Catalog
from bot.store.db import MEMORY, Store

WRONG_ANSWERS_SHOWN = 3
GRADEBOOK_COLUMNS = ("user_id", "name", "pack", "points", "accuracy", "completion",
                     "last_active_utc")
EXPORT_COLUMNS = ("time_utc", "user_id", "name", "pack", "question", "response", "correct",
                  "skipped", "points", "time_ms", "hint_used", "counted", "session")


@dataclass(eq=False)
class Reports:
    store: Store
    catalog: Catalog
    access: Access

    def question_report(self, actor: Actor, pack_id: str) -> list[QuestionReport]:
        """Instructors: every question of the pack, reported ones first, then the most failed
        (unplayed ones last)."""
        self.access.require_instructor(actor, "see question reports")
        pack = self.catalog.pack(actor.guild_id, pack_id)
        stats = {r["question_id"]: r for r in self.store.question_stats(actor.guild_id, pack.id)}
        wrong: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for row in self.store.common_wrong_answers(actor.guild_id, pack.id, WRONG_ANSWERS_SHOWN):
            wrong[row["question_id"]].append((row["answer"], row["n"]))
        reported: dict[str, list[str]] = defaultdict(list)
        for row in self.store.question_reports(actor.guild_id, pack.id):
            reported[row["question_id"]].append(row["reason"])
        reports = []
        for question in pack.questions:
            row = stats.get(question.id, {})
            reports.append(QuestionReport(
                question.id, question.prompt, row.get("attempts", 0), row.get("correct") or 0,
                row.get("skipped") or 0, row.get("hints") or 0, row.get("players", 0),
                round((row.get("avg_ms") or 0) / 1000, 1), tuple(wrong[question.id]),
                tuple(reported[question.id]),
            ))
        # Reported questions first: a learner has said what is wrong, the cheapest fix there is.
        return sorted(reports, key=lambda r: (not r.reports, r.attempts == 0, r.accuracy,
                                              -r.attempts))

    def item_report(self, actor: Actor, pack_id: str) -> list[ItemReport]:
        """Instructors: per question facility, discrimination, skips, median time, common wrong
        answers (choices as their text) and flags, in the pack's order."""
        self.access.require_instructor(actor, "see question reports")
        pack = self.catalog.pack(actor.guild_id, pack_id)
        rows = [AttemptRow(r["user_id"], r["question_id"], r["response"], bool(r["correct"]),
                           bool(r["skipped"]), int(r["time_taken_ms"]))
                for r in self.store.pack_attempt_rows(actor.guild_id, pack.id)]
        return analyse(pack, rows)

    def gradebook_csv(self, actor: Actor, pack_id: str | None = None,
                      since: float | None = None) -> str:
        """Instructors: one row per learner per pack: points, accuracy, completion (share of
        the pack's questions answered at least once), last active (UTC). Formula-looking names
        are escaped (spreadsheet_cell), as in the attempts export."""
        self.access.require_instructor(actor, "export the gradebook")
        from datetime import UTC, datetime

        if pack_id is not None:
            pack_id = self.catalog.pack(actor.guild_id, pack_id).id  # UnknownPack early
        library = self.catalog.library(actor.guild_id)
        books: dict[tuple[str, str], _Book] = {}
        for row in self.store.pack_attempt_rows(actor.guild_id, pack_id, since):
            book = books.setdefault((row["user_id"], row["pack_id"]), _Book(row["display_name"]))
            book.add(row)
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(GRADEBOOK_COLUMNS)
        for (user_id, pid), book in sorted(books.items(), key=lambda i: (i[0][1], i[1].name)):
            total = len(library.get(pid).questions) if pid in library else 0
            when = datetime.fromtimestamp(book.last, UTC).strftime("%Y-%m-%d %H:%M:%S")
            writer.writerow([spreadsheet_cell(value) for value in (
                user_id, book.name, pid, book.points, f"{book.right / book.answered:.3f}",
                f"{min(len(book.seen) / total, 1.0):.3f}" if total else "", when)])
        return out.getvalue()

    def export_scores_csv(self, actor: Actor) -> str:
        """Instructors: every attempt in this guild as CSV text (see write_scores_csv)."""
        out = io.BytesIO()
        self.write_scores_csv(actor, out)
        return out.getvalue().decode("utf-8")

    def write_scores_csv(self, actor: Actor, out: BinaryIO) -> int:
        """Instructors: every attempt in this guild as CSV (write_attempts_csv) written to
        `out`; returns the bytes written."""
        self.access.require_instructor(actor, "export scores")
        return write_attempts_csv(self.store, actor.guild_id, out)

    def export_scores_file(self, actor: Actor, path: str) -> int:
        """Instructors: write_scores_csv into the file at `path` (created or emptied); returns
        the bytes written. A heavy job: with the pool on (the bot), a worker process reads the
        database and writes the file, so a million rows never hold this process's GIL."""
        self.access.require_instructor(actor, "export scores")
        heavy = self.catalog.heavy
        if heavy.in_processes and self.store.path != MEMORY:
            return heavy.run(export_file_job, self.store.path, actor.guild_id, path)
        with open(path, "wb") as out:
            return write_attempts_csv(self.store, actor.guild_id, out)


def export_file_job(db_path: str, guild_id: str, path: str) -> int:
    """The heavy job of export_scores_file: its own read-only connection, the CSV to `path`."""
    store = Store.open_reader(db_path)
    try:
        with open(path, "wb") as out:
            return write_attempts_csv(store, guild_id, out)
    finally:
        store.close()


def write_attempts_csv(store: Store, guild_id: str, out: BinaryIO) -> int:
    """Every attempt of the guild as CSV (UTF-8, one header row) to `out`; the bytes written.
    Text cells that a spreadsheet would run as a formula are escaped (spreadsheet_cell).

    Written in chunks of EXPORT_CHUNK_ROWS rows, so a million attempts never become one 100 MB
    string: building, encoding or copying that holds the GIL for a tenth of a second each time.
    """
    from datetime import UTC, datetime

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_COLUMNS)
    written = 0
    for n, row in enumerate(store.export_attempts(guild_id), 1):
        when = datetime.fromtimestamp(row["created_at"], UTC).strftime("%Y-%m-%d %H:%M:%S")
        writer.writerow([spreadsheet_cell(value) for value in (
            when, row["user_id"], row["display_name"], row["pack_id"], row["question_id"],
            row["response"] or "", row["correct"], row["skipped"], row["points"],
            row["time_taken_ms"], row["hint_used"], row["counted"], row["session_id"])])
        if n % EXPORT_CHUNK_ROWS == 0:
            written += out.write(buffer.getvalue().encode("utf-8"))
            buffer.seek(0)
            buffer.truncate()
    return written + out.write(buffer.getvalue().encode("utf-8"))


EXPORT_CHUNK_ROWS = 5_000
# A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> object:
    """A text cell a spreadsheet shows as text: a student named `=HYPERLINK(…)` or answering
    `+1+cmd|…` must not plant a formula in the teacher's sheet. As OWASP's CSV injection
    guidance says, such a cell gets a leading single quote (the csv module then quotes the
    field as needed); numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


@dataclass
class _Book:
    """One learner's totals on one pack, for the gradebook."""

    name: str
    points: int = 0
    right: int = 0
    answered: int = 0
    last: float = 0.0
    seen: set[str] = field(default_factory=set)

    def add(self, row: dict[str, Any]) -> None:
        self.points += int(row["points"])
        self.right += int(row["correct"])
        self.answered += 1
        if not row["skipped"]:
            self.seen.add(row["question_id"])
        self.last = max(self.last, float(row["created_at"]))
