"""A learner's own data in one guild: everything stored about them, and its deletion.

Schools have to be able to answer "what do you keep about me?" and "delete it". Both work per
guild (a server's data is that server's, like the boards) and only on the asker's own rows: no
role lets anyone export or delete someone else through this part. Deleting removes the
learner's attempts, totals, review state (derived from the attempts, plus any table keyed by
guild and user), ask-log entries and question reports, and scrubs them out of quizzes other
people played; the boards are computed from what remains, so they are recomputed at once.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from bot.core.errors import SessionBusy
from bot.core.models import Actor, Mode
from bot.core.play.session import OPEN, QuizSession
from bot.core.service.phrases import say
from bot.store.db import Store
from bot.store.learner_data import FORGOTTEN

# Friendlier names for the export than the table names; unknown tables keep their own name.
SECTION_NAMES = {"learners": "profile", "attempts": "answers", "scores": "totals",
                 "ask_log": "unanswered_questions", "question_reports": "question_reports"}
KEPT_OUT = {"guild_id", "user_id"}  # said once at the top of the export, not on every row


@dataclass(frozen=True)
class DeletionSummary:
    """What /privacy delete removed, for the confirmation message."""

    answers: int
    totals: int
    unanswered_questions: int
    question_reports: int
    sessions: int
    other_rows: int

    @property
    def nothing(self) -> bool:
        return not any((self.answers, self.totals, self.unanswered_questions,
                        self.question_reports, self.sessions, self.other_rows))


@dataclass(eq=False)
class Privacy:
    store: Store
    clock: Callable[[], float]

    def my_data(self, actor: Actor) -> dict[str, Any]:
        """Everything stored about the actor in the actor's guild, as JSON-ready data."""
        guild_id, user_id = actor.guild_id, actor.user_id
        rows = self.store.learner_rows(guild_id, user_id)
        data: dict[str, Any] = {
            "about": "Everything quizbot stores about you in this server.",
            "guild_id": guild_id,
            "user_id": user_id,
            "exported_at": _iso(self.clock()),
        }
        for table, table_rows in rows.items():
            data[SECTION_NAMES.get(table, table)] = [_clean(r) for r in table_rows]
        data["review_schedule"] = [  # the FSRS cards (also under their table's name)
            {"pack_id": r["pack_id"], "question_id": r["question_id"],
             "due_at": _iso(r["due_at"]), "reviews": r["reviews"]}
            for r in self.store.cards_of(guild_id, user_id)
        ]
        data["quizzes"] = [
            {"id": r["id"], "pack_id": r["pack_id"], "mode": r["mode"], "status": r["status"],
             "started_by_you": r["starter_id"] == user_id, "created_at": _iso(r["created_at"])}
            for r in self.store.sessions_involving(guild_id, user_id)
        ]
        data["packs_you_uploaded"] = [_clean(r) for r in
                                      self.store.packs_uploaded_by(guild_id, user_id)]
        reminder = self.store.due_reminder(user_id)  # per person, not per server
        data["daily_reminder"] = _clean(reminder) if reminder else None
        return data

    def my_data_json(self, actor: Actor) -> str:
        """my_data as an indented UTF-8 JSON document (the file /privacy show attaches)."""
        return json.dumps(self.my_data(actor), ensure_ascii=False, indent=2) + "\n"

    def delete_my_data(self, actor: Actor) -> DeletionSummary:
        """Delete the actor's rows in the actor's guild (other guilds untouched).

        Refused (SessionBusy) while the actor runs an open live quiz: the channel's players
        would lose their round. An open solo quiz of theirs is simply deleted with the rest.
        """
        guild_id, user_id = actor.guild_id, actor.user_id
        plans = []
        for row in self.store.sessions_involving(guild_id, user_id):
            session = QuizSession.from_json(row["state"])
            if (row["status"] == OPEN and session.mode is Mode.LIVE
                    and row["starter_id"] == user_id):
                raise SessionBusy(say("privacy.live_first"))
            session.players.pop(user_id, None)
            session.pending.pop(user_id, None)
            if session.starter_id == user_id:
                session.starter_id = FORGOTTEN
            # Only a quiz of their own goes; one someone else ran stays theirs, minus this player.
            drop = row["starter_id"] == user_id and (session.mode is Mode.SOLO
                                                     or not session.players)
            plans.append((row["id"], session.to_json(), session.starter_id, drop))
        counts = self.store.delete_learner(guild_id, user_id, plans)
        known = {"attempts", "scores", "ask_log", "question_reports", "learners", "sessions",
                 "guild_packs"}
        return DeletionSummary(
            answers=counts.get("attempts", 0),
            totals=counts.get("scores", 0),
            unanswered_questions=counts.get("ask_log", 0),
            question_reports=counts.get("question_reports", 0),
            sessions=counts.get("sessions", 0),
            other_rows=sum(n for t, n in counts.items() if t not in known),
        )


def _iso(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    """A row without the ids repeated at the top, times as ISO 8601 UTC."""
    out = {}
    for key, value in row.items():
        if key in KEPT_OUT:
            continue
        if isinstance(value, float) and (key.endswith("_at") or key == "asked_at"):
            value = _iso(value)
        out[key] = value
    return out
