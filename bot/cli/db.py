"""`quizbot db check` and `quizbot db backup PATH`: the operator's look at the database.

Both are safe while the bot runs (see bot/store/maintenance.py). `check` exits 1 when the
database needs attention (a failed integrity check, or a schema from a newer quizbot), so it fits
a cron job or a CI step; its problems, like every other mistake, are one stderr line.
"""

from __future__ import annotations

import click

from bot.cli import cli
from bot.cli.common import db_option, print_json, settings_for
from bot.store import maintenance


@cli.group("db")
def db_group() -> None:
    """The database: check its health, or back it up while the bot runs."""


def _lines(report: maintenance.DbReport) -> list[str]:
    integrity = "ok" if report.integrity == ("ok",) else "; ".join(report.integrity[:5])
    latest = report.applied[-1] if report.applied else "none"
    schema = f"{len(report.applied)} migrations applied (latest {latest})"
    if report.pending:
        schema += f"; {len(report.pending)} pending, applied at the next start"
    if report.unknown:
        schema += f"; {len(report.unknown)} from a newer quizbot: upgrade quizbot"
    counts = ", ".join(f"{table} {count:,}" for table, count in report.counts.items())
    return [f"database: {report.path} ({report.size_bytes:,} bytes)",
            f"integrity: {integrity}", f"schema: {schema}", f"rows: {counts or 'none'}"]


@db_group.command("check")
@db_option
@click.option("--json", "as_json", is_flag=True, help="The report as one JSON object.")
def check(db: str | None, as_json: bool) -> None:
    """Check the database: integrity, schema version and row counts (read-only).

    Exits 1 if the integrity check fails or a newer quizbot wrote the schema.
    """
    report = maintenance.check(settings_for(db).db_path)
    if as_json:
        print_json(report.as_dict())
    else:
        click.echo("\n".join(_lines(report)))
    if not report.ok:
        click.get_current_context().exit(1)


@db_group.command("backup")
@click.argument("path", metavar="PATH")
@db_option
@click.option("--force", is_flag=True, help="Replace PATH if it exists.")
def backup(path: str, db: str | None, force: bool) -> None:
    """Copy the database to PATH (a file, or a folder), safely while the bot runs.

    Uses SQLite's online backup, then checks the copy. Restore by stopping quizbot and copying
    the backup over the database file (see README, Operations).
    """
    report = maintenance.backup(settings_for(db).db_path, path, force=force)
    counts = ", ".join(f"{table} {count:,}" for table, count in report.counts.items())
    click.echo(f"backed up to {report.path} ({report.size_bytes:,} bytes; integrity ok; "
               f"{counts or 'no rows'})")
