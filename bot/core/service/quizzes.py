"""Quizzes: opening sessions, judging answers, live reveals, stopping, restart recovery.

The session state machine (core/play/session.py) is pure; this part loads and saves it, records
each attempt with its aggregate in one transaction, and decides what a frontend's "stop" and
"the bot restarted" mean, so no frontend holds a rule of the game.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Callable, Sequence

from bot.core.errors import (
    InvalidInput,
    NotAllowed,
    SessionBusy,
    SessionNotFound,
)
from bot.core.models import Actor, Mode, Pack, Question
from bot.core.play import ranking
from bot.core.play.feedback import with_choice_feedback
from bot.core.play.session import QuizSession, Scored
from bot.core.results import (
    AnswerOutcome,
    LiveAck,
    PlayerResult,
    QuestionView,
    RestartPlan,
    Reveal,
    SessionInfo,
    SessionSummary,
    StopOutcome,
)
from bot.core.service.access import Access
from bot.core.service.catalog import Catalog
from bot.core.service.live_answers import LiveAnswers
from bot.core.service.media import reveal_media
from bot.core.service.phrases import say
from bot.core.service.recording import record_attempt
from bot.core.service.session_locks import SessionLocks, locked
from bot.core.service.session_views import question_view
from bot.store.db import Store

log = logging.getLogger(__name__)
MAX_COUNT = 50
FASTEST_SHOWN = 3
STALE_AFTER = 15 * 60  # a live question overdue by more than this after a restart is closed


class Quizzes:
    def __init__(self, store: Store, catalog: Catalog, access: Access, *,
                 clock: Callable[[], float], live_seconds: int) -> None:
        self.store, self.catalog, self.access = store, catalog, access
        self.clock = clock
        self.live_seconds = live_seconds  # a live question's time limit
        self.locks = SessionLocks()  # frontends call from worker threads
        self.live = LiveAnswers(store)  # live answers as rows, not session rewrites

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
        only: Sequence[str] | None = None,
        purpose: str = ranking.QUIZ,
    ) -> QuestionView:
        """Open a session and return its first question (count 1–50; one live quiz per channel).

        `only` restricts the quiz to these question ids, in this order; a REVIEW `purpose`
        records its answers as practice, never ranked (bot.core.play.ranking).
        """
        if not isinstance(count, int) or not 1 <= count <= MAX_COUNT:
            raise InvalidInput(say("quiz.count_range", limit=MAX_COUNT, count=count))
        mode = Mode(mode)
        library = self.catalog.library(actor.guild_id)
        pack = library.get(library.default_id() if pack_id is None else pack_id)
        now = self.clock()
        if mode is Mode.LIVE:
            if not channel_id:
                raise InvalidInput(say("quiz.needs_channel"))
            if self.store.open_live_in_channel(actor.guild_id, channel_id):
                raise SessionBusy(say("quiz.live_running"))
        session = QuizSession.create(
            session_id=secrets.token_hex(6), pack=pack, guild_id=actor.guild_id,
            starter_id=actor.user_id, mode=mode, count=count,
            seed=seed if seed is not None else secrets.randbelow(2**31), now=now,
            channel_id=channel_id, only=only,
            time_limit=float(pack.time_limit or self.live_seconds), purpose=purpose,
        )
        return self._open(actor, session, pack, now)

    def _open(self, actor: Actor, session: QuizSession, pack: Pack, now: float) -> QuestionView:
        """Persist a new session (closing the learner's older practice quiz) and show question 1."""
        mode, channel_id = session.mode, session.channel_id
        if mode is Mode.SOLO:
            session.player(actor.user_id, actor.display_name)
        with self.store.atomic():
            if mode is Mode.SOLO:
                self._close_solo_sessions(actor, now)
            self.store.upsert_learner(actor.guild_id, actor.user_id, actor.display_name, now)
            self.store.upsert_pack(pack.id, pack.title, _pack_hash(pack), now)
            self.store.create_session({
                "id": session.id, "guild_id": actor.guild_id, "channel_id": channel_id,
                "starter_id": actor.user_id, "pack_id": pack.id, "mode": mode.value,
                "status": session.status, "state": session.to_json(), "now": now,
            })
        view = question_view(session, pack)
        assert view is not None
        return view

    def current_question(self, session_id: str, guild_id: str) -> QuestionView | None:
        session = self._load(session_id, guild_id)
        return question_view(session, self.catalog.cached_pack(session.guild_id, session.pack_id))

    @locked(1)
    def answer(
        self, actor: Actor, session_id: str, question_id: str, response: str
    ) -> AnswerOutcome:
        """Solo: judge, score, record, advance.

        A second answer to the same question (double click, retried interaction, stale button)
        raises QuestionClosed and scores nothing.
        """
        session, question = self._open_question(actor, session_id, question_id)
        if not isinstance(response, str) or not response.strip():
            raise InvalidInput(say("quiz.empty"))
        now = self.clock()
        scored = session.answer_solo(question, actor.user_id, actor.display_name, response, now)
        return self._record_solo(actor, session, question, scored, now, response)

    @locked(1)
    def skip(self, actor: Actor, session_id: str, question_id: str) -> AnswerOutcome:
        session, question = self._open_question(actor, session_id, question_id)
        now = self.clock()
        scored = session.skip_solo(question, actor.user_id, actor.display_name, now)
        return self._record_solo(actor, session, question, scored, now)

    @locked(1)
    def hint(self, actor: Actor, session_id: str, question_id: str) -> str:
        """The next hint for this player (each halves the points); InvalidInput if none left."""
        session, question = self._open_question(actor, session_id, question_id)
        text = session.take_hint(question, actor.user_id, actor.display_name)
        self._save(session)
        return text

    @locked(1)
    def submit_live_answer(
        self, actor: Actor, session_id: str, question_id: str, response: str
    ) -> LiveAck:
        """Live: record the answer privately (first answer per player counts; speed points).
        One row per answer, never a rewrite of the session (bot.core.service.live_answers)."""
        session = self.live.view(session_id, actor.guild_id)
        session.require_current(question_id)
        question = self._question(
            self.catalog.cached_pack(session.guild_id, session.pack_id), question_id)
        if session.mode is not Mode.LIVE:
            raise InvalidInput(say("quiz.solo"))
        if self.live.submit(actor, session, question, response, self.clock()):
            return LiveAck(session.id, question_id, True, "Answer locked in. Wait for the reveal!")
        return LiveAck(session.id, question_id, False, "You already answered this question.")

    @locked(0)
    def reveal(self, session_id: str, question_id: str) -> Reveal:
        """Live: close the question (idempotent: a second call raises QuestionClosed)."""
        session = self._load(session_id)
        session.require_current(question_id)
        pack = self.catalog.cached_pack(session.guild_id, session.pack_id)
        question = self._question(pack, question_id)
        now = self.clock()
        position = session.index + 1
        results = session.close_live(question, now)
        with self.store.atomic():
            for scored in results:
                self._record(session, question, scored, now)
            self._save(session)
        fastest = tuple(
            PlayerResult(s.user_id, session.players[s.user_id].display_name, s.points, 1, 1,
                         s.elapsed_ms)
            for s in sorted((s for s in results if s.verdict.correct), key=lambda s: s.elapsed_ms)
        )[:FASTEST_SHOWN]
        return Reveal(
            session.id, question.id, position, len(session.question_ids), question.answer_text(),
            question.explanation, question.quote, len(results),
            sum(1 for s in results if s.verdict.correct), fastest,
            question_view(session, pack), not session.is_open, reveal_media(question, pack),
        )

    @locked(1)
    def stop_quiz(self, actor: Actor, session_id: str) -> SessionSummary:
        """The starter, instructors and moderators may stop a quiz (NotAllowed otherwise)."""
        session = self._load(session_id, actor.guild_id)
        if actor.user_id != session.starter_id and not (
            self.access.is_instructor(actor) or self.access.is_moderator(actor)
        ):
            raise NotAllowed(say("access.stop_quiz"))
        if session.is_open:
            session.stop(self.clock())
            self._save(session)
        return self._summary(session, actor.user_id)

    def open_solo_session(self, guild_id: str, user_id: str) -> str | None:
        """This learner's open practice quiz in this guild, if any (for /quiz stop)."""
        found = self.store.open_solo_of(guild_id, user_id)
        return found[0] if found else None

    def live_session_in(self, guild_id: str, channel_id: str) -> str | None:
        """The open live session's id in this channel, if any (for /quiz stop without an id)."""
        return self.store.open_live_in_channel(guild_id, channel_id)

    def summary(self, session_id: str, guild_id: str, user_id: str | None = None) -> SessionSummary:
        session = self._load(session_id, guild_id)
        return self._summary(session, user_id or session.starter_id)

    def open_sessions(self) -> list[SessionInfo]:
        """Every open session, for restart recovery."""
        return [_info_of(row) for row in self.store.open_session_rows()]

    def _info(self, session_id: str) -> SessionInfo:
        row = self.store.session_row(session_id)
        if row is None:
            raise SessionNotFound(say("quiz.gone"))
        return _info_of(row)

    def set_session_message(self, session_id: str, message_id: str) -> None:
        """Remember the channel message that shows a live session (to edit it after a restart)."""
        self.store.set_session_message(session_id, message_id)

    @locked(0)
    def close_stale(self, session_id: str, reason: str) -> None:
        """Close a session that cannot be resumed (its pack vanished, its channel is gone)."""
        session = self._load(session_id)
        log.info("closing session %s: %s", session_id, reason)
        if session.is_open:
            session.stop(self.clock())
            self._save(session)

    def stop_here(self, actor: Actor, channel_id: str) -> StopOutcome | None:
        """What "stop" means where the actor stands: the live quiz in this channel if they may
        stop it, else their own open practice quizzes. None when there is nothing to stop.

        A student with a practice quiz open means that one, not a live quiz they cannot stop;
        with no practice quiz open, the refusal (NotAllowed) is theirs to see.
        """
        # Index lookups of the actor's own open sessions only, never a walk over every open one.
        live_id = self.store.open_live_in_channel(actor.guild_id, channel_id)
        live = self._info(live_id) if live_id else None
        solo = [self._info(sid) for sid in  # oldest first: the summary shown is the newest's
                reversed(self.store.open_solo_of(actor.guild_id, actor.user_id))]
        if live is not None:
            try:
                return StopOutcome(live, self.stop_quiz(actor, live.session_id))
            except NotAllowed:
                if not solo:
                    raise
        if not solo:
            return None
        summary = None
        for info in solo:
            summary = self.stop_quiz(actor, info.session_id)
        assert summary is not None
        return StopOutcome(None, summary)

    def after_restart(self, tracked: set[str]) -> RestartPlan:
        """Open live sessions not yet `tracked`: which resume (an overdue question is revealed at
        once) and which are closed because the bot was down longer than STALE_AFTER.
        Solo sessions need nothing: their buttons carry all they need."""
        now = self.clock()
        resume: list[SessionInfo] = []
        close: list[SessionInfo] = []
        for info in self.open_sessions():
            if info.mode is not Mode.LIVE or info.session_id in tracked:
                continue
            broken = info.channel_id is None or info.question_id is None or info.deadline is None
            stale = info.deadline is not None and now - info.deadline > STALE_AFTER
            (close if broken or stale else resume).append(info)
        return RestartPlan(tuple(resume), tuple(close))

    # -- internals -----------------------------------------------------------------------------
    def _load(self, session_id: str, guild_id: str | None = None) -> QuizSession:
        row = self.store.session_row(session_id)
        if row is None or (guild_id is not None and row["guild_id"] != guild_id):
            raise SessionNotFound(say("quiz.gone"))
        session = QuizSession.from_json(row["state"])
        self.live.merge(session)
        return session

    def _save(self, session: QuizSession) -> None:
        with self.store.atomic():
            self.store.save_session(session.id, session.to_json(), session.status, self.clock())
            self.live.saved(session)

    def _open_question(
        self, actor: Actor, session_id: str, question_id: str
    ) -> tuple[QuizSession, Question]:
        session = self._load(session_id, actor.guild_id)
        session.require_current(question_id)
        pack = self.catalog.cached_pack(session.guild_id, session.pack_id)
        return session, self._question(pack, question_id)

    @staticmethod
    def _question(pack: Pack, question_id: str) -> Question:
        question = pack.question(question_id)
        if question is None:
            raise SessionNotFound(say("quiz.question_gone"))
        return question

    def _record_solo(
        self, actor: Actor, session: QuizSession, question: Question, scored: Scored, now: float,
        response: str | None = None,
    ) -> AnswerOutcome:
        with self.store.atomic():
            self.store.touch_learner(actor.guild_id, actor.user_id, actor.display_name, now)
            ranked = self._record(session, question, scored, now)
            self._save(session)
        player = session.players[actor.user_id]
        pack = self.catalog.cached_pack(session.guild_id, session.pack_id)
        return AnswerOutcome(
            session.id,
            question.id,
            scored.verdict,
            scored.points,
            scored.streak,
            player.points,
            question.answer_text(),
            with_choice_feedback(question, response, question.explanation),
            question.quote,
            scored.skipped,
            question_view(session, pack),
            not session.is_open,
            ranked,
            reveal_media(question, pack),
        )

    def _record(self, session: QuizSession, question: Question, scored: Scored,
                now: float) -> bool:
        """Record one attempt and its review card; True when it ranks (see recording.py)."""
        return record_attempt(self.store, session, question, scored, now)

    def _close_solo_sessions(self, actor: Actor, now: float) -> None:
        """One practice quiz per learner: starting a new one stops the old (its buttons then say
        the question is closed), so abandoned practice never piles up as open sessions."""
        for session_id in self.store.open_solo_of(actor.guild_id, actor.user_id):
            old = self._load(session_id)
            old.stop(now)
            self._save(old)

    def _summary(self, session: QuizSession, user_id: str) -> SessionSummary:
        player = session.players.get(user_id)
        podium = tuple(
            sorted(
                (
                    PlayerResult(p.user_id, p.display_name, p.points, p.correct, p.answered)
                    for p in session.players.values()
                ),
                key=lambda r: (-r.points, -r.correct, r.display_name),
            )
        )
        return SessionSummary(
            session.id,
            session.pack_id,
            session.mode,
            len(session.question_ids),
            player.answered if player else 0,
            player.correct if player else 0,
            player.skipped if player else 0,
            player.points if player else 0,
            player.best_streak if player else 0,
            self.store.rank_of(session.guild_id, user_id),
            podium,
            session.status == "stopped",
            self.store.ranked_points_of_session(session.id, user_id),
            session.purpose == ranking.REVIEW,
        )


def _info_of(row: dict) -> SessionInfo:
    session = QuizSession.from_json(row["state"])
    return SessionInfo(session.id, session.guild_id, session.channel_id, session.starter_id,
                       session.pack_id, session.mode, session.current_id, session.deadline,
                       row["message_id"])


def _pack_hash(pack: Pack) -> str:
    return hashlib.sha256(repr(pack.questions).encode()).hexdigest()[:16]
