"""QuizBot's lifecycle choices: no privileged intents, no pings, dev-guild-only sync at start."""

from __future__ import annotations

import sqlite3

import pytest
from contract import GUILD_ID, capture_requests, pretend_logged_in
from fakes import bot_settings, build_bot, make_service

from bot.discord_app.client import QuizBot
from bot.discord_app.errors import on_app_command_error


async def test_defaults_ask_for_nothing_privileged_and_never_ping() -> None:
    bot = await build_bot()
    assert bot.intents.message_content is False
    assert bot.intents.members is False and bot.intents.presences is False
    assert bot.allowed_mentions.to_dict() == {"parse": []}
    assert bot.tree.on_error is on_app_command_error
    await bot.close()


def test_message_content_only_when_asked() -> None:
    bot = QuizBot(bot_settings(message_content=True), service_factory=lambda _s: make_service())
    assert bot.intents.message_content is True


async def _start(**settings) -> list:
    service = make_service()
    bot = QuizBot(bot_settings(**settings), service_factory=lambda _s: service)
    await bot._async_setup_hook()
    pretend_logged_in(bot)
    with capture_requests(bot) as sent:
        await bot.setup_hook()
    await bot.close()
    return sent


async def test_start_syncs_to_the_dev_guild_only() -> None:
    sent = await _start(dev_guild_id=GUILD_ID)
    assert [r.route_key for r in sent] == [
        "PUT /applications/{application_id}/guilds/{guild_id}/commands"]
    assert {c["name"] for c in sent[0].payload} >= {"ask", "leaderboard", "scores"}


async def test_start_without_a_dev_guild_sends_nothing() -> None:
    assert await _start() == []


async def test_close_closes_the_database() -> None:
    service = make_service()
    bot = await build_bot(service)
    await bot.close()
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        service.store.db.execute("select 1")
