"""The SQL of instructor reports, re-scoring and exports (split from queries.py for size).

Mixed into `Store` beside `Queries`; like every store module, it is the only place these tables'
columns are named for this job.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from sqlite_utils import Database


class ReportQueries:
    db: Database

    def atomic(self) -> contextlib.AbstractContextManager[Database]:  # Store: serialised writes
        raise NotImplementedError

    # current_season (SeasonQueries) and adjust_totals (BoardQueries) come from Store's other
    # bases; a stub here would shadow them in Store's method order.

    # -- instructor reports ----------------------------------------------------------------------
    def question_stats(self, guild_id: str, pack_id: str) -> list[dict[str, Any]]:
        """Per question of one pack: attempts, right, skipped, hints, median-ish time, players."""
        return list(self.db.query(
            "SELECT question_id, COUNT(*) AS attempts, SUM(correct) AS correct, "
            "SUM(skipped) AS skipped, SUM(hint_used) AS hints, AVG(time_taken_ms) AS avg_ms, "
            "COUNT(DISTINCT user_id) AS players FROM attempts "
            "WHERE guild_id = ? AND pack_id = ? GROUP BY question_id",
            [guild_id, pack_id],
        ))

    def common_wrong_answers(self, guild_id: str, pack_id: str,
                             per_question: int) -> list[dict[str, Any]]:
        """The most frequent wrong responses per question (case-folded), most frequent first."""
        return list(self.db.query(
            "SELECT question_id, answer, n FROM (SELECT question_id, LOWER(TRIM(response)) AS "
            "answer, COUNT(*) AS n, ROW_NUMBER() OVER (PARTITION BY question_id ORDER BY "
            "COUNT(*) DESC, LOWER(TRIM(response))) AS rank FROM attempts WHERE guild_id = ? "
            "AND pack_id = ? AND correct = 0 AND skipped = 0 AND response IS NOT NULL "
            "GROUP BY question_id, LOWER(TRIM(response))) WHERE rank <= ? ORDER BY question_id, "
            "n DESC",
            [guild_id, pack_id, per_question],
        ))

    def pack_attempt_rows(self, guild_id: str, pack_id: str | None = None,
                          since: float | None = None) -> list[dict[str, Any]]:
        """Attempts for item analysis and the gradebook (one pack or all; from `since`)."""
        where, params = ["a.guild_id = ?"], [guild_id]
        if pack_id is not None:
            where.append("a.pack_id = ?")
            params.append(pack_id)
        if since is not None:
            where.append("a.created_at >= ?")
            params.append(since)
        return list(self.db.query(
            "SELECT a.id, a.user_id, l.display_name, a.pack_id, a.question_id, a.response, "
            "a.correct, a.skipped, a.points, a.time_taken_ms, a.created_at FROM attempts a "
            "JOIN learners l ON l.guild_id = a.guild_id AND l.user_id = a.user_id WHERE "
            + " AND ".join(where) + " ORDER BY a.created_at, a.id", params))

    def wrong_attempts(self, guild_id: str, pack_id: str, question_id: str
                       ) -> list[dict[str, Any]]:
        """Answered (not skipped) wrong attempts of one question, for re-scoring."""
        return list(self.db.query(
            "SELECT id, user_id, response, points, counted, created_at FROM attempts "
            "WHERE guild_id = ? AND pack_id = ? AND question_id = ? AND correct = 0 "
            "AND skipped = 0 AND response IS NOT NULL ORDER BY id",
            [guild_id, pack_id, question_id]))

    def rescore_attempt(self, attempt_id: int, points: int, reason: str, by: str,
                        now: float) -> None:
        """Mark one wrong attempt right: its old verdict is logged first (attempt_rescores),
        and a counted, ranked attempt's points and right answer join the score aggregate."""
        with self.atomic():
            row = next(iter(self.db.query(
                "SELECT guild_id, user_id, pack_id, correct, points, reason, counted, ranked, "
                "season, created_at FROM attempts WHERE id = ?", [attempt_id])))
            self.db.execute(
                "INSERT INTO attempt_rescores (attempt_id, correct_before, points_before, "
                "reason_before, rescored_by, rescored_at) VALUES (?, ?, ?, ?, ?, ?)",
                [attempt_id, row["correct"], row["points"], row["reason"], by, now])
            self.db.execute("UPDATE attempts SET correct = 1, points = ?, reason = ? WHERE id = ?",
                            [points, reason, attempt_id])
            # Only a ranked attempt of the current season is on the board (bot.core.play.ranking)
            if row["counted"] and row["ranked"] and \
                    row["season"] == self.current_season(row["guild_id"]):
                self.db.execute(
                    "UPDATE scores SET points = points + ?, correct = correct + 1, "
                    "updated_at = ? WHERE guild_id = ? AND user_id = ? AND pack_id = ?",
                    [points - row["points"], now, row["guild_id"], row["user_id"],
                     row["pack_id"]])
                self.adjust_totals(row["guild_id"], row["user_id"], row["pack_id"],
                                   row["created_at"], points - row["points"], 1)

    def export_attempts(self, guild_id: str) -> Iterator[dict[str, Any]]:
        """Every attempt of the guild with the learner's name, oldest first (for CSV export).

        Streamed, never a list: a million rows held at once made each of Python's full garbage
        collections walk them all, holding the GIL (and the bot's event loop) for 0.1-0.3 s."""
        return self.db.query(
            "SELECT a.created_at, a.user_id, l.display_name, a.pack_id, a.question_id, "
            "a.response, a.correct, a.skipped, a.points, a.time_taken_ms, a.hint_used, "
            "a.counted, a.session_id FROM attempts a JOIN learners l ON l.guild_id = a.guild_id "
            "AND l.user_id = a.user_id WHERE a.guild_id = ? ORDER BY a.created_at, a.id",
            [guild_id],
        )
