"""QuizService: the one facade every frontend (terminal, Discord) calls.

Permissions are decided here, from the Actor the frontend describes, never only by Discord's
default member permissions. Every method takes or implies a guild: no guild sees another's data.
Methods return plain records from bot.core.results or raise bot.core.errors.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from bot.core.library import PackLibrary
from bot.core.models import Actor, Explainer, Mode, Pack
from bot.core.results import (
    AnswerOutcome,
    AskResult,
    GuildRoles,
    LeaderboardPage,
    LearnerStats,
    LiveAck,
    PackSummary,
    QuestionView,
    Reveal,
    SessionInfo,
    SessionSummary,
)
from bot.store.db import Store

MAX_COUNT = 50
PERIODS = ("all", "month", "week")


class QuizService:
    def __init__(
        self,
        store: Store,
        library: PackLibrary,
        *,
        clock: Callable[[], float] = time.time,
        live_seconds: int = 30,
    ) -> None:
        self.store = store
        self.library = library
        self.clock = clock
        self.live_seconds = live_seconds

    # -- packs -------------------------------------------------------------------------------
    def list_packs(self, guild_id: str) -> list[PackSummary]:
        raise NotImplementedError

    def pack(self, guild_id: str, pack_id: str) -> Pack:
        """Raises UnknownPack."""
        raise NotImplementedError

    def pack_ids(self, guild_id: str, prefix: str = "") -> list[tuple[str, str]]:
        """(id, title) pairs whose id or title contains `prefix`, for autocomplete (≤ 25)."""
        raise NotImplementedError

    # -- quiz sessions -------------------------------------------------------------------------
    def start_quiz(
        self,
        actor: Actor,
        pack_id: str | None = None,
        count: int = 10,
        mode: Mode = Mode.SOLO,
        *,
        seed: int | None = None,
        channel_id: str | None = None,
    ) -> QuestionView:
        """Open a session and return its first question.

        count must be 1–50 (InvalidInput otherwise). Live needs a channel_id and refuses a second open
        live session in the same channel (SessionBusy). Live questions get a deadline of
        now + live_seconds.
        """
        raise NotImplementedError

    def current_question(self, session_id: str, guild_id: str) -> QuestionView | None:
        raise NotImplementedError

    def answer(self, actor: Actor, session_id: str, question_id: str, response: str) -> AnswerOutcome:
        """Solo: judge, score, record, advance. A second answer to the same question (double click,
        retried interaction, stale button) raises QuestionClosed and scores nothing."""
        raise NotImplementedError

    def skip(self, actor: Actor, session_id: str, question_id: str) -> AnswerOutcome:
        raise NotImplementedError

    def hint(self, actor: Actor, session_id: str, question_id: str) -> str:
        """The next hint for this player (each lowers the points); InvalidInput when none are left."""
        raise NotImplementedError

    def submit_live_answer(
        self, actor: Actor, session_id: str, question_id: str, response: str
    ) -> LiveAck:
        """Live: record the answer privately (first answer per player counts; speed points)."""
        raise NotImplementedError

    def reveal(self, session_id: str, question_id: str) -> Reveal:
        """Live: close the question (idempotent), open the next one with a fresh deadline."""
        raise NotImplementedError

    def stop_quiz(self, actor: Actor, session_id: str) -> SessionSummary:
        """The starter, instructors and moderators may stop a quiz (NotAllowed otherwise)."""
        raise NotImplementedError

    def summary(self, session_id: str, guild_id: str, user_id: str | None = None) -> SessionSummary:
        raise NotImplementedError

    def open_sessions(self) -> list[SessionInfo]:
        """Every open session, for restart recovery."""
        raise NotImplementedError

    def set_session_message(self, session_id: str, message_id: str) -> None:
        """Remember the channel message that shows a live session (to edit it after a restart)."""
        raise NotImplementedError

    def close_stale(self, session_id: str, reason: str) -> None:
        raise NotImplementedError

    # -- asking --------------------------------------------------------------------------------
    def ask(self, guild_id: str, text: str, pack_id: str | None = None) -> AskResult:
        """Answer a free-text question from the explainers; unanswered questions are logged."""
        raise NotImplementedError

    def explain(self, guild_id: str, topic: str) -> tuple[Explainer, Pack]:
        """An explainer by id or (fuzzy) title; UnknownPack/InvalidInput-style error when absent."""
        raise NotImplementedError

    def explainer_choices(self, guild_id: str, prefix: str = "") -> list[tuple[str, str]]:
        """(id, title) pairs for autocomplete (≤ 25)."""
        raise NotImplementedError

    # -- scores --------------------------------------------------------------------------------
    def leaderboard(
        self,
        guild_id: str,
        pack_id: str | None = None,
        period: str = "all",
        *,
        page: int = 0,
        per_page: int = 10,
    ) -> LeaderboardPage:
        raise NotImplementedError

    def stats(self, guild_id: str, user_id: str) -> LearnerStats:
        raise NotImplementedError

    # -- staff ---------------------------------------------------------------------------------
    def is_moderator(self, actor: Actor) -> bool:
        raise NotImplementedError

    def is_instructor(self, actor: Actor) -> bool:
        raise NotImplementedError

    def reset_scores(
        self, actor: Actor, user_id: str | None = None, pack_id: str | None = None
    ) -> int:
        """Moderators only. Returns how many players' scores were reset; attempts are kept as history."""
        raise NotImplementedError

    def set_roles(
        self, actor: Actor, instructor_role_id: str | None, moderator_role_id: str | None
    ) -> GuildRoles:
        """Manage Server only (NotAllowed otherwise)."""
        raise NotImplementedError

    def roles(self, guild_id: str) -> GuildRoles:
        raise NotImplementedError
