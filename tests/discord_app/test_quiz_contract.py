"""Contract: every message, update and modal the quiz sends validates against Discord's OpenAPI
schema, even for a pack written to break limits (4000-character prompts and explanations, ten
long choices, hostile display names), where two embeds in one message share the 6000 cap."""

from __future__ import annotations

import pytest
from contract import COMPONENTS_V2, requires_spec, schema_for
from quiz_fakes import (
    ANN,
    BOB,
    GUILD,
    TEACHER,
    FakeClock,
    QuizDriver,
    button,
    capture_requests,
    custom_ids,
    quiz_bot,
    session_of,
    text_of,
)

from bot.core.models import Pack, Question, QuestionType, Source
from bot.core.packs.library import PackLibrary
from bot.core.service import QuizService
from bot.discord_app.quiz_views import QuizRef
from bot.i18n import language_of, t
from bot.store.db import Store

LONG = "word " * 800  # 4000 characters
HOSTILE = "@everyone <@&1> **x**"


def huge_pack() -> Pack:
    choices = tuple(f"{letter} " + "choice text " * 25 for letter in "ABCDEFGHIJ")
    questions = (
        Question("big-choice", QuestionType.CHOICE, "Pick one. " + LONG, LONG, choices=choices,
                 answer=choices[3], hints=(LONG[:900], LONG[:900]), quote=LONG[:3000],
                 topic="t" * 90),
        Question("big-text", QuestionType.TEXT, "Type it. " + LONG, LONG, answers=("culiacan",),
                 hints=(LONG[:900],), quote=LONG),
    )
    return Pack("huge", "H" * 200, "A pack that pushes every limit.",
                Source("S" * 300, "a", "o", "d"), (), questions)


def huge_service(clock: FakeClock) -> QuizService:
    library = PackLibrary(None)
    library.add(huge_pack())
    return QuizService(Store.open(":memory:"), library, clock=clock, live_seconds=20)


async def play(driver: QuizDriver, service: QuizService, message: dict, *, mode: str,
               user: int, who: str) -> dict:
    """Answer the current question (hint first); returns the message to keep clicking on."""
    session = session_of(next(c for c in custom_ids(message) if c.startswith("quiz:")))
    view = service.quizzes.current_question(session, GUILD)
    assert view is not None
    await driver.click(button(message, action="hint"), message, user=user, who=who)
    if view.type is QuestionType.CHOICE:
        reply = await driver.click(button(message, label="D"), message, user=user, who=who)
    else:
        modal = await driver.click(button(message, action="type"), message, user=user, who=who)
        assert modal.type == 9
        reply = await driver.submit(QuizRef.for_question(view).modal_id, "culiacan",
                                    message=message, user=user, who=who)
    if mode != "solo":
        return message
    if any(c.endswith(":next") for c in custom_ids(reply.data)):
        shown = await driver.click(button(reply.data, action="next"), reply.data, user=user,
                                   who=who)
        return shown.data
    return reply.data


@requires_spec
@pytest.mark.parametrize("locale", ["en-US", "es-ES"])
async def test_every_quiz_payload_validates_even_for_a_pack_at_every_limit(locale):
    clock = FakeClock()
    service = huge_service(clock)
    bot, cog = await quiz_bot(service)
    lang = language_of(locale)
    with capture_requests() as sent:
        # validates each request as it is captured, components v2 rules included
        driver = QuizDriver(bot, sent, locale=locale)
        start = await driver.command("quiz start", pack="huge", count=2, who=HOSTILE)
        message = start.data
        for _ in range(2):
            message = await play(driver, service, message, mode="solo", user=TEACHER,
                                 who=HOSTILE)
        assert t(lang, "summary.complete") in text_of(message)

        live = await driver.command("quiz start", pack="huge", count=2, mode="live", who=HOSTILE)
        message = live.data
        for _ in range(2):
            await play(driver, service, message, mode="live", user=ANN, who=HOSTILE)
            await play(driver, service, message, mode="live", user=BOB, who=HOSTILE * 2)
            clock.advance(30)
            before = len(sent)
            assert await cog.runner.tick() == 1
            assert driver.posts(before) == []  # the live card is edited, never posted again
            message = driver.edits(before)[-1].payload
        assert t(lang, "live.podium_title") in text_of(message)
        stop_nothing = await driver.command("quiz stop", who=HOSTILE)
        assert stop_nothing.ephemeral

    cards = [r for r in sent if (r.payload or {}).get("data", r.payload or {}).get("components")]
    assert cards and all(
        r.payload.get("data", r.payload).get("flags", 0) & COMPONENTS_V2 for r in cards
        if "qreportm" not in str(r.payload) and "quizm" not in str(r.payload))
    names = {schema_for(r) for r in sent}
    assert {"CreateMessageInteractionCallbackRequest", "UpdateMessageInteractionCallbackRequest",
            "ModalInteractionCallbackRequest", "MessageEditRequestPartial"} <= names
    for request in sent:
        body = request.payload.get("data", request.payload) if request.payload else {}
        if "allowed_mentions" in body:
            assert body["allowed_mentions"] == {"parse": []}
        elif body.get("embeds") or body.get("content"):
            raise AssertionError(f"{request.route_key} sent text without allowed_mentions")

