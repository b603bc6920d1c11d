"""A second language, served by locale: a Spanish user's solo quiz is in Spanish (buttons,
verdict, summary), a live round in a Spanish server posts in Spanish while each player's private
note follows their own locale, and the command registration carries the Spanish names and
descriptions, valid against Discord's schema."""

from __future__ import annotations

from contract import GUILD_ID, capture_requests, requires_spec, validate_request
from payloads import command_payload, component_payload, message_payload
from quiz_fakes import (
    ANN,
    FakeClock,
    QuizDriver,
    button,
    custom_ids,
    quiz_bot,
    quiz_service,
    session_of,
    text_of,
    walk,
)

from bot.i18n import t


def in_locale(payload: dict, user: str, guild: str | None = None) -> dict:
    payload["locale"] = user
    if guild is not None:
        payload["guild_locale"] = guild
    return payload


def labels(body: dict) -> list[str]:
    return [c.get("label") for c in walk(body.get("components")) if c.get("type") == 2]


async def test_a_spanish_user_plays_a_solo_quiz_in_spanish():
    service = quiz_service(FakeClock())
    bot, _cog = await quiz_bot(service)
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        start = driver._reply(await driver._run(in_locale(command_payload(
            bot, "quiz start", pack="quiz", count=2, mode="solo", user_id=ANN, name="ana"),
            "es-ES", "en-US")))
        assert start.text.startswith("\n### Pregunta 1/2")
        assert "Saltar" in labels(start.data)
        message = start.data
        skip = component_payload(button(message, action="skip"), 1, user_id=ANN, name="ana")
        skip["message"] = message_payload(message, message_id=1)
        payload = driver._reply(await driver._run(in_locale(skip, "es-ES", "en-US")))
        assert "⏭️ Saltada" in payload.text and "Por qué" in payload.text
        assert "Informar de un problema" in labels(payload.data)
        # An English-speaking classmate in the same server keeps English.
        english = driver._reply(await driver._run(command_payload(
            bot, "quiz start", pack="quiz", count=1, mode="solo", user_id=ANN + 5, name="en")))
        assert english.text.startswith("\n### Question 1/1") and "Skip" in labels(english.data)
    await bot.close()


async def test_a_live_round_in_a_spanish_server_posts_in_spanish():
    clock = FakeClock()
    service = quiz_service(clock, live_seconds=20)
    bot, cog = await quiz_bot(service)
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        start = driver._reply(await driver._run(in_locale(command_payload(
            bot, "quiz start", pack="quiz", count=1, mode="live"), "en-US", "es-ES")))
        assert start.text.startswith("\n### Pregunta 1/1") and not start.ephemeral
        before = len(sent)
        clock.advance(21)
        assert await cog.runner.tick() == 1
        assert driver.posts(before) == []  # the live card itself becomes the reveal
        (post,) = driver.edits(before)
        assert t("es", "live.reveal_title", position=1, total=1) in text_of(post.payload)
        assert "Fin del cuestionario en directo" in text_of(post.payload)
        assert session_of(custom_ids(start.data)[0]) in custom_ids(post.payload)[0]
    await bot.close()


@requires_spec
async def test_registration_carries_spanish_localisations():
    bot, _cog = await quiz_bot(quiz_service(FakeClock()))
    with capture_requests(bot) as sent:
        await bot.sync_dev_guild(GUILD_ID)
    (sync,) = sent
    validate_request(sync)
    by_name = {c["name"]: c for c in sync.payload}
    quiz = by_name["quiz"]
    assert quiz["name_localizations"]["es-ES"] == "cuestionario"
    start = next(o for o in quiz["options"] if o["name"] == "start")
    assert start["name_localizations"]["es-ES"] == "empezar"
    assert start["description_localizations"]["es-419"].startswith("Empieza un cuestionario")
    assert by_name["stats"]["name_localizations"]["es-ES"] == "estadisticas"
    assert "en-US" not in by_name["stats"]["name_localizations"], "English is the default"
    await bot.close()


async def test_a_live_round_can_hide_its_answers_behind_spoilers():
    clock = FakeClock()
    service = quiz_service(clock, live_seconds=20)
    bot, cog = await quiz_bot(service)
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        await driver.command("quiz start", pack="quiz", count=2, mode="live", spoilers=True)
        before = len(sent)
        clock.advance(21)
        assert await cog.runner.tick() == 1
        (post,) = driver.edits(before)
        shown = [c["content"] for c in walk(post.payload["components"]) if c["type"] == 10]
        answer = shown[1]  # under the reveal's heading
        assert answer.startswith("||**") and answer.endswith("||")
        why = shown[shown.index("**Why**") + 1]
        assert why.startswith("||") and why.endswith("||")
        assert "From the article" not in text_of(post.payload)
        await driver.command("quiz stop")
        await driver.command("quiz start", pack="quiz", count=2, mode="live")
        before = len(sent)
        clock.advance(21)
        assert await cog.runner.tick() == 1
        (post,) = driver.edits(before)
        shown = [c["content"] for c in walk(post.payload["components"]) if c["type"] == 10]
        assert not shown[1].startswith("||"), "off by default"
    await bot.close()
