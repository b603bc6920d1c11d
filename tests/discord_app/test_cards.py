"""Components v2 cards (cards.py, outcome_cards.py) built offline: what each card shows, and
that every card stays within Discord's v2 rules however long the pack's text is, in every
shipped language (the contract harness checks the same rules on what is actually sent)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import discord
import pytest
from contract import check_components_v2, requires_spec, validate
from quiz_fakes import walk

from bot.core.models import Mode, QuestionType, Verdict
from bot.core.results import (
    AnswerOutcome,
    MediaRef,
    PlayerResult,
    QuestionView,
    Reveal,
    SessionSummary,
)
from bot.discord_app.cards import TEXT_LIMIT, Text, card, fit_texts, question_card
from bot.discord_app.outcome_cards import final_card, live_card, reveal_container, verdict_card
from bot.i18n import LANGUAGES, t

LONG = "word " * 800  # 4000 characters


def question(kind: QuestionType = QuestionType.CHOICE, *, choices: int = 3, prompt: str = "Q?",
             mode: Mode = Mode.SOLO, image: str | None = None) -> QuestionView:
    listed = (QuestionType.CHOICE, QuestionType.ORDER, QuestionType.SELECT_ALL)
    options = tuple(f"option {i}" for i in range(choices)) if kind in listed else ()
    return QuestionView("s1", "q1", 2, 5, kind, prompt, options, 100, 1, 1, "birds", "Birds",
                        mode, topic="beaks", deadline=1_700_000_000.0 if mode is Mode.LIVE
                        else None, image=image)


def outcome(*, finished: bool = False, explanation: str = "Because.",
            quote: str | None = "the text") -> AnswerOutcome:
    return AnswerOutcome("s1", "q1", Verdict(True, "Exactly the article's number."), 110, 2,
                         210, "11,000", explanation, quote, False,
                         None if finished else question(), finished)


def summary(mode: Mode = Mode.SOLO) -> SessionSummary:
    podium = (PlayerResult("u1", "@everyone ann", 300, 3, 3), PlayerResult("u2", "bob", 0, 0, 3))
    return SessionSummary("s1", "birds", mode, 3, 3, 3, 0, 300, 3, 1,
                          podium if mode is Mode.LIVE else ())


def reveal(explanation: str = "It is so.") -> Reveal:
    return Reveal("s1", "q1", 1, 3, "Vicente Fox", explanation, "a quote", 3, 2,
                  (PlayerResult("u1", "ann", 100, 1, 1, 1500),), question(mode=Mode.LIVE), False)


def payload(view: discord.ui.LayoutView) -> dict[str, Any]:
    """The message body discord.py would send for this card."""
    return {"components": view.to_components(), "flags": 1 << 15,
            "allowed_mentions": {"parse": []}}


def texts(view: discord.ui.LayoutView) -> str:
    return "\n".join(c["content"] for c in walk(view.to_components()) if c["type"] == 10)


def labels(view: discord.ui.LayoutView) -> list[str]:
    return [c.get("label") for c in walk(view.to_components()) if c["type"] == 2]


def every_card(lang: str, text: str = "Q?") -> list[discord.ui.LayoutView]:
    kinds = [question(kind, prompt=text, mode=mode) for kind in QuestionType
             for mode in (Mode.SOLO, Mode.LIVE)]
    cards = [question_card(q, lang=lang, note="Due now: Birds 3") for q in kinds]
    cards += [question_card(question(choices=10, prompt=text), lang=lang),
              question_card(question(), lang=lang, media=[("attachment://a.png", "alt")] * 3),
              verdict_card(outcome(explanation=text, quote=text), lang=lang),
              verdict_card(outcome(finished=True, explanation=text), summary(), lang=lang),
              live_card(question(mode=Mode.LIVE, prompt=text), reveal(text), lang=lang,
                        starter="teacher"),
              live_card(question(mode=Mode.LIVE), reveal(text), lang=lang, spoilers=True),
              final_card(summary(Mode.LIVE), reveal(text), lang=lang, note="Stopped by x."),
              final_card(None, note="closed", lang=lang)]
    return cards


def test_a_question_card_has_heading_progress_a_section_per_choice_and_labelled_buttons():
    view = question_card(question())
    (container,) = view.to_components()
    assert container["type"] == 17
    kinds = [c["type"] for c in container["components"]]
    assert kinds == [10, 10, 9, 9, 9, 1]  # heading, prompt, three choices, Hint + Skip
    assert "Question 2/5 · Birds" in texts(view) and "▰" in texts(view)
    assert labels(view) == ["A", "B", "C", "Hint", "Skip"]
    sections = [c for c in container["components"] if c["type"] == 9]
    assert sections[1]["components"][0]["content"] == "**B)** option 1"
    assert sections[1]["accessory"]["custom_id"] == "quiz:s:s1:q1:a:1"


def test_more_than_five_choices_are_listed_with_two_rows_of_letters():
    view = question_card(question(choices=10))
    assert labels(view)[:10] == list("ABCDEFGHIJ")
    assert "**J)** option 9" in texts(view)


def test_a_live_question_counts_down_on_the_client_and_has_no_skip():
    view = question_card(question(QuestionType.TRUEFALSE, mode=Mode.LIVE))
    assert "<t:1700000000:R>" in texts(view)
    assert labels(view) == ["True", "False", "Hint"]


def test_a_picture_with_a_web_address_shows_in_the_gallery_without_loading_anything():
    robin = MediaRef("picture-q1", "image", "robin.png", "A small brown bird.",
                     url="https://example.org/robin.png")
    chart = MediaRef("chart-1.png", "chart", "Birds seen", "Bar chart, birds.")  # to be drawn
    view = question_card(replace(question(), media=(robin, chart)))
    (shown,) = [c for c in walk(view.to_components()) if c["type"] == 12]
    (item,) = shown["items"]  # the chart is shown only once loaded and attached (media.py)
    assert item["media"]["url"] == "https://example.org/robin.png"
    assert item["description"] == "A small brown bird."
    assert not [c for c in walk(question_card(question()).to_components()) if c["type"] == 12]


def test_media_given_by_the_caller_shows_in_the_card_and_hides_behind_live_spoilers():
    chart = [("attachment://chart-1.png", "Homicides by year, 2007 and 2023")]
    view = verdict_card(outcome(), media=chart)
    (shown,) = [c for c in walk(view.to_components()) if c["type"] == 12]
    assert shown["items"][0]["media"]["url"] == "attachment://chart-1.png"
    assert shown["items"][0]["description"].startswith("Homicides")
    nothing = final_card(summary(Mode.LIVE), reveal(), lang="en")
    assert not [c for c in walk(nothing.to_components()) if c["type"] == 12]
    blurred = reveal_container(reveal(), spoilers=True, media=chart).to_component_dict()
    (item,) = [c for c in walk([blurred]) if c["type"] == 12][0]["items"]
    assert item["spoiler"] is True
    plain = question_card(question(), media=chart)
    assert [c for c in walk(plain.to_components()) if c["type"] == 12]


def test_a_verdict_has_the_reason_the_explanation_its_source_next_and_report():
    view = verdict_card(outcome())
    text = texts(view)
    assert "✅ Correct! +110 points" in text and "Exactly the article's number." in text
    assert "**Answer:** 11,000" in text and "Because." in text and "> the text" in text
    assert labels(view) == ["Next question", "Report a problem"]
    last = verdict_card(outcome(finished=True), summary())
    assert labels(last) == ["Report a problem"] and "Quiz complete!" in texts(last)


def test_spoilers_hide_the_live_answer_and_explanation_even_when_shortened():
    view = live_card(question(mode=Mode.LIVE), reveal(LONG), spoilers=True)
    text = texts(view)
    assert "||**Vicente Fox**||" in text and "a quote" not in text
    assert sum(len(c["content"]) for c in walk(view.to_components()) if c["type"] == 10) <= 4000
    hidden = [c["content"] for c in walk(view.to_components())
              if c["type"] == 10 and c["content"].startswith("||")]
    assert all(h.endswith("||") for h in hidden) and len(hidden) == 2


def test_fit_texts_cuts_only_the_longest_and_leaves_short_texts_whole():
    view = card(discord.ui.Container(Text("short heading"), Text(LONG), Text(LONG)))
    contents = [c["content"] for c in walk(view.to_components()) if c["type"] == 10]
    assert contents[0] == "short heading"
    assert sum(map(len, contents)) <= TEXT_LIMIT and len(contents[1]) > 1900
    untouched = card(discord.ui.Container(Text("a"), Text("b")))
    fit_texts(untouched)
    assert texts(untouched) == "a\nb"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("text", ["Q?", LONG])
def test_every_card_keeps_discords_v2_rules(lang: str, text: str):
    for view in every_card(lang, text):
        check_components_v2(payload(view))


@requires_spec
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_card_validates_against_discords_message_schema(lang: str):
    for view in every_card(lang, LONG):
        validate("MessageCreateRequest", payload(view))
        validate("MessageEditRequestPartial", payload(view))


def test_the_v2_rules_refuse_what_discord_refuses():
    good = payload(question_card(question()))
    for broken in ({**good, "flags": 0}, {**good, "content": "hi"},
                   {**good, "embeds": [{"title": "x"}]},
                   {"flags": 1 << 15, "components": [
                       {"type": 10, "content": "x" * 2001}, {"type": 10, "content": "y" * 2000}]},
                   {"flags": 1 << 15, "components": [{"type": 10, "content": "x"}] * 41}):
        with pytest.raises(AssertionError):
            check_components_v2(broken)


def test_spanish_cards_are_in_spanish():
    assert t("es", "button.next") in labels(verdict_card(outcome(), lang="es"))
    assert texts(question_card(question(), lang="es")).startswith("### Pregunta 2/5")
