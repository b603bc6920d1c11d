"""Answerability, the asked attribute: a question asking for one attribute of something the pack
names (what it costs, what someone is paid, when it was founded, how many people work there,
when it closed, who funded it, its rate) needs a passage that speaks of that attribute.

Why: a near-subject question keeps every name of the pack and asks for a detail the article
never gives ("how much did <the pack's test> cost", "how many people work for <the pack's
authority>", "when was <the pack's institute> founded"). Its other words all meet in the
nearest explainer, so it scores like a real question; only the asked attribute is missing. The
attribute is read from the question's own English (the head of what is asked), never from a
pack's subject, and the passage must hold a word of the same family: a price is stated with
"cost", "price", "fee", "charge", "fare" or "paid"; a founding with "founded", "established",
"set up", "opened"… Families whose words are common in any entry (funding, a rate, staff) are
looked for in the answer the student would see; the others anywhere in the entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.ask.analyzer import analyze, canonical, count_focus, normalize
from bot.core.ask.checks.kinds import quantity_positions


@dataclass(frozen=True)
class Head:
    """One asked attribute: how a question asks for it, and the words that state it."""

    name: str
    asked: re.Pattern[str]
    stated: tuple[str, ...]
    in_answer: bool  # look in the answer text, not the whole entry


def _head(name: str, asked: str, stated: str, in_answer: bool = False) -> Head:
    return Head(name, re.compile(asked), tuple(stated.split()), in_answer)


HEADS = (
    _head("price", r"\b(?:cost|costs|price|prices|priced|charge|charges|charged|fee|fees)\b",
          "cost costs costing price prices charge charged fee fees fare fares pay paid spend "
          "spent free $"),
    _head("pay", r"\b(?:paid|pay|salary|salaries|wage|wages|earn|earns|earned|income)\b",
          "paid pay pays salary salaries wage wages earn earns earned income"),
    _head("founding", r"\b(?:founded|established|formed)\b",
          "founded found establish established formed created started opened set"),
    _head("staff", r"\b(?:employ|employs|employed|employees|staff|work for|work at|"
                   r"works for|works at)\b",
          "employ employs employed employees staff workers work jobs job", in_answer=True),
    _head("closing", r"\b(?:closed|close down|shut|shut down)\b|\bclose\W*$",
          "close closed shut closure ended"),
    _head("funding", r"\b(?:funded|financed|sponsored|paid for|pays for|pay for|bankrolled)\b",
          "fund funded funding funds financed paid pay grant grants sponsored donated "
          "donation", in_answer=True),
    _head("rate", r"\brate\b", "rate rates % percent", in_answer=True),
    _head("distance", r"\bhow far (?:is|are|was|were|away)\b|\bdistance\b",
          "mile miles km kilometres kilometers metres meters away far distance"),
    _head("record", r"\brecord(?:ed)?\b", "record recorded"),
)


def asked_heads(question: str) -> tuple[Head, ...]:
    """The attributes the question asks for, read from its wording."""
    text = normalize(question)
    return tuple(head for head in HEADS if head.asked.search(text))


def _states(head: Head, terms: set[str], raw: str) -> bool:
    words = set(head.stated)
    if words & set(raw.split()):
        return True
    if words & terms or {canonical(w) or w for w in words} & terms:
        return True
    return any(w in raw for w in words if not w.isalpha())


# Counted things a passage often states without the noun beside the number ("twice", "killed
# 30,000", "for two decades"): a "how many" of these is left to the kind check.
_LOOSE_COUNTS = frozenset(canonical(w) or w for w in (
    "times", "people", "persons", "ppl", "years", "months", "weeks", "days", "hours"))
COUNT_REACH = 4  # the counted noun within this many words after the number


def counts_focus(question: str, answer: str) -> bool:
    """A "how many X" question is answered by a number followed closely by X ("40 buses",
    "12 dairy farms"): the answer's other numbers count something else. True when the question
    counts nothing specific."""
    if "how many" not in question.lower():
        return True  # "how much" is an amount, which the kind check reads
    focus = {t for w in count_focus(question) if (t := canonical(w))}
    if not focus or focus & _LOOSE_COUNTS:
        return True
    tokens = normalize(answer).split()
    terms = [canonical(t) or t for t in tokens]
    return any(t in focus for i in quantity_positions(tokens, True)
               for t in terms[i + 1:i + 1 + COUNT_REACH])


def heads_ok(question: str, entry_terms: set[str], answer: str) -> bool:
    """False when the question asks for an attribute that neither the entry (or, for the
    families common in any text, the answer itself) states, or counts a thing the answer gives
    no number of."""
    if not counts_focus(question, answer):
        return False
    heads = asked_heads(question)
    if not heads:
        return True
    said = set(analyze(answer)) | set(normalize(answer).split())
    for head in heads:
        terms = said if head.in_answer else entry_terms | said
        if not _states(head, terms, normalize(answer) + " " + answer.lower()):
            return False
    return True
