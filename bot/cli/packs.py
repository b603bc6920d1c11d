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

from bot.cli import LazyGroup, cli
from bot.cli.common import (
    clean,
    db_option,
    local_actor,
    open_service,
    print_json,
    say,
    settings_for,
)
from bot.config import LOCAL_GUILD, MEMORY
from bot.console import counted
from bot.core.errors import PackError
from bot.core.models import Pack, Question, QuestionType, letter
from bot.core.packs.faithful_keys import amount_suggestions
from bot.core.packs.loader import check_paths

PACK_IMPORT_COMMANDS = ("import", "export", "accept", "history", "restore", "draft")

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


@cli.group("pack", cls=LazyGroup)
def pack_group() -> None:
    """Question packs: list, show, install or remove them; validate pack files."""


# The subcommands of bot/cli/pack_import.py import every pack format: loaded when one runs.
pack_group.lazy = {name: ("pack_import",) for name in PACK_IMPORT_COMMANDS}


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
        # One row per pack, never wrapped: the list is read by grep and scripts too.
        click.echo(clean(f"{row['id']:<{width}}  {row['questions']:>3} questions  "
                         f"{row['explainers']:>3} explainers  {row['title']}{mark}"))


@pack_group.command("show")
@click.argument("pack_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="The pack's summary as JSON.")
@click.option("--answers", is_flag=True, help="Also show each question's accepted answers.")
@db_option
def show_pack(pack_id: str, as_json: bool, answers: bool, db: str | None) -> None:
    """Show one pack: metadata, source, topics, questions and explainers."""
    with _service(db) as service:
        pack = service.catalog.pack(LOCAL_GUILD, pack_id)  # UnknownPack → one stderr line, exit 1
    if as_json:
        summary = _summary(pack)
        if answers:
            for row, question in zip(summary["questions"], pack.questions, strict=True):
                row["answers"] = accepted_answers(question)
        print_json(summary)
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
    if pack.language:
        lines.append(f"language: {pack.language}")
    width = max((len(item.id) for item in (*pack.questions, *pack.explainers)), default=0)
    lines.append(f"questions ({len(pack.questions)}):")
    for q in pack.questions:
        lines.append(f"  {q.id:<{width}}  {q.type:<9}  difficulty {q.difficulty}  {_one_line(q)}")
        if answers:
            lines.append(f"  {'':<{width}}  answer: {' | '.join(accepted_answers(q))}")
    lines.append(f"explainers ({len(pack.explainers)}):")
    lines += [f"  {e.id:<{width}}  {e.title}" for e in pack.explainers]
    for line in lines:  # a question's or explainer's text hangs under its own first word
        say(line, hang=4 if line.startswith("  ") else 2)


def accepted_answers(question: Question) -> list[str]:
    """Every answer judged right, as an instructor checks them: texts, choices, the amount."""
    if question.type is QuestionType.TEXT:
        return list(question.answers)
    if question.type is QuestionType.CHOICE:
        return [question.answer_text()] + [f"{letter(question.choices.index(c))}) {c}"
                                           for c in question.also_right]
    text = question.answer_text()
    if question.type is QuestionType.NUMBER and question.tolerance:
        text += f" (±{question.tolerance:.0%})"
    return [text]


def _one_line(question: Question) -> str:
    return " ".join(question.prompt.split())


def _summary(pack: Pack) -> dict[str, Any]:
    source = pack.source
    return {
        "id": pack.id, "title": pack.title, "description": pack.description,
        "source": {"title": source.title, "author": source.author, "outlet": source.outlet,
                   "date": source.date, "url": source.url},
        "topics": list(pack.topics),
        "language": pack.language,
        "questions": [{"id": q.id, "type": str(q.type), "difficulty": q.difficulty,
                       "prompt": q.prompt} for q in pack.questions],
        "explainers": [{"id": e.id, "title": e.title} for e in pack.explainers],
        "path": pack.path,
    }


@pack_group.command("install")
@click.argument("file", metavar="FILE",
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--skip-unsupported", is_flag=True,
              help="Drop questions quizbot cannot hold (each named) instead of failing.")
@click.option("--dry-run", is_flag=True, help="Show the preview only; store nothing.")
@db_option
def install(file: Path, skip_unsupported: bool, dry_run: bool, db: str | None) -> None:
    """Install a pack file for the terminal: our YAML or any format `pack import` reads.

    A preview (title, questions per type, three samples, every import warning) is printed on
    stderr first. The file is checked completely before anything is stored: on any problem,
    every `FILE:LINE: message` is printed on stderr, nothing is stored (an installed version
    stays as it was), and the exit code is 1. Installing the same id again stores a new version.
    """
    data = file.read_bytes()
    with _service(db, create=not dry_run) as service:
        try:
            preview = service.pack_admin.preview_upload(
                local_actor(None), data, str(file), skip_unsupported=skip_unsupported)
            for line in preview.lines():
                click.echo(line, err=True)
            if dry_run:
                click.echo(f"dry run: {preview.pack_id} not installed")
                return
            summary = service.pack_admin.install_pack(
                local_actor(None), data, str(file), skip_unsupported=skip_unsupported)
        except PackError as err:
            for problem in err.problems:
                click.echo(problem, err=True)
            click.get_current_context().exit(1)
    click.echo(f"installed {summary.id}: {summary.title} "
               f"({counted(summary.questions, 'question')}, "
               f"{counted(summary.explainers, 'explainer')}); play it with "
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

    Prints `FILE: ok (N questions, M explainers)` for each good file (with `FILE: suggestion:`
    lines for text answers that would be better as number questions) and one
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
                f"{check.path}: ok ({counted(len(check.pack.questions), 'question')}, "
                f"{counted(len(check.pack.explainers), 'explainer')})"
            )
            for advice in amount_suggestions(check.pack):
                click.echo(f"{check.path}: suggestion: {advice}")
        else:
            bad = True
            for problem in check.problems:
                click.echo(problem)
    if bad:
        click.get_current_context().exit(1)
