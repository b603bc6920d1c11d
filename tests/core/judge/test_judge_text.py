"""Free-text judging: each rule of the issue, with responses that must pass and must fail."""

from __future__ import annotations

import pytest

from bot.core.errors import InvalidInput
from bot.core.judge.verdicts import judge_text
from bot.core.judge.words_align import MAX_EXTRA_WORDS, typo_budget
from bot.core.text.normalize import (
    EMPTY_REASON,
    MAX_RESPONSE_CHARS,
    NO_WORDS_REASON,
    TOO_LONG_REASON,
)

CULIACAN = ["Culiacán"]
SINALOA = ["Sinaloa Cartel"]
FOX = ["Vicente Fox", "Fox"]


def right(response: str, accepted: list[str]) -> bool:
    return judge_text(response, accepted).correct


# --- case, accents, punctuation, spaces, fillers -------------------------------------------------

@pytest.mark.parametrize("response", [
    "Culiacán", "culiacan", "CULIACAN", "  culiacán  ", "Culiacán!", "¿Culiacán?", "'culiacán'",
    "Culiaca\u0301n", "culiacán.", "(Culiacán)", "Culi\u200bacán", "\u200fCuliacán\u200f",
])
def test_case_accents_punctuation_and_invisible_marks_are_ignored(response):
    verdict = judge_text(response, CULIACAN)
    assert verdict.correct, verdict
    assert verdict.reason == "Correct."
    assert verdict.matched == "Culiacán"


@pytest.mark.parametrize("response", [
    "sinaloa   cartel", "Sinaloa\tCartel", "SINALOA-CARTEL", "the Sinaloa Cartel",
    "it was the Sinaloa cartel", "the answer is Sinaloa Cartel", "I think Sinaloa cartel",
    "maybe the Sinaloa cartel", "probably Sinaloa Cartel", "it's the sinaloa cartel",
    "its sinaloa cartel", "Sinaloa cartel, I think", "sinaloa cartel maybe",
    "Um, the Sinaloa Cartel",
])
def test_spaces_articles_and_fillers_are_ignored(response):
    assert right(response, SINALOA)


@pytest.mark.parametrize("response", ["the", "I think", "maybe", "it was"])
def test_fillers_alone_are_not_an_answer(response):
    assert not right(response, SINALOA)


def test_an_answer_that_starts_with_a_filler_word_still_needs_it_matched():
    accepted = ["Around the World in 80 Days"]
    assert right("around the world in 80 days", accepted)
    assert not right("the world in 80", accepted)


# --- extra words around the answer ---------------------------------------------------------------

@pytest.mark.parametrize("response, accepted", [
    ("President Fox", ["Fox"]),
    ("culiacán, sinaloa", CULIACAN),
    ("Culiacán in Sinaloa", CULIACAN),
    ("the city of Culiacán", CULIACAN),
    ("Sinaloa", SINALOA),  # the generic word may be left out
    ("Fox's government", ["Fox"]),
    ("Fox, not Calderón", ["Fox"]),
])
def test_up_to_two_extra_words_are_allowed(response, accepted):
    assert right(response, accepted)


@pytest.mark.parametrize("response", [
    "culiacán capital city state sinaloa",
    "they say culiacán is the capital of sinaloa state",
])
def test_more_than_two_extra_words_are_too_wordy(response):
    verdict = judge_text(response, CULIACAN)
    assert not verdict.correct
    assert "wordy" in verdict.reason


def test_the_extra_word_limit_is_two():
    assert MAX_EXTRA_WORDS == 2
    assert right("Culiacán Sinaloa Mexico", CULIACAN)
    assert not right("Culiacán Sinaloa Mexico América", CULIACAN)


# --- lists of guesses vs qualifiers --------------------------------------------------------------

@pytest.mark.parametrize("response", [
    "Fox or Calderón", "Calderón or Fox", "Fox/Calderón", "Fox / Calderón",
    "Fox, Calderón, Peña Nieto",
    "either fox or obama", "Fox & Calderón", "Fox and Calderón", "Fox; Calderón", "Fox\nCalderón",
    "Fox + Calderón", "Fox | Calderón", "Fox (or maybe Calderón)", "Fox vs Calderón",
    "Fox, Calderón or Zedillo", "Fox, Calderón", "Calderón, Fox", "Vicente Fox, Felipe Calderón",
])
def test_a_list_of_candidates_is_rejected(response):
    verdict = judge_text(response, FOX)
    assert not verdict.correct
    assert verdict.reason == "Several candidates given: answer with one."


@pytest.mark.parametrize("response, accepted", [
    ("Sinaloa or Jalisco", SINALOA),
    ("the sinaloa cartel and the jalisco cartel", SINALOA),
    ("culiacán, mazatlán, tijuana", CULIACAN),
    ("culiacán, tijuana", CULIACAN),  # a city is not a known state or country: a second guess
])
def test_lists_that_contain_the_right_answer_still_fail(response, accepted):
    assert not right(response, accepted)


@pytest.mark.parametrize("response, accepted", [
    ("Culiacán, Sinaloa", CULIACAN),
    ("Culiacán, Sinaloa, Mexico", CULIACAN),  # an address, not a list: every other part a place
    ("Fox, not Calderón", FOX),
    ("Fox, the president", FOX),
])
def test_comma_parts_that_narrow_the_answer_are_not_a_list(response, accepted):
    assert right(response, accepted)


@pytest.mark.parametrize("response, accepted", [
    ("culiacán, sinaloa", CULIACAN),
    ("Fox, Vicente", FOX),
    ("Simon and Garfunkel", ["Simon & Garfunkel"]),
    ("Simon & Garfunkel", ["Simon and Garfunkel"]),
    ("AT&T", ["AT&T"]),
    ("AC/DC", ["AC/DC"]),
    ("Lewis and Clark", ["Lewis and Clark"]),
    ("Fox or", FOX),  # a dangling connector is not a second candidate
    ("Fox or Vicente Fox", FOX),  # every item is itself an accepted answer
])
def test_qualifiers_and_connectors_inside_the_answer_are_not_lists(response, accepted):
    assert right(response, accepted)


def test_a_connector_in_the_answer_does_not_excuse_another_list():
    assert not right("Lewis and Clark or Fox", ["Lewis and Clark"])
    assert not right("Simon & Garfunkel / Fox", ["Simon & Garfunkel"])


# --- typos, by word length -----------------------------------------------------------------------

@pytest.mark.parametrize("word, budget", [
    ("fox", 0), ("peña", 0), ("1910", 0), ("texas", 1), ("calderon", 1), ("guadalajara", 2),
    ("2024202420", 0),
])
def test_typo_budget_by_word_length(word, budget):
    assert typo_budget(word) == budget


@pytest.mark.parametrize("response, accepted", [
    ("Calderin", ["Calderón"]),  # 8 letters: one substitution
    ("Caldern", ["Calderón"]),  # one deletion
    ("Culiacna", CULIACAN),  # a swap counts as one edit
    ("Sinaola cartell", SINALOA),  # one edit in each word
    ("Texsa", ["Texas"]),  # 5 letters: one swap
    ("Guadalajra", ["Guadalajara"]),
    ("Gaudalajaar", ["Guadalajara"]),  # 11 letters: two swaps
    ("Guadalaxara", ["Guadalajara"]),
])
def test_typos_within_the_budget_are_accepted(response, accepted):
    verdict = judge_text(response, accepted)
    assert verdict.correct
    assert verdict.reason.startswith("Close enough: accepted despite")


def test_the_typo_reason_names_the_typed_and_meant_words():
    verdict = judge_text("culiacna", CULIACAN)
    assert verdict.reason == "Close enough: accepted despite a typo ('culiacna' for 'Culiacán')."
    two = judge_text("sinaola cartell", SINALOA)
    assert "typos" in two.reason and "'cartell' for 'Cartel'" in two.reason


@pytest.mark.parametrize("response, accepted", [
    ("Foz", ["Fox"]),  # 3 letters must be exact
    ("Cuab", ["Cuba"]),  # 4 letters: even a swap is too much
    ("Tesax", ["Texas"]),  # 5 letters: two edits
    ("Caldarin", ["Calderón"]),  # 8 letters: two edits
    ("Guadxlxjxra", ["Guadalajara"]),  # 11 letters: three edits
    ("Vicente Foz", ["Vicente Fox"]),  # budget is per word, not per answer
    ("1911", ["1910"]),  # numbers inside text answers are exact
])
def test_typos_beyond_the_budget_are_rejected(response, accepted):
    assert not right(response, accepted)


@pytest.mark.parametrize("response, accepted", [
    ("PeñaNieto", ["Peña Nieto"]), ("Pena-Nieto", ["Peña Nieto"]), ("Mc Donald", ["McDonald"]),
])
def test_words_typed_together_or_apart_match_exactly(response, accepted):
    assert right(response, accepted)


def test_words_typed_together_get_no_typo_allowance():
    assert not right("PenaNeto", ["Peña Nieto"])


# --- a different named thing ---------------------------------------------------------------------

@pytest.mark.parametrize("response, accepted", [
    ("Jalisco Cartel", SINALOA),
    ("the Gulf cartel", SINALOA),
    ("Vicente Guerrero", ["Vicente Fox"]),
    ("Boris Johnson", ["Ronald Johnson", "Ron Johnson", "Johnson"]),
    ("Jorge Fox", FOX),
    ("El Mayo", ["El Chapo", "Chapo"]),
    ("Mexican", ["Mexican Revolution"]),
    ("United", ["United States"]),
])
def test_a_different_named_thing_sharing_a_word_is_rejected(response, accepted):
    assert not right(response, accepted)


def test_the_reason_names_the_kind_of_thing_without_the_answer():
    verdict = judge_text("Jalisco Cartel", SINALOA)
    assert verdict.reason == "Not quite: that names a different cartel."
    assert "sinaloa" not in verdict.reason.casefold()


@pytest.mark.parametrize("response, accepted", [
    ("President Fox", FOX), ("Mr Johnson", ["Ronald Johnson", "Johnson"]),
    ("Fox Quesada", FOX), ("Chapo Guzmán", ["El Chapo", "Joaquín El Chapo Guzmán"]),
])
def test_titles_and_trailing_names_are_not_rivals(response, accepted):
    assert right(response, accepted)


@pytest.mark.parametrize("response, accepted", [
    ("Vicente", ["Vicente Fox"]), ("cartel", SINALOA), ("no", ["no comment"]),
])
def test_part_of_an_answer_is_incomplete(response, accepted):
    verdict = judge_text(response, accepted)
    assert not verdict.correct
    assert verdict.reason.startswith("Incomplete")


@pytest.mark.parametrize("response, accepted", [
    ("CJNG", ["Cartel de Jalisco Nueva Generación"]), ("usa", ["United States of America"]),
    ("U.S.A.", ["USA"]), ("the D.E.A.", ["DEA"]),
])
def test_acronyms_and_initialisms(response, accepted):
    assert right(response, accepted)


@pytest.mark.parametrize("response", ["not Fox", "it isn't Fox", "definitely not the Fox"])
def test_a_negated_answer_is_rejected(response):
    verdict = judge_text(response, ["Fox"])
    assert not verdict.correct
    assert "negated" in verdict.reason


def test_the_best_of_several_accepted_answers_is_reported():
    verdict = judge_text("Felipe Calderon", ["Calderón", "Felipe Calderón"])
    assert verdict.correct and verdict.matched == "Felipe Calderón"


# --- empty, hostile and huge responses -----------------------------------------------------------

@pytest.mark.parametrize("response, reason", [
    ("", EMPTY_REASON), ("   ", EMPTY_REASON), ("\n\t", EMPTY_REASON), ("\x00\x00", EMPTY_REASON),
    ("\u200f\u200e", EMPTY_REASON), ("!!!", NO_WORDS_REASON), ("?¿…", NO_WORDS_REASON),
    ("🦊🦊", NO_WORDS_REASON), ("x" * 10_000, TOO_LONG_REASON),
    ("Culiacán " * 40, TOO_LONG_REASON),
])
def test_empty_symbol_only_and_overlong_responses_are_refused(response, reason):
    verdict = judge_text(response, CULIACAN)
    assert not verdict.correct
    assert verdict.reason == reason


def test_the_length_cap_counts_trimmed_characters():
    assert right("   " * 500 + "Culiacán", CULIACAN)
    assert not right("a" * (MAX_RESPONSE_CHARS + 1), ["a" * (MAX_RESPONSE_CHARS + 1)])


@pytest.mark.parametrize("response", [
    "Culiacán\x00", "\x00Culiacán", "Culiacán 🎉", "Culiacán\u202e", "CULIACÁN\r\n",
    "culiacán\x1b[0m",
])
def test_control_characters_emoji_and_rtl_marks_around_an_answer(response):
    assert right(response, CULIACAN)


def test_answers_without_any_words_are_a_question_error():
    with pytest.raises(InvalidInput):
        judge_text("Fox", [])
    with pytest.raises(InvalidInput):
        judge_text("Fox", ["", "!!"])


@pytest.mark.parametrize("response, ok", [
    ("1910", True), ("in 1910", True), ("one thousand nine hundred and ten", True),
    ("twenty-four", False), ("1911", False), ("1910 or 1911", False), ("nineteen ten", False),
])
def test_a_numeric_accepted_answer_also_takes_number_spellings(response, ok):
    assert right(response, ["1910"]) is ok


def test_an_accepted_answer_spelled_in_words_is_not_read_as_a_number():
    assert not right("twice or thrice", ["twice"])
    assert not right("2", ["twice"])
