"""Options and helpers shared by the command modules."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from bot.config import Settings
from bot.core.models import Actor

if TYPE_CHECKING:
    from bot.core.service import QuizService

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


def open_service(settings: Settings, *, warn: Callable[[str], None] | None = None) -> QuizService:
    """The service for a command; a bundled pack that fails to load is one warning line each."""
    from bot.app import build_service

    return build_service(
        settings, on_pack_problem=warn or (lambda line: click.echo(f"warning: {line}", err=True)))


def read_stdin_line() -> str | None:
    """One line of standard input without its line ending (\\n or \\r\\n), None at EOF.

    Read as bytes and decoded with U+FFFD for what is not UTF-8: text-mode stdin would raise, or
    (C.UTF-8 locale) smuggle lone surrogates that crash later when stored or printed.
    """
    raw = getattr(sys.stdin, "buffer", None)  # None: a text stream swapped in by a caller
    line = sys.stdin.readline() if raw is None else raw.readline().decode("utf-8", "replace")
    return None if line == "" else line.rstrip("\r\n")


def local_actor(name: str | None) -> Actor:
    """The terminal player: a learner of the local guild, who also administers it."""
    from bot.config import LOCAL_GUILD

    display = (name or _login_name()).strip() or "player"
    return Actor(LOCAL_GUILD, f"local:{display.casefold()}", display, can_manage_guild=True)


def _login_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers and CI runners
        return "player"
