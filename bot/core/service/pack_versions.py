"""One guild pack's stored versions as staff see them (`/pack history`, `quizbot pack history`)
and the checks before an older version is made current again (`/pack restore`).

Versions are append-only (table guild_pack_versions): restoring version 2 of five stores its
content as version 6, so nothing is dropped and the history still says what happened.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml

from bot.core.errors import InvalidInput
from bot.core.packs import compiled

if TYPE_CHECKING:
    from bot.store.db import Store

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # counting only: the fast reader


@dataclass(frozen=True)
class PackVersion:
    version: int
    filename: str
    uploaded_by: str  # a Discord user id, or "local:NAME" for the terminal
    uploaded_at: float
    note: str
    questions: int | None  # None when the stored YAML cannot be read any more
    current: bool  # the version learners play now

    @property
    def when(self) -> str:
        return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(self.uploaded_at))


def question_count(store: Store, content: str) -> int | None:
    """How many questions a stored version holds: from its compiled form when this quizbot
    compiled it, else by reading the YAML (it was validated when stored)."""
    text = store.compiled_pack(compiled.content_hash(content), compiled.COMPILER)
    try:
        if text is not None:
            return len(json.loads(text)["questions"])
        data = yaml.load(content, Loader=_Loader)  # noqa: S506 - a safe loader
        return len(data["questions"])
    except (ValueError, KeyError, TypeError, yaml.YAMLError):
        return None


def version_list(store: Store, guild_id: str, pack_id: str, installed: bool) -> list[PackVersion]:
    """Every stored version, oldest first; the latest is current while the pack is installed.

    Raises InvalidInput when the guild never uploaded a pack with this id."""
    rows = store.pack_version_rows(guild_id, pack_id)
    if not rows:
        raise InvalidInput(f"'{pack_id}' has no uploaded versions on this server (bundled "
                           f"packs and packs never uploaded here have none).")
    latest = rows[-1]["version"]
    return [PackVersion(row["version"], row["filename"], row["uploaded_by"],
                        float(row["uploaded_at"]), row["note"] or "",
                        question_count(store, row["content"]),
                        installed and row["version"] == latest) for row in rows]


def version_row(store: Store, guild_id: str, pack_id: str, version: int,
                installed: bool) -> dict[str, Any]:
    """The stored row of `version`, checked restorable: it exists and is not already current."""
    rows = store.pack_version_rows(guild_id, pack_id)
    if not rows:
        raise InvalidInput(f"'{pack_id}' has no uploaded versions on this server.")
    found = next((row for row in rows if row["version"] == version), None)
    if found is None:
        raise InvalidInput(f"'{pack_id}' has no version {version}; its versions are 1 to "
                           f"{rows[-1]['version']} (see /pack history).")
    if installed and version == rows[-1]["version"]:
        raise InvalidInput(f"Version {version} of '{pack_id}' is already the current one.")
    return found
