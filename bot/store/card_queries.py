"""SQL for FSRS review cards and each guild's desired retention (mixed into Store)."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database


class CardQueries:
    db: Database

    def attempt_context(self, guild_id: str, user_id: str, pack_id: str,
                        question_id: str) -> tuple[int, bool, float | None, str | None]:
        """What recording one attempt reads first, in one statement instead of four: the
        guild's current season, whether this learner already has a ranked attempt at this
        question in it, the guild's desired retention and the learner's review card."""
        row = self.db.conn.execute(
            "SELECT s.season, EXISTS(SELECT 1 FROM attempts WHERE guild_id = ? AND user_id = ? "
            "AND pack_id = ? AND question_id = ? AND season = s.season AND ranked = 1 "
            "AND counted = 1), (SELECT desired_retention FROM guilds WHERE id = ?), "
            "(SELECT card FROM review_cards WHERE guild_id = ? AND user_id = ? AND pack_id = ? "
            "AND question_id = ?) FROM (SELECT COALESCE(MAX(number), 1) AS season FROM seasons "
            "WHERE guild_id = ?) s",
            [guild_id, user_id, pack_id, question_id, guild_id, guild_id, user_id, pack_id,
             question_id, guild_id]).fetchone()
        return int(row[0]), bool(row[1]), row[2], row[3]

    def card_of(self, guild_id: str, user_id: str, pack_id: str,
                question_id: str) -> str | None:
        rows = list(self.db.query(
            "SELECT card FROM review_cards WHERE guild_id = ? AND user_id = ? AND pack_id = ? "
            "AND question_id = ?", [guild_id, user_id, pack_id, question_id]))
        return rows[0]["card"] if rows else None

    def save_card(self, guild_id: str, user_id: str, pack_id: str, question_id: str,
                  card: str, due_at: float, now: float) -> None:
        self.db.execute(
            "INSERT INTO review_cards (guild_id, user_id, pack_id, question_id, card, due_at, "
            "reviews, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?) ON CONFLICT(guild_id, "
            "user_id, pack_id, question_id) DO UPDATE SET card = excluded.card, due_at = "
            "excluded.due_at, reviews = review_cards.reviews + 1, updated_at = excluded.updated_at",
            [guild_id, user_id, pack_id, question_id, card, due_at, now])

    def cards_of(self, guild_id: str, user_id: str) -> list[dict[str, Any]]:
        """Every card of this learner, soonest due first."""
        return list(self.db.query(
            "SELECT pack_id, question_id, card, due_at, reviews FROM review_cards "
            "WHERE guild_id = ? AND user_id = ? ORDER BY due_at, pack_id, question_id",
            [guild_id, user_id]))

    def desired_retention(self, guild_id: str) -> float | None:
        rows = list(self.db.query(
            "SELECT desired_retention FROM guilds WHERE id = ?", [guild_id]))
        return rows[0]["desired_retention"] if rows else None

    def set_desired_retention(self, guild_id: str, value: float | None, now: float) -> None:
        with self.atomic():
            self.db.execute(
                "INSERT INTO guilds (id, created_at) VALUES (?, ?) ON CONFLICT(id) DO NOTHING",
                [guild_id, now])
            self.db.execute("UPDATE guilds SET desired_retention = ? WHERE id = ?",
                            [value, guild_id])
