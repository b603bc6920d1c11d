"""Item analysis: which questions work, as Moodle's quiz statistics would say.

Per question: attempts, facility (share right), skips, median time, the commonest wrong answers
(a choice shown as "B) its text", not a bare letter), and the discrimination index the way
Moodle's classic item analysis computes it: learners are ranked by their score over the whole
pack and split into thirds (n = learners // 3); for each question

    DI = (X_top - X_bottom) / n

where X_top and X_bottom are the summed scores on that question (a learner's share right of
their attempts of it) in the top and bottom thirds. +1: only strong learners get it right; 0: it
does not tell them apart; negative: weak learners do better (a miskeyed or misleading question).
It needs at least three learners (one per third), else it is None.

Flags name what an instructor should look at: too easy, too hard, negative discrimination, and
a wrong answer close to an accepted one (often an alias the pack is missing).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.core.judge.select_all import picked_options
from bot.core.models import Pack, Question, QuestionType, letter
from bot.core.play.feedback import picked_choice
from bot.core.text.normalize import normalize

MIN_FOR_FLAGS = 5  # fewer attempts than this say nothing about ease
TOO_EASY, TOO_HARD = 0.9, 0.2
CLOSE_RATIO = 75  # rapidfuzz ratio of a wrong answer to an accepted one ('kiev' ~ 'kyiv')
WRONG_SHOWN = 3


@dataclass(frozen=True)
class AttemptRow:
    user_id: str
    question_id: str
    response: str | None
    correct: bool
    skipped: bool
    time_ms: int


@dataclass(frozen=True)
class ItemReport:
    question_id: str
    prompt: str
    attempts: int
    correct: int
    skipped: int
    facility: float | None  # share right, None when never attempted
    discrimination: float | None
    median_seconds: float | None
    wrong_answers: tuple[tuple[str, int], ...]  # as shown ("B) Sydney"), most common first
    flags: tuple[str, ...]


def analyse(pack: Pack, rows: Iterable[AttemptRow]) -> list[ItemReport]:
    """One ItemReport per question of the pack, in the pack's order."""
    by_question: dict[str, list[AttemptRow]] = defaultdict(list)
    per_learner: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        by_question[row.question_id].append(row)
        per_learner[row.user_id][row.question_id].append(row.correct)
    discrimination = discrimination_indexes(per_learner)
    return [_item(q, by_question.get(q.id, []), discrimination.get(q.id)) for q in pack.questions]


def discrimination_indexes(scores: Mapping[str, Mapping[str, list[bool]]]) -> dict[str, float]:
    """Question id → Moodle's classic DI, from learner → question → right/wrong attempts."""
    per_question = {user: {qid: sum(marks) / len(marks) for qid, marks in questions.items()}
                    for user, questions in scores.items() if questions}
    third = len(per_question) // 3
    if third < 1:
        return {}
    totals = {user: sum(qs.values()) / len(qs) for user, qs in per_question.items()}
    ranked = sorted(totals, key=lambda user: (-totals[user], user))
    top, bottom = ranked[:third], ranked[-third:]
    questions = {qid for qs in per_question.values() for qid in qs}
    result = {}
    for qid in questions:
        x_top = sum(per_question[user].get(qid, 0.0) for user in top)
        x_bottom = sum(per_question[user].get(qid, 0.0) for user in bottom)
        result[qid] = round((x_top - x_bottom) / third, 3)
    return result


def _item(question: Question, rows: list[AttemptRow], di: float | None) -> ItemReport:
    attempts = len(rows)
    right = sum(1 for row in rows if row.correct)
    skipped = sum(1 for row in rows if row.skipped)
    times = [row.time_ms for row in rows if not row.skipped]
    wrong = Counter(_shown(question, row.response) for row in rows
                    if not row.correct and not row.skipped and row.response)
    facility = right / attempts if attempts else None
    common = tuple(wrong.most_common(WRONG_SHOWN))
    return ItemReport(
        question.id, question.prompt, attempts, right, skipped, facility, di,
        round(statistics.median(times) / 1000, 1) if times else None, common,
        _flags(question, attempts, facility, di, common))


def _shown(question: Question, response: str) -> str:
    """A wrong response as an instructor reads it: the choice it picked, else its text."""
    if question.type is QuestionType.CHOICE:
        index = picked_choice(question, response)
        if index is not None:
            return f"{letter(index)}) {question.choices[index]}"
    if question.type is QuestionType.SELECT_ALL:
        picked = picked_options(response, question.choices)
        if picked:
            return ", ".join(f"{letter(k)}) {question.choices[k]}" for k in picked)
    return " ".join(response.split()).lower()


def _flags(question: Question, attempts: int, facility: float | None, di: float | None,
           wrong: tuple[tuple[str, int], ...]) -> tuple[str, ...]:
    flags = []
    if facility is not None and attempts >= MIN_FOR_FLAGS:
        if facility >= TOO_EASY:
            flags.append("too easy")
        elif facility <= TOO_HARD:
            flags.append("too hard")
    if di is not None and di < 0:
        flags.append("negative discrimination")
    close = close_wrong_answer(question, [answer for answer, _ in wrong])
    if close:
        flags.append(f"'{close}' is close to an accepted answer")
    return tuple(flags)


def close_wrong_answer(question: Question, wrong: list[str]) -> str | None:
    """The first wrong text answer within CLOSE_RATIO of an accepted one (a likely alias)."""
    if question.type is not QuestionType.TEXT:
        return None
    accepted = [normalize(answer) for answer in question.answers]
    for answer in wrong:
        plain = normalize(answer)
        if plain and any(fuzz.ratio(plain, a) >= CLOSE_RATIO
                         or (len(plain) >= 4 and fuzz.token_set_ratio(plain, a) == 100)
                         for a in accepted):  # 'delhi' for 'New Delhi'
            return answer
    return None
