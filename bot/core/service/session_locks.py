"""One lock per session (striped), so worker threads never interleave a session's read-change-write.

Why: a session is loaded as JSON, changed and saved back; the Discord frontend runs service calls
in worker threads, and two live answers to one question handled at once would each save a state
without the other's answer. Striped locks (a fixed array, picked by session id) need no cleanup.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any, TypeVar

STRIPES = 64
F = TypeVar("F", bound=Callable[..., Any])


class SessionLocks:
    def __init__(self) -> None:
        self._locks = tuple(threading.RLock() for _ in range(STRIPES))

    def of(self, session_id: str) -> threading.RLock:
        return self._locks[hash(session_id) % STRIPES]


def locked(position: int) -> Callable[[F], F]:
    """Run the method under the lock of the session id at argument `position` (after self),
    or in the `session_id` keyword."""

    def decorate(method: F) -> F:
        @functools.wraps(method)
        def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
            session_id = kwargs["session_id"] if len(args) <= position else args[position]
            with self.locks.of(str(session_id)):
                return method(self, *args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate
