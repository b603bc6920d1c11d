"""Moodle's Aiken format → choice questions.

    What is the capital of France?
    A. Lyon
    B) Paris
    ANSWER: B

Moodle wants the question on one line; we also accept several lines before the first option
(joined with spaces), blank lines anywhere, and `answer: b` in any case. Everything else is an
error at its line: an ANSWER without options, a missing ANSWER, an answer letter that is not an
option, fewer than two options, an option letter out of sequence (a typo there would silently
shift which choice is right).

Aiken has no feedback, so every explanation is the "no explanation given" placeholder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.core.models import Question, QuestionType
from bot.core.packs.formats.common import Collector, Found, IdMaker, Meta, no_explanation

FORMAT_NAME = "Aiken"

_OPTION = re.compile(r"([A-Z])[.)][ \t]+(\S.*)")
_ANSWER = re.compile(r"ANSWER[ \t]*:[ \t]*(.*)", re.IGNORECASE)


@dataclass
class _Pending:
    """The question being read: its text lines, then its options."""

    line: int
    text: list[str]
    options: list[tuple[str, str, int]] = field(default_factory=list)  # letter, text, line


def read(text: str, log: Collector) -> tuple[list[Found], Meta]:
    """Line by line: question text, lettered options, then the ANSWER line closes it."""
    found: list[Found] = []
    ids = IdMaker()
    pending: _Pending | None = None
    number = 0
    for line, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if not stripped:
            continue
        answer = _ANSWER.fullmatch(stripped)
        option = _OPTION.fullmatch(stripped)
        if answer and pending is not None and pending.options:
            number += 1
            question = _close(pending, answer.group(1).strip(), line, number, ids, log)
            if question is not None:
                found.append(Found(pending.line, question))
            pending = None
        elif answer:
            log.error(line, "ANSWER line without lettered options (A. …, B. …) before it")
            pending = None
        elif option and pending is not None:
            pending.options.append((option.group(1), option.group(2).strip(), line))
        elif pending is not None and pending.options:
            log.error(pending.line, f"question '{_short(pending)}' has no ANSWER line after its "
                                    f"options")
            number += 1
            pending = _Pending(line, [stripped])
        elif pending is not None:
            pending.text.append(stripped)
        else:
            pending = _Pending(line, [stripped])
    if pending is not None:
        if pending.options:
            log.error(pending.line, f"question '{_short(pending)}' has no ANSWER line after its "
                                    f"options")
        else:
            log.error(pending.line, "text with no options (A. …) and no ANSWER line after it")
    return found, Meta()


def _close(pending: _Pending, letter: str, line: int, number: int, ids: IdMaker,
           log: Collector) -> Question | None:
    """Check the options and the answer letter; the Question, or None after reporting."""
    label = f"question '{_short(pending)}'"
    ok = True
    for index, (given, _, option_line) in enumerate(pending.options):
        expected = chr(ord("A") + index)
        if given != expected:
            log.error(option_line, f"{label} option {given} should be {expected}: options are "
                                   f"lettered A, B, C … in order")
            ok = False
    if len(pending.options) < 2:
        log.error(pending.line, f"{label} has {len(pending.options)} option; a choice question "
                                f"needs at least 2")
        ok = False
    letters = {given: text for given, text, _ in pending.options}
    if not re.fullmatch(r"[A-Za-z]", letter):
        log.error(line, f"{label} ANSWER should be one option letter, not '{letter}'")
        return None
    if letter.upper() not in letters:
        log.error(line, f"{label} ANSWER {letter.upper()} is not one of its options "
                        f"({', '.join(letters)})")
        return None
    if not ok:
        return None
    return Question(id=ids.make(None, number), type=QuestionType.CHOICE,
                    prompt=" ".join(pending.text),
                    choices=tuple(text for _, text, _ in pending.options),
                    answer=letters[letter.upper()], explanation=no_explanation(FORMAT_NAME))


def _short(pending: _Pending) -> str:
    text = " ".join(pending.text)
    return text if len(text) <= 50 else text[:49] + "…"
