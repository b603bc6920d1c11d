"""Options and helpers shared by the command modules."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

import click

from bot.config import Settings

F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    """`--db PATH` (else $QUIZBOT_DB, else db/quizbot.sqlite3 in the project)."""
    return click.option(
        "--db", "db", metavar="PATH", default=None,
        help="SQLite database file (default: $QUIZBOT_DB or db/quizbot.sqlite3).",
    )(func)


def settings_for(db: str | None) -> Settings:
    return Settings.load(db=db)


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False))
