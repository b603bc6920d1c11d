"""One place that turns failures into replies: the tree's on_error and the views' on_error.

A QuizError's text is written for users (see bot.core.errors), so it is shown as is, privately.
Anything else is a bug: the user gets a short apology, the log gets the traceback. Both paths
answer through `response` when the interaction is not yet acknowledged and through `followup`
otherwise, so a failure after a defer() still reaches the user instead of "thinking…" forever.
"""

from __future__ import annotations

import logging

import discord
from discord import app_commands

from bot.core.errors import QuizError
from bot.discord_app.embeds import CONTENT_LIMIT, no_mentions, truncate

log = logging.getLogger("quizbot.discord")
APOLOGY = "Sorry, something went wrong on my side. It has been logged; please try again."
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


def message_for(error: BaseException) -> str | None:
    """The user-facing text for an expected failure, or None for a bug."""
    original = getattr(error, "original", error)  # CommandInvokeError / TransformerError wrap
    if isinstance(original, QuizError):
        return str(original)
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command only works in a server, not in direct messages."
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down: try again in {error.retry_after:.0f} s."
    if isinstance(error, app_commands.MissingPermissions | app_commands.MissingAnyRole
                  | app_commands.MissingRole):
        return "You don't have permission to use this command."
    if isinstance(error, app_commands.BotMissingPermissions):
        return "I am missing permissions here: " + ", ".join(error.missing_permissions)
    if isinstance(error, app_commands.TransformerError):
        return f"I couldn't understand {error.value!r}."
    if isinstance(error, app_commands.CheckFailure):
        return "You can't use this command here."
    return None


async def on_app_command_error(interaction: discord.Interaction,
                               error: app_commands.AppCommandError) -> None:
    """CommandTree.on_error: domain errors → their text; bugs → apology + logged traceback."""
    await report_error(interaction, error)


async def report_error(interaction: discord.Interaction, error: BaseException) -> None:
    """Shared by commands and views (View.on_error), so a button fails like a command does."""
    text = message_for(error)
    if text is None:
        command = interaction.command.qualified_name if interaction.command else "component"
        original = getattr(error, "original", error)
        log.error("unhandled error in %s (guild %s, user %s)", command, interaction.guild_id,
                  interaction.user.id if interaction.user else None,
                  exc_info=(type(original), original, original.__traceback__))
        text = APOLOGY
    await reply_privately(interaction, text)
