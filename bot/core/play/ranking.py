"""Which attempts count for ranked points: the one rule the boards (and any totals) follow.

A question counts on the board once per learner per season: the learner's first attempt at it
in that season, right, wrong or skipped. Why the first and not the best: a skip or a wrong
answer reveals the right one, so "best" would let anyone replay a quiz for full points (the
grinding the board should not reward). Why a skip counts as that first attempt: otherwise
skipping would be a free look at the answer before the "real" try. Practice replays, review
quizzes and any attempt after the first are still recorded (stats and reports show them) with
`ranked` false. A moderator's reset (attempts marked uncounted) lets questions count again;
a new season starts every question afresh.
"""

from __future__ import annotations

QUIZ, REVIEW = "quiz", "review"  # a session's purpose; reviews never rank


def is_ranked(purpose: str, already_ranked: bool) -> bool:
    """Whether an attempt made now counts for ranked points (see the module docstring)."""
    return purpose != REVIEW and not already_ranked
