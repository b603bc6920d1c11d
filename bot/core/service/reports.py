"""Instructor reports: which questions fail, and every attempt for export.

A question most learners miss is either hard or badly written (an accepted answer missing, a
misleading prompt); the most common wrong answers usually tell which. Exports hand the raw
attempts to a spreadsheet or a grade book.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass

from bot.core.models import Actor
from bot.core.results import QuestionReport
from bot.core.service.access import Access
from bot.core.service.catalog import Catalog
from bot.store.db import Store

WRONG_ANSWERS_SHOWN = 3
EXPORT_COLUMNS = ("time_utc", "user_id", "name", "pack", "question", "response", "correct",
                  "skipped", "points", "time_ms", "hint_used", "counted", "session")


@dataclass(eq=False)
class Reports:
    store: Store
    catalog: Catalog
    access: Access

    def question_report(self, actor: Actor, pack_id: str) -> list[QuestionReport]:
        """Instructors: every question of the pack, the most failed first (unplayed ones last)."""
        self.access.require_instructor(actor, "see question reports")
        pack = self.catalog.pack(actor.guild_id, pack_id)
        stats = {r["question_id"]: r for r in self.store.question_stats(actor.guild_id, pack.id)}
        wrong: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for row in self.store.common_wrong_answers(actor.guild_id, pack.id, WRONG_ANSWERS_SHOWN):
            wrong[row["question_id"]].append((row["answer"], row["n"]))
        reports = []
        for question in pack.questions:
            row = stats.get(question.id, {})
            reports.append(QuestionReport(
                question.id, question.prompt, row.get("attempts", 0), row.get("correct") or 0,
                row.get("skipped") or 0, row.get("hints") or 0, row.get("players", 0),
                round((row.get("avg_ms") or 0) / 1000, 1), tuple(wrong[question.id]),
            ))
        return sorted(reports, key=lambda r: (r.attempts == 0, r.accuracy, -r.attempts))

    def export_scores_csv(self, actor: Actor) -> str:
        """Instructors: every attempt in this guild as CSV (UTF-8, one header row); text cells
        that a spreadsheet would run as a formula are escaped (spreadsheet_cell)."""
        self.access.require_instructor(actor, "export scores")
        from datetime import UTC, datetime

        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(EXPORT_COLUMNS)
        for row in self.store.export_attempts(actor.guild_id):
            when = datetime.fromtimestamp(row["created_at"], UTC).strftime("%Y-%m-%d %H:%M:%S")
            writer.writerow([spreadsheet_cell(value) for value in (
                when, row["user_id"], row["display_name"], row["pack_id"], row["question_id"],
                row["response"] or "", row["correct"], row["skipped"], row["points"],
                row["time_taken_ms"], row["hint_used"], row["counted"], row["session_id"])])
        return out.getvalue()


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
