"""Answerability, second look: does the answering sentence say what the question *asks*, or only
name the same people?

Why: a near-topic question keeps the article's names and changes the action ("when did Esper
*become* Defense Secretary", "what year was the Sinaloa Cartel *founded*"). Names are rare words,
so they carry most of a question's weight, and a sentence naming Esper and the Defense Secretary
holds "enough" of the question although it never says when he took the job. So the words of a
question are split in two: *names* (words the packs write capitalised inside a sentence: Esper,
Sinaloa, Defense Secretary, NBC) and the rest, the *predicate* (become, founded, total, rate). The
predicate is weighed on its own, with everyday words at full weight ("become" and "found" are
everyday English, yet they are what is asked), and a typed question is answered only when its
answering sentence also holds enough of its predicate. Names alone are never enough.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from bot.core.text_index import canonical, normalize

# A capitalised word that is not the first of its sentence, or an acronym anywhere.
_WORD = r"[A-Z][A-Za-zá-úÁ-Ú'’.-]*"
_NAME = re.compile(rf"(?<=[a-z0-9,;:()\"'“”‘’] ){_WORD}(?: {_WORD})*|\b[A-Z]{{2,}}\b")
# Capitalised words that are not names ("In the opening paragraph: Joaquin …").
_NOT_NAMES = frozenset({"i", "the", "a", "an", "it", "in", "on", "but", "and", "if", "as", "this",
                        "that", "true", "false", "yes", "no", "or", "what", "which", "who", "how"})


def name_terms(texts: Iterable[str]) -> frozenset[str]:
    """Canonical terms the packs only ever use as (parts of) names."""
    named: set[str] = set()
    lower: set[str] = set()
    for text in texts:
        for match in _NAME.finditer(text or ""):
            for word in normalize(match.group(0)).split():
                if word not in _NOT_NAMES and (term := canonical(word)):
                    named.add(term)
        for word in re.findall(r"(?<![A-Za-z])[a-z][a-z'’-]+", text or ""):
            for part in normalize(word).split():
                if term := canonical(part):
                    lower.add(term)
    # A word also written in lower case mid-sentence is an ordinary word ("cartel", "president"),
    # except the handful of names the packs repeat so often they read as common nouns.
    return frozenset(t for t in named if t not in lower or t.isdigit())


def related(asked: str, stated: str, agent: bool = False) -> bool:
    """Two terms of one word family ("publish" / "publication", "violently" / "violence"): a long
    shared beginning. An agent noun ("founder") is the family's person, not its event, so it
    answers "who founded" (`agent`) but not "when was it founded"."""
    if asked == stated:
        return True
    short, long_ = sorted((asked, stated), key=len)
    if len(short) < 5 or not long_.startswith(short[:max(5, len(short) - 2)]):
        return False
    return agent or not (long_.startswith(short) and long_[len(short):] in ("er", "ers", "or"))


def predicate_share(focus: Iterable[str], names: frozenset[str], weight: Callable[[str], float],
                    supported: Callable[[str], float], empty: float = 1.0) -> float:
    """The share of a question's non-name weight that `supported` (0..1 per term) finds; `empty`
    when the question is names only ("who is Ronald Johnson")."""
    rest = [t for t in set(focus) if t not in names and not t.isdigit()]
    total = sum(weight(t) for t in rest)
    if not total:
        return empty
    return sum(weight(t) * supported(t) for t in rest) / total
