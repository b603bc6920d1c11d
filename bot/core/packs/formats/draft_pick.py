"""Which figure of a sentence is worth blanking, and which sentences are not worth asking.

A teacher reviewing drafts dropped questions for the same few reasons, whatever the subject:
- the wrong element blanked: a threshold ("neighbourhoods with less than 12 percent canopy"),
  a denominator ("3,900 of the 46,000 visits"), a rate's base ("per 10 points") or a
  scene-setting figure in an opening "When …," clause hidden while the finding stays printed;
- one end of a range ("15 to 20 years", "between 3 and 5"): the range is the fact;
- an answer the prompt's own numbers give ("1834, more than eight years later"; "$128 million
  for 40,000 trees … about $3,200 per tree"), or that the headline gives ("Forty-Seven Miles");
- a year (incidental far more often than not);
- what is not a fact: a hypothetical ("Suppose only half…", "If …, it would…"), an author's
  signpost ("My second argument is…"), a direct quotation.
These are rules of English article structure, not of any one subject.
"""

from __future__ import annotations

import itertools
import re

from bot.core.packs.formats.draft_rank import colour
from bot.core.packs.formats.draft_strict import trivia
from bot.core.packs.formats.draft_text import Figure, counted, figures


def _list(text: str) -> list[str]:
    return text.split()


_UNITS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_ONES = _list("zero one two three four five six seven eight nine ten eleven twelve thirteen "
              "fourteen fifteen sixteen seventeen eighteen nineteen")
_TENS = _list("twenty thirty forty fifty sixty seventy eighty ninety")
WORD_NUMBERS = {word: float(i) for i, word in enumerate(_ONES)} | {
    word: float(20 + 10 * i) for i, word in enumerate(_TENS)} | {"hundred": 100.0,
                                                                  "dozen": 12.0}
_FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "sixth": 1 / 6,
              "tenth": 0.1, "twice": 2.0, "double": 2.0, "doubled": 2.0, "triple": 3.0,
              "tripled": 3.0, "thrice": 3.0}
_WORD_NUMBER = re.compile(r"\b(?:(" + "|".join(_TENS) + r")[- ](" + "|".join(_ONES[1:10]) +
                          r")|(" + "|".join(_ONES[2:] + _TENS + ["hundred", "dozen"]) + r"))\b",
                          re.IGNORECASE)  # not "one": "one of them", "no one" count nothing
_FRACTION = re.compile(r"\b(" + "|".join(_FRACTIONS) + r")s?\b", re.IGNORECASE)

_COMPARE = r"(?:[a-z]+er than|less than|more than|over|under|above|below|at least|at most|up to|" \
           r"exceeding|beyond)"  # "fewer than", "shallower than", "older than"
_LINKING_VERBS = frozenset(_list("is was has does costs says means gets makes takes needs "
                                 "remains stays runs pays earns lasts weighs"))
_THRESHOLD = re.compile(rf"\b(?P<word>[A-Za-z]+)\s+{_COMPARE}\s+(?:the\s+)?(?:[$€£]\s*)?$",
                        re.IGNORECASE)
_AGED = re.compile(r"\b(?:aged|ages|age)\s+(?:of\s+)?$", re.IGNORECASE)
_SUPERLATIVE = re.compile(r"\b(?:[a-z]+est|top|bottom|first|last)\s+(?:[$€£]\s*)?$")
_RATE_BASE = re.compile(r"\b(?:per|every|each)\s+(?:[$€£]\s*)?$", re.IGNORECASE)
_PART_OF = re.compile(r"\d\S*\s*(?:%|percent|per cent)?\s+(?:of|out of)\s+(?:the\s+|its\s+|all\s+)?"
                      r"(?:[$€£]\s*)?$")
_BETWEEN = re.compile(r"\bbetween\s+(?:[$€£]\s*)?$", re.IGNORECASE)
_RANGED = re.compile(r"\b(?:ranged?|ranging|ranges|varied|varying|varies)\s+from\b",
                     re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+(?:[$€£]\s*)?$", re.IGNORECASE)
_SAMPLE = re.compile(r"\b(?:survey|sample|poll|study|analysis|review|census|questionnaire|audit)"
                     r"\b[^.;,]{0,60}\bof\s+$", re.IGNORECASE)  # "an analysis by X of 114 …"
_ASKED = re.compile(r"\s+[a-z-]+\s+(?:questioned|surveyed|interviewed|polled|sampled|who "
                    r"(?:responded|replied|answered|took part))\b")
_SAMPLE_NOUNS = frozenset(_list("response respondent reply submission entry"))
_OPENING_CLAUSE = re.compile(r"^(?:When|Whenever|If|As|Because|Although|Though|While|After|"
                             r"Before|Once|Since|Until|Unless)\b[^,;]*,")

_HYPOTHETICAL = re.compile(r"\b(?:suppose|supposing|imagine|hypothetical(?:ly)?|let's say|"
                           r"let us say|say that|were to|what if)\b|\bif\b[^.]*\b(?:would|could|"
                           r"might)\b", re.IGNORECASE)
_SIGNPOST = re.compile(r"\b(?:my|our)\s+(?:\w+\s+)?(?:argument|point|thesis|case|claim|essay)\b|"
                       r"\bI\s+(?:want|will|would|shall|argue|think|believe|propose)\b",
                       re.IGNORECASE)
_OPENS_QUOTE = re.compile(r"^[“\"‘]")


def not_a_fact(sentence: str) -> str | None:
    """Why a sentence is no fact to ask about (a quotation, a hypothetical, a signpost)."""
    if _OPENS_QUOTE.match(sentence) or re.search(r"[”\"]\s*,?\s*(?:he|she|they|it|\w+)\s+"
                                                 r"(?:said|says|wrote|writes|added)", sentence):
        return "a quotation"
    if _HYPOTHETICAL.search(sentence):
        return "a hypothetical"
    if _SIGNPOST.search(sentence):
        return "the author's own argument"
    return None


def scaled(figure: Figure) -> float:
    return figure.value * _UNITS.get(figure.scale or "", 1.0)


def word_numbers(text: str) -> list[tuple[float, str]]:
    """'more than eight years', 'Forty-Seven Miles' → [(8.0, 'year')], [(47.0, 'mile')]."""
    found = []
    for match in _WORD_NUMBER.finditer(text):
        if match.group(1):
            value = WORD_NUMBERS[match.group(1).lower()] + WORD_NUMBERS[match.group(2).lower()]
        else:
            value = WORD_NUMBERS[match.group(3).lower()]
        found.append((value, counted(text[match.end():].lstrip("-"))))
    return found


def numbers_in(text: str) -> list[tuple[float, str]]:
    """Every number a reader sees in the text, with its kind: "figure" (digits, scaled, years
    too), "word" ("eight years") or "fraction" ("half", "twice", "one-sixth")."""
    return [(scaled(f), "figure") for f in figures(text)] + [
        (v, "word") for v, _ in word_numbers(text)] + [
        (_FRACTIONS[m.group(1).lower()], "fraction") for m in _FRACTION.finditer(text)]


def printed(text: str) -> set[float]:
    """The values the text prints as numbers (figures and number words, not fractions)."""
    return {value for value, kind in numbers_in(text) if kind != "fraction"}


def in_headline(figure: Figure, headline: str) -> bool:
    """'Forty-Seven Miles of Ambition' gives away '47 miles' (same value, same thing counted)."""
    lowered = headline.lower()  # title case: "Borrow £74 Million" is no code like "Route 7"
    shown = [(scaled(f), f.noun) for f in figures(lowered)] + word_numbers(headline)
    return any(value == scaled(figure) and (not noun or noun == figure.noun or bool(figure.unit))
               for value, noun in shown)  # "£74 Million for…" is "£74 million so that…"


def computable(target: Figure, others: list[tuple[float, str]]) -> bool:
    """True when the prompt's other numbers give the answer: one of them is it; two figures
    give it by sum, difference, product, ratio or percentage; a number word adds or takes
    away ("1834, eight years later"); a fraction scales a figure ("half of the 800 farms").
    A number word never multiplies ("four days" and "6 shillings" do not make 24 shillings)."""
    want = scaled(target)
    if want == 0:
        return False

    def close(value: float) -> bool:  # a rounded percentage is within half a point
        return abs(value - want) <= max(0.015 * abs(want), 0.5 if target.unit == "%" and
                                        target.rough else 0.0)

    if any(close(a) for a, kind in others if kind != "fraction"):
        return True
    for (a, kind_a), (b, kind_b) in itertools.permutations(others, 2):
        kinds = {kind_a, kind_b}
        if kinds == {"figure"}:
            results = [a + b, a - b, a * b, a * b / 100]
            if b:
                results += [a / b, a / b * 100, (a - b) / b * 100]
            if 0 < b < 100:  # "from 5,100 to 4,300, a drop of 16 per cent": each gives the other
                results += [a / (1 - b / 100), a / (1 + b / 100), a * (1 - b / 100),
                            a * (1 + b / 100)]
            if a:
                results.append(abs(a - b) / a * 100)
        elif kinds == {"figure", "word"}:
            results = [a + b, a - b]
        elif kind_a == "figure" and kind_b == "fraction":
            results = [a * b, a / b]
        else:
            continue
        if any(close(value) for value in results):
            return True
    return False


def in_range(sentence: str, figure: Figure) -> bool:
    """'15 to 20 years', 'between 3 and 5', 'voted 7 to 2', 'ranged from 4 percent in X to 61
    percent in Y': the two ends make one fact. 'rose from 4,200 in 1821 to 19,600' is a change
    (from … to), not a range, and a year beside a count ('in 1821 to 19,600') is no range."""
    found = figures(sentence)
    at = next((i for i, f in enumerate(found) if f.start == figure.start), None)
    if at is None:
        return False
    for first, second in zip(found, found[1:], strict=False):
        if figure not in (first, second) or first.is_year() != second.is_year():
            continue
        before, between = sentence[:first.start], sentence[first.end:second.start]
        if _RANGED.search(before) and re.search(r"\bto\b", between):
            return True
        if re.fullmatch(r"\s*(?:and)\s*(?:[$€£]\s*)?", between) and _BETWEEN.search(before):
            return True
        if re.fullmatch(r"\s*(?:to|–|—|-)\s*(?:[$€£]\s*)?", between) and \
                not _FROM.search(before):
            return True
        if re.fullmatch(r"\s+(?:in|out of)\s+", between) and first.value < second.value:
            return True  # "1 in 5 households": a ratio, one fact
    return False


def condition(sentence: str, figure: Figure) -> str | None:
    """Why this figure is a condition of the finding rather than the finding, or None."""
    before = sentence[:figure.start]
    threshold = _THRESHOLD.search(before)
    if threshold and threshold["word"].lower() not in _LINKING_VERBS and (
            threshold["word"].lower() in ("with", "those", "anyone", "people")
            or threshold["word"].lower().endswith(("s", "ing"))):
        return "a threshold"
    if _AGED.search(before) or _SUPERLATIVE.search(before):
        return "a threshold"
    if _SAMPLE.search(before) or figure.noun in _SAMPLE_NOUNS or \
            _ASKED.match(sentence[figure.end:]):
        return "the sample size"
    if _RATE_BASE.search(before):
        return "the base of a rate"
    if _PART_OF.search(before):
        return "a denominator"
    opening = _OPENING_CLAUSE.match(sentence)
    if opening and figure.end <= opening.end():
        return "scene-setting"
    return None


def best_figure(sentence: str, context: str, headline: str,
                used: set[tuple[float, str | None, str | None]],
                shown: list[Figure], *, opening: bool = False) -> Figure | None:
    """The sentence's first figure that is the finding itself and not given away; None if none.
    Money, shares and scaled amounts come before bare counts ("took 22 months and cost £3.8
    million": the cost is the finding). `opening`: the sentence opens the article."""
    found = figures(sentence)
    if any((f.unit or f.scale) and in_headline(f, headline) for f in found):
        return None  # the headline's own amount: the sentence restates it, its rest is scene
    ordered = sorted(found, key=lambda f: not (f.unit or f.scale))
    for allow_opening in (False, True):  # an opening "When …," clause only if nothing else
        for figure in ordered:
            reason = condition(sentence, figure) or _target(sentence, figure, found)
            if figure.is_year() or figure.key in used or in_range(sentence, figure) or \
                    trivia(sentence, figure) or colour(sentence, figure, opening=opening) or \
                    (reason and not (allow_opening and reason == "scene-setting")) or \
                    _restates(figure, shown):
                continue
            rest = sentence[:figure.start] + " ___ " + sentence[figure.end:]
            if computable(figure, numbers_in(context) + numbers_in(rest)) or \
                    in_headline(figure, headline):
                continue
            return figure
    return None


_TO_AT_LEAST = re.compile(r"\b(?:to|of|reach|reaching|above|below)\s+(?:at least|at most|"
                          r"no more than|no less than)\s+(?:[$€£]\s*)?$", re.IGNORECASE)


def _target(sentence: str, figure: Figure, found: list[Figure]) -> str | None:
    """'raising every street to at least 25 percent would prevent 3,900 cases': a target
    level is the condition when the sentence goes on to state the outcome in a figure."""
    if _TO_AT_LEAST.search(sentence[:figure.start]) and any(f.start > figure.end and
                                                             not f.is_year() for f in found):
        return "a target level"
    return None


def _restates(figure: Figure, shown: list[Figure]) -> bool:
    """A figure an earlier question already printed: the same value ('77 percent' again), or
    the article's rounded recap of it ('nearly 20,000 people' after '19,600'; 'another £3
    million' after '£3.1 million': a rounder figure of the same unit equal to it rounded)."""
    return any(f.unit == figure.unit and not f.is_year() and scaled(f) and (
        scaled(f) == scaled(figure) or (f.rough or figure.rough) and
        abs(scaled(f) - scaled(figure)) <= 0.025 * abs(scaled(f)) or
        _rounder(figure, f)) for f in shown)


def _rounder(figure: Figure, earlier: Figure) -> bool:
    """'£3 million' after '£3.1 million': fewer digits, and the earlier one rounded to them."""
    def digits(f: Figure) -> int:
        return len(re.sub(r"\D", "", f"{f.value:g}").strip("0")) or 1
    if not (figure.unit or figure.scale) or figure.scale != earlier.scale or \
            digits(figure) >= digits(earlier):
        return False
    return float(f"{earlier.value:.{digits(figure)}g}") == figure.value
