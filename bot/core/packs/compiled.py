"""A validated pack as JSON, so no command parses the same YAML twice.

Why: validating YAML with line numbers costs seconds per megabyte, and every command and every
bot start used to pay it again for every installed pack. A pack is now compiled once, when it is
installed or first seen, and stored keyed by the hash of its file content and of the code that
compiled it (COMPILER): editing a file, or upgrading quizbot's loader, compiles it again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import MISSING, asdict, fields, replace
from pathlib import Path
from typing import Any

from bot.core.models import Chart, Explainer, Pack, Question, QuestionType, Source

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
        raw = json.loads(text)  # once: decoding the JSON is a third of a start's pack time
        return _build(Pack, raw), int(raw.get("id_line", 1))
    except (ValueError, KeyError, TypeError):
        return None


def from_json(text: str, path: str | None = None) -> Pack:
    """The Pack `to_json` wrote (with `path` set when it came from a file).

    Generic over the dataclass fields, so a key a later loader adds (a tuple, a tuple of pairs,
    a number) comes back without an edit here; unknown keys (id_line) are left out."""
    raw: dict[str, Any] = json.loads(text)
    pack = _build(Pack, raw)
    return pack if path is None else replace(pack, path=path)


def _build(cls: type, raw: dict[str, Any]) -> Any:
    values: dict[str, Any] = {}
    for name, kind in _plan(cls):
        if name not in raw:
            continue
        value = raw[name]
        if kind == "flat":
            value = tuple(value)
        elif kind == "deep":
            value = _tuples(value)
        elif kind == "source":
            value = Source(**value)
        elif kind == "questions":
            value = tuple(_build(Question, q) for q in value)
        elif kind == "explainers":
            value = tuple(_build(Explainer, e) for e in value)
        elif kind == "type":
            value = QuestionType(value)
        elif kind == "chart" and value is not None:
            value = _build(Chart, value)
        values[name] = value
    return _make(cls, values)


_DEFAULTS: dict[type, tuple[tuple[str, Any, Any], ...]] = {}


def _make(cls: type, values: dict[str, Any]) -> Any:
    """`cls(**values)` for a frozen dataclass, without its generated __init__ (one
    object.__setattr__ per field: 40 % of decoding 15,000 questions at each start). Fields left
    out take their defaults as __init__ gives them; a class with __post_init__ goes through
    __init__, so a check added there still runs."""
    if hasattr(cls, "__post_init__"):
        return cls(**values)
    plan = _DEFAULTS.get(cls)
    if plan is None:
        plan = _DEFAULTS[cls] = tuple((f.name, f.default, f.default_factory)
                                      for f in fields(cls) if f.init)
    made = object.__new__(cls)
    state = made.__dict__
    for name, default, factory in plan:
        if name in values:
            state[name] = values[name]
        elif default is not MISSING:
            state[name] = default
        elif factory is not MISSING:
            state[name] = factory()
        else:
            raise TypeError(f"{cls.__name__} needs {name!r}")
    return made


_PLANS: dict[type, tuple[tuple[str, str], ...]] = {}


def _plan(cls: type) -> tuple[tuple[str, str], ...]:
    """How each field of `cls` comes back from JSON, worked out once per class from its
    annotations (15,000 questions are decoded at each start)."""
    plan = _PLANS.get(cls)
    if plan is None:
        special = {"source": "source", "questions": "questions", "explainers": "explainers",
                   "type": "type", "chart": "chart"}
        kinds = []
        for f in fields(cls):
            annotation = str(f.type)
            if f.name in special and (f.name != "source" or "Source" in annotation):
                kind = special[f.name]  # a chart's `source` is its source line, plain text
            elif annotation.startswith("tuple[tuple"):
                kind = "deep"
            elif annotation.startswith("tuple"):
                kind = "flat"
            else:
                kind = "plain"
            kinds.append((f.name, kind))
        plan = _PLANS[cls] = tuple(kinds)
    return plan


def _tuples(value: Any) -> Any:
    """JSON lists back to the tuples the frozen dataclasses hold, at every depth."""
    return tuple(_tuples(item) for item in value) if isinstance(value, list) else value
