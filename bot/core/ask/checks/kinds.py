"""Answerability: what kind of answer a question expects, and where a text holds one.

Why: a near-topic question shares most of its words with some explainer ("how many drones does
the US military own" and the explainer on the US military; "how old is El Mayo" and the one on
El Mayo), so word overlap alone answers it, wrongly. A question that asks *how many*, *when*,
*who* or *where* can only be answered by a sentence that holds a number, a date, a name or a
place, and that sentence must also be about what was asked. `expected_kind` reads the kind off
the question's wording; `kinds_in` finds which kinds a sentence of the pack can answer; the
matcher (ask/index.py) then needs one sentence that has both the kind and the question's words.
No list here names a fact of a pack: these are English question forms and answer shapes.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Kind(StrEnum):
    QUANTITY = "quantity"
    AGE = "age"
    POPULATION = "population"
    TIME = "time"
    DATE = "date"  # a calendar point: a year, a month, a day, a decade
    PERSON = "person"
    PLACE = "place"


# Question forms, matched on the normalised, typo-repaired question words. The earliest match in
# the question decides ("who … when" asks for a person).
_FORMS: tuple[tuple[Kind, str], ...] = (
    (Kind.AGE, r"\bhow old\b|\b(?:what|which) age\b|\bage of\b"),
    (Kind.POPULATION, r"\bpopulation\b|\bhow many (?:people|ppl|residents|inhabitants) live\b"
                      r"|\bhow (?:big|large) is (?:the )?(?:city|town|country)\b"),
    (Kind.DATE, r"\b(?:what|which) (?:year|date|day|month|decade)\b|\bin what year\b"),
    # "when" as the question ("when did…", "since when"), not as a conjunction ("do when a…")
    (Kind.TIME, r"^when\b|\bsince when\b|\bwhen (?:did|was|were|is|are|does|do|will|has|had"
                r"|could|would|can)\b|\bwhat time\b|\btime period\b|\bhow long\b"
                r"|\bhow many (?:years|months|days|weeks|decades)\b"),
    (Kind.QUANTITY, r"\bhow (?:many|much|often)\b|\b(?:what|which) (?:number|percent|percentage"
                    r"|amount|share|fraction)\b|\bby how\b"),
    (Kind.PERSON, r"\bwho\b|\bwhos\b|\bwhom\b|\bwhose\b|\bname of (?:the )?(?:person|man|woman)\b"
                  r"|\b(?:what|which) (?:person|official|officials|president|leader|group|"
                  r"organization|organisation|agency|outlet|newspaper|network|university|"
                  r"program|programme|department|reporters?|journalists?|correspondent|spokesman|"
                  r"spokesperson|spokeswoman|lawyer|judge)\b|\b(?:full|real) name\b|\bnames? of\b"),
    # "where does Vance stand on…" asks for a position, not a place
    # and "where does the figure come from" for a source
    (Kind.PLACE, r"\bwhere\b(?! (?:do|does|did|would|will)(?: \S+){1,5} (?:stands?|comes? from)\b)"
                 r"|\b(?:what|which) (?:city|country|state|place|town|region|capital)\b"),
)
_ASK = tuple((kind, re.compile(pattern)) for kind, pattern in _FORMS)

# Words that only name the kind of answer wanted ("what *year*", "real *name*"): the answering
# sentence need not repeat them, so they are left out of the words it must contain.
KIND_WORDS = frozenset({
    "year", "years", "date", "day", "days", "month", "months", "decade", "decades", "time",
    "period", "number", "percent", "percentage", "amount", "share", "fraction", "name", "names",
    "full", "real", "person", "place", "age", "old", "when", "long", "often", "many", "much",
    "population", "people", "live", "lives", "living", "residents", "inhabitants", "times",
    "money",  # "how much money": an amount of money is the answer (statement._money_asked)
})


def expected_kind(words: list[str]) -> Kind | None:
    """The kind of answer a question (as normalised words) asks for, or None (why, what, how)."""
    text = " ".join(words)
    best: tuple[int, Kind] | None = None
    for kind, pattern in _ASK:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), kind)
    return best[1] if best else None


_MONTHS = ("january|february|march|april|june|july|august|september|october|november|"
           "december|May(?= \\d)")  # "may" is mostly the verb
_NUMBER_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                 r"thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|twice|"
                 r"thrice|half|single|first|second|third|fourth|fifth|sixth|seventh|eighth|"
                 r"ninth|tenth|little|few|several|bulk|most|majority")
_FOUND: dict[Kind, re.Pattern[str]] = {
    Kind.QUANTITY: re.compile(rf"\d|%|\$|\b(?:{_NUMBER_WORDS})\b", re.I),
    # "aged 18 to 44", "65 years old", and an age bound on people ("residents over 65",
    # "people older than 80", "children under 5")
    Kind.AGE: re.compile(r"\b\d+\s*(?:-\s*)?years?(?:\s*|-)old\b|\bage[sd]?\s+(?:of\s+)?\d+"
                         r"|\b\d+\s+to\s+\d+\b|\b(?:people|residents|adults|children|patients|"
                         r"men|women|those|anyone|everyone|workers|voters|riders|passengers)\s+"
                         r"(?:over|under|above|below|older than|younger than|aged)\s+\d{1,3}\b"
                         r"(?!\s*(?:%|percent|per\b))", re.I),
    Kind.POPULATION: re.compile(r"\d[\d,.]*\s*(?:million|thousand|billion)?\s+(?:people|"
                                r"residents|inhabitants)\b|\bpopulation of\s+\d", re.I),
    Kind.DATE: re.compile(rf"\b(?:1[89]|20)\d\d(?:s)?\b|\b\d0s\b|\b(?:{_MONTHS})\b|\bcentury\b",
                          re.I),
    Kind.TIME: re.compile(rf"\b(?:1[89]|20)\d\d(?:s)?\b|\b\d0s\b|\b(?:{_MONTHS})\b|\b(?:years?|"
                          r"decades?|century|months?|weeks?|days?|since|ago|later|recently|"
                          r"earlier|today|yesterday|tomorrow|once|until|before|after)\b", re.I),
}
# A person or organisation: a capitalised word inside a sentence, or a noun for people.
_PEOPLE = re.compile(r"\b(?:civilians|people|officials|sons|daughters|lieutenants|leaders|"
                     r"successors|rivals|government|forces|military|army|administration|"
                     r"supporters|proponents|author|writer|president|secretary|ambassador|"
                     r"police|troops|members|founders?|researchers|reporters|citizens|"
                     r"residents|victims)\b", re.I)
_PLACES = re.compile(r"\b(?:room|building|city|cities|country|countries|state|border|territory|"
                     r"areas?|region|capital|town|land|fields?|labs?|abroad|overseas|prison|"
                     r"neighbou?rhoods?|districts?|streets?|villages?|count(?:y|ies)|provinces?|"
                     r"suburbs?|quarters?|valley|harbou?r|port|chamber|hall)\b"
                     r"|\b(?:north|south|east|west)(?:ern)? of\b", re.I)
_CAPITALISED = re.compile(r"(?<=[\s(\"'“‘-])[A-Z][a-zA-Zá-úÁ-Ú]+")
_NOT_NAMES = frozenset({"I", "The", "A", "An", "It", "In", "On", "But", "And", "If", "As", "This",
                        "That", "True", "False", "Yes", "No"}) | {m.title() for m in
                                                            _MONTHS.split("|")}


# A place is named after a preposition of place ("in Iraq", "to the United States"); a name
# elsewhere in the sentence is a person or a group ("the founders of the Sinaloa Cartel").
_AT_NAME = re.compile(r"\b(?:in|at|from|to|into|near|inside|across|outside|across|toward|towards)"
                      r" (?:the )?(?!The\b|In\b)[A-Z][a-zá-ú]+(?! (?:and [A-Z]\w+ )?paragraph)")


def _has_name(sentence: str) -> bool:
    return any(word not in _NOT_NAMES for word in _CAPITALISED.findall(" " + sentence.strip()[1:]))


_UNSTATED = re.compile(r"\b(?:no|not|never|nor)\b[^.;]{0,40}?\b(how many|how much|figures?|"
                       r"numbers?|data|dates?|year|names?)\b", re.I)
_AMOUNTS = frozenset({Kind.QUANTITY, Kind.POPULATION, Kind.AGE})
_UNSTATED_KINDS = {"how many": _AMOUNTS, "how much": _AMOUNTS, "figure": _AMOUNTS,
                   "number": _AMOUNTS, "data": _AMOUNTS, "date": frozenset({Kind.DATE, Kind.TIME}),
                   "year": frozenset({Kind.DATE, Kind.TIME}), "name": frozenset({Kind.PERSON})}
_QUANTITY_WORD = re.compile(rf"^(?:\d.*|%|\$|{_NUMBER_WORDS})$")


_NOT_A_COUNT = re.compile(r"^(?:%|percent|bulk|most|majority|little|few|several)$")
_FOUR_DIGITS = re.compile(r"^\d{4}$")
_SEPARATED = re.compile(r"\b\d{1,3}(?:,\d{3})+\b")
# Words after which a four-digit number is a year ("in 2023", "between 2007 and 2023").
_YEAR_BEFORE = frozenset({"in", "since", "from", "to", "until", "till", "by", "between", "during",
                          "through", "before", "after", "and", "of", "year", "early", "late",
                          "mid", "circa", "around"}
                         | {m.split("(")[0] for m in _MONTHS.lower().split("|")})


def separated_numbers(sentence: str) -> frozenset[str]:
    """Numbers written with a thousands separator ("2,000"), as normalised words ("2000")."""
    return frozenset(m.replace(",", "") for m in _SEPARATED.findall(sentence))


def is_year(tokens: list[str], i: int, separated: frozenset[str] = frozenset()) -> bool:
    """A year: four digits written without a separator, 1000-2100, read in a year's context
    (after "in", "since", a month…, or not naming a count: "2000 people" and "1,500" count)."""
    token = tokens[i]
    if not _FOUR_DIGITS.match(token) or not 1000 <= int(token) <= 2100 or token in separated:
        return False
    if i and tokens[i - 1] in _YEAR_BEFORE:
        return True
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    counted = after in ("people", "persons") or (
        len(after) > 3 and after.endswith("s") and not after.endswith("ss"))
    return not counted


def quantity_positions(tokens: list[str], count: bool = False,
                       separated: frozenset[str] = frozenset()) -> list[int]:
    """Where a sentence's normalised words state an amount ("11000", "twice", "%"). With `count`
    ("how *many*"), only a count: a share ("24 %") or a year ("2023") says no how many, but a
    round count ("2,000", in `separated`) does."""
    spots = [i for i, token in enumerate(tokens) if _QUANTITY_WORD.match(token)
             or (token in ("many", "much") and i and tokens[i - 1] == "how")]
    if count:  # nor an age ("ages 18 to 44") or a price ("$800 of chemicals")
        spots = [i for i in spots if not _NOT_A_COUNT.match(tokens[i])
                 and not is_year(tokens, i, separated) and not (
            i + 1 < len(tokens) and _NOT_A_COUNT.match(tokens[i + 1])) and not _aside(tokens, i)]
    return spots


_AGE_WORDS = frozenset({"age", "ages", "aged", "between"})


def _aside(tokens: list[str], i: int) -> bool:
    """A number that is an age ("ages 18 to 44", "between 18 and 44"), a rank ("number one") or
    a price ("$800 of chemicals"), not a count of the thing asked about."""
    before = tokens[max(0, i - 3):i]
    if tokens[i] == "$" or before[-1:] == ["$"] or before[-1:] == ["number"]:
        return True
    if before[-1:] and before[-1] in _AGE_WORDS:
        return True
    return len(before) == 3 and before[-1] in ("to", "and") and before[0] in _AGE_WORDS


def kinds_in(sentence: str) -> frozenset[Kind]:
    """Every kind of answer one sentence (original spelling and case) could give."""
    kinds = {kind for kind, pattern in _FOUND.items() if pattern.search(sentence)}
    for missing in _UNSTATED.finditer(sentence):  # "no data on how many labs": an honest answer
        kinds |= _UNSTATED_KINDS[missing.group(1).lower().rstrip("s")]
    name = _has_name(sentence)
    if name or _PEOPLE.search(sentence):
        kinds.add(Kind.PERSON)
    if _PLACES.search(sentence) or _AT_NAME.search(sentence):
        kinds.add(Kind.PLACE)
    return frozenset(kinds)


# A share written as a ratio or a fraction ("one in six", "two out of five", "half", "a third",
# "three quarters"): what "what percentage of…" asks, in the words a writer often uses instead.
_SMALL = r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty"
_SHARE = re.compile(rf"\b(?:{_SMALL})\s+(?:in|out of)\s+(?:every\s+)?(?:{_SMALL}|hundred)\b"
                    r"|\bhalf\b|\b(?:a|one|two|three|four|five)[\s-]+(?:thirds?|quarters?|fifths?"
                    r"|sixths?|sevenths?|eighths?|ninths?|tenths?)\b", re.I)


def states_share(sentence: str) -> bool:
    """A share stated as a ratio or a fraction rather than a percentage."""
    return bool(_SHARE.search(sentence))


_HOW_LONG = re.compile(r"\bhow long\b|\bhow many (?:years|months|weeks|days|hours|minutes)\b")
_SPAN = re.compile(rf"\b(?:\d[\d.,]*|{_NUMBER_WORDS}|a|an)(?:\s+(?:to|or|and)\s+\d[\d.,]*)?"
                   r"[\s-]+(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?"
                   r"|centur(?:y|ies))\b", re.I)


def asks_duration(question: str) -> bool:
    """ "how long …", "how many years …": the answer is a span of time."""
    return bool(_HOW_LONG.search(question.lower()))


def states_duration(sentence: str) -> bool:
    """A span of time stated as an amount: "two days", "15 to 20 years", "under three hours"."""
    return bool(_SPAN.search(sentence))
