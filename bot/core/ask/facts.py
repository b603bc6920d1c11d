"""A quiz question as a stated fact: what `ask` shows when a pack gives no real explanation.

Why: imported packs (Red trivia lists, GIFT, Aiken) and drafted ones carry a placeholder instead
of an explanation ("Imported from Red trivia list; no explanation given."), and GIFT feedback is
often a remark ("Yes, since 1913.") rather than the fact. The fact is in the question itself: its
prompt and its accepted answer. "What is the capital of Australia?" + "Canberra" reads as "The
capital of Australia is Canberra."; any other prompt is quoted with its answer after it.
Placeholders are never indexed or shown.
"""

from __future__ import annotations

import re

from bot.core.models import Question, QuestionType

# The texts the importers and the drafter write where an explanation should be.
_PLACEHOLDERS = (
    re.compile(r"^\s*Imported from [^;]{1,80}; no explanation given\.?\s*$", re.I),
    re.compile(r"^\s*Draft: from paragraph \d+\b.*check and rewrite", re.I | re.S),
)
_PLAIN_WH = re.compile(r"^(?:what|who) (is|was|are|were) (?P<rest>.+?)\s*\?*$", re.I)


def is_placeholder(text: str | None) -> bool:
    """A stand-in for a missing explanation, not something a student should read."""
    return not (text or "").strip() or any(p.search(text or "") for p in _PLACEHOLDERS)


def accepted(question: Question) -> str | None:
    """The question's right answer as text, or None when it has none to state."""
    if question.type is QuestionType.TEXT and question.answers:
        return question.answers[0]
    if question.type is QuestionType.CHOICE:
        return question.answer
    if question.type is QuestionType.NUMBER and question.number is not None:
        value = question.number
        return f"{int(value):,}" if float(value).is_integer() else f"{value:g}"
    if question.type is QuestionType.TRUEFALSE and question.truth is not None:
        return "true" if question.truth else "false"
    if question.type is QuestionType.ORDER and question.order:
        return " → ".join(question.order)
    if question.type is QuestionType.SELECT_ALL and question.answers:
        return " and ".join((", ".join(question.answers[:-1]), question.answers[-1])) \
            if len(question.answers) > 1 else question.answers[0]
    return None


def statement(question: Question) -> str:
    """The question's fact in one sentence, built from its prompt and accepted answer."""
    prompt = " ".join(question.prompt.split())
    answer = accepted(question)
    if answer is None:
        return prompt
    if question.type is QuestionType.TRUEFALSE:
        return f"{prompt.rstrip('.?! ')}: {answer}."
    match = _PLAIN_WH.match(prompt)
    if match and len(match.group("rest").split()) <= 12:
        rest = match.group("rest")
        return f"{rest[0].upper()}{rest[1:]} {match.group(1).lower()} {answer.rstrip('.')}."
    return f"{prompt} {answer.rstrip('.')}."


def explanation_of(question: Question) -> str:
    """What `ask` shows for a question: its explanation led by its fact when the explanation does
    not state the answer, or the fact alone when the explanation is a placeholder."""
    fact = statement(question)
    if is_placeholder(question.explanation):
        return fact
    answer = accepted(question)
    text = " ".join(question.explanation.split())
    if answer and answer.casefold() not in text.casefold() and (
            question.type is not QuestionType.NUMBER or _digits(answer) not in _digits(text)):
        return f"{fact} {text}"
    return text


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit() or ch.isspace())
