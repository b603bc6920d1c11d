"""pytest glue for the end-to-end scenarios: run `async def` tests on a fresh event loop each.

Why not simcord's pytest plugin: it needs pytest-asyncio, which is not a project dependency, and
tests/discord_app already runs async tests with one small hook; this is the same hook. The
scenarios build their own simcord environment (see world.py), so no fixture is async.
"""

from __future__ import annotations

import asyncio
import inspect
import sys
from pathlib import Path

import pytest

# Make the helper module importable as plain `world`.
sys.path.insert(0, str(Path(__file__).resolve().parent))

SCENARIO_TIMEOUT = 60  # real seconds; a scenario takes well under one (time is virtual)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    kwargs = {name: pyfuncitem.funcargs[name] for name in names}
    asyncio.run(asyncio.wait_for(pyfuncitem.obj(**kwargs), timeout=SCENARIO_TIMEOUT))
    return True
