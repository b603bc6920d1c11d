"""Instructors install and remove a guild's own packs; bundled packs are shared and stay."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.core.errors import InvalidInput
from bot.core.models import Actor, Pack
from bot.core.results import PackSummary
from bot.core.service.access import Access
from bot.core.service.catalog import Catalog


@dataclass(eq=False)
class PackAdmin:
    catalog: Catalog
    access: Access
    clock: Callable[[], float]

    def install_pack(self, actor: Actor, data: bytes | str, filename: str) -> PackSummary:
        """Instructors install (or replace) a pack for their guild only: our YAML, or a Red
        trivia list, Moodle GIFT or Aiken file (converted to our YAML).

        The upload is validated completely first; on any problem nothing is stored, so a bad
        pack never replaces a good one. Raises NotAllowed, PackError or InvalidInput.
        """
        self.access.require_instructor(actor, "install packs")
        pack, content = self.catalog.parse_upload(actor.guild_id, data, filename)
        self.catalog.save_upload(actor.guild_id, pack.id, filename, content, actor.user_id,
                                 self.clock(), pack)
        return self.catalog.summary(actor.guild_id, pack.id)

    def removable(self, guild_id: str, pack_id: str) -> Pack:
        """The pack a remove would take, checked before asking to confirm: UnknownPack, or
        InvalidInput for a bundled pack (shared by every guild)."""
        found = self.catalog.pack(guild_id, pack_id)
        if self.catalog.is_bundled(found.id):
            raise InvalidInput(f"'{found.id}' is a bundled pack; it cannot be removed.")
        return found

    def remove_pack(self, actor: Actor, pack_id: str) -> None:
        """Instructors remove one of their guild's packs (bundled packs stay)."""
        self.access.require_instructor(actor, "remove packs")
        if not self.catalog.delete_upload(actor.guild_id, pack_id):
            if self.catalog.is_bundled(pack_id):
                raise InvalidInput(f"'{pack_id}' is a bundled pack; it cannot be removed.")
            self.catalog.pack(actor.guild_id, pack_id)  # UnknownPack with a did-you-mean
            raise InvalidInput(f"'{pack_id}' is not one of this server's packs.")
