"""`quizbot pack history` and `quizbot pack restore`: every version listed (number, when, who,
questions, the current one starred); an older one made current again as a NEW version after a
preview and a confirmation; refusals are one stderr line and change nothing."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from bot.cli import cli

PACK = """id: rivers
title: {title}
description: Rivers of the world.
source: {{title: Atlas, author: Me, outlet: School, date: "2024"}}
questions:
{questions}"""
QUESTION = """  - id: river-{n}
    type: text
    prompt: Name river number {n}.
    answers: [River {n}]
    explanation: The atlas lists it.
"""


def pack_text(title: str, count: int) -> str:
    return PACK.format(title=title, questions="".join(QUESTION.format(n=n)
                                                      for n in range(1, count + 1)))


def run(*args: object, stdin: str | None = None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=stdin)


def installed_twice(tmp_path: Path) -> str:
    db = str(tmp_path / "q.sqlite3")
    source = tmp_path / "rivers.yaml"
    for title, count in (("Rivers", 2), ("Rivers, longer", 3)):
        source.write_text(pack_text(title, count), encoding="utf-8")
        assert run("pack", "install", source, "--db", db).exit_code == 0
    return db


def test_history_lists_number_when_who_questions_and_the_current_one(tmp_path: Path) -> None:
    db = installed_twice(tmp_path)
    lines = run("pack", "history", "rivers", "--db", db).stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["v1", "v2*"]
    assert "UTC  local:" in lines[0] and "2 questions  " in lines[0]
    assert lines[0].endswith("rivers.yaml")
    assert "3 questions" in lines[1]


def test_restore_previews_asks_and_stores_the_old_version_as_a_new_one(tmp_path: Path) -> None:
    db = installed_twice(tmp_path)
    declined = run("pack", "restore", "rivers", "1", "--db", db, stdin="n\n")
    assert declined.exit_code == 1 and "nothing restored" in declined.stderr
    assert "rivers: Rivers (version 3, replaces version 2; from version 1 of " in declined.stderr
    assert run("pack", "show", "rivers", "--db", db).stdout.startswith("rivers: Rivers, longer")

    silent = run("pack", "restore", "rivers", "1", "--db", db, stdin="")  # a script, no answer
    assert silent.exit_code == 1 and silent.stderr.rstrip().endswith("nothing restored")
    assert "Traceback" not in silent.output and "Aborted" not in silent.output
    restored = run("pack", "restore", "rivers", "1", "--db", db, stdin="y\n")
    assert restored.exit_code == 0, restored.output
    assert restored.stdout == "restored rivers version 1 as version 3 (2 questions)\n"
    assert run("pack", "show", "rivers", "--db", db).stdout.startswith("rivers: Rivers\n")
    lines = run("pack", "history", "rivers", "--db", db).stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["v1", "v2", "v3*"]
    assert lines[2].endswith("restored version 1")


def test_restore_refusals_are_one_line_and_store_nothing(tmp_path: Path) -> None:
    db = installed_twice(tmp_path)
    for args, message in ((("rivers", "7"), "'rivers' has no version 7; its versions are 1 to 2"),
                          (("rivers", "2"), "Version 2 of 'rivers' is already the current one"),
                          (("starter", "1"), "'starter' has no uploaded versions")):
        result = run("pack", "restore", *args, "--db", db, "--yes")
        assert result.exit_code == 1 and message in result.stderr, result.output
        assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.output
    history = run("pack", "history", "starter", "--db", db)
    assert history.exit_code == 1 and "no uploaded versions" in history.stderr
    assert len(run("pack", "history", "rivers", "--db", db).stdout.splitlines()) == 2


def test_a_removed_pack_keeps_its_history_and_can_be_restored(tmp_path: Path) -> None:
    db = installed_twice(tmp_path)
    assert run("pack", "remove", "rivers", "--db", db).exit_code == 0
    history = run("pack", "history", "rivers", "--db", db)
    assert [line.split()[0] for line in history.stdout.splitlines()] == ["v1", "v2"]
    assert "not installed now" in history.stderr
    restored = run("pack", "restore", "rivers", "2", "--db", db, "--yes")
    assert restored.exit_code == 0 and "as version 3" in restored.stdout
    assert run("pack", "show", "rivers", "--db", db).exit_code == 0
