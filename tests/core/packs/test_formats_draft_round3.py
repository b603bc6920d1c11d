"""Round-3 review rules on an invented opinion piece about school buses (another subject)."""

from __future__ import annotations

from bot.core.packs.formats import draft_article
from bot.core.packs.formats.draft_strict import lost_referent

COLUMN = ("Harrowby Should Buy Its Own School Buses\n"
          "By Nia Ford, Education columnist\n\n"
          "Harrowby has a population of about 31,000. Harrowby Council pays £2.4 million a year to "
          "hire buses, up from £1.5 million in 2019.\n\n"
          "The council's transport chief, Mr. Karl Dunn, argues that hired buses are cheaper "
          "than owning a fleet.\n\n"
          "There is something in this. Owning buses means paying for drivers and depots.\n\n"
          "In 2022, the council offered a bonus of £1,000 to any driver who would stay a year.\n\n"
          "Harrowby has to buy its own buses, and the sooner the council accepts that, the "
          "more it will save.\n")


def test_a_closing_call_is_the_thesis_and_the_other_side_and_concession_are_found() -> None:
    review = draft_article(COLUMN, "buses.txt").review
    assert any(line.startswith("# review: thesis (paragraph 5)") for line in review)
    assert not any(line.startswith("# review: concession (paragraph 5)") for line in review)
    assert any(line.startswith("# review: concession (paragraph 3)") for line in review)
    assert any(line.startswith("# review: counter-argument (paragraph 2)") for line in review)


def test_a_place_s_population_is_not_asked_and_a_policy_fact_is_no_author_claim() -> None:
    questions = draft_article(COLUMN, "buses.txt").pack.questions
    assert not any(q.number == 31000 for q in questions)
    bonus = next(q for q in questions if "bonus" in q.prompt)
    assert "author's claim" not in (bonus.explanation or "")  # "who would stay" is no forecast


def test_a_relative_clause_says_which_same_thing_is_meant() -> None:
    assert lost_referent("Most drivers stay in the same town where they trained.", "x") is None
    assert lost_referent("Most drivers stay in the same town.", "x") == "the same town"


def test_an_estimate_the_piece_reports_is_not_called_the_author_s_claim() -> None:
    text = COLUMN.replace("In 2022, the council offered a bonus of £1,000 to any driver who "
                          "would stay a year.", "A new depot is estimated at £3.6 million.")
    depot = next(q for q in draft_article(text, "buses.txt").pack.questions
                 if "depot" in q.prompt)
    assert "author's claim" not in (depot.explanation or "")


def test_no_prompt_on_the_round_3_articles_carries_a_referent_the_reviewer_flagged() -> None:
    from pathlib import Path
    folder = Path(__file__).resolve().parents[2] / "data" / "draft_reviews" / "articles"
    flagged = ("the work", "the town", "the millpond", "the removal”", " here ",
               "that delay", "in the district")
    for slug in ("river-dam-removal", "rural-gp-shortage"):
        pack = draft_article((folder / f"{slug}.txt").read_bytes(), f"{slug}.txt").pack
        assert any(q.id.startswith("who-") for q in pack.questions)  # not only number blanks
        for question in pack.questions:
            assert not any(words in question.prompt for words in flagged), question.prompt


def test_the_size_that_names_the_subject_is_not_blanked() -> None:
    text = ("Harrowby Opens Its Bus Depot\n\n"
            "The 40-bay depot, built by Kell Works for Harrowby Council, will cut hire costs "
            "by 30% once it opens in March.\n\n"
            "Harrowby Council spent £2.4 million on hired buses last year.\n")
    questions = draft_article(text, "depot.txt").pack.questions
    assert not any(q.number == 40 or q.answer == "40" for q in questions)
    assert any(q.number == 2.4 or q.answer == "£2.4 million" for q in questions)
