"""The one composition root: settings in, a wired QuizService out.

The terminal and the Discord bot both call `build_service`, so they can never disagree about
which database, which packs or which live time limit they run on.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable

from bot.charts import chart_png
from bot.config import Settings
from bot.core.packs.library import PackLibrary
from bot.core.service import QuizService
from bot.core.service.catalog import StoredCompiledPacks
from bot.store.db import Store
from bot.store.guard import EVENT_LOOP_RETRIES, EVENT_LOOP_TIMEOUT_S

# Two: an upload is not queued behind a long export, and the 2-core machine the bench sizes
# for keeps a core for the bot itself. A worker holds about 60 MB after a 2,000-question upload.
HEAVY_WORKERS = 2


def build_service(settings: Settings, *,
                  on_pack_problem: Callable[[str], None] | None = None,
                  on_event_loop: bool = False) -> QuizService:
    """The service over the configured database and pack folder.

    A bundled pack that fails to load is handed to `on_pack_problem` (one line each) and skipped,
    so one bad file never stops the others or the bot. `on_event_loop` (the Discord bot) waits
    about a second for a locked database instead of fifteen, then reports it as busy, and runs
    heavy jobs in HEAVY_WORKERS worker processes (bot.core.service.heavy).
    """
    if on_event_loop:
        store = Store.open(settings.db_path, busy_timeout_s=EVENT_LOOP_TIMEOUT_S,
                           busy_retries=EVENT_LOOP_RETRIES)
    else:
        store = Store.open(settings.db_path)
    # Bundled files are validated once per content and read back as JSON at later starts.
    library = PackLibrary(settings.packs_dir, compiled=StoredCompiledPacks(store))
    for problem in library.load_directory() or ():
        if on_pack_problem is not None:
            on_pack_problem(problem)
    # Charts need the optional matplotlib; without it questions show no chart, nothing fails.
    draw = chart_png if importlib.util.find_spec("matplotlib") is not None else None
    service = QuizService(store, library, live_seconds=settings.live_seconds, draw_chart=draw)
    if on_event_loop:  # the bot: uploads, exports and charts never hold its GIL
        service.heavy.use_processes(HEAVY_WORKERS)
    return service
