"""Judging "select all that apply" (a pack about numbers and cities, not the bundled article):
the set picked must be exactly the right set; letters in any order and with any separators;
an option that does not exist is a form mistake (asked again), never a wrong answer."""

from __future__ import annotations

import pytest

from bot.core.errors import InvalidInput
from bot.core.judge.select_all import judge_select_all
from bot.core.judge.verdicts import judge
from bot.core.models import Question, QuestionType

PRIMES = (["2", "3", "4", "9"], ["2", "3"])
CITIES = (["Paris", "Lyon", "Madrid", "Berlin", "New York"], ["Paris", "Lyon"])


@pytest.mark.parametrize("response", ["a b", "A, B", "A and B", "ab", "BA", "b/a", "b; a",
                                      "options a and b", "both A & B", "A+B", "I think a and b",
                                      "2, 3", "3 and 2", "2 3"])
def test_the_right_set_in_any_order_and_form_is_right(response: str) -> None:
    verdict = judge_select_all(response, *PRIMES)
    assert verdict.correct and verdict.matched == "A, B", response


@pytest.mark.parametrize("response", ["Paris, Lyon", "lyon and paris", "1 2", "2, 1",
                                      "Lyon / Paris", "a b"])
def test_texts_and_numbers_name_options_when_no_option_is_a_number(response: str) -> None:
    assert judge_select_all(response, *CITIES).correct, response


@pytest.mark.parametrize(("response", "reason"), [
    ("a", "Not quite: you missed B."),
    ("a b c", "Not quite: C is not right."),
    ("a c d", "Not quite: you missed B; C and D are not right."),
    ("abcd", "Not quite: C and D are not right."),  # every option never wins
    ("c", "Not quite: you missed A and B; C is not right."),
])
def test_a_wrong_set_says_what_was_missed_and_what_is_extra(response: str, reason: str) -> None:
    verdict = judge_select_all(response, *PRIMES)
    assert not verdict.correct and not verdict.form_error
    assert verdict.reason == reason


@pytest.mark.parametrize(("response", "reason"), [
    ("a e", "There is no option E: pick letters from A to D."),
    ("e", "There is no option E: pick letters from A to D."),
    ("1 2", "Give the letters of every right option"),  # "1" is no option's text
    ("5", "Give the letters of every right option"),
    ("Rome", "Give the letters of every right option"),
    ("", "Empty answer"),
    ("?!", ""),
])
def test_an_option_that_does_not_exist_is_asked_again(response: str, reason: str) -> None:
    verdict = judge_select_all(response, *PRIMES)
    assert verdict.form_error and not verdict.correct
    assert verdict.reason.startswith(reason)


def test_letters_past_the_options_glued_together_are_not_read_as_letters() -> None:
    verdict = judge_select_all("af", *CITIES)  # F is no option of five
    assert verdict.form_error


def test_a_city_set_by_name_with_a_number_beyond_the_options() -> None:
    verdict = judge_select_all("1, 7", *CITIES)
    assert verdict.form_error and "no option 7" in verdict.reason


def test_judge_dispatches_on_the_type() -> None:
    question = Question(id="primes", type=QuestionType.SELECT_ALL, prompt="Which are primes?",
                        explanation="2 and 3 have no other divisors.", choices=("2", "3", "4", "9"),
                        answers=("2", "3"))
    assert judge(question, "b a").correct
    assert question.answer_text() == "A) 2, B) 3"


def test_a_question_without_right_options_is_a_pack_bug() -> None:
    with pytest.raises(InvalidInput):
        judge_select_all("a", ["x", "y"], [])
    with pytest.raises(InvalidInput):
        judge_select_all("a", ["x", "y"], ["z"])
