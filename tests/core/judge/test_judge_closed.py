"""True/false, multiple choice and ordering questions."""

from __future__ import annotations

import pytest

from bot.core.errors import InvalidInput
from bot.core.judge.verdicts import judge_choice, judge_order, judge_truefalse

PRESIDENTS = ["Vicente Fox", "Felipe Calderón", "Enrique Peña Nieto", "Andrés Manuel López Obrador"]
CARTELS = ["Sinaloa Cartel", "Jalisco Cartel", "Gulf Cartel"]
ITEMS = ["Fox", "Calderón", "Peña Nieto"]
ORDER = ["Peña Nieto", "Fox", "Calderón"]  # C A B


# --- true / false --------------------------------------------------------------------------------

@pytest.mark.parametrize("response", [
    "true", "True", "TRUE", "True.", "t", "T", "yes", "Yes!", "y", "Y", "yeah", "it's true",
    "It is true", "that's right", "correct", "I think that is true", "not false", "true, right?",
    "  true  ", "\u200ftrue", "corect", "Correct!",
])
def test_true_responses(response):
    assert judge_truefalse(response, True).correct
    assert not judge_truefalse(response, False).correct


@pytest.mark.parametrize("response", [
    "false", "FALSE", "f", "F", "no", "No.", "n", "nope", "it's false", "not true",
    "isn't true", "definitely not", "no it isn't", "wrong", "false, right?", "flase", "FLASE",
    "incorect",
])
def test_false_responses(response):
    assert judge_truefalse(response, False).correct
    assert not judge_truefalse(response, True).correct


@pytest.mark.parametrize("response, needle", [
    ("true or false", "Both"), ("yes no", "Both"), ("yes, it's false", "Both"),
    ("maybe", "true or false"), ("not sure", "true or false"), ("Fox", "true or false"),
    ("ture", "true or false"),  # 4 letters: no typo allowed, as in text answers
    ("true because the treaty was signed by both countries", "just true or false"),
    ("", "Empty"), ("???", "No words"),
])
def test_unclear_true_false_responses_are_refused_with_a_reason(response, needle):
    verdict = judge_truefalse(response, True)
    assert not verdict.correct
    assert needle in verdict.reason


def test_truefalse_matched_is_the_value():
    assert judge_truefalse("yes", True).matched == "True"
    assert judge_truefalse("no", False).matched == "False"


# --- multiple choice ---------------------------------------------------------------------------

@pytest.mark.parametrize("response", [
    "b", "B", "B)", "b)", "(b)", "[B]", "b.", "B:", "option b", "Option B", "choice b",
    "the answer is B", "it's b", "I think b", "2", "option 2", "B) Felipe Calderón",
    "b) the second one", "Felipe Calderón", "felipe calderon", "Calderón", "calderon maybe",
    "it was Calderón", "Callderon", "b, b", "the second one", "second", "2nd", "two",
    "option two", "#2",
])
def test_choice_by_letter_number_or_text(response):
    verdict = judge_choice(response, PRESIDENTS, 1)
    assert verdict.correct, verdict
    assert verdict.matched == "Felipe Calderón"


@pytest.mark.parametrize("response", ["a", "A", "c)", "option d", "1", "4", "Fox", "Peña Nieto"])
def test_other_options_are_wrong(response):
    assert not judge_choice(response, PRESIDENTS, 1).correct


def test_naming_another_option_by_text_says_which_one():
    assert judge_choice("Peña", PRESIDENTS, 1).reason == "Not quite: that is option C."


@pytest.mark.parametrize("response, needle", [
    ("e", "no option E"), ("Z", "no option Z"), ("5", "no option 5"), ("0", "no option 0"),
    ("option f", "no option F"), ("fifth", "no option 5"), ("12", "no option 12"),
])
def test_a_label_outside_the_range_is_refused(response, needle):
    verdict = judge_choice(response, PRESIDENTS, 1)
    assert not verdict.correct
    assert needle in verdict.reason


@pytest.mark.parametrize("response", [
    "a or b", "a b", "b, c", "a/b", "b or c", "option b or c", "1 or 2", "Fox or Calderón",
    "Calderón and Fox", "1,2", "first or second",
])
def test_several_options_at_once_are_refused(response):
    verdict = judge_choice(response, PRESIDENTS, 1)
    assert not verdict.correct
    assert verdict.reason == "Several candidates given: answer with one."


def test_a_letter_contradicted_by_its_text_is_refused():
    verdict = judge_choice("B) Fox", PRESIDENTS, 1)
    assert not verdict.correct
    assert "Mixed" in verdict.reason


@pytest.mark.parametrize("response, ok", [
    ("Sinaloa", True), ("the sinaloa cartel", True), ("jalisco cartel", False), ("gulf", False),
])
def test_choice_text_with_shared_generic_words(response, ok):
    assert judge_choice(response, CARTELS, 0).correct is ok


def test_a_word_shared_by_several_options_is_ambiguous():
    verdict = judge_choice("cartel", CARTELS, 0)
    assert not verdict.correct
    assert "Ambiguous" in verdict.reason


def test_a_choice_text_that_looks_like_a_number_wins_over_the_index():
    years = ["1990", "2000", "2010"]
    assert judge_choice("2000", years, 1).correct
    assert judge_choice("2", years, 1).correct
    assert not judge_choice("1", years, 1).correct


def test_not_an_option_is_refused():
    assert not judge_choice("not calderon", PRESIDENTS, 1).correct


@pytest.mark.parametrize("choices, index", [([], 0), (["a", "b"], 2), (["a", "b"], -1)])
def test_a_broken_choice_question_is_an_invalid_input_error(choices, index):
    with pytest.raises(InvalidInput):
        judge_choice("a", choices, index)


# --- ordering ---------------------------------------------------------------------------------

@pytest.mark.parametrize("response", [
    "C A B", "c a b", "cab", "CAB", "c, a, b", "C-A-B", "c > a > b", "c→a→b", "c;a;b",
    "the order is c a b", "c then a then b", "3 1 2", "312", "Peña Nieto, Fox, Calderón",
    "pena nieto > fox > calderon",
])
def test_order_in_many_spellings(response):
    verdict = judge_order(response, ITEMS, ORDER)
    assert verdict.correct, verdict
    assert verdict.matched == "C A B"


@pytest.mark.parametrize("response", [
    "a b c", "abc", "b c a", "c b a", "1 2 3", "Fox, Calderón, Peña Nieto",
])
def test_a_wrong_order_is_rejected(response):
    verdict = judge_order(response, ITEMS, ORDER)
    assert not verdict.correct
    assert verdict.reason == "Not quite: that order is wrong."


@pytest.mark.parametrize("response, needle", [
    ("c a", "exactly once"), ("c a a", "exactly once"), ("c a b a", "exactly once"),
    ("c a d", "no option D"), ("4 1 2", "no option 4"), ("fox", "exactly once"),
    ("banana split", "letters in order"), ("", "Empty"),
])
def test_order_needs_each_letter_exactly_once(response, needle):
    verdict = judge_order(response, ITEMS, ORDER)
    assert not verdict.correct
    assert needle in verdict.reason


def test_a_broken_order_question_is_an_invalid_input_error():
    with pytest.raises(InvalidInput):
        judge_order("a b", ["x", "y"], ["x", "z"])
    with pytest.raises(InvalidInput):
        judge_order("a b", ["x", "x"], ["x", "x"])
