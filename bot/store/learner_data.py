"""SQL for one learner's own data in one guild: read it all (/privacy show), delete it all
(/privacy delete), and the question reports learners file.

Kept beside queries.py (and mixed into Store the same way) so queries.py stays one screenful per
concern. Which tables hold a learner's rows is read from the schema, not listed by hand: any table
with both `guild_id` and `user_id` columns is the learner's, so a table added later by another
migration (a review-state table, say) is exported and deleted without anyone remembering to add
it here. Sessions are the exception (they name the learner as `starter_id` and inside their JSON
state) and are handled row by row by the service's privacy part.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

LEARNER_TABLE = "learners"  # deleted last: attempts and scores reference it
FORGOTTEN = "forgotten"  # stands in for a deleted learner where a row must stay (a pack upload)


class LearnerData:
    db: Database

    # -- which tables are a learner's ------------------------------------------------------------
    def learner_tables(self) -> list[str]:
        """Every table keyed by (guild_id, user_id), `learners` last (foreign keys point at it)."""
        tables = []
        for name in self.db.table_names():
            columns = {c.name for c in self.db[name].columns}
            if {"guild_id", "user_id"} <= columns:
                tables.append(name)
        return sorted(tables, key=lambda t: (t == LEARNER_TABLE, t))

    def learner_rows(self, guild_id: str, user_id: str) -> dict[str, list[dict[str, Any]]]:
        """table → this learner's rows in this guild (oldest first where rows have an id)."""
        out = {}
        for table in self.learner_tables():
            out[table] = list(self.db.query(
                f'SELECT * FROM "{table}" WHERE guild_id = ? AND user_id = ? ORDER BY rowid',
                [guild_id, user_id],
            ))
        return out

    def sessions_involving(self, guild_id: str, user_id: str) -> list[dict[str, Any]]:
        """Sessions of the guild this learner started, answered in, or is named in (live state
        keeps players and pending answers by user id, JSON-quoted)."""
        return list(self.db.query(
            "SELECT * FROM sessions WHERE guild_id = ? AND (starter_id = ? OR id IN "
            "(SELECT session_id FROM attempts WHERE guild_id = ? AND user_id = ?) "
            "OR instr(state, ?) > 0) ORDER BY created_at",
            [guild_id, user_id, guild_id, user_id, f'"{user_id}"'],
        ))

    def guilds_of_learner(self, user_id: str) -> list[str]:
        """Every guild this user is a learner of, most recently active first."""
        return [r["guild_id"] for r in self.db.query(
            "SELECT guild_id FROM learners WHERE user_id = ? ORDER BY updated_at DESC, guild_id",
            [user_id],
        )]

    def packs_uploaded_by(self, guild_id: str, user_id: str) -> list[dict[str, Any]]:
        return list(self.db.query(
            "SELECT pack_id, filename, uploaded_at FROM guild_packs "
            "WHERE guild_id = ? AND uploaded_by = ? ORDER BY pack_id",
            [guild_id, user_id],
        ))

    # -- deleting ----------------------------------------------------------------------------------
    def delete_learner(self, guild_id: str, user_id: str,
                       sessions: list[tuple[str, str, str, bool]]) -> dict[str, int]:
        """Delete the learner's rows in one guild, atomically; returns rows deleted per table.

        `sessions` holds, per session, (id, state, starter, drop): the JSON state and starter
        with the learner scrubbed out, and whether nobody else is left in it. A dropped session
        is deleted once no attempt refers to it any more; otherwise (other people played it) the
        scrubbed state and starter are written instead. Packs the learner uploaded stay (they
        belong to the class) with the uploader forgotten.
        """
        counts: dict[str, int] = {}
        with self.atomic():
            for child, column in self._rows_pointing_at("attempts"):  # e.g. rescore history
                counts[child] = self.db.execute(
                    f'DELETE FROM "{child}" WHERE "{column}" IN (SELECT id FROM attempts '
                    "WHERE guild_id = ? AND user_id = ?)", [guild_id, user_id]).rowcount
            for table in self.learner_tables():
                cursor = self.db.execute(
                    f'DELETE FROM "{table}" WHERE guild_id = ? AND user_id = ?',
                    [guild_id, user_id],
                )
                counts[table] = cursor.rowcount
            deleted = 0
            for session_id, state, starter, drop in sessions:
                gone = drop and self.db.execute(
                    "DELETE FROM sessions WHERE id = ? AND guild_id = ? AND id NOT IN "
                    "(SELECT session_id FROM attempts WHERE session_id = ?)",
                    [session_id, guild_id, session_id],
                ).rowcount
                deleted += int(bool(gone))
                if not gone:
                    self.db.execute(
                        "UPDATE sessions SET state = ?, starter_id = ? WHERE id = ? "
                        "AND guild_id = ?", [state, starter, session_id, guild_id]
                    )
            counts["sessions"] = deleted
            counts["guild_packs"] = 0
            for table in self._tables_with("guild_id", "uploaded_by"):  # current and versions
                counts["guild_packs"] += self.db.execute(
                    f'UPDATE "{table}" SET uploaded_by = ? WHERE guild_id = ? AND uploaded_by = ?',
                    [FORGOTTEN, guild_id, user_id],
                ).rowcount
        return counts

    def _tables_with(self, *columns: str) -> list[str]:
        return [t for t in self.db.table_names()
                if set(columns) <= {c.name for c in self.db[t].columns}]

    def _rows_pointing_at(self, parent: str) -> list[tuple[str, str]]:
        """(table, column) of every foreign key to `parent`, so its rows go before the parent's
        (foreign keys are enforced: deleting an attempt with a rescore row would fail)."""
        found = []
        for table in self.db.table_names():
            for fk in self.db.execute(f'PRAGMA foreign_key_list("{table}")').fetchall():
                if fk[2] == parent and table not in self.learner_tables():
                    found.append((table, fk[3]))
        return found

    # -- question reports --------------------------------------------------------------------------
    def add_question_report(self, row: dict[str, Any]) -> None:
        self.db.execute(
            "INSERT INTO question_reports (guild_id, user_id, pack_id, question_id, session_id, "
            "reason, created_at) VALUES (:guild_id, :user_id, :pack_id, :question_id, "
            ":session_id, :reason, :created_at)",
            row,
        )

    def question_reports(self, guild_id: str, pack_id: str) -> list[dict[str, Any]]:
        """One pack's reports in this guild, newest first."""
        return list(self.db.query(
            "SELECT question_id, reason, created_at FROM question_reports "
            "WHERE guild_id = ? AND pack_id = ? ORDER BY created_at DESC, id DESC",
            [guild_id, pack_id],
        ))

    def has_question_report(self, guild_id: str, user_id: str, pack_id: str,
                            question_id: str) -> bool:
        return bool(list(self.db.query(
            "SELECT 1 FROM question_reports WHERE guild_id = ? AND user_id = ? AND pack_id = ? "
            "AND question_id = ? LIMIT 1", [guild_id, user_id, pack_id, question_id],
        )))

    def count_reports_since(self, guild_id: str, user_id: str, since: float) -> int:
        return list(self.db.query(
            "SELECT COUNT(*) AS n FROM question_reports WHERE guild_id = ? AND user_id = ? "
            "AND created_at >= ?", [guild_id, user_id, since],
        ))[0]["n"]

    # -- the opt-in daily "N due" DM --------------------------------------------------------------
    def set_due_reminder(self, user_id: str, enabled: bool, now: float,
                         language: str | None = None) -> None:
        self.db.execute(
            "INSERT INTO due_reminders (user_id, enabled, language, last_sent, updated_at) "
            "VALUES (?, ?, ?, NULL, ?) ON CONFLICT(user_id) DO UPDATE SET "
            "enabled = excluded.enabled, updated_at = excluded.updated_at, "
            "language = COALESCE(excluded.language, due_reminders.language)",
            [user_id, int(enabled), language, now],
        )

    def due_reminder(self, user_id: str) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM due_reminders WHERE user_id = ?", [user_id]))
        return rows[0] if rows else None

    def reminders_to_send(self, sent_before: float) -> list[dict[str, Any]]:
        """(user_id, language) rows of users who opted in and got no reminder since then."""
        return list(self.db.query(
            "SELECT user_id, language FROM due_reminders WHERE enabled = 1 AND "
            "(last_sent IS NULL OR last_sent < ?) ORDER BY user_id", [sent_before],
        ))

    def mark_reminded(self, user_id: str, now: float) -> None:
        self.db.execute("UPDATE due_reminders SET last_sent = ? WHERE user_id = ?", [now, user_id])
