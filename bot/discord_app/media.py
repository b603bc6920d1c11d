"""A question's pictures and charts as Discord attachments: the one place that makes them.

The service hands over plain data: `MediaRef`s on every QuestionView, AnswerOutcome and
Reveal (what to show), and `service.media.load(refs)` → `Media(name, data, alt)` (the bytes).
This module turns those into what discord.py sends with a components v2 card (cards.py), whose
MediaGallery shows them:

    media = await load(service, view.media)      # worker threads: files read, charts drawn
                                                 # (≤ INTERACTION_BUDGET s; budget=None in posts)
    files = files_for(media)                     # discord.File each, alt text as description
    gallery = gallery_urls(view.media, media)    # (url, alt) for the card's gallery

`gallery_urls(refs, media)` lists every picture to show in order: attachments by their
`attachment://` name (`attachment_url`), http(s) pictures by their address (never uploaded).
A v2 card shows a file only through the gallery item naming it, so a reveal behind spoilers
blurs the item (cards.gallery(hidden=True)), not the file.

A discord.File can be sent once: call `files_for` again for every message. Names are unique
per content (a chart by its data's hash, a picture by its question), and `files_for` drops a
repeat, so a reveal and the next question may be sent in one message. Sending a message with
fewer files than before: pass `attachments=files_for(...)` to an edit, or the old ones stay.
"""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

import discord

from bot.core.results import Media, MediaRef
from bot.discord_app.offload import off_loop
from bot.i18n import DEFAULT, render

if TYPE_CHECKING:
    from bot.core.service import QuizService

ALT_LIMIT = 1024  # Discord's limit on an attachment's description
# An interaction must be answered within 3 s, its service call included: a chart not drawn yet
# (the first after a start, matplotlib still importing) may take longer. Past this budget the
# reply goes without it; the drawing finishes in its thread and is cached for the next time.
INTERACTION_BUDGET = 1.5

log = logging.getLogger(__name__)


async def load(service: QuizService, refs: Sequence[MediaRef], *,
               budget: float | None = INTERACTION_BUDGET) -> list[Media]:
    """The bytes to attach for `refs`, read and drawn off the event loop ([] for none, or
    when `budget` seconds pass first; None waits as long as it takes: a channel post)."""
    wanted = [ref for ref in refs if ref.url is None]
    if not wanted:
        return []
    # One worker per ref, so a picture is not held back by a chart still drawing.
    tasks = [asyncio.ensure_future(off_loop(service.media.load, [ref])) for ref in wanted]
    done, late = await asyncio.wait(tasks, timeout=budget)
    if late:
        log.info("%d of %d media not ready within %s s; sent without them", len(late),
                 len(tasks), budget)
        for task in late:  # the drawing goes on in its thread and lands in the cache
            task.add_done_callback(_ignore)
    return [item for task in tasks
            if task in done and not task.cancelled() and task.exception() is None
            for item in task.result()]


def _ignore(task: asyncio.Future[list[Media]]) -> None:
    """Retrieve a late load's outcome, so asyncio does not warn that nobody read it."""
    if not task.cancelled():
        task.exception()


def files_for(media: Sequence[Media], *, spoiler: bool = False,
              lang: str = DEFAULT) -> list[discord.File]:
    """One fresh discord.File per Media (first of each name), its alt text as description.
    `spoiler` blurs them until clicked (a reveal's chart in a spoilers channel: it shows the
    answer; Discord then names the file SPOILER_…, so no embed can show it). The alt text is
    in `lang`, the reader's (see bot.core.text.said)."""
    files: list[discord.File] = []
    seen: set[str] = set()
    for item in media:
        if item.name in seen:
            continue
        seen.add(item.name)
        files.append(discord.File(io.BytesIO(item.data), filename=item.name, spoiler=spoiler,
                                  description=render(lang, item.alt)[:ALT_LIMIT] or None))
    return files


def attachment_url(item: Media) -> str:
    """How an embed or a MediaGallery item points at an attached file."""
    return f"attachment://{item.name}"


def gallery_urls(refs: Sequence[MediaRef], media: Sequence[Media],
                 lang: str = DEFAULT) -> list[tuple[str, str]]:
    """(url, alt) of everything to show, in the refs' order: attached files by their
    attachment:// name, http(s) pictures by address; refs that could not be loaded are left out."""
    loaded = {item.name: item for item in media}
    shown: list[tuple[str, str]] = []
    for ref in refs:
        if ref.url is not None:
            shown.append((ref.url, render(lang, ref.alt)))
        elif ref.name in loaded:
            shown.append((attachment_url(loaded[ref.name]), render(lang, ref.alt)))
    return shown


def send_kwargs(media: Sequence[Media], lang: str = DEFAULT) -> dict[str, list[discord.File]]:
    """`files=` for a new message, or nothing (discord.py wants MISSING, not [], for none)."""
    files = files_for(media, lang=lang)
    return {"files": files} if files else {}
