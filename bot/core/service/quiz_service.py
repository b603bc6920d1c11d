"""QuizService: the one object every frontend (terminal, Discord) talks to.

It is a container of parts, each with one job, wired here once:

    access      who may do what (staff roles)           catalog     the packs a guild sees
    quizzes     sessions, answers, reveals, stops       asking      free-text questions
    review      spaced review of missed questions       standings   leaderboards, stats, resets
    reports     instructor reports and exports          pack_admin  a guild's own packs
    media       a question's pictures and charts as bytes, to attach
    privacy     a learner's own data: export, delete    feedback    learners' question reports
    anywhere    DMs: review and ask across the learner's own servers
    heavy       CPU-heavy jobs (uploads, exports, charts) in worker processes when turned on

Permissions are decided in the parts, from the Actor the frontend describes, never only by
Discord's default member permissions. Every call takes or implies a guild: no guild sees another's
data. Parts return plain records from bot.core.results or raise bot.core.errors.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from types import TracebackType

from bot.core.models import Chart
from bot.core.packs.library import PackLibrary
from bot.core.service.access import Access
from bot.core.service.anywhere import Anywhere
from bot.core.service.asking import Asking
from bot.core.service.catalog import Catalog
from bot.core.service.feedback import Feedback
from bot.core.service.heavy import HeavyJobs
from bot.core.service.media import MediaLoader
from bot.core.service.pack_admin import PackAdmin
from bot.core.service.privacy import Privacy
from bot.core.service.quizzes import Quizzes
from bot.core.service.reports import Reports
from bot.core.service.review import Review
from bot.core.service.standings import Standings
from bot.store.db import Store


class QuizService:
    def __init__(
        self,
        store: Store,
        library: PackLibrary,
        *,
        clock: Callable[[], float] = time.time,
        live_seconds: int = 30,
        draw_chart: Callable[[Chart], bytes] | None = None,
    ) -> None:
        # store and library stay reachable for tests and the composition root; frontends use
        # the parts only.
        self.store = store
        self.library = library
        self.clock = clock
        self.access = Access(store, clock)
        self.heavy = HeavyJobs()
        self.catalog = Catalog(library, store, self.heavy)
        self.quizzes = Quizzes(store, self.catalog, self.access, clock=clock,
                               live_seconds=live_seconds)
        self.asking = Asking(store, self.catalog, clock)
        self.review = Review(store, self.catalog, self.quizzes, clock, self.access)
        self.standings = Standings(store, self.access, clock)
        self.reports = Reports(store, self.catalog, self.access)
        self.pack_admin = PackAdmin(self.catalog, self.access, clock)
        self.privacy = Privacy(store, clock)
        self.feedback = Feedback(store, self.catalog, self.access, clock)
        self.media = MediaLoader(draw_chart, library.all)  # pictures and charts as bytes
        self.anywhere = Anywhere(store, self.catalog, self.asking, self.review, clock)

    def close(self) -> None:
        """Stop the heavy-job workers and close the database; the service is unusable
        afterwards."""
        self.heavy.close()
        self.store.close()

    def __enter__(self) -> QuizService:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
