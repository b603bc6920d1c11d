"""A solo quiz played to its summary through the real bot: private to the player throughout."""

from __future__ import annotations

import pytest
from simcord import SetupError
from world import MINI, World, reply_text, text_of


async def test_a_solo_quiz_is_played_to_its_summary_and_only_the_player_sees_it(tmp_path):
    async with World(tmp_path) as world:
        ann, bob = world.member("ann"), world.member("bob")
        start = await ann.slash(world.channel, "quiz start", pack=MINI, count=4, mode="solo")
        assert start.ephemeral
        quiz = start.response
        assert quiz is not None and "Question 1/4" in text_of(quiz)

        # Bob, in the same channel, sees nothing of it and cannot press its buttons.
        assert all(m.id != quiz.id for m in world.channel.history(viewer=bob))
        with pytest.raises(SetupError, match="not visible"):
            await bob.click(quiz, label="Hint")

        for position in range(1, 5):
            assert f"Question {position}/4" in text_of(quiz)
            result = await world.answer(ann, quiz)
            assert "✅ Correct!" in reply_text(result), reply_text(result)
            assert result.response is not None and result.response.id == quiz.id  # edited in place
            assert result.response.ephemeral
            quiz = result.response
        summary = text_of(quiz)
        assert "Quiz complete!" in summary and "Correct: 4/4 (100%)" in summary, summary
        assert "Points: 460" in summary  # 100 + 110 + 120 + 130: the streak bonus
        assert "Server rank: #1" in summary

        assert [m.id for m in world.channel.history(viewer=ann)] == [quiz.id]
        assert world.channel.history(viewer=bob) == []
