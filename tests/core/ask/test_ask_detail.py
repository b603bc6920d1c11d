"""Detail checks of `ask`: a question naming a number, a speaker, an action or a list the
document never gives is refused, while the plain question on the same topic is still answered."""

from __future__ import annotations

import pytest

from bot.core.ask.analyzer import normalize
from bot.core.ask.checks.detail import (
    asked_numbers,
    main_verb,
    numbers_given,
    numbers_in,
    relation_reported,
    relative_names,
)
from bot.core.ask.index import KnowledgeIndex
from bot.core.models import Explainer, Pack, Source

SOURCE = Source("Test article", "nobody", "nowhere", "not stated")


@pytest.fixture(scope="module")
def index() -> KnowledgeIndex:
    pack = Pack(
        id="p", title="P", description="d", source=SOURCE,
        explainers=(
            Explainer("deaths", "Drownings in Norland",
                      "Drownings are the leading cause of death for Norlanders aged 5 to 14. "
                      "In 2019 Norland counted about 3,000 drownings.",
                      examples=("how many drownings in norland",),
                      keywords=("drownings", "2019")),
            Explainer("mayor", "Mayor Alma Berg",
                      "Mayor Alma Berg was elected in 2015 and founded the Harbor Trust. "
                      "The council said the harbor plan was too costly.",
                      examples=("who is alma berg", "who founded the harbor trust"),
                      keywords=("mayor", "berg", "harbor trust", "council")),
        ),
    )
    return KnowledgeIndex([pack])


@pytest.mark.parametrize(("text", "key"), [
    ("how many drownings were there in norland in 2019", "deaths"),
    ("leading cause of death for norlanders under 15", "deaths"),  # a bound off by one
    ("who founded the harbor trust", "mayor"),
    ("what did the council say about the harbor plan", "mayor"),
])
def test_the_detail_given_is_answered(index, text, key):
    assert index.ask(text).explainer == key, text


@pytest.mark.parametrize("text", [
    "how many drownings were there in norland in 2021",  # another year
    "leading cause of death for norlanders over 65",  # another age
    "what did alma berg say about the harbor plan",  # named, never quoted
    "who replaced alma berg as mayor",  # an action never reported
    "how did alma berg die",
    "who was mayor after alma berg",  # a successor the text never names
    "what did alma berg do before becoming mayor",  # an earlier life it never tells
])
def test_a_detail_never_given_is_refused(index, text):
    assert not index.ask(text).matched, text


def test_numbers_are_read_in_any_spelling():
    assert numbers_in("twenty four people, 2k dollars, the 1980s, a 2nd term") >= {
        24, 2000, 1980, 80, 2}
    assert asked_numbers("murders over the last 15 years in 2023") == {2023}
    assert numbers_given({45}, frozenset({18, 44})) and not numbers_given({65}, frozenset({44}))
    assert not numbers_given({2024}, frozenset({2023}))


def test_main_verb_reads_who_and_wh_aux_forms():
    names = frozenset({"berg", "alma"})
    assert main_verb(normalize("who replaced alma berg").split(), names)[0] == "replac"
    assert main_verb(normalize("where was alma berg born").split(), names)[:2] == (
        "born", {"alma", "berg"})
    assert main_verb(normalize("how did the council react").split(), names) is None


def test_a_before_or_after_question_needs_the_relation_next_to_the_name():
    names = frozenset({"berg", "alma", "lund", "olaf"})
    def ask(text: str) -> set[str] | None:
        return relative_names(text.split(), names)

    assert ask("who was mayor after alma berg") == {"alma", "berg"}
    assert ask("what did olaf lund do before becoming mayor") == {"olaf", "lund"}
    assert ask("what happened after the vote") is None
    assert relation_reported(["Before Alma Berg, Olaf Lund ran the town."], {"berg"})
    assert not relation_reported(["After the vote the council, tired and angry, finally went "
                                  "home, and Mayor Alma Berg spoke."], {"berg"})


def test_which_people_were_named_asks_for_a_list_of_them():
    from bot.core.ask.checks.detail import names_asked

    def asked(text: str) -> set[str] | None:
        return names_asked(normalize(text).split(), frozenset({"nbc"}))

    assert asked("which cartel members were named in the nbc report") == {"cartel", "member"}
    assert asked("what are the names of his sons") == {"son"}
    assert asked("who named the cartel") is None
