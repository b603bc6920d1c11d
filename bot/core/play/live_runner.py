"""The live-quiz clock: reveal each question at its deadline, show the next, then the podium.

Why a runner with an injected `sleep` and `clock`: the deadline lives in the service (and the
database), so the only job left here is noticing that it passed. The loop sleeps until the next
deadline and is woken early when a round is tracked or forgotten, so an idle bot never polls and
an offline test harness can settle. Tests call `tick()` after moving a fake clock and never
really sleep. Posting is behind the `Poster` protocol, so the runner knows nothing of Discord;
a live quiz is shown in one message (`message_id`) that the poster edits at each step.

Why the wait is one sleep that a wake cancels (not an asyncio.Event raced against a sleep): a
virtual Discord (simcord, tests/e2e) settles only when every task waits on something it knows,
and a timer is such a thing while a bare Event future is not; the sleep is the injected one, so
its virtual clock moves the runner with no polling and no help from the test.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from bot.core.errors import QuestionClosed, QuizError
from bot.core.results import QuestionView, Reveal, SessionSummary

if TYPE_CHECKING:
    from bot.core.service import QuizService

log = logging.getLogger(__name__)

MIN_PAUSE = 0.05  # never spin: a round still due after a tick is retried this much later
RETRY_AFTER = 5.0  # a round that failed to advance is retried this much later (× failures)
MAX_FAILURES = 5  # then the quiz is closed instead of failing (and logging) forever
IDLE_PAUSE = 3600.0  # with no round open, the clock is re-read hourly (a wake comes first)
BROKEN_NOTE = "This live quiz had to be closed because of an error on my side. Sorry!"
PACK_GONE_NOTE = "This live quiz was closed: its question pack was changed or removed."


class ChannelGone(Exception):
    """The live session's channel was deleted or the bot lost access to it."""


@dataclass(frozen=True)
class Unshown:
    """A reveal the service has made but the channel has not been shown (posting it failed).

    The reveal itself is never redone (it is committed, scores included); only showing it and
    the question after it (or the podium) is retried, so a Discord outage at the deadline delays
    the reveal instead of losing it and leaving the next question open with no message."""

    reveal: Reveal
    message_id: str | None  # the quiz's message, to be edited into this reveal


@dataclass(frozen=True)
class LiveRound:
    """The open question of one live session, as the runner tracks it.

    `deadline` is when the runner acts next: the question's deadline, or, while `unshown` is set,
    when to try showing that reveal again."""

    session_id: str
    guild_id: str
    channel_id: str
    question_id: str
    deadline: float
    message_id: str | None = None
    unshown: Unshown | None = None


class Poster(Protocol):
    """Where live rounds are shown (a Discord channel in production, a list in tests)."""

    async def question(self, channel_id: str, question: QuestionView,
                       reveal: Reveal | None = None,
                       message_id: str | None = None) -> str | None:
        """Show `question` (below `reveal`) in message `message_id`, or a new message when
        None; returns the id of the message now showing it."""

    async def finish(self, channel_id: str, summary: SessionSummary | None,
                     reveal: Reveal | None = None, note: str | None = None,
                     message_id: str | None = None) -> None:
        """Show the end (the last reveal, the podium or a note) in message `message_id`."""


class LiveRunner:
    """Tracks open live rounds and closes each at its deadline through the service."""

    def __init__(self, service: QuizService, poster: Poster, *,
                 sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
                 clock: Callable[[], float] = time.time) -> None:
        self.service = service
        self.poster = poster
        self._sleep = sleep
        self._clock = clock
        self._rounds: dict[str, LiveRound] = {}
        self._failures: dict[str, int] = {}
        self._changed = False  # a round was tracked or forgotten since the last tick
        self._sleeper: asyncio.Future[object] | None = None  # the loop's current sleep
        self._woken: asyncio.Future[object] | None = None  # the sleep a wake cancelled

    # -- bookkeeping ---------------------------------------------------------------------------
    def track(self, live_round: LiveRound) -> None:
        self._rounds[live_round.session_id] = live_round
        self.wake()

    def forget(self, session_id: str) -> LiveRound | None:
        found = self._rounds.pop(session_id, None)
        if found is not None:
            self.wake()
        return found

    def wake(self) -> None:
        """Re-read the clock now instead of at the next deadline (a round changed, or a clock
        that is not the sleep's own moved)."""
        self._changed = True
        sleeper = self._sleeper
        if sleeper is not None and not sleeper.done():
            self._woken = sleeper
            sleeper.cancel()

    def round_in(self, channel_id: str) -> LiveRound | None:
        return next((r for r in self._rounds.values() if r.channel_id == channel_id), None)

    @property
    def rounds(self) -> list[LiveRound]:
        return list(self._rounds.values())

    # -- the clock -----------------------------------------------------------------------------
    async def run(self) -> None:
        """Forever: close what is due, then sleep until the next deadline or a change."""
        while True:
            self._changed = False
            try:
                await self.tick()
            except Exception:  # tick guards each round; this guards the clock itself
                log.exception("live quiz clock failed; carrying on")
            await self._wait(self._pause())

    def _pause(self) -> float:
        """Seconds to the next deadline; IDLE_PAUSE when no round is open (a track wakes it)."""
        if not self._rounds:
            return IDLE_PAUSE
        now = self._clock()
        return max(MIN_PAUSE, min(r.deadline - now for r in self._rounds.values()))

    async def _wait(self, pause: float) -> None:
        """Sleep `pause` seconds, returning early when wake() cancels the sleep."""
        if self._changed:
            return
        sleeper = asyncio.ensure_future(self._sleep(pause))
        self._sleeper = sleeper
        try:
            await asyncio.wait([sleeper])
        finally:
            self._sleeper = None
            if not sleeper.done():  # the runner itself is being cancelled
                sleeper.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await sleeper
        woken, self._woken = self._woken is sleeper, None
        if sleeper.cancelled() and not woken:
            raise asyncio.CancelledError  # the sleep was cancelled from outside (tests, shutdown)
        if not sleeper.cancelled():
            sleeper.result()  # re-raise what the sleep raised

    async def tick(self) -> int:
        """Reveal every round whose deadline has passed; returns how many were revealed.

        A round that raises is logged and retried later (backing off), and closed with a note
        after MAX_FAILURES: one broken channel neither stops the other channels nor spins the
        loop at full speed writing the same traceback every 50 ms.
        """
        now = self._clock()
        due = [r for r in self._rounds.values() if r.deadline <= now]
        for live_round in due:
            try:
                await self.advance(live_round)
            except Exception:
                log.exception("could not advance live quiz %s", live_round.session_id)
                await self._failed(live_round, now)
            else:
                self._failures.pop(live_round.session_id, None)
        return len(due)

    async def _failed(self, live_round: LiveRound, now: float) -> None:
        session_id = live_round.session_id
        current = self._rounds.get(session_id)
        if current is None or (current.unshown is None
                               and current.question_id != live_round.question_id):
            return  # the question was revealed and the quiz moved on (or ended) before failing
        failures = self._failures.get(session_id, 0) + 1
        self._failures[session_id] = failures
        if failures < MAX_FAILURES:
            self.track(replace(current, deadline=now + RETRY_AFTER * failures))
            return
        self.forget(session_id)
        try:
            await self._close(live_round, BROKEN_NOTE)
        except Exception:
            log.exception("could not close broken live quiz %s", session_id)

    async def advance(self, live_round: LiveRound) -> None:
        """Close one round: reveal, then post the next question or the podium."""
        if live_round.unshown is not None:  # revealed already; showing it failed last time
            await self._show(live_round, live_round.unshown)
            return
        session_id = live_round.session_id
        try:
            # A reveal writes every player's attempt: off the loop, so a big round never stalls it.
            reveal: Reveal = await asyncio.to_thread(
                self.service.quizzes.reveal, session_id, live_round.question_id)
        except QuestionClosed:
            self.forget(session_id)  # stopped or revealed elsewhere: nothing to show
            return
        except QuizError as error:  # its pack was uninstalled, or lost this question
            log.info("closing live quiz %s: %s", session_id, error)
            self.forget(session_id)
            await self._close(live_round, PACK_GONE_NOTE)
            return
        if session_id not in self._rounds:
            return  # stopped while the reveal was written: the stop posted the podium
        nxt = reveal.next_question
        # Track (or forget) before any await: a /quiz stop that lands while the reveal is being
        # posted forgets the round, and must not be undone by this coroutine resuming.
        if reveal.finished or nxt is None:
            self.forget(session_id)
        else:
            self.track(replace(live_round, question_id=nxt.question_id,
                               deadline=nxt.deadline or self._clock()))
        await self._show(live_round, Unshown(reveal, live_round.message_id))

    async def _show(self, live_round: LiveRound, unshown: Unshown) -> None:
        """Show a reveal with the next question (or the podium); on a failure other than a gone
        channel, keep it as `unshown` for the next try (tick's retry) and re-raise."""
        session_id, reveal = live_round.session_id, unshown.reveal
        nxt = reveal.next_question
        finished = reveal.finished or nxt is None
        try:
            if finished:
                await self.poster.finish(live_round.channel_id, await self._summary(live_round),
                                         reveal, message_id=unshown.message_id)
                self.forget(session_id)
                return
            assert nxt is not None
            if session_id not in self._rounds:
                return  # stopped meanwhile: the stop already posted the podium
            message_id = await self.poster.question(live_round.channel_id, nxt, reveal,
                                                    unshown.message_id)
        except ChannelGone:
            self.forget(session_id)
            await asyncio.to_thread(self.service.quizzes.close_stale, session_id,
                                    "channel unavailable")
            return
        except Exception:
            current = self._rounds.get(session_id)
            if finished or current is not None:  # not stopped meanwhile: show it later
                base = current or live_round
                self.track(replace(base, unshown=unshown))
            raise
        current = self._rounds.get(session_id)
        if current is not None:
            shown = replace(current, deadline=nxt.deadline or self._clock(), unshown=None)
            if message_id is not None and message_id != current.message_id:  # posted anew
                await asyncio.to_thread(  # a write: it may wait for another thread's
                    self.service.quizzes.set_session_message, session_id, message_id)
                shown = replace(shown, message_id=message_id)
            self.track(shown)

    async def _close(self, live_round: LiveRound, note: str) -> None:
        """Close a quiz that cannot go on and say so in its channel (best effort)."""
        try:
            await asyncio.to_thread(self.service.quizzes.close_stale, live_round.session_id, note)
        except QuizError:
            return  # the session itself is gone: nothing left to announce
        try:
            await self.poster.finish(live_round.channel_id, await self._summary(live_round),
                                     note=note, message_id=live_round.message_id)
        except Exception as err:  # best effort: the quiz is closed whether or not it is said
            log.info("could not announce the closing of %s: %s", live_round.session_id, err)

    async def _summary(self, live_round: LiveRound) -> SessionSummary | None:
        try:
            return await asyncio.to_thread(
                self.service.quizzes.summary, live_round.session_id, live_round.guild_id)
        except QuizError:
            return None


