"""Distractors for a drafted choice question: plausible values of the same kind, clearly wrong.

Reviewers dropped choice questions whose options were the article's other numbers (a count of
years offered for a count of bats), or near-copies of the answer ("£3m", "£3.1m", "£3.2m", one of
them the article's own rounding of another). So distractors are made from the answer itself:
the same unit, scale and way of writing, at sizes a reader could believe (half, three quarters,
a third more, one and a half times, double; shares stay under 100 %), each at least 15 % away
from the answer and from each other, and none that the article prints for a figure of the same
kind (a student who picks a number the text supports is not wrong).
"""

from __future__ import annotations

import math
import re

from bot.core.packs.formats.draft_text import Figure

DISTRACTORS = 3
MAX_SHARE = 95.0  # "98 %" beside "78 %" reads as a trick, not a belief
MIN_GAP = 1.15  # options closer than this ratio are one number, rounded two ways
_FACTORS = (0.75, 1.5, 0.5, 1.25, 2.0, 0.6)
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def _significant(written: str) -> int:
    digits = written.replace(",", "").split(".")
    whole = digits[0].lstrip("0")
    if len(digits) > 1:
        return max(len(whole) + len(digits[1]), 1)
    return max(len(whole.rstrip("0")), 1)


def _rounded(value: float, digits: int) -> float:
    if value <= 0:
        return 0.0
    places = digits - 1 - math.floor(math.log10(value))
    return round(value, places)


def _written(figure: Figure, value: float) -> str:
    """The figure's own text with the number replaced ('£96,000' → '£48,000')."""
    match = _NUMBER.search(figure.written)
    assert match is not None  # a Figure always has digits
    old = match.group()
    decimals = len(old.split(".")[1]) if "." in old else 0
    if decimals == 0 and value != int(value):
        decimals = 1
    text = f"{value:,.{decimals}f}" if "," in old or value >= 1000 else f"{value:.{decimals}f}"
    return figure.written[:match.start()] + text + figure.written[match.end():]


def _apart(a: float, b: float) -> bool:
    return a > 0 and b > 0 and max(a, b) / min(a, b) >= MIN_GAP


def distractors(figure: Figure, taken: list[float]) -> list[str] | None:
    """Three wrong options written like the answer, or None when the answer is too small to
    vary believably (a count under 4). `taken`: values the article or prompt prints for this
    kind of figure, never offered."""
    value = figure.value
    if value < 4 and figure.unit != "%" and value == int(value) or value <= 0:
        return None
    digits = max(_significant(_NUMBER.search(figure.written).group()), 2)  # type: ignore[union-attr]
    if value >= 100:
        digits = 2  # "$860", not "$862": a distractor reads like a number someone would write
    picked: list[float] = []
    for factor in _FACTORS:
        candidate = _rounded(value * factor, digits)
        if figure.unit == "%" and candidate > MAX_SHARE:
            candidate = _rounded((value + 100) / 2, digits) if value < 90 else 0.0
        if value == int(value) and value >= 4:
            candidate = float(round(candidate))
        if candidate <= 0 or not _apart(candidate, value) or \
                not all(_apart(candidate, p) for p in picked) or \
                not all(_apart(candidate, t) for t in taken if t > 0):
            continue
        picked.append(candidate)
        if len(picked) == DISTRACTORS:
            break
    if len(picked) < DISTRACTORS:
        return None
    return [_written(figure, v) for v in picked]
