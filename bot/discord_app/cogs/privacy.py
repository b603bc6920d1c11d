"""/privacy show and /privacy delete: a learner's own data in this server.

Both are private (ephemeral) and act only on the person who runs them; no role lets anyone
export or delete someone else here. Delete asks first (Delete / Cancel, for the asker only, 60
seconds), like /scores reset. Guild-only: each server keeps its own data, so "this server" is
what is shown and deleted.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.errors import QuizError
from bot.core.service.privacy import DeletionSummary
from bot.discord_app.checks import actor_from
from bot.discord_app.embeds import MISS_COLOUR, OK_COLOUR, notice
from bot.discord_app.views import OwnedView, stamped

if TYPE_CHECKING:
    from bot.core.service import QuizService
    from bot.discord_app.client import QuizBot

NO_MENTIONS = discord.AllowedMentions.none()
IN_GUILDS = app_commands.AppCommandContext(guild=True)
FILE_LIMIT_BYTES = 8 * 1024 * 1024  # Discord's upload limit for a server without boosts
ASK_FIRST = ("Delete everything quizbot stores about you in this server: your answers, points, "
             "review schedule, the questions you asked that it could not answer and your question "
             "reports? You leave this server's leaderboards. This cannot be undone.")


def deleted_text(summary: DeletionSummary) -> str:
    if summary.nothing:
        return "Nothing was stored about you in this server."
    return (f"Deleted: {summary.answers} answer(s), {summary.totals} pack total(s), "
            f"{summary.unanswered_questions} logged question(s), {summary.question_reports} "
            f"question report(s), {summary.sessions} quiz(zes). The leaderboards no longer "
            "list you.")


class ConfirmPrivacyDeleteView(OwnedView):
    """Delete / Cancel. The deletion happens on the click, for the clicker (the owner)."""

    def __init__(self, service: QuizService, *, owner_id: int) -> None:
        super().__init__(owner_id, timeout=60)
        self.service = service
        self.confirm.custom_id = stamped("privacy:confirm")
        self.cancel.custom_id = stamped("privacy:cancel")

    @discord.ui.button(label="Delete my data", style=discord.ButtonStyle.danger,
                       custom_id="privacy:confirm")
    async def confirm(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:  # type: ignore[type-arg]
        self.stop()
        try:
            summary = self.service.privacy.delete_my_data(actor_from(interaction))
        except QuizError as err:  # their live quiz still runs: say so in place of the buttons
            await interaction.response.edit_message(
                embed=notice(str(err), colour=MISS_COLOUR), view=None)
            return
        await interaction.response.edit_message(
            embed=notice(deleted_text(summary), colour=OK_COLOUR), view=None,
            allowed_mentions=NO_MENTIONS)

    @discord.ui.button(label="Cancel", style=discord.ButtonStyle.secondary,
                       custom_id="privacy:cancel")
    async def cancel(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:  # type: ignore[type-arg]
        self.stop()
        await interaction.response.edit_message(
            embed=notice("Nothing was deleted.", colour=MISS_COLOUR), view=None)


class PrivacyCog(commands.Cog, name="Privacy"):
    privacy = app_commands.Group(name="privacy", description="Your own data in this server",
                                 guild_only=True, allowed_contexts=IN_GUILDS)

    def __init__(self, bot: QuizBot) -> None:
        self.bot = bot

    @privacy.command(name="show", description="Download everything quizbot stores about you here.")
    async def show(self, interaction: discord.Interaction) -> None:
        actor = actor_from(interaction)
        data = self.bot.service.privacy.my_data_json(actor).encode("utf-8")
        if len(data) > FILE_LIMIT_BYTES:
            await interaction.response.send_message(
                "Your data is over Discord's upload limit; ask whoever hosts the bot for it "
                "(`quizbot privacy show` on the host).", ephemeral=True,
                allowed_mentions=NO_MENTIONS)
            return
        file = discord.File(io.BytesIO(data), filename=f"quizbot-my-data-{actor.guild_id}.json",
                            description="Everything quizbot stores about you in this server")
        await interaction.response.send_message(
            "Everything quizbot stores about you in this server, as JSON. "
            "`/privacy delete` removes it.", file=file, ephemeral=True,
            allowed_mentions=NO_MENTIONS)

    @privacy.command(name="delete", description="Delete your answers, points and history here.")
    async def delete(self, interaction: discord.Interaction) -> None:
        actor_from(interaction)  # GuildOnly in DMs, before offering a button
        view = ConfirmPrivacyDeleteView(self.bot.service, owner_id=interaction.user.id)
        view.origin = interaction
        await interaction.response.send_message(embed=notice(ASK_FIRST), view=view,
                                                ephemeral=True, allowed_mentions=NO_MENTIONS)


async def setup(bot: QuizBot) -> None:
    await bot.add_cog(PrivacyCog(bot))
