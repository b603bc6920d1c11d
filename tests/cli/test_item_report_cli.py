"""`quizbot report` (prompts, facility, flags), `pack accept --rescore`, `gradebook` and
`pack show --answers`, on a database filled by `quizbot play`."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner

from bot.cli import cli

PACK = """id: capitals
title: Capitals
description: Capital cities.
source: {title: Atlas, author: Me, outlet: School, date: "2024"}
questions:
  - id: ukraine
    type: text
    prompt: What is the capital of Ukraine?
    answers: [Kyiv]
    explanation: The atlas says so.
"""


def test_report_accept_rescore_and_gradebook(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "q.sqlite3")
    pack = tmp_path / "capitals.yaml"
    pack.write_text(PACK, encoding="utf-8")
    assert runner.invoke(cli, ["pack", "install", str(pack), "--db", db]).exit_code == 0
    played = runner.invoke(cli, ["play", "--pack", "capitals", "--count", "1", "--db", db,
                                 "--name", "Ann"], input="kiev\n")
    assert played.exit_code == 0, played.output

    report = runner.invoke(cli, ["report", "--pack", "capitals", "--db", db],
                           env={"COLUMNS": "200"})  # one line per row (80 columns would wrap)
    assert report.exit_code == 0, report.output
    assert report.output.splitlines() == [
        "ukraine: What is the capital of Ukraine?",
        "    1 attempts, 0% right, discrimination n/a (fewer than 3 learners), 0 skipped, "
        + report.output.splitlines()[1].split("skipped, ")[1],
        "    wrong: 'kiev' x1",
        "    flags: 'kiev' is close to an accepted answer"]

    accepted = runner.invoke(cli, ["pack", "accept", "capitals", "ukraine", "Kiev", "--rescore",
                                   "--db", db])
    assert accepted.exit_code == 0, accepted.output
    assert accepted.output == ("capitals version 2: ukraine now accepts 'Kiev'; re-scored 1 "
                               "past attempt\n")
    again = runner.invoke(cli, ["report", "--pack", "capitals", "--db", db])
    assert "1 attempts, 100% right" in again.output
    shown = runner.invoke(cli, ["pack", "show", "capitals", "--answers", "--db", db])
    assert "answer: Kyiv | Kiev" in shown.output

    book = runner.invoke(cli, ["gradebook", "--pack", "capitals", "--db", db])
    rows = list(csv.DictReader(io.StringIO(book.output)))
    assert [(r["name"], r["points"], r["accuracy"], r["completion"]) for r in rows] == [
        ("Ann", "100", "1.000", "1.000")]
    later = runner.invoke(cli, ["gradebook", "--since", "2999-01-01", "--db", db])
    assert later.output.count("\n") == 1
    bad = runner.invoke(cli, ["gradebook", "--since", "yesterday", "--db", db])
    assert bad.exit_code == 2 and "not a date" in bad.output

    refused = runner.invoke(cli, ["pack", "accept", "capitals", "ukraine", "kyiv", "--db", db])
    assert refused.exit_code == 1 and "already judged right" in refused.stderr
    assert len(refused.stderr.splitlines()) == 1
