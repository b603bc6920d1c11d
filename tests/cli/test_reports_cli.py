"""`quizbot report` and `quizbot export` on a database filled by `quizbot play`."""

import csv
import io
import json

from click.testing import CliRunner

from bot.cli import cli


def test_report_and_export_after_a_played_quiz(tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "q.sqlite3")
    runner.invoke(cli, ["play", "--count", "3", "--seed", "2", "--db", db, "--name", "Ann"],
                  input="nope\nskip\nskip\n")
    report = runner.invoke(cli, ["report", "--db", db, "--json"])
    assert report.exit_code == 0, report.output
    rows = json.loads(report.output)
    played = [r for r in rows if r["attempts"]]
    assert len(played) == 3 and sum(r["skipped"] for r in played) == 2
    assert [a["answer"] for r in played for a in r["wrong_answers"]] == ["nope"]
    exported = runner.invoke(cli, ["export", "--db", db])
    lines = list(csv.DictReader(io.StringIO(exported.output)))
    assert len(lines) == 3 and {line["name"] for line in lines} == {"Ann"}
    out = tmp_path / "scores.csv"
    assert runner.invoke(cli, ["export", "--db", db, "--out", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8").count("\n") == 4
    again = runner.invoke(cli, ["export", "--db", db, "--out", str(out)])
    assert again.exit_code == 2 and "already exists" in again.output


def test_report_typed_in_the_terminal_quiz_shows_beside_the_question(tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "q.sqlite3")
    played = runner.invoke(cli, ["play", "--count", "3", "--seed", "2", "--db", db, "--name",
                                 "Ann"], input="report\nnope\nreport\nthe key looks wrong\nskip\n"
                                               "report\n\nskip\n")
    assert played.exit_code == 0, played.output
    assert "Nothing to report yet" in played.output
    assert played.output.count("Reported, thank you") == 1
    assert "Not reported (no reason given)" in played.output
    rows = json.loads(runner.invoke(cli, ["report", "--db", db, "--json"]).output)
    (reported,) = [r for r in rows if r["reports"]]
    assert reported["reports"] == ["the key looks wrong"]
    assert reported["wrong_answers"] == [{"answer": "nope", "count": 1}]  # the question answered
    text = runner.invoke(cli, ["report", "--db", db]).output.splitlines()
    at = text.index("    reported: 'the key looks wrong'")
    heading = [line for line in text[:at] if not line.startswith(" ")][-1]
    assert heading.startswith(reported["question"] + ":")
