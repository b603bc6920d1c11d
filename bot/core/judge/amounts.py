"""Number questions with a unit and a scale: `answer: 410, unit: "$", scale: million`.

Why: articles state amounts as "$410 million". Stored as 410000000 the natural "410 million" is
right but the prompt has to say "write the whole amount"; stored as 410 the natural answer is
wrong. With the scale stated, every way a person writes the amount is right: "$410 million",
"410 million", "410m", "0.41 billion", "410,000,000", and the bare "410" (the figure in the
scale the question states). A different scale written out ("410 thousand") stays wrong.
"""

from __future__ import annotations

import re

from bot.core.judge.verdicts import judge_number
from bot.core.models import SCALES, Question, Verdict
from bot.core.text.normalize import as_text
from bot.core.text.numbers import distinct_numbers

_SCALE_WORD = re.compile(r"[a-z]", re.IGNORECASE)


def judge_amount(question: Question, response: str) -> Verdict:
    """judge_number against the full amount, or the figure as written in the stated scale."""
    assert question.number is not None
    factor = SCALES.get(question.scale or "", 1.0)
    verdict = judge_number(response, question.number * factor, question.tolerance)
    if verdict.correct or factor == 1.0:
        return verdict
    numbers = distinct_numbers(as_text(response))
    if len(numbers) == 1 and not _SCALE_WORD.search(numbers[0].text):
        bare = judge_number(response, question.number, question.tolerance)
        if bare.correct:
            return bare
    return verdict
