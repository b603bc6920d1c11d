"""/stats: a learner's points, accuracy, streaks and weakest topics."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.checks import guild_id_of
from bot.discord_app.embeds import stats_embed

if TYPE_CHECKING:
    from bot.discord_app.client import QuizBot

NO_MENTIONS = discord.AllowedMentions.none()


class StatsCog(commands.Cog, name="Stats"):
    def __init__(self, bot: QuizBot) -> None:
        self.bot = bot

    @app_commands.command(name="stats", description="Points, accuracy, streaks and topics.")
    @app_commands.describe(user="Whose stats (default: yours)")
    @app_commands.guild_only()
    async def stats(self, interaction: discord.Interaction,
                    user: discord.User | None = None) -> None:
        target = user or interaction.user
        stats = self.bot.service.stats(guild_id_of(interaction), str(target.id))
        if not stats.display_name or stats.display_name == stats.user_id:
            # Someone who never played has no stored name: use the one Discord just gave us.
            stats = dataclasses.replace(stats, display_name=target.display_name)
        await interaction.response.send_message(embed=stats_embed(stats), ephemeral=True,
                                                allowed_mentions=NO_MENTIONS)


async def setup(bot: QuizBot) -> None:
    await bot.add_cog(StatsCog(bot))
