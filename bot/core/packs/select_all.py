"""The `select_all` question ("select all that apply"): its choices and the set of right ones.

Kept apart from items.py (which owns the other per-type rules) so that module stays small.
A learner is right only when they pick exactly the right choices, so every right choice must be
one of the choices, listed once; at least one is right (all of them may be).

    - id: primes
      type: select_all
      prompt: Which of these are prime numbers?
      choices: ["2", "3", "4", "9"]
      answers: ["2", "3"]
      explanation: 4 = 2 × 2 and 9 = 3 × 3; 2 and 3 have no other divisors.
"""

from __future__ import annotations

from yaml.nodes import Node

from bot.core.packs.nodes import NodeReader, did_you_mean, line_of

Pairs = dict[str, tuple[Node, Node]]


def read_select_all(reader: NodeReader, pairs: Pairs, what: str,
                    choices: tuple[str, ...] | None) -> dict[str, object] | None:
    """`answers` of a select_all question: the right choices, in the choices' order.

    Every problem is reported at the line of the item (or key) that causes it; None then."""
    key, node = pairs["answers"]
    items = reader.texts(node, f"{what} answers", line_of(key))
    if items is None or choices is None:
        return None
    before = len(reader.problems)
    if not items:
        reader.problems.add(line_of(key), f"{what} answers is an empty list: list every right "
                                          f"choice (at least one)")
    seen: dict[str, int] = {}
    for text, item in items:
        if text not in choices:
            hint = did_you_mean(text, choices) or f"; the choices are: {'; '.join(choices)}"
            reader.problems.add(line_of(item), f"{what} answer '{text}' is not one of its "
                                               f"choices{hint}")
        elif text in seen:
            reader.problems.add(line_of(item), f"{what} lists the right choice '{text}' twice "
                                               f"(first on line {seen[text]})")
        seen.setdefault(text, line_of(item))
    if len(reader.problems) > before:
        return None
    return {"choices": choices, "answers": tuple(c for c in choices if c in seen)}
