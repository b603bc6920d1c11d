"""Failure class 1 (issue 8, round 4): a near-subject question that names only what the pack
names and asks for an attribute the passage never states (a price, pay, a founding, staff, a
closing, funding, a rate) is refused; asked of a passage that does state it, it is answered.
Each case is a pack of another subject than the bundled article (astronomy, cooking, a town
council), shown to fail with the `heads` check turned off."""

from __future__ import annotations

import dataclasses

import pytest

from bot.core.ask.checks.heads import asked_heads, counts_focus, heads_ok
from bot.core.ask.index import KnowledgeIndex
from bot.core.models import Explainer, Pack, Source
from tests.core.ask.test_general_rules import _OTHERS

_SURVEY = Explainer("survey", "The Orrin sky survey",
                    "The Orrin sky survey mapped 40,000 galaxies over six years.",
                    examples=("what did the orrin sky survey map",))
_MARKET = Explainer("market", "The Dunmore market",
                    "The Dunmore market moved to the old station yard in 2019.",
                    examples=("where is the dunmore market",))
_CLERK = Explainer("clerk", "The town clerk",
                   "The town clerk, Ada Venn, keeps the minutes of every council meeting.",
                   examples=("who is the town clerk",))
_POOL = Explainer("pool", "The Brackley pool",
                  "The council reopened the Brackley pool in 2022 after a new roof.",
                  examples=("when did the brackley pool reopen",))

SOURCE = Source("Test article", "nobody", "nowhere", "not stated")


def _index(pack_id: str, *explainers: Explainer) -> KnowledgeIndex:
    return KnowledgeIndex([Pack(id=pack_id, title=pack_id, description="d", source=SOURCE,
                                explainers=(*explainers, *_OTHERS.get(pack_id, ())))])


UNSTATED = [
    ("astronomy", _SURVEY, "what did the orrin sky survey cost"),
    ("astronomy", _SURVEY, "what was the price of the orrin sky survey"),
    ("cooking", _MARKET, "why did the dunmore market close"),
    ("council", _CLERK, "what does the town clerk earn"),
    ("council", _POOL, "was the new roof of the brackley pool funded by the council"),
]


@pytest.mark.parametrize("subject, explainer, question", UNSTATED)
def test_an_asked_attribute_the_passage_never_states_is_refused(subject, explainer, question):
    index = _index(subject, explainer)
    assert not index.ask(question).matched
    index.disabled = frozenset({"heads"})
    assert index.ask(question).explainer == explainer.id  # the rule off: the nearest entry


STATED = [
    ("astronomy", Explainer("survey", "The Orrin sky survey",
                            "The Orrin sky survey mapped 40,000 galaxies and cost 12 million "
                            "dollars."), "what did the orrin sky survey cost"),
    ("cooking", Explainer("market", "The Dunmore market",
                          "The Dunmore market closed in 2019 when the station yard was sold."),
     "why did the dunmore market close"),
    ("council", Explainer("clerk", "The town clerk",
                          "The town clerk, Ada Venn, is paid 41,000 pounds a year."),
     "what does the town clerk earn"),
    ("council", Explainer("pool", "The Brackley pool",
                          "A county grant funded the new roof of the Brackley pool in 2022."),
     "was the new roof of the brackley pool funded by the council"),
]


@pytest.mark.parametrize("subject, explainer, question", STATED)
def test_a_stated_attribute_is_answered(subject, explainer, question):
    assert _index(subject, explainer).ask(question).explainer == explainer.id


def test_heads_are_read_from_the_question_wording():
    assert [h.name for h in asked_heads("how much does a ticket cost")] == ["price"]
    assert [h.name for h in asked_heads("who paid for the new roof")] == ["pay", "funding"]
    assert asked_heads("how close to the river is the school") == ()
    assert asked_heads("what did the survey find") == ()
    assert [h.name for h in asked_heads("how many people work at the plant")] == ["staff"]
    assert [h.name for h in asked_heads("when was the institute founded")] == ["founding"]


@pytest.mark.parametrize("question, entry, answer, ok", [
    ("when was the institute founded", {"establish"}, "It was set up in 1901.", True),
    ("when was the institute founded", {"institut"}, "The institute ran the study.", False),
    ("how many people work at the plant", {"plant"}, "The plant makes 40 MW.", False),
    ("how many people work at the plant", {"plant"}, "The plant employs 60 staff.", True),
    ("what is the birth rate", {"birth"}, "Births rose by 4% in 1990.", True),
    ("what is the birth rate", {"rat"}, "Births rose in 1990.", False),  # rate: in the answer
    ("what was the hottest day on record", {"day"}, "The hottest day was 3 July.", False),
    ("how far is the island from the coast", {"island"}, "The island has 900 people.", False),
    ("how far is the island from the coast", {"island"}, "It lies 40 km off the coast.", True),
    ("how far did prices fall", {"pric"}, "Prices fell by a third.", True),  # an extent
])
def test_each_head_needs_its_family_in_the_passage(question, entry, answer, ok):
    assert heads_ok(question, entry, answer) is ok


# -- "how many X": a number of X, not any number of the entry -----------------------------------

UNCOUNTED = [
    ("astronomy", Explainer("domes", "The Keel Ridge observatory",
                            "The Keel Ridge observatory's white domes stand at 2,400 metres.",
                            examples=("how high is keel ridge",)),
     "how many domes does the keel ridge observatory have",
     "The Keel Ridge observatory's three white domes stand at 2,400 metres."),
    ("cooking", Explainer("bakery", "The Marlow bakery",
                          "The Marlow bakery bakes its loaves in 2 ovens at 230 degrees.",
                          examples=("how does the marlow bakery bake",)),
     "how many loaves does the marlow bakery bake",
     "The Marlow bakery bakes 300 loaves in 2 ovens at 230 degrees."),
    ("council", Explainer("library", "The new library",
                          "The council voted 7 to 2 to build the new library, with computers "
                          "for 40,000 members.", examples=("how many members will it have",)),
     "how many computers will the new library have",
     "The council voted 7 to 2 to build the new library, with 40 computers for its members."),
]


@pytest.mark.parametrize("subject, explainer, question, counted", UNCOUNTED)
def test_how_many_needs_a_number_of_the_thing_counted(subject, explainer, question, counted):
    index = _index(subject, explainer)
    assert not index.ask(question).matched
    index.disabled = frozenset({"heads"})
    assert index.ask(question).explainer == explainer.id  # the rule off: any number will do
    stated = dataclasses.replace(explainer, short=counted)
    assert _index(subject, stated).ask(question).explainer == explainer.id


def test_loose_counts_are_left_to_the_kind_check():
    assert counts_focus("how many times did the comet return", "It came back twice.")
    assert counts_focus("how many people came", "The fair drew a crowd of 4,000.")
    assert not counts_focus("how many domes are there", "The domes stand at 2,400 metres.")
    assert counts_focus("how many domes are there", "Its 3 white domes stand on the ridge.")
