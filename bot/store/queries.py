"""Every SQL statement and table name of quizbot lives here and nowhere else.

`Queries` is mixed into `Store` (bot.store.db); the service calls these methods and gets plain dicts
and tuples back. Writes that belong together (an attempt and its score aggregate) run in
`db.atomic()` so a crash never leaves them half-written.
"""

from __future__ import annotations

import contextlib
from typing import Any

from sqlite_utils import Database

from bot.core.models import Attempt
from bot.store.board import BoardQueries


class Queries(BoardQueries):
    db: Database

    def atomic(self) -> contextlib.AbstractContextManager[Database]:  # Store: serialised writes
        raise NotImplementedError

    # -- guilds and learners -----------------------------------------------------------------
    def ensure_guild(self, guild_id: str, now: float, name: str | None = None) -> None:
        self.db.execute(
            "INSERT INTO guilds (id, name, created_at) VALUES (?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET name = COALESCE(excluded.name, guilds.name)",
            [guild_id, name, now],
        )

    def upsert_learner(self, guild_id: str, user_id: str, display_name: str, now: float) -> None:
        self.ensure_guild(guild_id, now)
        self.touch_learner(guild_id, user_id, display_name, now)

    def touch_learner(self, guild_id: str, user_id: str, display_name: str, now: float) -> None:
        """upsert_learner for a guild known to exist (the answer path: one statement less)."""
        self.db.execute(
            "INSERT INTO learners (guild_id, user_id, display_name, updated_at) "
            "VALUES (?, ?, ?, ?) "
            "ON CONFLICT(guild_id, user_id) DO UPDATE SET display_name = excluded.display_name, "
            "updated_at = excluded.updated_at",
            [guild_id, user_id, display_name, now],
        )

    def guild_roles(self, guild_id: str) -> tuple[str | None, str | None]:
        rows = list(self.db.query(
            "SELECT instructor_role_id, moderator_role_id FROM guilds WHERE id = ?", [guild_id]
        ))
        if not rows:
            return None, None
        return rows[0]["instructor_role_id"], rows[0]["moderator_role_id"]

    def set_guild_roles(
        self, guild_id: str, instructor: str | None, moderator: str | None, now: float
    ) -> None:
        with self.atomic():
            self.ensure_guild(guild_id, now)
            self.db.execute(
                "UPDATE guilds SET instructor_role_id = ?, moderator_role_id = ? WHERE id = ?",
                [instructor, moderator, guild_id],
            )

    # -- packs ---------------------------------------------------------------------------------
    def upsert_pack(self, pack_id: str, title: str, content_hash: str | None, now: float) -> None:
        self.db.execute(
            "INSERT INTO packs (id, title, content_hash, first_seen, last_seen) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET title = excluded.title, "
            "content_hash = excluded.content_hash, last_seen = excluded.last_seen",
            [pack_id, title, content_hash, now, now],
        )

    def guild_pack_rows(self, guild_id: str) -> list[dict[str, Any]]:
        """A guild's packs without their YAML (content_hash finds the compiled form)."""
        return list(self.db.query(
            "SELECT pack_id, filename, content_hash, uploaded_by, uploaded_at FROM guild_packs "
            "WHERE guild_id = ? ORDER BY pack_id",
            [guild_id],
        ))

    def guild_pack_listing(self, guild_id: str, compiler: str) -> list[dict[str, Any]]:
        """guild_pack_rows plus `summary_json`, the stored summary of the pack's compiled form
        by this compiler (NULL when there is none yet): one query, no pack JSON read."""
        return list(self.db.query(
            "SELECT g.pack_id, g.filename, g.content_hash, g.uploaded_by, g.uploaded_at, "
            "c.summary_json FROM guild_packs g LEFT JOIN pack_summaries c "
            "ON c.content_hash = g.content_hash AND c.compiler = ? "
            "WHERE g.guild_id = ? ORDER BY g.pack_id",
            [compiler, guild_id],
        ))

    def guild_pack_content(self, guild_id: str, pack_id: str) -> str | None:
        """The stored YAML, read only when no compiled form matches this quizbot."""
        rows = list(self.db.query(
            "SELECT content FROM guild_packs WHERE guild_id = ? AND pack_id = ?",
            [guild_id, pack_id],
        ))
        return rows[0]["content"] if rows else None

    def compiled_pack(self, content_hash: str, compiler: str) -> str | None:
        rows = list(self.db.query(
            "SELECT pack_json FROM compiled_packs WHERE content_hash = ? AND compiler = ?",
            [content_hash, compiler],
        ))
        return rows[0]["pack_json"] if rows else None

    def save_compiled_pack(self, content_hash: str, compiler: str, pack_json: str,
                           now: float, summary_json: str | None = None) -> None:
        """Keep one compiled form per content: an older compiler's copy is derived data."""
        with self.atomic():
            self.db.execute("DELETE FROM compiled_packs WHERE content_hash = ?", [content_hash])
            self.db.execute("DELETE FROM pack_summaries WHERE content_hash = ?", [content_hash])
            self.db.execute(
                "INSERT INTO compiled_packs (content_hash, compiler, pack_json, compiled_at) "
                "VALUES (?, ?, ?, ?)", [content_hash, compiler, pack_json, now],
            )
            if summary_json is not None:
                self.save_pack_summary(content_hash, compiler, summary_json)

    def save_pack_summary(self, content_hash: str, compiler: str, summary_json: str) -> None:
        """A compiled pack's summary (also for one compiled before summaries were kept)."""
        self.db.execute("INSERT OR REPLACE INTO pack_summaries (content_hash, compiler, "
                        "summary_json) VALUES (?, ?, ?)", [content_hash, compiler, summary_json])

    def save_guild_pack(self, guild_id: str, pack_id: str, filename: str, content: str,
                        uploaded_by: str, now: float, note: str = "",
                        content_hash: str | None = None,
                        compiled: tuple[str, str, str | None] | None = None) -> int:
        """Install or replace one guild's pack (the caller has validated `content`), with its
        compiled form (compiler, JSON, summary JSON) in the same transaction.

        Every save is also a new row of guild_pack_versions; returns its version number.
        """
        with self.atomic():
            self.ensure_guild(guild_id, now)
            version = self.latest_pack_version(guild_id, pack_id) + 1
            self.db.execute(
                "INSERT INTO guild_pack_versions (guild_id, pack_id, version, filename, content, "
                "uploaded_by, uploaded_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [guild_id, pack_id, version, filename, content, uploaded_by, now, note],
            )
            self.db.execute(
                "INSERT INTO guild_packs (guild_id, pack_id, filename, content, uploaded_by, "
                "uploaded_at, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(guild_id, pack_id) DO UPDATE "
                "SET filename = excluded.filename, content = excluded.content, "
                "uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at, "
                "content_hash = excluded.content_hash",
                [guild_id, pack_id, filename, content, uploaded_by, now, content_hash],
            )
            if content_hash is not None and compiled is not None:
                self.save_compiled_pack(content_hash, compiled[0], compiled[1], now, compiled[2])
        return version

    def latest_pack_version(self, guild_id: str, pack_id: str) -> int:
        """The highest stored version of a guild pack (0 when it was never uploaded)."""
        row = next(iter(self.db.query(
            "SELECT MAX(version) AS v FROM guild_pack_versions WHERE guild_id = ? AND pack_id = ?",
            [guild_id, pack_id])), None)
        return int(row["v"]) if row and row["v"] is not None else 0

    def pack_version_rows(self, guild_id: str, pack_id: str) -> list[dict[str, Any]]:
        """Every stored version of a guild pack, oldest first (content included)."""
        return list(self.db.query(
            "SELECT version, filename, content, uploaded_by, uploaded_at, note "
            "FROM guild_pack_versions WHERE guild_id = ? AND pack_id = ? ORDER BY version",
            [guild_id, pack_id]))

    def delete_guild_pack(self, guild_id: str, pack_id: str) -> bool:
        cursor = self.db.execute(
            "DELETE FROM guild_packs WHERE guild_id = ? AND pack_id = ?", [guild_id, pack_id]
        )
        return cursor.rowcount > 0

    # -- sessions ------------------------------------------------------------------------------
    def create_session(self, row: dict[str, Any]) -> None:
        self.db.execute(
            "INSERT INTO sessions (id, guild_id, channel_id, starter_id, pack_id, mode, status, "
            "state, message_id, created_at, updated_at) VALUES (:id, :guild_id, :channel_id, "
            ":starter_id, :pack_id, :mode, :status, :state, NULL, :now, :now)",
            row,
        )

    def session_row(self, session_id: str) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM sessions WHERE id = ?", [session_id]))
        return rows[0] if rows else None

    def save_session(self, session_id: str, state: str, status: str, now: float) -> None:
        self.db.execute(
            "UPDATE sessions SET state = ?, status = ?, updated_at = ? WHERE id = ?",
            [state, status, now, session_id],
        )

    def set_session_message(self, session_id: str, message_id: str) -> None:
        self.db.execute(
            "UPDATE sessions SET message_id = ? WHERE id = ?", [message_id, session_id]
        )

    def open_session_rows(self) -> list[dict[str, Any]]:
        return list(self.db.query(
            "SELECT * FROM sessions WHERE status = 'open' ORDER BY created_at"
        ))

    def open_solo_of(self, guild_id: str, user_id: str) -> list[str]:
        return [r["id"] for r in self.db.query(
            "SELECT id FROM sessions WHERE status = 'open' AND mode = 'solo' "
            "AND guild_id = ? AND starter_id = ? ORDER BY created_at DESC",
            [guild_id, user_id],
        )]

    def open_live_in_channel(self, guild_id: str, channel_id: str) -> str | None:
        rows = list(self.db.query(
            "SELECT id FROM sessions WHERE status = 'open' AND mode = 'live' "
            "AND guild_id = ? AND channel_id = ?",
            [guild_id, channel_id],
        ))
        return rows[0]["id"] if rows else None

    # -- attempts and scores ---------------------------------------------------------------------
    def record_attempt(self, attempt: Attempt, topic: str | None, best_streak: int,
                       *, ranked: bool = True, season: int | None = None) -> bool:
        """Insert the attempt, in the guild's current season, and fold it into the score
        aggregate when it is `ranked` (bot.core.play.ranking decides), atomically; unranked
        attempts are history for stats and reports only.

        Returns False (and changes nothing) when this learner already has an attempt for this
        question in this session: a double click or a retried interaction never scores twice.
        `season` is the guild's current one when the caller read it in this transaction.
        """
        with self.atomic():
            if season is None:
                season = self.current_season(attempt.guild_id)
            cursor = self.db.execute(
                "INSERT OR IGNORE INTO attempts (guild_id, user_id, session_id, pack_id, "
                "question_id, topic, response, correct, reason, points, time_taken_ms, hint_used, "
                "skipped, created_at, ranked, season) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [attempt.guild_id, attempt.user_id, attempt.session_id, attempt.pack_id,
                 attempt.question_id, topic, attempt.response, int(attempt.correct),
                 attempt.reason, attempt.points, attempt.time_taken_ms, int(attempt.hint_used),
                 int(attempt.skipped), attempt.created_at, int(ranked), season],
            )
            if cursor.rowcount == 0:
                return False
            if not ranked:
                return True
            self.db.execute(
                "INSERT INTO scores (guild_id, user_id, pack_id, points, correct, answered, "
                "best_streak, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(guild_id, user_id, pack_id) DO UPDATE SET "
                "points = scores.points + excluded.points, "
                "correct = scores.correct + excluded.correct, "
                "answered = scores.answered + excluded.answered, "
                "best_streak = MAX(scores.best_streak, excluded.best_streak), "
                "updated_at = excluded.updated_at",
                [attempt.guild_id, attempt.user_id, attempt.pack_id, attempt.points,
                 int(attempt.correct), 0 if attempt.skipped else 1, best_streak,
                 attempt.created_at],
            )
            self.add_to_totals(attempt)
            return True

    def has_attempt(self, session_id: str, user_id: str, question_id: str) -> bool:
        rows = list(self.db.query(
            "SELECT 1 FROM attempts WHERE session_id = ? AND user_id = ? AND question_id = ?",
            [session_id, user_id, question_id],
        ))
        return bool(rows)

    def session_attempts(self, session_id: str) -> list[dict[str, Any]]:
        return list(self.db.query(
            "SELECT a.*, l.display_name FROM attempts a JOIN learners l "
            "ON l.guild_id = a.guild_id AND l.user_id = a.user_id "
            "WHERE a.session_id = ? ORDER BY a.id",
            [session_id],
        ))

    def leaderboard(
        self, guild_id: str, pack_id: str | None, period_key: str, limit: int, offset: int,
        season: int | None = None,
    ) -> tuple[list[dict[str, Any]], int]:
        """Rows (user_id, display_name, points, correct, answered) best first, and the total count:
        the current season's boards from the maintained totals of one period key
        (bot.core.play.periods), a past `season` from its archive (season_scores)."""
        if season is None:
            return self.board_page(guild_id, pack_id, period_key, limit, offset)
        where, params = "s.guild_id = ? AND s.season = ?", [guild_id, season]
        if pack_id:
            where += " AND s.pack_id = ?"
            params.append(pack_id)
        grouped = ("SELECT s.user_id, SUM(s.points) AS points, SUM(s.correct) AS correct, "
                   f"SUM(s.answered) AS answered FROM season_scores s WHERE {where} "
                   "GROUP BY s.user_id")
        total = list(self.db.query(f"SELECT COUNT(*) AS n FROM ({grouped})", params))[0]["n"]
        rows = list(self.db.query(
            f"SELECT g.*, l.display_name FROM ({grouped}) g JOIN learners l "
            "ON l.guild_id = ? AND l.user_id = g.user_id "
            "ORDER BY g.points DESC, g.correct DESC, l.display_name LIMIT ? OFFSET ?",
            [*params, guild_id, limit, offset],
        ))
        return rows, total

    def rank_of(self, guild_id: str, user_id: str) -> int | None:
        """All-time rank over every pack in the guild (ties share the better rank)."""
        return self.board_rank(guild_id, user_id)

    def learner_history(self, guild_id: str, user_id: str) -> list[dict[str, Any]]:
        """Counted attempts in time order (for accuracy, streaks and per-topic stats)."""
        return list(self.db.query(
            "SELECT question_id, pack_id, topic, correct, points, skipped, created_at, ranked "
            "FROM attempts "
            "WHERE guild_id = ? AND user_id = ? AND counted = 1 ORDER BY created_at, id",
            [guild_id, user_id],
        ))

    def display_name(self, guild_id: str, user_id: str) -> str | None:
        rows = list(self.db.query(
            "SELECT display_name FROM learners WHERE guild_id = ? AND user_id = ?",
            [guild_id, user_id],
        ))
        return rows[0]["display_name"] if rows else None

    def reset_scores(self, guild_id: str, user_id: str | None, pack_id: str | None) -> int:
        """Zero the boards; attempts stay as history (marked uncounted). Returns players reset."""
        where, params = "guild_id = ?", [guild_id]
        if user_id:
            where += " AND user_id = ?"
            params.append(user_id)
        if pack_id:
            where += " AND pack_id = ?"
            params.append(pack_id)
        with self.atomic():
            season = self.current_season(guild_id)
            players = list(self.db.query(
                f"SELECT COUNT(DISTINCT user_id) AS n FROM attempts WHERE {where} AND counted = 1 "
                "AND season = ?", [*params, season],
            ))[0]["n"]
            self.db.execute(f"UPDATE attempts SET counted = 0 WHERE {where} AND season = ?",
                            [*params, season])
            self.db.execute(f"DELETE FROM scores WHERE {where}", params)
            self.rebuild_board(guild_id, user_id)
        return players

    # -- ask log -------------------------------------------------------------------------------
    def log_unanswered(self, guild_id: str, pack_id: str | None, text: str, now: float,
                       user_id: str | None = None) -> None:
        self.db.execute(
            "INSERT INTO ask_log (guild_id, pack_id, text, asked_at, user_id) "
            "VALUES (?, ?, ?, ?, ?)",
            [guild_id, pack_id, text, now, user_id],
        )

    def unanswered(self, guild_id: str | None) -> list[dict[str, Any]]:
        """Unanswered questions grouped by text (case-folded), most frequent first."""
        where, params = ("WHERE guild_id = ?", [guild_id]) if guild_id else ("", [])
        return list(self.db.query(
            f"SELECT MIN(text) AS text, COUNT(*) AS count, MAX(asked_at) AS last_asked, "
            f"COUNT(DISTINCT guild_id) AS guilds FROM ask_log {where} "
            "GROUP BY LOWER(TRIM(text)) ORDER BY count DESC, last_asked DESC",
            params,
        ))
