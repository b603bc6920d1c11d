"""Optional keys that imports need to stay faithful: a choice question's other right choices,
per-choice feedback, a number's unit and scale, and a pack's own live time limit. (The keys
only `ask` reads, glossary and source text, are in extras.py.)

Kept apart from items.py (which owns the core per-type rules) so these additions stay local:
each reader takes the question's key pairs, reports into the shared Problems and returns the
extra Question fields, or None when something was wrong.

    - id: capital
      type: choice
      choices: [Lyon, Paris, Marseille]
      answer: Paris
      also_right: [Lyon]            # Moodle's `{=Paris =Lyon ~Marseille}`: either is right
      feedback:                     # shown when the learner picks that choice
        Marseille: "Marseille is the largest port, not the capital."
"""

from __future__ import annotations

import re

from yaml.nodes import Node

from bot.core.models import SCALES, Pack, QuestionType
from bot.core.packs.nodes import NodeReader, did_you_mean, line_of

CHOICE_EXTRA_KEYS = ("also_right", "feedback")
NUMBER_EXTRA_KEYS = ("unit", "scale")
MAX_UNIT = 20
MIN_TIME_LIMIT, MAX_TIME_LIMIT = 5, 600

Pairs = dict[str, tuple[Node, Node]]


def read_choice_extras(reader: NodeReader, pairs: Pairs, what: str, kind: QuestionType,
                       choices: tuple[str, ...], answer: str | None) -> dict[str, object] | None:
    """`also_right` and `feedback` of a choice question (a select_all question takes
    `feedback` too: Moodle shows each picked option's note); None after reporting a problem."""
    present = [name for name in CHOICE_EXTRA_KEYS if name in pairs]
    if not present:
        return {}
    allowed = {QuestionType.CHOICE: CHOICE_EXTRA_KEYS,
               QuestionType.SELECT_ALL: ("feedback",)}.get(kind, ())
    if any(name not in allowed for name in present):
        for name in present:
            if name not in allowed:
                where = "a choice or select_all" if name == "feedback" else "a choice"
                reader.problems.add(line_of(pairs[name][0]), f"'{name}' belongs only in "
                                                             f"{where} question, not in {what}")
        return None
    before = len(reader.problems)
    fields: dict[str, object] = {}
    if "also_right" in pairs:
        key, node = pairs["also_right"]
        items = reader.texts(node, f"{what} also_right", line_of(key)) or []
        for text, item in items:
            if text not in choices:
                hint = did_you_mean(text, choices) or f"; the choices are: {'; '.join(choices)}"
                reader.problems.add(line_of(item), f"{what} also_right '{text}' is not one of "
                                                   f"its choices{hint}")
            elif text == answer:
                reader.problems.add(line_of(item), f"{what} also_right repeats its answer "
                                                   f"'{text}'")
        fields["also_right"] = tuple(dict.fromkeys(text for text, _ in items))
    if "feedback" in pairs:
        fields["choice_feedback"] = _feedback(reader, pairs["feedback"], what, choices)
    return None if len(reader.problems) > before else fields


def _feedback(reader: NodeReader, pair: tuple[Node, Node], what: str,
              choices: tuple[str, ...]) -> tuple[str, ...]:
    """`choice text: feedback` lines → one feedback per choice, in the choices' order."""
    key, node = pair
    mapping = reader.mapping(node, f"{what} feedback")
    if mapping is None:
        return ()
    given: dict[str, str] = {}
    for name, (choice_key, value) in mapping.items():
        if name not in choices:
            hint = did_you_mean(name, choices) or f"; the choices are: {'; '.join(choices)}"
            reader.problems.add(line_of(choice_key), f"{what} feedback for '{name}', which is "
                                                     f"not one of its choices{hint}")
            continue
        text = reader.text(value, f"{what} feedback for '{name}'", line_of(choice_key))
        if text is not None:
            given[name] = text
    return tuple(given.get(choice, "") for choice in choices) if given else ()


def read_number_extras(reader: NodeReader, pairs: Pairs, what: str,
                       is_number: bool) -> dict[str, object] | None:
    """`unit` ("$", "%", "km") and `scale` (thousand … trillion) of a number question."""
    present = [name for name in NUMBER_EXTRA_KEYS if name in pairs]
    if not present:
        return {}
    if not is_number:
        for name in present:
            reader.problems.add(line_of(pairs[name][0]), f"'{name}' belongs only in a number "
                                                         f"question, not in {what}")
        return None
    before = len(reader.problems)
    fields: dict[str, object] = {}
    if "unit" in pairs:
        key, node = pairs["unit"]
        unit = reader.text(node, f"{what} unit", line_of(key))
        if unit is not None and (len(unit) > MAX_UNIT or any(c.isdigit() for c in unit)):
            reader.problems.add(line_of(key), f"{what} unit should be a short symbol or word "
                                              f"such as \"$\", \"%\" or \"km\", not '{unit}'")
        fields["unit"] = unit
    if "scale" in pairs:
        key, node = pairs["scale"]
        scale = reader.text(node, f"{what} scale", line_of(key))
        if scale is not None and scale not in SCALES:
            hint = did_you_mean(scale, SCALES) or f"; scales: {', '.join(SCALES)}"
            reader.problems.add(line_of(key), f"{what} scale '{scale}' is not a scale{hint}")
        fields["scale"] = scale
    return None if len(reader.problems) > before else fields


_AMOUNT = re.compile(r"^(?P<pre>US\$|[$€£¥])?\s*(?P<num>[0-9][0-9,]*(?:\.[0-9]+)?)\s*"
                     r"(?P<scale>thousand|million|billion|trillion|[kmb]n?)?\s*"
                     r"(?P<post>%|percent|per cent)?$", re.IGNORECASE)
_SHORT_SCALES = {"k": "thousand", "m": "million", "mn": "million", "b": "billion",
                 "bn": "billion"}


def amount_suggestion(text: str) -> str | None:
    """For an answer written as text like "$410 million" or "8.5%": the number-question keys
    that accept every way of writing it, as advice; None when the text is not such an amount."""
    match = _AMOUNT.match(text.strip())
    if not match or not (match["pre"] or match["scale"] or match["post"]):
        return None
    number = match["num"].replace(",", "")
    keys = [f"answer: {number}"]
    if match["pre"] or match["post"]:
        keys.append(f'unit: "{match["pre"] or "%"}"')
    if match["scale"]:
        scale = match["scale"].lower()
        keys.append(f"scale: {_SHORT_SCALES.get(scale, scale)}")
    return ", ".join(keys)


def amount_suggestions(pack: Pack) -> list[str]:
    """Advice for text questions whose answer is an amount ("$410 million", "8.5%"): as a
    number question every way of writing it would be right, not just the one listed."""
    advice = []
    for question in pack.questions:
        if question.type is not QuestionType.TEXT:
            continue
        for answer in question.answers:
            keys = amount_suggestion(answer)
            if keys:
                advice.append(f"question '{question.id}' answer '{answer}' is an amount: as "
                              f"type: number with {keys}, every way of writing it is right")
                break
    return advice


def read_time_limit(reader: NodeReader, pairs: Pairs) -> int | None:
    """The pack's live time limit in seconds (5–600), or None when it sets none."""
    if "time_limit" not in pairs:
        return None
    key, node = pairs["time_limit"]
    value = reader.integer(node, "time_limit", line_of(key))
    if value is not None and not MIN_TIME_LIMIT <= value <= MAX_TIME_LIMIT:
        reader.problems.add(line_of(key), f"time_limit is a live question's seconds, from "
                                          f"{MIN_TIME_LIMIT} to {MAX_TIME_LIMIT}, not {value}")
        return None
    return value


def feedback_for(choices: tuple[str, ...], feedback: tuple[str, ...], index: int | None) -> str:
    """The feedback of the choice at `index` ('' when none was written)."""
    if index is None or not 0 <= index < len(feedback):
        return ""
    return feedback[index]
