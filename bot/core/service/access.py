"""Who may do what in a guild: the staff roles, decided from the Actor, never from Discord alone.

Discord's default member permissions only hide commands; server admins can change them. This part
is the authority every other part asks before a privileged action.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.core.errors import NotAllowed
from bot.core.models import Actor
from bot.core.results import GuildRoles
from bot.core.service.phrases import doing as phrase_for
from bot.core.service.phrases import say
from bot.store.db import Store


@dataclass(eq=False)
class Access:
    store: Store
    clock: Callable[[], float]

    def roles(self, guild_id: str) -> GuildRoles:
        return GuildRoles(*self.store.guild_roles(guild_id))

    def is_moderator(self, actor: Actor) -> bool:
        moderator = self.roles(actor.guild_id).moderator_role_id
        return actor.can_manage_guild or (moderator is not None and moderator in actor.role_ids)

    def is_instructor(self, actor: Actor) -> bool:
        instructor = self.roles(actor.guild_id).instructor_role_id
        return actor.can_manage_guild or (instructor is not None and instructor in actor.role_ids)

    def require_moderator(self, actor: Actor, doing: str) -> None:
        """NotAllowed("Only moderators can <doing>.") unless the actor is one."""
        if not self.is_moderator(actor):
            raise NotAllowed(say("access.moderators", doing=phrase_for(doing)))

    def require_instructor(self, actor: Actor, doing: str) -> None:
        """NotAllowed("Only instructors can <doing>.") unless the actor is one."""
        if not self.is_instructor(actor):
            raise NotAllowed(say("access.instructors", doing=phrase_for(doing)))

    def set_roles(
        self, actor: Actor, instructor_role_id: str | None, moderator_role_id: str | None
    ) -> GuildRoles:
        """Manage Server only (NotAllowed otherwise)."""
        if not actor.can_manage_guild:
            raise NotAllowed(say("access.manage_server"))
        self.store.set_guild_roles(actor.guild_id, instructor_role_id, moderator_role_id,
                                    self.clock())
        return self.roles(actor.guild_id)
