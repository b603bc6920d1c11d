"""/ask and /explain through the real bot, on the bundled cartel-strikes pack: private by default,
public on request, always with the source, and an honest "I don't know" off topic."""

from __future__ import annotations

from world import World, reply_text, text_of


async def test_ask_answers_privately_with_its_source_and_refuses_off_topic_in_public(tmp_path):
    async with World(tmp_path) as world:
        ann, bob = world.member("ann"), world.member("bob")
        asked = await ann.slash(world.channel, "ask", question="how many murders in mexico in 2007")
        answer = reply_text(asked)
        assert asked.response is not None and asked.response.ephemeral
        assert "11,000 homicides" in answer and "Source:" in answer, answer
        assert "/explain topic:homicide-figures" in answer

        off = await ann.slash(world.channel, "ask", question="what is the capital of australia",
                              public=True)
        assert "I don't know that from the installed packs" in reply_text(off)
        assert "Try asking about:" in reply_text(off)
        seen_by_bob = [text_of(m) for m in world.channel.history(viewer=bob)]
        assert len(seen_by_bob) == 1 and "I don't know" in seen_by_bob[0]  # public only


async def test_explain_offers_topics_as_you_type_and_shows_one_in_full(tmp_path):
    async with World(tmp_path) as world:
        ann = world.member("ann")
        choices = await ann.autocomplete(world.channel, "explain", "topic", "fentanyl")
        values = [choice["value"] for choice in choices]
        assert "why-fentanyl-is-different" in values, choices
        shown = await ann.slash(world.channel, "explain", topic="why-fentanyl-is-different")
        text = reply_text(shown)
        assert shown.response is not None and shown.response.ephemeral
        assert "Why drones can't easily stop fentanyl" in text and "synthetic" in text, text

        unknown = await ann.slash(world.channel, "explain", topic="no-such-topic")
        assert unknown.ephemeral
        assert reply_text(unknown) == "No explainer called 'no-such-topic'; try /ask instead."
