"""The live-quiz clock: reveal each question at its deadline, post the next, then the podium.

Why a runner with an injected `sleep` and `clock`: the deadline lives in the service (and the
database), so the only job left here is noticing that it passed. One loop polls the few open
rounds; tests call `tick()` after moving a fake clock and never really sleep. Posting is behind
the `Poster` protocol so the runner can be driven without Discord.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Protocol

import discord

from bot.core.errors import QuestionClosed, QuizError
from bot.core.results import QuestionView, Reveal, SessionSummary
from bot.core.service.quizzes import QuizService
from bot.discord_app.embeds import notice
from bot.discord_app.quiz_embeds import (
    fit_message,
    podium_embed,
    question_embed,
    reveal_embed,
)
from bot.discord_app.quiz_views import question_view

log = logging.getLogger(__name__)

NO_PINGS = discord.AllowedMentions.none()
MAX_PAUSE = 1.0  # seconds between checks when nothing is due sooner
RETRY_AFTER = 5.0  # a round that failed to advance is retried this much later (× failures)
MAX_FAILURES = 5  # then the quiz is closed instead of failing (and logging) forever
BROKEN_NOTE = "This live quiz had to be closed because of an error on my side. Sorry!"
PACK_GONE_NOTE = "This live quiz was closed: its question pack was changed or removed."


class ChannelGone(Exception):
    """The live session's channel was deleted or the bot lost access to it."""


@dataclass(frozen=True)
class LiveRound:
    """The open question of one live session, as the runner tracks it."""

    session_id: str
    guild_id: str
    channel_id: str
    question_id: str
    deadline: float
    message_id: str | None = None


class Poster(Protocol):
    """Where live rounds are shown (a Discord channel in production, a list in tests)."""

    async def question(self, channel_id: str, question: QuestionView,
                       reveal: Reveal | None = None) -> str | None: ...

    async def finish(self, channel_id: str, summary: SessionSummary | None,
                     reveal: Reveal | None = None, note: str | None = None) -> None: ...

    async def retire(self, channel_id: str, message_id: str | None) -> None: ...


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

    # -- bookkeeping ---------------------------------------------------------------------------
    def track(self, live_round: LiveRound) -> None:
        self._rounds[live_round.session_id] = live_round

    def forget(self, session_id: str) -> LiveRound | None:
        return self._rounds.pop(session_id, None)

    def round_in(self, channel_id: str) -> LiveRound | None:
        return next((r for r in self._rounds.values() if r.channel_id == channel_id), None)

    @property
    def rounds(self) -> list[LiveRound]:
        return list(self._rounds.values())

    # -- the clock -----------------------------------------------------------------------------
    async def run(self) -> None:
        """Forever: close what is due, then sleep until the next deadline (at most MAX_PAUSE)."""
        while True:
            try:
                await self.tick()
            except Exception:  # tick guards each round; this guards the clock itself
                log.exception("live quiz clock failed; carrying on")
            await self._sleep(self._pause())

    def _pause(self) -> float:
        now = self._clock()
        due = [r.deadline - now for r in self._rounds.values()]
        return max(0.05, min([MAX_PAUSE, *due]))

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
        if current is None or current.question_id != live_round.question_id:
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
        session_id = live_round.session_id
        try:
            reveal: Reveal = self.service.reveal(session_id, live_round.question_id)
        except QuestionClosed:
            self.forget(session_id)  # stopped or revealed elsewhere: nothing to show
            return
        except QuizError as error:  # its pack was uninstalled, or lost this question
            log.info("closing live quiz %s: %s", session_id, error)
            self.forget(session_id)
            await self._close(live_round, PACK_GONE_NOTE)
            return
        nxt = reveal.next_question
        # Track (or forget) before any await: a /quiz stop that lands while the reveal is being
        # posted forgets the round, and must not be undone by this coroutine resuming.
        if reveal.finished or nxt is None:
            self.forget(session_id)
        else:
            self.track(replace(live_round, question_id=nxt.question_id,
                               deadline=nxt.deadline or self._clock(), message_id=None))
        try:
            await self.poster.retire(live_round.channel_id, live_round.message_id)
            if reveal.finished or nxt is None:
                await self.poster.finish(live_round.channel_id, self._summary(live_round), reveal)
                return
            if session_id not in self._rounds:
                return  # stopped meanwhile: the stop already posted the podium
            message_id = await self.poster.question(live_round.channel_id, nxt, reveal)
            current = self._rounds.get(session_id)
            if message_id is not None and current is not None:
                self.service.set_session_message(session_id, message_id)
                self.track(replace(current, message_id=message_id))
        except ChannelGone:
            self.forget(session_id)
            self.service.close_stale(session_id, "channel unavailable")

    async def _close(self, live_round: LiveRound, note: str) -> None:
        """Close a quiz that cannot go on and say so in its channel (best effort)."""
        try:
            self.service.close_stale(live_round.session_id, note)
        except QuizError:
            return  # the session itself is gone: nothing left to announce
        try:
            await self.poster.retire(live_round.channel_id, live_round.message_id)
            await self.poster.finish(live_round.channel_id, self._summary(live_round), note=note)
        except (ChannelGone, discord.HTTPException) as err:
            log.info("could not announce the closing of %s: %s", live_round.session_id, err)

    def _summary(self, live_round: LiveRound) -> SessionSummary | None:
        try:
            return self.service.summary(live_round.session_id, live_round.guild_id)
        except QuizError:
            return None


class ChannelPoster:
    """Posts live rounds to Discord channels, never pinging anyone."""

    def __init__(self, bot: discord.Client) -> None:
        self.bot = bot

    def _channel(self, channel_id: str) -> discord.abc.Messageable:
        """The cached channel, else a partial one: sending needs only the id, so no fetch (and
        no wait for the gateway cache after a restart); a vanished channel fails on send."""
        cached = self.bot.get_channel(int(channel_id))
        if isinstance(cached, discord.abc.Messageable):
            return cached
        return self.bot.get_partial_messageable(int(channel_id))

    async def _send(self, channel_id: str, **kwargs: object) -> discord.Message:
        channel = self._channel(channel_id)
        try:
            return await channel.send(allowed_mentions=NO_PINGS, **kwargs)  # type: ignore[arg-type]
        except (discord.NotFound, discord.Forbidden) as err:
            raise ChannelGone(channel_id) from err

    async def question(self, channel_id: str, question: QuestionView,
                       reveal: Reveal | None = None) -> str | None:
        embeds = ([reveal_embed(reveal)] if reveal else []) + [question_embed(question)]
        message = await self._send(channel_id, embeds=fit_message(*embeds),
                                   view=question_view(question))
        return str(message.id)

    async def finish(self, channel_id: str, summary: SessionSummary | None,
                     reveal: Reveal | None = None, note: str | None = None) -> None:
        embeds = [reveal_embed(reveal)] if reveal else []
        if summary is not None:
            embeds.append(podium_embed(summary, note=note))
        elif note:
            embeds.append(notice(note))
        if embeds:
            await self._send(channel_id, embeds=fit_message(*embeds))

    async def retire(self, channel_id: str, message_id: str | None) -> None:
        """Take the buttons off a closed question (best effort: stale clicks are refused anyway)."""
        if message_id is None:
            return
        try:
            channel = self._channel(channel_id)
            partial = getattr(channel, "get_partial_message", None)
            if partial is not None:
                await partial(int(message_id)).edit(view=None)
        except (discord.HTTPException, ChannelGone, ValueError):
            log.debug("could not retire message %s in %s", message_id, channel_id)
