"""/pack list and /pack info: what can be played here."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.checks import guild_id_of
from bot.discord_app.choices import pack_autocomplete
from bot.discord_app.embeds import pack_info_embed, pack_list_embed

if TYPE_CHECKING:
    from bot.discord_app.client import QuizBot

NO_MENTIONS = discord.AllowedMentions.none()


@app_commands.guild_only()
class PacksCog(commands.GroupCog, name="Packs", group_name="pack",
               group_description="Question packs"):
    """Browse installed packs (ephemeral: browsing should not flood the channel)."""

    def __init__(self, bot: QuizBot) -> None:
        self.bot = bot
        super().__init__()

    @app_commands.command(name="list", description="List the question packs installed here.")
    async def list_packs(self, interaction: discord.Interaction) -> None:
        packs = self.bot.service.list_packs(guild_id_of(interaction))
        await interaction.response.send_message(embed=pack_list_embed(packs), ephemeral=True,
                                                allowed_mentions=NO_MENTIONS)

    @app_commands.command(name="info", description="Show one pack: source, topics, questions.")
    @app_commands.describe(pack="The pack (start typing to search)")
    @app_commands.autocomplete(pack=pack_autocomplete)
    async def info(self, interaction: discord.Interaction,
                   pack: app_commands.Range[str, 1, 100]) -> None:
        found = self.bot.service.pack(guild_id_of(interaction), pack)
        await interaction.response.send_message(embed=pack_info_embed(found), ephemeral=True,
                                                allowed_mentions=NO_MENTIONS)


async def setup(bot: QuizBot) -> None:
    await bot.add_cog(PacksCog(bot))
