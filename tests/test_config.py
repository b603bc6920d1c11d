"""Settings never echo a secret (issue 10): a token pasted into the wrong line of .env."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.config import Settings, looks_like_secret
from bot.core.errors import InvalidInput

TOKEN = "MTA0OTg3NjU0MzIxMDk4NzY1NA.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB"


@pytest.mark.parametrize("name", ["QUIZBOT_DEV_GUILD", "QUIZBOT_OWNER_IDS",
                                  "QUIZBOT_LIVE_SECONDS"])
def test_a_token_in_a_number_setting_is_refused_without_being_shown(name: str,
                                                                     tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as err:
        Settings.load(env={name: TOKEN}, dotenv_path=tmp_path / "none")
    message = str(err.value)
    assert name in message and "looks like a token (not shown" in message
    for piece in TOKEN.split("."):
        assert piece[:6] not in message


def test_the_cli_error_line_does_not_carry_the_token_either(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["run", "--dry-run"], env={"QUIZBOT_DEV_GUILD": TOKEN})
    assert result.exit_code != 0
    assert TOKEN[:8] not in result.output and "not shown" in result.output


@pytest.mark.parametrize("value,shown", [("12ab", "'12ab'"), ("my server", "'my server'"),
                                         ("x" * 60, "'" + "x" * 24 + "…'")])
def test_ordinary_mistakes_are_still_quoted_so_they_can_be_fixed(value: str, shown: str,
                                                                  tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as err:
        Settings.load(env={"QUIZBOT_DEV_GUILD": value}, dotenv_path=tmp_path / "none")
    assert f"got {shown}" in str(err.value)


@pytest.mark.parametrize("value,secret", [(TOKEN, True), ("sk-proj-4f9a8b7c6d5e4f3a2b1c", True),
                                          ("123456789012345678901234", False),
                                          ("not a token at all, just words", False),
                                          ("abc", False)])
def test_what_looks_like_a_secret(value: str, secret: bool) -> None:
    assert looks_like_secret(value) is secret
