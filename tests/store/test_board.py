"""Leaderboard totals: kept with each attempt, built from existing attempts, equal to a GROUP BY."""

import random
import sqlite3

from sqlite_utils import Database

from bot.core.models import Attempt
from bot.core.play.periods import keys_at, period_key
from bot.store.db import Store
from bot.store.migrations import migrations

DAY = 86400.0
START = 1_767_225_600.0  # 2026-01-01 UTC


def _attempts(n, seed=3):
    rng = random.Random(seed)
    for i in range(n):
        yield Attempt("g", f"u{rng.randrange(40)}", f"s{i}", rng.choice(["p1", "p2"]), "q1",
                      "x", rng.random() < 0.6, "r", rng.choice([0, 50, 100, 100, 73]), 900,
                      False, rng.random() < 0.1, START + rng.uniform(0, 60 * DAY))


def _seed_rows(store, attempts):
    store.ensure_guild("g", START)
    for a in attempts:
        store.upsert_learner("g", a.user_id, a.user_id.upper(), START)
        store.upsert_pack(a.pack_id, a.pack_id, None, START)
        store.create_session({"id": a.session_id, "guild_id": "g", "channel_id": None,
                              "starter_id": a.user_id, "pack_id": a.pack_id, "mode": "solo",
                              "status": "open", "state": "{}", "now": START})


def _group_by(store, pack_id, key):
    """The baseline the totals must equal: sum the counted, ranked attempts in the period (the
    board counts a learner's first attempt at each question per season: play/ranking.py)."""
    rows = [r for r in store.db.query("SELECT * FROM attempts WHERE counted = 1 AND ranked = 1")
            if (pack_id is None or r["pack_id"] == pack_id) and key in keys_at(r["created_at"])]
    sums = {}
    for r in rows:
        total = sums.setdefault(r["user_id"], [0, 0, 0])
        total[0] += r["points"]
        total[1] += r["correct"]
        total[2] += 1 - r["skipped"]
    ordered = sorted(sums.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0]))
    return [(user, *total) for user, total in ordered]


def _board(store, pack_id, key):
    rows, total = store.leaderboard("g", pack_id, key, 1000, 0)
    assert total == len(rows)
    return [(r["user_id"], r["points"], r["correct"], r["answered"]) for r in rows]


def test_totals_match_a_group_by_for_every_board_and_every_page():
    store = Store.open(":memory:")
    attempts = list(_attempts(600))
    _seed_rows(store, attempts)
    for a in attempts:
        assert store.record_attempt(a, None, 0)
    month = period_key("month", START + 10 * DAY)
    week = period_key("week", START + 10 * DAY)
    for pack_id in (None, "p1"):
        for key in ("all", month, week):
            expected = _group_by(store, pack_id, key)
            assert expected and _board(store, pack_id, key) == expected
            for offset in (0, 3, 7, 17, len(expected) - 1):  # deep pages through the levels
                rows, _ = store.leaderboard("g", pack_id, key, 5, offset)
                got = [(r["user_id"], r["points"], r["correct"], r["answered"]) for r in rows]
                assert got == expected[offset:offset + 5]


def test_rank_counts_learners_with_more_points_only():
    store = Store.open(":memory:")
    attempts = list(_attempts(300))
    _seed_rows(store, attempts)
    for a in attempts:
        store.record_attempt(a, None, 0)
    board = _group_by(store, None, "all")
    for user, points, *_ in board:
        assert store.rank_of("g", user) == 1 + sum(1 for row in board if row[1] > points)
    assert store.rank_of("g", "nobody") is None


def test_reset_rebuilds_totals_from_what_is_still_counted():
    store = Store.open(":memory:")
    attempts = list(_attempts(200))
    _seed_rows(store, attempts)
    for a in attempts:
        store.record_attempt(a, None, 0)
    store.reset_scores("g", "u1", None)
    store.reset_scores("g", None, "p2")
    assert _board(store, None, "all") == _group_by(store, None, "all")
    assert all(user != "u1" for user, *_ in _board(store, None, "all"))


def test_the_migration_builds_totals_from_attempts_recorded_before_it(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = Database(sqlite3.connect(path))
    migrations.apply(db, stop_before="m_scale9_totals")
    old = Store(db, str(path))
    attempts = list(_attempts(150))
    _seed_rows(old, attempts)
    for a in attempts:  # what an older quizbot wrote: attempts and scores, no totals
        old.db.execute(
            "INSERT INTO attempts (guild_id, user_id, session_id, pack_id, question_id, "
            "response, correct, reason, points, time_taken_ms, hint_used, skipped, created_at) "
            "VALUES (?, ?, ?, ?, 'q1', 'x', ?, 'r', ?, 900, 0, ?, ?)",
            [a.guild_id, a.user_id, a.session_id, a.pack_id, int(a.correct), a.points,
             int(a.skipped), a.created_at])
    db.close()
    store = Store.open(path)
    assert store.db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0] == 150
    for key in ("all", period_key("month", START)):
        assert _board(store, None, key) == _group_by(store, None, key)
        assert _board(store, "p2", key) == _group_by(store, "p2", key)


def test_rebuilt_week_and_month_keys_match_the_live_ones_across_year_ends():
    """The SQL rebuild computes ISO weeks itself; it must agree with periods.py at the edges."""
    live, rebuilt = Store.open(":memory:"), Store.open(":memory:")
    days = ["2020-12-27", "2020-12-28", "2021-01-03", "2021-01-04", "2024-12-30", "2026-12-31",
            "2027-01-01", "2027-01-03", "2027-01-04", "2028-01-01", "2028-02-29"]
    import calendar
    import time

    attempts = [Attempt("g", f"u{n}", f"s{n}", "p1", "q1", "x", True, "r", 10 + n, 900, False,
                        False, calendar.timegm(time.strptime(day, "%Y-%m-%d")) + 43_200)
                for n, day in enumerate(days)]
    for store in (live, rebuilt):
        _seed_rows(store, attempts)
    for a in attempts:
        live.record_attempt(a, None, 0)
        rebuilt.db.execute(
            "INSERT INTO attempts (guild_id, user_id, session_id, pack_id, question_id, "
            "response, correct, reason, points, time_taken_ms, hint_used, skipped, created_at, "
            "ranked) VALUES (?, ?, ?, 'p1', 'q1', 'x', 1, 'r', ?, 900, 0, 0, ?, 1)",
            [a.guild_id, a.user_id, a.session_id, a.points, a.created_at])
    rebuilt.rebuild_board("g")
    rows = "SELECT * FROM board_totals ORDER BY guild_id, pack_id, period, user_id"
    assert list(live.db.query(rows)) == list(rebuilt.db.query(rows))
    assert {r["period"] for r in live.db.query(rows)} >= {"w2020-53", "w2021-01", "w2026-53"}
