"""The answer judge: one call decides whether a response answers a question.

`judge(question, response)` dispatches on the question type; the per-type judges are public too
(the CLI and the bench call them directly). Every judge returns a Verdict whose `reason` is a short
sentence safe to show the learner: it never contains the correct answer (frontends reveal that
separately), except when the learner already got it right and a typo was forgiven.

Judging never raises on a response, whatever it holds: empty, symbols only, control characters,
RTL marks, NUL bytes or 10,000 characters (refused as too long past MAX_RESPONSE_CHARS, so the cost
is bounded). A question that cannot be judged (no answer set) raises InvalidInput, a QuizError the
frontends already show as a message: that is a pack bug, not the learner's.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

from bot.core.errors import InvalidInput
from bot.core.judge.closed import ask_again, judge_choice, judge_order, judge_truefalse
from bot.core.judge.decide import judge_words
from bot.core.judge.gazetteer import fold_places
from bot.core.judge.lexicon import NEGATIONS
from bot.core.judge.words_align import Response, parse_answer
from bot.core.models import Question, QuestionType, Verdict, format_number
from bot.core.text.normalize import MAX_RESPONSE_CHARS, as_text, normalize, refusal
from bot.core.text.numbers import NumberMatch, distinct_numbers, find_numbers, parse_number

__all__ = [
    "MAX_RESPONSE_CHARS", "NumberMatch", "find_numbers", "judge", "judge_choice", "judge_number",
    "judge_order", "judge_text", "judge_truefalse", "normalize", "parse_number",
]


def judge(question: Question, response: str) -> Verdict:
    """Judge `response` by the rules of `question.type`."""
    response = as_text(response)
    kind = question.type
    if kind == QuestionType.TEXT:
        accepted = question.answers or ((question.answer,) if question.answer else ())
        return judge_text(response, accepted, question.places)
    if kind == QuestionType.NUMBER:
        if question.number is None:
            raise InvalidInput(f"Question {question.id} has no number to judge against.")
        if question.scale:  # "$410 million", "410 million" and "410,000,000" alike
            from bot.core.judge.amounts import judge_amount  # amounts builds on judge_number
            return judge_amount(question, response)
        return judge_number(response, question.number, question.tolerance)
    if kind == QuestionType.TRUEFALSE:
        if question.truth is None:
            raise InvalidInput(f"Question {question.id} has no true/false answer set.")
        return judge_truefalse(response, question.truth)
    if kind == QuestionType.CHOICE:
        index = question.correct_index
        if index is None:
            raise InvalidInput(f"Question {question.id}: its answer is not one of its choices.")
        verdict = judge_choice(response, question.choices, index)
        for other in question.also_right if not verdict.correct else ():
            if other in question.choices:  # several right choices (GIFT's several `=`)
                alternative = judge_choice(response, question.choices,
                                           question.choices.index(other))
                if alternative.correct:
                    return alternative
        return verdict
    if kind == QuestionType.ORDER:
        return judge_order(response, question.choices, question.order)
    if kind == QuestionType.SELECT_ALL:
        from bot.core.judge.select_all import judge_select_all  # it builds on closed.py

        return judge_select_all(response, question.choices, question.answers)
    raise InvalidInput(f"Question {question.id} has an unknown type {kind!r}.")


def judge_text(response: str, accepted: Sequence[str], places: Sequence[str] = ()) -> Verdict:
    """Free text against every accepted answer (see bot.core.judge.decide for the rules).

    `places` are the pack's own place names, accepted after a comma like the gazetteer's.
    """
    answers = _parsed_answers(accepted)
    if not answers:
        raise InvalidInput("A text question needs at least one accepted answer with words in it.")
    if (reason := refusal(response)) is not None:
        return ask_again(reason)
    resp = Response.of(as_text(response), places=fold_places(places))
    result = judge_words(resp, answers)
    if not result.correct:
        # An accepted answer that is only a number ("1910", "24") also takes the spellings a
        # number question takes ("one thousand nine hundred and ten", "twenty-four"), exactly.
        for text in accepted:
            value = _plain_number(text)
            if value is not None and judge_number(response, value).correct:
                return Verdict(True, "Correct.", text)
    matched = result.match.answer.text if result.correct and result.match else None
    return Verdict(result.correct, result.reason, matched)


def _parsed_answers(accepted: Sequence[str]) -> tuple:
    """The accepted answers with words in them, parsed: once per question's answer set (the
    answer path judges the same set again for every learner)."""
    key = tuple(accepted)
    if all(isinstance(a, str) for a in key):
        return _parsed(key)
    return _parse(key)  # something that is not text is skipped, and may not be hashable


@lru_cache(maxsize=8192)
def _parsed(accepted: tuple[str, ...]) -> tuple:
    return _parse(accepted)


def _parse(accepted: tuple) -> tuple:
    return tuple(parse_answer(a) for a in accepted if isinstance(a, str) and normalize(a))


def _plain_number(text: object) -> float | None:
    """The value of an accepted answer that is one number in digits ("1910", "24.5").

    Digits only: an answer spelled "twice" or "Eleven" is a word to match, not a number.
    """
    if not isinstance(text, str):
        return None
    words = normalize(text).split()
    if len(words) != 1 or not any(ch.isdigit() for ch in words[0]):
        return None
    return parse_number(text)


def _show(value: float) -> str:
    """A learner's number as it will appear in a reason: '12,000', '0.5', '1e+30'."""
    return format_number(value) if abs(value) < 1e15 else f"{value:.6g}"


def _typed(number: NumberMatch) -> str:
    """A learner's number as they wrote it (folded), for reasons: '2016', '12,000', 'eleven'."""
    return number.text if len(number.text) <= 40 else _show(number.value)


def _negated_number(response: str) -> bool:
    """True when the number given comes right after "not" ("not 5", "it isn't 1066")."""
    words = [w.text for w in Response.of(response).words]
    return any(before in NEGATIONS and (any(ch.isdigit() for ch in word)
                                        or parse_number(word) is not None)
               for before, word in zip(words, words[1:], strict=False))


def judge_number(response: str, value: float, tolerance: float = 0.0) -> Verdict:
    """One number, equal to `value` within `tolerance` (a fraction: 0.05 accepts ±5 %).

    A response holding two different numbers is refused ("11000 or 12000", "between 10,000 and
    12,000"); the same number twice ("11,000 (eleven thousand)") is fine. An ambiguous reading
    ("11.000", "24%") is accepted if any of its readings fits.
    """
    if value is None or not math.isfinite(value):
        raise InvalidInput("A number question needs a finite number to judge against.")
    if tolerance is None or not math.isfinite(tolerance) or tolerance < 0:
        raise InvalidInput("The tolerance must be a fraction of 0 or more (0.05 = ±5%).")
    if (reason := refusal(response)) is not None:
        return ask_again(reason)
    numbers = distinct_numbers(as_text(response))
    if not numbers:
        return ask_again("The answer is a number: give one, in digits or words.")
    if len(numbers) > 1:
        shown = " and ".join(_typed(n) for n in numbers[:2])
        return Verdict(False, f"Several numbers given ({shown}): answer with one.")
    given = numbers[0]
    if _negated_number(as_text(response)):
        return Verdict(False, "Not quite: a negated answer doesn't count; say what it is.")
    slack = abs(value) * tolerance + 1e-9 * max(1.0, abs(value))
    hits = [r for r in given.readings if abs(r - value) <= slack]
    if not hits:
        where = "outside the accepted margin" if tolerance else "not the number asked for"
        return Verdict(False, f"Not quite: {_typed(given)} is {where}.")
    exact = any(math.isclose(r, value, rel_tol=1e-9, abs_tol=1e-12) for r in hits)
    reason = "Correct." if exact else \
        f"Close enough: {_show(hits[0])} is within the accepted margin (±{tolerance * 100:g}%)."
    return Verdict(True, reason, _show(hits[0]))
