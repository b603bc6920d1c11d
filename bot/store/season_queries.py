"""SQL for ranked points and seasons (mixed into Store): which attempt ranked, the current
season, starting one, the list.

A new season archives the board (the `scores` aggregate) into `season_scores` and empties it;
attempts keep their season number, so every season's history stays readable.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database


class SeasonQueries:
    db: Database

    def ensure_guild(self, guild_id: str, now: float, name: str | None = None) -> None:
        raise NotImplementedError  # provided by Queries

    def current_season(self, guild_id: str) -> int:
        """The guild's season number: 1 until a moderator starts another."""
        rows = list(self.db.query(
            "SELECT MAX(number) AS n FROM seasons WHERE guild_id = ?", [guild_id]))
        return int(rows[0]["n"] or 1)

    def start_season(self, guild_id: str, name: str | None, started_by: str, now: float) -> int:
        """Archive the current board into season_scores, then start the next season with an
        empty board (the attempts stay, tagged with their season). Returns the new number."""
        with self.atomic():
            self.ensure_guild(guild_id, now)
            current = self.current_season(guild_id)
            if current == 1 and not list(self.db.query(
                    "SELECT 1 FROM seasons WHERE guild_id = ?", [guild_id])):
                first = list(self.db.query(
                    "SELECT MIN(created_at) AS t FROM attempts WHERE guild_id = ?", [guild_id]))
                self.db.execute(
                    "INSERT INTO seasons (guild_id, number, name, started_at, started_by) "
                    "VALUES (?, 1, NULL, ?, '')", [guild_id, first[0]["t"] or now])
            self.db.execute(
                "INSERT INTO season_scores (guild_id, season, user_id, pack_id, points, correct, "
                "answered, best_streak) SELECT guild_id, ?, user_id, pack_id, points, correct, "
                "answered, best_streak FROM scores WHERE guild_id = ?", [current, guild_id])
            self.db.execute("DELETE FROM scores WHERE guild_id = ?", [guild_id])
            # The maintained boards show the current season: the new one starts empty.
            self.db.execute("DELETE FROM board_totals WHERE guild_id = ?", [guild_id])
            self.db.execute(
                "INSERT INTO seasons (guild_id, number, name, started_at, started_by) "
                "VALUES (?, ?, ?, ?, ?)", [guild_id, current + 1, name, now, started_by])
            return current + 1

    def season_rows(self, guild_id: str) -> list[dict[str, Any]]:
        """Every season (1 first) with its start and how many learners ranked in it."""
        return list(self.db.query(
            "SELECT s.number, s.name, s.started_at, (SELECT COUNT(DISTINCT a.user_id) FROM "
            "attempts a WHERE a.guild_id = s.guild_id AND a.season = s.number AND a.ranked = 1) "
            "AS players FROM seasons s WHERE s.guild_id = ? ORDER BY s.number", [guild_id]))

    def has_ranked_attempt(self, guild_id: str, user_id: str, pack_id: str, question_id: str,
                           season: int) -> bool:
        return bool(list(self.db.query(
            "SELECT 1 FROM attempts WHERE guild_id = ? AND user_id = ? AND pack_id = ? "
            "AND question_id = ? AND season = ? AND ranked = 1 AND counted = 1 LIMIT 1",
            [guild_id, user_id, pack_id, question_id, season],
        )))

    def ranked_points_of_session(self, session_id: str, user_id: str) -> int:
        rows = list(self.db.query(
            "SELECT COALESCE(SUM(points), 0) AS n FROM attempts WHERE session_id = ? "
            "AND user_id = ? AND ranked = 1", [session_id, user_id]))
        return int(rows[0]["n"])
