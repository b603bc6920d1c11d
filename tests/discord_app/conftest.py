"""pytest glue for the Discord-layer tests: run `async def` tests without a plugin.

Why not pytest-asyncio: it is not a project dependency, and one hook is enough. Each async test
gets its own fresh event loop (asyncio.run), so no loop leaks between tests. Fixtures stay
synchronous; async setup happens inside the test (see fakes.build_bot).
"""

from __future__ import annotations

import asyncio
import inspect
import sys
from pathlib import Path

import pytest

# Make the helper modules (fakes.py, contract.py) importable as plain `fakes` / `contract`.
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    kwargs = {name: pyfuncitem.funcargs[name] for name in names}
    asyncio.run(asyncio.wait_for(pyfuncitem.obj(**kwargs), timeout=30))
    return True
