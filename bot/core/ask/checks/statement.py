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
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass
from typing import Any

from bot.core.ask.analyzer import canonical, count_focus, normalize
from bot.core.ask.checks.kinds import (
    KIND_WORDS,
    Kind,
    quantity_positions,
    separated_numbers,
    states_share,
)
from bot.core.ask.prior import prior

# A capitalised word that is not the first of its sentence, or an acronym anywhere.
_WORD = r"[A-Z][A-Za-zá-úÁ-Ú'’.-]*"
_NAME = re.compile(rf"(?<=[a-z0-9,;:()\"'“”‘’] ){_WORD}(?: {_WORD})*|\b[A-Z]{{2,}}\b")
# Capitalised words that are not names ("In the opening paragraph: Joaquin …").
_NOT_NAMES = frozenset({"i", "the", "a", "an", "it", "in", "on", "but", "and", "if", "as", "this",
                        "that", "true", "false", "yes", "no", "or", "what", "which", "who", "how"})


_LOWER = re.compile(r"(?<![A-Za-z])[a-z][a-z'’-]+")


def name_terms(texts: Iterable[str]) -> frozenset[str]:
    """Canonical terms the packs only ever use as (parts of) names."""
    return names_of(*name_spellings(texts))


def name_spellings(texts: Iterable[str]) -> tuple[set[str], set[str]]:
    """The distinct capitalised runs and lower-case words of some texts (a big pack repeats its
    words), found in one pass: a line break ends a name run as a text's end does."""
    joined = "\n".join(t for t in texts if t)
    return set(_NAME.findall(joined)), set(_LOWER.findall(joined))


def names_of(runs: set[str], plain: set[str]) -> frozenset[str]:
    """`name_terms` from the spellings `name_spellings` found (several packs' may be joined)."""
    named: set[str] = set()
    lower: set[str] = set()
    for run in runs:
        for word in normalize(run).split():
            if word not in _NOT_NAMES and (term := canonical(word)):
                named.add(term)
    for word in plain:
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


def predicate_share(focus: Iterable[str], names: Container[str], weight: Callable[[str], float],
                    supported: Callable[[str], float], empty: float = 1.0) -> float:
    """The share of a question's non-name weight that `supported` (0..1 per term) finds; `empty`
    when the question is names only ("who is Ronald Johnson")."""
    rest = [t for t in set(focus) if t not in names and not t.isdigit()]
    total = sum(weight(t) for t in rest)
    if not total:
        return empty
    return sum(weight(t) * supported(t) for t in rest) / total


# Words that state a difference: "how much cooler" is answered by "1.4 degrees lower".
COMPARISON = frozenset(canonical(w) or w for w in (
    "lower", "higher", "more", "less", "fewer", "greater", "smaller", "larger", "bigger", "drop",
    "dropped", "fall", "fell", "rise", "rose", "increase", "decrease", "reduction", "reduced",
    "cut", "difference", "gap", "widened", "narrowed", "faster", "slower", "quicker", "cheaper",
    "cooler", "warmer", "hotter", "longer", "shorter", "times", "twice", "saved"))


def comparative(focus: list[str]) -> str | None:
    """The comparative a "how much/many" question counts ("how much *cooler*", "how many seconds
    *quicker*": an -er adjective, not a plural -ers noun), as its canonical term, or None."""
    for word in focus:
        if word in ("more", "less", "fewer") or (
                len(word) >= 5 and word.endswith("er") and word.isalpha()):
            return canonical(word)
    return None


# "how much money/cost": an amount of money answers it, whatever the sentence calls it.
_MONEY_WORDS = frozenset(canonical(w) or w for w in (
    "money", "cost", "costs", "price", "cash", "funding", "fund", "spend", "spent", "paid", "pay",
    "budget", "dollars", "pounds", "euros"))
_MONEY = re.compile(r"[$£€¥]\s?\d|\d\s*(?:dollars|pounds|euros|cents|pence|shillings)\b", re.I)


def _money_asked(counted: set[str], sentence: str) -> bool:
    """The question counts money and the sentence states an amount of money."""
    return bool(counted & _MONEY_WORDS) and bool(_MONEY.search(sentence))


@dataclass(eq=False)
class AnswerCheck:
    """Does a document's sentence say what the question asks? Built by `KnowledgeIndex`, which
    hands it the vocabulary, the term weights, the names and the tuning it needs."""

    vocabulary: Any
    tuning: Any
    names: Container[str]
    raw_idf: dict[str, float]
    generic: set[str]
    weight: Callable[[str], float]
    unknown: Callable[[str], float]

    def evidence(self, doc: Any, kind: Kind, text: str,
                 bar: float | None = None) -> tuple[float, str | None, float]:
        """The share of the question's weight held by `doc`'s best sentence that can answer
        `kind` (read with what the document is about), that sentence, and the best share of the
        question's non-name words held by a sentence that clears the evidence bar."""
        terms, unknown = self.vocabulary.query_terms(text)
        skip = {canonical(w) for w in KIND_WORDS}
        focus = {t for t in terms if t not in skip}
        # Everyday words weigh less (prior.py) where the answer's sign is exact (an amount, a
        # date, a span); a who/where sentence is any capitalised word, so there every word of
        # the question must still be found.
        exact = self.tuning.use_prior and kind not in (Kind.PERSON, Kind.PLACE)
        damp = self.common(text) if exact else {}
        weight: Callable[[str], float] = lambda t: self.weight(t) * damp.get(t, 1.0)  # noqa: E731
        total = sum(weight(t) for t in focus) + sum(
            self.unknown(w) * (prior(w) if exact else 1.0)
            for w in set(unknown) if w not in KIND_WORDS)
        counted, many = set(), "how many" in " ".join(self.vocabulary.fixed(text))
        if kind is Kind.QUANTITY:  # "how many *cartels*": the amount must be of cartels
            counted = {t for w in count_focus(text) if (t := canonical(self.vocabulary.repair(w)
                       or w)) and t not in self.generic and t not in skip}
        compared = comparative(count_focus(text)) if kind is Kind.QUANTITY else None
        if compared:  # "how much cooler": the amount of a difference, "1.4 degrees lower"
            counted |= COMPARISON
        best, said, predicate, tune = 0.0, None, 0.0, self.tuning
        agent = kind is Kind.PERSON
        absent = [w for w in set(unknown) if w not in KIND_WORDS]  # no pack says them at all
        # "how long was Esper Defense Secretary": names alone do not say which amount or date.
        empty = 0.0 if kind in (Kind.QUANTITY, Kind.TIME, Kind.DATE, Kind.AGE) else 1.0
        share_asked = kind is Kind.QUANTITY and bool({"percent", "percentage", "%"} & set(
            self.vocabulary.fixed(text)))
        for sentence, tokens, kinds in doc.evidence:
            if kind not in kinds:
                continue
            separated = separated_numbers(sentence)
            far = 1.0
            if counted and not self._near(tokens, counted, many, separated) and not _money_asked(
                    counted, sentence):
                if not tune.far_count or not counted & {t for _, t in tokens}:
                    continue
                # What is counted is in the sentence, only not beside its number ("confrontations
                # … dropped from 38"): weaker evidence, not none (off by default: it costs
                # refusals on the bundled article's near-topic questions).
                far = tune.far_count
            if many and kind is Kind.QUANTITY and not quantity_positions(
                    [word for word, _ in tokens], True, separated):
                continue  # "how many": a year or a share is no count
            if share_asked and not {"%", "percent"} & {word for word, _ in tokens} and not (
                    tune.ratio_share and states_share(sentence)):
                continue  # "by what percent": a sentence with only years or counts, not a
                # share in words ("one in six", "a third": the same answer)
            found = {term for _, term in tokens}

            def stated(t: str, found: set[str] = found) -> float:
                if t in found or t in doc.context:
                    return 1.0
                if t == compared and found & COMPARISON:
                    return 0.8  # "cooler" said as "lower": the same difference
                return 0.8 if any(related(t, f, agent) for f in found) else 0.0

            def held(t: str) -> float:
                return stated(t) or (tune.asked_share if t in doc.asked else 0.0)

            share = far * sum(weight(t) * held(t) for t in focus) / total if total else far
            if share > best:
                best, said = share, sentence
            # The examples say what is asked, not what is stated.
            if share >= (tune.evidence if bar is None else bar):
                predicate = max(predicate, predicate_share(
                    [*focus, *absent], self.names, self._raw, stated, empty))
        return best, said, predicate

    def common(self, text: str) -> dict[str, float]:
        """Each question term's general-English prior (prior.py), read off the word the
        student wrote (after typo repair): "take" → `tak` weighs less than "canopy"."""
        out: dict[str, float] = {}
        for word in self.vocabulary.fixed(text):
            if (term := canonical(word)) is not None:
                out[term] = min(out.get(term, 1.0), prior(word))
        return out

    def _raw(self, term: str) -> float:
        """A word's weight with everyday words at full strength: what is asked ("become")."""
        idf = self.raw_idf.get(term)
        return self.tuning.unknown_weight if idf is None else idf + self.tuning.weight_floor

    @staticmethod
    def _near(tokens: tuple[tuple[str, str], ...], counted: set[str], many: bool,
              separated: frozenset[str] = frozenset(), window: int = 4) -> bool:
        spots = quantity_positions([word for word, _ in tokens], many, separated)
        return any(abs(i - j) <= window for i, (_, t) in enumerate(tokens) if t in counted
                   for j in spots)

    def unnamed(self, doc: Any, query: set[str], text: str) -> float:
        """The share of the question's weight in names that `doc` never mentions."""
        missing = sum(self.weight(t) for t in query if t in self.names and t not in doc.tf)
        if not missing:
            return 0.0
        unknown = set(self.vocabulary.query_terms(text)[1])
        return missing / (sum(self.weight(t) for t in query)
                          + sum(self.unknown(w) for w in unknown))

