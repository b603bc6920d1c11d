"""Options and helpers shared by the command modules."""

from __future__ import annotations

import json
import re
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

    display = _whole_text(name or _login_name()).strip() or "player"
    return Actor(LOCAL_GUILD, f"local:{display.casefold()}", display, can_manage_guild=True)


def _whole_text(text: str) -> str:
    """Arguments that were not UTF-8 bytes reach Python as lone surrogates ('\\udcff'), which
    SQLite cannot store: show those bytes as U+FFFD instead."""
    if not any("\ud800" <= c <= "\udfff" for c in text):
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)


def _login_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers and CI runners
        return "player"


# ESC-introduced sequences (CSI "\x1b[…m", OSC "\x1b]…\x07" titles and links, two-byte
# escapes) and their 8-bit C1 forms: what a terminal would obey instead of print.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"                     # CSI … final byte
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC, DCS…
    r"|\x1b[ -/]*[0-~]?"                                      # any other escape
)
# Controls left after that (C0 but tab and newline, DEL, C1), line and paragraph separators,
# and the bidirectional overrides that make a line read differently from what it holds.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def clean(text: str, *, one_line: bool = False) -> str:
    """Stored text as the terminal may show it: escape sequences and control characters
    removed (a student's name or question, a pack's prompt, cannot drive the instructor's
    terminal), tabs as spaces; with `one_line`, line breaks too."""
    text = _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text)).replace("\t", " ")
    return " ".join(text.split()) if one_line else text


def say(text: str = "", hang: int | None = None, **kwargs: Any) -> None:
    """click.echo for output that carries stored text (names, prompts, asked questions):
    cleaned, then wrapped to the terminal width (bot/cli/screen.py; `hang` sets the indent of
    continuation lines when the caller knows its layout better than the label rule)."""
    from bot.cli.screen import wrap

    click.echo(wrap(clean(text), hang=hang), **kwargs)
