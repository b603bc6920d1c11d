"""The packs one guild sees: the bundled packs, shared read-only, plus that guild's own.

Why a catalog and not one global library: an instructor's pack in one server must never show up,
be played or be answered from in another. Parsed guild packs and the `ask` index are cached per
guild and rebuilt only when that guild's packs change.

Packs are parsed once: an upload is validated and compiled to JSON when it is installed, a bundled
file when its content is first seen (StoredCompiledPacks, keyed by content hash); later commands
read the JSON. During a quiz, `cached_pack` answers from memory without touching the database.
"""

from __future__ import annotations

import dataclasses
import json
import re
import time
from collections import OrderedDict
from dataclasses import dataclass
from functools import partial
from pathlib import PurePath
from typing import TYPE_CHECKING

from bot.core.errors import InvalidInput, PackError
from bot.core.models import Pack
from bot.core.packs import compiled
from bot.core.packs.library import PackLibrary
from bot.core.packs.loader import load_pack_text
from bot.core.results import PackSummary
from bot.core.service.collector import paused_collection, settle
from bot.core.service.heavy import HeavyJobs
from bot.core.service.phrases import say

if TYPE_CHECKING:
    from collections.abc import Callable

    from bot.core.ask.index import KnowledgeIndex
    from bot.store.db import Store

OUR_PACK = re.compile(r"^questions[ \t]*:", re.MULTILINE)  # Red lists have no such key
MAX_PACK_BYTES = 1_000_000
# Sized from `quizbot bench --scale full` (README "Limits"): 15k questions in one guild start a
# command in well under 1.5 s; these leave headroom above that without letting one guild's
# packs make every start and `ask` index of the bot slow.
MAX_GUILD_PACKS = 50
MAX_GUILD_QUESTIONS = 20_000
INDEX_CACHE_SIZE = 32
FRESH_KEPT = 64


class StoredCompiledPacks:
    """PackLibrary's compiled-pack cache, kept in the database (table compiled_packs)."""

    def __init__(self, store: Store, clock: Callable[[], float] = time.time) -> None:
        self.store, self.clock = store, clock

    def get(self, key: str) -> tuple[Pack, int] | None:
        text = self.store.compiled_pack(key, compiled.COMPILER)
        return compiled.load(text) if text is not None else None

    def put(self, key: str, pack: Pack, id_line: int) -> None:
        self.store.save_compiled_pack(key, compiled.COMPILER, compiled.to_json(pack, id_line),
                                      self.clock(), compiled.summary_json(pack))


class Catalog:
    """The service part that answers "which packs does this guild see?"."""

    def __init__(self, bundled: PackLibrary, store: Store,
                 heavy: HeavyJobs | None = None) -> None:
        self.bundled = bundled
        self.store = store
        self.heavy = heavy or HeavyJobs()  # uploads are read and checked there
        # guild → (what its packs were, its library, stored summaries of its own packs by id)
        self._libraries: dict[str, tuple[tuple, PackLibrary, dict[str, str]]] = {}
        # Packs this process just parsed or compiled, by content hash: the next `library` of
        # their guild takes them as they are instead of loading their JSON again.
        self._fresh: dict[str, Pack] = {}
        self._retired: dict[str, tuple] = {}  # dropped libraries, whose packs may be reused
        self._indexes: OrderedDict[tuple, KnowledgeIndex] = OrderedDict()

    # -- what frontends ask -----------------------------------------------------------------
    def list_packs(self, guild_id: str) -> list[PackSummary]:
        """Every pack the guild sees, from stored summaries: no question is decoded."""
        _key, library, listed = self._load(guild_id)
        found = (self._listed(library, listed, pack_id) for pack_id in library.ids())
        return [summary for summary in found if summary is not None]

    def pack(self, guild_id: str, pack_id: str) -> Pack:
        """Raises UnknownPack (with a did-you-mean) for ids not installed in this guild."""
        return self.library(guild_id).get(pack_id)

    def summary(self, guild_id: str, pack_id: str) -> PackSummary:
        _key, library, listed = self._load(guild_id)
        return self._listed(library, listed, pack_id) or self._summary_of(library.get(pack_id))

    def pack_ids(self, guild_id: str, prefix: str = "") -> list[tuple[str, str]]:
        """(id, title) pairs whose id or title contains `prefix`, for autocomplete (≤ 25)."""
        needle = prefix.casefold().strip()
        return [
            (p.id, p.title) for p in self.list_packs(guild_id)
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

    def _listed(self, library: PackLibrary, listed: dict[str, str],
                pack_id: str) -> PackSummary | None:
        """One pack's summary: from the pack when it is built, else from its stored summary,
        else by building it (None when it cannot be: it is no longer in `library`)."""
        if not library.is_built(pack_id) and pack_id in listed:
            raw = json.loads(listed[pack_id])
            return PackSummary(raw["id"], raw["title"], raw["description"], raw["questions"],
                               raw["explainers"], tuple(raw["topics"]),
                               self.is_bundled(raw["id"]))
        pack = library.get(pack_id) if pack_id in library else None
        return None if pack is None else self._summary_of(pack)

    # -- what other parts use ----------------------------------------------------------------
    def library(self, guild_id: str) -> PackLibrary:
        """Bundled packs plus the guild's installed ones, as one PackLibrary.

        One small query (ids, hashes, times, stored summaries) sees whether the guild's packs
        changed; a changed pack is read from its compiled JSON on first use (PackLibrary's
        add_lazy), never parsed from YAML again.
        """
        return self._load(guild_id)[1]

    def _load(self, guild_id: str) -> tuple[tuple, PackLibrary, dict[str, str]]:
        rows = self.store.guild_pack_listing(guild_id, compiled.COMPILER)
        key = (tuple(id(p) for p in self.bundled.all()),
               tuple((r["pack_id"], r["uploaded_at"], r["content_hash"]) for r in rows))
        cached = self._libraries.get(guild_id)
        if cached is not None and cached[0] == key:
            return cached
        known = self._known_packs(cached or self._retired.pop(guild_id, None), rows)
        library = PackLibrary(None)
        for pack in self.bundled.all():
            library.add(pack)
        listed: dict[str, str] = {}
        for row in rows:
            pack_id, entry = row["pack_id"], known.get(row["pack_id"])
            if entry is None and row["summary_json"] is not None:
                entry = partial(self._build_guild_pack, guild_id, row)
            elif entry is None:
                entry = self._guild_pack(guild_id, row)  # no summary yet: built (and noted) now
            if isinstance(entry, Pack):
                library.add(entry)
            elif entry is not None:
                library.add_lazy(pack_id, entry)
            if row["summary_json"] is not None:
                listed[pack_id] = row["summary_json"]
        loaded = self._libraries[guild_id] = (key, library, listed)
        settle()
        return loaded

    def cached_pack(self, guild_id: str, pack_id: str) -> Pack:
        """A pack for the quiz path, from memory (no database read per answer): a bundled pack
        from the bundled library as it is now, a guild's own from the guild's packs as last read.
        Uploads and removals made by this process refresh it at once; another process's on the
        guild's next `library` call. Unknown ids go through `library` (UnknownPack)."""
        if pack_id in self.bundled:
            return self.bundled.get(pack_id)
        cached = self._libraries.get(guild_id)
        if cached is not None and any(row[0] == pack_id for row in cached[0][1]):
            return cached[1].get(pack_id)  # built on the first answer, then from memory
        return self.pack(guild_id, pack_id)

    def _known_packs(self, cached: tuple | None, rows: list[dict]) -> dict[str, object]:
        """Packs already in memory (or ready to build) for these rows: unchanged ones (same
        content hash) from the guild's previous library, so one upload does not reload the
        other 49 packs, and ones this process just uploaded."""
        before = {pack_id: digest for pack_id, _at, digest in cached[0][1]} if cached else {}
        known: dict[str, object] = {}
        for row in rows:
            pack_id, digest = row["pack_id"], row["content_hash"]
            fresh = self._fresh.pop(digest, None) if digest else None
            if fresh is not None and fresh.id == pack_id:
                known[pack_id] = fresh
            elif cached is not None and digest and before.get(pack_id) == digest:
                known[pack_id] = cached[1].entry(pack_id)
        return known

    def _build_guild_pack(self, guild_id: str, row: dict) -> Pack | None:
        """A lazily added guild pack, built on its first use (then out of the GC's sight)."""
        pack = self._guild_pack(guild_id, row)
        settle()
        return pack

    def _guild_pack(self, guild_id: str, row: dict) -> Pack | None:
        """The compiled form of one stored upload, compiling (once) what has none yet."""
        digest = row["content_hash"]
        text = self.store.compiled_pack(digest, compiled.COMPILER) if digest else None
        loaded = compiled.load(text) if text is not None else None
        if loaded is not None:
            if row.get("summary_json") is None:  # compiled before summaries were kept
                self.store.save_pack_summary(digest, compiled.COMPILER,
                                             compiled.summary_json(loaded[0]))
            return loaded[0]
        content = self.store.guild_pack_content(guild_id, row["pack_id"])
        if content is None:
            return None
        try:
            pack = load_pack_text(content, row["filename"])
        except PackError:  # validated when stored; a loader change must not break the guild
            return None
        self.store.save_compiled_pack(compiled.content_hash(content), compiled.COMPILER,
                                      compiled.to_json(pack), time.time(),
                                      compiled.summary_json(pack))
        return pack

    def index(self, guild_id: str) -> KnowledgeIndex:
        """The `ask` index over exactly the packs this guild sees."""
        from bot.core.ask.index import KnowledgeIndex

        with paused_collection():
            packs = self.library(guild_id).all()
        key = tuple(id(p) for p in packs)  # guilds with the same packs share one index
        if key in self._indexes:
            self._indexes.move_to_end(key)
        else:
            with paused_collection():
                self._indexes[key] = KnowledgeIndex(packs)
            while len(self._indexes) > INDEX_CACHE_SIZE:
                self._indexes.popitem(last=False)
            settle()
        return self._indexes[key]

    def save_upload(self, guild_id: str, pack_id: str, filename: str, content: str,
                    user_id: str, now: float, note: str = "",
                    pack: Pack | None = None, pack_json: str | None = None) -> int:
        """Store a validated upload (from parse_upload) as the guild's pack `pack_id`, with its
        compiled form (`pack_json`, when the caller compiled it already); every save is a new
        version (returned), earlier ones stay stored. The guild's next lookup sees it."""
        if pack is None:
            pack = load_pack_text(content, filename)
        digest = compiled.content_hash(content)
        pack_json = pack_json or compiled.to_json(pack)
        version = self.store.save_guild_pack(guild_id, pack_id, filename, content, user_id, now,
                                             note, digest, (compiled.COMPILER, pack_json,
                                                            compiled.summary_json(pack)))
        if len(self._fresh) >= FRESH_KEPT:  # uploads whose guild never looked again
            self._fresh.clear()
        self._fresh[digest] = pack
        self._retire(guild_id)
        return version

    def delete_upload(self, guild_id: str, pack_id: str) -> bool:
        """Remove the guild's own pack; False when the guild has no such pack."""
        removed = self.store.delete_guild_pack(guild_id, pack_id)
        self._retire(guild_id)
        return removed

    def _retire(self, guild_id: str) -> None:
        """The guild's packs changed here: its next lookup reads the database again (so
        cached_pack sees the change at once), reusing the packs that did not change."""
        cached = self._libraries.pop(guild_id, None)
        if cached is not None:
            self._retired[guild_id] = cached

    def parse_upload(self, guild_id: str, data: bytes | str, filename: str) -> tuple[Pack, str]:
        """parse_upload_full's pack and YAML text (for callers that need no notes)."""
        checked = self.parse_upload_full(guild_id, data, filename)
        return checked.pack, checked.content

    def parse_upload_full(self, guild_id: str, data: bytes | str, filename: str, *,
                          skip_unsupported: bool = False, compile_: bool = False) -> UploadRead:
        """Validate an upload fully before anything is stored: a bad pack never replaces a good one.

        Returns the pack, the YAML text to store, the format and the import's notes (and, with
        `compile_`, its compiled JSON). Raises PackError with every problem, or InvalidInput for
        size and id clashes. Reading and checking run as a heavy job (bot.core.service.heavy).
        """
        size = len(data.encode() if isinstance(data, str) else data)
        if size > MAX_PACK_BYTES:
            raise InvalidInput(say("upload.too_big", file=filename, size=size,
                                   limit=MAX_PACK_BYTES))
        checked = self.heavy.run(read_upload_full, data, filename,
                                 skip_unsupported=skip_unsupported, compile_=compile_)
        pack = checked.pack
        if pack.id in self.bundled:
            raise InvalidInput(say("upload.bundled_id", file=filename, pack=pack.id))
        installed = {r["pack_id"] for r in self.store.guild_pack_rows(guild_id)}
        if pack.id not in installed and len(installed) >= MAX_GUILD_PACKS:
            raise InvalidInput(say("upload.too_many_packs", limit=MAX_GUILD_PACKS))
        kept = sum(p.questions for p in self.list_packs(guild_id)
                   if p.id in installed and p.id != pack.id)
        if kept + len(pack.questions) > MAX_GUILD_QUESTIONS:
            raise InvalidInput(say("upload.too_many_questions", file=filename,
                                   count=kept + len(pack.questions), limit=MAX_GUILD_QUESTIONS))
        return checked


@dataclass(frozen=True)
class UploadRead:
    pack: Pack
    content: str  # our YAML, as it will be stored
    format_name: str
    notes: tuple[str, ...] = ()  # "warning: …" / "skipped: …" lines from an import
    pack_json: str | None = None  # compiled form (bot.core.packs.compiled), when asked for


def read_upload(data: bytes | str, filename: str) -> tuple[Pack, str]:
    checked = read_upload_full(data, filename)
    return checked.pack, checked.content


def read_upload_full(data: bytes | str, filename: str, *, skip_unsupported: bool = False,
                     compile_: bool = False) -> UploadRead:
    """Our YAML as is; any other format (detected) converted to our YAML; with `compile_`, its
    compiled JSON too (so a heavy-job worker does that work as well).

    Storing our YAML (not the original) means a later loader sees one format only. An upload
    has no folder beside it, so it may show pictures by URL only (question_media.py).
    """
    checked = _read_upload(data, filename, skip_unsupported)
    if not compile_:
        return checked
    return dataclasses.replace(checked, pack_json=compiled.to_json(checked.pack))


def _read_upload(data: bytes | str, filename: str, skip_unsupported: bool) -> UploadRead:
    from bot.core.packs.dump import dump_pack
    from bot.core.packs.formats import import_file

    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    if PurePath(filename).suffix.lower() in (".yaml", ".yml") and OUR_PACK.search(text):
        pack = load_pack_text(data, filename, files_allowed=False)
        return UploadRead(pack, data.decode("utf-8") if isinstance(data, bytes) else data,
                          "quizbot YAML")
    result = import_file(data, filename, skip_unsupported=skip_unsupported)
    notes = tuple(f"skipped: {line}" for line in result.skipped) + tuple(
        f"warning: {line}" for line in result.warnings)
    return UploadRead(result.pack, dump_pack(result.pack), result.format_name, notes)
