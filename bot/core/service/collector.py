"""Keeping Python's cyclic garbage collector away from the big builds (packs, `ask` indexes).

Why: a build allocates a few hundred thousand small objects and no reference cycles to speak of,
yet every 700 allocations the collector runs, and each older-generation pass walks everything
alive, packs included. Over 15,000 questions that was 0.2-0.9 s of a 2-3 s index build, and a
full collection afterwards held the bot's event loop for 0.15-0.4 s.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pausers = 0  # builds under way: the collector runs again when the last one ends
_was_enabled = True  # the collector's state when the first of them began


@contextmanager
def paused_collection() -> Iterator[None]:
    """Run a build with automatic collection off; it is back on once no build is running.

    Reference counting still frees everything that is not in a cycle, and the next automatic
    collection after the build finds any cycle that was made. Counted, so that one thread's
    build ending does not turn the collector back on under another's; a collector that was off
    before the first build (a caller's own choice) stays off.
    """
    global _pausers, _was_enabled
    with _lock:
        if _pausers == 0:
            _was_enabled = gc.isenabled()
        _pausers += 1
        gc.disable()
    try:
        yield
    finally:
        with _lock:
            _pausers -= 1
            if _pausers == 0 and _was_enabled:
                gc.enable()


def settle() -> None:
    """Packs and `ask` indexes just built live until their guild's packs change: move them
    (and everything else alive now) out of the cyclic garbage collector's sight (gc.freeze).

    Why: Python's full collection walks every tracked object while holding the GIL; with 15,000
    questions and their index (about 130,000 objects) each one held the bot's event loop for
    0.15-0.4 s on a loaded 2-core machine. Frozen objects are still freed by reference counting
    when replaced (packs and indexes hold no reference cycles); what it costs is that cyclic
    garbage alive at the moment of a freeze is never collected, a few objects per pack change.
    """
    gc.freeze()
