"""Bounds and text repairs for what pack files may hold, shared by the loader and importers.

Pack files come from instructors and uploads, so anything a file can say must end as a
`FILE:LINE: message`, never a crash: numbers past a float (309+ digits, 1e400) or past
Python's 4,300-digit int/str limit, escapes of characters that cannot exist (past U+10FFFF) or
cannot be encoded (lone UTF-16 surrogates), and messages that would quote all of it back.
`decode` is the first check of all: size, UTF-8, no lone surrogate.
"""

from __future__ import annotations

import re
from typing import Protocol

# A real pack is tens of kilobytes; the pure-Python parser needs a few seconds per megabyte.
MAX_PACK_BYTES = 1_000_000
# A message quotes what the author wrote; a 5,000-digit number or a pasted essay is cut to this.
MAX_QUOTED = 60
MAX_MESSAGE = 400
# The largest magnitude a number slot takes. Past ~1e308 a float cannot hold it at all; well
# below, answers stop being something a learner types. 1e30 still fits Avogadro's number.
MAX_NUMBER = 1e30
SURROGATE = re.compile("[\ud800-\udfff]")
LONE_SURROGATE = re.compile(
    "[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]")


def printable(text: str) -> str:
    """`text` safe for one line of any terminal, log or JSON: control characters, line breaks
    and lone surrogates (which UTF-8 cannot encode) are shown as escapes such as \\x1b."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " else ascii(c)[1:-1] for c in text)


def clip(text: str, limit: int = MAX_QUOTED) -> str:
    """What the author wrote, short enough to quote in a message."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def number_text(value: int | float) -> str:
    """A number for a message: huge integers are summarised (str() refuses over 4,300 digits)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        digits = int(value.bit_length() * 0.30103) + 1
        return f"a {digits:,}-digit number"
    return str(value)


_ESCAPE = re.compile(r"\\(?:U([0-9A-Fa-f]{8})|\\)")


def bad_escape(text: str) -> tuple[int, str]:
    """Where the `\\U` escape Python cannot turn into a character is (PyYAML gives no mark)."""
    for match in _ESCAPE.finditer(text):
        if match.group(1) and int(match.group(1), 16) > 0x10FFFF:
            line = text.count("\n", 0, match.start()) + 1
            return line, (f"not valid YAML: the escape {match.group(0)} is past U+10FFFF, the "
                          f"last Unicode character; write the character itself")
    return 1, "not valid YAML: an escape names a character that does not exist"


def join_surrogates(value: str) -> tuple[str | None, str | None]:
    """(text, None) with JSON-style escaped pairs such as "\\ud83d\\ude00" joined into the one
    character they mean; (None, the first lone half, escaped) when one has no partner."""
    if not SURROGATE.search(value):
        return value, None
    try:
        return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le"), None
    except UnicodeDecodeError:
        lone = LONE_SURROGATE.search(value) or SURROGATE.search(value)
        assert lone is not None
        return None, ascii(lone.group())[1:-1]


class Reporter(Protocol):
    """Where problems go (nodes.Problems): kept structural so this module imports nothing."""

    def add(self, line: int, message: str) -> None: ...


def decode(data: bytes | str, problems: Reporter) -> str | None:
    """UTF-8 text without a BOM, or None after reporting why the bytes are not a pack."""
    size = len(data)
    if size > MAX_PACK_BYTES:
        unit = "bytes" if isinstance(data, bytes) else "characters"
        problems.add(1, f"pack is too large ({size:,} {unit}; the limit is {MAX_PACK_BYTES:,})")
        return None
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            line = data.count(b"\n", 0, err.start) + 1
            problems.add(line, f"not UTF-8 text (byte 0x{data[err.start]:02x} at offset "
                               f"{err.start}); save the file as UTF-8")
            return None
    else:
        text = data
        lone = SURROGATE.search(text)
        if lone:  # text handed over in memory may hold what no UTF-8 file can
            problems.add(text.count("\n", 0, lone.start()) + 1,
                         f"not UTF-8 text: holds the lone surrogate {ascii(lone.group())[1:-1]}")
            return None
    return text.removeprefix("\ufeff")
