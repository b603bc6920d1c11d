"""Question reports from Discord: registers the persistent Report button and answers its form.

The form is answered here, in an interaction listener, rather than in Modal.on_submit: a modal
object lives only in this process, and a learner may submit after a restart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord.ext import commands

from bot.core.errors import QuizError
from bot.discord_app.checks import actor_from
from bot.discord_app.embeds import escape, truncate
from bot.discord_app.errors import reply_privately, report_error
from bot.discord_app.offload import off_loop
from bot.discord_app.report_views import ReportButton, parse_report_submit
from bot.discord_app.translator import user_lang
from bot.i18n import error_text, t

if TYPE_CHECKING:
    from bot.discord_app.client import QuizBot


class FeedbackCog(commands.Cog, name="Feedback"):
    def __init__(self, bot: QuizBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(ReportButton)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(ReportButton)

    @commands.Cog.listener()
    async def on_interaction(self, interaction: discord.Interaction) -> None:
        parsed = parse_report_submit(interaction)
        if parsed is None:
            return
        session_id, question_id, reason = parsed
        try:
            user = interaction.user
            actor = (actor_from(interaction) if interaction.guild_id is not None else
                     await off_loop(
                         self.bot.service.anywhere.actor, str(user.id), user.display_name,
                         session_id
                     ))
            reported = await off_loop(self.bot.service.feedback.report_question,
                actor, session_id, question_id, reason)
        except QuizError as error:
            await reply_privately(interaction, error_text(user_lang(interaction), error))
            return
        except Exception as error:  # a bug: apologise privately, log the traceback
            await report_error(interaction, error)
            return
        prompt = escape(truncate(" ".join(reported.prompt.split()), 120))
        await reply_privately(interaction, t(user_lang(interaction), "report.thanks",
                                             prompt=prompt))


async def setup(bot: QuizBot) -> None:
    await bot.add_cog(FeedbackCog(bot))
