"""Terminal output that fits the terminal: every line wrapped at word boundaries.

Why one helper for every command: a line longer than the terminal is cut by the terminal in the
middle of a word, and a wrapped option or explanation that restarts at column 0 no longer looks
like part of it. `wrap_line` keeps a line's own indent and hangs its continuation lines under the
text after its label ("  B) ", "Why: ", 'From the article: "', "- "), so options, explanations
and quotes read as blocks. The width is $COLUMNS or the terminal's, else 80.
"""

from __future__ import annotations

import re
import shutil
import textwrap

MIN_WIDTH = 40
# A line's label: indent, then "A) ", "12. ", "- ", "— ", a quote mark, or a "Label: " of at most
# three words ("Why: ", 'From the article: "'): a title with a colon is not a label.
_LABEL = re.compile(r"^(\s*)(?:[A-Z]\) |\d{1,3}\. |[-—•] |\"|[A-Za-z]+(?: [a-z]+){0,2}: \"?|\[)?")


def width() -> int:
    return max(shutil.get_terminal_size((80, 24)).columns, MIN_WIDTH)


def wrap_line(line: str, columns: int | None = None, hang: int | None = None) -> str:
    """One logical line wrapped to `columns`, continuation lines hung under its label's text
    (or `hang` columns in, when the caller knows its layout better)."""
    columns = columns or width()
    if len(line) <= columns:
        return line
    if hang is None:
        label = _LABEL.match(line)
        hang = len(label.group(0)) if label else 0
        if hang > columns // 2:
            hang = len(label.group(1)) if label else 0
    return textwrap.fill(line, width=columns, subsequent_indent=" " * hang,
                         break_long_words=False, break_on_hyphens=False)


def wrap(text: str, columns: int | None = None, hang: int | None = None) -> str:
    """Every line of `text` wrapped (blank lines kept)."""
    return "\n".join(wrap_line(line, columns, hang) for line in text.split("\n"))

