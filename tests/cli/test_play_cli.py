"""`quizbot play` and `quizbot leaderboard` through click, as a piped terminal user runs them."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from bot.cli import cli


def run(args, stdin=""):
    return CliRunner().invoke(cli, args, input=stdin)


def test_piped_quiz_completes_and_lands_on_the_leaderboard(tmp_path):
    db = str(tmp_path / "q.sqlite3")
    played = run(["play", "--seed", "1", "--db", db, "--name", "Ann"], "b\nb\nskip\nquit\n")
    assert played.exit_code == 0, played.output
    assert "Q1/" in played.output and "Q2/" in played.output
    assert "Quiz stopped" in played.output
    board = run(["leaderboard", "--db", db, "--json"])
    assert board.exit_code == 0
    [row] = json.loads(board.output)
    assert row["name"] == "Ann" and row["answered"] == 2


def test_full_quiz_to_the_end_shows_a_summary_with_rank(tmp_path):
    db = str(tmp_path / "q.sqlite3")
    played = run(["play", "--count", "2", "--db", db, "--name", "Bo"], "skip\nskip\n")
    assert played.exit_code == 0
    assert "Quiz finished: 0/0 correct (2 skipped" in played.output
    assert "rank 1 of 1" in played.output


def test_end_of_input_stops_cleanly(tmp_path):
    played = run(["play", "--db", str(tmp_path / "q.sqlite3")], "")
    assert played.exit_code == 0 and "end of input" in played.output


def test_hint_and_hostile_input_never_crash(tmp_path):
    nasty = "hint\n" + "\x00\x1b[31m💥" * 2000 + "\n\n   \nquit\n"
    played = run(["play", "--db", str(tmp_path / "q.sqlite3")], nasty)
    assert played.exit_code == 0, played.output
    assert "Traceback" not in played.output


def test_bad_arguments_are_one_line_errors(tmp_path):
    db = str(tmp_path / "q.sqlite3")
    for args in (["play", "--count", "0", "--db", db], ["play", "--pack", "nope", "--db", db],
                 ["leaderboard", "--period", "year", "--db", db],
                 ["leaderboard", "--pack", "nope", "--db", db],
                 ["leaderboard", "--db", "/proc/no-such-dir/q.sqlite3"],
                 ["play", "--db", str(tmp_path)]):
        result = subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True,
                                text=True, input="")
        assert result.returncode != 0, args
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr


def test_a_foreign_file_as_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "essay.txt"
    path.write_text("not a database")
    result = subprocess.run([sys.executable, "-m", "bot", "leaderboard", "--db", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "not a SQLite database" in result.stderr
    assert path.read_text() == "not a database"


def test_empty_leaderboard_says_so(tmp_path):
    result = run(["leaderboard", "--db", str(tmp_path / "q.sqlite3")])
    assert result.exit_code == 0 and "No scores yet" in result.output


def test_review_brings_back_what_was_missed(tmp_path):
    db = str(tmp_path / "q.sqlite3")
    nothing = run(["review", "--db", db, "--name", "Ann"])
    assert nothing.exit_code == 1 and "Nothing to review" in nothing.output
    run(["play", "--count", "3", "--seed", "5", "--db", db, "--name", "Ann"],
        "wrong\nwrong\nskip\n")
    reviewed = run(["review", "--db", db, "--name", "Ann"], "quit\n")
    assert reviewed.exit_code == 0, reviewed.output
    flat = " ".join(reviewed.output.split())  # the terminal wraps long lines
    assert "Review of" in flat and "3 questions due again" in flat
    assert "Due now: Drone strikes on the cartels: reading the argument 3." in flat


def test_ctrl_c_at_a_prompt_stops_the_quiz_and_still_prints_the_summary():
    from sample_pack import make_pack

    from bot.console import ConsoleQuiz
    from bot.core.models import Actor
    from bot.core.packs.library import PackLibrary
    from bot.core.service import QuizService
    from bot.store.db import Store

    library = PackLibrary(None)
    library.add(make_pack())
    service = QuizService(Store.open(":memory:"), library)
    lines = iter(["skip"])

    def read_line():
        line = next(lines, None)
        if line is None:
            raise KeyboardInterrupt
        return line

    shown = []
    with pytest.raises(KeyboardInterrupt):  # the CLI then exits 130 (tests/cli/test_bad_input)
        ConsoleQuiz(service, Actor("g", "u", "Ann"), read_line, shown.append).play("sample", 3, 1)
    assert "(interrupted: stopping the quiz)" in "\n".join(shown)
    assert shown[-1].startswith("Quiz stopped: 0/0 correct (1 skipped, 3 questions)")
