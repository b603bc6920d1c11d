"""Every cog loads, every command is named and described, and staff commands refuse students.

The refusal tests go through discord.py's own dispatch (real Interaction objects from gateway
payloads) and read what would really be sent, so "refused" means the user sees an ephemeral
message, not merely that an exception was raised somewhere.
"""

from __future__ import annotations

import re

from contract import GUILD_ID, MANAGE_GUILD, capture_requests, command_payload, dispatch
from discord import app_commands
from fakes import INSTRUCTOR_ROLE, MODERATOR_ROLE, OWNER_ID, actor, build_bot, make_service

from bot.discord_app.client import cog_modules

MINE = {"ask", "explain", "stats", "leaderboard", "pack list", "pack info", "pack report",
        "scores reset", "scores export", "config roles", "admin sync", "privacy show",
        "privacy delete"}
NAME = re.compile(r"^[-_a-z0-9]{1,32}$")
EPHEMERAL = 64


def test_cog_modules_are_discovered() -> None:
    names = set(cog_modules())
    assert {f"bot.discord_app.cogs.{n}" for n in
            ("ask", "packs", "leaderboard", "admin", "stats")} <= names


async def test_every_command_and_option_is_named_and_described() -> None:
    bot = await build_bot()
    commands = list(bot.tree.walk_commands())
    leaves = {c.qualified_name for c in commands if isinstance(c, app_commands.Command)}
    assert MINE.issubset(leaves)
    for command in commands:
        assert NAME.match(command.name), command.name
        assert command.description and command.description != "…", command.qualified_name
        assert len(command.description) <= 100
        for param in getattr(command, "parameters", []):
            assert NAME.match(param.name), (command.qualified_name, param.name)
            assert param.description and param.description != "…", \
                f"/{command.qualified_name} option {param.name} has no description"
            assert len(param.description) <= 100
    await bot.close()


async def test_guild_only_commands_are_marked_for_discord() -> None:
    bot = await build_bot()
    anywhere = {"ask", "explain"}  # study anywhere: also DMs (see test_live_robustness)
    for command in bot.tree.get_commands():
        if command.qualified_name.split()[0] in {c.split()[0] for c in MINE} - anywhere:
            assert command.to_dict(bot.tree).get("contexts") == [0], command.name
    await bot.close()


def _reply(sent: list) -> dict:
    callbacks = [r.payload for r in sent if r.path.endswith("/callback")]
    followups = [r.payload for r in sent if r.route_key.startswith("POST /webhooks/")]
    assert callbacks, "no interaction response was sent"
    if callbacks[0]["type"] == 5:  # deferred: the real reply is the followup
        assert followups
        return followups[-1]
    return callbacks[0]["data"]


async def _run(bot, name: str, **kwargs) -> dict:
    with capture_requests(bot) as sent:
        await dispatch(bot, command_payload(bot, name, **kwargs))
    return _reply(sent)


def _text(reply: dict) -> str:
    parts = [reply.get("content") or ""]
    for embed in reply.get("embeds") or []:
        parts += [embed.get("title", ""), embed.get("description", "")]
    return " ".join(parts)


async def test_scores_reset_refuses_a_student_and_asks_a_moderator_to_confirm() -> None:
    service = make_service()
    service.access.set_roles(actor(manage=True), str(INSTRUCTOR_ROLE), str(MODERATOR_ROLE))
    bot = await build_bot(service)

    refused = await _run(bot, "scores reset")
    assert refused["flags"] & EPHEMERAL
    assert "Only moderators" in _text(refused)
    assert not refused.get("components")

    for who in ({"roles": (MODERATOR_ROLE,)}, {"permissions": MANAGE_GUILD}):
        asked = await _run(bot, "scores reset", **who)
        assert asked["flags"] & EPHEMERAL
        assert "Reset everyone's scores?" in _text(asked)
        assert asked["components"], "the confirmation buttons are missing"
    await bot.close()


async def test_config_roles_needs_manage_server() -> None:
    service = make_service()
    bot = await build_bot(service)
    resolved = {"roles": {str(r): {"id": str(r), "name": "r", "color": 0, "hoist": False,
                                   "position": 1, "permissions": "0", "managed": False,
                                   "mentionable": True, "flags": 0}
                          for r in (INSTRUCTOR_ROLE, MODERATOR_ROLE)}}
    options = {"instructor": str(INSTRUCTOR_ROLE), "moderator": str(MODERATOR_ROLE)}

    refused = await _run(bot, "config roles", resolved=resolved, **options)
    assert refused["flags"] & EPHEMERAL and "Saved" not in _text(refused)
    assert service.access.roles(str(GUILD_ID)).moderator_role_id is None

    refused = await _run(bot, "config roles", resolved=resolved, roles=(MODERATOR_ROLE,),
                         **options)
    roles = service.access.roles(str(GUILD_ID))
    assert roles.moderator_role_id is None, "a role is not Manage Server"

    saved = await _run(bot, "config roles", resolved=resolved, permissions=MANAGE_GUILD, **options)
    assert "Saved" in _text(saved)
    assert f"<@&{MODERATOR_ROLE}>" in _text(saved)
    assert saved["allowed_mentions"] == {"parse": []}
    roles = service.access.roles(str(GUILD_ID))
    assert (roles.instructor_role_id, roles.moderator_role_id) == (
        str(INSTRUCTOR_ROLE),
        str(MODERATOR_ROLE),
    )
    await bot.close()


async def test_admin_sync_is_owner_only() -> None:
    bot = await build_bot()
    with capture_requests(bot) as sent:
        await dispatch(bot, command_payload(bot, "admin sync", permissions=MANAGE_GUILD))
    assert not [r for r in sent if "/commands" in r.path], "a non-owner triggered a sync"
    assert "owner" in _text(_reply(sent))

    with capture_requests(bot) as sent:
        await dispatch(bot, command_payload(bot, "admin sync", user_id=OWNER_ID))
    syncs = [r for r in sent if r.route_key.startswith("PUT ")]
    assert [r.path for r in syncs] == ["/applications/{application_id}/guilds/{guild_id}/commands"]
    assert "Synced" in _text(_reply(sent))
    await bot.close()
