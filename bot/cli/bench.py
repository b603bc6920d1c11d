"""`quizbot bench`: timings that tests must not assert (judge, ask, leaderboard).

Speed belongs here, not in the test suite: the numbers vary by machine, so they are printed for
the closing notes and for regressions spotted by a person.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import click

from bot.cli import cli
from bot.cli.common import open_service, print_json, settings_for
from bot.core.judge.verdicts import judge_number, judge_text
from bot.core.models import Actor

ASK_SAMPLES = (
    "how many murders in mexico in 2007", "why cant drones stop fentanyl", "who is el mayo",
    "what is the kingpin strategy", "who won the world cup", "wat did esper say trump asked",
)


def _time(fn: Callable[[], object], repeat: int) -> dict[str, float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return {"median_ms": round(statistics.median(samples), 4),
            "p95_ms": round(samples[int(len(samples) * 0.95) - 1], 4), "runs": repeat}


@cli.command("bench")
@click.option("--players", type=click.IntRange(1, 100_000), default=2000, show_default=True,
              help="Synthetic players for the leaderboard timing.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def bench(players: int, as_json: bool) -> None:
    """Time the judge, `ask` and the leaderboard on this machine."""
    results: dict[str, dict[str, float]] = {}
    results["judge_text"] = _time(
        lambda: judge_text("the sinaloa cartell", ["Sinaloa Cartel", "Sinaloa"]), 2000)
    results["judge_number"] = _time(lambda: judge_number("about eleven thousand", 11000), 2000)
    with tempfile.TemporaryDirectory() as tmp:
        service = open_service(settings_for(str(Path(tmp) / "bench.sqlite3")))
        results["ask"] = _time(lambda: [service.asking.ask("bench", q) for q in ASK_SAMPLES], 50)
        results["ask"]["per_question_ms"] = round(results["ask"]["median_ms"] / len(ASK_SAMPLES), 4)
        _fill(service, players)
        results["leaderboard_all"] = _time(lambda: service.standings.leaderboard("bench"), 50)
        results["leaderboard_week"] = _time(
            lambda: service.standings.leaderboard("bench", period="week"), 50
        )
        service.close()
    if as_json:
        print_json(results)
        return
    for name, numbers in results.items():
        click.echo(f"{name:<18} " + "  ".join(f"{k}={v}" for k, v in numbers.items()))


def _fill(service, players: int) -> None:  # type: ignore[no-untyped-def]
    """Each synthetic player plays one skipped + answered two-question quiz."""
    for n in range(players):
        actor = Actor("bench", f"p{n}", f"player {n}")
        view = service.quizzes.start_quiz(actor, None, 2, seed=n)
        outcome = service.quizzes.answer(actor, view.session_id, view.question_id, "a")
        if outcome.next_question is not None:
            service.quizzes.skip(actor, view.session_id, outcome.next_question.question_id)
