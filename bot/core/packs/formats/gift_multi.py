"""GIFT multiple-answer questions → `select_all`. Split from gift.py to keep it small.

Moodle reads a multiple-choice block with no `=` answer as a multiple-answer question (its
`single = 0`: check boxes, "select one or more"): each option's `%weight%` is added up for the
options picked, and the positive weights must total 100 % (`{~%50%2 ~%50%3 ~%-100%4 ~%-100%9}`).
quizbot keeps the options with a positive weight as the right set and scores it all or nothing,
named in a warning, since Moodle would give partial credit for part of the set.
"""

from __future__ import annotations

from bot.core.models import QuestionType
from bot.core.packs.formats.common import Collector

WEIGHT_SLACK = 0.5  # Moodle rounds the total of positive fractions to two decimals (of 1)


def select_all_fields(read: list[tuple[float, str, str]], label: str, line: int,
                      log: Collector) -> dict[str, object]:
    """The Question fields of a multiple-answer block: (weight, text, feedback) per option."""
    right = [text for weight, text, _ in read if weight > 0]
    total = sum(weight for weight, _, _ in read if weight > 0)
    if abs(total - 100) > WEIGHT_SLACK:
        log.warn(line, f"{label}'s right options' weights add up to {total:g} %, not the 100 % "
                       f"Moodle expects; every option with a positive weight is kept as right")
    shown = "its 1 option" if len(right) == 1 else f"its {len(right)} options"
    log.warn(line, f"{label} is a multiple-answer question (no '=' answer): kept as select_all, "
                   f"right only when exactly {shown} with a positive weight "
                   f"{'is' if len(right) == 1 else 'are'} picked (Moodle gives partial credit "
                   f"by weight)")
    notes = tuple(feedback for _, _, feedback in read)
    return {"type": QuestionType.SELECT_ALL, "choices": tuple(text for _, text, _ in read),
            "answers": tuple(dict.fromkeys(right)), "choice_feedback": notes if any(notes) else (),
            "feedback": ""}
