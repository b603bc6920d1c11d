"""`quizbot play` and `quizbot review` (solo quizzes in the terminal), `quizbot leaderboard`."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

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
from bot.console import ConsoleQuiz
from bot.core.service.quizzes import MAX_COUNT

CHARTS_OPTION = click.option(
    "--charts", type=click.Path(file_okay=False, path_type=Path), default=None, metavar="DIR",
    help="Write each chart a question shows as a PNG in DIR (created if missing); without it "
         "charts are only named. Needs matplotlib.")


def _charts_dir(charts: Path | None) -> Path | None:
    """The --charts folder, made now so a bad path fails before the quiz, not in the middle."""
    if charts is not None:
        try:
            charts.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise click.ClickException(f"--charts {charts}: {err.strerror or err}") from None
    return charts


@cli.command("play")
@click.option("--pack", "pack_id", metavar="ID", help="Pack to play (default: the article pack).")
@click.option("--count", type=click.IntRange(1, MAX_COUNT), default=10, show_default=True,
              help="How many questions.")
@click.option("--seed", type=int, default=None,
              help="Fix the question order (same seed, same quiz).")
@click.option("--name", default=None, help="Your name on the leaderboard (default: login name).")
@CHARTS_OPTION
@db_option
def play(pack_id: str | None, count: int, seed: int | None, name: str | None,
         charts: Path | None, db: str | None) -> None:
    """Play a solo quiz: one answer per line on standard input (works piped)."""
    charts_dir = _charts_dir(charts)
    service = open_service(settings_for(db))
    try:
        quiz = ConsoleQuiz(service, local_actor(name), _read_line, say, charts_dir)
        quiz.play(pack_id, count, seed)
    finally:
        service.close()


@cli.command("review")
@click.option("--pack", "pack_id", metavar="ID",
              help="Only this pack's questions (default: every pack, most due first).")
@click.option("--count", type=click.IntRange(1, MAX_COUNT), default=10, show_default=True,
              help="At most this many questions.")
@click.option("--name", default=None, help="Your name on the leaderboard (default: login name).")
@CHARTS_OPTION
@db_option
def review(pack_id: str | None, count: int, name: str | None, charts: Path | None,
           db: str | None) -> None:
    """Review what is due again, across every pack (FSRS: a miss comes back at once, right
    answers after growing intervals)."""
    charts_dir = _charts_dir(charts)
    service = open_service(settings_for(db))
    try:
        if pack_id is not None:
            service.catalog.pack(
                LOCAL_GUILD, pack_id
            )  # else an unknown id reads "nothing to review"
        ConsoleQuiz(service, local_actor(name), _read_line, say, charts_dir).review(pack_id,
                                                                                    count)
    finally:
        service.close()


def _read_line() -> str | None:
    """One answer. On a terminal, input() with readline: arrow keys edit the line and recall
    earlier answers (history); piped, plain lines so scripts work."""
    if sys.stdin.isatty():
        with contextlib.suppress(ImportError):  # Windows without readline: plain input
            import readline  # noqa: F401  (enables line editing and history for input())
        try:
            return input("> ")
        except EOFError:
            return None
    return read_stdin_line()


@cli.command("leaderboard")
@click.option("--pack", "pack_id", metavar="ID", default=None, help="Only this pack's points.")
@click.option(
    "--period",
    type=click.Choice(["all", "month", "week"]),
    default="all",
    show_default=True,
    help="All time, this calendar month or this calendar week (UTC).",
)
@click.option("--season", type=click.IntRange(1), default=None, metavar="N",
              help="A past season's archived board (default: the current season).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON rows.")
@db_option
def leaderboard(pack_id: str | None, period: str, season: int | None, as_json: bool,
                db: str | None) -> None:
    """Show the local leaderboard: ranked points (each question's first try this season)."""
    service = open_service(settings_for(db))
    try:
        if pack_id:
            service.catalog.pack(LOCAL_GUILD, pack_id)  # unknown id → one clear error line
        rows, page = [], 0
        while True:
            board = service.standings.leaderboard(
                LOCAL_GUILD, pack_id, period, page=page, per_page=25, season=season
            )
            rows.extend(board.rows)
            page += 1
            if page >= board.pages:
                break
    finally:
        service.close()
    if as_json:
        print_json(
            [
                {
                    "rank": r.rank,
                    "name": r.display_name,
                    "user_id": r.user_id,
                    "points": r.points,
                    "correct": r.correct,
                    "answered": r.answered,
                }
                for r in rows
            ]
        )
        return
    if not rows:
        click.echo("No scores yet: quizbot play starts a quiz.")
    for r in rows:
        name = clean(r.display_name, one_line=True)
        say(f"{r.rank:>3}. {name:<20} {r.points:>6} pts  {r.correct}/{r.answered} correct")
