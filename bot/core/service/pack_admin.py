"""Instructors install and remove a guild's own packs; bundled packs are shared and stay."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.core.errors import InvalidInput
from bot.core.models import Actor, Pack
from bot.core.packs.dump import dump_pack
from bot.core.packs.preview import UploadPreview, preview_of
from bot.core.results import PackSummary
from bot.core.service.access import Access
from bot.core.service.catalog import Catalog


@dataclass(eq=False)
class PackAdmin:
    catalog: Catalog
    access: Access
    clock: Callable[[], float]

    def install_pack(self, actor: Actor, data: bytes | str, filename: str, *,
                     skip_unsupported: bool = False) -> PackSummary:
        """Instructors install (or replace) a pack for their guild only: our YAML, or any
        format `pack import` reads (detected, converted to our YAML).

        The upload is validated completely first; on any problem nothing is stored, so a bad
        pack never replaces a good one. Each install of the same id is a new stored version;
        attempts keep their question ids. Raises NotAllowed, PackError or InvalidInput.
        """
        self.access.require_instructor(actor, "install packs")
        checked = self.catalog.parse_upload_full(actor.guild_id, data, filename,
                                                 skip_unsupported=skip_unsupported)
        self.catalog.save_upload(actor.guild_id, checked.pack.id, filename, checked.content,
                                 actor.user_id, self.clock())
        return self.catalog.summary(actor.guild_id, checked.pack.id)

    def preview_upload(self, actor: Actor, data: bytes | str, filename: str, *,
                       skip_unsupported: bool = False) -> UploadPreview:
        """What install_pack would store, without storing it (same checks, same errors)."""
        self.access.require_instructor(actor, "install packs")
        checked = self.catalog.parse_upload_full(actor.guild_id, data, filename,
                                                 skip_unsupported=skip_unsupported)
        version = self.catalog.store.latest_pack_version(actor.guild_id, checked.pack.id) + 1
        return preview_of(checked.pack, checked.format_name, checked.notes, version)

    def export_yaml(self, guild_id: str, pack_id: str) -> tuple[str, str]:
        """(file name, YAML) of the pack as it is now: a guild pack's stored current version,
        else the pack written out by dump_pack. Raises UnknownPack."""
        pack = self.catalog.pack(guild_id, pack_id)
        for row in self.catalog.store.guild_pack_rows(guild_id):
            if row["pack_id"] == pack.id:
                return f"{pack.id}.yaml", row["content"]
        return f"{pack.id}.yaml", dump_pack(pack)

    def versions(self, actor: Actor, pack_id: str) -> list[dict[str, object]]:
        """Every stored version of one of the guild's packs, oldest first (instructors)."""
        self.access.require_instructor(actor, "see pack versions")
        return [{key: row[key] for key in ("version", "filename", "uploaded_by", "uploaded_at",
                                           "note")}
                for row in self.catalog.store.pack_version_rows(actor.guild_id, pack_id)]

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
