"""/leaderboard: the guild's standings, one page at a time (Prev/Next buttons)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.checks import guild_id_of
from bot.discord_app.choices import PERIOD_CHOICES, pack_autocomplete
from bot.discord_app.embeds import leaderboard_embed
from bot.discord_app.offload import off_loop
from bot.discord_app.translator import channel_lang
from bot.discord_app.views import PER_PAGE, LeaderboardView, answer_expired_button

if TYPE_CHECKING:
    from bot.discord_app.client import QuizBot

NO_MENTIONS = discord.AllowedMentions.none()


class LeaderboardCog(commands.Cog, name="Leaderboard"):
    def __init__(self, bot: QuizBot) -> None:
        self.bot = bot

    @app_commands.command(name="leaderboard", description="Show this server's leaderboard.")
    @app_commands.describe(pack="Only points from this pack (default: all packs)",
                           period="Time window (default: all time)",
                           season="A past season's archived board (default: this season)")
    @app_commands.autocomplete(pack=pack_autocomplete)
    @app_commands.choices(period=PERIOD_CHOICES)
    @app_commands.guild_only()
    async def leaderboard(self, interaction: discord.Interaction,
                          pack: app_commands.Range[str, 1, 100] | None = None,
                          period: app_commands.Choice[str] | None = None,
                          season: app_commands.Range[int, 1, 10000] | None = None) -> None:
        guild_id = guild_id_of(interaction)
        service = self.bot.service
        title = (
            (await off_loop(service.catalog.pack, guild_id, pack)).title if pack else None
        )  # UnknownPack → a clear note
        board = await off_loop(
            service.standings.leaderboard,
            guild_id, pack, period.value if period else "all", page=0, per_page=PER_PAGE,
            season=season,
        )
        lang = channel_lang(interaction)  # a post the channel reads: the server's language
        embed = leaderboard_embed(board, title, lang=lang)
        if board.pages <= 1:
            await interaction.response.send_message(embed=embed, allowed_mentions=NO_MENTIONS)
            return
        view = LeaderboardView(
            service,
            owner_id=interaction.user.id,
            guild_id=guild_id,
            pack_id=pack,
            period=board.period,
            page=board.page,
            pages=board.pages,
            pack_title=title,
            season=season,
            lang=lang,
        )
        view.origin = interaction
        await interaction.response.send_message(
            embed=embed, view=view, allowed_mentions=NO_MENTIONS
        )

    @commands.Cog.listener()
    async def on_interaction(self, interaction: discord.Interaction) -> None:
        """Leaderboard, reset and pack-remove buttons from before a restart: say they expired."""
        await answer_expired_button(interaction)


async def setup(bot: QuizBot) -> None:
    await bot.add_cog(LeaderboardCog(bot))
