"""Showing live rounds in Discord channels: the `Poster` the core's LiveRunner drives.

One message per live quiz: the card posted when it starts is edited at each deadline (the reveal
above the next question) and at the end (the last reveal above the podium)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

import discord

from bot.core.play.live_runner import ChannelGone
from bot.core.results import Media, MediaRef, QuestionView, Reveal, SessionSummary
from bot.discord_app import media
from bot.discord_app.outcome_cards import final_card, live_card
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
        # One edit at a time per channel, in order: a /quiz stop's podium waits for a reveal
        # edit already in flight instead of racing it (and being overwritten by it).
        self._locks: dict[str, asyncio.Lock] = {}

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

    async def _show(self, channel_id: str, message_id: str | None,
                    view: discord.ui.LayoutView, shown: list[Media]) -> str:
        """Edit the live round's one message into `view` (with the files it shows); post it
        anew only when there is no message yet or it was deleted (a moderator tidying up),
        and return the id shown in.

        One request per step: the reveal and the next question are one edit, never a retire
        plus a post."""
        async with self._locks.setdefault(channel_id, asyncio.Lock()):
            return await self._edit_or_post(channel_id, message_id, view, shown)

    async def _edit_or_post(self, channel_id: str, message_id: str | None,
                            view: discord.ui.LayoutView, shown: list[Media]) -> str:
        channel = self._channel(channel_id)
        if message_id is not None:
            partial = getattr(channel, "get_partial_message", None)
            try:
                if partial is not None:
                    # attachments= replaces the last step's files (unseen in a v2 message)
                    await partial(int(message_id)).edit(
                        view=view, attachments=media.files_for(shown), allowed_mentions=NO_PINGS)
                    return message_id
            except discord.NotFound:
                log.info("live message %s in %s is gone; posting a new one", message_id,
                         channel_id)
            except discord.Forbidden as err:
                raise ChannelGone(channel_id) from err
            except discord.HTTPException as err:
                if err.status != 400:
                    raise  # Discord is down: the runner retries this step later
                # Refused as a card: a message an older version posted (embeds, which a v2
                # message may not keep) when its quiz is resumed after the upgrade.
                log.info("live message %s in %s cannot become a card (%s); posting a new one",
                         message_id, channel_id, err)
        message = await self._send(channel_id, view=view, **media.send_kwargs(shown))
        return str(message.id)

    async def _media(self, refs: Sequence[MediaRef]) -> list[Media]:
        """The bytes to attach; none (and the card still goes out) if they cannot be had."""
        if self.service is None or not refs:
            return []
        try:
            return await media.load(self.service, refs, budget=None)  # no 3 s rule here
        except Exception:  # a picture is never worth a lost round
            log.exception("could not load the media of a live post")
            return []

    async def question(self, channel_id: str, question: QuestionView,
                       reveal: Reveal | None = None, message_id: str | None = None) -> str | None:
        """The last reveal above the next question. Behind spoilers, the reveal's pictures
        are blurred in its gallery (the files themselves stay plain: a v2 card shows a file
        only through the gallery item that names it)."""
        revealed = await self._media(reveal.media) if reveal else []
        asked = await self._media(question.media)
        lang = self.language_for(channel_id)
        view = live_card(question, reveal, lang=lang, spoilers=channel_id in self.spoilers,
                         reveal_media=media.gallery_urls(reveal.media, revealed, lang) if reveal
                         else None,
                         media=media.gallery_urls(question.media, asked, lang))
        return await self._show(channel_id, message_id, view, revealed + asked)

    async def finish(self, channel_id: str, summary: SessionSummary | None,
                     reveal: Reveal | None = None, note: str | None = None,
                     message_id: str | None = None) -> None:
        if summary is None and reveal is None and not note:
            return
        shown = await self._media(reveal.media) if reveal else []
        lang = self.language_for(channel_id)
        view = final_card(summary, reveal, note=note, lang=lang,
                          spoilers=channel_id in self.spoilers,
                          reveal_media=media.gallery_urls(reveal.media, shown, lang) if reveal
                          else None)
        await self._show(channel_id, message_id, view, shown)


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
