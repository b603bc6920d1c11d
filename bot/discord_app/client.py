"""QuizBot: the discord.py client, kept thin (RoboDanny's shape).

All async setup happens in `setup_hook` (open the service, load every cog, install the error
handler, sync to the dev guild), never at import or in `__init__`, so the bot can be built and
inspected offline (`quizbot run --dry-run`, tests). Commands are never synced globally at start:
a global sync is rate-limited and slow to propagate, so it is an explicit owner action
(`/admin sync`).
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import pkgutil
from collections.abc import Callable
from typing import TYPE_CHECKING

import discord
from discord.ext import commands

from bot.config import Settings
from bot.discord_app import cogs
from bot.discord_app.errors import on_app_command_error
from bot.discord_app.offload import off_loop
from bot.discord_app.translator import QuizTranslator

if TYPE_CHECKING:
    from bot.core.service import QuizService

log = logging.getLogger("quizbot.discord")

ServiceFactory = Callable[[Settings], "QuizService"]


def open_service(settings: Settings) -> QuizService:
    """The production service; a pack that fails to load is logged and skipped."""
    from bot.app import build_service

    return build_service(settings, on_event_loop=True,
                         on_pack_problem=lambda line: log.warning("pack skipped: %s", line))


def cog_modules() -> list[str]:
    """Every module in bot/discord_app/cogs, so a new cog loads without touching the client."""
    return sorted(f"{cogs.__name__}.{info.name}" for info in pkgutil.iter_modules(cogs.__path__)
                  if not info.name.startswith("_"))


def build_intents(settings: Settings) -> discord.Intents:
    """No privileged intents unless asked: slash commands need none; message content is opt-in."""
    intents = discord.Intents.default()
    intents.message_content = settings.message_content
    return intents


class QuizBot(commands.Bot):
    """The bot. `service_factory` lets tests inject an in-memory service; `sync_commands=False`
    keeps setup fully offline (dry run)."""

    def __init__(self, settings: Settings, *, service_factory: ServiceFactory | None = None,
                 sync_commands: bool = True) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,  # no prefix commands; needs no message content
            intents=build_intents(settings),
            allowed_mentions=discord.AllowedMentions.none(),
            owner_ids=set(settings.owner_ids),
            help_command=None,
        )
        self.settings = settings
        self.sync_commands = sync_commands
        self._service_factory: ServiceFactory = service_factory or open_service
        self._service: QuizService | None = None
        self._warmup: asyncio.Task[int] | None = None

    @property
    def service(self) -> QuizService:
        """The QuizService; only available once setup_hook has run."""
        if self._service is None:
            raise RuntimeError("QuizBot.service used before setup_hook")
        return self._service

    async def setup_hook(self) -> None:
        if self._service is None:
            self._service = self._service_factory(self.settings)
        self.tree.on_error = on_app_command_error  # type: ignore[method-assign]
        await self.tree.set_translator(QuizTranslator())  # command localisations at sync time
        for name in cog_modules():
            await self.load_cog_module(name)
        if self.sync_commands and self.settings.dev_guild_id:
            await self.sync_dev_guild(self.settings.dev_guild_id)
        if self._service.media.can_draw():  # charts drawn ahead, in a thread (media.py budget)
            self._warmup = asyncio.create_task(off_loop(self._service.media.warm),
                                               name="quiz-chart-warmup")

    async def load_cog_module(self, name: str) -> None:
        """Import a cog module once and call its `setup(bot)`.

        Not `load_extension`: that re-executes the module on every bot built, so classes imported
        elsewhere (views, `isinstance` checks in tests) stop being the cog's classes. The bot has
        no hot reload, so a plain import is all that is needed; Bot.close still removes the cogs.
        """
        module = importlib.import_module(name)
        setup = getattr(module, "setup", None)
        if setup is None:
            raise RuntimeError(f"cog module {name} has no `async def setup(bot)`")
        await setup(self)

    async def sync_dev_guild(self, guild_id: int) -> list[discord.app_commands.AppCommand]:
        """Copy the global commands to one guild and sync there: instant, unlike a global sync."""
        guild = discord.Object(id=guild_id)
        self.tree.copy_global_to(guild=guild)
        try:
            synced = await self.tree.sync(guild=guild)
        except discord.Forbidden:
            log.error("cannot sync commands to guild %s: invite the bot with the "
                      "applications.commands scope", guild_id)
            return []
        log.info("synced %d commands to dev guild %s", len(synced), guild_id)
        return synced

    async def on_ready(self) -> None:
        log.info("logged in as %s (%s) in %d guilds", self.user,
                 self.user.id if self.user else "?", len(self.guilds))

    async def close(self) -> None:
        if self._warmup is not None:
            self._warmup.cancel()  # the thread finishes on its own; nothing waits for it
        try:
            await super().close()
        finally:
            if self._service is not None:
                self._service.close()
                self._service = None
