"""/stats: a learner's points, accuracy, streaks and weakest topics, optionally as a chart.

The chart is drawn by bot.charts (matplotlib, an optional extra) in a worker thread, so a slow
first draw never blocks other interactions; when it cannot be drawn the embed still comes, with
one line saying why.
"""

from __future__ import annotations

import dataclasses
import io
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.charts import charts_available, topic_accuracy_png
from bot.discord_app.checks import guild_id_of
from bot.discord_app.embeds import escape, stats_embed, truncate
from bot.discord_app.offload import off_loop

if TYPE_CHECKING:
    from bot.core.results import LearnerStats
    from bot.discord_app.client import QuizBot

NO_MENTIONS = discord.AllowedMentions.none()
CHART_FILENAME = "stats.png"
ALT_LIMIT = 1024  # Discord's limit for an attachment's description (its alt text)
NO_MATPLOTLIB = "No chart: the bot's host has not installed the charts extra (matplotlib)."


class StatsCog(commands.Cog, name="Stats"):
    def __init__(self, bot: QuizBot) -> None:
        self.bot = bot

    @app_commands.command(name="stats", description="Points, accuracy, streaks and topics.")
    @app_commands.describe(user="Whose stats (default: yours)",
                           chart="Add a chart of accuracy per topic (default: no)")
    @app_commands.guild_only()
    async def stats(self, interaction: discord.Interaction,
                    user: discord.User | None = None, chart: bool = False) -> None:
        target = user or interaction.user
        stats = await off_loop(
            self.bot.service.standings.stats, guild_id_of(interaction), str(target.id)
        )
        if not stats.display_name or stats.display_name == stats.user_id:
            # Someone who never played has no stored name: use the one Discord just gave us.
            stats = dataclasses.replace(stats, display_name=target.display_name)
        overview = await off_loop(self.bot.service.review.overview, guild_id_of(interaction),
                                  str(target.id))
        embed = stats_embed(stats, overview)
        if not chart:
            await interaction.response.send_message(embed=embed, ephemeral=True,
                                                    allowed_mentions=NO_MENTIONS)
            return
        reason = _why_no_chart(stats)
        if reason:
            await interaction.response.send_message(reason, embed=embed, ephemeral=True,
                                                    allowed_mentions=NO_MENTIONS)
            return
        # Drawing (and matplotlib's first import) can take longer than Discord's 3 s.
        await interaction.response.defer(ephemeral=True, thinking=True)
        # A heavy job: matplotlib holds the GIL while it draws, so a worker process draws.
        png = await off_loop(self.bot.service.heavy.run, topic_accuracy_png, stats)
        embed.set_image(url=f"attachment://{CHART_FILENAME}")
        file = discord.File(io.BytesIO(png), filename=CHART_FILENAME,
                            description=chart_alt_text(stats))
        await interaction.followup.send(embed=embed, file=file, ephemeral=True,
                                        allowed_mentions=NO_MENTIONS)


def chart_alt_text(stats: LearnerStats) -> str:
    """The chart in words (the image's alt text, read by screen readers): every bar's value."""
    bars = "; ".join(f"{t.topic} {t.correct / t.answered:.0%} ({t.correct}/{t.answered})"
                     for t in stats.by_topic if t.answered)
    return truncate(f"Bar chart of {stats.display_name}'s accuracy per topic: {bars}", ALT_LIMIT)


def _why_no_chart(stats: LearnerStats) -> str | None:
    """One line explaining a missing chart, or None when it can be drawn."""
    if not stats.by_topic:
        return f"No chart: {escape(stats.display_name)} has no answers in any topic yet."
    if not charts_available():
        return NO_MATPLOTLIB
    return None


async def setup(bot: QuizBot) -> None:
    await bot.add_cog(StatsCog(bot))
