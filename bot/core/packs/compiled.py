"""A validated pack as JSON, so no command parses the same YAML twice.

Why: validating YAML with line numbers costs seconds per megabyte, and every command and every
bot start used to pay it again for every installed pack. A pack is now compiled once, when it is
installed or first seen, and stored keyed by the hash of its file content and of the code that
compiled it (COMPILER): editing a file, or upgrading quizbot's loader, compiles it again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from bot.core.models import Explainer, Pack, Question, QuestionType, Source

_PACKS_DIR = Path(__file__).resolve().parent


def _compiler_version() -> str:
    """A digest of the pack-reading code: a loader change (new keys, new checks) recompiles."""
    digest = hashlib.sha256()
    sources = sorted(_PACKS_DIR.rglob("*.py")) + [_PACKS_DIR.parent / "models.py"]
    for path in sources:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


COMPILER = _compiler_version()


def content_hash(data: bytes | str) -> str:
    """The key of one file's content."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()


def to_json(pack: Pack, id_line: int = 1) -> str:
    """`id_line` (where the file wrote the id) lets duplicate-id messages point at it."""
    raw = asdict(pack)
    raw["id_line"] = id_line
    return json.dumps(raw, ensure_ascii=False, separators=(",", ":"))


def load(text: str) -> tuple[Pack, int] | None:
    """(pack, id_line) from `to_json`, or None for a form this code cannot read (recompile)."""
    try:
        raw = json.loads(text)
        return from_json(text), int(raw.get("id_line", 1))
    except (ValueError, KeyError, TypeError):
        return None


def from_json(text: str, path: str | None = None) -> Pack:
    """The Pack `to_json` wrote (with `path` set when it came from a file)."""
    raw: dict[str, Any] = json.loads(text)
    return Pack(
        id=raw["id"], title=raw["title"], description=raw["description"],
        source=Source(**raw["source"]), topics=tuple(raw["topics"]),
        questions=tuple(_question(q) for q in raw["questions"]),
        explainers=tuple(_explainer(e) for e in raw["explainers"]),
        path=path if path is not None else raw.get("path"),
    )


def _tuple_fields(cls: type) -> tuple[str, ...]:
    """Fields JSON turns into lists, read from the annotations so a new field needs no edit."""
    return tuple(f.name for f in fields(cls) if str(f.type).startswith("tuple"))


_QUESTION_TUPLES = _tuple_fields(Question)
_EXPLAINER_TUPLES = _tuple_fields(Explainer)


def _question(raw: dict[str, Any]) -> Question:
    for name in _QUESTION_TUPLES:
        if name in raw:
            raw[name] = tuple(raw[name])
    raw["type"] = QuestionType(raw["type"])
    return Question(**raw)


def _explainer(raw: dict[str, Any]) -> Explainer:
    for name in _EXPLAINER_TUPLES:
        if name in raw:
            raw[name] = tuple(raw[name])
    return Explainer(**raw)
