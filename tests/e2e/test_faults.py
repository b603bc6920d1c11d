"""Discord failing under a live quiz: a 500 on the reveal's edit is retried, so the reveal and the
next question arrive late instead of never (the next question was left open and unseen)."""

from __future__ import annotations

from world import LIVE_SECONDS, MINI, World, button_labels, text_of

from bot.core.play.live_runner import RETRY_AFTER


async def test_a_500_on_a_live_reveal_delays_it_and_the_quiz_recovers(tmp_path):
    async with World(tmp_path) as world:
        teacher, ann, bob = (world.member(n) for n in ("teacher", "ann", "bob"))
        start = await teacher.slash(world.channel, "quiz start", pack=MINI, count=2, mode="live")
        await world.answer(ann, start.response)
        world.env.inject_error("PATCH", "/channels/*/messages/*", status=500)  # the next edit

        await world.advance(LIVE_SECONDS)
        (shown,) = world.channel.history(viewer=teacher)  # the reveal's edit failed
        assert "Answer to question" not in text_of(shown)
        assert any(entry.method == "PATCH" and "/messages/" in entry.path
                   for entry in world.env.http_requests)  # it was tried, at the deadline

        await world.advance(RETRY_AFTER)
        (reveal,) = world.channel.history(viewer=teacher)  # still one message: edited now
        assert reveal.id == start.response.id
        assert "Answer to question 1/2" in text_of(reveal) and "Question 2/2" in text_of(reveal)
        assert "Answers: 1/1 correct" in text_of(reveal)  # Ann's answer counted once
        assert button_labels(reveal)  # question 2 can be answered

        await world.answer(ann, reveal)
        await world.answer(bob, reveal)
        await world.advance(LIVE_SECONDS)
        podium = text_of(world.channel.history(viewer=teacher)[-1])
        assert "Answer to question 2/2" in podium and "the podium" in podium, podium
        assert "Answers: 2/2 correct" in podium
        assert podium.index("🥇 **ann**") < podium.index("🥈 **bob**")
        assert world.service.quizzes.open_sessions() == []
