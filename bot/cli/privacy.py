"""`quizbot privacy show|delete`: the terminal learner's own data, like /privacy in Discord.

The terminal learner is `--name` (default: your login name) in the terminal's own guild; nothing
here touches another learner or a Discord server's rows.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import click

from bot.cli import cli
from bot.cli.common import db_option, local_actor, open_service, read_stdin_line, settings_for
from bot.config import MEMORY

NAME_HELP = "Whose data (default: your login name, as in `quizbot play`)."


@cli.group("privacy")
def privacy_group() -> None:
    """Your own data: see everything quizbot stores about you, or delete it."""


@privacy_group.command("show")
@click.option("--name", default=None, help=NAME_HELP)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the JSON here instead of standard output (never overwrites).")
@db_option
def show(name: str | None, out: Path | None, db: str | None) -> None:
    """Everything stored about you (answers, totals, review schedule, questions asked) as JSON."""
    if out is not None and out.exists():
        raise click.UsageError(f"{out} already exists; choose another --out")
    settings = settings_for(db)
    if settings.db_path != MEMORY and not Path(settings.db_path).exists():
        settings = dataclasses.replace(settings, db_path=MEMORY)  # showing never creates a file
    service = open_service(settings)
    try:
        text = service.privacy.my_data_json(local_actor(name))
    finally:
        service.close()
    if out is None:
        click.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")


@privacy_group.command("delete")
@click.option("--name", default=None, help=NAME_HELP)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@db_option
def delete(name: str | None, yes: bool, db: str | None) -> None:
    """Delete your answers, totals, review state and logged questions; boards drop you."""
    actor = local_actor(name)
    settings = settings_for(db)
    if settings.db_path != MEMORY and not Path(settings.db_path).exists():
        click.echo("Nothing stored yet: nothing to delete.")
        return
    if not yes:
        click.echo(f"Delete everything quizbot stores about {actor.display_name} "
                   "(answers, points, review schedule, logged questions)? "
                   "This cannot be undone. Type yes to confirm: ", nl=False)
        answer = read_stdin_line()
        if (answer or "").strip().casefold() not in {"y", "yes"}:
            click.echo()
            raise click.ClickException("nothing was deleted")
    service = open_service(settings)
    try:
        summary = service.privacy.delete_my_data(actor)
    finally:
        service.close()
    if summary.nothing:
        click.echo(f"Nothing was stored about {actor.display_name}.")
        return
    click.echo(f"Deleted {summary.answers} answer(s), {summary.totals} total(s), "
               f"{summary.unanswered_questions} logged question(s), "
               f"{summary.question_reports} question report(s) and {summary.sessions} quiz(zes) "
               f"of {actor.display_name}; the leaderboard no longer lists them.")
