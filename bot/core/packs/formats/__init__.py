"""Importers that turn other quiz formats into our Pack model.

Instructors already have questions as Red-DiscordBot trivia lists, Moodle GIFT or Aiken files,
or spreadsheets (Quizlet's term/definition export, Kahoot's template, question/answer columns);
`import_pack` reads any of them into a validated Pack (`dump_pack` then writes it as our YAML for
them to edit), and `draft_pack` proposes a rough first pack from an article's text.

A bad file never half-imports: every problem is collected and raised at once as PackError lines
`FILE:LINE: message`. Only questions of kinds quizbot cannot hold may be skipped, and only when
the caller asks (`skip_unsupported`), each one then listed in `ImportResult.skipped`.
"""

from __future__ import annotations

from functools import partial
from pathlib import PurePath

from bot.core.errors import PackError
from bot.core.models import Pack
from bot.core.packs.formats import aiken, gift, red, spreadsheet
from bot.core.packs.formats.common import Collector, ImportResult, decode_text, finish
from bot.core.packs.formats.detect import FORMATS, detect_format, refuse_workbook
from bot.core.packs.formats.draft import Draft, draft_article, draft_pack
from bot.core.packs.loader import INTERNAL_ERROR

__all__ = ["FORMATS", "Draft", "ImportResult", "detect_format", "draft_article", "draft_pack",
           "import_file",
           "import_pack"]

_READERS = {"red": (red.read, red.FORMAT_NAME), "gift": (gift.read, gift.FORMAT_NAME),
            "aiken": (aiken.read, aiken.FORMAT_NAME),
            "csv": (spreadsheet.read, spreadsheet.FORMAT_NAME)}


def import_pack(data: bytes | str, filename: str, *, fmt: str | None = None,
                pack_id: str | None = None) -> Pack:
    """Read a quiz file in another format as a Pack; PackError lists every problem."""
    return import_file(data, filename, fmt=fmt, pack_id=pack_id).pack


def import_file(data: bytes | str, filename: str, *, fmt: str | None = None,
                pack_id: str | None = None, skip_unsupported: bool = False) -> ImportResult:
    """import_pack with the details the CLI reports: format name and skipped questions.

    `fmt` is one of FORMATS, or None to choose by file extension and content. Like the loader,
    it raises nothing but PackError whatever the bytes: a failure of the readers themselves (a
    bug) is one `FILE:1:` line, which the fuzz test asserts never appears.
    """
    try:
        return _import_file(data, filename, fmt, pack_id, skip_unsupported)
    except (PackError, RecursionError) as err:
        if isinstance(err, PackError):
            raise
        raise PackError(f"{filename}:1: nested far too deeply to read") from None
    except Exception as err:  # noqa: BLE001 - the last line of defence described above
        raise PackError(f"{filename}:1: {INTERNAL_ERROR} ({type(err).__name__}); "
                        f"please report it") from None


def _import_file(data: bytes | str, filename: str, fmt: str | None, pack_id: str | None,
                 skip_unsupported: bool) -> ImportResult:
    refuse_workbook(filename)
    text = decode_text(data, filename)
    if fmt is None:
        fmt = detect_format(filename, text)
    if fmt not in _READERS:
        raise PackError(f"unknown format '{fmt}'; formats: {', '.join(FORMATS)}")
    read, format_name = _READERS[fmt]
    if fmt == "csv" and PurePath(filename).suffix.lower() in (".tsv", ".txt"):
        read = partial(spreadsheet.read, tab=True)
    log = Collector(filename)
    found, meta = read(text, log)
    return finish(log, found, meta, format_name=format_name, pack_id=pack_id,
                  skip_unsupported=skip_unsupported)
