"""Each judge rule on synthetic answers from several subjects (geography, science, history, art,
literature, sport), none from the article: the rules are general English, not tuned to one pack.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.core.judge.gazetteer import narrows, places_of
from bot.core.judge.verdicts import judge_number, judge_text
from bot.core.judge.words_align import LIST_REASON


def right(response: str, accepted: list[str], places: tuple[str, ...] = ()) -> bool:
    return judge_text(response, accepted, places).correct


# --- place qualifiers from the gazetteer ----------------------------------------------------

@pytest.mark.parametrize("response, accepted", [
    ("Munich, Bavaria", ["Munich"]),             # English name of a German Land
    ("Munich, Bayern", ["Munich"]),              # its ISO name
    ("Munich, Bavaria, Germany", ["Munich"]),    # region then its own country
    ("Oslo, Norway", ["Oslo"]),
    ("Reykjavik, Iceland", ["Reykjavík"]),
    ("Kyoto, Japan", ["Kyoto"]),
    ("Sydney, New South Wales", ["Sydney"]),     # a three-word region is one qualifier
    ("Toronto, Ontario, Canada", ["Toronto"]),
    ("Barcelona, Catalonia", ["Barcelona"]),     # English name pycountry lacks, by ISO code
    ("Bavaria, Germany", ["Bavaria"]),           # a region answer narrowed by its country
    ("Vienna, Austria", ["Vienna"]),             # a city that is a region itself
    ("Edinburgh, Scotland, UK", ["Edinburgh"]),
    ("the Louvre, Paris", ["Louvre"]),           # a lower ISO subdivision as the address
    ("Atlanta, Georgia", ["Atlanta"]), ("Tbilisi, Georgia", ["Tbilisi"]),  # both Georgias
])
def test_a_country_or_region_after_a_comma_narrows_the_answer(response, accepted):
    assert right(response, accepted)


@pytest.mark.parametrize("response, accepted", [
    ("Munich, Berlin, Hamburg", ["Munich"]),     # two regions of one rank: a list
    ("Paris, London, Rome", ["Paris"]),
    ("Bavaria, Austria", ["Bavaria"]),           # Bavaria is not in Austria
    ("Vienna, Germany", ["Vienna"]),
    ("Moscow, Idaho", ["Moscow"]),               # the gazetteer's Moscow is in Russia
    ("Paris, Texas", ["Paris"]),                 # and its Paris in France
    ("Kyoto, Tokyo", ["Kyoto"]),                 # two cities
    ("Oslo, Bergen", ["Oslo"]),                  # not places the gazetteer knows: two guesses
    ("Olso, Norway", ["Oslo"]),                  # a qualifier does not rescue a 4-letter typo
])
def test_a_place_that_cannot_hold_the_answer_is_a_second_guess(response, accepted):
    assert not right(response, accepted)


def test_the_gazetteer_knows_ranks_and_countries():
    assert (1, "DE") in places_of(["bavaria"])
    assert (2, "NO") in places_of(["norway"])
    assert places_of(["northern"]) == frozenset()   # a compass word is a description
    assert narrows(places_of(["bavaria"]), places_of(["germany"]))
    assert not narrows(places_of(["bavaria"]), places_of(["austria"]))
    assert not narrows(places_of(["berlin"]), places_of(["hamburg"]))


def test_a_pack_may_add_its_own_places():
    accepted = ["Tenochtitlan"]
    assert not right("Tenochtitlan, Anahuac", accepted)
    assert right("Tenochtitlan, Anahuac", accepted, places=("Anahuac",))
    assert right("Tenochtitlan, Anáhuac, Mexico", accepted, places=("Anahuac",))  # folded


def test_the_gazetteer_is_not_loaded_until_a_place_must_be_read():
    """Starting quizbot and judging plain answers never pays for pycountry."""
    code = ("import sys, bot.cli, bot.app; from bot.core.judge.verdicts import judge_text\n"
            "for r in ['Curie', 'Professor Curie', 'Mozart or Bach', 'Lake Victoria']:\n"
            "    judge_text(r, ['Marie Curie', 'Curie', 'Mozart', 'Queen Victoria'])\n"
            "before = 'pycountry' in sys.modules\n"
            "judge_text('Munich, Bavaria', ['Munich'])\n"
            "print(before, 'pycountry' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


# --- titles and roles ----------------------------------------------------------------------

@pytest.mark.parametrize("response, accepted", [
    ("Professor Curie", ["Marie Curie", "Curie"]), ("Madame Curie", ["Marie Curie", "Curie"]),
    ("Dr. Curie", ["Marie Curie", "Curie"]), ("the painter Picasso", ["Pablo Picasso", "Picasso"]),
    ("the composer Bach", ["Johann Sebastian Bach", "Bach"]),
    ("Sir Isaac Newton", ["Isaac Newton"]), ("Queen Victoria", ["Victoria"]),
    ("Victoria", ["Queen Victoria"]), ("King Henry VIII", ["Henry VIII"]),
    ("President Lincoln", ["Abraham Lincoln", "Lincoln"]), ("Saint Francis", ["Francis"]),
    ("the writer Cervantes", ["Miguel de Cervantes", "Cervantes"]),
    ("the planet Mars", ["Mars"]), ("Mt. Everest", ["Mount Everest"]),
])
def test_titles_and_roles_before_a_name_are_omissible(response, accepted):
    assert right(response, accepted)


def test_a_saint_in_an_accepted_answer_stays_because_it_often_names_a_place():
    assert not right("Louis", ["St. Louis"])
    assert right("Saint Louis", ["St. Louis"])
    assert right("Saint Paul", ["Paul"])   # added in a response it is still a title


def test_a_title_after_a_name_is_part_of_another_name():
    assert not right("Martin Luther King", ["Martin Luther"])
    assert not right("Martin Luther", ["Martin Luther King Jr."])   # King is a name here
    assert right("Martin Luther King", ["Martin Luther King Jr.", "Martin Luther King"])


# --- a different named thing ---------------------------------------------------------------

@pytest.mark.parametrize("response, accepted", [
    ("Lake Victoria", ["Queen Victoria", "Victoria"]),   # a kind-noun glued to a person's name
    ("Victoria Falls", ["Queen Victoria", "Victoria"]),
    ("Lake Michigan", ["Michigan"]),                     # a kind-noun glued to a region's name
    ("Cape Verde", ["Cape Town"]),                       # a replaced word
    ("Alexander Graham Bell", ["Alexander the Great", "Alexander"]),
    ("Pierre Curie", ["Marie Curie", "Curie"]),
    ("Atletico Madrid", ["Real Madrid"]),
    ("The Godfather Part II", ["The Godfather"]),        # another of a series
    ("Henry VIII", ["Henry"]), ("Rocky 2", ["Rocky"]),
    ("Pride and Prejudice and Zombies", ["Pride and Prejudice"]),  # its own "and" outside it
    ("Rio da Janeiro", ["Rio de Janeiro"]),              # a particle is part of the name
])
def test_a_word_that_makes_another_name_is_wrong(response, accepted):
    assert not right(response, accepted)


@pytest.mark.parametrize("response, accepted", [
    ("Michigan state", ["Michigan"]), ("the state of Michigan", ["Michigan"]),
    ("the Nile", ["Nile River", "Nile"]), ("Everest", ["Mount Everest"]),
    ("Vicente Fox Quesada", ["Vicente Fox"]), ("Rembrandt van Rijn", ["Rembrandt"]),
    ("Simon and Garfunkel", ["Simon & Garfunkel"]), ("Romeo & Juliet", ["Romeo and Juliet"]),
])
def test_words_that_keep_the_same_name_stay_right(response, accepted):
    assert right(response, accepted)


@pytest.mark.parametrize("response, accepted", [
    ("Martin Luther", ["Martin Luther King Jr."]), ("Cape", ["Cape Town"]),
    ("Gogh", ["Vincent van Gogh", "van Gogh"]), ("Zealand", ["New Zealand"]),
    ("Gatsby", ["The Great Gatsby"]), ("Janeiro", ["Rio de Janeiro"]),
])
def test_a_missing_word_of_a_name_is_incomplete(response, accepted):
    assert not right(response, accepted)


def test_a_shorter_form_counts_only_when_accepted():
    assert right("van Gogh", ["Vincent van Gogh", "van Gogh"])
    assert right("Darwin", ["Charles Darwin", "Darwin"])
    assert not right("Darwin", ["Charles Darwin"])


# --- typo budget word by word --------------------------------------------------------------

@pytest.mark.parametrize("response, accepted, expected", [
    ("Cape Twon", ["Cape Town"], False),          # a 4-letter word must be exact
    ("Hong Kung", ["Hong Kong"], False),
    ("Usain Blot", ["Usain Bolt"], False),
    ("Buenas Aries", ["Buenos Aires"], True),     # one slip in each 5-6 letter word
    ("Kwala Lumpor", ["Kuala Lumpur"], True),
    ("Leonardo da Vinchi", ["Leonardo da Vinci"], True),
    ("Leonardo de Vinci", ["Leonardo da Vinci"], False),  # the 2-letter particle is exact
    ("Stokhlom", ["Stockholm"], True), ("Stakhelm", ["Stockholm"], False),
])
def test_the_typo_budget_applies_to_each_word(response, accepted, expected):
    assert right(response, accepted) is expected


# --- lists of three or more ----------------------------------------------------------------

@pytest.mark.parametrize("response, accepted", [
    ("munich berlin hamburg", ["Munich"]), ("Newton Einstein Galileo", ["Newton"]),
    ("mars venus jupiter", ["Mars"]), ("Mozart Bach Beethoven Haydn", ["Mozart"]),
    ("oxygen, hydrogen, carbon", ["oxygen"]), ("Oslo, Bergen, Stavanger", ["Oslo"]),
])
def test_three_candidates_are_a_list_whatever_their_length(response, accepted):
    verdict = judge_text(response, accepted)
    assert not verdict.correct
    assert verdict.reason == LIST_REASON


@pytest.mark.parametrize("response, accepted", [
    ("former president Abraham Lincoln", ["Abraham Lincoln"]),  # titles are not candidates
    ("Toronto Ontario Canada", ["Toronto"]),                    # a nested address
    ("Paris is the capital of France", ["Paris"]),
])
def test_descriptions_are_not_candidates(response, accepted):
    assert right(response, accepted)


def test_a_negated_number_is_wrong():
    assert not judge_number("not 1066", 1066).correct
    assert not judge_number("it isn't 206", 206).correct
    assert judge_number("1066, not sure", 1066).correct
