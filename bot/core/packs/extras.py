"""Optional keys that imports need to stay faithful: a choice question's other right choices,
per-choice feedback, and a pack's own live time limit.

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

from yaml.nodes import Node

from bot.core.packs.nodes import NodeReader, did_you_mean, line_of

CHOICE_EXTRA_KEYS = ("also_right", "feedback")
MIN_TIME_LIMIT, MAX_TIME_LIMIT = 5, 600

Pairs = dict[str, tuple[Node, Node]]


def read_choice_extras(reader: NodeReader, pairs: Pairs, what: str, is_choice: bool,
                       choices: tuple[str, ...], answer: str | None) -> dict[str, object] | None:
    """`also_right` and `feedback` of a choice question; None after reporting a problem."""
    present = [name for name in CHOICE_EXTRA_KEYS if name in pairs]
    if not present:
        return {}
    if not is_choice:
        for name in present:
            reader.problems.add(line_of(pairs[name][0]), f"'{name}' belongs only in a choice "
                                                         f"question, not in {what}")
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
