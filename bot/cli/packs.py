"""`quizbot pack list|show|install|remove|validate`: the terminal's packs, and pack files.

The terminal plays in its own local guild (bot.config.LOCAL_GUILD), whose administrator is the
person at the keyboard: `install` and `remove` manage that guild's packs in the database, and
`list`/`show` go through the same service, so what they show is exactly what `quizbot play` can
play (bundled packs plus installed ones). Listing never creates a database that does not exist.

`validate` prints problems on stdout, not stderr, on purpose: the list of `FILE:LINE: message`
lines is the command's output (for editors, `grep`, CI logs), and the exit code says whether
any file had problems. `install` prints the same lines on stderr: there they explain a failure.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from bot.cli import cli, screen
from bot.cli.common import db_option, local_actor, open_service, print_json, settings_for
from bot.config import LOCAL_GUILD, MEMORY
from bot.core.errors import PackError
from bot.core.models import Pack, Question
from bot.core.packs.loader import check_paths

if TYPE_CHECKING:
    from bot.core.service import QuizService


@contextmanager
def _service(db: str | None, *, create: bool = False) -> Iterator[QuizService]:
    """The service over the chosen database; closed afterwards.

    Read-only commands (`create=False`) never create a database file: with none yet, nothing has
    been installed, so an in-memory one shows the bundled packs. A broken bundled file is reported
    on stderr (`warning: FILE:LINE: …`); the other packs still load.
    """
    settings = settings_for(db)
    if not create and settings.db_path != MEMORY and not Path(settings.db_path).exists():
        settings = dataclasses.replace(settings, db_path=MEMORY)
    service = open_service(settings)
    try:
        yield service
    finally:
        service.close()


@cli.group("pack")
def pack_group() -> None:
    """Question packs: list, show, install or remove them; validate pack files."""


@pack_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON array instead of a table.")
@db_option
def list_packs(as_json: bool, db: str | None) -> None:
    """List the packs you can play: id, title, number of questions and explainers.

    Packs installed with `quizbot pack install` are marked "(installed)".
    """
    with _service(db) as service:
        packs = service.catalog.list_packs(LOCAL_GUILD)
        installed = {p.id for p in packs if not p.bundled}
    rows = [{"id": p.id, "title": p.title, "questions": p.questions,
             "explainers": p.explainers} for p in packs]
    if as_json:
        print_json(rows)
        return
    if not rows:
        click.echo("no packs installed")
        return
    width = max(len(row["id"]) for row in rows)
    for row in rows:
        mark = "  (installed)" if row["id"] in installed else ""
        click.echo(f"{row['id']:<{width}}  {row['questions']:>3} questions  "
                   f"{row['explainers']:>3} explainers  {row['title']}{mark}")


@pack_group.command("show")
@click.argument("pack_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="The pack's summary as JSON.")
@db_option
def show_pack(pack_id: str, as_json: bool, db: str | None) -> None:
    """Show one pack: metadata, source, topics, questions and explainers."""
    with _service(db) as service:
        pack = service.catalog.pack(LOCAL_GUILD, pack_id)  # UnknownPack → one stderr line, exit 1
    if as_json:
        print_json(_summary(pack))
        return
    source = pack.source
    lines = [
        f"{pack.id}: {pack.title}",
        pack.description,
        f"source: {source.title}",
        f"  author: {source.author}; outlet: {source.outlet}; date: {source.date}",
    ]
    if source.url:
        lines.append(f"  url: {source.url}")
    if pack.topics:
        lines.append(f"topics: {', '.join(pack.topics)}")
    width = max((len(item.id) for item in (*pack.questions, *pack.explainers)), default=0)
    lines.append(f"questions ({len(pack.questions)}):")
    lines += [f"  {q.id:<{width}}  {q.type:<9}  difficulty {q.difficulty}  {_one_line(q)}"
              for q in pack.questions]
    lines.append(f"explainers ({len(pack.explainers)}):")
    lines += [f"  {e.id:<{width}}  {e.title}" for e in pack.explainers]
    for line in lines:  # a question's or explainer's text hangs under its own first word
        screen.echo(line, hang=4 if line.startswith("  ") else 2)


def _one_line(question: Question) -> str:
    return " ".join(question.prompt.split())


def _summary(pack: Pack) -> dict[str, Any]:
    source = pack.source
    return {
        "id": pack.id, "title": pack.title, "description": pack.description,
        "source": {"title": source.title, "author": source.author, "outlet": source.outlet,
                   "date": source.date, "url": source.url},
        "topics": list(pack.topics),
        "questions": [{"id": q.id, "type": str(q.type), "difficulty": q.difficulty,
                       "prompt": q.prompt} for q in pack.questions],
        "explainers": [{"id": e.id, "title": e.title} for e in pack.explainers],
        "path": pack.path,
    }


@pack_group.command("install")
@click.argument("file", metavar="FILE",
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
def install(file: Path, db: str | None) -> None:
    """Install a pack file for the terminal (a pack with the same id is replaced).

    The file is checked completely first: on any problem, every `FILE:LINE: message` is printed
    on stderr, nothing is stored (an installed version stays as it was), and the exit code is 1.
    """
    data = file.read_bytes()
    with _service(db, create=True) as service:
        try:
            summary = service.pack_admin.install_pack(local_actor(None), data, str(file))
        except PackError as err:
            for problem in err.problems:
                click.echo(problem, err=True)
            click.get_current_context().exit(1)
    click.echo(f"installed {summary.id}: {summary.title} ({summary.questions} questions, "
               f"{summary.explainers} explainers); play it with "
               f"`quizbot play --pack {summary.id}`")


@pack_group.command("remove")
@click.argument("pack_id", metavar="ID")
@db_option
def remove(pack_id: str, db: str | None) -> None:
    """Remove a pack installed with `pack install` (bundled packs stay; scores are kept)."""
    with _service(db) as service:
        # a mistake → one stderr line, exit 1
        service.pack_admin.remove_pack(local_actor(None), pack_id)
    click.echo(f"removed {pack_id}")


@pack_group.command("validate")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Check pack files (default: every *.yaml in the packs directory).

    Prints `FILE: ok (N questions, M explainers)` for each good file and one
    `FILE:LINE: message` line per problem; exits 1 if any file had a problem.
    """
    paths = list(files) or sorted(settings_for(None).packs_dir.glob("*.yaml"))
    if not paths:
        click.echo("no pack files to validate", err=True)
        click.get_current_context().exit(1)
    bad = False
    for check in check_paths(paths):
        if check.pack is not None:
            click.echo(
                f"{check.path}: ok ({len(check.pack.questions)} questions, "
                f"{len(check.pack.explainers)} explainers)"
            )
        else:
            bad = True
            for problem in check.problems:
                click.echo(problem)
    if bad:
        click.get_current_context().exit(1)
