"""One place that turns failures into replies: the tree's on_error and the views' on_error.

A QuizError's text is written for users (see bot.core.errors), so it is shown privately, in the
user's language (what the core said is a Said: bot.i18n.error_text renders it by its key).
Anything else is a bug: the user gets a short apology, the log gets the traceback. Both paths
answer through `response` when the interaction is not yet acknowledged and through `followup`
otherwise, so a failure after a defer() still reaches the user instead of "thinking…" forever.
"""

from __future__ import annotations

import logging

import discord
from discord import app_commands

from bot.core.errors import QuizError, StoreBusy, StoreError
from bot.discord_app.embeds import CONTENT_LIMIT, no_mentions, truncate
from bot.discord_app.translator import user_lang
from bot.i18n import DEFAULT, error_text, t

log = logging.getLogger("quizbot.discord")
APOLOGY = t(DEFAULT, "error.apology")
NO_MENTIONS = discord.AllowedMentions.none()


async def reply_privately(interaction: discord.Interaction, text: str) -> None:
    """Send `text` ephemerally, whether or not the interaction was already acknowledged."""
    text = truncate(no_mentions(text), CONTENT_LIMIT)
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.response.send_message(text, ephemeral=True,
                                                    allowed_mentions=NO_MENTIONS)
    except discord.HTTPException as err:  # token expired, or Discord is down: nothing to tell
        log.warning("could not deliver an error reply: %s", err)


def message_for(error: BaseException, lang: str = DEFAULT) -> str | None:
    """The user-facing text for an expected failure in `lang`, or None for a bug."""
    original = getattr(error, "original", error)  # CommandInvokeError / TransformerError wrap
    if isinstance(original, StoreError) and not isinstance(original, StoreBusy):
        # Written for the host (it names the database file and what to do on the server):
        # the log gets it, a Discord user only learns that the bot cannot store right now.
        log.error("database unavailable: %s", original)
        return t(lang, "error.store_unavailable")
    if isinstance(original, QuizError):
        return error_text(lang, original)
    if isinstance(error, app_commands.NoPrivateMessage):
        return t(lang, "error.guild_only")
    if isinstance(error, app_commands.CommandOnCooldown):
        return t(lang, "error.cooldown", seconds=f"{error.retry_after:.0f}")
    if isinstance(error, app_commands.MissingPermissions | app_commands.MissingAnyRole
                  | app_commands.MissingRole):
        return t(lang, "error.no_permission")
    if isinstance(error, app_commands.BotMissingPermissions):
        return t(lang, "error.bot_permissions", missing=", ".join(error.missing_permissions))
    if isinstance(error, app_commands.TransformerError):
        return t(lang, "error.not_understood", value=repr(error.value))
    if isinstance(error, app_commands.CheckFailure):
        return t(lang, "error.not_here")
    return None


async def on_app_command_error(interaction: discord.Interaction,
                               error: app_commands.AppCommandError) -> None:
    """CommandTree.on_error: domain errors → their text; bugs → apology + logged traceback."""
    await report_error(interaction, error)


async def report_error(interaction: discord.Interaction, error: BaseException) -> None:
    """Shared by commands and views (View.on_error), so a button fails like a command does."""
    lang = user_lang(interaction)
    text = message_for(error, lang)
    if text is None:
        command = interaction.command.qualified_name if interaction.command else "component"
        original = getattr(error, "original", error)
        log.error("unhandled error in %s (guild %s, user %s)", command, interaction.guild_id,
                  interaction.user.id if interaction.user else None,
                  exc_info=(type(original), original, original.__traceback__))
        text = t(lang, "error.apology")
    await reply_privately(interaction, text)
