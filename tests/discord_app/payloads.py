"""Interaction payloads as Discord sends them, and discord.py's own gateway path to dispatch them.

Why real payloads: a MagicMock interaction cannot tell whether our command tree, option types,
view store and modal store route an interaction correctly; `discord.Interaction(data, state)`
and `ConnectionState.parse_interaction_create` can. Used by test_contract.py, test_dispatch.py and
the quiz-cog tests alike.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Mapping
from typing import Any

import discord

APP_ID = 900000000000000001
GUILD_ID = 900000000000000100
OTHER_GUILD_ID = 900000000000000200
CHANNEL_ID = 900000000000000300
USER_ID = 900000000000000400
MANAGE_GUILD = 1 << 5
DEFAULT_PERMISSIONS = 0  # an ordinary student
_ids = itertools.count(910000000000000000)


def snowflake() -> int:
    """A fresh, increasing id (messages, interactions)."""
    return next(_ids)



def user_payload(user_id: int = APP_ID, name: str = "quizbot", *, bot: bool = True) -> dict:
    return {"id": str(user_id), "username": name, "discriminator": "0", "avatar": None,
            "global_name": None, "bot": bot}


def message_payload(body: Mapping[str, Any] | None, *, message_id: int | None = None,
                    channel_id: int = CHANNEL_ID) -> dict:
    """A MESSAGE object as Discord would return it for a message we just sent/edited."""
    body = body or {}
    return {
        "id": str(message_id or snowflake()), "channel_id": str(channel_id), "type": 0,
        "content": body.get("content") or "", "author": user_payload(),
        "embeds": body.get("embeds") or [], "components": body.get("components") or [],
        "attachments": [], "mentions": [], "mention_roles": [], "mention_everyone": False,
        "pinned": False, "tts": False, "timestamp": "2025-01-01T00:00:00+00:00",
        "edited_timestamp": None, "flags": (body.get("flags") or 0),
    }


def _base(kind: int, *, guild_id: int | None, user_id: int, permissions: int,
          roles: tuple[int, ...], name: str) -> dict[str, Any]:
    user = user_payload(user_id, name, bot=False)
    payload: dict[str, Any] = {
        "id": str(snowflake()), "application_id": str(APP_ID), "type": kind,
        "token": "interaction-token", "version": 1, "locale": "en-US",
        "attachment_size_limit": 8 * 1024 * 1024, "app_permissions": str((1 << 51) - 1),
        "entitlements": [], "authorizing_integration_owners": {},
    }
    if guild_id is None:
        payload["user"] = user
        payload["channel"] = {"id": str(CHANNEL_ID), "type": 1}
        payload["context"] = 1
    else:
        payload["guild_id"] = str(guild_id)
        payload["guild_locale"] = "en-US"
        payload["channel"] = {"id": str(CHANNEL_ID), "type": 0, "name": "quiz", "position": 0,
                              "guild_id": str(guild_id), "permission_overwrites": []}
        payload["member"] = {"user": user, "roles": [str(r) for r in roles],
                             "joined_at": "2025-01-01T00:00:00+00:00", "deaf": False,
                             "mute": False, "flags": 0, "permissions": str(permissions),
                             "nick": None, "avatar": None}
        payload["context"] = 0
    payload["channel_id"] = str(CHANNEL_ID)
    return payload


def _find(bot: discord.Client, qualified_name: str) -> Any:
    tree: discord.app_commands.CommandTree = bot.tree  # type: ignore[attr-defined]
    parts = qualified_name.split()
    command: Any = tree.get_command(parts[0])
    for part in parts[1:]:
        command = command.get_command(part) if command is not None else None
    if command is None:
        raise KeyError(f"no slash command /{qualified_name}")
    return command


def _option_payloads(command: Any, options: Mapping[str, Any],
                     focused: str | None = None) -> list[dict[str, Any]]:
    by_name = {p.name: p for p in command.parameters}
    out = []
    for name, value in options.items():
        param = by_name[name]
        if isinstance(value, discord.abc.Snowflake):
            value = str(value.id)
        item = {"name": name, "type": param.type.value, "value": value}
        if name == focused:
            item["focused"] = True
        out.append(item)
    return out


def command_payload(bot: discord.Client, qualified_name: str, *, guild_id: int | None = GUILD_ID,
                    user_id: int = USER_ID, permissions: int = DEFAULT_PERMISSIONS,
                    roles: tuple[int, ...] = (), name: str = "student",
                    resolved: dict[str, Any] | None = None, _focused: str | None = None,
                    **options: Any) -> dict[str, Any]:
    """An APPLICATION_COMMAND (or, with _focused, AUTOCOMPLETE) interaction for `/a b c`.

    Option types come from the bot's own tree, so the payload matches what Discord would send.
    User/role options need `resolved` data (see `resolved_user`).
    """
    command = _find(bot, qualified_name)
    data_options: list[dict[str, Any]] = _option_payloads(command, options, _focused)
    node = command
    while node.parent is not None:
        data_options = [{"name": node.name, "type": 1 if node is command else 2,
                         "options": data_options}]
        node = node.parent
    data: dict[str, Any] = {"id": str(snowflake()), "name": node.name, "type": 1,
                            "options": data_options}
    if resolved:
        data["resolved"] = resolved
    payload = _base(4 if _focused else 2, guild_id=guild_id, user_id=user_id,
                    permissions=permissions, roles=roles, name=name)
    payload["data"] = data
    return payload


def autocomplete_payload(bot: discord.Client, qualified_name: str, focused: str,
                         **kwargs: Any) -> dict[str, Any]:
    """An AUTOCOMPLETE interaction with `focused` as the option being typed."""
    return command_payload(bot, qualified_name, _focused=focused, **kwargs)


def resolved_user(user_id: int, name: str = "someone", *, guild: bool = True) -> dict[str, Any]:
    """`resolved` data for a user option (Discord sends the user and, in a guild, the member)."""
    data: dict[str, Any] = {"users": {str(user_id): user_payload(user_id, name, bot=False)}}
    if guild:
        data["members"] = {str(user_id): {"roles": [], "joined_at": "2025-01-01T00:00:00+00:00",
                                          "deaf": False, "mute": False, "flags": 0,
                                          "permissions": "0", "nick": None, "avatar": None}}
    return data


def resolved_roles(*role_ids: int) -> dict[str, Any]:
    """`resolved` data for role options."""
    return {"roles": {str(r): {"id": str(r), "name": f"role-{r}", "color": 0, "hoist": False,
                               "position": 1, "permissions": "0", "managed": False,
                               "mentionable": True, "flags": 0} for r in role_ids}}


def component_payload(custom_id: str, message_id: int, *, component_type: int = 2,
                      values: list[str] | None = None, guild_id: int | None = GUILD_ID,
                      user_id: int = USER_ID, permissions: int = DEFAULT_PERMISSIONS,
                      roles: tuple[int, ...] = (), name: str = "student") -> dict[str, Any]:
    """A MESSAGE_COMPONENT interaction: a click on `custom_id` in message `message_id`."""
    payload = _base(3, guild_id=guild_id, user_id=user_id, permissions=permissions, roles=roles,
                    name=name)
    payload["message"] = message_payload({}, message_id=message_id)
    payload["data"] = {"custom_id": custom_id, "component_type": component_type}
    if values is not None:
        payload["data"]["values"] = values
    return payload


def modal_payload(custom_id: str, fields: Mapping[str, str], *, guild_id: int | None = GUILD_ID,
                  user_id: int = USER_ID, permissions: int = DEFAULT_PERMISSIONS,
                  roles: tuple[int, ...] = (), name: str = "student") -> dict[str, Any]:
    """A MODAL_SUBMIT interaction with text inputs {custom_id: value}."""
    payload = _base(5, guild_id=guild_id, user_id=user_id, permissions=permissions, roles=roles,
                    name=name)
    payload["data"] = {"custom_id": custom_id, "components": [
        {"type": 1, "components": [{"type": 4, "custom_id": key, "value": value}]}
        for key, value in fields.items()]}
    return payload


def pretend_logged_in(bot: discord.Client) -> None:
    """Give the offline bot the identity login would give it (its user and application id).

    discord.py reads `state.user` while building guild interactions; nothing else of a login
    (no gateway, no token) is needed.
    """
    state = bot._connection  # type: ignore[attr-defined]
    if state.user is None:
        state.user = discord.ClientUser(state=state, data=user_payload())  # type: ignore[arg-type]
    if state.application_id is None:
        state.application_id = APP_ID


def make_interaction(bot: discord.Client, payload: dict[str, Any]) -> discord.Interaction:
    """A real discord.Interaction bound to the bot's connection state."""
    pretend_logged_in(bot)
    return discord.Interaction(data=payload, state=bot._connection)  # type: ignore[arg-type]


_DISPATCH_TASKS = ("CommandTree-invoker", "discord-ui-view-dispatch-",
                   "discord-ui-modal-dispatch-", "discord-ui-dynamic-item-",
                   "discord.py: on_interaction")  # cog listeners (expired buttons, modals)


async def dispatch(bot: discord.Client, payload: dict[str, Any], *, timeout: float = 5.0) -> None:
    """Feed an INTERACTION_CREATE through discord.py's gateway handler and wait for the handler.

    Only discord.py's own dispatch tasks are awaited (command invoker, view/modal item callbacks);
    background work a handler starts (timers, view timeouts) is left running.
    """
    pretend_logged_in(bot)
    before = asyncio.all_tasks()
    bot._connection.parse_interaction_create(payload)  # type: ignore[arg-type]
    await asyncio.sleep(0)
    pending = {t for t in asyncio.all_tasks() - before
               if t.get_name().startswith(_DISPATCH_TASKS)}
    if pending:
        done, still = await asyncio.wait(pending, timeout=timeout)
        assert not still, f"interaction handler still running after {timeout}s"
        for task in done:
            task.result()


def stored_views(bot: discord.Client) -> dict[int, discord.ui.View]:
    """Views discord.py stored for messages we sent, by message id (oldest first).

    The capture harness answers each callback with a fresh message id, and discord.py registers
    the view under it, so a test can click a button on "the message just sent" next.
    """
    store = bot._connection._view_store  # type: ignore[attr-defined]
    found: dict[int, discord.ui.View] = {}
    for message_id, items in store._views.items():
        for item in items.values():
            if message_id is not None and item.view is not None:
                found[message_id] = item.view
    return dict(sorted(found.items()))
