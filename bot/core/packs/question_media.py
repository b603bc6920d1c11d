"""A question's `image`, `image_alt`, `chart` and `chart_on`: what is shown with it, checked.

Kept apart from items.py (which owns the answer rules): pictures and charts are shown, not
judged, and a shipped picture file needs the pack's folder to be checked at all.

- A file picture is checked on disk when the pack comes from a folder (inside it, a real
  PNG/JPEG/GIF/WEBP, at most 8 MB: see images.py).
- A pack that arrives without a folder (an upload, `pack install`) is stored in the database
  alone, so it cannot ship a file: with `files_allowed` False a file picture is refused with
  the way out (an https:// URL). Stored packs are re-read with it True, so a pack stored before
  this rule still loads (its file picture is simply not shown).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bot.core.models import CHART_ON, Pack
from bot.core.packs.charts import read_chart
from bot.core.packs.images import image_problem, is_url, resolve_image_file
from bot.core.packs.nodes import did_you_mean, line_of

if TYPE_CHECKING:
    from bot.core.packs.items import ItemContext, Pairs

MEDIA_KEYS = ("image", "image_alt", "chart", "chart_on")
MAX_ALT = 1000  # Discord's attachment description holds 1024 characters

NO_FOLDER = ("names a file, but an uploaded or installed pack is stored without its folder, so "
             "it cannot ship pictures: use an https:// URL, or put the pack and the picture in "
             "the bot's packs folder (QUIZBOT_PACKS)")


def read_question_media(ctx: ItemContext, pairs: Pairs, what: str) -> dict[str, object] | None:
    """The Question fields for what is shown with it, or None when something was reported."""
    before = len(ctx.reader.problems)
    image = _text(ctx, pairs, "image", what)
    if image is not None:
        line = line_of(pairs["image"][0])
        problem = image_problem(image)
        if problem is None and not is_url(image):
            if not ctx.files_allowed:
                problem = NO_FOLDER
            elif ctx.folder is not None:
                problem = resolve_image_file(ctx.folder, image)[1]
        if problem is not None:
            ctx.add(line, f"{what} image {problem}")
    alt = _text(ctx, pairs, "image_alt", what)
    if alt is not None:
        if image is None:
            ctx.add(line_of(pairs["image_alt"][0]), f"{what} has image_alt but no image")
        elif len(alt) > MAX_ALT:
            ctx.add(line_of(pairs["image_alt"][0]), f"{what} image_alt is {len(alt)} characters; "
                                                    f"keep it to {MAX_ALT}")
    chart = read_chart(ctx.reader, pairs, what)
    chart_on = _text(ctx, pairs, "chart_on", what) or "reveal"
    if "chart_on" in pairs:
        line = line_of(pairs["chart_on"][0])
        if chart_on not in CHART_ON:
            hint = did_you_mean(chart_on, CHART_ON) or ""
            ctx.add(line, f"{what} chart_on '{chart_on}' should be reveal (the default: "
                          f"shown with the answer) or question (shown while it is asked){hint}")
        elif "chart" not in pairs:
            ctx.add(line, f"{what} has chart_on but no chart")
        elif chart_on == "question" and chart is not None and (
                shown := _answer_among(pairs, chart.values)) is not None:
            ctx.add(line, f"{what} chart_on: question would show the answer ({shown} is one of "
                          f"the chart's values): leave chart_on out, so it comes with the reveal")
    if len(ctx.reader.problems) > before:
        return None
    return {"image": image, "image_alt": alt, "chart": chart, "chart_on": chart_on}


def _answer_among(pairs: Pairs, values: tuple[float, ...]) -> str | None:
    """A number question's answer as written, when the chart draws that very value. Read
    quietly (the answer's own problems are reported by items.py), so nothing is said twice."""
    kind, answer = pairs.get("type"), pairs.get("answer")
    if kind is None or answer is None or getattr(kind[1], "value", None) != "number":
        return None
    try:
        number = float(str(answer[1].value))
    except (TypeError, ValueError):
        return None
    return answer[1].value if number in values else None


def _text(ctx: ItemContext, pairs: Pairs, name: str, what: str) -> str | None:
    if name not in pairs:
        return None
    key, node = pairs[name]
    return ctx.reader.text(node, f"{what} {name}", line_of(key))


def folder_of(path: str | None) -> Path | None:
    """The folder a pack file sits in (where its pictures are), or None for a stored pack."""
    return None if path is None else Path(path).parent


def shipped_pictures_ok(pack: Pack, folder: Path) -> bool:
    """Whether every picture file the pack names still passes its checks in `folder`: a
    compiled pack is reused only then (a file may have been removed or swapped since), else it
    is checked again in full, which reports the problem at its line."""
    return all(resolve_image_file(folder, q.image)[1] is None for q in pack.questions
               if q.image is not None and not is_url(q.image))
