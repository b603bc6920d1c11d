"""actor_from reads the facts; the error handler turns failures into private replies."""

from __future__ import annotations

import logging

import pytest
from discord import app_commands
from fakes import fake_interaction, sent

from bot.core.errors import NotAllowed, PackError, StoreBusy, StoreError
from bot.discord_app.checks import GuildOnly, actor_from
from bot.discord_app.errors import APOLOGY, on_app_command_error


def test_actor_from_a_guild_member() -> None:
    interaction = fake_interaction(guild_id=5, user_id=7, name="Ana", roles=(11, 5),
                                   manage_guild=True)
    actor = actor_from(interaction)
    assert (actor.guild_id, actor.user_id, actor.display_name) == ("5", "7", "Ana")
    assert actor.role_ids == frozenset({"11"})  # @everyone (id == guild id) dropped
    assert actor.can_manage_guild


def test_actor_from_refuses_direct_messages() -> None:
    with pytest.raises(GuildOnly):
        actor_from(fake_interaction(guild_id=None))


def _invoke_error(original: Exception) -> app_commands.CommandInvokeError:
    command = app_commands.Command(name="x", description="x", callback=_noop)
    return app_commands.CommandInvokeError(command, original)


async def _noop(interaction) -> None:  # pragma: no cover - never called
    pass


async def test_domain_errors_are_shown_privately() -> None:
    interaction = fake_interaction()
    await on_app_command_error(interaction, _invoke_error(NotAllowed("Only moderators.")))
    reply = sent(interaction)
    assert reply["content"] == "Only moderators." and reply["ephemeral"] is True


async def test_long_domain_errors_fit_a_message() -> None:
    interaction = fake_interaction()
    await on_app_command_error(interaction, _invoke_error(PackError(["x" * 300] * 20)))
    assert len(sent(interaction)["content"]) <= 2000


async def test_bugs_get_an_apology_and_a_logged_traceback(caplog) -> None:
    interaction = fake_interaction()
    with caplog.at_level(logging.ERROR, logger="quizbot.discord"):
        await on_app_command_error(interaction, _invoke_error(ZeroDivisionError("boom")))
    assert sent(interaction)["content"] == APOLOGY
    assert "ZeroDivisionError" in caplog.text


async def test_a_broken_database_is_logged_for_the_host_not_shown_to_the_user(caplog) -> None:
    """The host's message names the database file and what to do on the server: a Discord
    user only learns the bot cannot store now, privately; the log keeps the details."""
    interaction = fake_interaction()
    host_text = "the disk holding /srv/quizbot/quiz.db is full: free some space and try again"
    with caplog.at_level(logging.ERROR, logger="quizbot.discord"):
        await on_app_command_error(interaction, _invoke_error(StoreError(host_text)))
    reply = sent(interaction)
    assert "/srv/quizbot" not in reply["content"] and "database" in reply["content"]
    assert reply["ephemeral"] is True
    assert host_text in caplog.text


async def test_a_busy_database_still_says_send_it_again() -> None:
    interaction = fake_interaction()
    await on_app_command_error(interaction, _invoke_error(StoreBusy("busy: send it again")))
    assert sent(interaction)["content"] == "busy: send it again"


async def test_errors_after_a_defer_use_the_followup() -> None:
    interaction = fake_interaction()
    await interaction.response.defer(ephemeral=True, thinking=True)
    await on_app_command_error(interaction, _invoke_error(NotAllowed("no")))
    interaction.response.send_message.assert_not_awaited()
    interaction.followup.send.assert_awaited_once()
    assert interaction.followup.send.await_args.kwargs["ephemeral"] is True
