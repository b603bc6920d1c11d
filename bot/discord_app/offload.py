"""Running service calls off the Discord event loop.

Why: a service call may read thousands of rows, convert an upload or write a live reveal of 300
players; on the loop, every other interaction (and the gateway heartbeat) would wait behind it,
and Discord drops an interaction not acknowledged within 3 s. The store gives each worker thread
its own SQLite connection and serialises writes, so any call may run in any worker.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


async def off_loop(fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    """`fn(*args, **kwargs)` in a worker thread; the loop keeps serving meanwhile."""
    return await asyncio.to_thread(fn, *args, **kwargs)
