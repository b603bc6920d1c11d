"""A second language served end to end: a member whose Discord speaks Spanish (es-ES) plays,
asks, checks their stats and is refused in Spanish through the real bot, while an English-speaking
classmate in the same server gets English; channel posts follow the server's language."""

from __future__ import annotations

import simcord.interactions
from world import MINI, World, reply_text, text_of


async def test_a_spanish_member_plays_a_solo_quiz_in_spanish_beside_an_english_one(tmp_path):
    async with World(tmp_path) as world:
        ana = world.member("ana", locale="es-ES")
        ben = world.member("ben")  # en-US, as simcord's default client
        start = await ana.slash(world.channel, "quiz start", pack=MINI, count=4, mode="solo")
        quiz = start.response
        assert quiz is not None and "Pregunta 1/4" in text_of(quiz), text_of(quiz)
        english = await ben.slash(world.channel, "quiz start", pack=MINI, count=1, mode="solo")
        assert "Question 1/1" in text_of(english.response)

        seen = set()
        for _ in range(4):
            kind = world.right_answer(quiz)[1] is not None  # typed in the form
            result = await world.answer(ana, quiz, right=not kind)
            text = reply_text(result)
            seen.add("✅ ¡Correcto!" in text or "❌ No exactamente" in text)
            if kind:  # the judge's own reason (not only the title), in Spanish
                assert "No exactamente:" in text and "Por qué" in text, text
                assert "Not quite" not in text, text
            assert result.response is not None
            quiz = await world.next(ana, result.response)  # "Siguiente pregunta"
        assert seen == {True}
        summary = text_of(quiz)
        assert "¡Cuestionario completado!" in summary and "Correctas" in summary, summary

        # A form slip is refused in Spanish (the reason and the "try again"), nothing scored.
        again = await ana.slash(world.channel, "quiz start", pack=MINI, count=4, mode="solo")
        quiz = again.response
        while world.right_answer(quiz)[0] != "Type answer":
            quiz = await world.next(ana, (await world.answer(ana, quiz)).response)
        form = await ana.click(quiz, label="Escribir respuesta")
        slip = await ana.submit_modal(form, {"answer": "!!!"})
        assert "Inténtalo de nuevo" in reply_text(slip), reply_text(slip)
        assert "Inténtalo" not in reply_text(await world.answer(ben, english.response))


async def test_a_spanish_member_asks_checks_stats_and_is_refused_in_spanish(tmp_path):
    async with World(tmp_path) as world:
        ana = world.member("ana", locale="es-ES")
        ben = world.member("ben")
        off = await ana.slash(world.channel, "ask", question="what is the capital of australia")
        text = reply_text(off)
        assert "Eso todavía no lo sé" in text and "a partir de los paquetes instalados" in text
        assert "Prueba a preguntar sobre" in text, text
        english = reply_text(await ben.slash(world.channel, "ask",
                                             question="what is the capital of australia"))
        assert "I don't know that from the installed packs" in english

        stats = reply_text(await ana.slash(world.channel, "stats"))
        assert "Estadísticas de ana" in stats and "Aún no hay respuestas" in stats, stats
        assert "Stats for ben" in reply_text(await ben.slash(world.channel, "stats"))

        refused = await ana.slash(world.channel, "scores reset")
        assert refused.ephemeral
        assert reply_text(refused).startswith("Solo los moderadores pueden reiniciar"), refused
        assert reply_text(await ben.slash(world.channel, "scores reset")).startswith(
            "Only moderators can reset scores")

        unknown = reply_text(await ana.slash(world.channel, "explain", topic="no-such-topic"))
        assert unknown == "No hay ninguna explicación llamada 'no-such-topic'; prueba con /ask."


async def test_channel_posts_follow_the_server_language_not_the_member(tmp_path):
    simcords_own = simcord.interactions.base_payload
    async with World(tmp_path) as world:
        ana = world.member("ana", locale="es-ES")
        board = await ana.slash(world.channel, "leaderboard")  # a post: the server's English
        assert not board.ephemeral and "Leaderboard" in reply_text(board), reply_text(board)

        # A second server gets the commands once the owner publishes them everywhere.
        owner = world.school.add_member(world.owner, roles=[world.admins])
        assert "globally" in reply_text(await owner.slash(world.channel, "admin sync",
                                                          scope="global"))
        escuela = world.env.create_guild("Escuela", preferred_locale="es-ES")
        aula = escuela.create_text_channel("aula")
        ben = world.member("ben", guild=escuela)  # an English client in a Spanish server
        posted = await ben.slash(aula, "leaderboard")
        assert "Clasificación" in reply_text(posted) and "todos los paquetes" in reply_text(posted)
        private = await ben.slash(aula, "stats")  # private: his own language
        assert "Stats for ben" in reply_text(private)
    assert simcord.interactions.base_payload is simcords_own  # the shim lives with the World
