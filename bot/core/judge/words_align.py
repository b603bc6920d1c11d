"""Free-text judging: align the response's words to an accepted answer's words.

Why an alignment and not one similarity score: a single ratio over whole strings cannot say
"Jalisco Cartel" is wrong for "Sinaloa Cartel" (they are 60 % alike) while "Sinaola cartell" is
right, nor tell "Fox or Calderón" (a list of guesses) from "President Fox" (a qualifier). Word by
word it can:

- every *required* word of the answer must appear in the response, within its typo budget
  (≤ 4 letters exact, 5–8 letters one edit, longer two; OSA distance, so a swap is one edit;
  words holding digits are always exact, but a numeral may be written as digits, a Roman numeral,
  a word or an ordinal: "World War 2" = "World War II" = "Second World War"; an apostrophe-s
  apart is no typo: "Macys" = "Macy's"; an abbreviation is its word: "Mt." = "Mount").
  Articles and connectors are optional, particles ("de", "van", "of") are not; kind-nouns
  ("cartel", "river") and titles before the name ("Queen", "Professor") are optional when the
  answer has a name besides;
- two words typed together or apart ("PeñaNieto", "Mc Donald") match exactly or not at all;
- an acronym of the answer ("CJNG", "USA") is accepted as typed, without typos;
- at most MAX_EXTRA_WORDS unmatched content words may surround the answer, not counting fillers
  at either end ("I think it was …", "… maybe") or stopwords; a multi-word place counts as one
  ("Sydney, New South Wales").

What the alignment then means is decided in bot.core.judge.decide: lists of guesses and
qualifiers (lists.py), a different named thing (names.py), places (places.py, gazetteer.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import OSA

from bot.core.judge.gazetteer import places_of
from bot.core.judge.lexicon import (
    ABBREVIATIONS,
    ARTICLES,
    CONNECTOR_FAMILY,
    KIND_NOUNS,
    PARTICLES,
    STOPWORDS,
    TITLES,
    filler_positions,
)
from bot.core.judge.phrases import say
from bot.core.text.normalize import Token, tokenize
from bot.core.text.numbers import numeral

MAX_EXTRA_WORDS = 2

LIST_REASON = say("judge.list")
NEGATED_REASON = say("judge.negated")
WORDY_REASON = say("judge.wordy")
SPELLING_REASON = say("judge.spelling")
ELSE_REASON = say("judge.else")
PARTIAL_REASON = say("judge.partial")
VAGUE_REASON = say("judge.vague")
WRONG_REASON = say("judge.wrong")


def typo_budget(word: str) -> int:
    """Edits allowed for an answer word: none for short words and numbers (they are names)."""
    if any(ch.isdigit() for ch in word) or len(word) <= 4:
        return 0
    return 1 if len(word) <= 8 else 2


def _distance(answer_word: str, response_word: str, budget: int) -> int:
    if answer_word == response_word or \
            ABBREVIATIONS.get(answer_word, answer_word) == ABBREVIATIONS.get(response_word,
                                                                             response_word):
        return 0
    if (value := numeral(answer_word)) is not None and value == numeral(response_word):
        return 0  # "World War 2" / "Two" / "Second" for "World War II"
    if budget == 0 or abs(len(answer_word) - len(response_word)) > budget:
        return budget + 2
    return int(OSA.distance(answer_word, response_word, score_cutoff=budget + 1))


def _with_s(text: str, raw: str) -> str:
    """A word with the possessive "s" that folding dropped put back ("macy's" → "macys")."""
    return text + "s" if raw[-1:] in "sS" and not text.endswith("s") else text


@dataclass(frozen=True)
class AnswerWord:
    text: str
    raw: str
    required: bool
    generic: bool


@dataclass(frozen=True)
class Answer:
    """An accepted answer, parsed once: its words, its own connectors, its acronym."""

    text: str
    words: tuple[AnswerWord, ...]
    families: frozenset[str]
    initials: str | None


# A saint in an answer usually names a place or a church ("St. Louis", "Saint Lucia"): it stays.
_PLACE_SAINTS = frozenset({"saint", "st"})


def _optional(texts: list[str]) -> set[int]:
    """Answer words a response may leave out: articles, connectors, kind-nouns ("Sinaloa" for
    "Sinaloa Cartel") and the titles before the name ("Victoria" for "Queen Victoria").

    Particles ("van Gogh", "Rio de Janeiro") are part of the name; a title after the first name
    word is a name ("Martin Luther King"). When nothing would be left ("The Who", "Cape Town",
    "The President") the whole answer is the name.
    """
    lead = 0
    while lead < len(texts) and (texts[lead] in TITLES or texts[lead] in ARTICLES):
        lead += 1
    optional = {i for i, w in enumerate(texts)
                if w in STOPWORDS and w not in PARTICLES or w in KIND_NOUNS
                or w in TITLES and i < lead and w not in _PLACE_SAINTS}
    if len(optional) < len(texts):
        return optional
    return {i for i, w in enumerate(texts) if w in ARTICLES} if len(texts) > 1 else set()


@lru_cache(maxsize=4096)
def parse_answer(text: str) -> Answer:
    tokens = tokenize(text)
    found = [t for t in tokens if t.kind == "word"]
    families = {CONNECTOR_FAMILY[t.text] for t in tokens if t.text in CONNECTOR_FAMILY}
    texts = [t.text for t in found]
    optional = _optional(texts)
    if len(optional) == len(texts):
        optional = set()
    words = tuple(AnswerWord(t.text, t.raw, i not in optional,
                             t.text in KIND_NOUNS or t.text in TITLES)
                  for i, t in enumerate(found))
    heads = [w[0] for w in texts if w not in STOPWORDS]
    initials = "".join(heads) if len(heads) >= 2 else None
    return Answer(text, words, frozenset(families), initials)


@dataclass(frozen=True)
class Response:
    """A response split into tokens; `words` index into `tokens`; `free` are filler positions.

    `places` are the folded place names the question's pack adds to the gazetteer; `breaks[j]`
    is True when a separator (comma, slash …) stands between word j - 1 and word j.
    """

    tokens: tuple[Token, ...]
    words: tuple[Token, ...]
    free: frozenset[int]
    places: frozenset[str] = frozenset()
    breaks: tuple[bool, ...] = ()

    @classmethod
    def of(cls, text: str, *, articles: bool = True,
           places: frozenset[str] = frozenset()) -> Response:
        tokens = tuple(tokenize(text))
        words = tuple(t for t in tokens if t.kind == "word")
        breaks: list[bool] = []
        pending = False
        for token in tokens:
            if token.kind == "word":
                breaks.append(pending)
                pending = False
            else:
                pending = True
        return cls(tokens, words, filler_positions([w.text for w in words], articles=articles),
                   places, tuple(breaks))

    def is_content(self, j: int) -> bool:
        return j not in self.free and self.words[j].text not in STOPWORDS

    def joined(self, j: int, k: int) -> bool:
        """True when words j and k are neighbours with no separator between them."""
        lo, hi = min(j, k), max(j, k)
        return hi == lo + 1 and lo >= 0 and hi < len(self.words) and not self.breaks[hi]


@dataclass
class Match:
    """How one accepted answer lines up with (part of) a response."""

    answer: Answer
    consumed: frozenset[int] = frozenset()
    missing: int = 0
    matched_required: int = 0
    generic_seen: list[str] = field(default_factory=list)
    typos: list[tuple[str, str]] = field(default_factory=list)
    typo_cost: int = 0
    aligned: dict[int, int] = field(default_factory=dict)  # answer word → response word
    missing_at: list[int] = field(default_factory=list)
    extras: int = 0
    near_miss: bool = False

    @property
    def ok(self) -> bool:
        return self.missing == 0 and self.extras <= MAX_EXTRA_WORDS

    def rank(self) -> tuple[int, ...]:
        """Higher is better: right first, then fewest typos, fewest extra words."""
        return (self.ok, -self.missing, self.matched_required, -self.typo_cost, -self.extras)


def _pairs(answer: Answer, resp: Response, part: Sequence[int]) -> list[tuple]:
    """Every (cost, kind, optional, answer positions, response positions) that could match."""
    found = []
    words = answer.words
    for i, aw in enumerate(words):
        budget = typo_budget(aw.text)
        for j in part:
            cost = _distance(aw.text, resp.words[j].text, budget)
            if cost and _with_s(aw.text, aw.raw) == _with_s(resp.words[j].text, resp.words[j].raw):
                cost = 0  # "Macys" for "Macy's": only an apostrophe apart
            if cost <= budget:
                found.append((cost, 0, not aw.required, (i,), (j,)))
        for j, k in zip(part, part[1:], strict=False):
            if k == j + 1 and resp.words[j].text + resp.words[k].text == aw.text:
                found.append((0, 1, not aw.required, (i,), (j, k)))
    for i in range(len(words) - 1):
        joined = words[i].text + words[i + 1].text
        for j in part:
            if resp.words[j].text == joined:
                found.append((0, 1, False, (i, i + 1), (j,)))
    found.sort(key=lambda p: (p[0], p[1], p[2], p[4], p[3]))
    return found


def match_answer(answer: Answer, resp: Response, part: Sequence[int] | None = None) -> Match:
    """Greedy best-first alignment of `answer` onto the response words in `part`."""
    part = list(range(len(resp.words))) if part is None else list(part)
    used_a: set[int] = set()
    used_r: set[int] = set()
    match = Match(answer)
    for cost, _kind, _optional, a_pos, r_pos in _pairs(answer, resp, part):
        if used_a.intersection(a_pos) or used_r.intersection(r_pos):
            continue
        used_a.update(a_pos)
        match.aligned.update({i: r_pos[0] for i in a_pos})
        used_r.update(r_pos)
        if cost:
            match.typos.append((resp.words[r_pos[0]].raw, answer.words[a_pos[0]].raw))
            match.typo_cost += cost
    missing = [i for i, w in enumerate(answer.words) if w.required and i not in used_a]
    leftover = [j for j in part if j not in used_r and resp.is_content(j)]
    if missing and answer.initials:
        acronym = [j for j in leftover if resp.words[j].text == answer.initials]
        if acronym:
            used_r.add(acronym[0])
            leftover.remove(acronym[0])
            missing = []
    match.consumed = frozenset(used_r)
    match.missing_at = missing
    match.missing = len(missing)
    match.matched_required = sum(1 for i in used_a if answer.words[i].required)
    match.generic_seen = [answer.words[i].text for i in sorted(used_a) if answer.words[i].generic]
    match.extras = len(leftover)
    if match.extras > MAX_EXTRA_WORDS and used_r:  # only then may a long place name matter
        match.extras = _extra_count([resp.words[j].text for j in leftover], leftover,
                                    resp.places)
    match.near_miss = any(
        len(answer.words[i].text) >= 5 and not answer.words[i].text.isdigit()
        and _distance(answer.words[i].text, resp.words[j].text, budget + 1) == budget + 1
        for i in missing for budget in (typo_budget(answer.words[i].text),) for j in leftover)
    return match


def _extra_count(texts: list[str], positions: list[int], extra: frozenset[str]) -> int:
    """How many extra words `texts` are, a multi-word place counting as one ("New South Wales")."""
    count = i = 0
    while i < len(texts):
        for size in range(min(4, len(texts) - i), 1, -1):
            if positions[i + size - 1] - positions[i] == size - 1 \
                    and places_of(texts[i:i + size], extra):
                i += size
                break
        else:
            i += 1
        count += 1
    return count


def best_match(answers: Iterable[Answer], resp: Response,
               part: Sequence[int] | None = None) -> Match | None:
    """The best-ranked alignment among `answers` (None when there are no answers)."""
    matches = [match_answer(a, resp, part) for a in answers]
    return max(matches, key=Match.rank, default=None)


