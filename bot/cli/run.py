"""`quizbot run`: start the Discord bot, or (--dry-run) build it offline and list its commands.

The dry run exercises everything but the network: settings, database (migrations), packs, every
cog and the command tree with its registration payloads, so a broken cog or an invalid command is
found before a token is ever needed. The token is a Secret: never printed, never logged.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

import click

from bot.cli import cli
from bot.cli.common import db_option, print_json, settings_for
from bot.config import Settings

if TYPE_CHECKING:
    from discord import app_commands

# discord.py (and aiohttp) are imported inside the functions: the other CLI commands import this
# module to register `run`, and the terminal frontend must not load Discord (tests/test_layering).

TOKEN_MISSING = ("quizbot run: DISCORD_TOKEN is not set; put it in .env (see .env.example) "
                 "or the environment, or use --dry-run")
TOKEN_REJECTED = ("quizbot run: Discord rejected DISCORD_TOKEN; reset it in the Developer Portal "
                  "(Bot → Reset Token) and update .env")
INTENT_MISSING = ("quizbot run: QUIZBOT_MESSAGE_CONTENT is on but the Message Content intent is "
                  "not enabled in the Developer Portal (Bot → Privileged Gateway Intents)")


@cli.command("run")
@click.option("--dry-run", is_flag=True,
              help="Build the bot offline (database, packs, cogs) and list its slash commands; "
                   "never connects, needs no token.")
@click.option("--json", "as_json", is_flag=True,
              help="Print the commands as JSON, with the payload Discord would receive "
                   "(implies --dry-run).")
@db_option
def run(dry_run: bool, as_json: bool, db: str | None) -> None:
    """Run the Discord bot (needs DISCORD_TOKEN)."""
    settings = settings_for(db)
    if dry_run or as_json:
        listing = asyncio.run(describe_commands(settings))
        if as_json:
            print_json(listing)
        else:
            for line in format_listing(listing):
                click.echo(line)
        return
    if not settings.token:
        click.echo(TOKEN_MISSING, err=True)
        raise click.exceptions.Exit(2)
    import aiohttp
    import discord

    from bot.store.db import Store

    Store.open(settings.db_path).close()  # a foreign or newer database: say so before connecting
    _quiet_startup(discord)
    discord.utils.setup_logging(level=logging.INFO)
    try:
        asyncio.run(_serve(settings))
    except KeyboardInterrupt:  # Ctrl-C is how a foreground bot is stopped: no traceback
        click.echo("quizbot run: stopped", err=True)
        return
    except discord.LoginFailure:
        click.echo(TOKEN_REJECTED, err=True)
        raise click.exceptions.Exit(2) from None
    except discord.PrivilegedIntentsRequired:
        click.echo(INTENT_MISSING, err=True)
        raise click.exceptions.Exit(2) from None
    except (aiohttp.ClientConnectionError, OSError) as err:
        click.echo(f"quizbot run: cannot reach Discord ({type(err).__name__}); check the "
                   "network and try again", err=True)
        raise click.exceptions.Exit(1) from None


def _quiet_startup(discord: Any) -> None:
    """Drop discord.py's start-up lines that say nothing to a quizbot operator: voice is never
    used, and our own "logged in as" line replaces "logging in using static token" (the only
    INFO of discord.client). Otherwise a failed start is four stderr lines, not one."""
    discord.VoiceClient.warn_nacl = False
    discord.VoiceClient.warn_dave = False
    logging.getLogger("discord.client").setLevel(logging.WARNING)


async def _serve(settings: Settings) -> None:
    from bot.discord_app.client import QuizBot

    assert settings.token is not None
    async with QuizBot(settings) as bot:
        await bot.start(settings.token.reveal())


async def describe_commands(settings: Settings) -> list[dict[str, Any]]:
    """Build the whole bot offline and describe every top-level slash command."""
    from bot.discord_app.client import QuizBot

    bot = QuizBot(settings, sync_commands=False)
    try:
        await bot._async_setup_hook()  # what login() would do: loop, HTTP client wiring
        await bot.setup_hook()
        commands = sorted(bot.tree.get_commands(), key=lambda command: command.name)
        return [describe(command, bot.tree) for command in commands]
    finally:
        await bot.close()


def _option(param: app_commands.Parameter) -> dict[str, Any]:
    data: dict[str, Any] = {"name": param.name, "type": param.type.name,
                            "description": param.description, "required": param.required}
    if param.choices:
        data["choices"] = [choice.value for choice in param.choices]
    if param.autocomplete:
        data["autocomplete"] = True
    if param.min_value is not None or param.max_value is not None:
        data["range"] = [param.min_value, param.max_value]
    return data


def describe(command: Any, tree: app_commands.CommandTree) -> dict[str, Any]:
    """name, description, options (subcommands nested) and the registration payload."""
    from discord import app_commands

    data: dict[str, Any] = {"name": command.name, "description": command.description}
    if isinstance(command, app_commands.Group):
        data["options"] = [_describe_child(child) for child in command.commands]
    else:
        data["options"] = [_option(p) for p in command.parameters]
    data["payload"] = command.to_dict(tree)
    return data


def _describe_child(command: Any) -> dict[str, Any]:
    from discord import app_commands

    if isinstance(command, app_commands.Group):
        return {"name": command.name, "type": "subcommand_group",
                "description": command.description,
                "options": [_describe_child(c) for c in command.commands]}
    return {"name": command.name, "type": "subcommand", "description": command.description,
            "options": [_option(p) for p in command.parameters]}


def format_listing(listing: list[dict[str, Any]]) -> list[str]:
    """Human-readable: one line per command (subcommands expanded), one per option."""
    lines: list[str] = []

    def walk(prefix: str, item: dict[str, Any]) -> None:
        name = f"{prefix} {item['name']}".strip()
        options = item.get("options", [])
        if options and all(o.get("type") in ("subcommand", "subcommand_group") for o in options):
            for child in options:
                walk(name, child)
            return
        lines.append(f"/{name} — {item['description']}")
        for option in options:
            extras = ["required" if option["required"] else "optional"]
            if option.get("choices"):
                extras.append("choices: " + ", ".join(map(str, option["choices"])))
            if option.get("autocomplete"):
                extras.append("autocomplete")
            if option.get("range"):
                low, high = option["range"]
                kind = "length" if option["type"] == "string" else "range"
                extras.append(f"{kind} {'' if low is None else low}–{'' if high is None else high}")
            lines.append(f"    {option['name']} ({option['type']}; {'; '.join(extras)}): "
                         f"{option['description']}")

    for command in listing:
        walk("", command)
    lines.append(f"{sum(1 for line in lines if line.startswith('/'))} slash commands")
    return lines
