"""Answerability, present tense: a question about *now* needs a passage about the present.

Why: "who is the president now" shares every word with a passage naming the president at the
time of the events, and that passage answers a different question. A question that asks about
the present ("now", "today", "currently") is answered only by a passage that speaks of the
present or an ongoing state ("still", "remains", "has been", "will").
"""

from __future__ import annotations

import re

_NOW_ASKED = re.compile(r"\b(?:now|today|currently|current|nowadays|anymore|these days)\b")
_NOW_SAID = re.compile(
    r"\b(?:now|still|remains?|currently|today|continues?|ongoing|has been|"
    r"have been|will|would|likely)\b",
    re.IGNORECASE,
)


def asks_now(question: str) -> bool:
    return bool(_NOW_ASKED.search(question.lower()))


def now_ok(question: str, answer: str) -> bool:
    """False when the present is asked and the answer only reports the past."""
    return not asks_now(question) or bool(_NOW_SAID.search(answer))
