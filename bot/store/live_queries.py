"""SQL for live answers waiting for their reveal (mixed into Store).

A live answer used to be saved by rewriting the whole session JSON, which holds every player: with
300 players each answer parsed and wrote ~100 KB (10 ms of GIL-held JSON at the end of a round,
O(players²) per question), and that is what stalled the bot's event loop during a big live quiz.
Now each answer is one row here, committed before the player is told "locked in", so a crash or
restart loses none; the session state reads them back (bot.core.service.live_answers) and the
reveal deletes them once they are recorded as attempts. `position` is the question's index in the
session, so a question id asked twice in one session keeps its rounds apart.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database


class LiveQueries:
    db: Database

    def add_live_answer(self, row: dict[str, Any]) -> bool:
        """Keep one player's first answer to one live question; False if they already had one
        (the primary key decides, so two clicks at once store one)."""
        cursor = self.db.execute(
            "INSERT OR IGNORE INTO live_answers (session_id, position, guild_id, user_id, "
            "display_name, response, correct, reason, matched, answered_at) VALUES "
            "(:session_id, :position, :guild_id, :user_id, :display_name, :response, :correct, "
            ":reason, :matched, :at)", row)
        return cursor.rowcount > 0

    def has_live_answer(self, session_id: str, position: int, user_id: str) -> bool:
        return self.db.conn.execute(
            "SELECT 1 FROM live_answers WHERE session_id = ? AND position = ? AND user_id = ?",
            [session_id, position, user_id]).fetchone() is not None

    def live_answers(self, session_id: str, position: int) -> list[dict[str, Any]]:
        """The answers to the question at `position`, in the order they came."""
        return list(self.db.query(
            "SELECT user_id, display_name, response, correct, reason, matched, answered_at "
            "FROM live_answers WHERE session_id = ? AND position = ? "
            "ORDER BY answered_at, user_id", [session_id, position]))

    def session_state(self, session_id: str) -> tuple[str, str] | None:
        """(guild_id, state JSON) of a session, the two columns a live answer reads."""
        row = self.db.conn.execute("SELECT guild_id, state FROM sessions WHERE id = ?",
                                   [session_id]).fetchone()
        return (row[0], row[1]) if row else None

    def clear_live_answers(self, session_id: str, before: int | None) -> None:
        """Forget the answers of questions before `before` (all of them for None): recorded
        as attempts at the reveal, or dropped with the rest of a stopped session's pending."""
        if before is None:
            self.db.execute("DELETE FROM live_answers WHERE session_id = ?", [session_id])
        else:
            self.db.execute("DELETE FROM live_answers WHERE session_id = ? AND position < ?",
                            [session_id, before])
