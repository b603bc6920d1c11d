"""Reading numbers the way learners write them (bot.core.text.numbers)."""

from __future__ import annotations

import pytest

from bot.core.text.numbers import distinct_numbers, find_numbers, parse_number


@pytest.mark.parametrize("text, value", [
    ("11000", 11000), ("11,000", 11000), ("11 000", 11000), ("11\u00a0000", 11000),
    ("11\u202f000", 11000), ("1,234,567", 1234567), ("1 234 567", 1234567),
    ("1.234.567", 1234567), ("1,234.5", 1234.5), ("1.234,5", 1234.5), ("11 000,5", 11000.5),
    ("0.5", 0.5), ("24.5", 24.5), (".5", 0.5), ("24,5", 24.5), ("3.14159", 3.14159),
    ("-5", -5), ("\u22125", -5), ("minus five", -5), ("negative 2", -2),
    ("１１０００", 11000), ("1e6", 1e6), ("2½", 2.5), ("½", 0.5), ("1/2", 0.5), ("3/4", 0.75),
    ("1⁄2", 0.5),
])
def test_digits_separators_and_decimals(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text, value", [
    ("11k", 11000), ("11K", 11000), ("11 k", 11000), ("1.5m", 1.5e6), ("1.5M people", 1.5e6),
    ("2bn", 2e9), ("2 bn", 2e9), ("$1.5bn", 1.5e9), ("1.5 million", 1.5e6),
    ("11 thousand", 11000), ("3 hundred", 300), ("2 dozen", 24), ("2 billion", 2e9),
    ("1,5 millones", 1.5e6),
])
def test_suffixes_and_scale_words(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text, value", [
    ("$800", 800), ("US$800", 800), ("800 dollars", 800), ("€800", 800), ("24%", 24),
    ("24 percent", 24), ("24 per cent", 24), ("30,000+", 30000), ("more than 30,000", 30000),
    ("about 11,000", 11000), ("~11000", 11000), ("roughly 11k people", 11000), ("5km", 5),
    ("the 1st", 1),
])
def test_currency_percent_and_surrounding_words(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text, value", [
    ("eleven thousand", 11000), ("a million", 1e6), ("one million", 1e6), ("twenty-four", 24),
    ("twenty four", 24), ("one hundred and five", 105), ("a hundred", 100), ("twice", 2),
    ("thrice", 3), ("a dozen", 12), ("half", 0.5), ("a half", 0.5), ("half a million", 5e5),
    ("one and a half", 1.5), ("one and a half million", 1.5e6), ("2 and a half", 2.5),
    ("two point five", 2.5), ("zero", 0), ("two hundred thousand", 2e5),
    ("one million two hundred thousand", 1.2e6), ("three thousand four hundred and twelve", 3412),
    ("thirty-one thousand two hundred", 31200), ("Eleven Thousand", 11000), ("nineteen", 19),
])
def test_number_words(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", [
    "11000 or 12000", "between 10,000 and 12,000", "10-12", "10 to 12", "two or three",
    "nineteen eighty-four", "1990 500", "1,2,3", "eleven and twelve", "5 6", "11000/12000",
    "1/2/3",
])
def test_several_different_numbers_give_none(text):
    assert parse_number(text) is None
    assert len(distinct_numbers(text)) >= 2


@pytest.mark.parametrize("text", [
    "11,000 (eleven thousand)", "11000 11,000", "11k, i.e. 11 000", "ten ten",
])
def test_the_same_number_twice_is_one_number(text):
    assert len(find_numbers(text)) == 2
    assert len(distinct_numbers(text)) == 1
    assert parse_number(text) is not None


@pytest.mark.parametrize("text", [
    "", "abc", "thousands", "an hour", "!!!", "1e999", "9" * 400, "\x00", "hundreds of them",
    "1/0",
])
def test_no_usable_number_gives_none(text):
    assert parse_number(text) is None


def test_a_lone_dot_group_is_ambiguous_and_carries_both_readings():
    (match,) = find_numbers("11.000")
    assert match.value == 11.0
    assert 11000.0 in match.readings
    (plain,) = find_numbers("0.500")
    assert plain.readings == (0.5,)


def test_percent_carries_the_fraction_as_an_alternative():
    (match,) = find_numbers("24%")
    assert match.readings == (24.0, 0.24)


def test_a_thousands_comma_is_never_a_decimal():
    (match,) = find_numbers("11,000")
    assert match.readings == (11000.0,)


def test_huge_and_hostile_text_does_not_crash():
    assert parse_number("1" * 5000) is None  # overflows to infinity: not a usable number
    assert parse_number("7 " + "x" * 100_000) == 7
    assert len(find_numbers("1 " * 2000)) == 2000
