"""The opt-in daily DM: off by default, turned on with /reminders (remembering the language),
sent at most once a day to learners with something due, with working Review now / Turn off
buttons. Every request is validated against Discord's schema by the driver."""

from __future__ import annotations

from unittest.mock import AsyncMock, MagicMock, patch

from fakes import actor, play
from payloads import GUILD_ID, command_payload, component_payload, message_payload
from quiz_fakes import ANN, FakeClock, QuizDriver, capture_requests, quiz_bot, quiz_service


async def test_reminders_are_opt_in_and_their_buttons_work():
    clock = FakeClock()
    service = quiz_service(clock)
    play(service, actor(GUILD_ID, ANN, "ann"), correct=0, count=2)
    bot, _cog = await quiz_bot(service)
    cog = bot.get_cog("Reminders")
    dm = MagicMock()
    dm.send = AsyncMock()
    with patch.object(bot, "get_user", return_value=dm):
        assert await cog.send_due() == 0, "nobody asked for reminders"
        with capture_requests() as sent:
            driver = QuizDriver(bot, sent)
            on = command_payload(bot, "reminders", user_id=ANN, daily=True)
            on["locale"] = "es-ES"
            reply = driver._reply(await driver._run(on))
            assert reply.ephemeral and "activados" in reply.text and "2 ahora" in reply.text
        assert await cog.send_due() == 1
        assert await cog.send_due() == 0, "at most one a day"
        text = dm.send.await_args.args[0]
        view = dm.send.await_args.kwargs["view"]
        assert "2 pregunta(s)" in text
        message = {"content": text, "components": view.to_components()}
        labels = [c["label"] for row in message["components"] for c in row["components"]]
        assert labels == ["Repasar ahora", "Desactivar recordatorios"]

        with capture_requests() as sent:
            driver = QuizDriver(bot, sent)
            click = component_payload("remind:review", 1, guild_id=None, user_id=ANN)
            click["message"] = message_payload(message, message_id=1)
            review = driver._reply(await driver._run(click))
            assert review.type == 4 and "Question 1/2" in review.text
            off = component_payload("remind:off", 1, guild_id=None, user_id=ANN)
            off["message"] = message_payload(message, message_id=1)
            turned_off = driver._reply(await driver._run(off))
            assert turned_off.type == 7 and turned_off.data["components"] == []
        assert not service.anywhere.reminder_enabled(str(ANN))
        clock.advance(2 * 86400)
        assert await cog.send_due() == 0
    await bot.close()
