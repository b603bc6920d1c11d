"""`quizbot bench [--json] [--scale small|full]`: issue 9's figures, each beside its baseline.

Everything runs on data generated here from a seed, in a temporary database, so two runs on one
machine measure the same work. Speed belongs here, not in the test suite: the numbers vary by
machine, and a test only checks that `--scale small` produces every figure.

The bench is a measuring tool: bot.bench.data bulk loads a year of attempts through the store
(in seconds), then only the service's public calls are timed.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import click

from bot.cli import cli
from bot.cli.common import open_service, print_json, settings_for

FIGURES = ("leaderboard", "answer", "ask", "loop_stall", "startup")


@cli.command("bench")
@click.option("--scale", "scale_name", type=click.Choice(["small", "full"]), default="small",
              show_default=True, help="small: seconds (the smoke test); full: issue 9's sizes "
                                      "(15k questions, 100k learners, 1M attempts).")
@click.option("--only", multiple=True, type=click.Choice(FIGURES),
              help="Time only these figures (repeatable); default: all.")
@click.option("--seed", type=int, default=9, show_default=True, help="Seed of the data.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def bench(scale_name: str, only: tuple[str, ...], seed: int, as_json: bool) -> None:
    """Time answers, leaderboards, ask, start-up and event-loop stalls against baselines."""
    from bot.bench import figures
    from bot.bench.data import (
        SCALES,
        ask_queries,
        bench_clock,
        fill_attempts,
        pack_yaml,
        vocabulary,
    )
    from bot.bench.stall import loop_stall
    from bot.config import LOCAL_GUILD
    from bot.core.models import Actor

    scale = SCALES[scale_name]
    wanted = set(only or FIGURES)
    rng = random.Random(seed)
    results: dict[str, Any] = {}
    steps = ["data", *[f for f in FIGURES if f in wanted]]
    with tempfile.TemporaryDirectory(prefix="quizbot-bench-") as tmp, click.progressbar(
        length=len(steps), label="bench", file=sys.stderr, show_pos=True,
        item_show_func=lambda step: step,
    ) as bar:
        bar.update(0, "data")
        started = time.perf_counter()
        db_path = str(Path(tmp) / "bench.sqlite3")
        words = vocabulary(rng)
        texts = [pack_yaml(k, scale.questions_per_pack, words, rng) for k in range(scale.packs)]
        upload = pack_yaml(scale.packs, scale.questions_per_pack * 2, words, rng)
        service = open_service(settings_for(db_path))
        staff = Actor(LOCAL_GUILD, "bench-staff", "Staff", can_manage_guild=True)
        for k, text in enumerate(texts):
            service.pack_admin.install_pack(staff, text, f"bench-{k}.yaml")
        now = bench_clock()
        fill_attempts(service, LOCAL_GUILD, scale, now, rng)
        bar.update(1, "data")
        seconds = {"data": round(time.perf_counter() - started, 1)}
        for name in steps[1:]:
            bar.update(0, name)
            started = time.perf_counter()
            if name == "leaderboard":
                results[name] = figures.leaderboard(service, LOCAL_GUILD, scale, now)
            elif name == "answer":
                results[name] = figures.answer(service, LOCAL_GUILD, scale, Path(tmp))
            elif name == "ask":
                queries = ask_queries(texts, scale.ask_queries, rng)
                results[name] = figures.ask(service, LOCAL_GUILD, queries)
            elif name == "loop_stall":
                results[name] = loop_stall(service, LOCAL_GUILD, scale, upload)
            elif name == "startup":
                service.close()
                results[name] = figures.startup(db_path, scale)
            bar.update(1, name)
            seconds[name] = round(time.perf_counter() - started, 1)
        service.close()
    results["scale"] = scale_name
    results["seconds"] = seconds
    if as_json:
        print_json(results)
        return
    _print_table(results)


def _print_table(results: dict[str, Any]) -> None:
    header = (f"{'figure':<12} {'p50 ms':>9} {'p99 ms':>9} {'base p99':>10} {'ratio':>8}  "
              "met  target")
    click.echo(header)
    for name in FIGURES:
        fig = results.get(name)
        if fig is None:
            continue
        base = "-" if fig["baseline_p99_ms"] is None else f"{fig['baseline_p99_ms']:.2f}"
        ratio = "-" if fig["ratio"] is None else f"{fig['ratio']:.2f}"
        click.echo(f"{name:<12} {fig['p50_ms']:>9.3f} {fig['p99_ms']:>9.3f} {base:>10} "
                   f"{ratio:>8}  {'yes' if fig['met'] else 'NO ':<3}  {fig['target']}")
        extra = {k: v for k, v in fig.items() if k not in (
            "p50_ms", "p99_ms", "baseline_p99_ms", "ratio", "target", "met", "boards")}
        click.echo("             " + ", ".join(f"{k}={v}" for k, v in extra.items()))
        for board, numbers in fig.get("boards", {}).items():
            click.echo(f"             {board}: " + ", ".join(f"{k}={v}" for k, v in
                                                           numbers.items()))
