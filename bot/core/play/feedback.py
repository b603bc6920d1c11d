"""Per-choice feedback: the note an author wrote for one choice, shown when a learner picks it.

Moodle GIFT lets an author explain each wrong option (`~Lyon#Lyon is the second city`); a learner
who picked Lyon learns more from that note than from the general explanation alone.
"""

from __future__ import annotations

from bot.core.judge.select_all import picked_options
from bot.core.judge.verdicts import judge_choice
from bot.core.models import Question, QuestionType


def picked_choice(question: Question, response: str) -> int | None:
    """The index of the one choice `response` names (letter, number or text), else None."""
    if question.type is not QuestionType.CHOICE or not question.choices:
        return None
    named = [k for k in range(len(question.choices))
             if judge_choice(response, question.choices, k).correct]
    return named[0] if len(named) == 1 else None


def with_choice_feedback(question: Question, response: str | None, explanation: str) -> str:
    """The explanation, led by the picked choice's feedback when the author wrote one (for a
    select_all question, the feedback of every picked option, as Moodle shows them)."""
    if response is None or not any(question.choice_feedback):
        return explanation
    if question.type is QuestionType.SELECT_ALL:
        notes = [question.choice_feedback[k] for k in picked_options(response, question.choices)
                 if k < len(question.choice_feedback) and question.choice_feedback[k]]
        return " ".join((*notes, explanation))
    index = picked_choice(question, response)
    if index is None or index >= len(question.choice_feedback):
        return explanation
    note = question.choice_feedback[index]
    return f"{note} {explanation}" if note else explanation
