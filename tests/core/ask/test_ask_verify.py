"""The second look at an answer: names alone never answer, the asked action must be stated."""

from __future__ import annotations

import pytest

from bot.core.ask.analyzer import canonical, words
from bot.core.ask.checks.kinds import quantity_positions
from bot.core.ask.checks.statement import name_terms, predicate_share, related
from bot.core.ask.index import KnowledgeIndex
from bot.core.models import Explainer, Pack, Source

PROSE = ["Former Defense Secretary Mark Esper wrote a memoir about the cartel strikes.",
         "Rival cartels fought after Esper left; the cartel split."]


def test_names_are_words_written_capitalised_inside_a_sentence_only():
    names = name_terms(PROSE)
    assert {"esper", "defens", "secretary"} <= names
    assert "cartel" not in names and "memoir" not in names and "former" not in names


@pytest.mark.parametrize(("asked", "stated", "agent", "same"), [
    ("publish", "publication", False, True),
    ("violently", "violence", False, True),
    ("found", "founder", False, False),  # the founder is a person, not a date of founding
    ("found", "founder", True, True),  # … and the answer to "who founded"
    ("state", "statistic", False, False),  # short stems need an exact match
])
def test_word_families(asked, stated, agent, same):
    assert related(asked, stated, agent) is same


def test_predicate_share_ignores_names_and_gives_names_only_questions_the_empty_value():
    names = frozenset({"esper"})
    weight = {"esper": 5.0, "becom": 1.0, "memoir": 1.0}.get
    held = {"esper", "memoir"}.__contains__
    assert predicate_share(["esper", "becom"], names, weight, held) == 0.0
    assert predicate_share(["esper", "memoir"], names, weight, held) == 1.0
    assert predicate_share(["esper"], names, weight, held, empty=0.0) == 0.0


def test_a_share_or_a_year_is_no_count():
    tokens = words("deaths fell by 24% between 2023 and 2024, 30,000 homicides")
    assert [tokens[i] for i in quantity_positions(tokens, count=True)] == ["30000"]


def test_irregular_verbs_meet_their_base_form():
    assert canonical("led") == canonical("leads") and canonical("fought") == canonical("fight")


@pytest.fixture(scope="module")
def index() -> KnowledgeIndex:
    source = Source("Test article", "nobody", "nowhere", "not stated")
    pack = Pack(id="p", title="P", description="d", source=source, explainers=(
        Explainer("memoir", "Esper's memoir",
                  "A year after Trump fired him, former Defense Secretary Mark Esper published "
                  "a memoir.", examples=("when did esper publish his memoir",),
                  keywords=("esper", "memoir")),
        Explainer("gang", "The Chapitos",
                  "The Chapitos, the wing led by the boss's sons, fight El Mayo's faction.",
                  examples=("who are the chapitos",), keywords=("chapitos",)),
    ))
    return KnowledgeIndex([pack])


@pytest.mark.parametrize("text", [
    "when did esper become defense secretary",  # names all there, the action is not
    "how long was esper defense secretary",  # names only: no amount of time is stated of them
    "what year did esper retire from the army",
])
def test_typed_question_whose_action_is_not_stated_is_refused(index, text):
    assert not index.ask(text).matched, text


@pytest.mark.parametrize(("text", "key"), [
    ("when did esper publish his memoir", "memoir"),
    ("who leads the chapitos", "gang"),  # "led" in the text
])
def test_typed_question_whose_action_is_stated_is_answered(index, text, key):
    result = index.ask(text)
    assert result.matched and result.explainer == key, (text, result)


def test_a_question_about_the_present_needs_a_passage_about_the_present(index):
    assert index.ask("who leads the chapitos").matched
    assert not index.ask("who leads the chapitos now").matched  # only a past/general fact
    assert not index.ask("who leads the chapitos today").matched
