"""The installed packs, loaded from a directory and reloadable without losing good packs.

Instructors edit pack files while the bot runs. A reload must therefore never make things worse:
a file that now fails to load leaves its previous good version in place (its problems are
returned so the instructor sees them), and a second file that claims an existing pack id is
refused rather than silently shadowing the first.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from bot.core.errors import UnknownPack
from bot.core.models import Pack
from bot.core.packs.compiled import content_hash
from bot.core.packs.loader import PackCheck, check_paths
from bot.core.packs.nodes import closest
from bot.core.packs.phrases import say
from bot.core.packs.question_media import shipped_pictures_ok

PREFERRED_DEFAULTS = ("cartel-strikes", "starter")


class CompiledPacks(Protocol):
    """Where validated packs are kept by content hash (the service backs it with SQLite)."""

    def get(self, key: str) -> tuple[Pack, int] | None: ...

    def put(self, key: str, pack: Pack, id_line: int) -> None: ...


class PackLibrary:
    """Packs by id. `load_directory` (re)reads every *.yaml in the directory; `add` is for tests
    and future uploads. With `compiled`, a file whose content was validated before is not parsed
    again."""

    def __init__(self, directory: Path | None = None, *,
                 compiled: CompiledPacks | None = None) -> None:
        self.directory = directory
        self.compiled = compiled
        self._packs: dict[str, Pack] = {}
        self._from_file: dict[str, str] = {}  # pack id → file it was last loaded from
        # Packs installed with add_lazy, not built yet: pack id → how to build it.
        self._lazy: dict[str, Callable[[], Pack | None]] = {}
        self._building = threading.Lock()  # worker threads may ask for one pack at once

    def load_directory(self) -> list[str]:
        """(Re)load every *.yaml file; return every problem as `FILE:LINE: message` lines.

        A file that fails keeps its pack's last good version in place. When two files declare
        the same pack id, the file that already provides it wins (else the first by name), so
        adding a file can never take a working pack away. Packs whose file was removed are
        dropped; packs installed with `add` stay unless a file now provides their id.
        """
        if self.directory is None:
            return []
        if not self.directory.is_dir():
            return [f"{self.directory}: no such directory"]
        checks = [self._check(path) for path in sorted(self.directory.glob("*.yaml"))]
        problems: dict[str, list[str]] = {check.path: list(check.problems) for check in checks}
        owners: dict[str, str] = {}  # pack id → file providing it after this reload
        packs: dict[str, Pack] = {}
        failed = {check.path for check in checks if check.pack is None}
        # An id stays with the file that provided it, even while that file is broken.
        for pack_id, path in self._from_file.items():
            if path in failed:
                owners[pack_id], packs[pack_id] = path, self._packs[pack_id]
                problems[path].append(f"{path}: not reloaded; still using the last good version "
                                      f"of pack '{pack_id}'")
        good = [(check, check.pack) for check in checks if check.pack is not None]
        # Files that already provide their id come first; the stable sort keeps name order.
        good.sort(key=lambda item: self._from_file.get(item[1].id) != item[0].path)
        for check, pack in good:
            if pack.id in owners:
                problems[check.path].append(
                    f"{check.path}:{check.id_line}: pack id '{pack.id}' is already used by "
                    f"{owners[pack.id]}; this file is not loaded")
                continue
            owners[pack.id], packs[pack.id] = check.path, pack
        for pack_id, pack in self._packs.items():
            if pack_id not in self._from_file and pack_id not in packs:
                packs[pack_id] = pack  # installed with add(), not from a file
        for pack_id in [pack_id for pack_id in self._lazy if pack_id in packs]:
            del self._lazy[pack_id]  # a file now provides it
        self._packs, self._from_file = packs, owners
        return [line for check in checks for line in problems[check.path]]

    def _check(self, path: Path) -> PackCheck:
        """One file's check, from its compiled form when its content was seen before."""
        if self.compiled is None:
            return check_paths([path])[0]
        try:
            # A pack may read its article from a .txt beside it: those files are part of its key.
            beside = b"".join(p.name.encode() + b"\0" + p.read_bytes()
                              for p in sorted(path.parent.glob("*.txt")))
            key = content_hash(path.read_bytes() + b"\0" + beside)
        except OSError:
            return check_paths([path])[0]  # reports the problem as a pack line
        hit = self.compiled.get(key)
        if hit is not None and shipped_pictures_ok(hit[0], path.parent):
            return PackCheck(str(path), replace(hit[0], path=str(path)), (), hit[1])
        check = check_paths([path])[0]
        if check.pack is not None:
            self.compiled.put(key, check.pack, check.id_line)
        return check

    def add(self, pack: Pack) -> None:
        """Install or replace a pack by id; it is not tied to a file, so reloads keep it."""
        self._packs[pack.id] = pack
        self._lazy.pop(pack.id, None)
        self._from_file.pop(pack.id, None)

    def add_lazy(self, pack_id: str, build: Callable[[], Pack | None]) -> None:
        """Install a pack that is built on first use (`get`, `all`), like `add` otherwise.

        Why: a guild's 15,000 stored questions took 0.4 s to decode at every start, though
        most commands use one pack or none (listings read stored summaries). `build` returning
        None (its stored form is gone) makes the pack unknown from then on."""
        self._packs.pop(pack_id, None)
        self._from_file.pop(pack_id, None)
        self._lazy[pack_id] = build

    def entry(self, pack_id: str) -> Pack | Callable[[], Pack | None] | None:
        """The pack if built, else how to build it (to hand to another library's add or
        add_lazy without building it), else None."""
        return self._packs.get(pack_id) or self._lazy.get(pack_id)

    def is_built(self, pack_id: str) -> bool:
        return pack_id in self._packs

    def _built(self, pack_id: str) -> Pack | None:
        pack = self._packs.get(pack_id)
        if pack is not None or pack_id not in self._lazy:
            return pack
        with self._building:
            pack = self._packs.get(pack_id)  # another thread may have built it meanwhile
            build = self._lazy.get(pack_id)
            if pack is None and build is not None:
                pack = build()
                if pack is not None:
                    self._packs[pack_id] = pack
                del self._lazy[pack_id]
            return pack

    def get(self, pack_id: str) -> Pack:
        """The pack with this id, or UnknownPack naming the installed ids (and the closest)."""
        pack = self._built(pack_id)
        if pack is not None:
            return pack
        if not len(self):
            raise UnknownPack(say("packs.unknown_none", pack=_shown(pack_id)))
        close, installed = closest(pack_id, self.ids()), ", ".join(self.ids())
        if close is None:
            raise UnknownPack(say("packs.unknown", pack=_shown(pack_id), installed=installed))
        raise UnknownPack(say("packs.unknown_close", pack=_shown(pack_id), close=close,
                              installed=installed))

    def all(self) -> list[Pack]:
        """Every installed pack, sorted by id so listings are stable (lazy ones built now)."""
        packs = [self._built(pack_id) for pack_id in self.ids()]
        return [pack for pack in packs if pack is not None]

    def ids(self) -> list[str]:
        return sorted(self._packs.keys() | self._lazy.keys())

    def default_id(self) -> str:
        """The pack a quiz uses when none is named: the course pack, else the starter, else any."""
        for pack_id in PREFERRED_DEFAULTS:
            if pack_id in self:
                return pack_id
        if not len(self):
            raise UnknownPack(say("packs.none_installed"))
        return self.ids()[0]

    def __len__(self) -> int:
        return len(self._packs) + len(self._lazy)

    def __contains__(self, pack_id: object) -> bool:
        return pack_id in self._packs or pack_id in self._lazy


def _shown(pack_id: str, limit: int = 60) -> str:
    """An id as an error message may quote it: a pasted essay is cut short."""
    return pack_id if len(pack_id) <= limit else pack_id[:limit] + "…"
