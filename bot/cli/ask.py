"""`quizbot ask` and `quizbot ask-log`: the explainer chatbot in the terminal.

Thin on purpose: every question goes through `QuizService.ask` (as guild "local"), so the terminal
answers exactly what Discord answers and unanswered questions land in the same log that
instructors read with `ask-log` to see which explainers are missing.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import click

from bot.cli import cli
from bot.cli.common import (
    clean,
    db_option,
    local_actor,
    open_service,
    print_json,
    read_stdin_line,
    say,
    settings_for,
)
from bot.config import LOCAL_GUILD
from bot.core.errors import QuizError
from bot.core.results import AskResult

if TYPE_CHECKING:
    from bot.core.service import QuizService

QUIT_WORDS = frozenset({"quit", "exit", ":q", "bye"})

ASK_HELP = """Ask the installed packs a question in plain words; typos and slang are fine.

\b
  quizbot ask "how many murders in mexico in 2007"
  quizbot ask --json "who is el mayo"
  printf '{"q": "why cant drones stop fentanyl"}\\n' | quizbot ask --jsonl
  quizbot ask                     (interactive: one question per line, "quit" or EOF to stop)

Prints the short answer, its source quote and the explainer it came from, or "I don't know that
from the installed packs." with up to three related topics. Unanswered questions are logged for
instructors (`quizbot ask-log`). With --jsonl, each input line {"q": "..."} yields one JSON line,
in order; a malformed line yields {"error": "line N: ..."} and the exit code is 1 at the end.
"""


def _dumps(data: dict[str, Any]) -> str:
    """JSON without ASCII escaping, safe even for lone surrogates smuggled in through \\ud800."""
    return json.dumps(data, ensure_ascii=False).encode("utf-8", "replace").decode("utf-8")


def render(result: AskResult) -> str:
    """The human form: answer, quote, where it came from; or the refusal and what to try."""
    lines = [result.answer]
    if result.matched:
        if result.quote:
            lines.append(f'  "{result.quote}"')
        origin = result.title or result.explainer or ""
        if result.source:
            origin = f"{origin} ({result.source})" if origin else result.source
        lines.append(f"  — {origin}  [confidence {result.confidence:.2f}]")
    elif result.suggestions:
        lines.append("  Related topics: " + "; ".join(result.suggestions))
    return "\n".join(lines)


def _one(service: QuizService, text: str, pack: str | None, as_json: bool) -> None:
    # The terminal's learner owns what they ask, like their answers (`quizbot privacy`).
    result = service.asking.ask(LOCAL_GUILD, text, pack, user_id=local_actor(None).user_id)
    if as_json:
        print_json(result.to_json())
    else:
        say(render(result))


def _jsonl(service: QuizService, pack: str | None) -> int:
    """One output line per input line, flushed as it goes; errors are lines too, not crashes."""
    failed = False
    out = sys.stdout
    for number, raw in enumerate(sys.stdin.buffer, start=1):
        try:
            item = json.loads(raw.decode("utf-8"))
            if not isinstance(item, dict) or not isinstance(item.get("q"), str):
                raise ValueError('expected an object like {"q": "your question"}')
            data: dict[str, Any] = service.asking.ask(LOCAL_GUILD, item["q"], pack).to_json()
        except (ValueError, UnicodeDecodeError) as err:
            failed = True
            data = {"error": f"line {number}: {err}"}
        except RecursionError:  # [[[[… thousands deep: json gives up, the stream carries on
            failed = True
            data = {"error": f"line {number}: JSON nested too deeply"}
        except QuizError as err:
            failed = True
            data = {"error": f"line {number}: {err}"}
        out.write(_dumps(data) + "\n")
        out.flush()
    return 1 if failed else 0


def _interactive(service: QuizService, pack: str | None, as_json: bool) -> None:
    """Read questions until EOF or "quit"; the prompt shows only on a terminal, so piping works."""
    tty = sys.stdin.isatty()
    if tty:
        click.echo('Ask about the installed packs ("quit" to stop).')
    while True:
        if tty:
            click.echo("ask> ", nl=False)
        line = read_stdin_line()
        if line is None:
            break
        text = line.strip()
        if text.casefold() in QUIT_WORDS:
            break
        if text:
            _one(service, text, pack, as_json)


@cli.command("ask", help=ASK_HELP, short_help="Ask the explainers a question.")
@click.option("--pack", "pack", default=None, metavar="ID", help="Only answer from this pack.")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print each answer as one JSON object.")
@click.option("--jsonl", is_flag=True, help='Read {"q": "..."} lines from standard input.')
@click.argument("question", nargs=-1)
def ask_command(pack: str | None, db: str | None, as_json: bool, jsonl: bool,
                question: tuple[str, ...]) -> None:
    if jsonl and question:
        raise click.UsageError("give a QUESTION or --jsonl, not both")
    service = open_service(settings_for(db))
    if pack is not None:
        service.catalog.pack(LOCAL_GUILD, pack)  # an unknown pack is one error line, not N refusals
    if jsonl:
        sys.exit(_jsonl(service, pack))
    if question:
        _one(service, " ".join(question), pack, as_json)
    else:
        _interactive(service, pack, as_json)


def _when(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, tz=UTC).strftime("%Y-%m-%d %H:%M UTC")


@cli.command("ask-log", short_help="List questions the packs could not answer.")
@click.option("--guild", "guild", default=None, metavar="ID",
              help=f'Only this guild ("{LOCAL_GUILD}" is the terminal). Default: every guild.')
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array.")
@db_option
def ask_log_command(guild: str | None, as_json: bool, db: str | None) -> None:
    """List unanswered questions, most frequent first (text, count, last asked).

    Instructors read it to decide which explainers or keywords a pack is missing.
    """
    rows = open_service(settings_for(db)).asking.unanswered_questions(guild)
    if as_json:
        print_json([{"text": text, "count": count, "last_asked": last}
                    for text, count, last in rows])
        return
    if not rows:
        click.echo("No unanswered questions logged.")
        return
    for text, count, last in rows:
        say(f"{count:>4}  {_when(last)}  {clean(text, one_line=True)}",
            hang=4 + 2 + len(_when(last)) + 2)
