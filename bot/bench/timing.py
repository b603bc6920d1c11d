"""Percentiles and the shape of one bench figure (the JSON the issue asks for)."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any


def percentile(samples: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of milliseconds; 0.0 for no samples."""
    if not samples:
        return 0.0
    ordered = sorted(samples)
    rank = max(math.ceil(q / 100 * len(ordered)), 1)
    return ordered[rank - 1]


def timed(fn: Callable[[], object]) -> float:
    """Milliseconds one call takes."""
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


REQUEST_GAP_S = 0.002


def timed_request(fn: Callable[[], object]) -> float:
    """Milliseconds one call takes, started REQUEST_GAP_S after the previous one ended, as
    requests reach a bot (never back to back). Why: calls timed back to back keep the bench
    process busy for seconds, so on a shared machine the OS preempts it for whole scheduler
    ticks (4 ms each here); the p99 of 800 leaderboard pages went from 0.4 ms spaced to 8 ms
    back to back in the same minute, which times the machine's load, not the call."""
    time.sleep(REQUEST_GAP_S)
    return timed(fn)


def figure(samples: list[float], baseline_p99: float | None, ratio: float | None, target: str,
           met: bool, **extra: Any) -> dict[str, Any]:
    """{"p50_ms", "p99_ms", "baseline_p99_ms", "ratio", "target", "met", ...extra}."""
    return {
        "p50_ms": round(percentile(samples, 50), 3),
        "p99_ms": round(percentile(samples, 99), 3),
        "baseline_p99_ms": None if baseline_p99 is None else round(baseline_p99, 3),
        "ratio": None if ratio is None else round(ratio, 2),
        "target": target,
        "met": bool(met),
        **extra,
    }
