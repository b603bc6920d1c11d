"""The `quizbot` command line. Thin: parse, call the service, print.

Every user mistake ends as one line on stderr and a non-zero exit code, never a traceback: the
group's `main` turns click's usage errors and the core's QuizError into that one line.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from typing import Any

import click

from bot.core.errors import PackError, QuizError


class _Interrupted(Exception):
    """Ctrl-C, carried past click's own handler (which would add a blank line to stderr)."""


class LazyGroup(click.Group):
    """A click group that imports a command's module only when that command runs: `lazy`
    maps each command name to the modules (under bot.cli) that add it. Every command used to
    import all of them, a third of a `quizbot pack list` start."""

    lazy: dict[str, tuple[str, ...]] = {}

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        _register_commands(self.lazy.get(cmd_name, ()))
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        _register_commands(tuple(sorted({m for names in self.lazy.values() for m in names})))
        return super().list_commands(ctx)


class QuizbotGroup(LazyGroup):
    """The root group: its errors are single stderr lines (also under click's CliRunner)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise _Interrupted from None

    def main(self, args: Any = None, prog_name: str | None = None, **extra: Any) -> Any:
        extra.pop("standalone_mode", None)
        try:
            result = super().main(args=args, prog_name=prog_name or "quizbot",
                                  standalone_mode=False, **extra)
        except click.exceptions.Exit as done:
            sys.exit(done.exit_code)
        except click.exceptions.NoArgsIsHelpError as err:  # `quizbot`, `quizbot pack`
            command = err.ctx.command
            names = ", ".join(command.list_commands(err.ctx) if isinstance(command, click.Group)
                              else ())
            _fail(f"{err.ctx.command_path}: missing command ({names}); "
                  f"see `{err.ctx.command_path} --help`", 2)
        except click.UsageError as err:
            where = f"{err.ctx.command_path}: " if err.ctx else "quizbot: "
            _fail(where + err.format_message(), 2)
        except click.ClickException as err:
            _fail(f"quizbot: {err.format_message()}", err.exit_code)
        except click.Abort:
            _fail("quizbot: aborted", 130)
        except PackError as err:  # by design: every FILE:LINE problem, one line each
            _fail("quizbot: " + "\n".join(_one_line(p) for p in err.problems), 1, lines=True)
        except QuizError as err:
            _fail(f"quizbot: {err}", 1)
        except (KeyboardInterrupt, _Interrupted):
            _fail("quizbot: interrupted", 130)
        except OSError as err:  # a file or folder the user named cannot be used
            _fail(f"quizbot: {err.strerror or err}: {err.filename or ''}".rstrip(": "), 1)
        except Exception as err:  # a bug: still one line, the traceback only on request
            if os.environ.get("QUIZBOT_DEBUG"):
                raise
            _fail(f"quizbot: unexpected error ({type(err).__name__}: {err}); "
                  "set QUIZBOT_DEBUG=1 to see the traceback", 1)
        sys.exit(result if isinstance(result, int) else 0)


def _fail(message: str, code: int, *, lines: bool = False) -> None:
    """Print the error and exit. Messages echo what the user typed (pack ids, paths): a newline
    or an escape sequence in there must not split the line or drive the terminal, so only
    `lines=True` (already cleaned, one problem per line) keeps its newlines."""
    click.echo(message if lines else _one_line(message), err=True)
    sys.exit(code)


def _one_line(text: str) -> str:
    """`text` with control characters, line separators and lone surrogates shown escaped."""
    return "".join(ascii(c)[1:-1] if unicodedata.category(c) in _UNPRINTABLE else c
                   for c in text)


_UNPRINTABLE = frozenset({"Cc", "Cs", "Zl", "Zp"})


@click.group(cls=QuizbotGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="quizbot")
def cli() -> None:
    """quizbot: quizzes and explainers built from an article, in Discord or the terminal."""


def main() -> None:
    """Console-script entry point."""
    cli.main()


# Which modules add each top-level command to `cli` (tests/cli checks it against them all).
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "ask": ("ask",), "ask-log": ("ask",), "bench": ("bench",), "db": ("db",),
    "explain": ("explain",), "judge": ("judge",), "pack": ("packs",),
    "play": ("play",), "review": ("play",), "leaderboard": ("play",), "privacy": ("privacy",),
    "report": ("reports",), "gradebook": ("reports",), "export": ("reports",), "run": ("run",),
    "season": ("seasons",), "stats": ("stats",), "retention": ("stats",),
}


cli.lazy = COMMAND_MODULES


def _register_commands(modules: tuple[str, ...]) -> None:
    """Import command modules once; each adds its commands to its group."""
    import importlib

    for name in modules:
        importlib.import_module(f"bot.cli.{name}")
