"""Spaced review through the service: FSRS cards from every answer, due across packs, with an
injected clock over several simulated weeks."""

import pytest
from sample_pack import make_pack, wrong_answer

from bot.core.errors import InvalidInput
from bot.core.models import Actor
from bot.core.packs.library import PackLibrary
from bot.core.service import QuizService
from bot.store.db import Store

DAY = 86400.0


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
    with pytest.raises(InvalidInput, match="next review is in about 24 hours"):
        service.review.start_review(ann)
    clock.now += DAY
    assert service.review.start_review(ann).total == len(missed)


def other_pack():
    """A second pack of another subject, so review must span packs."""
    from bot.core.models import Pack, Question, QuestionType, Source

    questions = tuple(
        Question(f"planet-{n}", QuestionType.NUMBER, f"Planet number {n} from the Sun?", "Notes.",
                 number=n) for n in range(1, 5))
    return Pack("planets", "Planets", "Solar system.", Source("Notes", "me", "class", "2026"),
                (), questions)


def two_pack_service(clock):
    library = PackLibrary(None)
    library.add(make_pack())
    library.add(other_pack())
    return QuizService(Store.open(":memory:"), library, clock=clock)


def answer_all(service, actor, view, right):
    while view is not None:
        question = service.catalog.pack(actor.guild_id, view.pack_id).question(view.question_id)
        text = question.answer_text() if right(question) else wrong_answer(question)
        view = service.quizzes.answer(actor, view.session_id, view.question_id,
                                      text).next_question


def test_review_spans_packs_says_what_is_due_and_spaces_out_over_weeks():
    clock = Clock()
    clock.now = 1_700_000_000.0
    service = two_pack_service(clock)
    ann = Actor("g", "ann", "Ann")
    answer_all(service, ann, service.quizzes.start_quiz(ann, "sample", 5, seed=1),
               right=lambda q: q.type != "text")
    answer_all(service, ann, service.quizzes.start_quiz(ann, "planets", 4, seed=1),
               right=lambda q: q.id == "planet-1")
    overview = service.review.overview("g", "ann")
    assert [(p.pack_id, p.due, p.cards) for p in overview.packs] == [("planets", 3, 4),
                                                                     ("sample", 1, 5)]
    assert overview.due == 4 and overview.next_due_in == 2 * DAY  # a right answer: 2 days
    first = service.review.start_review(ann)  # no pack named: the one with most due
    assert (first.pack_id, first.total) == ("planets", 3)
    answer_all(service, ann, first, right=lambda q: True)
    second = service.review.start_review(ann)
    assert (second.pack_id, second.total) == ("sample", 1)
    answer_all(service, ann, second, right=lambda q: True)
    with pytest.raises(InvalidInput, match="Nothing due yet: the next review is in about 24 h"):
        service.review.start_review(ann)
    # Six simulated weeks, answering everything due right each day: the gaps grow.
    reviews_per_week = []
    for _week in range(6):
        done = 0
        for _day in range(7):
            clock.now += DAY
            while service.review.overview("g", "ann").due:
                view = service.review.start_review(ann, count=50)
                done += view.total
                answer_all(service, ann, view, right=lambda q: True)
        reviews_per_week.append(done)
    assert reviews_per_week[0] > reviews_per_week[-1]
    assert sum(reviews_per_week[3:]) <= 9  # after a month, nine cards barely need review
    later = service.review.overview("g", "ann")
    assert later.due == 0 and later.next_due_in > 7 * DAY
    assert all(p.recall > 0.9 for p in later.packs)
    clock.now += 365 * DAY
    assert all(p.recall < 0.9 for p in service.review.overview("g", "ann").packs)


def test_desired_retention_is_per_guild_and_for_staff_to_set():
    from bot.core.errors import NotAllowed

    clock = Clock()
    service = two_pack_service(clock)
    teacher = Actor("g", "t", "Teach", can_manage_guild=True)
    with pytest.raises(NotAllowed):
        service.review.set_retention(Actor("g", "ann", "Ann"), 0.8)
    assert service.review.set_retention(teacher, 0.8) == 0.8
    assert service.review.retention("g") == 0.8 and service.review.retention("other") == 0.9
    with pytest.raises(InvalidInput):
        service.review.set_retention(teacher, 0.99)
