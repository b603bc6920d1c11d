"""When a response names a different thing than the answer it contains.

Words beside a matched answer are usually harmless ("President Fox", "the painter Picasso").
They are not when they turn the answer into another name:

- a word standing where an accepted answer has another word names a rival: "Boris Johnson" when
  "Ronald Johnson" is accepted, "Alexander Graham Bell" when "Alexander the Great" is, "Lake
  Victoria" when "Queen Victoria" is, "Rio da Janeiro" (a replaced particle). Titles and roles
  never are rivals ("Professor Curie" for "Marie Curie");
- a title written after a name is part of another name: "Martin Luther King" for "Martin Luther";
- a kind-noun glued to a name makes a place or thing of that kind ("Victoria Falls", "Lake
  Victoria") when the accepted answers show the answer is of another kind (a person: "Queen
  Victoria"; another kind of place);
- a numeral after a name is another of a series: "The Godfather Part II", "Henry VIII" for
  "Henry";
- an answer right after "not" is negated ("not Fox", "definitely not Einstein").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.judge.gazetteer import places_of
from bot.core.judge.lexicon import (
    ARTICLES,
    NEGATIONS,
    PARTICLES,
    ROLES,
    THING_KINDS,
    TITLES,
)
from bot.core.judge.words_align import Answer, Match, Response, match_answer
from bot.core.text.numbers import numeral

_ADMIN_KINDS = frozenset({"state", "country", "province", "region", "county", "department",
                          "district", "city", "capital", "town"})
_ROMAN_OR_DIGITS = re.compile(r"\d+|[ivxlc]{2,}")
_SERIES = frozenset({"part", "pt", "volume", "vol", "chapter", "episode", "book", "season",
                     "series", "no", "number"})


def negated(resp: Response, consumed: frozenset[int]) -> bool:
    """True when the matched answer comes right after "not" ("not Fox", "it isn't the Fox")."""
    j = min(consumed) - 1
    while j >= 0 and resp.words[j].text in ARTICLES:
        j -= 1
    return j >= 0 and j not in consumed and resp.words[j].text in NEGATIONS


def _slot_rival(resp: Response, match: Match) -> bool:
    """True when a response word fills the place of an answer word the response left out."""
    words = match.answer.words
    aligned = match.aligned
    for i in range(len(words)):
        if i in aligned or words[i].text in ARTICLES:
            continue
        for step in (-1, 1):  # the nearest matched answer word before (or after) word i
            n = i + step
            while 0 <= n < len(words) and n not in aligned:
                n += step
            if n not in aligned:
                continue
            k = aligned[n] - step  # the response word on word i's side of that neighbour
            if not 0 <= k < len(resp.words) or k in match.consumed \
                    or not resp.joined(k, aligned[n]):
                continue
            text = resp.words[k].text
            if text in TITLES or text in ROLES or k in resp.free:
                continue
            if resp.is_content(k) or words[i].text in PARTICLES and text in PARTICLES:
                return True
    return False


def rival(resp: Response, best: Match, answers: Sequence[Answer]) -> bool:
    """True when a word beside the match takes the place of a word of an accepted answer.

    Checked against the matched answer itself and every longer accepted answer holding its words.
    """
    own = {w.text for w in best.answer.words}
    for answer in answers:
        if answer is not best.answer and not own < {w.text for w in answer.words}:
            continue
        match = best if answer is best.answer else match_answer(answer, resp)
        if match.aligned and _slot_rival(resp, match):
            return True
    return False


def _beside(resp: Response, consumed: frozenset[int]) -> tuple[int | None, int | None]:
    """The response words glued right before and right after the matched words."""
    lo, hi = min(consumed), max(consumed)
    before = lo - 1 if lo > 0 and resp.joined(lo - 1, lo) and lo - 1 not in resp.free else None
    after = hi + 1 if resp.joined(hi, hi + 1) and hi + 1 not in resp.free else None
    return before, after


def other_name(resp: Response, best: Match, answers: Sequence[Answer]) -> bool:
    """True when a title after the name, a glued kind-noun or a series numeral makes another name.
    """
    before, after = _beside(resp, best.consumed)
    own = {w.text for w in best.answer.words}
    if after is not None:
        text = resp.words[after].text
        if text in TITLES and text not in own:  # "Martin Luther King"
            return True
        if text in _SERIES and after + 1 < len(resp.words) and resp.joined(after, after + 1):
            text = resp.words[after + 1].text
        if _ROMAN_OR_DIGITS.fullmatch(text) and numeral(text) is not None:
            return True  # "The Godfather Part II", "Rocky 2"
    glued = [resp.words[j].text for j in (before, after) if j is not None]
    glued = [text for text in glued if text in THING_KINDS and text not in own]
    if not glued:
        return False
    kinds = {w.text for a in answers for w in a.words if w.text in THING_KINDS | TITLES}
    if places_of([w.text for w in best.answer.words], resp.places):
        kinds |= _ADMIN_KINDS  # a country or region: "Lake Michigan", "Sinaloa Cartel" differ
    # "Lake Victoria", "Victoria Falls" when "Queen Victoria" is accepted
    return any(text not in _ADMIN_KINDS & kinds and kinds - {text} for text in glued)
