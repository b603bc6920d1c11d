"""/ask and /explain: the article's explainers, on demand.

Answers are private by default (asking should cost nothing socially); `public:True` shares them.
Both also work in DMs and as user-installed commands (study anywhere): there they answer from the
packs of the learner's own servers (QuizService.anywhere).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.charts import chart_png, charts_available
from bot.discord_app.checks import ANYWHERE_CONTEXTS, ANYWHERE_INSTALLS
from bot.discord_app.choices import explainer_autocomplete
from bot.discord_app.embeds import ask_embed, explainer_embed
from bot.discord_app.offload import off_loop

if TYPE_CHECKING:
    from bot.discord_app.client import QuizBot

NO_MENTIONS = discord.AllowedMentions.none()
QUESTION_MAX = 300


CHART_FILENAME = "chart.png"


class AskCog(commands.Cog, name="Ask"):
    """Free-text questions answered from the pack's explainers, always with their source."""

    def __init__(self, bot: QuizBot) -> None:
        self.bot = bot

    @app_commands.command(name="ask", description="Ask about the article; the answer cites it.")
    @app_commands.describe(question="Your question, in your own words",
                           public="Show the answer to the whole channel (default: only you)")
    @app_commands.allowed_installs(**ANYWHERE_INSTALLS)
    @app_commands.allowed_contexts(**ANYWHERE_CONTEXTS)
    async def ask(self, interaction: discord.Interaction,
                  question: app_commands.Range[str, 2, QUESTION_MAX],
                  public: bool = False) -> None:
        user_id = str(interaction.user.id)
        # Defer first: the answer search is local, but the 3-second window is not ours to risk.
        await interaction.response.defer(ephemeral=not public, thinking=True)
        if interaction.guild_id is None:
            result = await off_loop(self.bot.service.anywhere.ask, user_id, question)
        else:
            result = await off_loop(
                self.bot.service.asking.ask, str(interaction.guild_id), question,
                                                 user_id=user_id)
        await interaction.followup.send(embed=ask_embed(result, question),
                                        ephemeral=not public, allowed_mentions=NO_MENTIONS)

    @app_commands.command(name="explain", description="Read one explainer from the article.")
    @app_commands.describe(topic="The topic to explain (start typing to search)",
                           public="Show it to the whole channel (default: only you)")
    @app_commands.autocomplete(topic=explainer_autocomplete)
    @app_commands.allowed_installs(**ANYWHERE_INSTALLS)
    @app_commands.allowed_contexts(**ANYWHERE_CONTEXTS)
    async def explain(self, interaction: discord.Interaction,
                      topic: app_commands.Range[str, 1, 100], public: bool = False) -> None:
        if interaction.guild_id is None:
            explainer, pack = await off_loop(
                self.bot.service.anywhere.explain, str(interaction.user.id), topic
            )
        else:
            explainer, pack = await off_loop(
                self.bot.service.asking.explain, str(interaction.guild_id), topic
            )
        embed = explainer_embed(explainer, pack)
        if explainer.chart is None or not charts_available():
            await interaction.response.send_message(embed=embed, ephemeral=not public,
                                                    allowed_mentions=NO_MENTIONS)
            return
        # Drawing can outlast Discord's 3 s (matplotlib's first import): defer, and draw in a
        # worker process (a heavy job: matplotlib holds the GIL while it draws).
        await interaction.response.defer(ephemeral=not public, thinking=True)
        png = await off_loop(self.bot.service.heavy.run, chart_png, explainer.chart)
        embed.set_image(url=f"attachment://{CHART_FILENAME}")
        await interaction.followup.send(embed=embed, file=discord.File(io.BytesIO(png),
                                                                       filename=CHART_FILENAME),
                                        ephemeral=not public, allowed_mentions=NO_MENTIONS)


async def setup(bot: QuizBot) -> None:
    await bot.add_cog(AskCog(bot))
