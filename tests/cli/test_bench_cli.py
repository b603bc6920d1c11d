"""`quizbot bench --scale small`: every figure is produced in the documented shape (no timing is
asserted: speed depends on the machine and lives in the bench's own output)."""

import json

from click.testing import CliRunner

from bot.cli import cli

FIGURE_KEYS = {"p50_ms", "p99_ms", "baseline_p99_ms", "ratio", "target", "met"}


def test_small_bench_reports_every_figure_with_its_baseline():
    result = CliRunner().invoke(cli, ["bench", "--scale", "small", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(report) == {"answer", "ask", "leaderboard", "startup", "loop_stall",
                           "scale", "seconds"}
    for name in ("answer", "ask", "leaderboard", "startup", "loop_stall"):
        figure = report[name]
        assert set(figure) >= FIGURE_KEYS, name
        assert isinstance(figure["met"], bool) and figure["target"]
        assert figure["p50_ms"] <= figure["p99_ms"], name
        assert figure["baseline_p99_ms"] is not None and figure["baseline_p99_ms"] > 0, name
    assert report["answer"]["answers"] == 200
    assert set(report["leaderboard"]["boards"]) == {"all@0", "week@0", "month@0", "all@99"}
    assert report["loop_stall"]["players"] == 30
    assert "bench" in result.stderr  # the progress bar goes to stderr, never into the JSON


def test_unknown_scale_is_one_line_and_an_error():
    result = CliRunner().invoke(cli, ["bench", "--scale", "huge"])
    assert result.exit_code == 2 and "huge" in result.output
