"""A restart in the middle of a solo and of a live quiz: the new bot process carries on from the
database, and the buttons posted by the old process still work (they are DynamicItems parsed from
their custom_id, not views that died with the process)."""

from __future__ import annotations

from world import LIVE_SECONDS, MINI, World, button_labels, reply_text, text_of


async def test_a_solo_quiz_survives_restarts_mid_form_and_between_questions(tmp_path):
    async with World(tmp_path) as world:
        ann = world.member("ann")
        quiz = (await ann.slash(world.channel, "quiz start", pack=MINI, count=4)).response
        while "Type answer" not in button_labels(quiz):  # the pack has two typed questions
            quiz = await world.next(ann, (await world.answer(ann, quiz)).response)
        _, typed = world.right_answer(quiz)
        form = await ann.click(quiz, label="Type answer")
        assert form.modal is not None

        await world.restart()  # the form was opened by the old process, is sent to the new one
        sent = await ann.submit_modal(form, {"answer": typed})
        assert "✅ Correct!" in reply_text(sent), reply_text(sent)
        quiz = await world.next(ann, sent.response)
        assert "Question" in text_of(quiz)  # a typed one is never last

        old_bot = world.bot
        await world.restart()  # these buttons were rendered by the process that just died
        assert world.bot is not old_bot
        while "Quiz complete!" not in text_of(quiz):
            result = await world.answer(ann, quiz)
            assert "✅ Correct!" in reply_text(result), reply_text(result)
            quiz = await world.next(ann, result.response)
        summary = text_of(quiz)
        assert "**Correct:** 4/4 (100%)" in summary and "**Points:** 460" in summary


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
        # the new process edited the old process's message: still one message in the channel
        assert [m.id for m in world.channel.history(viewer=teacher)] == [question.id]

        await world.restart()  # a second restart, mid question 2
        await world.answer(ann, reveal)
        await world.advance(LIVE_SECONDS)
        podium = text_of(world.channel.history(viewer=teacher)[-1])
        assert "the podium" in podium, podium
        assert podium.index("🥇 **ann**") < podium.index("🥈 **bob**")
        assert "(2/2)" in podium and "(1/1)" in podium  # right / answered
        assert world.service.quizzes.open_sessions() == []
