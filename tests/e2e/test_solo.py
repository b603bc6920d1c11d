"""A solo quiz played to its summary through the real bot: private to the player throughout,
and ONE message from the first question to the summary (a components v2 card edited in place:
question → verdict → Next → question … → last verdict with the summary)."""

from __future__ import annotations

import pytest
from simcord import SetupError
from world import MINI, World, button_labels, components, reply_text, text_of


async def test_a_solo_quiz_is_played_to_its_summary_and_only_the_player_sees_it(tmp_path):
    async with World(tmp_path) as world:
        ann, bob = world.member("ann"), world.member("bob")
        start = await ann.slash(world.channel, "quiz start", pack=MINI, count=4, mode="solo")
        assert start.ephemeral
        quiz = start.response
        assert quiz is not None and "Question 1/4" in text_of(quiz)
        assert quiz.flags.components_v2 and not quiz.content and not quiz.embeds  # a v2 card
        assert 17 in {c["type"] for c in components(quiz)}  # its container
        message_id = quiz.id

        # Bob, in the same channel, sees nothing of it and cannot press its buttons.
        assert all(m.id != quiz.id for m in world.channel.history(viewer=bob))
        with pytest.raises(SetupError, match="not visible"):
            await bob.click(quiz, label="Hint")

        for position in range(1, 5):
            assert f"Question {position}/4" in text_of(quiz)
            result = await world.answer(ann, quiz)
            assert "✅ Correct!" in reply_text(result), reply_text(result)
            verdict = result.response
            assert verdict is not None and verdict.id == message_id  # edited in place
            assert verdict.ephemeral and "Why" in text_of(verdict)
            assert "Report a problem" in button_labels(verdict)
            assert f"Question {position}/4" not in text_of(verdict)  # the verdict replaced it
            quiz = await world.next(ann, verdict)  # same message again (checked in next())
            if position < 4:
                assert f"Question {position + 1}/4" in text_of(quiz)
        summary = text_of(quiz)
        assert "Quiz complete!" in summary and "**Correct:** 4/4 (100%)" in summary, summary
        assert "**Points:** 460" in summary  # 100 + 110 + 120 + 130: the streak bonus
        assert "**Server rank:** #1" in summary
        assert button_labels(quiz) == ["Report a problem"]  # no Next after the last question

        # One message from start to summary, and it is the summary.
        assert [m.id for m in world.channel.history(viewer=ann)] == [message_id]
        (shown,) = world.channel.history(viewer=ann)
        assert "Quiz complete!" in text_of(shown)
        assert world.channel.history(viewer=bob) == []
