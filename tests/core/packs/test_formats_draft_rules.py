"""The drafter's rules for what is worth blanking, each on a short article of its own subject
(seals, schools, wind farms, museums, rivers…): none of them is tuned to one article."""

from __future__ import annotations

import re

import pytest

from bot.core.errors import PackError
from bot.core.models import Question, QuestionType
from bot.core.packs.formats import draft_article, draft_pack
from bot.core.packs.loader import load_pack_text


def asked(text: str) -> list[Question]:
    return list(draft_pack(text, "article.txt").questions)


def answers(text: str) -> list[float | str | None]:
    return [q.number if q.type is QuestionType.NUMBER else _value(q.answer) for q in asked(text)]


def _value(answer: str | None) -> float | str | None:
    """A choice question's answer as the number it writes ("410,000 tons" → 410000.0)."""
    match = re.search(r"\d[\d,]*(?:\.\d+)?", answer or "")
    return float(match.group().replace(",", "")) if match else answer


def test_names_places_and_organisations_are_never_blanked() -> None:
    text = ("The Kelso Marine Trust asked Professor Ana Ruiz of Tarn University to lead the "
            "survey.\n\n"
            "The trust's divers counted 1,240 grey seals on the northern rocks.\n")
    (question,) = asked(text)
    assert question.number == 1240.0 and "___ grey seals" in question.prompt
    with pytest.raises(PackError):
        draft_pack("The Kelso Marine Trust asked Professor Ana Ruiz to lead the survey.", "a.txt")


def test_the_finding_is_blanked_not_its_threshold_denominator_or_base() -> None:
    assert answers("Pupils with fewer than 5 absences scored 12 percent higher on the test.") \
        == [12.0]
    assert answers("Among students aged 16 and older, attendance reached 91 percent last year.") \
        == [91.0]
    assert answers("On the wettest 10 percent of days, river levels rose by 2.4 metres.") == [2.4]
    assert answers("The clinic saw 380 of the 2,900 patients referred in its first winter.") \
        == [380.0]
    assert answers("Yields rose 6.5 percent for every 100 hectares of restored wetland nearby.") \
        == [6.5]
    assert answers("Wells shallower than 30 metres held 3.5 times more nitrate than the rest.") \
        == [3.5]
    assert answers("Only 1 in 5 eligible households joined the insulation scheme, which cost "
                   "$380,000.") \
        == [380000.0]  # "1 in 5" is one fact: neither end is blanked
    assert answers("When the river reached 14 feet in the night, the town evacuated 620 homes "
                   "before dawn.") == [620.0]  # the opening clause sets the scene


def test_a_target_level_is_not_blanked_when_the_outcome_is_stated() -> None:
    assert answers("Raising every school to at least 30 percent green space would cut "
                   "playground injuries by about 1,200 a year.") == [1200.0]
    assert answers("Sales rose to at least 4,000 copies.") == [4000.0]  # no outcome: the finding


def test_an_answer_the_prompt_computes_or_the_headline_gives_is_not_asked() -> None:
    with pytest.raises(PackError):  # 40,000 × $15 = $600,000: every figure gives the others
        draft_pack("The museum sold 40,000 tickets at $15 each, bringing in $600,000 in all.",
                   "a.txt")
    with pytest.raises(PackError):  # 2012 + eleven years: a year, and computable anyway
        draft_pack("The bridge opened in 2023, eleven years after work began in 2012.", "a.txt")
    # a number word never multiplies, and "twice" is no printed 2
    assert answers("Drovers took three days on the road, and a sheep bought for 8 crowns sold "
                   "for 24 crowns at the fair.") == [8.0]
    assert answers("Weavers earned 2 shillings a day, more than twice a shepherd's wage.") \
        == [2.0]
    with pytest.raises(PackError):  # half of the 800 farms is 400
        draft_pack("Only half of the 800 farms, some 400 in all, joined the scheme.", "a.txt")
    article = ("Thirty-Two Turbines Off the Coast\n\n"
               "The new wind farm has 32 turbines standing in deep water off the cape.\n\n"
               "Each one can power 1,800 homes when the wind blows at full strength.\n")
    assert answers(article) == [1800.0]  # the headline already says 32 turbines


def test_ends_of_a_range_are_not_blanked_but_a_change_from_one_figure_to_another_is() -> None:
    with pytest.raises(PackError):
        draft_pack("A young oak typically needs 30 to 40 years to produce its first acorns.",
                   "a.txt")
    with pytest.raises(PackError):
        draft_pack("Most of the patients waited between 3 and 5 hours for a bed that night.",
                   "a.txt")
    assert answers("The village grew from about 900 in 1901 to 4,300 by the census of 1951.") \
        == [900.0]


def test_hypotheticals_signposts_and_quotations_are_not_facts() -> None:
    with pytest.raises(PackError):
        draft_pack("Suppose only half of the 800 farms joined the scheme in its first year.\n\n"
                   "My second argument is about the 12 schools that would benefit most.\n\n"
                   "“We planted 5,000 trees and lost most of them,” the warden said sadly.\n",
                   "a.txt")


def test_distractors_are_of_the_same_kind_plausible_size_and_not_in_the_prompt() -> None:
    article = ("The theatre sold £92,000 in tickets over the summer, up from £61,000.\n\n"
               "The Quay Players staged 31 plays, compared with 18 the year before.\n")
    questions = asked(article)
    choices = [q for q in questions if q.type is QuestionType.CHOICE]
    assert choices
    for question in choices:
        values = sorted(_value(c) for c in question.choices)  # type: ignore[type-var]
        assert len(values) == 4 and question.answer in question.choices
        assert all(b / a >= 1.15 for a, b in zip(values, values[1:], strict=False))  # apart
        for choice in question.choices:
            assert choice == question.answer or choice not in question.prompt
            assert _value(choice) not in (61000.0, 92000.0, 18.0, 31.0) or \
                choice == question.answer  # never another figure the article prints


def test_a_sentence_that_points_back_is_asked_with_the_sentence_before() -> None:
    article = ("Wardens at the reserve began a yearly count of the seals on the rocks in 2015. "
               "That count fell to 700 by the spring of 2020, the lowest on record.\n")
    (question,) = asked(article)
    assert question.number == 700.0
    assert question.prompt == ("Fill in the blank from the article: “Wardens at the reserve "
                               "began a yearly count of the seals on the rocks in 2015. That "
                               "count fell to ___ by the spring of 2020, the lowest on record.”")


def test_a_reference_back_without_its_sentence_becomes_a_review_note() -> None:
    article = ("Clinics in the valley recorded 4,100 asthma visits over the winter months.\n\n"
               "Towns near the quarry had 2.6 times the rate of such visits as towns upriver.\n")
    draft = draft_article(article, "asthma.txt")
    text = draft.yaml()
    assert [q.number for q in draft.pack.questions] == [4100.0]
    assert "# review: not asked (paragraph 2): “such visits” points outside its sentence" in text
    assert load_pack_text(text, "asthma.yaml") == draft.pack  # comments keep it valid


def test_a_rounded_recap_of_a_printed_figure_is_not_asked_again() -> None:
    article = ("The port's population rose from 3,100 in 1850 to 18,700 by 1900.\n\n"
               "Dockers at Leith handled 410,000 tons of grain in 1890.\n\n"
               "By then it was a town of nearly 19,000 people with its own rail line.\n")
    assert answers(article) == [3100.0, 410000.0]


def test_thesis_counter_argument_concession_and_caveat_are_review_notes() -> None:
    article = ("Opinion: The Town Should Keep Its Night Trains\n"
               "By Omar Haddad, Columnist and Member of the Rail Users' Group\n"
               "May 4, 2025\n\n"
               "My argument is simple: night trains pay for themselves in visitors. The service "
               "carried 84,000 passengers last year.\n\n"
               "Critics say the trains lose money on every winter trip across the hills.\n\n"
               "On this point they are right.\n\n"
               "Railway accounts show a loss of £2.1 million on the winter service. Its managers "
               "acknowledge that 40 percent of berths went empty in January.\n\n"
               "The survey cannot by itself prove that visitors came because of the trains.\n")
    draft = draft_article(article, "trains.txt")
    top = draft.yaml().split("\nid: ")[0]
    assert "# review: this piece argues a case" in top
    assert "Omar Haddad, Columnist and Member of the Rail Users' Group" in top
    for kind in ("thesis", "counter-argument", "concession", "caveat"):
        assert f"# review: {kind} (paragraph " in top
    assert draft.pack.source.author == "Omar Haddad"
    # "Its managers…" would need the sentence before, which prints the £2.1 million asked:
    # one question would give the other away, so only the loss is asked
    assert [q.number for q in draft.pack.questions] == [2.1]


def test_prompts_quote_the_sentence_as_a_cloze() -> None:
    (question,) = asked("But the Samples from 14 wells showed nitrate above the legal limit.")
    assert question.prompt == ("Fill in the blank from the article: “The Samples from ___ wells "
                               "showed nitrate above the legal limit.”")


def test_the_date_is_read_without_a_byline_from_a_byline_and_from_a_wire_dateline() -> None:
    body = "\n\nThe Islay ferry carried 2,300 cars across the strait during the first week.\n"
    no_byline = draft_pack("Ferry Returns to the Strait\nPublished: Tuesday, 3 March 2026" + body,
                           "a.txt").source
    assert (no_byline.title, no_byline.date) == ("Ferry Returns to the Strait",
                                                 "Tuesday, 3 March 2026")
    on_byline = draft_pack("Ferry Returns\nBy Ines Calvo | March 3, 2026" + body, "a.txt").source
    assert (on_byline.author, on_byline.date) == ("Ines Calvo", "March 3, 2026")
    desk = draft_pack("Ferry Returns\nBy Ines Calvo\nTravel Desk | 3 March 2026" + body, "a.txt")
    assert desk.source.date == "3 March 2026" and "Desk" not in desk.questions[0].prompt
    for line in ("June 2025", "12/06/2025", "Updated 3 March 2026 at 10:15", "2026-03-03"):
        source = draft_pack(f"Ferry Returns\n{line}{body}", "a.txt").source
        assert source.date == line.split(" at ")[0].removeprefix("Updated "), line
    wire = draft_pack("Ferry Returns\n\nPORT ELLEN, March 3 — The Islay ferry carried 2,300 cars "
                      "across the strait during the first week.\n", "a.txt")
    assert wire.source.date == "March 3"
    assert "PORT ELLEN" not in wire.questions[0].prompt


def test_a_piece_that_argues_is_told_by_first_person_headline_and_the_authors_stake() -> None:
    article = ("Why the Valley Must Keep Its Cottage Hospital\n"
               "By Ruth Ames, Retired Surgeon and Trustee of the Hospital League\n"
               "2 June 2025\n\n"
               "I believe closing the ward would cost lives. It treated 5,400 patients last "
               "year.\n\n"
               "Supporters of the closure argue that the 40 beds are rarely full in summer.\n\n"
               "The health board should keep the ward open and staff it properly.\n")
    top = draft_article(article, "ward.txt").yaml().split("\nid: ")[0]
    assert "# review: this piece argues a case" in top
    assert "# review: thesis (headline): “Why the Valley Must Keep Its Cottage Hospital”" in top
    assert "# review: thesis (paragraph 3): “The health board should keep the ward open" in top
    assert "# review: counter-argument (paragraph 2)" in top
    assert "Retired Surgeon and Trustee of the Hospital League" in top
    news = draft_article("Ward Reopens\nBy Sam Cole, Health Reporter\n\nThe Carn ward reopened "
                         "with 40 beds and 12 nurses on its first night.\n", "news.txt")
    assert news.review == []  # a reporter reporting: no stake to ask about, no thesis
