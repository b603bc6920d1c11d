"""Spaced review: Leitner boxes from the attempt history, and review quizzes."""

import pytest
from sample_pack import make_pack, wrong_answer

from bot.core.errors import InvalidInput
from bot.core.models import Actor
from bot.core.packs.library import PackLibrary
from bot.core.play import leitner as review
from bot.core.service import QuizService
from bot.store.db import Store

DAY = review.DAY


def row(question, correct, at, skipped=False, pack="p"):
    return {"pack_id": pack, "question_id": question, "correct": correct, "skipped": skipped,
            "created_at": at}


def test_only_missed_questions_enter_review_and_a_miss_is_due_at_once():
    items = review.schedule([row("a", True, 0), row("b", False, 10), row("c", False, 0, True)])
    assert [(i.question_id, i.box, i.due_at) for i in items] == [("c", 0, 0), ("b", 0, 10)]


def test_right_answers_climb_the_boxes_until_learned():
    history = [row("a", False, 0)]
    at = 0.0
    for expected_box in range(1, review.LEARNED):
        at += 100
        history.append(row("a", True, at))
        [item] = review.schedule(history)
        assert item.box == expected_box
        assert item.due_at == at + review.BOX_INTERVALS_DAYS[expected_box] * DAY
    history.append(row("a", True, at + 1))
    assert review.schedule(history) == []


def test_a_new_miss_sends_the_question_back_to_box_zero():
    history = [row("a", False, 0), row("a", True, 1), row("a", True, 2), row("a", False, 3)]
    [item] = review.schedule(history)
    assert (item.box, item.due_at, item.misses) == (0, 3, 2)


def test_due_filters_by_time_and_pack_shakiest_first():
    items = review.schedule([row("a", False, 0), row("a", True, 1), row("b", False, 5),
                             row("c", False, 0, pack="q")])
    assert [i.question_id for i in review.due(items, now=6)] == ["c", "b"]
    assert [i.question_id for i in review.due(items, now=2 * DAY)] == ["c", "b", "a"]
    assert [i.question_id for i in review.due(items, now=6, pack_id="p")] == ["b"]


class Clock:
    now = 1_000_000.0

    def __call__(self):
        return self.now


def test_review_quiz_brings_back_exactly_the_missed_questions():
    clock = Clock()
    library = PackLibrary(None)
    library.add(make_pack())
    service = QuizService(Store.open(":memory:"), library, clock=clock)
    ann = Actor("g", "ann", "Ann")
    with pytest.raises(InvalidInput, match="Nothing to review"):
        service.review.start_review(ann)
    view = service.quizzes.start_quiz(ann, "sample", 5, seed=3)
    missed = []
    while view is not None:
        question = service.catalog.pack("g", "sample").question(view.question_id)
        wrong = view.position % 2 == 1
        if wrong:
            missed.append(view.question_id)
        outcome = service.quizzes.answer(ann, view.session_id, view.question_id,
                                 wrong_answer(question) if wrong else question.answer_text())
        view = outcome.next_question
    first = service.review.start_review(ann, count=10)
    assert first.total == len(missed)
    seen = []
    view = first
    while view is not None:
        seen.append(view.question_id)
        answer = service.catalog.pack("g", "sample").question(view.question_id).answer_text()
        view = service.quizzes.answer(ann, view.session_id, view.question_id, answer).next_question
    assert sorted(seen) == sorted(missed)
    with pytest.raises(InvalidInput, match="next review is in about 24"):
        service.review.start_review(ann)
    clock.now += DAY
    assert service.review.start_review(ann).total == len(missed)
