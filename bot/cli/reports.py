"""`quizbot report` (which questions fail) and `quizbot export` (every attempt as CSV)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from bot.cli import cli
from bot.cli.common import (
    clean,
    db_option,
    local_actor,
    open_service,
    print_json,
    say,
    settings_for,
)


@cli.command("report")
@click.option("--pack", "pack_id", metavar="ID", default=None,
              help="The pack to report on (default: the article pack).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON rows.")
@db_option
def report(pack_id: str | None, as_json: bool, db: str | None) -> None:
    """Per question: prompt, attempts, facility (% right), discrimination, skips, median time,
    common wrong answers (choices by their text) and flags, the pack's order.

    Discrimination is Moodle's classic index: the top third of learners' share right minus the
    bottom third's (needs 3 learners). A wrong answer that is really right can be accepted with
    `quizbot pack accept PACK QUESTION "answer" [--rescore]`.
    """
    service = open_service(settings_for(db))
    try:
        actor = local_actor(None)
        chosen = pack_id or service.catalog.default_id(actor.guild_id)
        rows = service.reports.item_report(actor, chosen)
        reported = service.feedback.reasons(actor, chosen)  # learners' "Report" reasons
    finally:
        service.close()
    if as_json:
        print_json([{"question": r.question_id, "prompt": r.prompt, "attempts": r.attempts,
                     "correct": r.correct, "skipped": r.skipped,
                     "facility": None if r.facility is None else round(r.facility, 3),
                     "discrimination": r.discrimination, "median_seconds": r.median_seconds,
                     "wrong_answers": [{"answer": a, "count": n} for a, n in r.wrong_answers],
                     "flags": list(r.flags), "reports": list(reported.get(r.question_id, ()))}
                    for r in rows])
        return
    for r in rows:
        say(f"{r.question_id}: {clean(r.prompt, one_line=True)}", hang=4)
        if not r.attempts:
            say("    not played yet")
            if reported.get(r.question_id):
                say("    reported: " + "; ".join(repr(x) for x in reported[r.question_id]))
            continue
        di = "n/a (fewer than 3 learners)" if r.discrimination is None \
            else f"{r.discrimination:+.2f}"
        median = "" if r.median_seconds is None else f", median {r.median_seconds:g} s"
        say(f"    {r.attempts} attempts, {r.facility or 0:.0%} right, discrimination "
                    f"{di}, {r.skipped} skipped{median}", hang=4)
        if r.wrong_answers:
            say("    wrong: " + "; ".join(f"{clean(a, one_line=True)!r} x{n}"
                                     for a, n in r.wrong_answers), hang=11)
        if r.flags:
            say("    flags: " + "; ".join(r.flags), hang=11)
        if reported.get(r.question_id):
            say("    reported: " + "; ".join(repr(x) for x in reported[r.question_id]))


@cli.command("gradebook")
@click.option("--pack", "pack_id", metavar="ID", default=None, help="Only this pack.")
@click.option("--since", metavar="YYYY-MM-DD", default=None,
              help="Only attempts on or after this day (UTC).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the CSV here instead of standard output (never overwrites).")
@db_option
def gradebook(pack_id: str | None, since: str | None, out: Path | None, db: str | None) -> None:
    """One CSV row per student per pack: points, accuracy, completion, last active."""
    start = _day(since) if since else None
    service = open_service(settings_for(db))
    try:
        text = service.reports.gradebook_csv(local_actor(None), pack_id, start)
    finally:
        service.close()
    _write_csv(text, out, "rows")


def _day(text: str) -> float:
    try:
        return datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=UTC).timestamp()
    except ValueError:
        raise click.BadParameter(f"'{text}' is not a date like 2026-09-01",
                                 param_hint="--since") from None


@cli.command("export")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the CSV here instead of standard output (never overwrites).")
@db_option
def export(out: Path | None, db: str | None) -> None:
    """Every recorded attempt of the local guild as CSV, for a spreadsheet or grade book."""
    service = open_service(settings_for(db))
    try:
        text = service.reports.export_scores_csv(local_actor(None))
    finally:
        service.close()
    _write_csv(text, out, "attempts")


def _write_csv(text: str, out: Path | None, noun: str) -> None:
    """CSV to standard output, or to a new file `out` (never overwritten) with a count on stderr."""
    if out is None:
        click.echo(text, nl=False)
        return
    if out.exists():
        raise click.UsageError(f"{out} already exists; choose another --out")
    out.write_text(text, encoding="utf-8")
    click.echo(f"wrote {text.count(chr(10)) - 1} {noun} to {out}", err=True)
