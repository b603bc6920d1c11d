"""/reminders and the opt-in daily "N questions due" DM, with Review now and Turn off buttons.

Off unless the learner turns it on (`/reminders daily:True`, in a server or a DM). Once an hour
the cog asks the service who is due a reminder; each gets one DM a day at most, in the language
they used when they turned it on. Both buttons are DynamicItems (they work after a restart):
**Review now** starts the DM review (QuizService.anywhere), **Turn off** stops the DMs.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.errors import QuizError
from bot.discord_app import media
from bot.discord_app.checks import ANYWHERE_CONTEXTS, ANYWHERE_INSTALLS
from bot.discord_app.errors import reply_privately
from bot.discord_app.offload import off_loop
from bot.discord_app.quiz_replies import question_reply
from bot.discord_app.translator import user_lang
from bot.i18n import DEFAULT, error_text, t

if TYPE_CHECKING:
    from bot.discord_app.client import QuizBot

log = logging.getLogger("quizbot.discord")
CHECK_EVERY = 3600.0  # one sleep an hour, never a busy poll
NO_MENTIONS = discord.AllowedMentions.none()


class ReminderButton(discord.ui.DynamicItem[discord.ui.Button],
                     template=r"remind:(?P<action>review|off)"):
    def __init__(self, action: str, *, label: str | None = None) -> None:
        key = "reminder.review_now" if action == "review" else "reminder.turn_off"
        style = discord.ButtonStyle.primary if action == "review" else discord.ButtonStyle.secondary
        super().__init__(discord.ui.Button(label=label or t(DEFAULT, key), style=style,
                                           custom_id=f"remind:{action}"))
        self.action = action

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> ReminderButton:
        label = item.label if isinstance(item, discord.ui.Button) else None
        return cls(match["action"], label=label)

    async def callback(self, interaction: discord.Interaction) -> None:
        service = interaction.client.service  # type: ignore[attr-defined]
        lang, user = user_lang(interaction), interaction.user
        if self.action == "off":
            await off_loop(service.anywhere.set_reminder, str(user.id), False)
            await interaction.response.edit_message(content=t(lang, "reminder.off"), view=None)
            return
        try:
            question = await off_loop(
                service.anywhere.start_review, str(user.id), user.display_name
            )
        except QuizError as error:
            await reply_privately(interaction, error_text(user_lang(interaction), error))
            return
        card, shown = await question_reply(service, question, lang=lang)
        await interaction.response.send_message(
            view=card, ephemeral=True, allowed_mentions=NO_MENTIONS, **media.send_kwargs(shown))


def reminder_view(lang: str) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(ReminderButton("review", label=t(lang, "reminder.review_now")))
    view.add_item(ReminderButton("off", label=t(lang, "reminder.turn_off")))
    return view


class RemindersCog(commands.Cog, name="Reminders"):
    def __init__(self, bot: QuizBot) -> None:
        self.bot = bot
        self._task: asyncio.Task[None] | None = None

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(ReminderButton)
        self._task = asyncio.create_task(self._loop(), name="quiz-due-reminders")

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(ReminderButton)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _loop(self) -> None:
        await self.bot.wait_until_ready()
        while True:
            try:
                await self.send_due()
            except Exception:
                log.exception("sending due reminders failed")
            await asyncio.sleep(CHECK_EVERY)

    async def send_due(self) -> int:
        """DM everyone a reminder is due for; returns how many were sent."""
        sent = 0
        for user_id, count, lang in await off_loop(self.bot.service.anywhere.reminders_due):
            lang = lang or DEFAULT
            try:
                user = self.bot.get_user(int(user_id)) or await self.bot.fetch_user(int(user_id))
                await user.send(t(lang, "reminder.text", count=count), view=reminder_view(lang),
                                allowed_mentions=NO_MENTIONS)
                sent += 1
            except discord.HTTPException as err:  # DMs closed, user gone: not again today
                log.info("could not DM a reminder to %s: %s", user_id, err)
            await off_loop(self.bot.service.anywhere.mark_reminded, user_id)
        return sent

    @app_commands.command(name="reminders",
                          description="A daily DM when questions are due for review (off by "
                                      "default).")
    @app_commands.describe(daily="On: one DM a day when something is due; off: no DMs")
    @app_commands.allowed_installs(**ANYWHERE_INSTALLS)
    @app_commands.allowed_contexts(**ANYWHERE_CONTEXTS)
    async def reminders(self, interaction: discord.Interaction, daily: bool | None = None) -> None:
        anywhere, user_id, lang = self.bot.service.anywhere, str(interaction.user.id), \
            user_lang(interaction)
        if daily is None:
            daily = await off_loop(anywhere.reminder_enabled, user_id)
        else:
            await off_loop(anywhere.set_reminder, user_id, daily, lang)
        key = "reminder.on" if daily else "reminder.off"
        due = await off_loop(anywhere.due_count, user_id)
        await reply_privately(interaction, t(lang, key, count=due))


async def setup(bot: QuizBot) -> None:
    await bot.add_cog(RemindersCog(bot))
