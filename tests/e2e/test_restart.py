"""A restart in the middle of a solo and of a live quiz: the new bot process carries on from the
database, and the buttons posted by the old process still work (they are DynamicItems parsed from
their custom_id, not views that died with the process)."""

from __future__ import annotations

from world import LIVE_SECONDS, MINI, World, button_labels, reply_text, text_of


async def test_a_solo_quiz_continues_on_its_old_message_after_a_restart(tmp_path):
    async with World(tmp_path) as world:
        ann = world.member("ann")
        start = await ann.slash(world.channel, "quiz start", pack=MINI, count=4)
        first = await world.answer(ann, start.response)
        assert "✅ Correct!" in reply_text(first) and "Question 2/4" in reply_text(first)
        old_bot = world.bot

        await world.restart()
        assert world.bot is not old_bot
        quiz = first.response  # the message the old process posted, with its buttons
        for position in (2, 3, 4):
            assert f"Question {position}/4" in text_of(quiz)
            result = await world.answer(ann, quiz)
            assert "✅ Correct!" in reply_text(result), reply_text(result)
            quiz = result.response
        assert "Correct: 4/4 (100%)" in text_of(quiz) and "Points: 460" in text_of(quiz)


async def test_a_live_quiz_resumes_after_a_restart_and_its_old_buttons_still_count(tmp_path):
    async with World(tmp_path) as world:
        teacher, ann, bob = (world.member(n) for n in ("teacher", "ann", "bob"))
        start = await teacher.slash(world.channel, "quiz start", pack=MINI, count=2, mode="live")
        question = start.response
        await world.answer(ann, question)  # answered before the crash: must not be lost
        await world.advance(5)

        await world.restart()  # the new process resumes the open quiz from the database
        late = await world.answer(bob, question)  # a button the old process posted
        assert late.ephemeral and "Answer locked in" in reply_text(late), reply_text(late)
        assert len(world.channel.history(viewer=teacher)) == 1  # nothing revealed early

        await world.advance(LIVE_SECONDS - 5)  # the new bot's clock reveals at the old deadline
        reveal = world.channel.history(viewer=teacher)[-1]
        assert "Answer to question 1/2" in text_of(reveal), text_of(reveal)
        assert "Answers: 2/2 correct" in text_of(reveal)
        assert button_labels(question.message) == []  # the pre-restart question was retired

        await world.restart()  # a second restart, mid question 2
        await world.answer(ann, reveal)
        await world.advance(LIVE_SECONDS)
        podium = text_of(world.channel.history(viewer=teacher)[-1])
        assert "the podium" in podium, podium
        assert podium.index("🥇 **ann**") < podium.index("🥈 **bob**")
        assert "(2/2)" in podium and "(1/1)" in podium  # right / answered
        assert world.service.quizzes.open_sessions() == []
