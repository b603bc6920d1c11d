"""Live quizzes: public questions with a client-side countdown, private acks, reveals driven by
a fake clock (LiveRunner.tick, never a real sleep), the podium, /quiz stop and channel locks."""

from __future__ import annotations

import asyncio
import contextlib

from contract import COMPONENTS_V2
from fakes import actor
from quiz_fakes import (
    ANN,
    BOB,
    CHANNEL,
    GUILD,
    FakeClock,
    QuizDriver,
    button,
    capture_requests,
    custom_ids,
    quiz_bot,
    quiz_service,
    right_answer,
    session_of,
    text_of,
    wrong_in_form,
)

from bot.core.models import Mode, QuestionType
from bot.core.play.live_runner import IDLE_PAUSE, ChannelGone, LiveRound, LiveRunner
from bot.core.results import QuestionView
from bot.discord_app.quiz_views import QuizRef

ANN_NAME = "@everyone **Ann**"  # a hostile display name: must be escaped and never ping
BOB_NAME = "bob"


async def answer(driver: QuizDriver, service, view: QuestionView, message: dict, *, user: int,
                 who: str, right: bool):
    """Answer the way the UI allows: a button for choice/true-false, else the modal."""
    if view.type is QuestionType.CHOICE:
        label = right_answer(service, view) if right else "C"
        return await driver.click(button(message, label=label), message, user=user, who=who)
    if view.type is QuestionType.TRUEFALSE:
        label = right_answer(service, view) if right else "False"
        return await driver.click(button(message, label=label), message, user=user, who=who)
    modal = await driver.click(button(message, action="type"), message, user=user, who=who)
    assert modal.type == 9 and modal.data["custom_id"] == QuizRef.for_question(view).modal_id
    typed = right_answer(service, view) if right else wrong_in_form(service, view)
    return await driver.submit(modal.data["custom_id"], typed,
                               user=user, who=who)


async def test_live_quiz_acks_privately_reveals_at_the_deadline_and_ends_with_a_podium():
    clock = FakeClock()
    service = quiz_service(clock, live_seconds=20)
    bot, cog = await quiz_bot(service)
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        start = await driver.command("quiz start", pack="quiz", count=4, mode="live")
        assert start.type == 4 and not start.ephemeral
        assert start.data["allowed_mentions"] == {"parse": []}
        deadline = int(clock.now) + 20
        assert f"<t:{deadline}:R>" in start.text  # the countdown runs in each Discord client
        session = session_of(custom_ids(start.data)[0])
        assert service.quizzes.open_sessions()[0].message_id is not None  # remembered for restarts
        message = start.data
        used = set()
        for position in range(1, 5):
            view = service.quizzes.current_question(session, GUILD)
            assert view is not None and view.position == position
            clock.advance(2)
            ack = await answer(driver, service, view, message, user=ANN, who=ANN_NAME, right=True)
            assert ack.type == 4 and ack.ephemeral and "locked in" in ack.text
            again = await answer(driver, service, view, message, user=ANN, who=ANN_NAME,
                                 right=True)
            assert again.ephemeral and "already answered" in again.text
            clock.advance(3)
            late = await answer(driver, service, view, message, user=BOB, who=BOB_NAME,
                                right=False)
            assert late.ephemeral and "locked in" in late.text
            used.add("modal" if view.type in (QuestionType.TEXT, QuestionType.NUMBER)
                     else "button")

            assert await cog.runner.tick() == 0  # not yet: the deadline is still ahead
            before = len(sent)
            clock.advance(20)
            assert await cog.runner.tick() == 1
            assert driver.posts(before) == []  # one message for the whole quiz: edited
            edits = driver.edits(before)
            assert len(edits) == 1 and edits[0].edited_flags == COMPONENTS_V2  # the start card
            post = edits[0].payload
            assert post["allowed_mentions"] == {"parse": []}
            reveal = text_of(post)
            assert f"Answer to question {position}/4" in reveal
            assert "1/2 correct" in reveal
            assert "\\@everyone \\*\\*Ann\\*\\*" in reveal or "@\u200beveryone" in reveal
            assert "@everyone **Ann**" not in reveal
            message = post
        assert used == {"modal", "button"}
        assert "podium" in text_of(message)
        assert text_of(message).index("Ann") < text_of(message).index("bob")
        # Only the last question's Report button is left on the podium.
        assert [c.split(":")[0] for c in custom_ids(message)] == ["qreport"]
    assert service.quizzes.open_sessions() == []
    assert cog.runner.rounds == []


async def test_second_live_quiz_in_a_channel_is_refused_and_students_cannot_stop_it():
    clock = FakeClock()
    service = quiz_service(clock)
    bot, cog = await quiz_bot(service)
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        await driver.command("quiz start", pack="quiz", count=3, mode="live")
        busy = await driver.command("quiz start", pack="quiz", count=3, mode="live", user=ANN,
                                    who="ann")
        assert busy.type == 4 and busy.ephemeral and "already running" in busy.text
        refused = await driver.command("quiz stop", user=ANN, who="ann")
        assert refused.ephemeral and "Only the person who started" in refused.text
        assert len(service.quizzes.open_sessions()) == 1 and len(cog.runner.rounds) == 1

        moderator = await driver.command("quiz stop", user=BOB, who="mod", permissions=1 << 5)
        assert moderator.type == 4 and moderator.ephemeral and "Stopped" in moderator.text
        (podium,) = driver.edits(len(sent) - 1)  # the live card became the podium
        assert "stopped" in text_of(podium.payload) and "Stopped by mod" in text_of(podium.payload)
    assert service.quizzes.open_sessions() == [] and cog.runner.rounds == []


async def test_starter_stops_their_live_quiz_and_the_timer_forgets_it():
    clock = FakeClock()
    service = quiz_service(clock)
    bot, cog = await quiz_bot(service)
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        start = await driver.command("quiz start", pack="quiz", count=2, mode="live")
        before = len(sent)
        stopped = await driver.command("quiz stop")
        assert stopped.ephemeral and driver.posts(before) == []
        (podium,) = driver.edits(before)
        assert podium.edited_flags == COMPONENTS_V2 and "Live quiz stopped" in text_of(
            podium.payload)
        clock.advance(60)
        before = len(sent)
        assert await cog.runner.tick() == 0
        assert driver.posts(before) == []
        view_ids = custom_ids(start.data)
        stale = await driver.click(view_ids[0], start.data, user=ANN, who="ann")
        assert stale.ephemeral and "already closed" in stale.text


async def test_runner_loop_sleeps_on_the_injected_clock():
    """LiveRunner.run with a fake sleep that moves the fake clock: reveals, no real waiting.
    It sleeps until each deadline (5 s questions), never in short polls, then idles in one long
    sleep (which this fake sleep ends; before, it ended only through the hook's 30 s timeout)."""
    clock = FakeClock()
    service = quiz_service(clock, live_seconds=5)
    poster = RecordingPoster()
    naps: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        naps.append(seconds)
        clock.advance(seconds)
        if "podium in 10" in poster.events:
            raise asyncio.CancelledError

    first = service.quizzes.start_quiz(actor(), "quiz", 2, Mode.LIVE, channel_id=CHANNEL)
    runner = LiveRunner(service, poster, sleep=fake_sleep, clock=clock)
    runner.track(LiveRound(first.session_id, GUILD, CHANNEL, first.question_id,
                           first.deadline or 0, "10"))
    with contextlib.suppress(asyncio.CancelledError):
        await runner.run()
    assert poster.events == ["q2 in 10", "podium in 10"]  # one message, edited twice
    assert naps == [5, 5, IDLE_PAUSE]
    assert runner.rounds == []


class RecordingPoster:
    """A Poster that remembers what would have been shown."""

    def __init__(self) -> None:
        self.events: list[str] = []

    async def question(self, channel_id, question, reveal=None, message_id=None):
        self.events.append(f"q{question.position} in {message_id}")
        return message_id or "1"

    async def finish(self, channel_id, summary, reveal=None, note=None, message_id=None):
        self.events.append(f"podium in {message_id}")


async def test_a_vanished_channel_closes_its_live_quiz_and_spares_the_others():
    clock = FakeClock()
    service = quiz_service(clock, live_seconds=5)

    class GonePoster(RecordingPoster):
        async def question(self, channel_id, question, reveal=None, message_id=None):
            if channel_id == "gone":
                raise ChannelGone(channel_id)
            return await super().question(channel_id, question, reveal, message_id)

    poster = GonePoster()
    runner = LiveRunner(service, poster, clock=clock)
    for channel in ("gone", CHANNEL):
        view = service.quizzes.start_quiz(actor(), "quiz", 3, Mode.LIVE, channel_id=channel)
        runner.track(LiveRound(view.session_id, GUILD, channel, view.question_id,
                               view.deadline or 0))
    clock.advance(6)
    assert await runner.tick() == 2
    assert [r.channel_id for r in runner.rounds] == [CHANNEL]
    assert [s.channel_id for s in service.quizzes.open_sessions()] == [CHANNEL]
    assert "q2 in None" in poster.events
