"""A live quiz in a channel: three players, the reveal at the deadline on the virtual clock, the
podium. Nobody calls the runner: simcord's clock reaches its sleep, as time would in production.
The whole round is ONE channel message (a components v2 card), edited at each deadline."""

from __future__ import annotations

from world import LIVE_SECONDS, MINI, World, button_labels, reply_text, text_of


async def test_three_players_a_reveal_at_each_deadline_and_a_podium(tmp_path):
    async with World(tmp_path) as world:
        teacher, ann, bob, cy = (world.member(n) for n in ("teacher", "ann", "bob", "cy"))
        start = await teacher.slash(world.channel, "quiz start", pack=MINI, count=2, mode="live")
        question = start.response
        assert question is not None and not start.ephemeral
        assert "Question 1/2" in text_of(question) and "started by teacher" in text_of(question)
        for player in (ann, bob, cy):  # the question is public: everyone here sees it
            assert [m.id for m in world.channel.history(viewer=player)] == [question.id]

        # Ann answers at once, Bob 5 s later, Cy wrongly; each is told privately.
        acks = [await world.answer(ann, question)]
        await world.advance(5)
        acks.append(await world.answer(bob, question))
        acks.append(await world.answer(cy, question, right=False))
        for ack in acks:
            assert ack.ephemeral and "Answer locked in" in reply_text(ack)
        seen_by_ann = [m.id for m in world.channel.history(viewer=ann)]
        assert seen_by_ann == [question.id, acks[0].response.id]  # not Bob's or Cy's confirmation

        await world.advance(LIVE_SECONDS - 5 - 1)  # a second before the deadline: no reveal yet
        assert len(world.channel.history(viewer=teacher)) == 1
        assert "Answer to question" not in text_of(world.channel.history(viewer=teacher)[0])
        await world.advance(1)
        public = world.channel.history(viewer=teacher)
        assert [m.id for m in public] == [question.id]  # no new message: the card was edited
        reveal = public[-1]
        assert reveal.flags.components_v2 and not reveal.embeds and not reveal.content
        text = text_of(reveal)
        assert "Answer to question 1/2" in text and "Answers: 2/3 correct" in text, text
        assert text.index("**ann**") < text.index("**bob**")  # fastest first
        assert "Question 2/2" in text and "Question 1/2" not in text  # the next question
        assert "Report a problem" in button_labels(reveal)  # for question 1, just revealed
        assert world.right_answer(reveal)[0] in button_labels(reveal)  # question 2's buttons

        for player in (ann, bob):
            await world.answer(player, reveal)
        await world.answer(cy, reveal, right=False)
        await world.advance(LIVE_SECONDS)
        (podium,) = world.channel.history(viewer=teacher)
        assert podium.id == question.id  # still the message the quiz started in
        text = text_of(podium)
        assert "Answer to question 2/2" in text and "the podium" in text, text
        assert text.index("🥇 **ann**") < text.index("🥈 **bob**") < text.index("🥉 **cy**")
        assert "(2/2)" in text and "0 pts (0/2)" in text
        assert button_labels(podium) == ["Report a problem"]  # only the last reveal's Report
        # As few requests as the round needs: one edit per deadline, no channel post at all.
        channel_calls = [(e.method, e.path) for e in world.env.http_requests
                         if e.path.startswith("/channels/") and "/messages" in e.path
                         and e.method in ("POST", "PATCH")]
        assert [m for m, _ in channel_calls] == ["PATCH", "PATCH"], channel_calls
        assert world.service.quizzes.open_sessions() == []


async def test_with_message_content_an_answer_typed_in_the_channel_counts(tmp_path):
    """QUIZBOT_MESSAGE_CONTENT=1: a plain message in the live channel is an answer, marked 🔒."""
    async with World(tmp_path, message_content=True) as world:
        teacher, ann = world.member("teacher"), world.member("ann")
        start = await teacher.slash(world.channel, "quiz start", pack=MINI, count=1, mode="live")
        label, typed = world.right_answer(start.response)
        said = await ann.send(world.channel, typed or label.lower())  # "b", "true", "97"…
        (mine,) = [m for m in world.channel.history() if m.id == said.id]
        assert [str(r.emoji) for r in mine.reactions] == ["🔒"]
        await world.advance(LIVE_SECONDS)
        assert [m.id for m in world.channel.history(viewer=teacher)] == [start.response.id,
                                                                            said.id]
        end = text_of(world.channel.history(viewer=teacher)[0])
        assert "Answers: 1/1 correct" in end and "🥇 **ann** — 100 pts (1/1)" in end, end
        assert "1 question ·" in end


async def test_quiz_stop_turns_the_live_card_into_the_podium(tmp_path):
    async with World(tmp_path) as world:
        teacher, ann, cy = (world.member(n) for n in ("teacher", "ann", "cy"))
        start = await teacher.slash(world.channel, "quiz start", pack=MINI, count=3, mode="live")
        await world.answer(ann, start.response)
        stopped = await teacher.slash(world.channel, "quiz stop")
        assert stopped.ephemeral and "Stopped" in reply_text(stopped)
        (card,) = world.channel.history(viewer=cy)  # a bystander sees the one card
        assert card.id == start.response.id
        text = text_of(card)
        assert "Live quiz stopped" in text and "Stopped by teacher" in text, text
        assert button_labels(card) == []  # nothing left to answer
        await world.advance(LIVE_SECONDS * 2)
        assert [m.id for m in world.channel.history(viewer=cy)] == [start.response.id]
