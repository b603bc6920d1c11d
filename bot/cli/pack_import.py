"""`quizbot pack import` and `quizbot pack draft`: other formats and articles → our pack YAML.

Both print the pack on stdout (or write `--out`, never over an existing file without `--force`)
and a one-line summary on stderr, so `quizbot pack import x.gift > x.yaml` leaves a clean file.
Neither installs anything: the instructor edits the YAML (explanations!) and runs
`quizbot pack validate` first. Problems are the core's PackError lines, printed by the group.
"""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli.common import db_option, local_actor
from bot.cli.packs import _service, pack_group
from bot.config import LOCAL_GUILD
from bot.core.packs.dump import dump_pack
from bot.core.packs.formats import FORMATS, draft_article, import_file
from bot.core.packs.formats.export import EXPORT_FORMATS, export_pack

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
_OUT = click.Path(dir_okay=False, writable=True, path_type=Path)


@pack_group.command("import")
@click.argument("file", type=_FILE)
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="The file's format (default: from its extension and content).")
@click.option("--id", "pack_id", metavar="ID", help="Pack id (default: the file name as a slug).")
@click.option("--out", type=_OUT, metavar="PATH", help="Write the YAML here instead of stdout.")
@click.option("--force", is_flag=True, help="Overwrite --out if it exists.")
@click.option("--skip-unsupported", is_flag=True,
              help="Drop questions quizbot cannot hold (GIFT matching, essay, partial credit) "
                   "with a warning each, instead of failing.")
def import_command(file: Path, fmt: str | None, pack_id: str | None, out: Path | None,
                   force: bool, skip_unsupported: bool) -> None:
    """Convert a Red trivia list, Moodle GIFT, Aiken or spreadsheet (CSV/TSV) file to a pack.

    Prints the pack's YAML (or writes --out) and a summary on stderr. Add explanations, then
    check it with `quizbot pack validate`.
    """
    _refuse_overwrite(out, force)
    result = import_file(file.read_bytes(), str(file), fmt=fmt, pack_id=pack_id,
                         skip_unsupported=skip_unsupported)
    for line in result.skipped:
        click.echo(f"skipped: {line}", err=True)
    for line in result.warnings:
        click.echo(f"warning: {line}", err=True)
    _emit(dump_pack(result.pack), out)
    click.echo(result.summary() + (f"; wrote {out}" if out else ""), err=True)


@pack_group.command("export")
@click.argument("pack_id", metavar="ID")
@click.option("--format", "fmt", type=click.Choice(("yaml", *EXPORT_FORMATS)), default="yaml",
              show_default=True, help="yaml is quizbot's own format; the others lose what they "
                                      "cannot hold, each loss named on stderr.")
@click.option("--out", type=_OUT, metavar="PATH", help="Write the file here instead of stdout.")
@click.option("--force", is_flag=True, help="Overwrite --out if it exists.")
@db_option
def export_command(pack_id: str, fmt: str, out: Path | None, force: bool,
                   db: str | None) -> None:
    """Write a pack (bundled or installed) as YAML, GIFT, Aiken, a Red trivia list or CSV."""
    _refuse_overwrite(out, force)
    with _service(db) as service:
        pack = service.catalog.pack(LOCAL_GUILD, pack_id)  # UnknownPack → one stderr line
        _, current = service.pack_admin.export_yaml(LOCAL_GUILD, pack.id)
    if fmt == "yaml":
        _emit(current, out)
        count = len(pack.questions)
    else:
        result = export_pack(pack, fmt)
        for line in result.warnings:
            click.echo(f"warning: {line}", err=True)
        _emit(result.text, out)
        count = result.exported
    click.echo(f"exported {count} question{'s' if count != 1 else ''} of {pack.id} as {fmt}"
               + (f"; wrote {out}" if out else ""), err=True)


@pack_group.command("accept")
@click.argument("pack_id", metavar="PACK")
@click.argument("question_id", metavar="QUESTION")
@click.argument("answer")
@click.option("--rescore", is_flag=True,
              help="Also mark past wrong attempts right when the new version accepts them.")
@db_option
def accept_command(pack_id: str, question_id: str, answer: str, rescore: bool,
                   db: str | None) -> None:
    """Accept ANSWER for a question of an installed pack (a new version of the pack)."""
    with _service(db, create=True) as service:
        outcome = service.pack_admin.accept_answer(local_actor(None), pack_id, question_id,
                                                   answer, rescore=rescore)
    rescored = (f"; re-scored {outcome.rescored} past attempt"
                f"{'s' if outcome.rescored != 1 else ''}") if rescore else ""
    click.echo(f"{outcome.pack_id} version {outcome.version}: {outcome.question_id} now "
               f"accepts '{' '.join(answer.split())}'{rescored}")


@pack_group.command("history")
@click.argument("pack_id", metavar="ID")
@db_option
def history_command(pack_id: str, db: str | None) -> None:
    """List every stored version of an installed pack (each install adds one): number, when,
    who, how many questions, and which one is current (*)."""
    with _service(db) as service:
        versions = service.pack_admin.versions(local_actor(None), pack_id)
    for v in versions:
        mark = "*" if v.current else " "
        count = "? questions" if v.questions is None else _questions(v.questions)
        note = f"  {v.note}" if v.note else ""
        click.echo(f"v{v.version}{mark} {v.when}  {v.uploaded_by}  {count}  {v.filename}{note}")
    if not any(v.current for v in versions):
        click.echo(f"{pack_id} is not installed now: `quizbot pack restore {pack_id} VERSION` "
                   f"brings a version back", err=True)


@pack_group.command("restore")
@click.argument("pack_id", metavar="ID")
@click.argument("version", type=click.IntRange(min=1), metavar="VERSION")
@click.option("--yes", is_flag=True, help="Restore without asking (for scripts).")
@db_option
def restore_command(pack_id: str, version: int, yes: bool, db: str | None) -> None:
    """Make VERSION of an installed pack current again, stored as a NEW version (nothing is
    dropped). Shows what would be installed first and asks to confirm (unless --yes)."""
    with _service(db) as service:
        actor = local_actor(None)
        preview = service.pack_admin.preview_restore(actor, pack_id, version)
        for line in preview.lines():
            click.echo(line, err=True)
        if not yes and not _confirmed(f"Restore version {version} of {pack_id} as version "
                                      f"{preview.version}?"):
            click.echo("nothing restored", err=True)
            click.get_current_context().exit(1)
        outcome = service.pack_admin.restore_version(actor, pack_id, version)
    click.echo(f"restored {outcome.pack_id} version {outcome.restored} as version "
               f"{outcome.version} ({_questions(outcome.questions)})")


def _questions(count: int) -> str:
    return f"{count:,} question{'' if count == 1 else 's'}"


@pack_group.command("draft")
@click.argument("article", type=_FILE)
@click.option("--id", "pack_id", metavar="ID",
              help="Pack id (default: the article's file name as a slug).")
@click.option("--out", type=_OUT, metavar="PATH", help="Write the YAML here instead of stdout.")
@click.option("--force", is_flag=True, help="Overwrite --out if it exists.")
def draft_command(article: Path, pack_id: str | None, out: Path | None, force: bool) -> None:
    """Propose a rough draft pack from an article's text (figures and names blanked out).

    The draft is never installed: rewrite each question in your own words, then validate it.
    """
    _refuse_overwrite(out, force)
    draft = draft_article(article.read_bytes(), str(article), pack_id=pack_id)
    _emit(draft.yaml(), out)
    count = len(draft.pack.questions)
    notes = len(draft.review) + sum(len(v) for v in draft.checks.values())
    click.echo(f"drafted {count} question{'s' if count != 1 else ''} from {article.name}; "
               f"check and rewrite each one"
               + (f"; {notes} review note{'s' if notes != 1 else ''} in the file" if notes else "")
               + (f"; wrote {out}" if out else ""), err=True)


def _confirmed(question: str) -> bool:
    """y/N on stderr; no answer at all (stdin closed, as in a script) is a no."""
    try:
        return click.confirm(question, default=False, err=True)
    except click.Abort:
        click.echo("", err=True)
        return False


def _refuse_overwrite(out: Path | None, force: bool) -> None:
    """Checked before any work: an instructor's edited pack must not vanish by a re-run."""
    if out is not None and out.exists() and not force:
        raise click.ClickException(f"{out} already exists; pass --force to overwrite it")


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        click.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")
