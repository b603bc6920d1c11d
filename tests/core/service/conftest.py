"""The service every service test starts from: the sample pack, an in-memory store, a hand clock."""

import pytest
from sample_pack import Clock, make_pack

from bot.core.packs.library import PackLibrary
from bot.core.service import QuizService
from bot.store.db import Store


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def service(clock: Clock) -> QuizService:
    library = PackLibrary(None)
    library.add(make_pack())
    return QuizService(Store.open(":memory:"), library, clock=clock, live_seconds=20)
