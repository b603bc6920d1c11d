"""At COLUMNS=80 no line of play, ask, pack show or report is longer than 80 or splits a word;
hanging indents keep options, `Why:` and quotes in blocks."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.cli.screen import wrap_line

PLAY = ["play", "--seed", "1", "--count", "8"]
ANSWERS = ("help\nhint\nd\nb\nKingpin Strategy\nthe very long and entirely wrong word the author "
           "chose for it somewhere in the middle paragraph\nskip\nskip\nskip\nskip\n")


def output(columns: int, args: list[str], db: str, stdin: str = "") -> str:
    result = CliRunner().invoke(cli, [*args, "--db", db], input=stdin,
                                env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.output


def words(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize("args, stdin", [
    (PLAY, ANSWERS),
    (["ask", "how many murders in mexico in 2007"], ""),
    (["ask", "why would drone strikes not stop fentanyl"], ""),
    (["pack", "show", "cartel-strikes"], ""),
    (["report"], ""),
])
def test_no_line_is_longer_than_80_or_splits_a_word(tmp_path, args, stdin):
    db = str(tmp_path / "q.sqlite3")
    CliRunner().invoke(cli, [*PLAY, "--db", db], input=ANSWERS)  # something to report on
    narrow = output(80, args, str(tmp_path / "narrow.sqlite3") if args == PLAY else db, stdin)
    wide = output(1000, args, str(tmp_path / "wide.sqlite3") if args == PLAY else db, stdin)
    assert max(len(line) for line in narrow.splitlines()) <= 80
    assert any(len(line) > 80 for line in wide.splitlines()), "nothing needed wrapping"
    assert words(narrow) == words(wide)  # the same words in the same order: none was split


def test_continuation_lines_hang_under_the_label():
    option = wrap_line("  B) " + "word " * 30, 40).splitlines()
    assert all(line.startswith("     ") for line in option[1:])
    why = wrap_line("Why: " + "because " * 12, 40).splitlines()
    assert all(line.startswith("     w") or line.startswith("     b") for line in why[1:])
    quote = wrap_line('From the article: "' + "said so " * 10 + '"', 50).splitlines()
    assert all(line.startswith(" " * 19) for line in quote[1:])
    title = wrap_line("A long pack title with words: " + "more " * 15, 40).splitlines()
    assert not title[1].startswith(" ")  # a title's colon is not a label


def test_plurals_agree_and_help_lists_what_can_be_typed(tmp_path):
    out = output(80, PLAY, str(tmp_path / "q.sqlite3"), ANSWERS)
    assert "hint(s)" not in out and "question(s)" not in out
    assert "You can type: your answer" in out
