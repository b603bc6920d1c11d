"""Autocomplete callbacks and fixed choices shared by several cogs.

Autocomplete must answer within 3 seconds and may be called on every keystroke, so these only
ask the service for (id, title) pairs (cheap, ≤ 25) and never raise: discord.py would only log it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import discord
from discord import app_commands

from bot.discord_app.embeds import truncate

if TYPE_CHECKING:
    from bot.core.service import QuizService
    from bot.discord_app.client import QuizBot

CHOICE_LIMIT = 100  # Discord's limit for a choice's name and for a string value
MAX_CHOICES = 25

PERIOD_CHOICES = [
    app_commands.Choice(name="This week (last 7 days)", value="week"),
    app_commands.Choice(name="This month (last 30 days)", value="month"),
    app_commands.Choice(name="All time", value="all"),
]


def service_of(interaction: discord.Interaction) -> QuizService:
    """The QuizService of the bot handling this interaction."""
    return cast("QuizBot", interaction.client).service


def _choices(pairs: list[tuple[str, str]]) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=truncate(f"{title} ({item_id})", CHOICE_LIMIT), value=item_id)
            for item_id, title in pairs if len(item_id) <= CHOICE_LIMIT][:MAX_CHOICES]


async def pack_autocomplete(interaction: discord.Interaction,
                            current: str) -> list[app_commands.Choice[str]]:
    """Packs installed for this guild whose id or title contains what was typed (in a DM:
    the packs of the learner's own servers)."""
    if interaction.guild_id is None:
        return _choices(service_of(interaction).anywhere.pack_choices(
            str(interaction.user.id), current))
    return _choices(service_of(interaction).catalog.pack_ids(str(interaction.guild_id), current))


async def explainer_autocomplete(interaction: discord.Interaction,
                                 current: str) -> list[app_commands.Choice[str]]:
    """Explainer topics (id, title) matching what was typed (in a DM: of the learner's servers)."""
    if interaction.guild_id is None:
        return _choices(service_of(interaction).anywhere.explainer_choices(
            str(interaction.user.id), current))
    return _choices(
        service_of(interaction).asking.explainer_choices(str(interaction.guild_id), current)
    )
