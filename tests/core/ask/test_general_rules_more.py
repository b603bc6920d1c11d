"""More general-English rules for issue 8's named failure classes, each on packs of subjects
other than the bundled article (astronomy, cooking, a town council), each shown to fail with
the rule turned off (its Tuning switch)."""

from __future__ import annotations

import dataclasses

import pytest

from bot.core.ask.checks.kinds import states_share
from bot.core.ask.index import KnowledgeIndex
from bot.core.ask.weights import Tuning
from bot.core.models import Explainer, Pack, Source
from tests.core.ask.test_general_rules import _OTHERS

SOURCE = Source("Test article", "nobody", "nowhere", "not stated")


def _index(pack_id: str, *explainers: Explainer, tuning: Tuning | None = None) -> KnowledgeIndex:
    return KnowledgeIndex([Pack(id=pack_id, title=pack_id, description="d", source=SOURCE,
                                explainers=(*explainers, *_OTHERS.get(pack_id, ())))], tuning)


# -- class 3: "what percentage" asked of a share written in words --------------------------------

SHARES = [
    ("astronomy", Explainer("visitors", "Who visits the observatory",
                            "One in six visitors to the observatory has never seen the Milky "
                            "Way before their visit."),
     "what percentage of visitors have never seen the milky way", "One in six"),
    ("cooking", Explainer("rye", "Rye in the dough",
                          "About a third of the flour in the country loaf is rye; the rest is "
                          "strong wheat."),
     "what percentage of the flour in the country loaf is rye", "a third"),
    ("council", Explainer("turnout", "Turnout",
                          "Two out of five voters turned out for the library referendum in "
                          "March."),
     "what percent of voters turned out for the library referendum", "Two out of five"),
]


@pytest.mark.parametrize("subject, explainer, question, share", SHARES)
def test_a_percentage_question_is_answered_by_a_share_in_words(subject, explainer, question,
                                                                share):
    result = _index(subject, explainer).ask(question)
    assert result.matched and share in result.answer
    off = dataclasses.replace(Tuning(), ratio_share=False)
    assert not _index(subject, explainer, tuning=off).ask(question).matched  # the rule off


@pytest.mark.parametrize("sentence, share", [
    ("One in six visitors has never seen it.", True),
    ("Two out of every five voters stayed home.", True),
    ("Half the loaves were flat.", True),
    ("Three quarters of the council agreed.", True),
    ("A third of the flour is rye.", True),
    ("The comet returns every 76 years.", False),
    ("The council voted 7 to 2 for the library.", False),
    ("In 1910 one visitor came.", False),
])
def test_a_share_is_a_ratio_or_a_fraction(sentence, share):
    assert states_share(sentence) is share


def test_a_percentage_question_is_still_refused_without_any_share():
    explainer = Explainer("visitors", "Who visits the observatory",
                          "Visitors to the observatory come mostly in the summer months.")
    assert not _index("astronomy", explainer).ask(
        "what percentage of visitors come in the summer").matched
