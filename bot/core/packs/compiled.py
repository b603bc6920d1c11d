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


def summary_json(pack: Pack) -> str:
    """What a listing shows of a pack, stored beside its compiled JSON: reading it back is one
    small decode, where the pack itself is 15,000 questions to build (0.4 s at each start)."""
    return json.dumps({"id": pack.id, "title": pack.title, "description": pack.description,
                       "questions": len(pack.questions), "explainers": len(pack.explainers),
                       "topics": list(pack.topics)}, ensure_ascii=False, separators=(",", ":"))


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
    """`cls(**fields from raw)` for a frozen dataclass, in one pass and without its generated
    __init__ (one object.__setattr__ per field was 40 % of decoding 15,000 questions at each
    start). Fields left out take their defaults as __init__ gives them; a class with
    __post_init__ goes through __init__, so a check added there still runs."""
    steps = _steps(cls)
    if hasattr(cls, "__post_init__"):
        return cls(**{name: raw[name] if convert is None else convert(raw[name])
                      for name, convert, _default, _factory in steps if name in raw})
    made = object.__new__(cls)
    state = made.__dict__
    for name, convert, default, factory in steps:
        if name in raw:
            state[name] = raw[name] if convert is None else convert(raw[name])
        elif default is not MISSING:
            state[name] = default
        elif factory is not MISSING:
            state[name] = factory()
        else:
            raise TypeError(f"{cls.__name__} needs {name!r}")
    return made


Step = tuple[str, Any, Any, Any]  # field name, converter (None: as is), default, factory
_STEPS: dict[type, tuple[Step, ...]] = {}


def _steps(cls: type) -> tuple[Step, ...]:
    """How each field of `cls` comes back from JSON, worked out once per class from its
    annotations (15,000 questions are decoded at each start)."""
    steps = _STEPS.get(cls)
    if steps is None:
        special = {"source": lambda v: Source(**v),
                   "questions": lambda v: tuple(_build(Question, q) for q in v),
                   "explainers": lambda v: tuple(_build(Explainer, e) for e in v),
                   "type": QuestionType,
                   "chart": lambda v: None if v is None else _build(Chart, v)}
        found = []
        for f in fields(cls):
            if not f.init:
                continue
            annotation = str(f.type)
            if f.name in special and (f.name != "source" or "Source" in annotation):
                convert = special[f.name]  # a chart's `source` is its source line, plain text
            elif annotation.startswith("tuple[tuple"):
                convert = _tuples
            elif annotation.startswith("tuple"):
                convert = tuple
            else:
                convert = None
            found.append((f.name, convert, f.default, f.default_factory))
        steps = _STEPS[cls] = tuple(found)
    return steps


def _tuples(value: Any) -> Any:
    """JSON lists back to the tuples the frozen dataclasses hold, at every depth."""
    return tuple(_tuples(item) for item in value) if isinstance(value, list) else value
