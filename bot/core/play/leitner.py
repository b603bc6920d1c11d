"""Spaced review: Leitner boxes replayed from a learner's attempt history.

Why replay instead of a schedule table: attempts are already recorded one by one, so the boxes
can be derived from them at any time, cannot drift out of sync, and need no migration. A miss
(wrong or skipped) puts the question in box 0, due at once; each later right answer moves it up
one box, due after that box's interval; a question that climbs past the last box is learned.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

DAY = 86400.0
BOX_INTERVALS_DAYS = (0, 1, 3, 7, 16)  # box 0 … 4; a right answer in box 4 means learned
LEARNED = len(BOX_INTERVALS_DAYS)


@dataclass(frozen=True)
class ReviewItem:
    pack_id: str
    question_id: str
    box: int
    due_at: float
    misses: int

    def is_due(self, now: float) -> bool:
        return self.due_at <= now


def schedule(history: Iterable[Mapping[str, Any]]) -> list[ReviewItem]:
    """Every question missed at least once and not yet learned, soonest due first.

    `history` rows need pack_id, question_id, correct, skipped and created_at, oldest first.
    """
    boxes: dict[tuple[str, str], list[float]] = {}  # key → [box, last answered at, misses]
    for row in history:
        key = (row["pack_id"], row["question_id"])
        missed = row["skipped"] or not row["correct"]
        if missed:
            misses = boxes[key][2] + 1 if key in boxes else 1
            boxes[key] = [0, row["created_at"], misses]
        elif key in boxes:
            box, _, misses = boxes[key]
            boxes[key] = [box + 1, row["created_at"], misses]
    items = [
        ReviewItem(pack_id, question_id, int(box), at + BOX_INTERVALS_DAYS[int(box)] * DAY,
                   int(misses))
        for (pack_id, question_id), (box, at, misses) in boxes.items()
        if box < LEARNED
    ]
    return sorted(items, key=lambda item: (item.due_at, item.box, item.question_id))


def due(items: Iterable[ReviewItem], now: float, pack_id: str | None = None) -> list[ReviewItem]:
    """The items due now (optionally of one pack), lowest box first: the shakiest come first."""
    ready = [i for i in items if i.is_due(now) and (pack_id is None or i.pack_id == pack_id)]
    return sorted(ready, key=lambda item: (item.box, item.due_at, item.question_id))
