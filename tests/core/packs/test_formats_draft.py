"""Draft packs from an article: rough, but always valid, sourced and marked as drafts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.errors import PackError
from bot.core.models import Pack, QuestionType
from bot.core.packs.dump import dump_pack
from bot.core.packs.formats import draft_pack
from bot.core.packs.loader import load_pack_text

ARTICLE = Path(__file__).resolve().parents[4] / "shared" / "source" / \
    "cartel-strikes-article.txt"

SMALL = ("In 2007, Mexico registered roughly 11,000 homicides across the country.\n\n"
         "The strategy of going after leaders was begun by President Vicente Fox at the turn\n"
         "of the century. It did not work.\n")


def test_small_text_gives_a_number_question_and_never_blanks_a_name() -> None:
    pack = draft_pack(SMALL, "notes.txt")
    (figure,) = pack.questions  # "President Vicente Fox" would be name recall: not asked
    assert pack.id == "notes" and pack.source.author == "not stated"
    assert figure.type is QuestionType.NUMBER and figure.number == 11000.0
    assert figure.tolerance == 0.05 and figure.tags == ("figure",) and figure.difficulty == 1
    assert figure.prompt == ("Fill in the blank from the article: “In 2007, Mexico registered "
                             "roughly ___ homicides across the country.”")
    assert figure.explanation == ("The article says in paragraph 1: “In 2007, Mexico registered "
                                  "roughly 11,000 homicides across the country.”")
    assert load_pack_text(dump_pack(pack), "again.yaml") == pack


def test_one_paragraph_per_line_when_there_are_no_blank_lines() -> None:
    text = ("The first paragraph mentions nothing worth asking about here.\n"
            "Officials said that 24% of the budget went to the army.\n")
    (question,) = draft_pack(text, "a.txt").questions
    assert question.number == 24.0 and question.tolerance == 0.0
    assert "paragraph 2" in question.explanation and question.unit == "%"
    assert "that ___ of the budget" in question.prompt  # the whole "24%" is the blank


def test_dates_and_codes_are_not_figures_and_years_are_never_asked() -> None:
    assert draft_pack("On April 8, the leaders met 3 times in the capital city.", "a.txt") \
        .questions[0].number == 3.0
    with pytest.raises(PackError):  # an incidental year is the only figure: nothing to ask
        draft_pack("The COVID-19 crisis of the 1980s ended in 1995 for the region.", "a.txt")


def test_long_sentences_get_a_quote_of_at_most_25_words() -> None:
    words = " ".join(f"word{i}" for i in range(40))
    (question,) = draft_pack(f"{words} and then 5,000 more {words}.", "a.txt").questions
    assert question.quote is not None and len(question.quote.split()) <= 25
    assert "5,000" in question.quote


def test_nothing_to_ask_is_one_problem_line() -> None:
    with pytest.raises(PackError) as caught:
        draft_pack("just some lowercase words without figures or names at all.", "a.txt")
    assert caught.value.problems == [
        "a.txt:1: no sentence with a figure worth asking about (years, thresholds, ranges and "
        "names are left to you); write the questions by hand"]


def test_pack_id_is_checked() -> None:
    assert draft_pack(SMALL, "notes.txt", pack_id="week-1").id == "week-1"
    with pytest.raises(PackError, match="not valid"):
        draft_pack(SMALL, "notes.txt", pack_id="Week 1")


@pytest.mark.skipif(not ARTICLE.exists(), reason="the course article is not checked out")
def test_course_article_drafts_a_valid_pack() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    pack = draft_pack(text, ARTICLE.name, pack_id="cartel-draft")
    assert len(pack.questions) >= 3  # an opinion piece with few figures: fewer, better
    assert load_pack_text(dump_pack(pack), "again.yaml") == pack
    flat = " ".join(text.split())
    for question in pack.questions:
        assert question.tags in (("figure",), ("evidence",)) and question.difficulty == 1
        assert question.quote is not None and len(question.quote.split()) <= 25
        assert question.quote in flat  # verbatim
        assert question.explanation.startswith("The article says in paragraph ")
    homicides = [q for q in pack.questions if q.number == 11000.0 or q.answer == "11,000"]
    assert homicides and (homicides[0].type is QuestionType.CHOICE
                          or homicides[0].tolerance == 0.05)  # "roughly 11,000"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300) | st.lists(st.sampled_from(
    ["In 2007 there were 11,000 deaths in the whole country.", "\n", "\n\n", "Vicente Fox said",
     "so.", "On May 3, 4 men left the big city of Culiacán.", "?", "1.5"]), max_size=8)
    .map(" ".join))
def test_any_text_gives_a_pack_or_pack_error(text: str) -> None:
    try:
        pack: Pack = draft_pack(text, "a.txt")
    except PackError as err:
        assert err.problems and all(line.startswith("a.txt") for line in err.problems)
    else:
        assert load_pack_text(dump_pack(pack), "again.yaml") == pack
