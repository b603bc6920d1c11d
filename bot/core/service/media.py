"""What is shown with a question and with its reveal (pictures, charts), and their bytes.

Two steps, so the records stay cheap and the heavy part runs where the frontend chooses:
`question_media` / `reveal_media` build MediaRefs (no file opened, nothing drawn) that ride on
QuestionView, AnswerOutcome and Reveal; `MediaLoader.load` (the service part `media`) reads the
picture files (checked again: inside the pack's folder, a real picture, at most 8 MB) and draws
the charts (cached by their data's hash), and the Discord side calls it in a worker thread.

Which chart goes where is the pack's choice: `chart_on: reveal` (the default, because a chart
of the figures often gives the answer away) shows it with the reveal, `chart_on: question`
while the question is asked. A reveal whose question has no chart shows the chart of the
explainer that covers it (the first listing it in `related`, else the first of its topic).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path, PurePosixPath

from bot.core.models import Chart, Pack, Question
from bot.core.packs.charts import chart_alt, chart_digest
from bot.core.packs.images import is_url, read_image_file
from bot.core.packs.question_media import folder_of
from bot.core.results import Media, MediaRef

log = logging.getLogger(__name__)


def question_media(question: Question, pack: Pack) -> tuple[MediaRef, ...]:
    """Shown while the question is asked: its picture, and its chart if `chart_on: question`."""
    refs: list[MediaRef] = []
    picture = _picture(question, pack)
    if picture is not None:
        refs.append(picture)
    if question.chart is not None and question.chart_on == "question":
        refs.append(chart_ref(question.chart))
    return tuple(refs)


def reveal_media(question: Question, pack: Pack) -> tuple[MediaRef, ...]:
    """Shown with the answer: the question's chart (unless it was shown with the question),
    else the chart of the explainer covering the question, if any."""
    if question.chart is not None:
        return (chart_ref(question.chart),) if question.chart_on == "reveal" else ()
    chart = explainer_chart(question, pack)
    return (chart_ref(chart),) if chart is not None else ()


def explainer_chart(question: Question, pack: Pack) -> Chart | None:
    """The chart of the explainer listing this question in `related`, else of the first
    explainer with a chart on the question's topic."""
    charted = [e for e in pack.explainers if e.chart is not None]
    related = next((e for e in charted if question.id in e.related), None)
    if related is None and question.topic is not None:
        related = next((e for e in charted if e.topic == question.topic), None)
    return related.chart if related is not None else None


def _pack_charts(pack: Pack) -> Iterator[MediaRef]:
    for item in (*pack.questions, *pack.explainers):
        if item.chart is not None:
            yield chart_ref(item.chart)


def chart_ref(chart: Chart) -> MediaRef:
    return MediaRef(f"chart-{chart_digest(chart)[:16]}.png", "chart", chart.title,
                    chart_alt(chart), chart=chart)


def _picture(question: Question, pack: Pack) -> MediaRef | None:
    image = question.image
    if image is None:
        return None
    name = PurePosixPath(image.split("?")[0]).name
    alt = question.image_alt or f"A picture for this question ({name})"
    if is_url(image):
        return MediaRef(f"picture-{question.id}", "image", name, alt, url=image)
    folder = folder_of(pack.path)
    if folder is None:  # a stored pack from before uploads were refused files: nothing to show
        return None
    suffix = PurePosixPath(image).suffix.lower().replace(".jpeg", ".jpg")
    return MediaRef(f"picture-{question.id}{suffix}", "image", name, alt,
                    folder=str(folder), file=image)


class MediaLoader:
    """The service part `media`: MediaRefs → Media bytes. A picture that no longer passes its
    checks, or a chart that cannot be drawn (no matplotlib), is left out and logged: a quiz
    never fails for want of a picture."""

    def __init__(self, draw_chart: Callable[[Chart], bytes] | None = None,
                 bundled: Callable[[], Iterable[Pack]] = tuple) -> None:
        self.draw_chart = draw_chart  # bot.charts.chart_png, wired in bot/app.py
        self.bundled = bundled  # the bundled packs, whose charts `warm` draws ahead

    def load(self, refs: Sequence[MediaRef]) -> list[Media]:
        """The bytes of every ref that has some to upload, in order (URL pictures have none)."""
        loaded: list[Media] = []
        for ref in refs:
            try:
                data = self._data(ref)
            except Exception as err:  # noqa: BLE001 - a picture is never worth failing a quiz
                log.warning("could not load %s: %s", ref.name, err)
                continue
            if data is not None:
                loaded.append(Media(ref.name, data, ref.alt))
        return loaded

    def can_draw(self) -> bool:
        return self.draw_chart is not None

    def warm(self) -> int:
        """Draw every chart of the bundled packs now (the drawings are cached), so the first
        quiz after a start does not wait for matplotlib; how many were drawn. Off the loop."""
        refs = {ref.name: ref for pack in self.bundled() for ref in _pack_charts(pack)}
        return len(self.load(list(refs.values()))) if self.draw_chart is not None else 0

    def _data(self, ref: MediaRef) -> bytes | None:
        if ref.chart is not None:
            return None if self.draw_chart is None else self.draw_chart(ref.chart)
        if ref.folder is not None and ref.file is not None:
            read = read_image_file(Path(ref.folder), ref.file)
            if read is None:
                log.warning("picture %s in %s no longer passes its checks", ref.file, ref.folder)
                return None
            return read[0]
        return None
