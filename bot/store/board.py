"""Leaderboard SQL over maintained totals (tables board_totals, board_levels, board_sizes).

Split from queries.py only for size; like it, this is the one place that knows these tables.
Every board (all time, this week, this month; every pack or one) is the same index range: top-k
reads k index entries; a deep page and one learner's rank add up per-points-value counts
(board_levels) instead of walking every learner before them.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from bot.core.models import Attempt
from bot.core.play.periods import keys_at

EVERY_PACK = ""  # pack_id of the totals over every pack
_ADD = (
    "INSERT INTO board_totals (guild_id, pack_id, period, user_id, points, correct, answered) "
    "VALUES {rows} ON CONFLICT(guild_id, pack_id, period, user_id) DO UPDATE SET "
    "points = points + excluded.points, correct = correct + excluded.correct, "
    "answered = answered + excluded.answered"
)
_ADD_ONE = _ADD.format(rows=", ".join(["(?, ?, ?, ?, ?, ?, ?)"] * 6))
_BOARD = "guild_id = ? AND pack_id = ? AND period = ?"
SHIFT = 6  # a band holds 64 points values (the triggers in m_scale9_totals use the same)


class BoardQueries:
    db: Database

    def add_to_totals(self, attempt: Attempt) -> None:
        """Fold one counted attempt into all six boards it belongs to, in one statement (the
        caller's transaction also inserts the attempt)."""
        values: list[Any] = []
        answered = 0 if attempt.skipped else 1
        for pack in (EVERY_PACK, attempt.pack_id):
            for key in keys_at(attempt.created_at):
                values += [attempt.guild_id, pack, key, attempt.user_id, attempt.points,
                           int(attempt.correct), answered]
        self.db.execute(_ADD_ONE, values)

    def adjust_totals(self, guild_id: str, user_id: str, pack_id: str, created_at: float,
                      points: int, correct: int) -> None:
        """Change one counted attempt's share of its six boards (a re-scored answer)."""
        keys = keys_at(created_at)
        self.db.execute(
            "UPDATE board_totals SET points = points + ?, correct = correct + ? "
            "WHERE guild_id = ? AND user_id = ? AND pack_id IN (?, ?) AND period IN (?, ?, ?)",
            [points, correct, guild_id, user_id, EVERY_PACK, pack_id, *keys])

    def board_page(self, guild_id: str, pack_id: str | None, period: str, limit: int,
                   offset: int) -> tuple[list[dict[str, Any]], int]:
        """(user_id, display_name, points, correct, answered) best first, and the board's size.

        Ties on points go by right answers, then user id (stable across pages).
        """
        board = [guild_id, pack_id or EVERY_PACK, period]
        sizes = list(self.db.query(f"SELECT learners FROM board_sizes WHERE {_BOARD}", board))
        total = sizes[0]["learners"] if sizes else 0
        if total == 0 or offset >= total:
            return [], total
        ceiling, skip = self._level_at(board, offset)
        rows = list(self.db.query(
            "SELECT t.user_id, t.points, t.correct, t.answered, "
            "COALESCE(l.display_name, t.user_id) AS display_name FROM board_totals t "
            "LEFT JOIN learners l ON l.guild_id = t.guild_id AND l.user_id = t.user_id "
            f"WHERE t.{_BOARD.replace(' AND ', ' AND t.')} AND t.points <= ? "
            "ORDER BY t.points DESC, t.correct DESC, t.user_id LIMIT ? OFFSET ?",
            [*board, ceiling, limit, skip],
        ))
        return rows, total

    def _level_at(self, board: list[Any], offset: int) -> tuple[int, int]:
        """The points value where row `offset` falls, and how far into that value it is: walk
        the bands of 64 points values from the top, then the values inside the band reached."""
        if offset == 0:
            return 2**62, 0
        above = 0
        conn = self.db.conn
        bands = conn.execute(f"SELECT band, learners FROM board_bands WHERE {_BOARD} "
                             "AND learners > 0 ORDER BY band DESC", board)
        for band, learners in bands:  # noqa: B007 - `band` is read after the break
            if above + learners > offset:
                bands.close()
                break
            above += learners
        else:
            return -(2**62), offset - above  # unreachable while sizes and bands agree
        levels = conn.execute(
            f"SELECT points, learners FROM board_levels WHERE {_BOARD} AND points >= ? "
            "AND points < ? AND learners > 0 ORDER BY points DESC",
            [*board, band << SHIFT, (band + 1) << SHIFT])
        for points, learners in levels:
            if above + learners > offset:
                levels.close()
                return points, offset - above
            above += learners
        return -(2**62), offset - above

    def board_rank(self, guild_id: str, user_id: str, pack_id: str | None = None,
                   period: str = "all") -> int | None:
        """1 + learners with more points on this board; None for a learner not on it."""
        board = [guild_id, pack_id or EVERY_PACK, period]
        conn = self.db.conn
        mine = conn.execute(f"SELECT points FROM board_totals WHERE {_BOARD} AND user_id = ?",
                            [*board, user_id]).fetchone()
        if mine is None:
            return None
        points = mine[0]
        higher_bands = conn.execute(
            f"SELECT COALESCE(SUM(learners), 0) FROM board_bands WHERE {_BOARD} AND band > ?",
            [*board, points >> SHIFT]).fetchone()[0]
        same_band = conn.execute(
            f"SELECT COALESCE(SUM(learners), 0) FROM board_levels WHERE {_BOARD} AND points > ? "
            "AND points < ?", [*board, points, ((points >> SHIFT) + 1) << SHIFT]).fetchone()[0]
        return 1 + higher_bands + same_band

    def rebuild_board(self, guild_id: str, user_id: str | None = None) -> None:
        """Recompute a guild's (or one learner's) totals from the counted, ranked attempts of the
        current season (after a reset or a new season)."""
        where, params = "guild_id = ?", [guild_id]
        if user_id is not None:
            where += " AND user_id = ?"
            params.append(user_id)
        season = self.current_season(guild_id)  # type: ignore[attr-defined]  # SeasonQueries
        rebuild_totals(self.db, where, params, season=season)


# The boards' tables and the triggers that keep the level, band and size counts in step with
# board_totals (created by migrations.m_scale9_totals; read by board_page and board_rank).
BOARD_SCHEMA = """
        CREATE TABLE board_totals (
            guild_id TEXT NOT NULL,
            pack_id TEXT NOT NULL,
            period TEXT NOT NULL,
            user_id TEXT NOT NULL,
            points INTEGER NOT NULL DEFAULT 0,
            correct INTEGER NOT NULL DEFAULT 0,
            answered INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (guild_id, pack_id, period, user_id)
        );
        CREATE INDEX board_totals_rank
            ON board_totals(guild_id, pack_id, period, points DESC, correct DESC, user_id);
        CREATE TABLE board_levels (
            guild_id TEXT NOT NULL,
            pack_id TEXT NOT NULL,
            period TEXT NOT NULL,
            points INTEGER NOT NULL,
            learners INTEGER NOT NULL,
            PRIMARY KEY (guild_id, pack_id, period, points)
        ) WITHOUT ROWID;
        CREATE TABLE board_bands (
            guild_id TEXT NOT NULL,
            pack_id TEXT NOT NULL,
            period TEXT NOT NULL,
            band INTEGER NOT NULL,
            learners INTEGER NOT NULL,
            PRIMARY KEY (guild_id, pack_id, period, band)
        ) WITHOUT ROWID;
        CREATE TABLE board_sizes (
            guild_id TEXT NOT NULL,
            pack_id TEXT NOT NULL,
            period TEXT NOT NULL,
            learners INTEGER NOT NULL,
            PRIMARY KEY (guild_id, pack_id, period)
        ) WITHOUT ROWID;
        CREATE TRIGGER board_totals_added AFTER INSERT ON board_totals BEGIN
            INSERT INTO board_levels VALUES (new.guild_id, new.pack_id, new.period, new.points, 1)
                ON CONFLICT DO UPDATE SET learners = learners + 1;
            INSERT INTO board_bands VALUES (new.guild_id, new.pack_id, new.period,
                new.points >> 6, 1) ON CONFLICT DO UPDATE SET learners = learners + 1;
            INSERT INTO board_sizes VALUES (new.guild_id, new.pack_id, new.period, 1)
                ON CONFLICT DO UPDATE SET learners = learners + 1;
        END;
        CREATE TRIGGER board_totals_moved AFTER UPDATE OF points ON board_totals
        WHEN old.points != new.points BEGIN
            UPDATE board_levels SET learners = learners - 1 WHERE guild_id = old.guild_id
                AND pack_id = old.pack_id AND period = old.period AND points = old.points;
            INSERT INTO board_levels VALUES (new.guild_id, new.pack_id, new.period, new.points, 1)
                ON CONFLICT DO UPDATE SET learners = learners + 1;
            UPDATE board_bands SET learners = learners - 1 WHERE guild_id = old.guild_id
                AND pack_id = old.pack_id AND period = old.period AND band = old.points >> 6;
            INSERT INTO board_bands VALUES (new.guild_id, new.pack_id, new.period,
                new.points >> 6, 1) ON CONFLICT DO UPDATE SET learners = learners + 1;
        END;
        CREATE TRIGGER board_totals_removed AFTER DELETE ON board_totals BEGIN
            UPDATE board_levels SET learners = learners - 1 WHERE guild_id = old.guild_id
                AND pack_id = old.pack_id AND period = old.period AND points = old.points;
            UPDATE board_bands SET learners = learners - 1 WHERE guild_id = old.guild_id
                AND pack_id = old.pack_id AND period = old.period AND band = old.points >> 6;
            UPDATE board_sizes SET learners = learners - 1 WHERE guild_id = old.guild_id
                AND pack_id = old.pack_id AND period = old.period;
        END;
"""


_DAYS = (
    "CREATE TEMP TABLE board_rebuild_days AS SELECT guild_id, user_id, pack_id, day, "
    "'m' || strftime('%Y-%m', day) AS month, "
    # ISO week: the week (Monday first) holding this day's Thursday, numbered in its year
    "'w' || strftime('%Y', thursday) || '-' || "
    "printf('%02d', (CAST(strftime('%j', thursday) AS INTEGER) - 1) / 7 + 1) AS week, "
    "points, correct, answered FROM (SELECT *, date(day, '-' || "
    "((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days', '+3 days') AS thursday "
    "FROM (SELECT guild_id, user_id, pack_id, date(created_at, 'unixepoch') AS day, "
    "SUM(points) AS points, SUM(correct) AS correct, SUM(1 - skipped) AS answered "
    "FROM attempts WHERE counted = 1 AND {where}{ranked} GROUP BY guild_id, user_id, pack_id, day))"
)
_EXPAND = " UNION ALL ".join(
    f"SELECT guild_id, {pack} AS pack, {period} AS period, user_id, points, correct, answered "
    "FROM board_rebuild_days"
    for pack in ("pack_id", "''") for period in ("'all'", "week", "month")
)
_FILL = (
    "INSERT INTO board_totals (guild_id, pack_id, period, user_id, points, correct, answered) "
    "SELECT guild_id, pack, period, user_id, SUM(points), SUM(correct), SUM(answered) "
    f"FROM ({_EXPAND}) GROUP BY guild_id, pack, period, user_id"
)


def rebuild_totals(db: Database, where: str, params: list[Any], *,
                   season: int | None = None) -> None:
    """Delete and rebuild the totals matching `where` (over attempts and board_totals columns)
    from counted attempts: used by the migration that introduced them and by resets.

    All in SQL (a million attempts take seconds, not minutes): attempts are summed per learner,
    pack and day first, then each day is added to its week, its month and all time, for its pack
    and for every pack. The week and month keys are the ones bot.core.play.periods computes.
    With `season`, only that season's ranked attempts count (bot.core.play.ranking); without it
    (the migration that came before seasons) every counted attempt does.
    """
    db.execute(f"DELETE FROM board_totals WHERE {where}", params)
    db.execute("DROP TABLE IF EXISTS temp.board_rebuild_days")
    ranked = "" if season is None else f" AND ranked = 1 AND season = {int(season)}"
    db.execute(_DAYS.format(where=where, ranked=ranked), params)
    db.execute(_FILL)
    db.execute("DROP TABLE temp.board_rebuild_days")
