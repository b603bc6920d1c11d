"""Checking one question or explainer node and building its model object.

Split from packs.py so each file stays small: packs.py owns the file and the pack-level keys,
this module owns the per-item rules (answer keys by question type, ids, topics, tags, limits).
Every rule reports into the shared NodeReader's Problems and carries on, so a pack with ten
mistakes gets ten lines at once instead of ten edit-and-retry rounds.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode

from bot.core.models import TAGS, Explainer, Question, QuestionType
from bot.core.packs.charts import read_chart
from bot.core.packs.faithful_keys import (
    CHOICE_EXTRA_KEYS,
    NUMBER_EXTRA_KEYS,
    amount_suggestion,
    read_choice_extras,
    read_number_extras,
)
from bot.core.packs.limits import number_text
from bot.core.packs.nodes import NodeReader, did_you_mean, line_of
from bot.core.packs.question_media import MEDIA_KEYS, read_question_media
from bot.core.packs.select_all import read_select_all

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_ID_LENGTH = 64
MAX_SHORT_ANSWER = 600
MIN_CHOICES, MAX_CHOICES = 2, 10
DIFFICULTIES = range(1, 4)
# Points per question. Scores are SQLite INTEGERs (int64) summed over every answer a learner
# ever gives, with up to +50 % streak bonus each: a million keeps any realistic total exact
# (trillions of answers) and is far above the 100 a question is worth by default.
MAX_POINTS = 1_000_000

COMMON_KEYS = ("id", "type", "prompt", "explanation", "hints", "quote", "topic", "tags",
               "difficulty", "points", "time_limit") + MEDIA_KEYS
TIME_LIMITS = (5.0, 600.0)  # a live question's own answer window, in seconds
ANSWER_KEYS: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.CHOICE: ("choices", "answer"),
    QuestionType.TRUEFALSE: ("answer",),
    QuestionType.TEXT: ("answers",),
    QuestionType.NUMBER: ("answer", "tolerance"),
    QuestionType.ORDER: ("choices", "answer"),
    QuestionType.SELECT_ALL: ("choices", "answers"),
}
ALL_ANSWER_KEYS = ("choices", "answer", "answers", "tolerance")
QUESTION_KEYS = COMMON_KEYS + ALL_ANSWER_KEYS + CHOICE_EXTRA_KEYS + NUMBER_EXTRA_KEYS
EXPLAINER_KEYS = ("id", "title", "short", "body", "examples", "keywords", "quote", "related",
                  "topic", "chart")

Pairs = dict[str, tuple[Node, Node]]


@dataclass
class ItemContext:
    """What one item's checks need from the rest of the pack (ids seen so far, topics)."""

    reader: NodeReader
    topics: frozenset[str] | None  # None: the pack lists no topics, any topic goes
    question_ids: dict[str, int] = field(default_factory=dict)  # id → line of first use
    explainer_ids: dict[str, int] = field(default_factory=dict)
    folder: Path | None = None  # the pack file's folder: shipped pictures are checked there
    files_allowed: bool = True  # False for uploads: stored without a folder, no picture files

    def add(self, line: int, message: str) -> None:
        self.reader.problems.add(line, message)


def check_id(ctx: ItemContext, text: str, what: str, line: int) -> bool:
    """Ids end up in URLs, buttons and commands: lowercase words joined by single dashes."""
    if len(text) > MAX_ID_LENGTH:
        ctx.add(line, f"{what} '{text[:20]}…' is too long ({len(text)} characters; "
                      f"at most {MAX_ID_LENGTH})")
        return False
    if not ID_PATTERN.fullmatch(text):
        slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "my-id"
        ctx.add(line, f"{what} '{text}' is not a valid id: use lowercase letters, digits and "
                      f"single dashes, e.g. '{slug}'")
        return False
    return True


def _read_item_id(ctx: ItemContext, pairs: Pairs, kind: str, seen: dict[str, int]) -> str | None:
    """The item's id, recorded in `seen` (first line wins) and checked for duplicates."""
    if "id" not in pairs:
        return None
    key, node = pairs["id"]
    value = ctx.reader.text(node, f"{kind} id", line_of(key))
    if value is None or not check_id(ctx, value, f"{kind} id", line_of(key)):
        return None
    if value in seen:
        ctx.add(line_of(key), f"duplicate {kind} id '{value}' (first used on line {seen[value]})")
        return None
    seen[value] = line_of(key)
    return value


def _label(node: Node, kind: str, index: int) -> str:
    """Name an item in messages written before its id is checked (duplicate keys, not a map)."""
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if (isinstance(key, ScalarNode) and key.value == "id" and isinstance(value, ScalarNode)
                    and ID_PATTERN.fullmatch(value.value)):
                return f"{kind} '{value.value}'"
    return f"{kind} #{index}"


def _optional_text(ctx: ItemContext, pairs: Pairs, name: str, what: str) -> str | None:
    if name not in pairs:
        return None
    key, node = pairs[name]
    return ctx.reader.text(node, f"{what} {name}", line_of(key))


def _optional_texts(ctx: ItemContext, pairs: Pairs, name: str, what: str) -> tuple[str, ...]:
    if name not in pairs:
        return ()
    key, node = pairs[name]
    items = ctx.reader.texts(node, f"{what} {name}", line_of(key))
    return tuple(text for text, _ in items or ())


def _topic(ctx: ItemContext, pairs: Pairs, what: str) -> str | None:
    topic = _optional_text(ctx, pairs, "topic", what)
    if topic is not None and ctx.topics is not None and topic not in ctx.topics:
        hint = did_you_mean(topic, ctx.topics) or f"; listed: {', '.join(sorted(ctx.topics))}"
        ctx.add(line_of(pairs["topic"][0]), f"{what} topic '{topic}' is not listed in the pack's "
                                            f"topics{hint}")
    return topic


def _bounded_int(ctx: ItemContext, pairs: Pairs, name: str, what: str, default: int,
                 ok: range | None) -> int | None:
    """difficulty (1–3) and points (positive): a whole number, checked against its range."""
    if name not in pairs:
        return default
    key, node = pairs[name]
    value = ctx.reader.integer(node, f"{what} {name}", line_of(key))
    if value is None:
        return None
    if ok is not None and value not in ok:
        ctx.add(line_of(key), f"{what} {name} should be 1, 2 or 3, not {number_text(value)}")
        return None
    if ok is None and not 0 < value <= MAX_POINTS:
        ctx.add(line_of(key), f"{what} {name} should be a whole number from 1 to {MAX_POINTS:,}, "
                              f"not {number_text(value)}")
        return None
    return value


# ---------------------------------------------------------------- questions


def read_question(ctx: ItemContext, node: Node, index: int) -> Question | None:
    """Check one `questions:` item; the Question, or None if anything in it was wrong."""
    before = len(ctx.reader.problems)
    pairs = ctx.reader.mapping(node, _label(node, "question", index))
    if pairs is None:
        return None
    qid = _read_item_id(ctx, pairs, "question", ctx.question_ids)
    what = f"question '{qid}'" if qid else f"question #{index}"
    qtype = _question_type(ctx, pairs, what)
    ctx.reader.check_keys(pairs, node, what, QUESTION_KEYS, ("id", "type", "prompt", "explanation"))
    prompt = _optional_text(ctx, pairs, "prompt", what)
    explanation = _optional_text(ctx, pairs, "explanation", what)
    hints = _optional_texts(ctx, pairs, "hints", what)
    quote = _optional_text(ctx, pairs, "quote", what)
    topic = _topic(ctx, pairs, what)
    tags = _tags(ctx, pairs, what)
    difficulty = _bounded_int(ctx, pairs, "difficulty", what, 1, DIFFICULTIES)
    points = _bounded_int(ctx, pairs, "points", what, 100, None)
    time_limit = _time_limit(ctx, pairs, what)
    media = read_question_media(ctx, pairs, what)
    answer_fields = _answer_fields(ctx, pairs, node, qtype, what) if qtype else None
    if answer_fields is not None:
        extras = read_choice_extras(
            ctx.reader, pairs, what, qtype,
            answer_fields.get("choices", ()), answer_fields.get("answer"))  # type: ignore[arg-type]
        amounts = read_number_extras(ctx.reader, pairs, what, qtype is QuestionType.NUMBER)
        answer_fields = (None if extras is None or amounts is None
                         else {**answer_fields, **extras, **amounts})
    if (len(ctx.reader.problems) > before or qid is None or qtype is None
            or answer_fields is None or media is None):
        return None
    assert prompt is not None and explanation is not None
    assert difficulty is not None and points is not None
    return Question(id=qid, type=qtype, prompt=prompt, explanation=explanation, hints=hints,
                    quote=quote, topic=topic, tags=tags, difficulty=difficulty, points=points,
                    time_limit=time_limit, **media, **answer_fields)


def _time_limit(ctx: ItemContext, pairs: Pairs, what: str) -> float | None:
    """`time_limit`: this question's live answer window in seconds (else the settings')."""
    if "time_limit" not in pairs:
        return None
    key, node = pairs["time_limit"]
    value = ctx.reader.number(node, f"{what} time_limit", line_of(key))
    low, high = TIME_LIMITS
    if value is not None and not low <= value <= high:
        ctx.add(line_of(key), f"{what} time_limit is {value:g} seconds; use {low:g} to {high:g}")
        return None
    return value


def _question_type(ctx: ItemContext, pairs: Pairs, what: str) -> QuestionType | None:
    if "type" not in pairs:
        return None
    key, node = pairs["type"]
    value = ctx.reader.text(node, f"{what} type", line_of(key))
    if value is None:
        return None
    try:
        return QuestionType(value)
    except ValueError:
        names = [t.value for t in QuestionType]
        hint = did_you_mean(value, names) or ""
        ctx.add(line_of(key), f"{what} has unknown type '{value}'{hint} "
                              f"(types: {', '.join(names)})")
        return None


def _tags(ctx: ItemContext, pairs: Pairs, what: str) -> tuple[str, ...]:
    if "tags" not in pairs:
        return ()
    key, node = pairs["tags"]
    good = []
    for tag, item in ctx.reader.texts(node, f"{what} tags", line_of(key)) or ():
        if tag in TAGS:
            good.append(tag)
        else:
            hint = did_you_mean(tag, TAGS) or f"; tags are: {', '.join(TAGS)}"
            ctx.add(line_of(item), f"{what} has unknown tag '{tag}'{hint}")
    return tuple(good)


def _answer_fields(ctx: ItemContext, pairs: Pairs, node: Node, qtype: QuestionType,
                   what: str) -> dict[str, object] | None:
    """The Question fields that hold the answer, by type (see Question's docstring)."""
    wanted = ANSWER_KEYS[qtype]
    for name in ALL_ANSWER_KEYS:
        if name in pairs and name not in wanted:
            if qtype is QuestionType.TEXT and name == "answer":
                advice = "a text question lists every accepted answer under 'answers'"
            else:
                advice = f"a {qtype} question takes {' and '.join(wanted)}"
            ctx.add(line_of(pairs[name][0]), f"'{name}' does not belong in {what}: {advice}")
    required = tuple(k for k in wanted if k != "tolerance")
    missing = [k for k in required if k not in pairs]
    for name in missing:
        ctx.add(line_of(node), f"{what} lacks the required key '{name}' (a {qtype} question "
                               f"needs {' and '.join(required)})")
    if missing:
        return None
    if qtype is QuestionType.TRUEFALSE:
        key, value = pairs["answer"]
        truth = ctx.reader.boolean(value, f"{what} answer", line_of(key))
        return None if truth is None else {"truth": truth}
    if qtype is QuestionType.TEXT:
        key, value = pairs["answers"]
        answers = ctx.reader.texts(value, f"{what} answers", line_of(key))
        if answers == []:
            ctx.add(line_of(key), f"{what} answers is an empty list: give at least one answer")
        return {"answers": tuple(a for a, _ in answers)} if answers else None
    if qtype is QuestionType.NUMBER:
        return _number_fields(ctx, pairs, what)
    choices = _choices(ctx, pairs, what)
    if qtype is QuestionType.CHOICE:
        return _choice_fields(ctx, pairs, what, choices)
    if qtype is QuestionType.SELECT_ALL:
        return read_select_all(ctx.reader, pairs, what, choices)
    return _order_fields(ctx, pairs, what, choices)


def _number_fields(ctx: ItemContext, pairs: Pairs, what: str) -> dict[str, object] | None:
    key, value = pairs["answer"]
    number = ctx.reader.number(value, f"{what} answer", line_of(key))
    advice = amount_suggestion(value.value) if isinstance(value, ScalarNode) else None
    if number is None and advice:
        ctx.add(line_of(key), f"{what} answer '{value.value}' is an amount: write it as {advice}")
    tolerance = 0.0
    if "tolerance" in pairs:
        tkey, tnode = pairs["tolerance"]
        read = ctx.reader.number(tnode, f"{what} tolerance", line_of(tkey))
        if read is not None and read < 0:
            ctx.add(line_of(tkey), f"{what} tolerance should be 0 or more, not {tnode.value}")
        elif read is not None and read > 1:
            ctx.add(line_of(tkey), f"{what} tolerance is a fraction of the answer (0.05 means "
                                   f"±5 %); {tnode.value} would accept almost anything")
        tolerance = read if read is not None else tolerance
    return None if number is None else {"number": number, "tolerance": tolerance}


def _choices(ctx: ItemContext, pairs: Pairs, what: str) -> tuple[str, ...] | None:
    key, node = pairs["choices"]
    items = ctx.reader.texts(node, f"{what} choices", line_of(key))
    if items is None:
        return None
    seen: dict[str, int] = {}
    for text, item in items:
        if text in seen:
            ctx.add(line_of(item), f"{what} lists the choice '{text}' twice "
                                   f"(first on line {seen[text]})")
        seen.setdefault(text, line_of(item))
    if not MIN_CHOICES <= len(node.value) <= MAX_CHOICES:
        ctx.add(line_of(key), f"{what} has {len(node.value)} choices; give between "
                              f"{MIN_CHOICES} and {MAX_CHOICES}")
    return tuple(seen)


def _choice_fields(ctx: ItemContext, pairs: Pairs, what: str,
                   choices: tuple[str, ...] | None) -> dict[str, object] | None:
    key, node = pairs["answer"]
    answer = ctx.reader.text(node, f"{what} answer", line_of(key))
    if answer is None or choices is None:
        return None
    if answer not in choices:
        hint = did_you_mean(answer, choices) or f"; the choices are: {'; '.join(choices)}"
        ctx.add(line_of(key), f"{what} answer '{answer}' is not one of its choices{hint}")
        return None
    return {"choices": choices, "answer": answer}


def _order_fields(ctx: ItemContext, pairs: Pairs, what: str,
                  choices: tuple[str, ...] | None) -> dict[str, object] | None:
    key, node = pairs["answer"]
    items = ctx.reader.texts(node, f"{what} answer", line_of(key))
    if items is None or choices is None:
        return None
    order = tuple(text for text, _ in items)
    if not order:
        ctx.add(line_of(key), f"{what} answer is an empty list: list the choices in the "
                              f"correct order")
        return None
    if Counter(order) != Counter(choices):
        details = []
        missing = [c for c in choices if c not in order]
        if missing:
            details.append("missing " + ", ".join(f"'{c}'" for c in missing))
        for text in dict.fromkeys(t for t in order if t not in choices):
            details.append(f"'{text}' is not a choice{did_you_mean(text, choices)}")
        twice = [t for t, n in Counter(order).items() if n > 1]
        if twice:
            details.append("listed twice: " + ", ".join(f"'{t}'" for t in twice))
        ctx.add(line_of(key), f"{what} answer is not a reordering of its choices: "
                              f"{'; '.join(details)}")
        return None
    return {"choices": choices, "order": order}


# ---------------------------------------------------------------- explainers


def read_explainer(ctx: ItemContext, node: Node, index: int) -> Explainer | None:
    """Check one `explainers:` item (after all questions, so `related` can be resolved)."""
    before = len(ctx.reader.problems)
    pairs = ctx.reader.mapping(node, _label(node, "explainer", index))
    if pairs is None:
        return None
    eid = _read_item_id(ctx, pairs, "explainer", ctx.explainer_ids)
    what = f"explainer '{eid}'" if eid else f"explainer #{index}"
    ctx.reader.check_keys(pairs, node, what, EXPLAINER_KEYS, ("id", "title", "short"))
    title = _optional_text(ctx, pairs, "title", what)
    short = _optional_text(ctx, pairs, "short", what)
    if short is not None and len(short) > MAX_SHORT_ANSWER:
        ctx.add(line_of(pairs["short"][0]), f"{what} short answer is {len(short)} characters; "
                                            f"keep it to {MAX_SHORT_ANSWER}, move the rest to body")
    body = _optional_text(ctx, pairs, "body", what) or ""
    examples = _optional_texts(ctx, pairs, "examples", what)
    keywords = _optional_texts(ctx, pairs, "keywords", what)
    quote = _optional_text(ctx, pairs, "quote", what)
    related = _related(ctx, pairs, what)
    topic = _topic(ctx, pairs, what)
    chart = read_chart(ctx.reader, pairs, what)
    if len(ctx.reader.problems) > before or eid is None or title is None or short is None:
        return None
    return Explainer(id=eid, title=title, short=short, body=body, examples=examples,
                     keywords=keywords, quote=quote, related=related, topic=topic, chart=chart)


def _related(ctx: ItemContext, pairs: Pairs, what: str) -> tuple[str, ...]:
    if "related" not in pairs:
        return ()
    key, node = pairs["related"]
    good = []
    for qid, item in ctx.reader.texts(node, f"{what} related", line_of(key)) or ():
        if qid in ctx.question_ids:
            good.append(qid)
            continue
        note = " (that is an explainer; related lists question ids)" \
            if qid in ctx.explainer_ids else did_you_mean(qid, list(ctx.question_ids))
        ctx.add(line_of(item), f"{what} related id '{qid}' is not a question in this pack{note}")
    return tuple(good)
