"""`quizbot judge`: ask the answer judge directly, for one response or a stream of cases.

Instructors use it to check how a question's accepted answers will treat what students type,
before a quiz; scripts use `--jsonl` to judge many cases without paying Python's start-up each
time. Thin on purpose: parse, call bot.core.judge.verdicts, print.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterable
from typing import Any

import click

from bot.cli import cli
from bot.core.errors import QuizError
from bot.core.judge.verdicts import judge_number, judge_text
from bot.core.models import Verdict
from bot.core.text.normalize import normalize

LINE_KEYS = frozenset({"accept", "number", "tolerance", "response", "id"})

HELP = """Judge RESPONSE against accepted answers (--accept, repeatable) or a number (--number).

\b
  quizbot judge --accept "Culiacán" "culiacan, sinaloa"
  quizbot judge --number 11000 --tolerance 0.05 "about 11.5k"
  quizbot judge --number 11000 --json "11,000"

Prints `correct: REASON` or `wrong: REASON` (or, with --json, {"correct": …, "reason": …}) and
exits 0 either way: a wrong answer is a result, not a failure. Words of RESPONSE given unquoted
are joined with spaces; put `--` before a response that starts with "-" ("-- -5").

With --jsonl, cases come one per line on standard input, as {"accept": ["…", …], "response":
"…"} or {"number": 11000, "tolerance": 0.05, "response": "…"} (an optional "id" is echoed back),
and one JSON result is written per line, in order, flushed as it goes. A line that cannot be
judged yields {"error": "line N: …"} in its place and the rest carry on; the exit code is then 1.
Blank lines are NOT skipped: each one yields an error object too, so output line N always answers
input line N.
"""


def _dumps(data: dict[str, Any]) -> str:
    """JSON without ASCII escaping, safe even for lone surrogates smuggled in through \\ud800."""
    return json.dumps(data, ensure_ascii=False).encode("utf-8", "replace").decode("utf-8")


def _result(verdict: Verdict) -> dict[str, Any]:
    return {"correct": verdict.correct, "reason": verdict.reason}


def _check_tolerance(tolerance: float | None, ctx: click.Context) -> float:
    if tolerance is None:
        return 0.0
    if not math.isfinite(tolerance) or tolerance < 0:
        raise click.BadParameter("must be a fraction of 0 or more (0.05 = ±5%).", ctx=ctx,
                                 param_hint="'--tolerance'")
    return tolerance


@cli.command("judge", help=HELP, short_help="Judge one response, or many with --jsonl.")
@click.option("--accept", "accepted", multiple=True, metavar="TEXT",
              help="An accepted answer; repeat for several.")
@click.option("--number", type=float, default=None, metavar="N",
              help="The expected number (instead of --accept).")
@click.option("--tolerance", type=float, default=None, metavar="FRACTION",
              help="Accepted margin for --number, as a fraction: 0.05 = ±5%. Default 0.")
@click.option("--json", "as_json", is_flag=True, help="Print the verdict as one JSON object.")
@click.option("--jsonl", is_flag=True,
              help="Read cases from standard input, one JSON object per line (see above).")
@click.argument("response", nargs=-1)
@click.pass_context
def judge_command(ctx: click.Context, accepted: tuple[str, ...], number: float | None,
                  tolerance: float | None, as_json: bool, jsonl: bool,
                  response: tuple[str, ...]) -> None:
    if jsonl:
        if accepted or number is not None or tolerance is not None:
            raise click.UsageError("--jsonl reads the answers from each line: drop --accept, "
                                   "--number and --tolerance.", ctx=ctx)
        if response:
            raise click.UsageError("--jsonl reads responses from standard input: drop RESPONSE.",
                                   ctx=ctx)
        bad = _judge_lines(_stdin_lines())
        if bad:
            ctx.exit(1)
        return
    if not accepted and number is None:
        raise click.UsageError("Give --accept TEXT (repeatable) or --number N.", ctx=ctx)
    if accepted and number is not None:
        raise click.UsageError("--accept and --number cannot be combined.", ctx=ctx)
    if tolerance is not None and number is None:
        raise click.UsageError("--tolerance only applies with --number.", ctx=ctx)
    margin = _check_tolerance(tolerance, ctx)
    if number is not None and not math.isfinite(number):
        raise click.BadParameter("must be a finite number.", ctx=ctx, param_hint="'--number'")
    if any(not normalize(text) for text in accepted):
        raise click.BadParameter("each accepted answer needs a word or a number in it.",
                                 ctx=ctx, param_hint="'--accept'")
    if not response:
        raise click.UsageError("Missing argument 'RESPONSE'.", ctx=ctx)
    text = " ".join(response)
    verdict = judge_text(text, accepted) if accepted else judge_number(text, number, margin)
    if as_json:
        click.echo(_dumps(_result(verdict)))
    else:
        click.echo(f"{'correct' if verdict.correct else 'wrong'}: {verdict.reason}")


def _stdin_lines() -> Iterable[str]:
    """Standard input line by line as it arrives; bytes that are not UTF-8 become U+FFFD."""
    raw = getattr(sys.stdin, "buffer", None)
    if raw is None:
        return sys.stdin
    return (line.decode("utf-8", "replace") for line in raw)


def _judge_lines(stream: Iterable[str]) -> int:
    """Judge each line of `stream`, writing one JSON line per input line. Returns bad lines."""
    bad = 0
    for index, line in enumerate(stream, start=1):
        try:
            out = _judge_line(line.rstrip("\r\n"))
        except _BadLine as err:
            out = {"error": f"line {index}: {err}"}
            bad += 1
        click.echo(_dumps(out))
        sys.stdout.flush()
    return bad


class _BadLine(Exception):
    """A --jsonl line that cannot be judged; the message says why (without the line number)."""


def _judge_line(line: str) -> dict[str, Any]:
    if not line.strip():
        raise _BadLine("blank line, expected a JSON object")
    try:
        data = json.loads(line)
    except json.JSONDecodeError as err:
        raise _BadLine(f"not JSON ({err.msg} at column {err.colno})") from None
    except (RecursionError, ValueError) as err:  # deep nesting; a 5,000-digit integer
        raise _BadLine(f"unreadable JSON ({type(err).__name__})") from None
    if not isinstance(data, dict):
        raise _BadLine("expected a JSON object")
    unknown = sorted(set(data) - LINE_KEYS)
    if unknown:
        raise _BadLine(f"unknown key {unknown[0]!r} (known: accept, number, tolerance, "
                       "response, id)")
    response = data.get("response")
    if not isinstance(response, str):
        raise _BadLine("'response' must be a string")
    if ("accept" in data) == ("number" in data):
        raise _BadLine("give exactly one of 'accept' or 'number'")
    try:
        verdict = _judge_case(data, response)
    except QuizError as err:
        raise _BadLine(str(err)) from None
    out = _result(verdict)
    return {"id": data["id"], **out} if "id" in data else out


def _is_number(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an integer beyond float range
        return False


def _judge_case(data: dict[str, Any], response: str) -> Verdict:
    if "accept" in data:
        accepted = data["accept"]
        if isinstance(accepted, str):
            accepted = [accepted]
        if not isinstance(accepted, list) or not accepted \
                or not all(isinstance(a, str) and normalize(a) for a in accepted):
            raise _BadLine("'accept' must be a non-empty list of answers with words in them")
        if "tolerance" in data:
            raise _BadLine("'tolerance' only applies with 'number'")
        return judge_text(response, accepted)
    value = data["number"]
    tolerance = data.get("tolerance", 0)
    if not _is_number(value):
        raise _BadLine("'number' must be a finite number")
    if not _is_number(tolerance) or tolerance < 0:
        raise _BadLine("'tolerance' must be a fraction of 0 or more (0.05 = ±5%)")
    return judge_number(response, float(value), float(tolerance))
