"""Reading pack YAML as a node graph that keeps line numbers, and typed reads from its nodes.

Why nodes and not `yaml.safe_load`: the plain objects it returns have lost their line numbers
(so errors could not say `FILE:LINE:`), duplicate keys have already overwritten each other, and
an unquoted `no` has already become False. Composing with the SafeLoader keeps every scalar's
original text, its quoting style and the tag YAML resolved for it, so the checks below can tell
"the author wrote the text no" from "the author meant false".

Everything here reports into a `Problems` collector instead of raising, so one pass finds every
mistake in a file. The only exception used for control flow is `TooComplex`, raised when alias
expansion would make the walk unbounded (a "billion laughs" file).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from difflib import get_close_matches

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bot.core.packs.limits import (
    MAX_MESSAGE,
    MAX_NUMBER,
    clip,
    join_surrogates,
    number_text,
    printable,
)

# Upper bound on nodes the checks may visit: aliases let a small file reference one big list
# thousands of times, and each reference is walked again.
MAX_NODE_VISITS = 1_000_000
# A file with thousands of mistakes is not worth listing in full: the first ones are the fix.
MAX_PROBLEMS = 500

_TAG = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = (_TAG + t for t in ("str", "int", "float", "bool", "null"))
TIMESTAMP, MERGE = _TAG + "timestamp", _TAG + "merge"

# YAML 1.2 (ruamel, most non-Python tools) reads these plain scalars as numbers although
# PyYAML's YAML 1.1 resolver keeps some of them (1e3, 08, 0o17) as text. A pack must mean
# the same thing to every reader, so text slots reject them unquoted too.
_YAML12_NUMBER = re.compile(
    r"0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
)
_YAML11_SHORT_BOOLS = {"y": "true", "Y": "true", "n": "false", "N": "false"}
_CONSTRUCTOR = SafeConstructor()


class TooComplex(Exception):
    """The walk hit MAX_NODE_VISITS: stop checking instead of spending unbounded time."""


@dataclass
class Problems:
    """Every problem found in one file, as (line, message); rendered `FILE:LINE: message`."""

    filename: str
    items: list[tuple[int, str]] = field(default_factory=list)
    total: int = 0  # counts the ones past MAX_PROBLEMS too, so "did this add any?" stays true

    def add(self, line: int, message: str) -> None:
        self.total += 1
        message = printable(message)
        if len(message) > MAX_MESSAGE:
            message = message[:MAX_MESSAGE - 1] + "…"
        if len(self.items) < MAX_PROBLEMS:
            self.items.append((line, message))
        elif len(self.items) == MAX_PROBLEMS:
            self.items.append((line, f"too many problems; stopped listing after {MAX_PROBLEMS}"))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return self.total

    def lines(self) -> list[str]:
        """Sorted by line (stable), so the output reads top to bottom like the file."""
        ordered = sorted(self.items, key=lambda item: item[0])
        return [f"{self.filename}:{line}: {message}" for line, message in ordered]


def line_of(node: Node) -> int:
    """1-based line where a node starts (PyYAML marks are 0-based)."""
    return node.start_mark.line + 1


def did_you_mean(word: str, options: list[str] | tuple[str, ...] | set[str]) -> str:
    """'; did you mean 'x'?' for the closest option (case-insensitive), or '' if none is close."""
    close = closest(word, options)
    return f"; did you mean '{close}'?" if close is not None else ""


def closest(word: str, options: list[str] | tuple[str, ...] | set[str]) -> str | None:
    """The option closest to `word` (case-insensitive), or None if none is close."""
    by_lower = {option.lower(): option for option in sorted(options)}
    close = get_close_matches(word.lower(), list(by_lower), n=1, cutoff=0.6)
    return by_lower[close[0]] if close else None


# ---------------------------------------------------------------- typed reads from nodes


def describe(node: Node) -> str:
    """How YAML read a node, for messages: 'a list', 'the number 750', 'the boolean false'."""
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, MappingNode):
        return "a mapping"
    if node.tag == NULL:
        return "nothing"
    if node.tag == BOOL:
        value = _bool_value(node)
        return f"'{clip(node.value)}'" if value is None else f"the boolean {str(value).lower()}"
    if node.tag in (INT, FLOAT):
        value = _number_value(node)
        if value is not None:
            return f"the number {number_text(value)}"
        digits = node.value.lstrip("+-").replace("_", "")
        if node.tag == INT and digits.isdigit():  # int() refuses over 4,300 digits
            return f"a {len(digits):,}-digit number"
        return f"'{clip(node.value)}'"
    return f"the text '{clip(node.value)}'"


def short_tag(tag: str) -> str:
    """'tag:yaml.org,2002:binary' → '!!binary', as the author wrote it."""
    return "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag


def _bool_value(node: ScalarNode) -> bool | None:
    try:
        return bool(_CONSTRUCTOR.construct_yaml_bool(node))
    except (KeyError, ValueError, TypeError, yaml.YAMLError):
        return None


def _number_value(node: ScalarNode) -> int | float | None:
    """The number YAML would build, or None when an explicit tag names an unreadable value."""
    is_int = node.tag == INT
    build = _CONSTRUCTOR.construct_yaml_int if is_int else _CONSTRUCTOR.construct_yaml_float
    try:
        return build(node)
    except (ValueError, TypeError, IndexError, OverflowError, yaml.YAMLError):
        return None


def _misread_text(node: ScalarNode) -> str | None:
    """If a YAML reader would not keep this plain scalar as the text written, say what it makes."""
    value = node.value
    if node.tag == BOOL:
        return describe(node)
    if node.tag in (INT, FLOAT):
        number = _number_value(node)
        same = number is not None and number_text(number) == value
        return None if same else describe(node)
    if node.tag == STR and node.style is None:
        if value in _YAML11_SHORT_BOOLS:
            return f"the boolean {_YAML11_SHORT_BOOLS[value]} (in YAML 1.1)"
        number = _yaml12_number(value)
        if number is not None:
            return f"the number {number:g} (in YAML 1.2)"
    return None


def _yaml12_number(value: str) -> float | None:
    """The number a YAML 1.2 core-schema reader makes of a plain scalar, or None for text."""
    if len(value) > 400 or not _YAML12_NUMBER.fullmatch(value):
        return None  # 400: a longer run of digits is no number anyone means (and int() refuses)
    if value.startswith(("0o", "0x")):
        whole = int(value, 0)
        return float(whole) if whole.bit_length() <= 1000 else math.inf
    return float(value)


@dataclass
class NodeReader:
    """Typed, error-collecting reads from composed nodes, with a bound on total work."""

    problems: Problems
    visits: int = 0

    def visit(self, node: Node) -> None:
        self.visits += 1
        if self.visits > MAX_NODE_VISITS:
            raise TooComplex

    def mapping(self, node: Node, what: str) -> dict[str, tuple[Node, Node]] | None:
        """Key text → (key node, value node); duplicate keys and `<<` merges are resolved here."""
        self.visit(node)
        if not isinstance(node, MappingNode):
            self.problems.add(line_of(node), f"{what} should be a mapping (key: value lines), "
                                             f"not {describe(node)}")
            return None
        found: dict[str, tuple[Node, Node]] = {}
        merged: dict[str, tuple[Node, Node]] = {}
        for key, value in node.value:
            self.visit(key)
            if key.tag == MERGE:
                self._merge(value, merged, what)
                continue
            if not isinstance(key, ScalarNode) or key.tag == NULL:
                self.problems.add(line_of(key), f"{what} has a key that is not text: "
                                                f"{describe(key)}")
                continue
            if key.value in found:
                first = line_of(found[key.value][0])
                self.problems.add(line_of(key), f"duplicate key '{key.value}' in {what} (first on "
                                                f"line {first}); YAML would keep only this one")
                continue
            found[key.value] = (key, value)
        return {**merged, **found}

    def _merge(self, value: Node, into: dict[str, tuple[Node, Node]], what: str) -> None:
        sources = value.value if isinstance(value, SequenceNode) else [value]
        for source in sources:
            pairs = self.mapping(source, f"the '<<' merge in {what}")
            for name, pair in (pairs or {}).items():
                into.setdefault(name, pair)

    def check_keys(
        self,
        pairs: dict[str, tuple[Node, Node]],
        node: Node,
        what: str,
        allowed: tuple[str, ...],
        required: tuple[str, ...],
    ) -> None:
        """Unknown keys (with a did-you-mean) at their own line; missing ones at the mapping."""
        for name, (key, _value) in pairs.items():
            if name not in allowed:
                hint = did_you_mean(name, allowed) or f"; expected one of: {', '.join(allowed)}"
                self.problems.add(line_of(key), f"unknown key '{name}' in {what}{hint}")
        for name in required:
            if name not in pairs:
                self.problems.add(line_of(node), f"{what} lacks the required key '{name}'")

    def text(self, node: Node, what: str, line: int | None = None) -> str | None:
        """Stripped, non-empty text; reports lists, nulls and YAML's silent conversions."""
        self.visit(node)
        at = line if line is not None else line_of(node)
        if not isinstance(node, ScalarNode):
            self.problems.add(at, f"{what} should be text, not {describe(node)}")
            return None
        if node.tag == NULL and node.style is None:
            self.problems.add(at, f"{what} is empty")
            return None
        if node.tag not in (STR, INT, FLOAT, BOOL, TIMESTAMP) or describe(node).startswith("'"):
            self.problems.add(at, f"{what} uses the YAML tag {short_tag(node.tag)}, which does not "
                                  f"fit here; write plain text")
            return None
        misread = _misread_text(node) if node.style is None or node.tag != STR else None
        if misread:
            self.problems.add(at, f"{what}: YAML reads {clip(node.value)} as {misread}; "
                                  f"write it in quotes: '{clip(node.value)}'")
            return None
        value = node.value.strip()
        if not value:
            self.problems.add(at, f"{what} is empty")
            return None
        return self._whole_characters(value, what, at)

    def _whole_characters(self, value: str, what: str, at: int) -> str | None:
        joined, lone = join_surrogates(value)
        if lone is not None:
            self.problems.add(at, f"{what} holds half of a character (the surrogate {lone}), "
                                  f"which UTF-8 cannot store; write the character itself, or "
                                  f"both halves of the \\u pair")
        return joined

    def texts(self, node: Node, what: str, line: int) -> list[tuple[str, Node]] | None:
        """A list of texts, each paired with its node (for item-level line numbers)."""
        self.visit(node)
        if not isinstance(node, SequenceNode):
            example = "[...]"
            if isinstance(node, ScalarNode) and node.value:
                quoted = node.tag != STR or _misread_text(node)
                example = f"['{node.value}']" if quoted else f"[{node.value}]"
            self.problems.add(line, f"{what} should be a list, not {describe(node)}; "
                                    f"write {example}")
            return None
        items = []
        for index, item in enumerate(node.value, start=1):
            value = self.text(item, f"{what} item {index}")
            if value is not None:
                items.append((value, item))
        return items

    def number(self, node: Node, what: str, line: int) -> float | None:
        """A finite number. Unquoted 1e3 counts (YAML 1.2 reads it so); quoted '11000' does not."""
        self.visit(node)
        if isinstance(node, ScalarNode) and node.tag in (INT, FLOAT):
            value = _number_value(node)
        elif isinstance(node, ScalarNode) and node.tag == STR and node.style is None:
            value = _yaml12_number(node.value)
        else:
            value = None
        if value is None and describe(node).endswith("-digit number"):
            self.problems.add(line, f"{what} is too large ({describe(node)}); numbers go up to "
                                    f"{MAX_NUMBER:g} either way")
            return None
        if value is None:
            self.problems.add(line, f"{what} should be a number, not {describe(node)}"
                                    f"{_number_hint(node)}")
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.problems.add(line, f"{what} should be a finite number, not {clip(node.value)}")
            return None
        if abs(value) > MAX_NUMBER:  # exact for ints of any size: no float() overflow here
            shown = number_text(value) if isinstance(value, int) else clip(node.value)
            self.problems.add(line, f"{what} is too large ({shown}); numbers go up to "
                                    f"{MAX_NUMBER:g} either way")
            return None
        return float(value)

    def integer(self, node: Node, what: str, line: int) -> int | None:
        """A whole number (2.0 and '2' are reported, so the pack stays unambiguous)."""
        self.visit(node)
        value = _number_value(node) if isinstance(node, ScalarNode) and node.tag == INT else None
        if not isinstance(value, int):
            self.problems.add(line, f"{what} should be a whole number, not {describe(node)}")
            return None
        return value

    def boolean(self, node: Node, what: str, line: int) -> bool | None:
        """Only unquoted true/false: yes/no/on/off mean text to YAML 1.2 readers."""
        self.visit(node)
        if isinstance(node, ScalarNode) and node.tag == BOOL and node.style is None:
            if node.value.lower() in ("true", "false"):
                return node.value.lower() == "true"
            self.problems.add(line, f"{what} should be true or false, not {node.value} "
                                    f"(other YAML readers take {node.value} as text)")
            return None
        self.problems.add(line, f"{what} should be true or false (unquoted), "
                                f"not {describe(node)}")
        return None


def _number_hint(node: Node) -> str:
    if not isinstance(node, ScalarNode) or node.tag != STR:
        return ""
    plain = node.value.replace(",", "").replace("_", "").strip()
    if _yaml12_number(plain) is None:
        return ""
    if node.style is not None:
        return f"; remove the quotes: {plain}"
    return f"; write it without separators: {plain}"
