"""SQL for FSRS review cards and each guild's desired retention (mixed into Store)."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database


class CardQueries:
    db: Database

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
