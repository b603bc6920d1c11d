"""Study anywhere: a user-installed /quiz review in a DM plays the learner's due questions from
their server (recorded there), /ask answers in a DM, and live quizzes stay in servers. Every
request is validated against Discord's schema by the driver."""

from __future__ import annotations

import asyncio

from fakes import actor, play
from payloads import GUILD_ID, command_payload, component_payload, message_payload
from quiz_fakes import (
    ANN,
    FakeClock,
    QuizDriver,
    button,
    capture_requests,
    custom_ids,
    quiz_bot,
    quiz_service,
)

USER_INSTALL = "1"  # Discord's integration type for an app the user installed themselves


def in_dm(payload: dict) -> dict:
    """The payload as Discord sends it from a DM with a user-installed app."""
    payload["authorizing_integration_owners"] = {USER_INSTALL: str(ANN)}
    return payload


async def click_in_dm(driver, message: dict, action: str):
    """Ann clicks the card's `action` button in her DM with the user-installed app."""
    click = component_payload(button(message, action=action), 1, guild_id=None,
                              user_id=ANN, name="ann")
    click["message"] = message_payload(message, message_id=1)
    return driver._reply(await driver._run(in_dm(click)))


def on_loop_calls(part: object, name: str) -> list[bool]:
    """Wrap `part.name` to record, per call, whether it ran on the event loop's thread."""
    real, calls = getattr(part, name), []

    def recorded(*args, **kwargs):
        try:
            asyncio.get_running_loop()
            calls.append(True)
        except RuntimeError:  # a worker thread has no running loop
            calls.append(False)
        return real(*args, **kwargs)

    setattr(part, name, recorded)
    return calls


async def test_user_installed_quiz_review_works_in_a_dm():
    service = quiz_service(FakeClock())
    play(service, actor(GUILD_ID, ANN, "ann"), correct=0, count=2)  # two misses, due at once
    bot, _cog = await quiz_bot(service)
    who_clicks = on_loop_calls(service.anywhere, "actor")
    summaries = on_loop_calls(service.quizzes, "summary")
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        review = driver._reply(await driver._run(in_dm(command_payload(
            bot, "quiz review", guild_id=None, user_id=ANN, name="ann"))))
        assert review.type == 4 and review.ephemeral
        assert "Question 1/2" in review.text
        message = review.data
        for step in range(2):
            reply = await click_in_dm(driver, message, "skip")
            assert reply.type == 7 and "Skipped" in reply.text
            message = reply.data
            if step == 0:  # Next, in the DM too
                shown = await click_in_dm(driver, message, "next")
                assert shown.type == 7 and "Question 2/2" in shown.text
                message = shown.data
        assert "Quiz complete" in reply.text
        assert [c.split(":")[0] for c in custom_ids(message)] == ["qreport"]
        # The database read of every DM click (two skips, one Next) ran in a worker thread,
        # never on the loop, and so did the summary's.
        assert who_clicks == [False, False, False] and summaries == [False]

        live = driver._reply(await driver._run(in_dm(command_payload(
            bot, "quiz start", guild_id=None, user_id=ANN, name="ann", pack="quiz",
            mode="live"))))
        assert live.ephemeral and "only works in a server" in live.text

        stranger = driver._reply(await driver._run(in_dm(command_payload(
            bot, "quiz review", guild_id=None, user_id=ANN + 9, name="new"))))
        assert stranger.ephemeral and "Nothing due" in stranger.text
    # The review was recorded in her server, where the schedule moves on.
    history = service.standings.stats(str(GUILD_ID), str(ANN))
    assert history.answered == 2  # the two original misses; the skips count as skipped
    await bot.close()


async def test_ask_works_in_a_dm():
    service = quiz_service(FakeClock())
    bot, _cog = await quiz_bot(service)
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        await driver._run(in_dm(command_payload(bot, "ask", guild_id=None, user_id=ANN,
                                                question="how do I bake sourdough bread")))
    followups = [r.payload for r in sent if r.route_key.startswith("POST /webhooks/")]
    assert followups and followups[0]["flags"] & 64
    await bot.close()
