"""Every drafted prompt names what it refers to: the student sees the prompt alone."""

from __future__ import annotations

from bot.core.packs.formats import draft_article
from bot.core.packs.formats.draft_prompt import setting, settle

ORCHARD = ("The Brennock Orchard Replanting Begins\n\n"
           "Growers in Brennock, a hill village, will replant the Tollan Cider orchard this "
           "autumn after the Fenn Valley Trust approved the felling of the old pear rows.\n\n"
           "The felling is expected to take 6 weeks. Yields at the press in the village have "
           "fallen from 90 tonnes in 2015 to 40 tonnes last year.\n\n"
           "A survey by the trust drew 300 replies, of which 64% backed the replanting of the "
           "Tollan Cider orchard. About 38% of the growers still working here are over 60.\n")


def test_a_place_word_becomes_the_place_the_article_names() -> None:
    article = ORCHARD.split("\n\n", 1)[1]
    assert setting("The Brennock Orchard Replanting Begins", article) == "Brennock"
    assert settle("Yields in the village fell to ___ tonnes.", article,
                  "Brennock", article) == "Yields in Brennock fell to ___ tonnes."
    assert settle("About ___ of the growers still working here are over 60.", article,
                  "Brennock", article) == ("About ___ of the growers still working in Brennock "
                                           "are over 60.")
    assert settle("Prices here rose by ___.", article, None, article) is None  # no place named


def test_a_definite_phrase_pointing_back_is_named_from_the_article_or_not_asked() -> None:
    article = ORCHARD.split("\n\n", 1)[1]
    named = settle("___ backed the replanting.", article, None, article)
    assert named is None or "replanting" in named
    assert settle("___ liked the orchard.", article, None, article) == \
        "___ liked the Tollan Cider orchard."
    assert settle("A survey by the trust drew ___ replies.", article, None, article) == \
        "A survey by the Fenn Valley Trust drew ___ replies."
    assert settle("The felling is expected to take ___ weeks.", article, None, article) is None
    assert settle("In the year to March, ___ growers left.", article, None, article) is not None
    assert settle("The cost of that delay is ___.", article, None, article) is None
    assert settle("The museum welcomed ___ visitors.", article, None, "") is not None  # first
    # a relative clause or a prepositional phrase says which by itself
    assert settle("___ of growers work in the region where they trained.", article, None,
                  article + " region") is not None


def test_no_emitted_prompt_carries_a_dangling_place_or_phrase() -> None:
    draft = draft_article(ORCHARD, "orchard.txt")
    prompts = [q.prompt for q in draft.pack.questions]
    assert prompts and not any("The felling is expected" in p for p in prompts)
    assert not any(" here " in p or "in the village" in p for p in prompts)
    assert any("in Brennock" in p for p in prompts)
    assert any("not asked (paragraph 2)" in line and "felling" in line for line in draft.review)


def test_a_possessive_place_and_the_author_s_we_are_resolved_or_not_asked() -> None:
    article = ORCHARD.split("\n\n", 1)[1] + " Brennock district farms. In Brennock it rained."
    assert settle("In the district's own survey, ___ growers said no.", article, "Brennock",
                  article) == "In the Brennock district's own survey, ___ growers said no."
    assert settle("Our presses made ___ tonnes.", article, "Brennock", article) is None
    assert settle("The trust's survey drew ___ replies.", article, None, article) == \
        "The Fenn Valley Trust's survey drew ___ replies."


def test_a_verb_or_adverb_after_the_noun_is_not_taken_for_its_head() -> None:
    article = ORCHARD.split("\n\n", 1)[1] + " The team met. The dataset grew."
    assert settle("Readings came from a network the team built specifically for it: ___ "
                  "sensors.", article, None, article) is None
    assert settle("The average visit in the dataset cost ___.", article, None, article) is None


def test_a_modifier_is_never_swapped_for_a_name_that_starts_with_it() -> None:
    article = "The Cider Board met. The cider market fell. Cider prices in Brennock rose."
    assert settle("Growers blamed the cider slump in Brennock for ___ closures.", article, None,
                  article) == "Growers blamed the cider slump in Brennock for ___ closures."
    assert settle("The cider slump cost ___.", article, None, article) is None
    library = "The Central Library opened. The library service shrank."
    assert settle("The library service must save ___.", library, None, library) is None


def test_full_names_are_never_given_to_a_modifier() -> None:
    from bot.core.packs.formats.draft_refer import with_full_names
    earlier = "The Central Library opened in May."
    assert with_full_names("Cuts hit the library service, staff said.", earlier) == \
        "Cuts hit the library service, staff said."
    assert with_full_names("Cuts hit the library, staff said.", earlier) == \
        "Cuts hit the Central Library, staff said."


def test_hers_and_theirs_need_someone_before_them() -> None:
    from bot.core.packs.formats.draft_refer import dangling_pronoun
    assert dangling_pronoun("A later test gave a date consistent with hers at 95% odds.") == "hers"
    assert dangling_pronoun("Ana Ruiz said a later test matched hers.") is None


def test_the_capital_of_a_place_is_not_the_place() -> None:
    article = "Power comes from Port Annick, the island's capital. The island imports diesel."
    assert settle("The island spent ___ on diesel.", article, None, article) is None
    assert settle("The island spent ___ on diesel.", "Tarn, a small island, imports diesel.",
                  None, "Tarn island") == "Tarn spent ___ on diesel."
