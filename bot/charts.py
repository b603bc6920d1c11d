"""Charts as PNG bytes (matplotlib, headless), shared by the terminal and Discord frontends.

matplotlib is an optional extra (`pip install -e '.[charts]'`): it is heavy, and everything else
works without it. Imported lazily, with the Agg backend, so no display is ever needed.
"""

from __future__ import annotations

import io

from bot.core.errors import InvalidInput
from bot.core.results import LearnerStats


def charts_available() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


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
