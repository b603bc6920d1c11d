"""Main path of each command, called as `cog.cmd.callback(cog, interaction, ...)` with spec'd fakes.

The service is real (in-memory SQLite, bundled packs), so these also prove that what the cogs
render is what the service decided: guild A never sees guild B's players.
"""

from __future__ import annotations

from unittest.mock import AsyncMock

import discord
import pytest
from discord import app_commands
from fakes import (
    MODERATOR_ROLE,
    OWNER_ID,
    actor,
    build_bot,
    fake_interaction,
    fake_user,
    make_service,
    play,
    sent,
)
from payloads import GUILD_ID, OTHER_GUILD_ID

from bot.core.errors import NotAllowed, UnknownPack
from bot.discord_app.choices import explainer_autocomplete, pack_autocomplete
from bot.discord_app.views import ConfirmResetView, LeaderboardView

G = str(GUILD_ID)


def cog(bot, name: str):
    found = bot.get_cog(name)
    assert found is not None, name
    return found


async def test_ask_is_private_by_default_and_deferred_first() -> None:
    bot = await build_bot()
    ask = cog(bot, "Ask")
    interaction = fake_interaction(bot)
    await ask.ask.callback(ask, interaction, "why would strikes not reduce fentanyl?")
    interaction.response.defer.assert_awaited_once_with(ephemeral=True, thinking=True)
    reply = sent(interaction)
    assert reply["ephemeral"] is True
    assert isinstance(reply["embed"], discord.Embed)
    assert reply["allowed_mentions"].to_dict() == {"parse": []}

    public = fake_interaction(bot)
    await ask.ask.callback(ask, public, "fentanyl", True)
    public.response.defer.assert_awaited_once_with(ephemeral=False, thinking=True)
    await bot.close()


async def test_explain_and_its_autocomplete() -> None:
    bot = await build_bot()
    ask = cog(bot, "Ask")
    choices = await explainer_autocomplete(fake_interaction(bot), "")
    assert 0 < len(choices) <= 25
    assert all(len(c.name) <= 100 for c in choices)
    interaction = fake_interaction(bot)
    await ask.explain.callback(ask, interaction, choices[0].value)
    embed = sent(interaction)["embed"]
    assert embed.title and embed.footer.text.startswith("Source:")
    # In a DM (study anywhere) the topics come from the learner's servers, else bundled packs.
    in_dm = await explainer_autocomplete(fake_interaction(bot, guild_id=None), "")
    assert in_dm and {c.value for c in in_dm} <= {c.value for c in choices}
    charted = fake_interaction(bot)  # an explainer with a chart: deferred, then the PNG attached
    await ask.explain.callback(ask, charted, "homicide-figures")
    charted.response.defer.assert_awaited_once()
    reply = sent(charted)
    assert reply["file"].filename == "chart.png"
    assert reply["embed"].image.url == "attachment://chart.png"
    await bot.close()


async def test_pack_list_info_and_autocomplete() -> None:
    bot = await build_bot()
    packs = cog(bot, "Packs")
    interaction = fake_interaction(bot)
    await packs.list_packs.callback(packs, interaction)
    listing = sent(interaction)["embed"]
    assert listing.fields and sent(interaction)["ephemeral"] is True

    choices = await pack_autocomplete(fake_interaction(bot), "")
    assert choices
    info = fake_interaction(bot)
    await packs.info.callback(packs, info, choices[0].value)
    assert sent(info)["embed"].fields[0].value == f"`{choices[0].value}`"

    with pytest.raises(UnknownPack):
        await packs.info.callback(packs, fake_interaction(bot), "no-such-pack")
    await bot.close()


async def test_stats_for_self_and_for_someone_who_never_played() -> None:
    service = make_service()
    play(service, actor(name="Ana"), correct=2, count=3)
    bot = await build_bot(service)
    stats = cog(bot, "Stats")
    interaction = fake_interaction(bot, name="Ana")
    await stats.stats.callback(stats, interaction, None)
    embed = sent(interaction)["embed"]
    assert "Ana" in embed.title
    assert any(f.name == "Accuracy" and "2/3" in f.value for f in embed.fields)

    other = fake_interaction(bot)
    await stats.stats.callback(stats, other, fake_user(42, "Newcomer"))
    assert "Newcomer" in sent(other)["embed"].title
    await bot.close()


async def test_leaderboard_guild_isolation() -> None:
    service = make_service()
    play(service, actor(GUILD_ID, 1, "Alice"), correct=3)
    play(service, actor(OTHER_GUILD_ID, 2, "Bob"), correct=3)
    bot = await build_bot(service)
    board = cog(bot, "Leaderboard")
    here, there = fake_interaction(bot), fake_interaction(bot, guild_id=OTHER_GUILD_ID)
    await board.leaderboard.callback(board, here, None, None)
    await board.leaderboard.callback(board, there, None, None)
    assert "Alice" in sent(here)["embed"].description
    assert "Bob" not in sent(here)["embed"].description
    assert "Bob" in sent(there)["embed"].description
    assert "Alice" not in sent(there)["embed"].description
    await bot.close()


async def test_leaderboard_pages_and_only_the_invoker_flips() -> None:
    service = make_service()
    for user in range(1, 13):
        play(service, actor(GUILD_ID, user, f"player{user}"), correct=1 + user % 3, count=3)
    bot = await build_bot(service)
    board = cog(bot, "Leaderboard")
    interaction = fake_interaction(bot)
    week = app_commands.Choice(name="This week", value="week")
    await board.leaderboard.callback(board, interaction, None, week)
    first = sent(interaction)
    view = first["view"]
    assert isinstance(view, LeaderboardView)
    assert view.previous.disabled and not view.next.disabled
    assert "Page 1/2" in first["embed"].footer.text

    click = fake_interaction(bot)
    await view.next.callback(click)
    second = sent(click)
    assert "Page 2/2" in second["embed"].footer.text
    assert view.next.disabled and not view.previous.disabled
    names_page_1 = first["embed"].description
    assert all(line.split("**")[1] not in names_page_1
               for line in second["embed"].description.splitlines())

    stranger = fake_interaction(bot, user_id=777)
    assert await view.interaction_check(stranger) is False
    assert sent(stranger)["ephemeral"] is True
    await bot.close()


async def test_scores_reset_confirm_cancel_and_recheck_at_click() -> None:
    service = make_service()
    service.access.set_roles(actor(manage=True), None, str(MODERATOR_ROLE))
    play(service, actor(GUILD_ID, 1, "Alice"), correct=3)
    bot = await build_bot(service)
    admin = cog(bot, "Admin")

    with pytest.raises(NotAllowed):
        await admin.reset.callback(admin, fake_interaction(bot), None, None)

    moderator = fake_interaction(bot, roles=(MODERATOR_ROLE,))
    await admin.reset.callback(admin, moderator, fake_user(1, "Alice"), None)
    view = sent(moderator)["view"]
    assert isinstance(view, ConfirmResetView)
    assert "Alice" in sent(moderator)["embed"].description

    cancel = fake_interaction(bot, roles=(MODERATOR_ROLE,))
    await view.cancel.callback(cancel)
    assert "Nothing was reset" in sent(cancel)["embed"].description
    assert service.standings.stats(G, "1").points > 0

    # The role was taken away between the command and the click: the service refuses then.
    asked = fake_interaction(bot, roles=(MODERATOR_ROLE,))
    await admin.reset.callback(admin, asked, None, None)
    demoted = fake_interaction(bot)  # the same user, without the role now
    await sent(asked)["view"].confirm.callback(demoted)
    assert service.standings.stats(G, "1").points > 0
    assert sent(demoted)["view"] is None

    asked = fake_interaction(bot, roles=(MODERATOR_ROLE,))
    await admin.reset.callback(admin, asked, None, None)
    confirm = fake_interaction(bot, roles=(MODERATOR_ROLE,))
    await sent(asked)["view"].confirm.callback(confirm)
    assert "1 player" in sent(confirm)["embed"].description
    assert service.standings.stats(G, "1").points == 0
    await bot.close()


async def test_config_roles_show_set_and_clear() -> None:
    service = make_service()
    bot = await build_bot(service)
    admin = cog(bot, "Admin")
    role = discord.Object(id=MODERATOR_ROLE)

    shown = fake_interaction(bot)
    await admin.roles.callback(admin, shown, None, None, False)
    assert "not set" in sent(shown)["content"]

    manager = fake_interaction(bot, manage_guild=True)
    await admin.roles.callback(admin, manager, None, role, False)
    assert service.access.roles(G).moderator_role_id == str(MODERATOR_ROLE)

    cleared = fake_interaction(bot, manage_guild=True)
    await admin.roles.callback(admin, cleared, None, None, True)
    assert service.access.roles(G).moderator_role_id is None
    await bot.close()


async def test_admin_sync_scopes() -> None:
    bot = await build_bot()
    admin = cog(bot, "Admin")
    bot.tree.sync = AsyncMock(return_value=[object()] * 3)
    owner = fake_interaction(bot, user_id=OWNER_ID)
    await admin.sync.callback(admin, owner, app_commands.Choice(name="g", value="global"))
    bot.tree.sync.assert_awaited_once_with()
    assert "globally" in sent(owner)["content"]

    bot.tree.sync.reset_mock()
    owner = fake_interaction(bot, user_id=OWNER_ID)
    await admin.sync.callback(admin, owner, None)
    assert bot.tree.sync.await_args.kwargs["guild"].id == GUILD_ID
    await bot.close()


async def test_scores_season_lists_starts_for_moderators_and_leaderboard_reads_the_archive():
    service = make_service()
    service.access.set_roles(actor(manage=True), None, str(MODERATOR_ROLE))
    play(service, actor(GUILD_ID, 1, "Alice"), correct=3)
    bot = await build_bot(service)
    admin, board = cog(bot, "Admin"), cog(bot, "Leaderboard")

    listing = fake_interaction(bot)
    await admin.season.callback(admin, listing)
    assert sent(listing)["ephemeral"] is True
    assert "Season 1 (current)" in sent(listing)["embed"].description
    with pytest.raises(NotAllowed):
        await admin.season.callback(admin, fake_interaction(bot), True, None)

    moderator = fake_interaction(bot, roles=(MODERATOR_ROLE,))
    await admin.season.callback(admin, moderator, True, "@everyone term")
    text = sent(moderator)["embed"].description
    assert "Season 2" in text and "/leaderboard season:1" in text
    assert "@everyone" not in text.replace("@\u200beveryone", "")

    now = fake_interaction(bot)
    await board.leaderboard.callback(board, now, None, None)
    assert "Alice" not in sent(now)["embed"].description
    archived = fake_interaction(bot)
    await board.leaderboard.callback(board, archived, None, None, 1)
    assert "Alice" in sent(archived)["embed"].description
    assert "season 1 (archived)" in sent(archived)["embed"].title
    await bot.close()


async def test_config_retention_shows_and_staff_set_it() -> None:
    service = make_service()
    bot = await build_bot(service)
    admin = cog(bot, "Admin")
    shown = fake_interaction(bot)
    await admin.retention.callback(admin, shown)
    assert "90% recall" in sent(shown)["content"] and sent(shown)["ephemeral"] is True
    with pytest.raises(NotAllowed):
        await admin.retention.callback(admin, fake_interaction(bot), 0.8)
    service.access.set_roles(actor(manage=True), None, str(MODERATOR_ROLE))
    moderator = fake_interaction(bot, roles=(MODERATOR_ROLE,))
    await admin.retention.callback(admin, moderator, 0.85)
    assert "85% recall" in sent(moderator)["content"]
    assert service.review.retention(G) == 0.85
    await bot.close()
