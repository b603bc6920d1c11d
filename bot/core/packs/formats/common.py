"""What every importer shares: reading bytes, collecting problems, ids, and the final check.

Each format module only knows its own syntax: it reads the text into `Found` questions (each with
the line it came from) and reports problems into a `Collector`. `finish` then builds the Pack and
runs it through our own loader (`dump_pack` → `parse_pack`), so an imported pack is exactly as
valid as a hand-written one: whatever our rules refuse (two equal choices, eleven choices, …) is
reported at the line of the question it came from, in the imported file's terms.

Problems come in two kinds. An *error* is a mistake in the file (a missing ANSWER, an unclosed
brace). *Unsupported* means a well-formed question our model cannot hold (GIFT matching, essay,
partial credit); the caller may choose to skip those, but never silently: each skip is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from bot.core.errors import PackError
from bot.core.models import Explainer, Pack, Question, Source
from bot.core.packs.dump import dump_pack
from bot.core.packs.items import ID_PATTERN, MAX_ID_LENGTH
from bot.core.packs.limits import MAX_MESSAGE, printable
from bot.core.packs.loader import parse_pack

MAX_IMPORT_BYTES = 1_000_000  # the loader's own limit: a bigger pack could not be installed
MAX_PROBLEMS = 200
NOT_STATED = "not stated"

_LOADER_LINE = re.compile(r"^[^\n]*?:\d+: ")
_LOADER_REF = re.compile(r" \((?:first (?:used )?on line|line) \d+\)")


@dataclass
class Collector:
    """Problems found in one file, as (line, message, unsupported)."""

    filename: str
    items: list[tuple[int, str, bool]] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)

    def warn(self, line: int, message: str) -> None:
        """Something the source said that the pack keeps only in part (named, never silent)."""
        self.warnings.append((line, message))

    def warning_lines(self) -> list[str]:
        return [f"{self.filename}:{line}: {message}"
                for line, message in sorted(self.warnings, key=lambda item: item[0])]

    def error(self, line: int, message: str) -> None:
        self._add(line, message, False)

    def unsupported(self, line: int, message: str) -> None:
        self._add(line, message, True)

    def _add(self, line: int, message: str, unsupported: bool) -> None:
        message = printable(message)  # messages quote the file: no escape reaches a terminal
        if len(message) > MAX_MESSAGE:
            message = message[:MAX_MESSAGE - 1] + "…"
        if len(self.items) < MAX_PROBLEMS:
            self.items.append((line, message, unsupported))
        elif len(self.items) == MAX_PROBLEMS:
            self.items.append((line, f"too many problems; stopped listing after {MAX_PROBLEMS}",
                               False))

    def lines(self, *, unsupported: bool | None = None) -> list[str]:
        """`FILE:LINE: message`, in file order; `unsupported` filters by kind when given."""
        chosen = [item for item in self.items if unsupported is None or item[2] == unsupported]
        return [f"{self.filename}:{line}: {message}"
                for line, message, _ in sorted(chosen, key=lambda item: item[0])]


@dataclass(frozen=True)
class Found:
    """One question read from the source file, with the line it starts on."""

    line: int
    question: Question


@dataclass(frozen=True)
class Meta:
    """Pack-level facts a format may carry (a Red list's AUTHOR and DESCRIPTION)."""

    title: str | None = None
    description: str | None = None
    author: str | None = None
    source_title: str | None = None
    time_limit: int | None = None
    date: str | None = None
    explainers: tuple[Explainer, ...] = ()


@dataclass(frozen=True)
class ImportResult:
    """The imported pack, the format's display name, and the questions skipped (as lines)."""

    pack: Pack
    format_name: str
    skipped: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()  # what the source held that the pack keeps only in part

    def summary(self) -> str:
        """The one-line report the CLI prints: 'imported 12 questions from GIFT; 1 skipped'."""
        count = len(self.pack.questions)
        text = f"imported {count} question{'s' if count != 1 else ''} from {self.format_name}"
        text += f"; {len(self.skipped)} skipped" if self.skipped else ""
        return text + (f"; {len(self.warnings)} warning{'s' if len(self.warnings) != 1 else ''}"
                       if self.warnings else "")


def decode_text(data: bytes | str, filename: str) -> str:
    """UTF-8 text with Unix newlines and no BOM; PackError for what cannot be read as text."""
    if len(data) > MAX_IMPORT_BYTES:
        raise PackError(f"{filename}:1: file is too large ({len(data):,} bytes; the limit is "
                        f"{MAX_IMPORT_BYTES:,})")
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            line = data.count(b"\n", 0, err.start) + 1
            raise PackError(f"{filename}:{line}: not UTF-8 text (byte 0x{data[err.start]:02x} at "
                            f"offset {err.start}); save the file as UTF-8") from None
    else:
        text = data
        lone = next((i for i, c in enumerate(text) if "\ud800" <= c <= "\udfff"), None)
        if lone is not None:  # text handed over in memory may hold what no UTF-8 file can
            raise PackError(f"{filename}:{text.count(chr(10), 0, lone) + 1}: not UTF-8 text: "
                            f"holds the lone surrogate {ascii(text[lone])[1:-1]}")
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def slug(text: str, *, fallback: str = "") -> str:
    """'Q1: Grant's tomb' → 'q1-grant-s-tomb'; at most 64 characters; `fallback` if nothing left."""
    words = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    words = words[:MAX_ID_LENGTH].rstrip("-")
    return words or fallback


class IdMaker:
    """Question ids: a slug of the given name (GIFT titles) or `qN`, made unique with -2, -3 …"""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, name: str | None, number: int) -> str:
        base = slug(name or "", fallback=f"q{number}")
        candidate, suffix = base, 2
        while candidate in self.used:
            tail = f"-{suffix}"
            candidate = base[:MAX_ID_LENGTH - len(tail)].rstrip("-") + tail
            suffix += 1
        self.used.add(candidate)
        return candidate


def no_explanation(format_name: str) -> str:
    return f"Imported from {format_name}; no explanation given."


def explanation(parts: list[str], format_name: str) -> str:
    """Feedback texts joined (each once), or the placeholder that asks for an explanation."""
    kept = list(dict.fromkeys(part.strip() for part in parts if part and part.strip()))
    return " ".join(kept) or no_explanation(format_name)


def check_pack_id(pack_id: str) -> str:
    """A pack id given by the user (--id) must already be valid: we do not silently change it."""
    if len(pack_id) > MAX_ID_LENGTH or not ID_PATTERN.fullmatch(pack_id):
        raise PackError(f"pack id '{pack_id}' is not valid: use lowercase letters, digits and "
                        f"single dashes (at most {MAX_ID_LENGTH}), e.g. "
                        f"'{slug(pack_id, fallback='my-pack')}'")
    return pack_id


def finish(log: Collector, found: list[Found], meta: Meta, *, format_name: str,
           pack_id: str | None, skip_unsupported: bool = False) -> ImportResult:
    """Build and verify the Pack, or raise PackError with every problem as FILE:LINE: message."""
    name = PurePath(log.filename).name or "imported"
    stem = PurePath(name).stem or name
    pack = Pack(
        id=check_pack_id(pack_id) if pack_id else slug(stem, fallback="imported"),
        title=meta.title or _title_from(stem),
        description=meta.description or f"Questions imported from the {format_name} file {name}.",
        source=Source(title=meta.source_title or f"{format_name} file {name}",
                      author=meta.author or NOT_STATED, outlet=NOT_STATED,
                      date=meta.date or NOT_STATED),
        questions=tuple(item.question for item in found),
        topics=tuple(dict.fromkeys(item.question.topic for item in found
                                   if item.question.topic)),
        time_limit=meta.time_limit,
        explainers=meta.explainers,
    )
    if found:
        pack = _verified(pack, found, log)
    errors = log.lines(unsupported=False if skip_unsupported else None)
    if not found and not errors:
        reason = ("no questions left once unsupported ones are skipped" if log.items
                  else f"no questions found: is this file really in {format_name} format?")
        errors = [f"{log.filename}:1: {reason}"]
    if errors:
        raise PackError(errors)
    skipped = tuple(log.lines(unsupported=True)) if skip_unsupported else ()
    return ImportResult(pack, format_name, skipped, tuple(log.warning_lines()))


def _title_from(stem: str) -> str:
    """'US-history_quiz' → 'US history quiz': only the first letter is raised (capitalize()
    would lower the rest and turn 'US' into 'Us')."""
    words = " ".join(stem.replace("_", " ").replace("-", " ").split()) or "Imported questions"
    return words[0].upper() + words[1:]


def _verified(pack: Pack, found: list[Found], log: Collector) -> Pack:
    """The pack as our loader reads it back; its complaints are mapped to the source lines.

    One parse of the whole pack is the fast path. Only when it fails is each question checked on
    its own, so every complaint can point at the question's line in the imported file.
    """
    check = parse_pack(dump_pack(pack), "import")
    if check.pack is not None:
        return check.pack
    before = len(log.items)
    for item in found:
        single = parse_pack(dump_pack(replace(pack, questions=(item.question,))), "import")
        for problem in single.problems:
            log.error(item.line, _loader_message(problem))
    if len(log.items) == before:  # a pack-level problem (title, source): not the file's fault
        for problem in check.problems:
            log.error(1, _loader_message(problem))
    return pack


def _loader_message(problem: str) -> str:
    """Drop the loader's 'import:LINE: ' and its line references: they name the generated YAML."""
    return _LOADER_REF.sub("", _LOADER_LINE.sub("", problem, count=1))
