"""`quizbot privacy show|delete` for the terminal learner, on a database `quizbot play` filled."""

import json

from click.testing import CliRunner

from bot.cli import cli


def _play(runner: CliRunner, db: str, name: str) -> None:
    result = runner.invoke(cli, ["play", "--count", "2", "--seed", "2", "--db", db,
                                 "--name", name], input="nope\nskip\n")
    assert result.exit_code == 0, result.output


def test_show_then_delete_my_data_only(tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "q.sqlite3")
    _play(runner, db, "Ann")
    _play(runner, db, "Bob")

    shown = runner.invoke(cli, ["privacy", "show", "--db", db, "--name", "Ann"])
    assert shown.exit_code == 0, shown.output
    data = json.loads(shown.output)
    assert data["user_id"] == "local:ann" and len(data["answers"]) == 2
    out = tmp_path / "mine.json"
    assert runner.invoke(cli, ["privacy", "show", "--db", db, "--name", "Ann",
                               "--out", str(out)]).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["answers"] == data["answers"]

    declined = runner.invoke(cli, ["privacy", "delete", "--db", db, "--name", "Ann"],
                             input="no\n")
    assert declined.exit_code == 1 and "nothing was deleted" in declined.output
    assert len(json.loads(runner.invoke(cli, ["privacy", "show", "--db", db, "--name", "Ann"]
                                        ).output)["answers"]) == 2

    deleted = runner.invoke(cli, ["privacy", "delete", "--db", db, "--name", "Ann"],
                            input="yes\n")
    assert deleted.exit_code == 0, deleted.output
    assert "Deleted 2 answer(s)" in deleted.output
    after = json.loads(runner.invoke(cli, ["privacy", "show", "--db", db, "--name", "Ann"]
                                     ).output)
    assert after["answers"] == [] and after["profile"] == [] and after["totals"] == []
    board = json.loads(runner.invoke(cli, ["leaderboard", "--db", db, "--json"]).output)
    assert "Ann" not in json.dumps(board) and "Bob" in json.dumps(board)
    again = runner.invoke(cli, ["privacy", "delete", "--db", db, "--name", "Ann", "--yes"])
    assert again.exit_code == 0 and "Nothing was stored" in again.output


def test_show_without_a_database_creates_none(tmp_path):
    db = tmp_path / "none.sqlite3"
    result = CliRunner().invoke(cli, ["privacy", "show", "--db", str(db), "--name", "Zed"])
    assert result.exit_code == 0 and json.loads(result.output)["answers"] == []
    assert not db.exists()
