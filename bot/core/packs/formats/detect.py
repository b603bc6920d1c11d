"""Choosing an importer from the file name, then from the content when the name is not enough.

`.txt` is used by GIFT, Aiken and Quizlet, so the content decides: Aiken files have `ANSWER: X`
lines (any case) after lettered options, GIFT files have answers in braces, Quizlet exports a
tab on every line. `.csv`/`.tsv` are spreadsheets (Quizlet, Kahoot's template, question and
answer columns). When nothing shows, the user is asked to say which (`--format`) rather than
being shown a screenful of one parser's complaints.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from bot.core.errors import PackError

FORMATS = ("red", "gift", "aiken", "csv")

_AIKEN_ANSWER = re.compile(r"^[ \t]*ANSWER[ \t]*:[ \t]*[A-Za-z]", re.MULTILINE | re.IGNORECASE)
_AIKEN_OPTION = re.compile(r"^[ \t]*[A-Z][.)][ \t]", re.MULTILINE)
_GIFT_ANSWERS = re.compile(r"(?<!\\)\{[^{}]*(?<!\\)\}")
_RED_TOP = re.compile(r"^(?:AUTHOR|DESCRIPTION|CONFIG)[ \t]*:|^[^\s#-][^\n]*:[ \t]*\n[ \t]*- ",
                      re.MULTILINE)


def refuse_workbook(filename: str) -> None:
    """Excel/Calc workbooks are zip files: say how to get CSV instead of 'not UTF-8 text'."""
    if PurePath(filename).suffix.lower() in (".xlsx", ".xls", ".ods"):
        raise PackError(f"{filename}:1: a spreadsheet workbook cannot be read directly; save it "
                        f"as CSV (File → Save as → CSV) and import that")


def detect_format(filename: str, text: str) -> str:
    """'red', 'gift' or 'aiken'; PackError when neither the name nor the content tells."""
    suffix = PurePath(filename).suffix.lower()
    if suffix in (".yaml", ".yml"):
        return "red"
    if suffix == ".gift":
        return "gift"
    if suffix in (".csv", ".tsv"):
        return "csv"
    if _AIKEN_ANSWER.search(text) and _AIKEN_OPTION.search(text):
        return "aiken"
    if _GIFT_ANSWERS.search(text):
        return "gift"
    if _RED_TOP.search(text):
        return "red"
    if _tab_separated(text):
        return "csv"
    raise PackError(f"{filename}:1: cannot tell the format (no GIFT {{…}} answers, no Aiken "
                    f"'ANSWER:' lines); name it with --format {'|'.join(FORMATS)}")


def _tab_separated(text: str) -> bool:
    """Every non-blank line holds a tab: Quizlet's term<TAB>definition export."""
    lines = [line for line in text.split("\n") if line.strip()]
    return bool(lines) and all("\t" in line.strip(" ") for line in lines)
