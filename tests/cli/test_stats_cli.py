"""`quizbot stats`, with and without a chart."""

import json

from click.testing import CliRunner

from bot.cli import cli

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_stats_follow_a_played_quiz_and_draw_a_chart(tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "q.sqlite3")
    empty = runner.invoke(cli, ["stats", "--db", db, "--name", "Ann", "--chart",
                                str(tmp_path / "none.png")])
    assert empty.exit_code == 1 and "nothing to chart" in empty.output
    runner.invoke(cli, ["play", "--count", "4", "--seed", "3", "--db", db, "--name", "Ann"],
                  input="false\nb\na b c d\nfalse\n")  # wrong answers, each in its form
    result = runner.invoke(cli, ["stats", "--db", db, "--name", "Ann", "--json"])
    data = json.loads(result.output)
    assert (data["answered"], data["correct"], data["name"]) == (4, 0, "Ann")
    assert sum(t["answered"] for t in data["topics"]) == 4
    chart = tmp_path / "topics.png"
    drawn = runner.invoke(cli, ["stats", "--db", db, "--name", "Ann", "--chart", str(chart)])
    assert drawn.exit_code == 0 and "0/4 right" in drawn.output
    assert chart.read_bytes().startswith(PNG_SIGNATURE)
