"""`quizbot run`: refuses to start without a token, never shows it, dry-runs offline."""

from __future__ import annotations

import json
from unittest.mock import AsyncMock, patch

import discord
import pytest
from click.testing import CliRunner

from bot import config as bot_config
from bot.cli import cli

TOKEN = "MTIz.fake.token-that-must-never-be-printed"


@pytest.fixture
def runner(tmp_path, monkeypatch) -> CliRunner:
    # Settings reads the project's .env: point it at an empty folder so a developer's real
    # token can never leak into (or be used by) these tests.
    monkeypatch.setattr("bot.config.PROJECT_ROOT", tmp_path)
    monkeypatch.chdir(tmp_path)
    never_connect = AsyncMock(side_effect=AssertionError("a test tried to connect to Discord"))
    monkeypatch.setattr("bot.discord_app.client.QuizBot.start", never_connect)
    for name in ("DISCORD_TOKEN", "QUIZBOT_DB", "QUIZBOT_DEV_GUILD", "QUIZBOT_OWNER_IDS",
                 "QUIZBOT_MESSAGE_CONTENT"):
        monkeypatch.delenv(name, raising=False)
    return CliRunner()


def test_no_token_is_one_line_and_exit_2(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["run", "--db", ":memory:"])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "DISCORD_TOKEN" in result.stderr


def test_token_from_dotenv_rejected_is_one_line_exit_2_and_never_shown(runner: CliRunner,
                                                                        caplog) -> None:
    (bot_config.PROJECT_ROOT / ".env").write_text(f"DISCORD_TOKEN={TOKEN}\n", encoding="utf-8")
    start = AsyncMock(side_effect=discord.LoginFailure("Improper token has been passed."))
    with patch("bot.discord_app.client.QuizBot.start", start), \
            patch("discord.utils.setup_logging"):
        result = runner.invoke(cli, ["run", "--db", ":memory:"])
    assert result.exit_code == 2
    assert start.await_args.args == (TOKEN,)
    assert len(result.stderr.strip().splitlines()) == 1
    assert "rejected" in result.stderr
    assert TOKEN not in result.output + result.stderr + caplog.text


def test_dry_run_lists_every_command_with_options(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["run", "--dry-run", "--db", ":memory:"])
    assert result.exit_code == 0, result.output + result.stderr
    out = result.stdout
    for command in ("/ask", "/explain", "/stats", "/leaderboard", "/pack list", "/pack info",
                    "/pack report", "/scores reset", "/scores export", "/config roles",
                    "/admin sync"):
        assert f"\n{command} — " in "\n" + out, command
    assert "question (string; required; length 2–300)" in out
    assert "period (string; optional; choices: week, month, all)" in out


def test_dry_run_json_has_registration_payloads(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["run", "--json", "--db", ":memory:"])
    assert result.exit_code == 0, result.stderr
    listing = json.loads(result.stdout)
    by_name = {item["name"]: item for item in listing}
    assert {"ask", "pack", "scores", "config", "admin"} <= set(by_name)
    ask = by_name["ask"]
    assert ask["payload"]["name"] == "ask" and ask["payload"]["type"] == 1
    assert [o["name"] for o in ask["options"]] == ["question", "public"]
    assert [o["name"] for o in by_name["pack"]["options"]] == [
        "list", "info", "upload", "export", "remove", "report", "history", "restore"]
    assert [o["name"] for o in by_name["scores"]["options"]] == ["reset", "season", "export"]
    assert [o["name"] for o in by_name["stats"]["options"]] == ["user", "chart"]


def test_unreachable_discord_is_one_line(runner: CliRunner, monkeypatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    start = AsyncMock(side_effect=OSError("Name or service not known"))
    with patch("bot.discord_app.client.QuizBot.start", start), \
            patch("discord.utils.setup_logging"):
        result = runner.invoke(cli, ["run", "--db", ":memory:"])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "cannot reach Discord" in result.stderr
    assert TOKEN not in result.output


def test_ctrl_c_stops_quietly(runner: CliRunner, monkeypatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    start = AsyncMock(side_effect=KeyboardInterrupt)
    with patch("bot.discord_app.client.QuizBot.start", start), \
            patch("discord.utils.setup_logging"):
        result = runner.invoke(cli, ["run", "--db", ":memory:"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and TOKEN not in result.output
