"""The live clock in bad weather: a round that keeps failing, a pack that vanished, a /quiz stop
landing while a reveal is being posted, a live start whose message never went out, and the
background task production actually runs (wait_until_ready → recover → run)."""

from __future__ import annotations

import asyncio
from unittest.mock import AsyncMock

import discord
import pytest
from fakes import actor, fake_interaction
from quiz_fakes import (
    ANN,
    CHANNEL,
    GUILD,
    FakeClock,
    QuizDriver,
    capture_requests,
    quiz_bot,
    quiz_pack,
    quiz_service,
)
from test_quiz_live import RecordingPoster

from bot.core.models import Mode, Pack
from bot.core.play.live_runner import (
    BROKEN_NOTE,
    MAX_FAILURES,
    PACK_GONE_NOTE,
    RETRY_AFTER,
    LiveRound,
    LiveRunner,
)


class NotingPoster(RecordingPoster):
    """Also remembers the note of every finish."""

    def __init__(self) -> None:
        super().__init__()
        self.notes: list[str | None] = []

    async def finish(self, channel_id, summary, reveal=None, note=None, message_id=None):
        self.notes.append(note)
        await super().finish(channel_id, summary, reveal, note, message_id)


def _live(service, clock, poster, channel: str = CHANNEL) -> tuple[LiveRunner, str]:
    view = service.quizzes.start_quiz(actor(), "quiz", 3, Mode.LIVE, channel_id=channel)
    runner = LiveRunner(service, poster, clock=clock)
    runner.track(LiveRound(view.session_id, GUILD, channel, view.question_id,
                           view.deadline or 0, "10"))
    return runner, view.session_id


async def test_a_round_that_keeps_failing_backs_off_then_is_closed_with_a_note(monkeypatch):
    clock = FakeClock()
    service = quiz_service(clock, live_seconds=5)
    poster = NotingPoster()
    runner, session = _live(service, clock, poster)

    def broken(*_args):
        raise RuntimeError("database is locked")

    monkeypatch.setattr(service.quizzes, "reveal", broken)
    clock.advance(6)
    assert await runner.tick() == 1
    # Not due again at once: retried later, not every 50 ms with a traceback each time.
    assert await runner.tick() == 0
    for _ in range(MAX_FAILURES - 1):
        clock.advance(60)
        assert await runner.tick() == 1
    assert runner.rounds == []
    assert poster.notes == [BROKEN_NOTE]
    assert service.quizzes.open_sessions() == []
    assert session not in {s.session_id for s in service.quizzes.open_sessions()}


class FlakyPoster(NotingPoster):
    """Discord answers 5xx to the first `failures` posts (questions and podiums alike)."""

    def __init__(self, failures: int = 1) -> None:
        super().__init__()
        self.failures = failures

    def _maybe_fail(self) -> None:
        if self.failures:
            self.failures -= 1
            raise discord.DiscordServerError(AsyncMock(status=503, reason="Unavailable"), "")

    async def question(self, channel_id, question, reveal=None, message_id=None):
        self._maybe_fail()
        return await super().question(channel_id, question, reveal, message_id)

    async def finish(self, channel_id, summary, reveal=None, note=None, message_id=None):
        self._maybe_fail()
        await super().finish(channel_id, summary, reveal, note, message_id)


async def test_a_reveal_discord_failed_to_post_is_shown_on_the_retry_not_lost():
    """Found end to end (tests/e2e/test_faults.py): the reveal was committed, the post failed,
    and the runner took the quiz as 'moved on', so the next question stayed open unseen."""
    clock = FakeClock()
    service = quiz_service(clock, live_seconds=20)
    poster = FlakyPoster(failures=1)
    runner, session = _live(service, clock, poster)
    clock.advance(21)
    assert await runner.tick() == 1
    assert poster.events == []  # the reveal and question 2 did not go out
    clock.advance(RETRY_AFTER)
    assert await runner.tick() == 1
    assert poster.events == ["q2 in 10"]  # shown in the quiz's message, not revealed twice
    (tracked,) = runner.rounds
    (open_session,) = service.quizzes.open_sessions()
    assert tracked.session_id == session and tracked.unshown is None
    assert tracked.question_id == open_session.question_id
    assert tracked.deadline == open_session.deadline  # question 2's own deadline again
    assert tracked.message_id == "10"  # still the one message


async def test_a_podium_discord_failed_to_post_is_posted_on_the_retry():
    clock = FakeClock()
    service = quiz_service(clock, live_seconds=5)
    poster = FlakyPoster(failures=1)
    view = service.quizzes.start_quiz(actor(), "quiz", 1, Mode.LIVE, channel_id=CHANNEL)
    runner = LiveRunner(service, poster, clock=clock)
    runner.track(LiveRound(view.session_id, GUILD, CHANNEL, view.question_id,
                           view.deadline or 0, "10"))
    clock.advance(6)
    assert await runner.tick() == 1 and poster.events == []
    clock.advance(RETRY_AFTER)
    assert await runner.tick() == 1
    assert poster.events == ["podium in 10"] and runner.rounds == []


async def test_a_failure_in_one_channel_leaves_the_other_running(monkeypatch):
    clock = FakeClock()
    service = quiz_service(clock, live_seconds=5)
    poster = NotingPoster()
    runner, broken_session = _live(service, clock, poster, "broken")
    other = service.quizzes.start_quiz(actor(), "quiz", 3, Mode.LIVE, channel_id=CHANNEL)
    runner.track(LiveRound(other.session_id, GUILD, CHANNEL, other.question_id,
                           other.deadline or 0))
    reveal = service.quizzes.reveal

    def flaky(session_id, question_id):
        if session_id == broken_session:
            raise RuntimeError("boom")
        return reveal(session_id, question_id)

    monkeypatch.setattr(service.quizzes, "reveal", flaky)
    clock.advance(6)
    assert await runner.tick() == 2
    assert "q2 in None" in poster.events
    assert {r.session_id for r in runner.rounds} == {broken_session, other.session_id}


async def test_a_pack_removed_under_a_live_quiz_closes_it_with_a_message():
    clock = FakeClock()
    service = quiz_service(clock, live_seconds=5)
    poster = NotingPoster()
    runner, _ = _live(service, clock, poster)
    service.library._packs.clear()  # the pack file was deleted and the library reloaded
    clock.advance(6)
    await runner.tick()
    assert poster.notes == [PACK_GONE_NOTE]
    assert runner.rounds == [] and service.quizzes.open_sessions() == []


async def test_a_question_dropped_from_its_pack_closes_the_live_quiz_and_frees_the_channel():
    clock = FakeClock()
    service = quiz_service(clock, live_seconds=5)
    poster = NotingPoster()
    runner, session = _live(service, clock, poster)
    current = service.quizzes.current_question(session, GUILD)
    assert current is not None
    pack = quiz_pack()
    fewer = tuple(q for q in pack.questions if q.id != current.question_id)
    service.library.add(Pack(pack.id, pack.title, pack.description, pack.source, pack.topics,
                             fewer))
    clock.advance(6)
    await runner.tick()
    assert poster.notes == [PACK_GONE_NOTE]
    assert service.quizzes.open_sessions() == []  # else "already running" in this channel forever
    service.quizzes.start_quiz(actor(), "quiz", 2, Mode.LIVE, channel_id=CHANNEL)


async def test_a_stop_while_the_reveal_is_posted_is_not_undone():
    clock = FakeClock()
    service = quiz_service(clock, live_seconds=5)
    gate = asyncio.Event()

    class SlowPoster(NotingPoster):
        async def question(self, channel_id, question, reveal=None, message_id=None):
            await gate.wait()  # Discord is slow to answer the edit
            return await super().question(channel_id, question, reveal, message_id)

    poster = SlowPoster()
    runner, session = _live(service, clock, poster)
    clock.advance(6)
    tick = asyncio.create_task(runner.tick())
    await asyncio.sleep(0)
    service.quizzes.stop_quiz(actor(), session)  # what /quiz stop does meanwhile
    runner.forget(session)
    gate.set()
    await tick
    assert runner.rounds == []  # the stop is not undone by the edit that was in flight
    assert service.quizzes.open_sessions() == []


async def test_a_live_start_whose_message_fails_frees_the_channel():
    clock = FakeClock()
    service = quiz_service(clock)
    bot, cog = await quiz_bot(service)
    interaction = fake_interaction(bot)
    interaction.channel_id = int(CHANNEL)
    response = discord.NotFound(AsyncMock(status=404, reason="Not Found"), "Unknown interaction")
    interaction.response.send_message.side_effect = response
    with pytest.raises(discord.NotFound):
        await cog.quiz_start.callback(cog, interaction, pack="quiz", count=2, mode="live")
    assert service.quizzes.open_sessions() == [] and cog.runner.rounds == []
    service.quizzes.start_quiz(actor(), "quiz", 2, Mode.LIVE, channel_id=CHANNEL)  # not "busy"
    await bot.close()


STUDY_ANYWHERE = {"ask", "explain", "quiz", "reminders"}  # also in DMs and as a user install


async def test_every_command_is_offered_in_servers_only_except_study_anywhere():
    service = quiz_service(FakeClock())
    bot, _ = await quiz_bot(service)
    for command in bot.tree.get_commands():
        payload = command.to_dict(bot.tree)
        if command.name in STUDY_ANYWHERE:
            assert payload.get("contexts") == [0, 1, 2], command.name
            assert payload.get("integration_types") == [0, 1], command.name
        else:
            assert payload.get("contexts") == [0], command.name
            assert payload.get("integration_types") in (None, [0]), command.name
    await bot.close()


async def test_the_background_task_recovers_and_runs_the_clock_once_ready():
    """Production's path: cog_load's task waits for READY, resumes open quizzes, then ticks on
    its own (real asyncio.sleep, fake clock) without any test calling tick()."""
    clock = FakeClock()
    service = quiz_service(clock, live_seconds=5)
    first = service.quizzes.start_quiz(actor(), "quiz", 2, Mode.LIVE, channel_id=CHANNEL)
    bot, cog = await quiz_bot(service)
    poster = NotingPoster()
    cog.runner.poster = poster
    assert cog._task is not None and not cog._task.done()
    bot._ready.set()  # what the gateway's READY does
    for _ in range(50):
        await asyncio.sleep(0.01)
        if cog.runner.rounds:
            break
    assert [r.session_id for r in cog.runner.rounds] == [first.session_id]
    clock.advance(6)
    cog.runner.wake()  # the runner sleeps to the deadline on the real loop: say the clock moved
    for _ in range(300):
        await asyncio.sleep(0.01)
        if poster.events:
            break
    assert poster.events == ["q2 in None"]  # recovered without its message: posts anew
    assert not cog._task.done()
    await bot.close()
    assert cog._task.done()


async def test_a_student_stops_their_own_practice_quiz_in_a_live_channel():
    """/quiz stop means "my quiz" to a student who cannot stop the live one here."""
    clock = FakeClock()
    service = quiz_service(clock)
    bot, cog = await quiz_bot(service)
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        await driver.command("quiz start", pack="quiz", count=3, mode="live")
        await driver.command("quiz start", pack="quiz", count=3, user=ANN, who="ann")
        stopped = await driver.command("quiz stop", user=ANN, who="ann")
        assert stopped.ephemeral and "Quiz stopped" in stopped.text
        assert [s.mode for s in service.quizzes.open_sessions()] == [Mode.LIVE]
        refused = await driver.command("quiz stop", user=ANN, who="ann")
        assert refused.ephemeral and "Only the person who started" in refused.text
    assert len(cog.runner.rounds) == 1
    await bot.close()
