"""`quizbot play` with a select-all question, brought in from Moodle GIFT: the preview counts
and names it, the terminal says what to type, a letter that is no option is asked again, and
a wrong set is told what was missed and what is extra (with the picked option's feedback)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from bot.cli import cli

GIFT = ("::primes:: Which of these are prime numbers? {~%50%2 ~%50%3 ~%-100%4 "
        "~%-100%9#9 is 3 × 3. ####A prime has exactly two divisors.}\n")


def install(tmp_path: Path) -> tuple[str, str]:
    source = tmp_path / "numbers.gift"
    source.write_text(GIFT, encoding="utf-8")
    db = str(tmp_path / "q.sqlite3")
    installed = CliRunner().invoke(cli, ["pack", "install", str(source), "--db", db])
    assert installed.exit_code == 0, installed.output
    return db, installed.stderr


def play(db: str, stdin: str):
    return CliRunner().invoke(cli, ["play", "--pack", "numbers", "--count", "1", "--db", db,
                                    "--name", "Ann"], input=stdin)


def test_the_install_preview_counts_it_and_names_the_scoring_change(tmp_path: Path) -> None:
    _db, preview = install(tmp_path)
    assert "1 question (1 select_all)" in preview
    assert "multiple-answer question (no '=' answer): kept as select_all" in preview


def test_a_no_such_option_is_asked_again_and_the_set_in_any_order_scores(tmp_path: Path) -> None:
    db, _ = install(tmp_path)
    played = play(db, "a e\nb, a\n")
    assert played.exit_code == 0, played.output
    out = played.output
    assert "[the letters of every right option, in any order, e.g. A C]" in out
    assert "There is no option E: pick letters from A to D. Try again." in out
    assert "RIGHT" in out and "Quiz finished: 1/1 correct" in out


def test_a_wrong_set_names_what_was_missed_and_what_is_extra(tmp_path: Path) -> None:
    db, _ = install(tmp_path)
    out = play(db, "a and d\n").output
    assert "WRONG - Not quite: you missed B; D is not right." in out
    assert "Answer: A) 2, B) 3" in out
    assert "9 is 3 × 3." in out and "A prime has exactly two divisors." in out
