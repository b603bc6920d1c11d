"""Points: flat in solo practice, Kahoot-style speed points live, a streak bonus, a hint cost.

Pure functions so the rules are easy to test and to explain in the README.
"""

from __future__ import annotations

HINT_FACTOR = 0.5  # each hint used halves what a correct answer earns
STREAK_STEP = 0.1  # +10 % of the question's points per consecutive correct answer before it …
STREAK_MAX_STEPS = 5  # … capped at +50 %


def speed_factor(elapsed: float, limit: float) -> float:
    """Kahoot: 1.0 for an instant answer, 0.5 at the time limit (and never less)."""
    if limit <= 0:
        return 1.0
    return 1.0 - min(max(elapsed, 0.0) / limit, 1.0) / 2.0


def streak_bonus(points: int, streak: int) -> int:
    """Bonus for the `streak`-th consecutive correct answer (the first earns none)."""
    return round(points * STREAK_STEP * min(max(streak - 1, 0), STREAK_MAX_STEPS))


def award(
    points: int,
    *,
    correct: bool,
    hints_used: int = 0,
    streak: int = 0,
    elapsed: float | None = None,
    limit: float | None = None,
) -> int:
    """Points earned by one answer. `streak` counts this answer when it is correct.

    Solo play passes no `limit` (flat points); live play passes the elapsed time and the limit.
    """
    if not correct:
        return 0
    base = points * (HINT_FACTOR**hints_used)
    if limit is not None and elapsed is not None:
        base *= speed_factor(elapsed, limit)
    return round(base) + streak_bonus(round(points * HINT_FACTOR**hints_used), streak)
