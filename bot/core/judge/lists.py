"""Lists of guesses versus qualified answers.

"Fox or Calderón" and "Fox, Calderón" list two guesses; "Culiacán, Sinaloa, Mexico" narrows one
answer down to an address; "Fox, not Calderón" rules one out; "Fox, president" describes it. A
list is wrong unless every item is itself correct, so listing candidates never wins.

- connectors (or, /, and, &, +, ;, newline) between two content parts, or comma parts that are
  not qualifiers, make a list. A connector the accepted answer itself uses ("Simon & Garfunkel")
  is no list sign inside the matched answer, but it is outside it ("Pride and Prejudice and
  Zombies" lists "Zombies" too);
- a comma part qualifies when it is a title or role, a negation, or a place that can hold what
  comes before it: each place of a chain is larger than the one before and a region lies in the
  country after it ("Munich, Bavaria, Germany"; not "Munich, Berlin, Hamburg", not "Bavaria,
  Austria"). Places come from the gazetteer (bot.core.judge.gazetteer) and the pack's `places:`;
- three or more bare candidate words with no connector ("munich berlin hamburg", "Newton Einstein
  Galileo") are a list too: beside a right answer, at most one extra word may be something other
  than a title, role, kind-noun or place.
"""

from __future__ import annotations

from bot.core.judge.gazetteer import Place, narrows, places_of
from bot.core.judge.lexicon import (
    CONNECTOR_FAMILY,
    HARD_FAMILIES,
    KIND_NOUNS,
    NEGATIONS,
    ROLES,
    TITLES,
)
from bot.core.judge.words_align import Answer, Response

DESCRIPTIVE = KIND_NOUNS | TITLES | ROLES


def list_parts(resp: Response, consumed: frozenset[int], exempt: frozenset[str],
               answer: Answer | None = None) -> list[list[int]] | None:
    """The content parts when the response lists several guesses, else None.

    Connectors consumed by the answer, or of a family the answer itself contains and standing
    inside the matched words, do not split.
    """
    lo, hi = (min(consumed), max(consumed)) if consumed else (0, -1)
    hard: list[list[int]] = [[]]
    every: list[list[int]] = [[]]
    word_index = -1
    for token in resp.tokens:
        if token.kind == "word":
            word_index += 1
        family = CONNECTOR_FAMILY.get(token.text)
        inside = lo <= word_index < hi if token.kind == "sep" else lo < word_index < hi
        if family is None or family in exempt and inside or \
                word_index in consumed and token.kind == "word":
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
    if consumed and _qualified(resp, every, consumed, answer):
        return None
    return every


def _qualified(resp: Response, parts: list[list[int]], consumed: frozenset[int],
               answer: Answer | None) -> bool:
    """True when every comma part besides the answer's narrows it (see the module docstring)."""
    first = next(n for n, p in enumerate(parts) if consumed & set(p))
    state: frozenset[Place] = frozenset({(-1, None)})
    if answer is not None:
        state = places_of([w.text for w in answer.words], resp.places) or state
    for n, part in enumerate(parts):
        if consumed & set(part) or resp.words[part[0]].text in NEGATIONS:
            continue
        core = _core(resp, part)
        if not core:
            continue
        found = places_of(core, resp.places)
        if n < first or not found or not narrows(state, found):
            return False  # only a title or a negation may stand before the answer
        state = found
    return True


def _core(resp: Response, part: list[int]) -> list[str]:
    """A comma part's words without fillers, stopwords, titles, roles and kind-nouns."""
    return [resp.words[j].text for j in part
            if resp.is_content(j) and resp.words[j].text not in DESCRIPTIVE]


def _all_descriptive(resp: Response, part: list[int]) -> bool:
    return not _core(resp, part)


def bare_list(resp: Response, consumed: frozenset[int], answer: Answer) -> bool:
    """True when two or more extra words beside the answer are candidates, not descriptions.

    "Newton Einstein Galileo" is three guesses; "former president Vicente Fox", "the painter
    Picasso", "Culiacán Sinaloa Mexico" and "Paris is the capital of France" describe one answer.
    """
    extras = [j for j in range(len(resp.words))
              if j not in consumed and resp.is_content(j)
              and resp.words[j].text not in DESCRIPTIVE]
    if len(extras) < 2:
        return False
    runs: list[list[int]] = []
    for j in extras:
        if runs and runs[-1][-1] == j - 1:
            runs[-1].append(j)
        else:
            runs.append([j])
    state = places_of([w.text for w in answer.words], resp.places) or frozenset({(-1, None)})
    for run in runs:  # each place must hold the one before: "Culiacán Sinaloa Mexico"
        texts = [resp.words[j].text for j in run]
        found = places_of(texts, resp.places)
        chain = [found] if found else [places_of([t], resp.places) for t in texts]
        for places in chain:
            if not places or not narrows(state, places):
                return True
            state = places
    return False
