"""Posting live rounds to Discord channels: the `Poster` the core's LiveRunner drives."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

import discord

from bot.core.play.live_runner import ChannelGone
from bot.core.results import Media, MediaRef, QuestionView, Reveal, SessionSummary
from bot.discord_app import media
from bot.discord_app.embeds import notice
from bot.discord_app.quiz_embeds import (
    fit_message,
    podium_embed,
    question_embed,
    reveal_embed,
)
from bot.discord_app.quiz_views import question_view
from bot.discord_app.report_views import with_report_button
from bot.i18n import DEFAULT, language_of

if TYPE_CHECKING:
    from bot.core.service import QuizService

log = logging.getLogger(__name__)

NO_PINGS = discord.AllowedMentions.none()


class ChannelPoster:
    """Posts live rounds to Discord channels, never pinging anyone."""

    def __init__(self, bot: discord.Client, service: QuizService | None = None) -> None:
        self.bot = bot
        # Where a reveal's chart and a question's pictures come from (bytes, off the loop).
        self.service = service if service is not None else getattr(bot, "service", None)
        # channel id → language of its live posts, set when a live quiz starts there (the
        # server's locale from that interaction); after a restart, the cached guild's.
        self.languages: dict[str, str] = {}
        self.spoilers: set[str] = set()  # channels whose live reveals hide answers (accessibility)

    def language_for(self, channel_id: str) -> str:
        if channel_id in self.languages:
            return self.languages[channel_id]
        channel = self.bot.get_channel(int(channel_id))
        guild = getattr(channel, "guild", None)
        return language_of(getattr(guild, "preferred_locale", None))

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
        lang = self.language_for(channel_id)
        spoilers = channel_id in self.spoilers
        revealed = await self._media(reveal.media) if reveal else []
        asked = await self._media(question.media)
        embeds = (([reveal_embed(reveal, lang=lang, spoilers=spoilers)] if reveal else [])
                  + [question_embed(question, lang=lang)])
        if reveal is not None and not spoilers:
            media.show_on(embeds[0], reveal.media, revealed)
        media.show_on(embeds[-1], question.media, asked)
        files = (media.files_for(revealed, spoiler=True) + media.files_for(asked) if spoilers
                 else media.files_for(revealed + asked))
        view = question_view(question, lang=lang)
        if reveal is not None:
            view = with_report_button(view, reveal.session_id, reveal.question_id,
                                      lang=lang) or view
        message = await self._send(channel_id, embeds=fit_message(*embeds), view=view,
                                   **({"files": files} if files else {}))
        return str(message.id)

    async def _media(self, refs: Sequence[MediaRef]) -> list[Media]:
        """The bytes to attach; none (and the post still goes out) if they cannot be had."""
        if self.service is None or not refs:
            return []
        try:
            return await media.load(self.service, refs, budget=None)  # no 3 s rule here
        except Exception:  # a picture is never worth a lost round
            log.exception("could not load the media of a live post")
            return []

    async def finish(self, channel_id: str, summary: SessionSummary | None,
                     reveal: Reveal | None = None, note: str | None = None) -> None:
        lang = self.language_for(channel_id)
        spoilers = channel_id in self.spoilers
        embeds = [reveal_embed(reveal, lang=lang, spoilers=spoilers)] if reveal else []
        shown = await self._media(reveal.media) if reveal else []
        if reveal is not None and not spoilers:
            media.show_on(embeds[0], reveal.media, shown)
        if summary is not None:
            embeds.append(podium_embed(summary, note=note, lang=lang))
        elif note:
            embeds.append(notice(note))
        if embeds:
            view = (with_report_button(None, reveal.session_id, reveal.question_id, lang=lang)
                    if reveal is not None else None)
            extra: dict[str, object] = {"view": view} if view is not None else {}
            files = media.files_for(shown, spoiler=spoilers)
            await self._send(channel_id, embeds=fit_message(*embeds), **extra,
                             **({"files": files} if files else {}))

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


def remember_channel(poster: object, channel_id: str, *, lang: str, spoilers: bool) -> None:
    """How a channel's live posts read: its language, and whether reveals hide the answer behind
    spoilers. Kept in memory by the ChannelPoster (a restart falls back to the server's locale
    and no spoilers); other posters (tests') ignore it."""
    if not isinstance(poster, ChannelPoster):
        return
    poster.languages[channel_id] = lang
    if spoilers:
        poster.spoilers.add(channel_id)
    else:
        poster.spoilers.discard(channel_id)


def channel_language(poster: object, channel_id: str) -> str:
    """The language a channel's live posts use (English for posters that do not know)."""
    return poster.language_for(channel_id) if isinstance(poster, ChannelPoster) else DEFAULT
