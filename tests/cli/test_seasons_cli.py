"""Ranked points and seasons from the terminal: replays do not farm the board; seasons archive."""

from __future__ import annotations

import json

from click.testing import CliRunner

from bot.cli import cli


def run(*args, stdin=""):
    return CliRunner().invoke(cli, list(args), input=stdin)


def board(db, *extra):
    result = run("leaderboard", "--db", db, "--json", *extra)
    assert result.exit_code == 0, result.output
    return {row["name"]: row["points"] for row in json.loads(result.output)}


def test_replaying_a_seeded_quiz_three_times_leaves_the_ranked_points_of_the_first(tmp_path):
    db = str(tmp_path / "q.sqlite3")
    # Seed 1 of the article pack: two right (D, Kingpin Strategy), two wrong, one skipped.
    answers = "d\nb\nKingpin Strategy\nno\nskip\n"
    plays = [run("play", "--seed", "1", "--count", "5", "--db", db, "--name", "Ann",
                 stdin=answers) for _ in range(3)]
    assert all(p.exit_code == 0 for p in plays)
    first = board(db)["Ann"]
    assert first > 0
    assert board(db) == {"Ann": first}
    assert "ranked; replays and reviews are practice" in " ".join(plays[2].output.split())
    stats = json.loads(run("stats", "--db", db, "--name", "Ann", "--json").output)
    assert stats["ranked_points"] == first and stats["points"] == 3 * first
    assert stats["practice"] == 10 and stats["answered"] == 12


def test_season_start_archives_the_board_and_list_shows_both(tmp_path):
    db = str(tmp_path / "q.sqlite3")
    run("play", "--seed", "1", "--count", "3", "--db", db, "--name", "Ann", stdin="b\nb\nb\n")
    before = board(db)
    started = run("season", "start", "--name", "Spring", "--db", db)
    assert started.exit_code == 0 and "Season 2 (Spring) started" in started.output
    assert board(db) == {} and board(db, "--season", "1") == before
    listed = run("season", "list", "--db", db)
    assert "Season 1: since" in listed.output
    assert "Season 2 Spring (current)" in listed.output and "0 players" in listed.output
    missing = run("leaderboard", "--season", "5", "--db", db)
    assert missing.exit_code != 0 and "There is no season 5" in missing.output
