"""`quizbot pack list|show|validate`: look at the installed packs and check pack files.

`validate` prints problems on stdout, not stderr, on purpose: the list of `FILE:LINE: message`
lines is the command's output (for editors, `grep`, CI logs), and the exit code says whether
any file had problems.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from bot.cli import cli
from bot.cli.common import print_json, settings_for
from bot.core.library import PackLibrary
from bot.core.models import Pack, Question
from bot.core.packs import check_paths


def _library() -> PackLibrary:
    """The packs directory's packs; a broken file is reported on stderr, the rest still listed."""
    library = PackLibrary(settings_for(None).packs_dir)
    for problem in library.load_directory():
        click.echo(f"warning: {problem}", err=True)
    return library


@cli.group("pack")
def pack_group() -> None:
    """Installed question packs: list them, show one, validate pack files."""


@pack_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON array instead of a table.")
def list_packs(as_json: bool) -> None:
    """List installed packs: id, title, number of questions and explainers."""
    packs = _library().all()
    rows = [{"id": p.id, "title": p.title, "questions": len(p.questions),
             "explainers": len(p.explainers)} for p in packs]
    if as_json:
        print_json(rows)
        return
    if not rows:
        click.echo("no packs installed")
        return
    width = max(len(row["id"]) for row in rows)
    for row in rows:
        click.echo(f"{row['id']:<{width}}  {row['questions']:>3} questions  "
                   f"{row['explainers']:>3} explainers  {row['title']}")


@pack_group.command("show")
@click.argument("pack_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="The pack's summary as JSON.")
def show_pack(pack_id: str, as_json: bool) -> None:
    """Show one pack: metadata, source, topics, questions and explainers."""
    pack = _library().get(pack_id)  # UnknownPack → one stderr line, exit 1
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
    click.echo("\n".join(lines))


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
            click.echo(f"{check.path}: ok ({len(check.pack.questions)} questions, "
                       f"{len(check.pack.explainers)} explainers)")
        else:
            bad = True
            for problem in check.problems:
                click.echo(problem)
    if bad:
        click.get_current_context().exit(1)
