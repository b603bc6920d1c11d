"""`quizbot report` (which questions fail) and `quizbot export` (every attempt as CSV)."""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli import cli, screen
from bot.cli.common import db_option, local_actor, open_service, print_json, settings_for
from bot.console import plural


@cli.command("report")
@click.option("--pack", "pack_id", metavar="ID", default=None,
              help="The pack to report on (default: the article pack).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON rows.")
@db_option
def report(pack_id: str | None, as_json: bool, db: str | None) -> None:
    """Which questions learners fail most, with their most common wrong answers."""
    service = open_service(settings_for(db))
    try:
        actor = local_actor(None)
        rows = service.reports.question_report(actor, pack_id or service.catalog.default_id(
            actor.guild_id))
    finally:
        service.close()
    if as_json:
        print_json([{"question": r.question_id, "prompt": r.prompt, "attempts": r.attempts,
                     "correct": r.correct, "skipped": r.skipped, "hints": r.hints,
                     "players": r.players, "accuracy": round(r.accuracy, 3),
                     "avg_seconds": r.avg_seconds,
                     "wrong_answers": [{"answer": a, "count": n} for a, n in r.wrong_answers]}
                    for r in rows])
        return
    for r in rows:
        if not r.attempts:
            screen.echo(f"   -   {r.question_id}: not played yet", hang=7)
            continue
        wrong = "; ".join(f"{a!r} x{n}" for a, n in r.wrong_answers)
        screen.echo(f"{r.accuracy:>5.0%}  {r.question_id}: {r.correct}/{r.attempts} right, "
                    f"{r.skipped} skipped, {r.hints} {plural(r.hints, 'hint')}"
                    + (f"; wrong: {wrong}" if wrong else ""), hang=7)


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
    if out is None:
        click.echo(text, nl=False)
        return
    if out.exists():
        raise click.UsageError(f"{out} already exists; choose another --out")
    out.write_text(text, encoding="utf-8")
    click.echo(f"wrote {text.count(chr(10)) - 1} attempts to {out}", err=True)
