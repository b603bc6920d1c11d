"""ChannelPoster: a live round is one channel message, edited at each step; posted anew only
when it is gone, and edits to one channel go out one at a time, in order."""

from __future__ import annotations

import asyncio
from unittest.mock import AsyncMock, MagicMock

import discord
import pytest
from test_cards import question, reveal, summary

from bot.core.models import Mode
from bot.core.play.live_runner import ChannelGone
from bot.discord_app.live import ChannelPoster

CHANNEL = "123"


class FakeChannel(discord.abc.Messageable):
    """Only what the poster uses: get_partial_message(id).edit and send."""

    def __init__(self) -> None:
        self.edits: list[tuple[int, discord.ui.LayoutView]] = []
        self.sent: list[discord.ui.LayoutView] = []
        self.edit_error: Exception | None = None
        self.gate: asyncio.Event | None = None  # holds the first edit until set
        self.calls = 0

    async def _get_channel(self):  # pragma: no cover - required by the ABC, never used here
        return self

    def get_partial_message(self, message_id: int) -> MagicMock:
        async def edit(*, view, attachments, allowed_mentions):
            self.calls += 1
            if self.gate is not None and self.calls == 1:
                await self.gate.wait()
            if self.edit_error is not None:
                raise self.edit_error
            self.edits.append((message_id, view))
        message = MagicMock()
        message.edit = edit
        return message

    async def send(self, *, view, allowed_mentions, **files):  # type: ignore[override]
        self.sent.append(view)
        return MagicMock(id=999)


def poster_with(channel: FakeChannel) -> ChannelPoster:
    bot = MagicMock(spec=discord.Client)
    bot.get_channel.return_value = channel
    return ChannelPoster(bot)


def _text(view: discord.ui.LayoutView) -> str:
    return str(view.to_components())


async def test_each_step_edits_the_one_message():
    channel = FakeChannel()
    poster = poster_with(channel)
    shown = await poster.question(CHANNEL, question(mode=Mode.LIVE), reveal(), message_id="5")
    await poster.finish(CHANNEL, summary(Mode.LIVE), reveal(), message_id="5")
    assert shown == "5" and channel.sent == []
    assert [m for m, _ in channel.edits] == [5, 5]
    assert "the podium" in _text(channel.edits[1][1])


async def test_a_deleted_message_is_posted_anew_and_its_new_id_returned():
    channel = FakeChannel()
    channel.edit_error = discord.NotFound(AsyncMock(status=404, reason="Not Found"), "gone")
    poster = poster_with(channel)
    assert await poster.question(CHANNEL, question(mode=Mode.LIVE), message_id="5") == "999"
    assert len(channel.sent) == 1
    assert await poster.question(CHANNEL, question(mode=Mode.LIVE)) == "999"  # no id: a post


async def test_a_message_discord_refuses_to_turn_into_a_card_is_replaced_but_an_outage_is_not():
    channel = FakeChannel()  # a live quiz posted as embeds by the version before cards
    channel.edit_error = discord.HTTPException(AsyncMock(status=400, reason="Bad"), "v2")
    poster = poster_with(channel)
    assert await poster.question(CHANNEL, question(mode=Mode.LIVE), message_id="5") == "999"
    channel.edit_error = discord.DiscordServerError(AsyncMock(status=503, reason="Down"), "")
    with pytest.raises(discord.DiscordServerError):  # retried by the runner, not reposted
        await poster.question(CHANNEL, question(mode=Mode.LIVE), message_id="5")
    assert len(channel.sent) == 1


async def test_a_channel_the_bot_lost_is_gone():
    channel = FakeChannel()
    channel.edit_error = discord.Forbidden(AsyncMock(status=403, reason="Forbidden"), "no")
    with pytest.raises(ChannelGone):
        await poster_with(channel).finish(CHANNEL, summary(Mode.LIVE), message_id="5")


async def test_a_stop_waits_for_the_reveal_in_flight_so_the_podium_is_shown_last():
    channel = FakeChannel()
    channel.gate = asyncio.Event()  # Discord is slow to answer the reveal's edit
    poster = poster_with(channel)
    reveal_edit = asyncio.create_task(
        poster.question(CHANNEL, question(mode=Mode.LIVE), reveal(), message_id="5"))
    await asyncio.sleep(0)
    stop_edit = asyncio.create_task(
        poster.finish(CHANNEL, summary(Mode.LIVE), note="Stopped by t.", message_id="5"))
    await asyncio.sleep(0)
    assert channel.edits == [] and channel.calls == 1  # the podium waits its turn
    channel.gate.set()
    await asyncio.gather(reveal_edit, stop_edit)
    assert "Stopped by t." in _text(channel.edits[-1][1]) and len(channel.edits) == 2
