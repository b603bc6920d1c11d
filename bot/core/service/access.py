"""Staff actions: roles, score resets and a guild's own packs. Every check happens here.

Discord's default member permissions only hide commands; they can be changed by server admins.
These methods are the authority: each one decides from the Actor whether the action is allowed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.core.errors import InvalidInput, NotAllowed
from bot.core.models import Actor, Pack
from bot.core.results import GuildRoles, PackSummary

if TYPE_CHECKING:
    from bot.core.packs.library import PackLibrary
    from bot.core.service.catalog import Catalog
    from bot.store.db import Store


class StaffMixin:
    store: Store
    library: PackLibrary
    catalog: Catalog
    clock: Callable[[], float]

    pack: Callable[[str, str], Pack]  # QuizService.pack

    _summary_of: Callable[[Pack], PackSummary]  # QuizService._summary_of

    def roles(self, guild_id: str) -> GuildRoles:
        return GuildRoles(*self.store.guild_roles(guild_id))

    def is_moderator(self, actor: Actor) -> bool:
        moderator = self.roles(actor.guild_id).moderator_role_id
        return actor.can_manage_guild or (moderator is not None and moderator in actor.role_ids)

    def is_instructor(self, actor: Actor) -> bool:
        instructor = self.roles(actor.guild_id).instructor_role_id
        return actor.can_manage_guild or (instructor is not None and instructor in actor.role_ids)

    def reset_scores(
        self, actor: Actor, user_id: str | None = None, pack_id: str | None = None
    ) -> int:
        """Moderators only. Returns how many players were reset; attempts stay as history."""
        if not self.is_moderator(actor):
            raise NotAllowed("Only moderators can reset scores.")
        return self.store.reset_scores(actor.guild_id, user_id, pack_id)

    def set_roles(
        self, actor: Actor, instructor_role_id: str | None, moderator_role_id: str | None
    ) -> GuildRoles:
        """Manage Server only (NotAllowed otherwise)."""
        if not actor.can_manage_guild:
            raise NotAllowed("Only members with Manage Server can set the quizbot roles.")
        self.store.set_guild_roles(actor.guild_id, instructor_role_id, moderator_role_id,
                                   self.clock())
        return self.roles(actor.guild_id)


    def install_pack(self, actor: Actor, data: bytes | str, filename: str) -> PackSummary:
        """Instructors install (or replace) a pack for their guild only: our YAML, or a Red
        trivia list, Moodle GIFT or Aiken file (converted to our YAML).

        The upload is validated completely first; on any problem nothing is stored, so a bad
        pack never replaces a good one. Raises NotAllowed, PackError or InvalidInput.
        """
        if not self.is_instructor(actor):
            raise NotAllowed("Only instructors can install packs.")
        pack, content = self.catalog.parse_upload(actor.guild_id, data, filename)
        self.store.save_guild_pack(actor.guild_id, pack.id, filename, content, actor.user_id,
                                   self.clock())
        return self._summary_of(self.pack(actor.guild_id, pack.id))

    def remove_pack(self, actor: Actor, pack_id: str) -> None:
        """Instructors remove one of their guild's packs (bundled packs stay)."""
        if not self.is_instructor(actor):
            raise NotAllowed("Only instructors can remove packs.")
        if not self.store.delete_guild_pack(actor.guild_id, pack_id):
            if pack_id in self.library:
                raise InvalidInput(f"'{pack_id}' is a bundled pack; it cannot be removed.")
            self.pack(actor.guild_id, pack_id)  # UnknownPack with a did-you-mean
            raise InvalidInput(f"'{pack_id}' is not one of this server's packs.")
