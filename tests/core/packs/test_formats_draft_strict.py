"""The strict checks of draft_strict.py, each on a short article of its own subject (bees,
ferries, orchestras, bakeries, lighthouses, allotments…), none taken from a reviewed article."""

from __future__ import annotations

import re

import pytest

from bot.core.errors import PackError
from bot.core.models import Question, QuestionType
from bot.core.packs.formats import draft_article
from bot.core.packs.formats.draft_strict import lost_referent
from bot.core.packs.loader import load_pack_text


def asked(text: str) -> list[Question]:
    return list(draft_article(text, "article.txt").pack.questions)


def values(text: str) -> list[float | str | None]:
    return [q.number if q.type is QuestionType.NUMBER else _value(q.answer) for q in asked(text)]


def _value(answer: str | None) -> float | str | None:
    """A choice question's answer as the number it writes ("410,000 tons" → 410000.0)."""
    match = re.search(r"\d[\d,]*(?:\.\d+)?", answer or "")
    return float(match.group().replace(",", "")) if match else answer


def test_a_definite_noun_phrase_the_article_never_introduced_is_a_lost_referent() -> None:
    earlier = "Beekeepers on the island set up a cooperative in 2019."
    assert lost_referent("The shed cost £3,200 to build.", earlier) == "The shed"
    assert lost_referent("The cooperative sold 900 jars of honey.", earlier) is None
    assert lost_referent("The current price is £6 a jar.", earlier) == "The current"
    assert lost_referent("The proposed cooperative would sell 900 jars.", earlier) == \
        "The proposed"  # contrasts with one named before, even when the noun was named
    assert lost_referent("Over the two years since its opening, sales rose 30 percent.",
                         earlier) == "its"
    assert lost_referent("The town bought 40 hives.", earlier) is None  # the article's locale
    assert lost_referent("The median yield across all the hives was 9 kilograms.", earlier) \
        is None  # a phrase that says which itself
    assert lost_referent("It sold 900 jars of honey.", earlier) == "It"
    assert lost_referent("Selling it cost the keepers £400.", earlier) == "it"
    assert lost_referent("This year 12 keepers joined.", earlier) is None  # dates, points nowhere
    assert lost_referent("Since then 40 hives have been added.", earlier) == "Since then"
    assert lost_referent("Honey sales rose 30 percent over the same period.", earlier) == \
        "the same period"
    assert lost_referent("Crops such as clover feed 40 hives.", earlier) is None
    assert lost_referent("The shed cost £3,200.", "") is None  # the opening sentence introduces


def test_a_lost_referent_is_asked_with_the_sentence_before_or_held_back_as_a_note() -> None:
    article = ("Island Bees Thrive\n\n"
               "Beekeepers on Tarn founded a cooperative in 2019 and built a wooden "
               "honey house beside the harbour. The structure cost £3,200, most of it raised "
               "at a summer fair.\n\n"
               "The extractor handles 900 jars of honey in a single day.\n")
    draft = draft_article(article, "bees.txt")
    (question,) = draft.pack.questions
    assert question.number == 3200.0
    assert "built a wooden honey house beside the harbour. The structure cost ___" in \
        question.prompt  # the sentence before says what "the structure" is
    assert any(line.startswith("# review: not asked (paragraph 2): “The extractor”")
               for line in draft.review)  # first in its paragraph: nothing to resolve it
    assert load_pack_text(draft.yaml(), "bees.yaml") == draft.pack


def test_day_of_a_date_age_locating_distance_and_membership_are_not_blanked() -> None:
    assert values("The ferry will stop running on 3 October, after 41 years of service.") == \
        [41.0]
    assert values("Pilots close the harbour between 1 April and 31 May for nesting terns, "
                  "when 18 sailings a week are cancelled.") == [18.0]
    with pytest.raises(PackError):  # a vignette of a person introduced by age: all trivia
        values("Agnes Brody, 71, has sold 2,400 loaves from her bakery this year.")
    assert values("The lighthouse stands 14 kilometres from the harbour and guided 3,100 "
                  "ships last year.") == [3100.0]
    assert values("The river rose by 2.4 metres in the night.") == [2.4]  # a finding, not a place
    assert values("Homes within 200 metres of the quarry reported 3 times more dust.") == [3.0]
    assert values("The pier, built at 300 feet long, drew 5,200 anglers last year.") == [5200.0]
    assert values("The guild's chair, Ola Berg, who keeps 30 hives, said sales rose 9 percent.") \
        == [9.0]
    assert values("The allotment society, which has 140 registered members, grew 6 tonnes of "
                  "potatoes.") == [6.0]
    assert values("The orchestra's 62 players performed for 8,500 people in the park.") == \
        [8500.0]  # a possessive descriptor sets the scene; the audience is the finding


def test_the_author_s_own_arithmetic_is_a_review_note_not_a_cloze() -> None:
    article = ("Harbour fees raise £800,000 a year for the port. Subtract the £200,000 spent "
               "on collection and the net gain is roughly £600,000.\n")
    draft = draft_article(article, "fees.txt")
    assert [q.number for q in draft.pack.questions] == [800000.0]
    assert any(line.startswith("# review: the author's own arithmetic (paragraph 1)")
               for line in draft.review)


def test_no_question_prints_another_question_s_answer() -> None:
    article = ("Ferries Return\n\n"
               "The new ferry carried 52,000 passengers in its first summer on the crossing.\n\n"
               "Ticket income reached £1.3 million, and officials credited the 52,000 "
               "passengers who tried the new route.\n")
    draft = draft_article(article, "ferry.txt")
    (question,) = draft.pack.questions  # asking both would print one answer in the other prompt
    printed_elsewhere = "52,000" in question.prompt or "1.3 million" in question.prompt
    assert not printed_elsewhere or question.number not in (52000.0, 1.3)
    assert question.number == 52000.0  # stated twice: the more important figure is kept


def test_a_number_word_counting_something_else_gives_nothing_away() -> None:
    article = ("Weavers at the Hale Mill earned 2 shillings a day in the first winter.\n\n"
               "Two years later, a fever swept the Hale Mill cottages and killed 31 people.\n")
    assert values(article) == [2.0, 31.0]  # "Two years" is no "2 shillings"


def test_a_survey_s_sample_size_is_not_blanked_but_its_finding_is() -> None:
    assert values("Residents sent 1,870 responses, and 64 percent of them backed the new "
                  "cycle lanes.") == [64.0]
    assert values("A survey found that only one in four of the 640 households questioned had "
                  "a smoke alarm, and 12 percent had two.") == [12.0]
    assert values("An analysis by the Rowan Trust of 96 bakeries found that flour costs rose "
                  "22 percent in a year.") == [22.0]


def test_an_example_in_passing_and_a_start_the_percent_change_gives_are_not_blanked() -> None:
    assert values("Repairs to lighthouses such as the oldest one, which is 140 years old, cost "
                  "£2.3 million.") == [2.3]
    with pytest.raises(PackError):  # each of the three figures gives the other two
        values("Choir numbers fell from 4,000 in 2010 to 3,400 now, a drop of 15 percent, "
               "across the county.")
    with pytest.raises(PackError):  # (5,100 - 4,300) / 5,100 = 15.7: "roughly 16" is given
        values("Members fell from 5,100 in 2014 to about 4,300 today, a drop of roughly 16 "
               "percent.")


def test_exact_figures_are_judged_exactly_and_only_rounded_ones_get_a_tolerance() -> None:
    (exact,) = asked("Volunteers planted 2,314 oak saplings along the valley floor.\n")
    (rough,) = asked("Rangers counted about 480 red squirrels in the woods this spring.\n")
    assert (exact.number, exact.tolerance) == (2314.0, 0.0)
    assert (rough.number, rough.tolerance) == (480.0, 0.05)


def test_explanations_quote_the_passage_and_opinion_prompts_name_whose_claim() -> None:
    article = ("Opinion: The Museum Should Stay Free\n"
               "By Lena Sato, Columnist\n"
               "May 4, 2025\n\n"
               "I believe charging for entry would empty the galleries. "
               "The Kell Museum welcomed 410,000 visitors last year. That figure has not been "
               "audited.\n")
    (question,) = asked(article)
    assert question.prompt.startswith("According to the author, Lena Sato, fill in the blank: ")
    assert question.explanation == (
        "The article says in paragraph 1: “The Kell Museum welcomed 410,000 visitors last year. "
        "That figure has not been audited.”")  # a count the author reports is no claim
    (forecast,) = asked(article.replace("The Kell Museum welcomed 410,000 visitors last year",
                                        "Charging would cost the town 410,000 visitors a year"))
    assert forecast.explanation.endswith("This is the author's claim, not a settled fact.")
    assert "check and rewrite" not in question.explanation
