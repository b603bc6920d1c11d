"""The event-loop stall probe: a live quiz of many players plus an upload, an export and a chart.

A probe task sleeps 5 ms at a time and records how late it wakes: that lateness is how long any
Discord interaction (or the gateway heartbeat) would have waited. The same scenario runs twice:
with service calls on the loop (the baseline, as before) and through `off_loop` (as the bot does).
"""

from __future__ import annotations

import asyncio
import random
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from bot.app import HEAVY_WORKERS
from bot.bench.data import Scale
from bot.bench.timing import figure, percentile
from bot.core.errors import QuizError
from bot.core.models import Actor, Mode
from bot.core.service import QuizService
from bot.discord_app.offload import off_loop

Caller = Callable[..., Awaitable[Any]]
PROBE_S = 0.005
QUESTIONS = 3


async def on_loop(fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
    """The baseline: the call runs right here, on the loop."""
    return fn(*args, **kwargs)


def loop_stall(service: QuizService, guild_id: str, scale: Scale, upload: str) -> dict[str, Any]:
    base = asyncio.run(_scenario(service, guild_id, scale, upload, on_loop))
    service.heavy.use_processes(HEAVY_WORKERS)  # as the bot runs (bot.app.build_service)
    try:
        ours = asyncio.run(_scenario(service, guild_id, scale, upload, off_loop))
    finally:
        service.heavy.use_processes(0)
    worst, base_worst = max(ours, default=0.0), max(base, default=0.0)
    return figure(ours, percentile(base, 99), base_worst / max(worst, 1e-6),
                  "longest stall <= 50 ms", worst <= 50, max_ms=round(worst, 1),
                  baseline_max_ms=round(base_worst, 1), players=scale.players,
                  ratio_means="longest stall on the loop / longest stall off it")


async def _scenario(service: QuizService, guild_id: str, scale: Scale, upload: str,
                    call: Caller) -> list[float]:
    lateness: list[float] = []
    done = asyncio.Event()
    probe = asyncio.create_task(_probe(done, lateness))
    await asyncio.sleep(0.05)
    try:
        await asyncio.gather(_live_quiz(service, guild_id, scale, call),
                             _heavy(service, guild_id, upload, call))
    finally:
        done.set()
        await probe
    return lateness


async def _probe(done: asyncio.Event, lateness: list[float]) -> None:
    loop = asyncio.get_running_loop()
    while not done.is_set():
        due = loop.time() + PROBE_S
        await asyncio.sleep(PROBE_S)
        lateness.append(max(loop.time() - due, 0.0) * 1000)


async def _live_quiz(service: QuizService, guild_id: str, scale: Scale, call: Caller) -> None:
    rng = random.Random(7)
    late = [0]
    host = Actor(guild_id, "bench-host", "Host", can_manage_guild=True)
    window = 2.0 if scale.players >= 100 else 0.5
    view = await call(service.quizzes.start_quiz, host, "bench-0", QUESTIONS, Mode.LIVE,
                      seed=3, channel_id=f"bench-{rng.random()}")
    for _ in range(QUESTIONS):
        async def player(n: int, session: str = view.session_id, question: str = view.question_id,
                         ) -> None:
            await asyncio.sleep(rng.uniform(0, window))
            actor = Actor(guild_id, f"player-{n}", f"Player {n}")
            try:
                await call(service.quizzes.submit_live_answer, actor, session, question, "kalomi")
            except QuizError:
                late[0] += 1  # on the loop, a stall can push an answer past the time limit

        await asyncio.gather(*(player(n) for n in range(scale.players)))
        reveal = await call(service.quizzes.reveal, view.session_id, view.question_id)
        if reveal.next_question is None:
            break
        view = reveal.next_question


async def _heavy(service: QuizService, guild_id: str, upload: str, call: Caller) -> None:
    """What instructors do meanwhile, through the calls the cogs make: install a big pack,
    export every answer (to a temporary file, as /scores export does), draw a chart."""
    from bot.charts import charts_available, topic_accuracy_png

    staff = Actor(guild_id, "bench-staff", "Staff", can_manage_guild=True)
    with tempfile.TemporaryDirectory(prefix="quizbot-bench-export-") as folder:
        jobs = [call(service.pack_admin.install_pack, staff, upload, "bench-upload.yaml"),
                call(service.reports.export_scores_file, staff, str(Path(folder) / "x.csv"))]
        if charts_available():
            stats = await call(service.standings.stats, guild_id, "u0")
            jobs.append(call(service.heavy.run, topic_accuracy_png, stats))
        await asyncio.gather(*jobs)
