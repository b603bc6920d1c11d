"""'Who in the article said …?': choice questions on who claims what."""

from __future__ import annotations

from bot.core.models import QuestionType
from bot.core.packs.formats import draft_article

FERRY = ("Night Ferry to Tarn Island Will Stop in October\n"
         "By Ines Calvo, Transport Reporter\n\n"
         "The Tarn Island Ferry Company will end its night crossing on 3 October after the "
         "Harbour Board refused a subsidy. The night crossing carried 9,400 cars last "
         "year, down from 15,200 in 2019.\n\n"
         "Dr. Alma Rossi, a transport economist at Kell University, said that the night "
         "crossing loses money on four nights in five, because most trips carry few cars.\n\n"
         "\"Islanders who work late shifts will lose their jobs without the night ferry,\" "
         "said Tomas Berg, "
         "who runs the island's bakery.\n\n"
         "The company's chief executive, Ms. Petra Lind, argues that a smaller boat could halve "
         "the cost of each trip.\n\n"
         "\"It was good,\" Mr. Berg said.\n\n"
         "Owen Pike, the harbour master, said the decision was final and no appeal would "
         "be heard.\n")


def _who(text: str) -> list:
    return [q for q in draft_article(text, "ferry.txt").pack.questions
            if q.id.startswith("who-")]


def test_a_reported_claim_is_asked_as_who_said_it_with_the_quoted_people_as_choices() -> None:
    by_answer = {q.answer: q for q in _who(FERRY)}
    rossi = by_answer["Dr. Alma Rossi"]
    assert rossi.type is QuestionType.CHOICE
    assert rossi.prompt == ("Who in the article said that the night crossing loses money on "
                            "four nights in five?")  # ", because …" trimmed: safe
    assert set(rossi.choices) >= {"Dr. Alma Rossi", "Tomas Berg", "Ms. Petra Lind"}
    assert "a transport economist at Kell University" in rossi.explanation
    assert "paragraph 2" in rossi.explanation
    lind = by_answer["Ms. Petra Lind"]
    assert lind.prompt.startswith("Who in the article argues that a smaller boat")


def test_a_direct_quote_is_asked_verbatim_and_a_short_or_dangling_one_is_not() -> None:
    by_answer = {q.answer: q for q in _who(FERRY)}
    assert by_answer["Tomas Berg"].prompt == ("Who in the article said: “Islanders who work "
                                              "late shifts will lose their jobs without the "
                                              "night ferry”?")
    assert not any("It was good" in q.prompt for q in _who(FERRY))  # too short
    # "the decision" points back at a sentence the student never sees: not asked
    assert not any(q.answer == "Owen Pike" for q in _who(FERRY))
    pike = _who(FERRY.replace("said the decision was", "said a final decision was"))
    assert any(q.answer == "Owen Pike" for q in pike)  # nothing to point back at: asked


def test_fewer_than_three_speakers_give_no_who_question() -> None:
    two = FERRY.split("\n\nThe company's chief executive")[0] + "\n"
    assert _who(two) == []


def test_a_proviso_is_never_trimmed_and_a_claim_naming_a_choice_is_not_asked() -> None:
    text = FERRY.replace("because most trips carry few cars", "provided fuel stays dear")
    rossi = next(q for q in _who(text) if q.answer == "Dr. Alma Rossi")
    assert rossi.prompt.endswith("four nights in five, provided fuel stays dear?")
    named = FERRY.replace("a smaller boat could", "Dr. Rossi is wrong and a smaller boat could")
    assert not any(q.answer == "Ms. Petra Lind" for q in _who(named))


def test_he_said_is_attributed_only_when_the_paragraph_names_one_person() -> None:
    from bot.core.packs.formats.draft_text import paragraphs, read_header
    from bot.core.packs.formats.draft_who import sayings

    def said(text: str) -> set[tuple[str, str]]:
        lines = text.split("\n")
        body = paragraphs(lines, read_header(lines).body_start)
        return {(s.person, s.claim[:19]) for s in sayings(body)[0]}

    one = FERRY.replace("\"It was good,\" Mr. Berg said.",
                        "Dr. Rossi spoke at the pier. \"Every late crossing runs nearly "
                        "empty in the winter months,\" she said.")
    assert ("Dr. Alma Rossi", "Every late crossing") in said(one)
    two = one.replace("Dr. Rossi spoke at the pier.", "Dr. Rossi met Ms. Lind at the pier.")
    assert not any(claim == "Every late crossing" for _, claim in said(two))


def test_a_councillor_s_title_does_not_end_a_sentence() -> None:
    from bot.core.packs.formats.draft_text import sentences
    assert sentences("\"We listened,\" Cllr. Abara said. The vote was 7 to 2.") == [
        "\"We listened,\" Cllr. Abara said.", "The vote was 7 to 2."]


def test_when_someone_spoke_is_not_part_of_their_claim() -> None:
    text = FERRY.replace("Owen Pike, the harbour master, said the decision was final and no "
                         "appeal would be heard.",
                         "Owen Pike, the harbour master, told the board on Monday that night "
                         "sailings in winter had never paid their way.")
    pike = next(q for q in _who(text) if q.answer == "Owen Pike")
    assert pike.prompt == ("Who in the article said that night sailings in winter had never "
                           "paid their way?")


def test_a_quote_off_the_article_s_subject_is_colour_and_not_asked() -> None:
    colour = FERRY.replace("\"It was good,\" Mr. Berg said.",
                           "\"My grandmother baked rye bread every single morning,\" Mr. Berg "
                           "said.")
    assert not any("grandmother" in q.prompt for q in _who(colour))
    assert any("Islanders who work late shifts" in q.prompt for q in _who(colour))
