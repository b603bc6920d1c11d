"""Choosing an importer from the file name, then from the content when the name is not enough.

`.txt` is used by both GIFT and Aiken, so the content decides: Aiken files have `ANSWER: X`
lines after lettered options, GIFT files have answers in braces. When neither shows, the user is
asked to say which (`--format`) rather than being shown a screenful of one parser's complaints.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from bot.core.errors import PackError

FORMATS = ("red", "gift", "aiken")

_AIKEN_ANSWER = re.compile(r"^[ \t]*ANSWER[ \t]*:[ \t]*[A-Za-z]", re.MULTILINE)
_AIKEN_OPTION = re.compile(r"^[ \t]*[A-Z][.)][ \t]", re.MULTILINE)
_GIFT_ANSWERS = re.compile(r"(?<!\\)\{[^{}]*(?<!\\)\}")
_RED_TOP = re.compile(r"^(?:AUTHOR|DESCRIPTION|CONFIG)[ \t]*:|^[^\s#-][^\n]*:[ \t]*\n[ \t]*- ",
                      re.MULTILINE)


def detect_format(filename: str, text: str) -> str:
    """'red', 'gift' or 'aiken'; PackError when neither the name nor the content tells."""
    suffix = PurePath(filename).suffix.lower()
    if suffix in (".yaml", ".yml"):
        return "red"
    if suffix == ".gift":
        return "gift"
    if _AIKEN_ANSWER.search(text) and _AIKEN_OPTION.search(text):
        return "aiken"
    if _GIFT_ANSWERS.search(text):
        return "gift"
    if _RED_TOP.search(text):
        return "red"
    raise PackError(f"{filename}:1: cannot tell the format (no GIFT {{…}} answers, no Aiken "
                    f"'ANSWER:' lines); name it with --format {'|'.join(FORMATS)}")
