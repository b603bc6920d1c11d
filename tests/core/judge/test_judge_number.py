"""Number questions: one number, exact unless the question gives a tolerance."""

from __future__ import annotations

import pytest

from bot.core.errors import InvalidInput
from bot.core.judge.verdicts import judge_number


@pytest.mark.parametrize("response", [
    "11000", "11,000", "11 000", "11.000", "11k", "eleven thousand", "about 11,000",
    "It was roughly 11 thousand", "11,000 (eleven thousand)", "11000.0", "$11,000", "11,000+",
])
def test_exact_value_in_many_spellings(response):
    verdict = judge_number(response, 11000)
    assert verdict.correct, verdict
    assert verdict.reason == "Correct."
    assert verdict.matched == "11,000"


@pytest.mark.parametrize("response, value", [
    ("24%", 24), ("24 percent", 24), ("24%", 0.24), ("0.5", 0.5), ("half", 0.5), ("24.5", 24.5),
    ("twice", 2), ("a dozen", 12), ("a million", 1e6), ("1.5 million", 1.5e6), ("-3", -3),
    ("one hundred and five", 105), ("$800", 800), ("more than 30,000", 30000), ("0", 0),
])
def test_other_values(response, value):
    assert judge_number(response, value).correct


@pytest.mark.parametrize("response, value", [
    ("12,000", 11000), ("11001", 11000), ("1100", 11000), ("110000", 11000), ("11", 11000),
    ("0.25", 0.24), ("3", -3), ("1.5", 1.05), ("11,000", 11),
])
def test_wrong_numbers_are_rejected_without_revealing_the_answer(response, value):
    verdict = judge_number(response, value)
    assert not verdict.correct
    assert verdict.reason.startswith("Not quite:")
    assert verdict.matched is None


def test_the_reason_quotes_the_learners_number_not_the_answer():
    verdict = judge_number("12,000", 11000)
    assert "12,000" in verdict.reason
    assert "11,000" not in verdict.reason and "11000" not in verdict.reason


@pytest.mark.parametrize("response, ok", [
    ("11,500", True), ("10,450", True), ("11,550", True), ("10,449", False), ("11,551", False),
    ("about 11.5k", True), ("12,000", False),
])
def test_tolerance_is_a_fraction_of_the_value(response, ok):
    assert judge_number(response, 11000, 0.05).correct is ok


def test_within_tolerance_but_not_exact_says_close_enough():
    verdict = judge_number("11,500", 11000, 0.05)
    assert verdict.reason.startswith("Close enough")
    assert "±5%" in verdict.reason
    assert judge_number("11,000", 11000, 0.05).reason == "Correct."


def test_zero_tolerance_means_exact():
    assert not judge_number("11,001", 11000, 0.0).correct


@pytest.mark.parametrize("response", [
    "11000 or 12000", "between 10,000 and 12,000", "10,000-12,000", "11k to 12k",
    "eleven or twelve thousand", "11000, 12000",
])
def test_two_different_numbers_are_rejected_even_if_one_is_right(response):
    verdict = judge_number(response, 11000, 0.5)
    assert not verdict.correct
    assert verdict.reason.startswith("Several numbers given")


@pytest.mark.parametrize("response", ["a lot", "many thousands", "Fox", "?"])
def test_no_number_is_rejected(response):
    verdict = judge_number(response, 11000)
    assert not verdict.correct
    assert "number" in verdict.reason or "No words" in verdict.reason


@pytest.mark.parametrize("response", ["", "   ", "\x00", "9" * 5000, "1" * 301])
def test_empty_and_huge_responses_are_refused(response):
    assert not judge_number(response, 11000).correct


@pytest.mark.parametrize("value, tolerance", [
    (None, 0.0), (float("nan"), 0.0), (float("inf"), 0.0), (1.0, -0.1), (1.0, float("nan")),
])
def test_a_broken_question_is_an_invalid_input_error(value, tolerance):
    with pytest.raises(InvalidInput):
        judge_number("1", value, tolerance)
