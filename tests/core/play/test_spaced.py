"""FSRS spaced review, pure: grades, intervals that grow with right answers, recall estimates."""

import pytest
from fsrs import Rating

from bot.core.errors import InvalidInput
from bot.core.play import spaced

DAY = spaced.DAY


def test_grades_right_good_wrong_or_skipped_again_hint_hard():
    assert spaced.rating_for(correct=True, skipped=False, hint_used=False) is Rating.Good
    assert spaced.rating_for(correct=False, skipped=False, hint_used=False) is Rating.Again
    assert spaced.rating_for(correct=False, skipped=True, hint_used=False) is Rating.Again
    assert spaced.rating_for(correct=True, skipped=False, hint_used=True) is Rating.Hard
    assert spaced.rating_for(correct=False, skipped=False, hint_used=True) is Rating.Again


def test_a_miss_is_due_at_once_and_right_answers_push_the_next_review_out_over_weeks():
    card, due = spaced.review(None, Rating.Again, 0.0)
    assert due == 0.0
    at, gaps = 0.0, []
    for _ in range(5):
        card, due = spaced.review(card, Rating.Good, at)
        gaps.append(due - at)
        at = due  # answered right each time it falls due
    assert all(later > earlier for earlier, later in zip(gaps, gaps[1:], strict=False))
    assert gaps[0] >= DAY and at > 4 * 7 * DAY  # five reviews reach beyond four weeks
    lapsed, due_again = spaced.review(card, Rating.Again, at)
    assert due_again == at  # forgotten: back at once


def test_recall_falls_with_time_and_higher_retention_reviews_sooner():
    card, due = spaced.review(None, Rating.Good, 0.0)
    assert spaced.recall(card, 0.0) > spaced.recall(card, 10 * DAY) > spaced.recall(card, 60 * DAY)
    _, strict_due = spaced.review(card, Rating.Good, due, 0.95)
    _, relaxed_due = spaced.review(card, Rating.Good, due, 0.8)
    assert strict_due < relaxed_due


def test_the_same_history_gives_the_same_schedule():
    def replay():
        card = None
        for at, rating in ((0, Rating.Again), (0, Rating.Good), (2 * DAY, Rating.Hard)):
            card, due = spaced.review(card, rating, at)
        return due
    assert replay() == replay()


@pytest.mark.parametrize("value", [0.5, 0.99, 1.2])
def test_retention_out_of_range_is_refused(value):
    with pytest.raises(InvalidInput, match="between 0.7 and 0.97"):
        spaced.check_retention(value)


def test_a_first_review_depends_only_on_its_inputs_not_on_the_wall_clock():
    # The new card is stamped with the answer's time, so replaying history gives the same JSON.
    assert spaced.review(None, Rating.Good, 1_000.0) == spaced.review(None, Rating.Good, 1_000.0)
