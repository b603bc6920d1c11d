"""Through discord.py's own dispatch: a real Interaction built from an APPLICATION_COMMAND payload.

Callback tests prove the cog logic; this proves the wiring a MagicMock cannot: the command is
found in the tree by name, option payloads are converted to our parameter types, and tree.on_error
is ours.
"""

from __future__ import annotations

from unittest.mock import AsyncMock, patch

import discord
from contract import command_payload, make_interaction
from fakes import build_bot

from bot.discord_app.errors import on_app_command_error


async def test_pack_info_through_tree_call() -> None:
    bot = await build_bot()
    assert bot.tree.on_error is on_app_command_error
    pack_id = bot.service.catalog.list_packs("1")[0].id
    interaction = make_interaction(bot, command_payload(bot, "pack info", pack=pack_id))
    with patch.object(discord.InteractionResponse, "send_message", new=AsyncMock()) as send:
        await bot.tree._call(interaction)
    send.assert_awaited_once()
    embed = send.await_args.kwargs["embed"]
    assert f"`{pack_id}`" in embed.fields[0].value
    assert send.await_args.kwargs["ephemeral"] is True
    await bot.close()


async def test_unknown_pack_reaches_our_error_handler() -> None:
    bot = await build_bot()
    interaction = make_interaction(bot, command_payload(bot, "pack info", pack="nope"))
    with patch.object(discord.InteractionResponse, "send_message", new=AsyncMock()) as send:
        await bot.tree._call(interaction)
    args, kwargs = send.await_args
    assert kwargs["ephemeral"] is True
    assert "nope" in args[0]
    await bot.close()
