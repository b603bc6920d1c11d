"""`quizbot season start|list`: a moderator's fresh board, with the old one kept readable."""

from __future__ import annotations

import time

import click

from bot.cli import cli
from bot.cli.common import db_option, local_actor, open_service, print_json, settings_for
from bot.config import LOCAL_GUILD


@cli.group("season")
def season() -> None:
    """Seasons of the leaderboard: each question counts once per learner per season."""


@season.command("start")
@click.option("--name", default=None, help="A name for the new season (e.g. 'Spring term').")
@db_option
def start(name: str | None, db: str | None) -> None:
    """Archive the current board and start a new season (every question counts afresh)."""
    service = open_service(settings_for(db))
    try:
        info = service.standings.start_season(local_actor(None), name)
    finally:
        service.close()
    label = f" ({info.name})" if info.name else ""
    click.echo(f"Season {info.number}{label} started; season {info.number - 1}'s board is "
               f"archived: quizbot leaderboard --season {info.number - 1}")


@season.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON rows.")
@db_option
def list_seasons(as_json: bool, db: str | None) -> None:
    """Every season, with when it began and how many learners ranked in it."""
    service = open_service(settings_for(db))
    try:
        seasons = service.standings.seasons(LOCAL_GUILD)
    finally:
        service.close()
    if as_json:
        print_json([{"season": s.number, "name": s.name, "started_at": s.started_at,
                     "players": s.players, "current": s.current} for s in seasons])
        return
    for s in seasons:
        began = (time.strftime("%Y-%m-%d", time.localtime(s.started_at))
                 if s.started_at else "the first answer")
        players = f"{s.players} player" + ("" if s.players == 1 else "s")
        mark = " (current)" if s.current else ""
        name = f" {s.name}" if s.name else ""
        click.echo(f"Season {s.number}{name}{mark}: since {began}, {players}")
