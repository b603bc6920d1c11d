"""YAML pack files → validated `Pack` objects, with every problem as `FILE:LINE: message`.

The format is documented key by key in questions/README.md. Pack authors are instructors, not
programmers, so the loader's job is as much to explain as to refuse: it collects every problem in
a file (not just the first), points each one at the line of the offending key, and suggests the
fix (did-you-mean for typos, quotes for YAML's silent conversions).

Loading never raises anything but PackError, whatever the bytes: packs arrive as uploads too.

Layers: pack_yaml.py turns bytes into a node graph and reads typed values from nodes;
pack_items.py checks questions and explainers; this module checks the file and pack-level keys
and is the public API.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from yaml.nodes import MappingNode, Node, SequenceNode

from bot.core.errors import PackError
from bot.core.models import Explainer, Pack, Question, Source
from bot.core.packs.compose import compose
from bot.core.packs.extras import read_article, read_glossary
from bot.core.packs.faithful_keys import read_time_limit
from bot.core.packs.items import ItemContext, check_id, read_explainer, read_question
from bot.core.packs.limits import decode
from bot.core.packs.nodes import (
    MAX_NODE_VISITS,
    NodeReader,
    Problems,
    TooComplex,
    describe,
    line_of,
)
from bot.core.text.normalize import normalize

__all__ = ["PackCheck", "check_paths", "load_pack", "load_pack_text", "parse_pack",
           "validate_paths"]

PACK_KEYS = ("id", "title", "description", "source", "topics", "places", "questions",
             "explainers", "glossary", "time_limit", "language")
# A BCP 47 language tag as people write them: "en", "es", "pt-BR", "zh-Hant".
LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
PACK_REQUIRED = ("id", "title", "description", "source", "questions")
SOURCE_KEYS = ("title", "author", "outlet", "date", "url", "text")
SOURCE_REQUIRED = ("title", "author", "outlet", "date")


@dataclass(frozen=True)
class PackCheck:
    """The outcome of checking one file: `pack` is set exactly when `problems` is empty.

    `id_line` is where the pack's id was written, so a caller that finds the same pack id in two
    files (the CLI, the library) can point at it too.
    """

    path: str
    pack: Pack | None
    problems: tuple[str, ...]
    id_line: int = 1


def load_pack(path: Path) -> Pack:
    """Load and validate one pack file; PackError lists every problem found."""
    check = check_paths([path])[0]
    if check.pack is None:
        raise PackError(list(check.problems))
    return check.pack


def load_pack_text(data: bytes | str, filename: str, *, files_allowed: bool = True) -> Pack:
    """load_pack for content already in memory (uploads, tests); `filename` labels the errors.
    `files_allowed=False` (a new upload) refuses pictures named as files: nothing stores them."""
    check = parse_pack(data, filename, files_allowed=files_allowed)
    if check.pack is None:
        raise PackError(list(check.problems))
    return check.pack


def validate_paths(paths: Sequence[Path]) -> list[str]:
    """Every problem in these files as `FILE:LINE: message` lines; [] when all are good."""
    return [problem for check in check_paths(paths) for problem in check.problems]


def check_paths(paths: Sequence[Path]) -> list[PackCheck]:
    """Check files one by one, then across them: two files may not declare the same pack id."""
    checks: list[PackCheck] = []
    owners: dict[str, PackCheck] = {}
    for path in paths:
        check = _check_file(Path(path))
        if check.pack is not None:
            first = owners.get(check.pack.id)
            if first is not None:
                message = (f"{check.path}:{check.id_line}: pack id '{check.pack.id}' is already "
                           f"used by {first.path} (line {first.id_line})")
                check = PackCheck(check.path, None, (message,), check.id_line)
            else:
                owners[check.pack.id] = check
        checks.append(check)
    return checks


def _check_file(path: Path) -> PackCheck:
    name = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return PackCheck(name, None, (f"{name}: no such file",))
    except IsADirectoryError:
        return PackCheck(name, None, (f"{name}: is a directory, not a pack file",))
    except OSError as err:
        return PackCheck(name, None, (f"{name}: cannot read ({err.strerror or err})",))
    check = parse_pack(data, name, base=path.parent)
    if check.pack is None:
        return check
    return PackCheck(name, _with_path(check.pack, name), (), check.id_line)


def _with_path(pack: Pack, path: str) -> Pack:
    return replace(pack, path=path)


INTERNAL_ERROR = "quizbot could not check this file"


def parse_pack(data: bytes | str, filename: str, base: Path | None = None, *,
               files_allowed: bool = True) -> PackCheck:
    """Check content in memory. Never raises: every failure is a problem line in the result.
    `base` is the folder of a pack read from disk, where `source: text:` may name a file and
    question pictures are checked; content from elsewhere (an upload) must carry its article
    text inline, and with `files_allowed=False` may name pictures by URL only.

    The checks below are meant to handle any bytes. If one still fails (a bug), the file is
    refused with one line naming the error, so one odd file can never stop the bot or hide the
    other packs; the fuzz test (tests/core/packs/test_packs_fuzz.py) asserts it never happens.
    """
    try:
        return _parse_pack(data, filename, base, files_allowed)
    except RecursionError:
        return PackCheck(filename, None, (f"{filename}:1: not valid YAML for a pack: nested far "
                                          f"too deeply",))
    except Exception as err:  # noqa: BLE001 - the last line of defence described above
        return PackCheck(filename, None, (f"{filename}:1: {INTERNAL_ERROR} "
                                          f"({type(err).__name__}); please report it",))


def _parse_pack(data: bytes | str, filename: str, base: Path | None,
                files_allowed: bool = True) -> PackCheck:
    problems = Problems(filename)
    reader = NodeReader(problems)
    pack: Pack | None = None
    id_line = 1
    text = decode(data, problems)
    root = compose(text, problems) if text is not None else None
    if root is not None:
        try:
            pack, id_line = _read_pack(reader, root, base, files_allowed)
        except TooComplex:
            problems.add(1, f"pack is too complex to check: over {MAX_NODE_VISITS:,} YAML values "
                            f"once aliases (*name) are expanded")
    if problems:
        return PackCheck(filename, None, tuple(problems.lines()), id_line)
    return PackCheck(filename, pack, (), id_line)


def _read_pack(reader: NodeReader, root: Node, base: Path | None = None,
               files_allowed: bool = True) -> tuple[Pack | None, int]:
    """Check the top-level mapping, then its items; the Pack (if all is well) and the id's line."""
    if not isinstance(root, MappingNode):
        reader.problems.add(line_of(root), f"the top level of a pack should be a mapping with id, "
                                           f"title, description, source and questions, not "
                                           f"{describe(root)}")
        return None, 1
    pairs = reader.mapping(root, "the pack")
    if pairs is None:
        return None, 1
    reader.check_keys(pairs, root, "the pack", PACK_KEYS, PACK_REQUIRED)

    def text(name: str) -> str | None:
        if name not in pairs:
            return None
        key, node = pairs[name]
        return reader.text(node, name, line_of(key))

    topics = _topics(reader, pairs)
    places = _places(reader, pairs)
    ctx = ItemContext(reader, topics=None if topics is None else frozenset(topics),
                      folder=base, files_allowed=files_allowed)
    pack_id = text("id")
    id_line = line_of(pairs["id"][0]) if "id" in pairs else 1
    if pack_id is not None and not check_id(ctx, pack_id, "pack id", id_line):
        pack_id = None
    title, description = text("title"), text("description")
    language = text("language")
    if language is not None and not LANGUAGE_TAG.fullmatch(language):
        reader.problems.add(line_of(pairs["language"][0]), "language should be a language code "
                            f"such as en, es or pt-BR, not '{language[:20]}'")
    source = _source(reader, pairs, base)
    glossary = read_glossary(reader, *pairs["glossary"]) if "glossary" in pairs else ()
    questions = _items(reader, pairs, "questions", lambda node, i: read_question(ctx, node, i))
    explainers = _items(reader, pairs, "explainers", lambda node, i: read_explainer(ctx, node, i))
    time_limit = read_time_limit(reader, pairs)
    if reader.problems or None in (pack_id, title, description, source):
        return None, id_line
    return Pack(
        id=pack_id, title=title, description=description, source=source,  # type: ignore[arg-type]
        topics=topics or (), places=places,
        questions=tuple(replace(q, places=places) for q in questions if isinstance(q, Question)),
        explainers=tuple(e for e in explainers if isinstance(e, Explainer)),
        glossary=glossary,
        time_limit=time_limit,
        language=language,
    ), id_line


def _topics(reader: NodeReader, pairs: dict[str, tuple[Node, Node]]) -> tuple[str, ...] | None:
    """The declared topics in their written order, or None when the pack does not list any."""
    if "topics" not in pairs:
        return None
    key, node = pairs["topics"]
    items = reader.texts(node, "topics", line_of(key))
    seen: dict[str, int] = {}
    for topic, item in items or ():
        if topic in seen:
            reader.problems.add(line_of(item), f"topic '{topic}' is listed twice (first on line "
                                               f"{seen[topic]})")
        seen.setdefault(topic, line_of(item))
    return tuple(seen)


def _places(reader: NodeReader, pairs: dict[str, tuple[Node, Node]]) -> tuple[str, ...]:
    """The pack's own place names: the judge accepts them after a comma like a country or a
    region of the gazetteer ("Tenochtitlan, Anahuac")."""
    if "places" not in pairs:
        return ()
    key, node = pairs["places"]
    items = reader.texts(node, "places", line_of(key))
    seen: dict[str, int] = {}
    for place, item in items or ():
        folded = normalize(place)  # how the judge compares it: "Anáhuac" is "anahuac"
        if not folded:
            reader.problems.add(line_of(item), f"place '{place}' has no letters or digits")
        elif folded in seen:
            reader.problems.add(line_of(item), f"place '{place}' is listed twice (first on line "
                                               f"{seen[folded]})")
        seen.setdefault(folded, line_of(item))
    return tuple(place for place, _ in items or ())


def _source(reader: NodeReader, pairs: dict[str, tuple[Node, Node]],
            base: Path | None) -> Source | None:
    """Where the material comes from: shown with every explanation, so all four are required."""
    if "source" not in pairs:
        return None
    key, node = pairs["source"]
    fields = reader.mapping(node, "source")
    if fields is None:
        return None
    reader.check_keys(fields, node, "source", SOURCE_KEYS, SOURCE_REQUIRED)
    values: dict[str, str | None] = {}
    article = read_article(reader, *fields["text"], base) if "text" in fields else None
    for name in SOURCE_KEYS[:-1]:
        if name in fields:
            field_key, value = fields[name]
            values[name] = reader.text(value, f"source {name}", line_of(field_key))
    url = values.get("url")
    if url is not None and not url.startswith(("http://", "https://")):
        reader.problems.add(line_of(fields["url"][0]), f"source url should start with http:// or "
                                                       f"https://, not '{url[:40]}'")
        return None
    if any(values.get(name) is None for name in SOURCE_REQUIRED):
        return None
    return Source(title=values["title"], author=values["author"],  # type: ignore[arg-type]
                  outlet=values["outlet"], date=values["date"], url=url,  # type: ignore[arg-type]
                  text=article)


def _items(reader: NodeReader, pairs: dict[str, tuple[Node, Node]], name: str,
           read_one: Callable[[Node, int], object]) -> list[object]:
    """Read each entry of the `questions` / `explainers` list with `read_one(node, index)`."""
    if name not in pairs:
        return []
    key, node = pairs[name]
    if not isinstance(node, SequenceNode):
        reader.problems.add(line_of(key), f"{name} should be a list of '- id: …' entries, not "
                                          f"{describe(node)}")
        return []
    reader.visit(node)
    if not node.value and name == "questions":
        reader.problems.add(line_of(key), "questions is an empty list: a pack needs at least one")
    return [read_one(item, index) for index, item in enumerate(node.value, start=1)]
