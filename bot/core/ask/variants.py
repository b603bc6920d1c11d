"""The ask-log's rows: variants of one question grouped, inputs that are no question dropped.

Why: instructors read the log to see what their packs miss. "Who is El Mayo?", "who is el mayo"
and "el mayo who is" are one gap, and "wh0 is el myo" too; `help`, `?` and "k" are no gap at all.
A variant key is the question's content words (stopwords out, light stemming), in sorted order;
keys that differ by a typo or two (rapidfuzz ratio ≥ SIMILAR) fall into one group.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.core.ask.analyzer import base_canonical, base_normalize
from bot.core.ask.lexicon import _words

SIMILAR = 88  # token_sort_ratio of two keys that are one question typed differently
# One-word inputs that are chat, commands or tests rather than questions.
_NOT_QUESTIONS = _words("help test testing hi hello hey ok okay thanks thank start stop menu "
                        "commands command ping yes no lol")


def is_question(text: str) -> bool:
    """False for inputs that are no question: punctuation, one letter, `help`, `hi`…"""
    words = base_normalize(text or "").split()
    letters = sum(ch.isalnum() for ch in "".join(words))
    if letters < 2:
        return False
    if len(words) == 1:
        word = words[0]
        return word not in _NOT_QUESTIONS and base_canonical(word) is not None and len(word) > 2
    return True


def variant_key(text: str) -> str:
    """Case, punctuation, stopwords and word order aside: the question's content, sorted."""
    words = base_normalize(text or "").split()
    terms = sorted({term for w in words if (term := base_canonical(w))})
    return " ".join(terms) or " ".join(sorted(words))


@dataclass
class Group:
    text: str  # the most asked wording
    count: int
    last_asked: float
    best: int = 0  # how often `text` itself was asked


def group_rows(rows: Iterable[tuple[str, int, float]]) -> list[Group]:
    """(text, count, last asked) rows → one row per question, most asked first."""
    groups: dict[str, Group] = {}
    ordered = sorted(rows, key=lambda r: (-r[1], -r[2], r[0]))
    for text, count, last in ordered:
        if not is_question(text):
            continue
        key = variant_key(text)
        if key not in groups and groups:
            near = process.extractOne(key, list(groups), scorer=fuzz.token_sort_ratio,
                                      score_cutoff=SIMILAR)
            if near is not None:
                key = near[0]
        group = groups.get(key)
        if group is None:
            groups[key] = Group(text, count, last, count)
            continue
        group.count += count
        group.last_asked = max(group.last_asked, last)
        if count > group.best:
            group.text, group.best = text, count
    return sorted(groups.values(), key=lambda g: (-g.count, -g.last_asked, g.text))
