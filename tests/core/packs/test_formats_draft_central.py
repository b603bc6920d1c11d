"""The drafter asks the central facts, attributes them rightly and keeps its prompts readable,
each rule on a short article of its own subject (ferries, orchards, choirs, lighthouses…),
none taken from a reviewed article."""

from __future__ import annotations

from bot.core.models import Question, QuestionType
from bot.core.packs.formats import draft_article
from bot.core.packs.formats.draft_choice import distractors
from bot.core.packs.formats.draft_refer import dangling_pronoun, with_full_names
from bot.core.packs.formats.draft_strict import lost_referent
from bot.core.packs.formats.draft_text import figures


def asked(text: str) -> list[Question]:
    return list(draft_article(text, "article.txt").pack.questions)


def test_a_proper_name_and_a_pronoun_with_its_noun_in_the_sentence_are_not_lost() -> None:
    earlier = "Orchards on the hill were replanted in 2019."
    assert lost_referent("The Harwick Apple Growers Union sold 900 tonnes of fruit.",
                         earlier) is None  # a name, never "The harwick"
    assert lost_referent("Until this spring the union stored its apples in a barn that holds "
                         "about 4,000 crates.", earlier) is None  # "its" = the union
    assert lost_referent("Each extra crate of cider it can sell widens that margin, and output "
                         "was capped at 410 tonnes.", earlier) == "that margin"
    assert dangling_pronoun("Each extra crate of cider it can sell pays 40 pence.") == "it"
    assert dangling_pronoun("Holloway said she sold 40 crates.") is None
    assert lost_referent("Growers who have tried this for 30 years agree on this more than "
                         "anything.", earlier) == "this"


def test_a_definite_noun_the_article_named_in_full_is_printed_in_full() -> None:
    earlier = "Divers from the Kelso Marine Trust and the harbour council counted seals."
    assert with_full_names("The trust will count seals every summer.", earlier) == \
        "The Kelso Marine Trust will count seals every summer."
    assert with_full_names("The town paid for it.", "the Kelso Town Council met") == \
        "The town paid for it."  # the article's own setting stays as it is
    two = "the Kelso Marine Trust and the Wren Bird Trust"
    assert with_full_names("The trust counted 40 seals.", two) == "The trust counted 40 seals."


REPORT = """Ferry Line Returns to the Island
By Mira Castell, Transport Correspondent
May 4, 2025

The Tarn Island Ferry Company carried 52,000 passengers in its first summer, up from 31,000 \
on the old boat. "I think the island has been waiting for this," said Ana Ruiz, who runs the \
harbour café.

The company expects fuel costs to be around 30 per cent lower than last year's.
"""


def test_a_news_report_is_not_an_argued_case_and_names_its_sources() -> None:
    draft = draft_article(REPORT, "ferry.txt")
    assert not any("argues a case" in line for line in draft.review)  # a quoted "I think"
    for question in draft.pack.questions:
        assert "According to the author" not in question.prompt
        assert "author's claim" not in (question.explanation or "")
        assert "paragraph" in (question.explanation or "")


def test_colour_is_not_asked_population_tenure_and_an_opening_span() -> None:
    article = ("For 40 years, the lighthouse on Gull Point stood empty and dark.\n\n"
               "Keeper Tom Hale, lamp keeper for 16 years, relit the lamp for £210,000.\n\n"
               "For Brenmouth, a fishing town of about 7,400 people, the light is a relief.\n")
    assert [q.number for q in asked(article)] == [210000.0]


def test_only_the_most_central_facts_are_kept_and_no_more_than_ten() -> None:
    paragraphs = ["The Kell Choir sings in Dunmore."] + [
        f"The choir's ticket income rose to £{n},400 in {2000 + n}, up from £{n},100."
        for n in range(10, 26)]
    article = "Choir Ticket Income Climbs\n\n" + "\n\n".join(paragraphs) + "\n"
    assert 4 <= len(asked(article)) <= 10


def test_a_headline_figure_in_title_case_is_not_asked() -> None:
    article = ("Council Should Not Borrow £74 Million for a Stadium\n"
               "By Ann Lee, Columnist\n\n"
               "I believe the council should not borrow £74 million for a stadium.\n\n"
               "Councillors will decide next week whether to borrow £74 million for the club.\n\n"
               "The Dunmore club's rent would start at £3.2 million a year, rising with "
               "inflation.\n")
    assert all("74" not in str(q.number or q.answer) for q in asked(article))


def test_distractors_are_believable_values_of_the_same_kind_and_far_enough_apart() -> None:
    (fee,) = figures("The fee is £3.1 million a year.")
    wrong = distractors(fee, taken=[3.2, 3.0])  # the article prints these: never offered
    assert wrong is not None and len(wrong) == 3
    values = sorted([3.1] + [float(w.split()[0].lstrip("£")) for w in wrong])
    assert all(w.startswith("£") and w.endswith(" million") for w in wrong)
    assert all(b / a >= 1.15 for a, b in zip(values, values[1:], strict=False))
    (share,) = figures("About 80 per cent voted yes.")
    assert all(float(w.split()[0]) < 100 for w in distractors(share, taken=[]) or [])
    (few,) = figures("Only 2 farms left.")
    assert distractors(few, taken=[]) is None  # too small to vary believably


def test_a_rounded_restatement_of_an_asked_amount_is_not_asked_again() -> None:
    article = ("Servicing the loan would cost £3.1 million a year in repayments.\n\n"
               "Residents will notice if another £3 million has to be found in a bad year.\n")
    questions = asked(article)
    assert len(questions) == 1 and questions[0].type is QuestionType.NUMBER


def test_the_size_of_a_subject_and_a_figure_in_an_aside_are_not_blanked() -> None:
    article = ("A shipment of 300 crates sent to the port in spring rotted on the quay and had "
               "to be sold for pulp.\n\n"
               "If the mill closes, as it nearly did in 2009 when it owed £4.1 million, the "
               "town loses its biggest employer.\n\n"
               "The Gorran Paper Mill now employs 212 people, up from 150 in 2015.\n")
    assert [q.number or q.answer for q in asked(article)] == [212.0]


def test_a_relative_that_and_an_adjective_former_point_nowhere() -> None:
    earlier = "The harbour board met on Monday."
    assert lost_referent("In 2011 the board spent £46 million on a ferry terminal that was "
                         "expected to bring cruise ships.", earlier) is None
    assert lost_referent("Gorran Mills wants to build 300 homes on the former gasworks site.",
                         earlier) is None
    assert lost_referent("The former is cheaper by £2 million.", earlier) is not None


def test_a_figure_weighed_against_another_in_its_paragraph_outranks_a_lone_count() -> None:
    from bot.core.packs.formats.draft_rank import Centrality
    sentence = "The pier drew a crowd of 5,870 last summer."
    (crowd,) = figures(sentence)
    weighed = Centrality("Pier Crowds", [f"{sentence} Its capacity is 9,200.", "Gulls nest."])
    alone = Centrality("Pier Crowds", [f"{sentence} Its paint is blue.", "Gulls nest."])
    assert weighed.score(sentence, crowd, 1) > alone.score(sentence, crowd, 1)


def test_a_sentence_restating_the_headline_amount_is_not_mined_for_side_numbers() -> None:
    article = ("Town Should Not Spend £9 Million on a Marina\n\n"
               "Next week, 31 councillors will decide whether to spend £9 million on a marina.\n\n"
               "Harbour master Ann Roe says the quay needs £400,000 of repairs.\n")
    assert [q.number for q in asked(article)] == [400000.0]


def test_a_passive_names_no_source_but_a_named_estimate_does() -> None:
    article = ("Opinion: Keep the Night Ferry\nBy Jo Pike, Columnist\n\n"
               "I believe the ferry is worth keeping.\n\n"
               "In 2011 the port spent £46 million on a terminal that was expected to bring "
               "cruise ships.\n\n"
               "The Tarn Harbour Board estimates that the Tarn ferry earns £2.6 million a year.\n")
    leads = {q.number or q.answer: q.prompt.split("“")[0] for q in asked(article)}
    assert any(k in (46.0, "£46 million") and v.startswith("According to the author, Jo Pike")
               for k, v in leads.items())
    assert any(k in (2.6, "£2.6 million") and "According to the author" not in v
               for k, v in leads.items())  # the board is named as the source


def test_a_choice_question_asks_a_plain_question_of_its_kind() -> None:
    article = ("The Tarn Island Ferry Company carried 52,000 passengers last summer.\n\n"
               "The Tarn Island Ferry Company spent £1.4 million on a new boat in 2024.\n")
    choice = next(q for q in asked(article) if q.type is QuestionType.CHOICE)
    assert choice.prompt.startswith("In the article, which amount completes the sentence? “")


def test_the_comparison_group_s_threshold_is_not_blanked() -> None:
    article = ("Streets with less than 10 percent shade had 2.3 times the falls seen on streets "
               "with more than 40 percent.\n")
    assert [q.number for q in asked(article)] == [2.3]


def test_another_amount_points_back_at_one_the_prompt_does_not_show() -> None:
    assert lost_referent("The board will still have to find another £2.5 million elsewhere.",
                         "The board met.") == "another"


def test_distractors_are_written_like_amounts_with_thousands_separators() -> None:
    (fee,) = figures("A licence costs $800 a year.")
    assert any("," in w for w in distractors(fee, taken=[]) or [] if float(
        w.lstrip("$").replace(",", "")) >= 1000)
