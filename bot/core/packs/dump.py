"""`Pack` → our pack YAML, laid out like questions/README.md so an instructor can edit it.

Why not `yaml.safe_dump(asdict(pack))`: that would write keys alphabetically, spell defaults
out, and leave text such as `no` or `12:30` unquoted, which our loader (rightly) refuses. Here
the layout is fixed (id, type, prompt, answer keys, explanation, …), defaults are left out, and
every free text is written double-quoted by PyYAML's own emitter, which escapes whatever YAML
cannot hold raw (control characters, U+2028, a BOM). Ids and tags stay plain when YAML would
read them back as the same text, so the file still looks hand-written.

The contract, checked by a property test: `load_pack_text(dump_pack(pack), name) == pack` for
every pack the loader can produce (text stripped and non-empty, ids valid, numbers finite).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

import yaml

from bot.core.models import Chart, Explainer, Pack, Question, QuestionType

__all__ = ["dump_pack"]

_PLAIN_WORD = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
# Words YAML 1.1 (or other readers) turn into booleans or null when unquoted.
_SPECIAL_WORDS = frozenset({"yes", "no", "on", "off", "true", "false", "y", "n", "null"})
_INDENT = "  "


def dump_pack(pack: Pack) -> str:
    """The pack as YAML text that `load_pack_text` reads back to an equal Pack (path aside)."""
    lines = [
        f"id: {_text(pack.id)}",
        f"title: {_text(pack.title)}",
        f"description: {_text(pack.description)}",
        "source:",
        f"  title: {_text(pack.source.title)}",
        f"  author: {_text(pack.source.author)}",
        f"  outlet: {_text(pack.source.outlet)}",
        f"  date: {_text(pack.source.date)}",
    ]
    if pack.source.url is not None:
        lines.append(f"  url: {_text(pack.source.url)}")
    if pack.source.text is not None:
        lines.append(f"  text: {_text(pack.source.text)}")
    if pack.glossary:
        lines.append("glossary:")
        lines += [f"  {_text(term)}: {_flow(variants)}" for term, variants in pack.glossary]
    if pack.topics:
        lines.append(f"topics: {_flow(pack.topics)}")
    if pack.time_limit is not None:
        lines.append(f"time_limit: {pack.time_limit}")
    if pack.places:
        lines.append(f"places: {_flow(pack.places)}")
    if pack.language:
        lines.append(f"language: {_text(pack.language)}")
    lines += ["", "questions:"]
    for index, question in enumerate(pack.questions):
        if index:
            lines.append("")
        lines += _item(_question_pairs(question))
    if pack.explainers:
        lines += ["", "explainers:"]
        for index, explainer in enumerate(pack.explainers):
            if index:
                lines.append("")
            lines += _item(_explainer_pairs(explainer))
    return "\n".join(lines) + "\n"


# A value is either a ready scalar/flow string or a tuple of texts written as a block list.
Pairs = list[tuple[str, "str | tuple[str, ...]"]]


def _question_pairs(q: Question) -> Pairs:
    """Keys in the order the README documents them; defaults (difficulty 1, …) left out."""
    pairs: Pairs = [("id", _text(q.id)), ("type", str(q.type)), ("prompt", _text(q.prompt))]
    if q.type in (QuestionType.CHOICE, QuestionType.SELECT_ALL):
        if q.type is QuestionType.CHOICE:
            pairs += [("choices", q.choices), ("answer", _text(q.answer or ""))]
        else:
            pairs += [("choices", q.choices), ("answers", q.answers)]
        if q.also_right:
            pairs.append(("also_right", _flow(q.also_right)))
        if any(q.choice_feedback):
            given = [(c, f) for c, f in zip(q.choices, q.choice_feedback, strict=False) if f]
            pairs.append(("feedback", "{" + ", ".join(f"{_text(c)}: {_text(f)}"
                                                      for c, f in given) + "}"))
    elif q.type is QuestionType.TRUEFALSE:
        pairs.append(("answer", "true" if q.truth else "false"))
    elif q.type is QuestionType.TEXT:
        pairs.append(("answers", q.answers))
    elif q.type is QuestionType.NUMBER:
        pairs.append(("answer", _number(q.number if q.number is not None else 0.0)))
        if q.tolerance:
            pairs.append(("tolerance", _number(q.tolerance)))
        if q.unit is not None:
            pairs.append(("unit", _text(q.unit)))
        if q.scale is not None:
            pairs.append(("scale", _text(q.scale)))
    else:
        pairs += [("choices", q.choices), ("answer", q.order)]
    if q.hints:
        pairs.append(("hints", q.hints))
    pairs.append(("explanation", _text(q.explanation)))
    if q.quote is not None:
        pairs.append(("quote", _text(q.quote)))
    if q.topic is not None:
        pairs.append(("topic", _text(q.topic)))
    if q.tags:
        pairs.append(("tags", _flow(q.tags)))
    if q.difficulty != 1:
        pairs.append(("difficulty", str(q.difficulty)))
    if q.points != 100:
        pairs.append(("points", str(q.points)))
    if q.time_limit is not None:
        pairs.append(("time_limit", _number(q.time_limit)))
    if q.image is not None:
        pairs.append(("image", _text(q.image)))
    if q.image_alt is not None:
        pairs.append(("image_alt", _text(q.image_alt)))
    if q.chart is not None:
        pairs.append(("chart", _chart(q.chart)))
        if q.chart_on != "reveal":
            pairs.append(("chart_on", _text(q.chart_on)))
    return pairs


def _explainer_pairs(e: Explainer) -> Pairs:
    pairs: Pairs = [("id", _text(e.id)), ("title", _text(e.title)), ("short", _text(e.short))]
    if e.body:
        pairs.append(("body", _text(e.body)))
    if e.examples:
        pairs.append(("examples", e.examples))
    if e.keywords:
        pairs.append(("keywords", e.keywords))
    if e.quote is not None:
        pairs.append(("quote", _text(e.quote)))
    if e.related:
        pairs.append(("related", _flow(e.related)))
    if e.topic is not None:
        pairs.append(("topic", _text(e.topic)))
    if e.chart is not None:
        pairs.append(("chart", _chart(e.chart)))
    return pairs


def _chart(chart: Chart) -> str:
    """A chart as one flow mapping (it reads back to the same Chart)."""
    fields = [f"kind: {chart.kind}", f"title: {_text(chart.title)}",
              f"labels: {_flow(chart.labels)}",
              "values: [" + ", ".join(_number(v) for v in chart.values) + "]"]
    if chart.unit:
        fields.append(f"unit: {_text(chart.unit)}")
    if chart.source:
        fields.append(f"source: {_text(chart.source)}")
    if chart.value_labels:
        fields.append(f"value_labels: {_flow(chart.value_labels)}")
    return "{" + ", ".join(fields) + "}"


def _item(pairs: Pairs) -> list[str]:
    """One `- key: value` list entry; tuples become block lists under their key."""
    lines = []
    for index, (key, value) in enumerate(pairs):
        lead = f"{_INDENT}- " if index == 0 else _INDENT * 2
        if isinstance(value, tuple):
            lines.append(f"{lead}{key}:")
            lines += [f"{_INDENT * 3}- {_text(text)}" for text in value]
        else:
            lines.append(f"{lead}{key}: {value}")
    return lines


def _flow(texts: Iterable[str]) -> str:
    return "[" + ", ".join(_text(text) for text in texts) + "]"


def _text(value: str) -> str:
    """Plain for id-like words YAML keeps as text; otherwise double-quoted and escaped."""
    if _PLAIN_WORD.fullmatch(value) and value not in _SPECIAL_WORDS:
        return value
    dumped = yaml.dump(value, default_style='"', allow_unicode=True, width=math.inf)
    return dumped.rstrip("\n")


def _number(value: float) -> str:
    """11000.0 → '11000' (reads back as an int, equal as a float); else Python's exact repr."""
    value = float(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)
