"""The packs one guild sees: the bundled packs, shared read-only, plus that guild's own.

Why a catalog and not one global library: an instructor's pack in one server must never show up,
be played or be answered from in another. Parsed guild packs and the `ask` index are cached per
guild and rebuilt only when that guild's packs change.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

from bot.core.errors import InvalidInput, PackError
from bot.core.models import Pack
from bot.core.packs.library import PackLibrary
from bot.core.packs.loader import load_pack_text
from bot.core.results import PackSummary

if TYPE_CHECKING:
    from bot.core.ask.index import KnowledgeIndex
    from bot.store.db import Store

OUR_PACK = re.compile(r"^questions[ \t]*:", re.MULTILINE)  # Red lists have no such key
MAX_PACK_BYTES = 1_000_000
MAX_GUILD_PACKS = 50
INDEX_CACHE_SIZE = 32


class Catalog:
    """The service part that answers "which packs does this guild see?"."""

    def __init__(self, bundled: PackLibrary, store: Store) -> None:
        self.bundled = bundled
        self.store = store
        self._libraries: dict[str, tuple[tuple, PackLibrary]] = {}
        self._indexes: OrderedDict[tuple, KnowledgeIndex] = OrderedDict()

    # -- what frontends ask -----------------------------------------------------------------
    def list_packs(self, guild_id: str) -> list[PackSummary]:
        return [self._summary_of(p) for p in self.library(guild_id).all()]

    def pack(self, guild_id: str, pack_id: str) -> Pack:
        """Raises UnknownPack (with a did-you-mean) for ids not installed in this guild."""
        return self.library(guild_id).get(pack_id)

    def summary(self, guild_id: str, pack_id: str) -> PackSummary:
        return self._summary_of(self.pack(guild_id, pack_id))

    def pack_ids(self, guild_id: str, prefix: str = "") -> list[tuple[str, str]]:
        """(id, title) pairs whose id or title contains `prefix`, for autocomplete (≤ 25)."""
        needle = prefix.casefold().strip()
        return [
            (p.id, p.title) for p in self.library(guild_id).all()
            if needle in p.id.casefold() or needle in p.title.casefold()
        ][:25]

    def default_id(self, guild_id: str) -> str:
        """The pack a quiz uses when none is named."""
        return self.library(guild_id).default_id()

    def is_bundled(self, pack_id: str) -> bool:
        """Shipped with quizbot (shared by every guild, never removable)."""
        return pack_id in self.bundled

    def _summary_of(self, pack: Pack) -> PackSummary:
        return PackSummary(pack.id, pack.title, pack.description, len(pack.questions),
                           len(pack.explainers), pack.topics, self.is_bundled(pack.id))

    # -- what other parts use ----------------------------------------------------------------
    def library(self, guild_id: str) -> PackLibrary:
        """Bundled packs plus the guild's installed ones, as one PackLibrary."""
        rows = self.store.guild_pack_rows(guild_id)
        key = (tuple(id(p) for p in self.bundled.all()),
               tuple((r["pack_id"], r["uploaded_at"], hash(r["content"])) for r in rows))
        cached = self._libraries.get(guild_id)
        if cached is not None and cached[0] == key:
            return cached[1]
        library = PackLibrary(None)
        for pack in self.bundled.all():
            library.add(pack)
        for row in rows:
            try:
                library.add(load_pack_text(row["content"], row["filename"]))
            except PackError:  # validated when stored; a loader change must not break the guild
                continue
        self._libraries[guild_id] = (key, library)
        return library

    def index(self, guild_id: str) -> KnowledgeIndex:
        """The `ask` index over exactly the packs this guild sees."""
        from bot.core.ask.index import KnowledgeIndex

        packs = self.library(guild_id).all()
        key = tuple(id(p) for p in packs)  # guilds with the same packs share one index
        if key in self._indexes:
            self._indexes.move_to_end(key)
        else:
            self._indexes[key] = KnowledgeIndex(packs)
            while len(self._indexes) > INDEX_CACHE_SIZE:
                self._indexes.popitem(last=False)
        return self._indexes[key]

    def save_upload(self, guild_id: str, pack_id: str, filename: str, content: str,
                    user_id: str, now: float, note: str = "") -> int:
        """Store a validated upload (from parse_upload) as the guild's pack `pack_id`; every
        save is a new version (returned), earlier ones stay stored."""
        return self.store.save_guild_pack(guild_id, pack_id, filename, content, user_id, now,
                                          note)

    def delete_upload(self, guild_id: str, pack_id: str) -> bool:
        """Remove the guild's own pack; False when the guild has no such pack."""
        return self.store.delete_guild_pack(guild_id, pack_id)

    def parse_upload(self, guild_id: str, data: bytes | str, filename: str) -> tuple[Pack, str]:
        """parse_upload_full's pack and YAML text (for callers that need no notes)."""
        checked = self.parse_upload_full(guild_id, data, filename)
        return checked.pack, checked.content

    def parse_upload_full(self, guild_id: str, data: bytes | str, filename: str, *,
                          skip_unsupported: bool = False) -> UploadRead:
        """Validate an upload fully before anything is stored: a bad pack never replaces a good one.

        Returns the pack, the YAML text to store, the format and the import's notes. Raises
        PackError with every problem, or InvalidInput for size and id clashes.
        """
        size = len(data.encode() if isinstance(data, str) else data)
        if size > MAX_PACK_BYTES:
            raise InvalidInput(f"{filename}: {size:,} bytes is over the {MAX_PACK_BYTES:,} limit")
        checked = read_upload_full(data, filename, skip_unsupported=skip_unsupported)
        pack = checked.pack
        if pack.id in self.bundled:
            raise InvalidInput(f"{filename}: '{pack.id}' is a bundled pack's id; "
                               "give your pack another id")
        installed = {r["pack_id"] for r in self.store.guild_pack_rows(guild_id)}
        if pack.id not in installed and len(installed) >= MAX_GUILD_PACKS:
            raise InvalidInput(f"this server already has {MAX_GUILD_PACKS} packs; remove one first")
        return checked


@dataclass(frozen=True)
class UploadRead:
    pack: Pack
    content: str  # our YAML, as it will be stored
    format_name: str
    notes: tuple[str, ...] = ()  # "warning: …" / "skipped: …" lines from an import


def read_upload(data: bytes | str, filename: str) -> tuple[Pack, str]:
    checked = read_upload_full(data, filename)
    return checked.pack, checked.content


def read_upload_full(data: bytes | str, filename: str, *,
                     skip_unsupported: bool = False) -> UploadRead:
    """Our YAML as is; any other format (detected) converted to our YAML.

    Storing our YAML (not the original) means a later loader sees one format only.
    """
    from bot.core.packs.dump import dump_pack
    from bot.core.packs.formats import import_file

    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    if PurePath(filename).suffix.lower() in (".yaml", ".yml") and OUR_PACK.search(text):
        pack = load_pack_text(data, filename)
        return UploadRead(pack, data.decode("utf-8") if isinstance(data, bytes) else data,
                          "quizbot YAML")
    result = import_file(data, filename, skip_unsupported=skip_unsupported)
    notes = tuple(f"skipped: {line}" for line in result.skipped) + tuple(
        f"warning: {line}" for line in result.warnings)
    return UploadRead(result.pack, dump_pack(result.pack), result.format_name, notes)
