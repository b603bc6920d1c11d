"""Leaderboard periods as keys of maintained totals: all time, this calendar week, this month.

Why calendar periods (UTC ISO week, calendar month) and not rolling 7/30 days: a calendar period
is a bucket that only ever grows, so its totals can be kept up to date in the same transaction as
each attempt and a board is one index range read. A rolling window would have to re-add every
attempt of the window at each view. A later season is one more key ("s:<season id>").
"""

from __future__ import annotations

import datetime
import time

ALL = "all"
PERIODS = ("all", "month", "week")


def period_key(period: str, ts: float) -> str:
    """The totals key of `period` ('all', 'week' or 'month') containing the instant `ts`."""
    if period == ALL:
        return ALL
    day = time.gmtime(ts)
    if period == "month":
        return f"m{day.tm_year:04d}-{day.tm_mon:02d}"
    if period == "week":
        year, week, _ = datetime.date(day.tm_year, day.tm_mon, day.tm_mday).isocalendar()
        return f"w{year:04d}-{week:02d}"
    raise ValueError(f"unknown period {period!r}")


def keys_at(ts: float) -> tuple[str, str, str]:
    """Every period key an attempt at `ts` adds to."""
    return ALL, period_key("week", ts), period_key("month", ts)
