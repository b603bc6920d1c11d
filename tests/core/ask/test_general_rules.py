"""The general-English rules added for packs of any subject (issue 8's failure classes), each on
packs of subjects other than the bundled article: astronomy, cooking, a town council, a canal."""

from __future__ import annotations

import pytest

from bot.core.ask.analyzer import Vocabulary, canonical, count_focus
from bot.core.ask.checks.kinds import Kind, asks_duration, kinds_in, states_duration
from bot.core.ask.checks.statement import _money_asked, comparative
from bot.core.ask.documents import _sentences
from bot.core.ask.glossary import active
from bot.core.ask.index import KnowledgeIndex
from bot.core.ask.pipeline import _graded, with_name
from bot.core.ask.prior import prior
from bot.core.ask.weights import Tuning
from bot.core.models import Explainer, Pack, Source

SOURCE = Source("Test article", "nobody", "nowhere", "not stated")


# Neighbours, so that a pack's term statistics are those of a real pack, not of one entry.
_OTHERS = {
    "astronomy": (
        Explainer("orbit", "The comet's orbit", "The comet circles the sun every 76 years.",
                  examples=("how often does the comet come back",)),
        Explainer("telescope", "The new telescope",
                  "The observatory's telescope has a mirror 4 metres across.",
                  examples=("how big is the telescope mirror",)),
        Explainer("crater", "The largest crater", "The crater is 2,500 kilometres wide.",
                  examples=("size of the crater",)),
        Explainer("eclipse", "The eclipse",
                  "The eclipse darkened the valley for four minutes; the air grew cooler.",
                  examples=("how long was the eclipse",)),
    ),
    "cooking": (
        Explainer("oven", "Oven heat", "The oven is heated to 230 degrees for the crust.",
                  examples=("how hot is the oven",)),
        Explainer("flour", "Which flour", "A strong wheat flour holds the gas of the yeast.",
                  examples=("what flour to use",)),
        Explainer("loaf", "A tall loaf", "A big loaf needs steam to grow tall in the oven.",
                  examples=("why is my loaf flat",)),
        Explainer("salt", "Salt", "Two percent salt slows the yeast and seasons the loaf.",
                  examples=("how much salt",)),
        Explainer("starter", "The starter",
                  "The sourdough starter is fed flour and water daily; a new one can take a week.",
                  examples=("how is the starter fed",)),
    ),
    "council": (
        Explainer("vote", "The vote", "The council voted 7 to 2 for the new library.",
                  examples=("how did the council vote",)),
        Explainer("site", "The site", "The library will stand on the old market square.",
                  examples=("where will the library be",)),
        Explainer("opening", "Opening day", "The library opens to readers in the spring of 2027.",
                  examples=("when does the library open",)),
        Explainer("hours", "Opening hours", "Readers may borrow books from 9 to 8 on weekdays.",
                  examples=("library hours",)),
        Explainer("parking", "Parking fines", "Parking fines raise money for the town's parks.",
                  examples=("what are parking fines for",)),
    ),
}


def _index(pack_id: str, *explainers: Explainer) -> KnowledgeIndex:
    return KnowledgeIndex([Pack(id=pack_id, title=pack_id, description="d", source=SOURCE,
                                explainers=(*explainers, *_OTHERS.get(pack_id, ())))])


# -- class 2: short, slang and common words ---------------------------------------------------

def test_a_clipped_word_stands_for_the_pack_word_it_begins():
    vocabulary = Vocabulary(["The probe measured the surface temperature of the planet.",
                             "Typically the comet's diameter is known."])
    assert vocabulary.repair("temp") == "temperature"
    assert vocabulary.repair("diam") == "diameter"
    assert vocabulary.repair("typical") != "typically"  # two letters more is a suffix, no clip
    assert vocabulary.repair("tem") is None  # three letters say too little


def test_chat_spellings_of_stopwords_are_stopwords():
    assert canonical("thru") is None and canonical("cuz") is None


def test_chat_spellings_of_question_words_tell_the_kind():
    index = _index("bakery", Explainer("opening", "When the bakery opened",
                                       "The bakery opened in 1998 on Mill Street."))
    assert index.kind("wen did the bakery open") is Kind.TIME
    assert index.kind("wher is the bakery") is Kind.PLACE
    assert index.kind("how many yrs did the bakery stay open") is Kind.TIME


def test_the_english_prior_weighs_common_words_less():
    assert prior("take") < prior("reading") < prior("telescope") == 1.0
    assert prior("2019") == 1.0  # numbers always count in full


def test_common_words_absent_from_the_answering_sentence_cost_less_with_the_prior():
    """ "take", "grow", "big" are in the pack but common English: the sentence that says
    "needs 90 minutes to rise" holds more of the question once they are weighed by the prior."""
    index = _index("cooking", Explainer(
        "proofing", "Proofing the dough",
        "Bread dough needs 90 minutes to rise at room temperature before it is baked.",
        examples=("how long does dough rise",)))
    doc = next(d for d in index.docs if d.key == "proofing")
    shares = {}
    for use_prior in (True, False):
        index.tuning = Tuning(use_prior=use_prior)
        with active(index.glossary):
            index.scope(doc.stats_key)
            shares[use_prior] = index.answers.evidence(
                doc, Kind.TIME, "how long does dough take to grow big", 0.5)[0]
    assert shares[True] > shares[False] + 0.1


def test_locks_of_a_canal_are_not_an_arrest():
    assert canonical("locks") != canonical("arrested")


# -- class 3: "how much X" ----------------------------------------------------------------------

def test_a_comparative_is_what_a_how_much_question_counts():
    assert comparative(count_focus("how much cooler is the shade")) == canonical("cooler")
    assert comparative(count_focus("how many seconds quicker was each stop")) == canonical(
        "quicker")
    assert comparative(count_focus("how many workers were there")) is None  # a plural noun


def test_how_much_cooler_is_answered_by_a_difference():
    index = _index("astronomy", Explainer(
        "night-side", "The night side of the moon",
        "At night the lunar surface is 170 degrees lower than at noon.",
        examples=("night side temperature",)))
    result = index.ask("how much cooler is the lunar surface at night")
    assert result.matched and "170" in result.answer


def test_how_much_money_is_answered_by_an_amount_of_money():
    index = _index("council", Explainer(
        "the-loan", "The council's loan",
        "To finish the new library the council borrowed £120,000 from the county bank.",
        examples=("library loan",)))
    result = index.ask("how much money did the council borrow from the county bank")
    assert result.matched and "120,000" in result.answer


def test_an_amount_of_money_is_what_a_cost_question_counts():
    cost = {canonical("cost")}
    assert _money_asked(cost, "The bridge came to £4.2 million in the end.")
    assert _money_asked(cost, "It came to 300 dollars.")
    assert not _money_asked(cost, "It took 4 years to build.")
    assert not _money_asked({canonical("bridge")}, "The bridge came to £4.2 million.")


# -- class 1: answer kinds --------------------------------------------------------------------

def test_an_age_bound_on_people_is_an_age_and_a_share_is_not():
    assert Kind.AGE in kinds_in("The benefit was largest for residents over 65.")
    assert Kind.AGE in kinds_in("Patients older than 80 were admitted first.")
    assert Kind.AGE not in kinds_in("Attendance among residents over 65 percent of days fell.")


def test_neighbourhoods_and_compass_directions_are_places():
    assert Kind.PLACE in kinds_in("Most patients came from neighbourhoods with few trees.")
    assert Kind.PLACE in kinds_in("The mill stood east of the river.")
    assert Kind.PLACE not in kinds_in("The mill made cloth for a century.")


def test_a_how_long_question_wants_a_span():
    assert asks_duration("how long did the trip take by barge")
    assert asks_duration("how many years did the comet take")
    assert not asks_duration("when did the trip start")
    assert states_duration("A loaded barge needed two days.")
    assert states_duration("A new tree needs 15 to 20 years to shade a street.")
    assert states_duration("The council signed a three-year contract.")
    assert not states_duration("The canal opened in 1847.")


def test_an_entry_titled_who_answers_who_and_its_answer_names_the_person():
    index = _index("cooking", Explainer(
        "head-chef", "Who is Chef Marla Quince?",
        "The restaurant's head cook, who writes the menu every season.",
        examples=("who writes the menu",)))
    result = index.ask("who writes the menu")
    assert result.matched and result.answer.startswith("Chef Marla Quince: The restaurant's")


def test_with_name_leaves_an_answer_that_already_names_the_person():
    answer = "Quince trained in Lyon."
    assert with_name("Who is Chef Marla Quince?", answer) == answer
    assert with_name("Who is Dr. Vell?", "A doctor.") == "Dr. Vell: A doctor."
    assert with_name("The menu", "It changes.") == "It changes."  # not a who-title
    assert with_name("Who was Tycho?", "A Danish astronomer.") == "Tycho: A Danish astronomer."


def test_a_named_person_who_is_not_in_the_entry_is_still_refused():
    index = _index("astronomy", Explainer(
        "comet", "The 1910 comet",
        "The comet returned in 1910 and was seen across Europe for 30 nights.",
        examples=("when did the comet return",)))
    assert index.ask("when did the comet return").matched
    assert not index.ask("when was Halley born").matched


def test_a_well_ranked_entry_answers_an_amount_with_a_weaker_sentence_but_not_a_who():
    """The kind check graded: the sentence holds the count and part of the question ("crowds",
    "rooftops", "nights"), not "glimpse" or "returning"; an exact kind may pass so, a person
    (any capitalised word) may not."""
    index = _index("astronomy", Explainer(
        "comet", "The 1910 comet",
        "The comet returned in 1910 and was seen across Europe for 30 nights; crowds watched "
        "from rooftops.", examples=("when did the comet return",)))
    text = "how many nights did rooftop crowds glimpse the returning comet"
    with active(index.glossary):
        found, query = index.score(text)
        best = found[0]
        assert best.doc.key == "comet"
        assert _graded(index, best, query, text, Kind.QUANTITY)
        assert not _graded(index, best, query, text, Kind.PERSON)
    result = index.ask(text)
    assert result.matched and "30 nights" in result.answer


# -- sentences ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "first"), [
    ("Dr. Asquell argued the canal failed. The author disagrees.",
     "Dr. Asquell argued the canal failed."),
    ("Sensors read the air at 2 p.m. and at 5 p.m. every day. They were new.",
     "Sensors read the air at 2 p.m. and at 5 p.m. every day."),
])
def test_explainer_sentences_are_kept_whole_across_abbreviations(text, first):
    parts = [part for _, part in _sentences("body", text)]
    assert parts[0] == first and len(parts) == 2


def test_a_comparative_the_pack_never_uses_is_everyday_english():
    """ "how much higher", "which is bigger": a comparison word absent from the pack is no sign
    that the question is about another subject (a rare word such as "asthma" is)."""
    index = _index("council")
    assert index._unknown("higher") == index.tuning.common_unknown
    assert index._unknown("quickest") == index.tuning.common_unknown
    assert index._unknown("asthma") == index.tuning.unknown_weight


def test_everyday_phrasing_meets_the_pack_words():
    """ "came up with" proposes (nothing goes up), "busiest" is an everyday superlative, and
    workers are the labourers a history pack writes of."""
    from bot.core.ask.analyzer import analyze
    assert canonical("up") not in analyze("who came up with the plan for the canal")
    assert canonical("propose") in analyze("who came up w the plan")
    assert canonical("labourers") == canonical("workers") == canonical("employees")
    index = _index("council")
    assert index._unknown("busiest") == index.tuning.common_unknown
    assert index._unknown("priest") == index.tuning.unknown_weight  # not a superlative


ARTICLE = """The Corvid Observatory opened on a ridge above Tallow Creek in 1987.

Its main telescope has a mirror 4.1 metres across, ground over three winters by volunteers. On
clear nights the dome opens at dusk and stays open until two hours before dawn.

In 2019 the observatory's staff discovered a faint comet, later named Corvid-Hale, that returns
every 41 years. Local schools visit on the first Friday of each month."""


def test_an_article_alone_answers_from_its_sentences_and_still_refuses():
    """An instructor who only added the article: a sentence is a candidate with its own bar."""
    source = Source("The Corvid Observatory", "nobody", "nowhere", "not stated", text=ARTICLE)
    index = KnowledgeIndex([Pack(id="observatory", title="t", description="d", source=source)])
    result = index.ask("how wide is the mirror of the main telescope")
    assert result.matched and "4.1 metres" in result.answer
    result = index.ask("when did the observatory open")  # below the explainers' bar
    assert result.matched and "1987" in result.answer
    for off in ("what is the capital of australia", "who painted the mona lisa",
                "how many people live in tallow creek"):
        assert not index.ask(off).matched, off


def test_a_symbol_sized_name_or_word_of_another_pack_stays_that_pack_s():
    """A trivia list's "Pt" (platinum) is a name and a subject word there; in a pack where a
    student writes "10 pt" for points it is neither, while a longer name ("Halvorsen") of
    another pack is still a name everywhere."""
    chemistry = Pack(id="chemistry", title="c", description="d", source=SOURCE, explainers=(
        Explainer("platinum", "Platinum", "The symbol of platinum is Pt, as Dr. Halvorsen says."),
    ))
    council = Pack(id="council", title="t", description="d", source=SOURCE,
                   explainers=_OTHERS["council"])
    index = KnowledgeIndex([chemistry, council])
    index.scope("chemistry")
    assert "pt" in index.names and "halvorsen" in index.names
    index.scope("council")
    assert "pt" not in index.names and "halvorsen" in index.names
    assert index._weight("pt") == index.tuning.unknown_weight  # not another subject's word
    assert index._weight("platinum") == index.tuning.foreign_weight
