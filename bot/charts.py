"""Charts as PNG bytes (matplotlib, headless), shared by the terminal and Discord frontends.

matplotlib is an optional extra (`pip install -e '.[charts]'`): it is heavy, and everything else
works without it. Imported lazily, with the Agg backend, so no display is ever needed.
"""

from __future__ import annotations

import importlib.util
import io
import textwrap
from functools import cache

from bot.core.errors import InvalidInput
from bot.core.models import Chart, format_number
from bot.core.packs.charts import chart_digest
from bot.core.results import LearnerStats


@cache
def charts_available() -> bool:
    """Whether matplotlib is installed, found without importing it: importing it takes a
    tenth of a second holding the GIL, and the bot asks on its event loop (charts are drawn
    in a heavy-job worker process, which imports it there)."""
    return importlib.util.find_spec("matplotlib") is not None


def topic_accuracy_png(stats: LearnerStats) -> bytes:
    """A horizontal bar per topic: accuracy in %, with right/answered counts at the bar's end."""
    if not charts_available():
        raise InvalidInput("Charts need matplotlib: pip install -e '.[charts]'")
    if not stats.by_topic:
        raise InvalidInput("No answers yet, so there is nothing to chart.")
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    topics = sorted(stats.by_topic, key=lambda t: (t.correct / t.answered, t.topic))
    figure = Figure(figsize=(7, 0.45 * len(topics) + 1.4), dpi=100)
    axes = figure.add_subplot()
    values = [100 * t.correct / t.answered for t in topics]
    bars = axes.barh([t.topic for t in topics], values, color="#5865F2")
    for bar, topic in zip(bars, topics, strict=True):
        axes.text(bar.get_width() + 1, bar.get_y() + bar.get_height() / 2,
                  f"{topic.correct}/{topic.answered}", va="center", fontsize=9)
    axes.set_xlim(0, 115)
    axes.set_xlabel("accuracy (%)")
    axes.set_title(f"{stats.display_name}: accuracy by topic ({stats.accuracy:.0%} overall)")
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


_CHART_CACHE: dict[str, bytes] = {}
_CACHE_LIMIT = 64


def chart_key(chart: Chart) -> str:
    """The hash of a chart's data: the same figures draw the same PNG, so it is drawn once."""
    return chart_digest(chart)


def chart_png(chart: Chart) -> bytes:
    """A pack's chart (bar or line) as a PNG that reads at Discord's preview size (800×450):
    title, axes labelled with the unit, every value written on its bar or point, the source
    line at the bottom. Cached by chart_key; callers in an event loop run it in a thread."""
    key = chart_key(chart)
    if key in _CHART_CACHE:
        return _CHART_CACHE[key]
    if not charts_available():
        raise InvalidInput("Charts need matplotlib: pip install -e '.[charts]'")
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8, 4.5), dpi=100)
    axes = figure.add_subplot()
    labels = [textwrap.fill(label, 28) for label in chart.labels]
    suffix = "%" if chart.unit.startswith("%") else ""
    shown = list(chart.value_labels) or [format_number(v) + suffix for v in chart.values]
    if chart.kind == "line":
        axes.plot(labels, chart.values, marker="o", color="#5865F2", linewidth=2)
        for x, (value, text) in enumerate(zip(chart.values, shown, strict=True)):
            axes.annotate(text, (x, value), textcoords="offset points", xytext=(0, 8),
                          ha="center", fontsize=11)
    else:
        bars = axes.bar(labels, chart.values, color="#5865F2", width=0.55)
        if len(labels) == 1:  # one bar should look like a bar, not fill the plot
            axes.set_xlim(-1.2, 1.2)
        for bar, value, text in zip(bars, chart.values, shown, strict=True):
            inside = value < 0
            axes.annotate(text, (bar.get_x() + bar.get_width() / 2, value),
                          textcoords="offset points", xytext=(0, -16 if inside else 6),
                          ha="center", fontsize=12, fontweight="bold")
    low, high = min(0.0, *chart.values), max(0.0, *chart.values)
    pad = (high - low) * 0.15 or 1.0
    axes.set_ylim(low - (pad if low < 0 else 0), high + (pad if high > 0 else 0))
    axes.axhline(0, color="#444444", linewidth=0.8)
    axes.set_ylabel(chart.unit)
    axes.yaxis.set_major_formatter(lambda value, _pos: format_number(value))
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_title(textwrap.fill(chart.title, 70), fontsize=13)
    if chart.source:
        figure.text(0.01, 0.01, textwrap.fill("Source: " + chart.source, 120), fontsize=8,
                    color="#555555", ha="left", va="bottom")
    figure.tight_layout(rect=(0, 0.06 if chart.source else 0, 1, 1))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    png = buffer.getvalue()
    if len(_CHART_CACHE) >= _CACHE_LIMIT:
        _CHART_CACHE.pop(next(iter(_CHART_CACHE)))
    _CHART_CACHE[key] = png
    return png
