"""Answer kinds: read off a question's wording, found in a sentence's shape."""

from __future__ import annotations

import pytest

from bot.core.ask.analyzer import words
from bot.core.ask.checks.kinds import Kind, expected_kind, kinds_in, quantity_positions


@pytest.mark.parametrize(("question", "kind"), [
    ("how many troops were sent", Kind.QUANTITY),
    ("how much did it cost", Kind.QUANTITY),
    ("how old is the president", Kind.AGE),
    ("what is the population of the region", Kind.POPULATION),
    ("when did the war start", Kind.TIME),
    ("the treaty, when was it signed", Kind.TIME),
    ("since when is it closed", Kind.TIME),
    ("how long did the siege last", Kind.TIME),
    ("what year was the bridge built", Kind.DATE),
    ("who signed the treaty", Kind.PERSON),
    ("which newspaper broke the story", Kind.PERSON),
    ("the general's real name", Kind.PERSON),
    ("where was the meeting held", Kind.PLACE),
    ("which country sent troops", Kind.PLACE),
    ("who won, and when", Kind.PERSON),  # the earliest question form decides
    ("why did the talks fail", None),
    ("what happens when a leader dies", None),  # "when" as a conjunction
])
def test_expected_kind_reads_the_question_form(question, kind):
    assert expected_kind(words(question)) == kind


def test_kinds_in_finds_the_shape_of_an_answer():
    assert Kind.QUANTITY in kinds_in("The town lost 4,000 jobs.")
    assert Kind.DATE in kinds_in("The mill closed in 1998.")
    assert Kind.DATE not in kinds_in("The mill closed two years later.")
    assert Kind.TIME in kinds_in("The mill closed two years later.")
    assert Kind.AGE in kinds_in("Workers aged 18 to 44 left first.")
    assert Kind.POPULATION in kinds_in("The capital, home to 2 million people, emptied.")
    assert Kind.PERSON in kinds_in("The plan came from Governor Smith.")
    assert Kind.PERSON not in kinds_in("The plan came from nowhere.")
    assert Kind.DATE not in kinds_in("They may close it.")  # the verb, not the month


def test_a_sentence_saying_a_figure_is_missing_answers_how_many():
    assert Kind.QUANTITY in kinds_in("The report gives no data on how many mills exist.")
    assert Kind.PERSON not in kinds_in("The report gives no data on how many mills exist.")


def test_quantity_positions():
    assert quantity_positions(words("lost 4,000 jobs twice, about 24 % more")) == [1, 3, 5, 6]


def test_a_round_count_is_no_year():
    """ "2,000 people" is a count; "in 2019" and "the 2023 study" are years, not counts."""
    from bot.core.ask.checks.kinds import separated_numbers
    sentence = "About 2,000 people died in 2019, the 2023 study says."
    tokens = words(sentence)
    counts = quantity_positions(tokens, True, separated_numbers(sentence))
    assert [tokens[i] for i in counts] == ["2000"]
    bare = "Troops killed 1500 fighters in 2010."
    assert [words(bare)[i] for i in quantity_positions(words(bare), True)] == ["1500"]


def test_a_vague_few_is_no_count():
    assert quantity_positions(words("a few traffickers and several cartels"), True) == []


def test_state_is_not_stats():
    from bot.core.ask.analyzer import canonical
    assert canonical("state") != canonical("stats")
