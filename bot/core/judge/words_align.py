"""Free-text judging: align the response's words to an accepted answer's words.

Why an alignment and not one similarity score: a single ratio over whole strings cannot say
"Jalisco Cartel" is wrong for "Sinaloa Cartel" (they are 60 % alike) while "Sinaola cartell" is
right, nor tell "Fox or Calderón" (a list of guesses) from "President Fox" (a qualifier). Word by
word it can:

- every *required* word of the answer must appear in the response, within its typo budget
  (≤ 4 letters exact, 5–8 letters one edit, longer two; OSA distance, so a swap is one edit;
  words holding digits are always exact, but a numeral may be written as digits, a Roman numeral,
  a word or an ordinal: "World War 2" = "World War II" = "Second World War"; an apostrophe-s
  apart is no typo: "Macys" = "Macy's"). Articles and stopwords are optional; generic kind-nouns
  ("cartel", "river", "president") are optional when the answer has a proper name besides;
- two words typed together or apart ("PeñaNieto", "Mc Donald") match exactly or not at all;
- an acronym of the answer ("CJNG", "USA") is accepted as typed, without typos;
- at most MAX_EXTRA_WORDS unmatched content words may surround the answer, not counting fillers
  at either end ("I think it was …", "… maybe") or stopwords;
- connectors (or, /, and, &, +, ;, newline) between two content parts, or three comma parts,
  make the response a list of guesses; a list is wrong unless every item is itself correct.
  A connector that the accepted answer itself contains ("Simon & Garfunkel") is not a list sign.
  Comma parts beside the answer qualify it when each is a known place ("Culiacán, Sinaloa,
  Mexico"), a title ("Fox, president") or a negation ("Fox, not Calderón"); any other comma part
  is a second guess ("Fox, Calderón");
- an extra word standing where a longer accepted answer has another word names a rival
  ("Boris Johnson" when "Ronald Johnson" and "Johnson" are accepted), and an answer right after
  "not" is negated: both are wrong.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import OSA

from bot.core.judge.lexicon import (
    ARTICLES,
    CONNECTOR_FAMILY,
    HARD_FAMILIES,
    KIND_NOUNS,
    NEGATIONS,
    STOPWORDS,
    filler_positions,
)
from bot.core.judge.places import is_place, place_rank, place_trouble
from bot.core.text.normalize import Token, tokenize
from bot.core.text.numbers import numeral

MAX_EXTRA_WORDS = 2

LIST_REASON = "Several candidates given: answer with one."
NEGATED_REASON = "Not quite: a negated answer doesn't count; say what it is."
WORDY_REASON = "Too wordy: answer in a few words."
SPELLING_REASON = "Not quite: check the spelling."
ELSE_REASON = "Not quite: that names something else."
PARTIAL_REASON = "Incomplete: part of the answer is missing."
VAGUE_REASON = "Incomplete: be more specific."
WRONG_REASON = "Not quite: that is not an accepted answer."


def typo_budget(word: str) -> int:
    """Edits allowed for an answer word: none for short words and numbers (they are names)."""
    if any(ch.isdigit() for ch in word) or len(word) <= 4:
        return 0
    return 1 if len(word) <= 8 else 2


def _distance(answer_word: str, response_word: str, budget: int) -> int:
    if answer_word == response_word:
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


@lru_cache(maxsize=4096)
def parse_answer(text: str) -> Answer:
    tokens = tokenize(text)
    found = [t for t in tokens if t.kind == "word"]
    families = {CONNECTOR_FAMILY[t.text] for t in tokens if t.text in CONNECTOR_FAMILY}
    texts = [t.text for t in found]
    significant = {i for i, w in enumerate(texts) if w not in STOPWORDS and w not in KIND_NOUNS}
    if not significant:  # "The Who", "The President": the whole answer is the name
        significant = ({i for i, w in enumerate(texts) if w not in ARTICLES}
                       or set(range(len(texts))))
    words = tuple(AnswerWord(t.text, t.raw, i in significant, t.text in KIND_NOUNS)
                  for i, t in enumerate(found))
    heads = [w[0] for w in texts if w not in STOPWORDS]
    initials = "".join(heads) if len(heads) >= 2 else None
    return Answer(text, words, frozenset(families), initials)


@dataclass(frozen=True)
class Response:
    """A response split into tokens; `words` index into `tokens`; `free` are filler positions."""

    tokens: tuple[Token, ...]
    words: tuple[Token, ...]
    free: frozenset[int]

    @classmethod
    def of(cls, text: str, *, articles: bool = True) -> Response:
        tokens = tuple(tokenize(text))
        words = tuple(t for t in tokens if t.kind == "word")
        return cls(tokens, words, filler_positions([w.text for w in words], articles=articles))

    def is_content(self, j: int) -> bool:
        return j not in self.free and self.words[j].text not in STOPWORDS


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
    match.near_miss = any(
        len(answer.words[i].text) >= 5 and not answer.words[i].text.isdigit()
        and _distance(answer.words[i].text, resp.words[j].text, budget + 1) == budget + 1
        for i in missing for budget in (typo_budget(answer.words[i].text),) for j in leftover)
    return match


def best_match(answers: Iterable[Answer], resp: Response,
               part: Sequence[int] | None = None) -> Match | None:
    """The best-ranked alignment among `answers` (None when there are no answers)."""
    matches = [match_answer(a, resp, part) for a in answers]
    return max(matches, key=Match.rank, default=None)


def list_parts(resp: Response, consumed: frozenset[int], exempt: frozenset[str],
               answer: Answer | None = None) -> list[list[int]] | None:
    """The content parts when the response lists several guesses, else None.

    Connectors consumed by the answer, or of a family the answer itself contains, do not split.
    """
    hard: list[list[int]] = [[]]
    every: list[list[int]] = [[]]
    word_index = -1
    for token in resp.tokens:
        if token.kind == "word":
            word_index += 1
        family = CONNECTOR_FAMILY.get(token.text)
        if family is None or family in exempt or word_index in consumed and token.kind == "word":
            if token.kind == "word":
                hard[-1].append(word_index)
                every[-1].append(word_index)
            continue
        if family in HARD_FAMILIES:
            hard.append([])
        every.append([])

    def content(part: list[int]) -> bool:
        return any(j in consumed or resp.is_content(j) for j in part)

    hard = [p for p in hard if content(p)]
    if len(hard) >= 2:
        return hard
    every = [p for p in every if content(p)]
    if len(every) < 2:
        return None
    # "Culiacán, Sinaloa, Mexico" narrows the answer to a place and "Fox, not Calderón" rules one
    # out; "Fox, Calderón" is a second guess.
    others = [p for p in every if not consumed & set(p)]
    rank = place_rank([w.text for w in answer.words]) if answer else None
    if consumed and all(_qualifier(resp, p, rank) for p in others):
        return None
    return every


def _qualifier(resp: Response, part: list[int], rank: int | None = None) -> bool:
    """A comma part that narrows rather than guesses: a place, a title, or a negation.

    Titles may name their place ("president of Mexico", "capital of France"). A place answer is
    narrowed only by a larger place: "Sinaloa, Mexico" qualifies, "Mexico, Guatemala" guesses twice.
    """
    words = [resp.words[j].text for j in part]
    if words[0] in NEGATIONS:
        return True
    core = [resp.words[j].text for j in part
            if resp.is_content(j) and resp.words[j].text not in KIND_NOUNS]
    if not core:
        return True
    found = place_rank(core)
    return is_place(core) and (rank is None or found is None or found > rank)


def _place_trouble(resp: Response, match: Match) -> str | None:
    """Why the places around a matched answer make it wrong (see places.place_trouble)."""
    if not match.consumed:
        return None
    trouble = place_trouble(
        [w.text for w in resp.words], match.consumed,
        [resp.is_content(j) for j in range(len(resp.words))],
        [w.text for w in match.answer.words],
        [match.answer.words[i].text for i in sorted(match.aligned)])
    return {"else": ELSE_REASON, "list": LIST_REASON}.get(trouble or "")


def negated(resp: Response, consumed: frozenset[int]) -> bool:
    """True when the matched answer comes right after "not" ("not Fox", "it isn't the Fox")."""
    j = min(consumed) - 1
    while j >= 0 and resp.words[j].text in ARTICLES:
        j -= 1
    return j >= 0 and j not in consumed and resp.words[j].text in NEGATIONS


def _rival(resp: Response, best: Match, answers: Sequence[Answer]) -> bool:
    """True when an extra word takes the place of a word of a longer accepted answer.

    With "Ronald Johnson" and "Johnson" accepted, "Boris Johnson" matches "Johnson" plus one
    extra word, but "Boris" sits exactly where "Ronald" belongs: it names another Johnson.
    "President Fox" (a generic title) and "Fox Quesada" (nothing belongs after "Fox") stay right.
    """
    own = {w.text for w in best.answer.words}
    for answer in answers:
        if answer is best.answer or not own < {w.text for w in answer.words}:
            continue
        match = match_answer(answer, resp)
        for i in match.missing_at:
            for neighbour, step in ((i + 1, -1), (i - 1, 1)):
                j = match.aligned.get(neighbour)
                if j is None or not 0 <= j + step < len(resp.words):
                    continue
                k = j + step
                if k not in match.consumed and resp.is_content(k) \
                        and resp.words[k].text not in KIND_NOUNS:
                    return True
    return False


def success_reason(match: Match) -> str:
    if not match.typos:
        return "Correct."
    pairs = ", ".join(f"'{typed}' for '{meant}'" for typed, meant in match.typos)
    noun = "a typo" if len(match.typos) == 1 else "typos"
    return f"Close enough: accepted despite {noun} ({pairs})."


def failure_reason(matches: Sequence[Match]) -> str:
    """Why none of the alignments is right, without naming the answer."""
    if any(m.missing == 0 for m in matches):
        return WORDY_REASON
    best = max(matches, key=Match.rank)
    if best.near_miss:
        return SPELLING_REASON
    if best.matched_required:
        return ELSE_REASON if best.extras else PARTIAL_REASON
    if best.generic_seen:
        return f"Not quite: that names a different {best.generic_seen[0]}." if best.extras \
            else VAGUE_REASON
    return WRONG_REASON


@dataclass(frozen=True)
class TextJudgement:
    """The outcome of judging a response against answers: the winning match or why not."""

    correct: bool
    reason: str
    match: Match | None
    listed: bool = False


def judge_words(resp: Response, answers: Sequence[Answer]) -> TextJudgement:
    """Judge a tokenized response against parsed answers (shared by text and choice questions)."""
    if not resp.words:
        return TextJudgement(False, WRONG_REASON, None)
    matches = [match_answer(a, resp) for a in answers]
    best = max(matches, key=Match.rank)
    exempt = best.answer.families if best.ok else frozenset()
    parts = list_parts(resp, best.consumed if best.ok else frozenset(), exempt,
                       best.answer if best.ok else None)
    if parts is not None:
        items = [best_match(answers, resp, part) for part in parts]
        if all(item is not None and item.ok for item in items):
            return TextJudgement(True, "Correct.", best if best.ok else items[0], listed=True)
        return TextJudgement(False, LIST_REASON, None, listed=True)
    if not best.ok:
        return TextJudgement(False, failure_reason(matches), best)
    if best.consumed and negated(resp, best.consumed):
        return TextJudgement(False, NEGATED_REASON, best)
    if best.extras and _rival(resp, best, answers):
        return TextJudgement(False, ELSE_REASON, best)
    if (reason := _place_trouble(resp, best)) is not None:
        return TextJudgement(False, reason, best, listed=reason == LIST_REASON)
    return TextJudgement(True, success_reason(best), best)
