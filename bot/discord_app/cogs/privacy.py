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
from bot.discord_app.offload import off_loop
from bot.discord_app.translator import user_lang
from bot.discord_app.views import OwnedView, stamped
from bot.i18n import DEFAULT, error_text, t

if TYPE_CHECKING:
    from bot.core.service import QuizService
    from bot.discord_app.client import QuizBot

NO_MENTIONS = discord.AllowedMentions.none()
IN_GUILDS = app_commands.AppCommandContext(guild=True)
FILE_LIMIT_BYTES = 8 * 1024 * 1024  # Discord's upload limit for a server without boosts


def deleted_text(summary: DeletionSummary, lang: str = DEFAULT) -> str:
    if summary.nothing:
        return t(lang, "privacy.nothing")
    return t(lang, "privacy.deleted", answers=summary.answers, totals=summary.totals,
             asked=summary.unanswered_questions, reports=summary.question_reports,
             quizzes=summary.sessions)


class ConfirmPrivacyDeleteView(OwnedView):
    """Delete / Cancel. The deletion happens on the click, for the clicker (the owner)."""

    def __init__(self, service: QuizService, *, owner_id: int, lang: str = DEFAULT) -> None:
        super().__init__(owner_id, timeout=60, lang=lang)
        self.service = service
        self.confirm.custom_id = stamped("privacy:confirm")
        self.cancel.custom_id = stamped("privacy:cancel")
        self.confirm.label = t(lang, "privacy.delete_button")
        self.cancel.label = t(lang, "privacy.cancel_button")

    @discord.ui.button(label="Delete my data", style=discord.ButtonStyle.danger,
                       custom_id="privacy:confirm")
    async def confirm(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:  # type: ignore[type-arg]
        self.stop()
        try:
            summary = await off_loop(self.service.privacy.delete_my_data, actor_from(interaction))
        except QuizError as err:  # their live quiz still runs: say so in place of the buttons
            await interaction.response.edit_message(
                embed=notice(error_text(user_lang(interaction), err), colour=MISS_COLOUR),
                view=None)
            return
        await interaction.response.edit_message(
            embed=notice(deleted_text(summary, self.lang), colour=OK_COLOUR), view=None,
            allowed_mentions=NO_MENTIONS)

    @discord.ui.button(label="Cancel", style=discord.ButtonStyle.secondary,
                       custom_id="privacy:cancel")
    async def cancel(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:  # type: ignore[type-arg]
        self.stop()
        await interaction.response.edit_message(
            embed=notice(t(self.lang, "privacy.cancelled"), colour=MISS_COLOUR), view=None)


class PrivacyCog(commands.Cog, name="Privacy"):
    privacy = app_commands.Group(name="privacy", description="Your own data in this server",
                                 guild_only=True, allowed_contexts=IN_GUILDS)

    def __init__(self, bot: QuizBot) -> None:
        self.bot = bot

    @privacy.command(name="show", description="Download everything quizbot stores about you here.")
    async def show(self, interaction: discord.Interaction) -> None:
        actor, lang = actor_from(interaction), user_lang(interaction)
        data = (await off_loop(self.bot.service.privacy.my_data_json, actor)).encode("utf-8")
        if len(data) > FILE_LIMIT_BYTES:
            await interaction.response.send_message(t(lang, "privacy.too_big"), ephemeral=True,
                                                    allowed_mentions=NO_MENTIONS)
            return
        file = discord.File(io.BytesIO(data), filename=f"quizbot-my-data-{actor.guild_id}.json",
                            description=t(lang, "privacy.file_alt"))
        await interaction.response.send_message(t(lang, "privacy.file"), file=file,
                                                ephemeral=True, allowed_mentions=NO_MENTIONS)

    @privacy.command(name="delete", description="Delete your answers, points and history here.")
    async def delete(self, interaction: discord.Interaction) -> None:
        actor_from(interaction)  # GuildOnly in DMs, before offering a button
        lang = user_lang(interaction)
        view = ConfirmPrivacyDeleteView(self.bot.service, owner_id=interaction.user.id, lang=lang)
        view.origin = interaction
        await interaction.response.send_message(embed=notice(t(lang, "privacy.ask_first")),
                                                view=view,
                                                ephemeral=True, allowed_mentions=NO_MENTIONS)


async def setup(bot: QuizBot) -> None:
    await bot.add_cog(PrivacyCog(bot))
