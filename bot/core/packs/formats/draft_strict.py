"""The strict checks a draft question must pass before it is emitted at all.

An independent reviewer of round-1 drafts kept fewer than half of them, for reasons of English
article structure rather than of any one subject:
- a lost referent: the blanked sentence opens with a pronoun ("It would open…") or a definite
  noun phrase the reader has not met ("The structure cost…"), or leans on a phrase such as
  "since then", "the remaining", "one of them", "the same period". Such a sentence is asked
  only with the sentence before it (same paragraph) as context, and only when that one is
  itself self-contained;
- trivia: the day of a date ("1 April", "on 5 November"), a person's age ("Ana Ruiz, 58,"),
  a dimension or distance ("410 kilometres to the north", "designed at 900 feet"; a change,
  "rose by 2.4 metres", is a finding),
  a club's membership count, a figure in a possessive descriptor ("the town's 14 buses");
- an author's own arithmetic ("Subtract one from the other and…"): a cloze of it cannot be
  done from the prompt, so it becomes a review note instead;
- one question giving away another: of two questions where one prompt prints the other's
  answer, only the more central survives (draft_rank.py says which).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from bot.core.packs.formats.draft_refer import dangling_pronoun
from bot.core.packs.formats.draft_text import MONTH_NAME, Figure


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PRONOUN_OPENINGS = _words("it its they their them he his she her this that these those such "
                              "there here both")
_TIME_WORDS = _words("year spring summer autumn fall winter month week morning evening "
                        "season time weekend quarter decade century")
_CONNECTIVES = re.compile(r"^(?:But|And|Yet|So|Still|Also|Meanwhile|However|Instead|"
                          r"Even so),?\s+")
_LEANING_PHRASES = re.compile(
    r"\bsince then\b|\bthe remaining\b|\b(?:one|two|some|many|most|all|"
    r"each|none|both) of (?:them|these|those)\b|\bone from the other\b|\bthe other\b|"
    r"\bthe same\s+[a-z]+\b(?!\s+(?:where|as|that|which|who|whom|when)\b)|\banother\b|"
    r"\b(?:such|these|those)\s+(?!as\b)[a-z]+\b|"
    r"\bthe (?:latter|former)\b(?=\s*[,.;:)]|\s+(?:is|was|are|were|has|had|would|will|can|"
    r"could|also)\b)|"
    r"\b(?:this|that) (?:figure|number|sum|amount|difference|gap|shift|trend|change|plan|"
    r"scheme|proposal|increase|drop|period|decision|margin|building|project|money|cost|rate|"
    r"vote|deal|loan|site|report|study|level|price|policy|total|levy|fee|grant|target|"
    r"estimate|bill|budget|programme|program|rise|fall|loss|saving|result)\b|"
    r"(?<=\s)this\b(?!\s+(?:year|week|month|spring|summer|autumn|fall|winter|season|morning|"
    r"evening|weekend|quarter|decade|century|time)\b)|\bthe (?:difference|gap|shift|trend|"
    r"figure|remainder|route|line|change|pattern|plan|scheme|amendment|motion|proposal|effect|"
    r"increase|drop|period)\b(?! of)|, that (?:is|was|means|comes to)\b", re.IGNORECASE)
_POSTMODIFIERS = _words("of across among in at from for between on")
_CONTRASTIVE = _words("current proposed original remaining other same former latter previous")
_SETTING = _words("city town village county state country region district province council "
                  "government nation world")  # the article's own locale: never lost
_ADJECTIVES = _words("current proposed new same original final average total first last main "
                     "latest overall whole entire former latter remaining other next previous "
                     "median mean typical local national annual")
_ARITHMETIC = re.compile(r"^(?:Subtract|Add|Multiply|Divide|Take away|Deduct|Double|Halve)\b|"
                         r"\b(?:do the (?:sums|maths|math|arithmetic)|multiply (?:that|it) out)\b",
                         re.IGNORECASE)
_DISTANCE = _words("kilometre kilometer km mile metre meter m feet foot ft yard centimetre "
                      "centimeter cm millimetre inch")
_EXAMPLE = re.compile(r"\b(?:such as|for example|for instance|e\.g\.)[^;:,]*(?:,[^;:,]*)?$",
                      re.IGNORECASE)  # the example's own clause and the one after it
_PERSON_CLAUSE = re.compile(r"\b[A-Z][a-z’'-]+,\s+who\s+[^,;]*$")
_CHANGE_BY = re.compile(r"\b(?:rose|fell|grew|dropped|shrank|sank|climbed|extended|retreated|"
                        r"moved|advanced|increased|decreased)\s+(?:by\s+)?(?:about\s+|some\s+)?$",
                        re.IGNORECASE)
_MEMBERS = re.compile(r"^\s*(?:[a-z-]+\s+)?(?:members?|subscribers?|followers?)\b")
_AGE_BEFORE = re.compile(r"[A-Z][a-z’'-]+,\s*$")
_AGED_PERSON = re.compile(r"\b[A-Z][a-z’'-]+,\s*\d{1,3},\s")
_POSSESSIVE = re.compile(r"\w(?:'s|’s|s'|s’)\s+$")
_AGE_WORDS = re.compile(r"^\s*(?:-?\s*years?[- ]old|years of age)\b")


def lost_referent(sentence: str, earlier: str) -> str | None:
    """The words of the sentence that point outside it, or None when it stands alone.

    `earlier` is the article text before the sentence: "The trust estimates…" is resolved when
    the article has named "the trust" already; "The structure cost…" is not. The article's
    opening sentence (empty `earlier`) introduces its subjects: it loses nothing."""
    phrase = _LEANING_PHRASES.search(sentence)
    if phrase:
        return phrase.group()
    words = _CONNECTIVES.sub("", sentence).split()
    if not words:
        return None
    first = words[0].strip("“\"'(,").lower()
    second = words[1].strip(",;:").lower() if len(words) > 1 else ""
    if first in _PRONOUN_OPENINGS:
        if first in ("this", "that") and second in _TIME_WORDS:
            return None  # "This year…", "That spring…" date the sentence, they point nowhere
        return words[0].strip(",")
    written = words[1].strip(",;:") if len(words) > 1 else ""
    if first == "the" and earlier.strip() and written[:1].islower() and second.isalpha():
        third = words[2].strip(",;:.").lower() if len(words) > 2 else ""
        head = third if second in _ADJECTIVES and third.isalpha() else second
        if second in _CONTRASTIVE:
            return f"The {second}"  # "The proposed calendar…" contrasts with an earlier one
        after_head = words[3 if head == third else 2] if len(words) > (3 if head == third
                                                                        else 2) else ""
        if after_head.lower() in _POSTMODIFIERS and not words[2 if head == third else 1].endswith(
                ","):
            return None  # "The median level across all the wells…" says which itself
        if head not in _SETTING and not re.search(rf"\b{re.escape(head)}", earlier,
                                                  re.IGNORECASE):
            return f"The {second}" + (f" {third}" if head == third else "")
    return dangling_pronoun(" ".join(words))


def trivia(sentence: str, figure: Figure) -> str | None:
    """Why blanking this figure asks trivia rather than a finding, or None."""
    before, after = sentence[:figure.start], sentence[figure.end:]
    if figure.unit is None and figure.scale is None and figure.value <= 31 and \
            MONTH_NAME.match(after.lstrip()):
        return "the day of a date"
    if figure.unit is None and _AGE_BEFORE.search(before) and after.startswith(","):
        return "a person's age"
    if _AGED_PERSON.search(sentence):
        return "a personal detail of someone introduced with their age"
    if _POSSESSIVE.search(before) and figure.unit is None:
        return "a descriptor ('the town's 14 buses'): the finding is elsewhere"
    if _AGE_WORDS.match(after):
        return "a person's age"
    if _PERSON_CLAUSE.search(before):
        return "a detail about a person ('Ana Ruiz, who farms 300 hectares')"
    if figure.noun in _DISTANCE and not _CHANGE_BY.search(before):
        return "a dimension or distance (only a change, 'rose by 2 metres', is a finding)"
    if _EXAMPLE.search(before):
        return "an example given in passing"
    if figure.unit is None and _MEMBERS.match(after):
        return "a membership count"
    return None


def author_arithmetic(sentence: str) -> bool:
    """'Subtract one from the other and the net saving is…': the author's own sum."""
    return bool(_ARITHMETIC.search(sentence))


T = TypeVar("T")
Amount = tuple[float, str | None, str]  # scaled value, unit, what it counts ("" if unknown)


def without_giveaways(items: list[T], value: Callable[[T], Amount],
                      printed: Callable[[T], list[Amount]], rank: Callable[[T], float]) -> list[T]:
    """The items, minus any whose answer another kept prompt prints or whose prompt prints a
    kept answer; the more important item of such a pair is the one kept (article order kept).
    A printed amount gives an answer away when it is the same size of the same thing: "two
    years later" gives away no "2 shillings"."""
    kept: list[T] = []
    for item in sorted(items, key=lambda i: -rank(i)):
        if any(_gives(value(item), printed(other)) or _gives(value(other), printed(item))
               for other in kept):
            continue
        kept.append(item)
    return [item for item in items if item in kept]


def _gives(want: Amount, shown: list[Amount]) -> bool:
    value, unit, noun = want
    return bool(value) and any(
        abs(v - value) <= 0.025 * abs(value) and u == unit and (n == noun or not n or not noun)
        for v, u, n in shown)
