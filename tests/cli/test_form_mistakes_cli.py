"""`quizbot play` piped: a slip of form is refused with what to type and the question stays open.

The planets pack (tests/data/packs/planets.yaml) has one question of each closed kind.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from bot.cli import cli
from bot.core.models import Mode
from bot.core.packs.loader import load_pack
from bot.core.play.session import QuizSession

PLANETS = Path(__file__).resolve().parents[1] / "data" / "packs" / "planets.yaml"
ORDER = ["largest", "mars-red", "moons", "inner-order"]


def play(db: str, stdin: str, *extra: str):
    runner = CliRunner()
    installed = runner.invoke(cli, ["pack", "install", str(PLANETS), "--db", db])
    assert installed.exit_code == 0, installed.output
    return runner.invoke(cli, ["play", "--pack", "planets", "--count", "4", "--db", db,
                               "--name", "Ann", *extra], input=stdin)


def seed_in_order() -> str:
    """A seed that asks the planets questions in ORDER (the test needs to know which is which)."""
    pack = load_pack(PLANETS)
    for seed in range(500):
        session = QuizSession.create(session_id="x", pack=pack, guild_id="g", starter_id="u",
                                     mode=Mode.SOLO, count=4, seed=seed, now=0)
        if session.question_ids == ORDER:
            return str(seed)
    raise AssertionError("no seed puts the planets in order")


def test_a_letter_that_is_no_option_asks_again_and_the_next_letter_scores(tmp_path):
    db = str(tmp_path / "q.sqlite3")
    seed = seed_in_order()
    # e (no option E), then b (Jupiter, right); ture, then true; words, then 1; two letters,
    # then the right three.
    played = play(db, "e\nb\nture\ntrue\nlots\n1\nb a\nb a c\n", "--seed", seed)
    assert played.exit_code == 0, played.output
    out = played.output
    assert "There is no option E: pick a letter from A to D. Try again." in out
    assert "Answer true or false (yes or no works too). Try again." in out
    assert "The answer is a number: give one, in digits or words. Try again." in out
    assert "Use each letter from A to C exactly once. Try again." in out
    assert "WRONG" not in out and out.count("RIGHT") == 4
    assert "Quiz finished: 4/4 correct" in out
    board = json.loads(CliRunner().invoke(cli, ["leaderboard", "--db", db, "--json"]).output)
    assert board[0]["correct"] == 4 and board[0]["answered"] == 4


def test_a_wrong_answer_in_the_right_form_is_still_wrong(tmp_path):
    db = str(tmp_path / "q.sqlite3")
    played = play(db, "a\nfalse\n3\nc b a\n", "--seed", seed_in_order())
    assert played.output.count("WRONG") == 4 and "Try again" not in played.output
