"""Who is acting: discord.Interaction → core Actor.

Only the *facts* are read here (guild, user, role ids, Manage Server); what those facts allow is
decided by QuizService, which raises NotAllowed. Discord's default_permissions only tidy the UI:
server admins can change them, so they are never the authority.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import discord

from bot.core.errors import QuizError
from bot.core.models import Actor
from bot.i18n import said


class GuildOnly(QuizError):
    """A guild-scoped command was used in a DM (scores, packs and roles belong to a server)."""


GUILD_ONLY_MESSAGE = said("error.guild_only")  # shown in the user's language (bot.i18n)
# Study anywhere (/ask, /explain, /quiz review): installable by users as well as servers, usable
# in servers, DMs with the bot and group DMs. Everything else stays guild-only.
ANYWHERE_INSTALLS = {"guilds": True, "users": True}
ANYWHERE_CONTEXTS = {"guilds": True, "dms": True, "private_channels": True}


def _role_ids(user: Any, guild_id: int) -> frozenset[str]:
    """Role ids from the interaction's member payload.

    `Member.roles` only lists roles found in the guild cache, which can be empty for an
    interaction from a guild the gateway has not delivered yet; `Member._roles` holds the raw ids
    Discord sent with the interaction, so both are read. The @everyone role (id == guild id) is
    not a role anyone was given, so it is dropped.
    """
    ids: set[str] = set()
    raw: Iterable[Any] = getattr(user, "_roles", None) or ()
    for role_id in raw:
        ids.add(str(int(role_id)))
    for role in getattr(user, "roles", None) or ():
        ids.add(str(role.id))
    ids.discard(str(guild_id))
    return frozenset(ids)


def actor_from(interaction: discord.Interaction) -> Actor:
    """The Actor for this interaction; raises GuildOnly in DMs (shown as an ephemeral note)."""
    guild_id = interaction.guild_id
    if guild_id is None:
        raise GuildOnly(GUILD_ONLY_MESSAGE)
    user = interaction.user
    permissions = interaction.permissions
    return Actor(
        guild_id=str(guild_id),
        user_id=str(user.id),
        display_name=user.display_name,
        role_ids=_role_ids(user, guild_id),
        can_manage_guild=bool(permissions.manage_guild or permissions.administrator),
    )


def guild_id_of(interaction: discord.Interaction) -> str:
    """The guild id as the service keys data (str); GuildOnly in DMs."""
    if interaction.guild_id is None:
        raise GuildOnly(GUILD_ONLY_MESSAGE)
    return str(interaction.guild_id)
