"""The answer path, leaderboards, start-up and `ask`, each timed beside its baseline in one run."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bot.bench.data import Scale
from bot.bench.timing import REQUEST_GAP_S, figure, percentile, timed, timed_request
from bot.core.models import Actor
from bot.core.play.periods import period_key
from bot.core.service import QuizService

PAGE = 10


def leaderboard(service: QuizService, guild_id: str, scale: Scale, now: float) -> dict[str, Any]:
    """Top 10 of all time, this week and this month, and a page in the middle of the all-time
    board, against the GROUP BY over attempts that served them before totals."""
    total = service.standings.leaderboard(guild_id).total_players
    deep = max(total // 2 // PAGE, 0)
    boards = [("all", 0), ("week", 0), ("month", 0), ("all", deep)]
    ours: dict[str, list[float]] = {}
    base: dict[str, list[float]] = {}
    db = sqlite3.connect(service.store.path)
    for period, page in boards:
        name = f"{period}@{page}"
        ours[name] = [timed_request(lambda p=period, n=page: service.standings.leaderboard(
            guild_id, period=p, page=n)) for _ in range(scale.board_repeats)]
        since = _window_start(period, now)
        base[name] = [timed(lambda s=since, n=page: _group_by(db, guild_id, s, n * PAGE))
                      for _ in range(scale.baseline_repeats)]
    db.close()
    users = [f"u{random.Random(5).randrange(total or 1)}" for _ in range(scale.board_repeats)]
    ranks = [timed_request(lambda u=u: service.standings.rank(guild_id, u)) for u in users]
    samples = [s for values in ours.values() for s in values]
    p99, base_p99 = percentile(samples, 99), min(percentile(v, 99) for v in base.values())
    ratios = {name: percentile(base[name], 99) / max(percentile(ours[name], 99), 1e-6)
              for name in ours}
    worst = min(ratios.values())
    return figure(
        samples, base_p99, worst, "p99 <= 5 ms and >= 50x faster than GROUP BY (every board)",
        p99 <= 5 and worst >= 50, learners=total, deep_page=deep,
        boards={name: {"p99_ms": round(percentile(ours[name], 99), 3),
                       "baseline_p99_ms": round(percentile(base[name], 99), 3),
                       "ratio": round(ratios[name], 1)} for name in ours},
        rank_p99_ms=round(percentile(ranks, 99), 3),
        ratio_means="GROUP BY p99 / quizbot p99, the worst board")


def _window_start(period: str, now: float) -> float | None:
    """The same calendar period the totals use, so both sides sum the same attempts."""
    if period == "all":
        return None
    import calendar
    import datetime

    key = period_key(period, now)
    if period == "month":
        year, month = map(int, key[1:].split("-"))
        return float(calendar.timegm((year, month, 1, 0, 0, 0)))
    year, week = map(int, key[1:].split("-"))
    monday = datetime.date.fromisocalendar(year, week, 1)
    return float(calendar.timegm(monday.timetuple()))


def _group_by(db: sqlite3.Connection, guild_id: str, since: float | None, offset: int) -> list:
    where, params = "a.guild_id = ? AND a.counted = 1", [guild_id]
    if since is not None:
        where += " AND a.created_at >= ?"
        params.append(since)
    return db.execute(
        "SELECT g.*, l.display_name FROM (SELECT a.user_id, SUM(a.points) AS points, "
        "SUM(a.correct) AS correct, SUM(1 - a.skipped) AS answered FROM attempts a "
        f"WHERE {where} GROUP BY a.user_id) g JOIN learners l ON l.guild_id = ? AND "
        "l.user_id = g.user_id ORDER BY g.points DESC, g.correct DESC, g.user_id "
        "LIMIT ? OFFSET ?", [*params, guild_id, PAGE, offset]).fetchall()


def answer(service: QuizService, guild_id: str, scale: Scale, scratch: Path) -> dict[str, Any]:
    """Solo answers through the service (judge, attempt, totals, session) against one raw
    sqlite3 INSERT + COMMIT per row with the same pragmas."""
    rng = random.Random(11)
    statements = [0]
    conn = service.store.db.conn

    last = [""]

    def count(sql: str) -> None:  # a trigger's statements repeat their caller's text: once
        if sql != last[0]:
            statements[0] += 1
        last[0] = sql

    samples: list[float] = []
    for n in range(max(scale.answers // 10, 1)):
        actor = Actor(guild_id, f"bench-answer-{n}", f"Answerer {n}")
        view = service.quizzes.start_quiz(actor, "bench-0", 10, seed=n)
        while view is not None:
            pack = service.catalog.pack(guild_id, view.pack_id)
            right = pack.question(view.question_id).answer_text()
            response = right if rng.random() < 0.6 else "kalomi"
            conn.set_trace_callback(count)
            time.sleep(REQUEST_GAP_S)  # a learner's answers never arrive back to back
            start = time.perf_counter()
            outcome = service.quizzes.answer(actor, view.session_id, view.question_id, response)
            samples.append((time.perf_counter() - start) * 1000)
            conn.set_trace_callback(None)
            view = outcome.next_question
    raw = _raw_commits(scratch, len(samples))
    ours_rate = 1000 / (sum(samples) / len(samples))
    raw_rate = 1000 / (sum(raw) / len(raw))
    ratio = ours_rate / raw_rate
    p99 = percentile(samples, 99)
    return figure(samples, percentile(raw, 99), ratio,
                  "p99 <= 5 ms and >= 25% of the raw commit rate", p99 <= 5 and ratio >= 0.25,
                  answers=len(samples), answers_per_s=round(ours_rate),
                  raw_commits_per_s=round(raw_rate),
                  statements_per_answer=round(statements[0] / len(samples), 1),
                  ratio_means="quizbot answers/s / raw commits/s")


def _raw_commits(scratch: Path, count: int) -> list[float]:
    path = scratch / "raw.sqlite3"
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA foreign_keys=ON")
    # As quizbot's connections (bot.store.checkpoint): no checkpoint inside a commit. This only
    # makes the baseline faster or equal; its WAL of ~2 pages a commit stays small anyway.
    db.execute("PRAGMA wal_autocheckpoint=0")
    db.execute("CREATE TABLE attempts (id INTEGER PRIMARY KEY, guild_id TEXT, user_id TEXT, "
               "question_id TEXT, response TEXT, correct INTEGER, points INTEGER, "
               "created_at REAL)")
    samples = []
    for n in range(count):
        samples.append(timed_request(lambda n=n: (db.execute(
            "INSERT INTO attempts (guild_id, user_id, question_id, response, correct, points, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", ["g", f"u{n}", "q", "x", 1, 100, 1.0]),
            db.commit())))
    db.close()
    return samples


BARE_IMPORT = "import click, dotenv, rapidfuzz, sqlite_utils, yaml"


def startup(db_path: str, scale: Scale) -> dict[str, Any]:
    """`quizbot pack list` over every installed pack, against importing its libraries only."""
    command = [sys.executable, "-m", "bot", "pack", "list", "--db", db_path]
    first = _run(command)  # bundled packs first seen by this database: compiled once
    ours = [_run(command) for _ in range(scale.startup_runs)]
    bare = [_run([sys.executable, "-c", BARE_IMPORT]) for _ in range(scale.startup_runs)]
    wall = [ms for ms, _ in ours]
    base = [ms for ms, _ in bare]
    rss = max(mb for _, mb in ours)
    base_rss = max(mb for _, mb in bare)
    ratio = percentile(wall, 50) / max(percentile(base, 50), 1e-6)
    return figure(wall, percentile(base, 99), ratio,
                  "<= 1500 ms, <= 150 MB and <= 2.5x the bare library import",
                  percentile(wall, 50) <= 1500 and rss <= 150 and ratio <= 2.5,
                  first_run_ms=round(first[0]), max_rss_mb=round(rss, 1),
                  baseline_p50_ms=round(percentile(base, 50), 1),
                  baseline_max_rss_mb=round(base_rss, 1),
                  ratio_means="quizbot p50 / bare import p50 (lower is better)")


_MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
ms = (time.perf_counter() - start) * 1000
print(code, ms, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def _run(command: list[str]) -> tuple[float, float]:
    """(wall ms, peak RSS MB) of one child process, started from a small measuring process
    (a child forked from this big one would count our pages in its peak)."""
    # Bytecode cached as an installed bot has it (the libraries of the baseline have theirs);
    # with PYTHONDONTWRITEBYTECODE set, every start would recompile quizbot's own modules.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True,
                         text=True, env=env, check=True).stdout.split()
    if out[0] != "0":
        raise RuntimeError(f"{' '.join(command)} exited {out[0]}")
    return float(out[1]), float(out[2])


def ask(service: QuizService, guild_id: str, queries: list[str]) -> dict[str, Any]:
    """`ask` through the service's public call, against rank-bm25 over the same texts."""
    index_ms = timed(lambda: service.asking.ask(guild_id, queries[0]))  # builds the index
    samples = [timed(lambda q=q: service.asking.ask(guild_id, q)) for q in queries]
    texts = []
    for pack in service.catalog.library(guild_id).all():
        texts += [f"{q.prompt} {q.explanation}" for q in pack.questions]
        texts += [f"{e.title} {e.short} {e.body}" for e in pack.explainers]
    try:
        from rank_bm25 import BM25Okapi
    except ImportError:
        return figure(samples, None, None, "p99 <= 5 ms, >= 10x rank-bm25, index <= 2 s", False,
                      entries=len(texts), index_ms=round(index_ms),
                      note="pip install -e '.[bench]' for the rank-bm25 baseline")
    bm25 = BM25Okapi([t.lower().split() for t in texts])
    base = [timed(lambda q=q: bm25.get_top_n(q.lower().split(), texts, n=3)) for q in queries]
    p99, base_p99 = percentile(samples, 99), percentile(base, 99)
    ratio = base_p99 / max(p99, 1e-6)
    return figure(samples, base_p99, ratio, "p99 <= 5 ms, >= 10x rank-bm25, index <= 2 s",
                  p99 <= 5 and ratio >= 10 and index_ms <= 2000, entries=len(texts),
                  index_ms=round(index_ms), queries=len(queries),
                  ratio_means="rank-bm25 p99 / quizbot p99")
