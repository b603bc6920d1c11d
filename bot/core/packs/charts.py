"""Reading an item's `chart:` (bar or line: labels, values, unit, title, source) from a pack.

Kept apart from items.py: a chart is a small mapping of its own with its own checks (as many
values as labels, finite numbers, a known kind), reported at their lines like every pack problem.
"""

from __future__ import annotations

import hashlib

from yaml.nodes import Node

from bot.core.models import Chart, format_number
from bot.core.packs.nodes import NodeReader, line_of

CHART_KEYS = ("kind", "title", "labels", "values", "unit", "source", "value_labels")
KINDS = ("bar", "line")
MAX_POINTS = 24


def read_chart(reader: NodeReader, pairs: dict[str, tuple[Node, Node]],
               what: str) -> Chart | None:
    """The item's chart, or None (absent, or its problems were reported)."""
    if "chart" not in pairs:
        return None
    key, node = pairs["chart"]
    label = f"{what} chart"
    before = len(reader.problems)
    fields = reader.mapping(node, label)
    if fields is None:
        return None
    reader.check_keys(fields, node, label, CHART_KEYS, ("title", "labels", "values"))

    def text(name: str) -> str | None:
        return reader.text(fields[name][1], f"{label} {name}", line_of(fields[name][0])) \
            if name in fields else None

    kind = text("kind") or "bar"
    if kind not in KINDS:
        reader.problems.add(line_of(fields["kind"][0]),
                            f"{label} kind '{kind}' is not one of: {', '.join(KINDS)}")
    labels = [t for t, _ in reader.texts(fields["labels"][1], f"{label} labels",
                                         line_of(fields["labels"][0])) or ()] \
        if "labels" in fields else []
    values: list[float] = []
    if "values" in fields:
        items = fields["values"][1]
        if not isinstance(items.value, list):
            reader.problems.add(line_of(fields["values"][0]),
                                f"{label} values should be a list of numbers, e.g. [11000, 30000]")
        else:
            for n, item in enumerate(items.value, start=1):
                value = reader.number(item, f"{label} value {n}", line_of(item))
                if value is not None:
                    values.append(value)
    if labels and values and len(labels) != len(values):
        reader.problems.add(line_of(key), f"{label} has {len(labels)} labels but "
                                          f"{len(values)} values; give one value per label")
    if len(labels) > MAX_POINTS:
        reader.problems.add(line_of(key), f"{label} has {len(labels)} points; keep it to "
                                          f"{MAX_POINTS} so it reads at a glance")
    shown = [t for t, _ in reader.texts(fields["value_labels"][1], f"{label} value_labels",
                                        line_of(fields["value_labels"][0])) or ()] \
        if "value_labels" in fields else []
    if shown and len(shown) != len(labels):
        reader.problems.add(line_of(fields["value_labels"][0]),
                            f"{label} has {len(shown)} value_labels for {len(labels)} labels")
    title, unit, source = text("title"), text("unit") or "", text("source") or ""
    if len(reader.problems) > before or title is None or not labels:
        return None
    return Chart(kind, title, tuple(labels), tuple(values), unit, source, tuple(shown))


def chart_digest(chart: Chart) -> str:
    """The hash of a chart's data (every field): the same figures draw the same PNG, so the
    drawing is cached under it and its attachment is named by it."""
    return hashlib.sha256(repr(chart).encode()).hexdigest()


def chart_alt(chart: Chart, limit: int = 1000) -> str:
    """The chart in words, for screen readers: its title, every value as drawn, its source."""
    suffix = "%" if chart.unit.startswith("%") else ""
    shown = chart.value_labels or tuple(format_number(v) + suffix for v in chart.values)
    unit = f" {chart.unit}" if chart.unit and not suffix else ""
    points = "; ".join(f"{label}: {value}{unit}" for label, value in zip(chart.labels, shown,
                                                                         strict=False))
    text = f"{chart.kind.capitalize()} chart, {chart.title}. {points}."
    if chart.source:
        text += f" Source: {chart.source}"
    return text if len(text) <= limit else text[:limit - 1] + "…"
