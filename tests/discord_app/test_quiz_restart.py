"""Restarts: a new bot over the same database picks up live quizzes (reveal and continue, or close
with a message when the bot was down for long), and buttons posted before the restart still work
because they are DynamicItems parsed from their custom_id."""

from __future__ import annotations

from pathlib import Path
from unittest.mock import MagicMock

import discord
from fakes import actor, fake_interaction
from quiz_fakes import (
    ANN,
    CHANNEL,
    GUILD,
    TEACHER,
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
from bot.core.service.quizzes import STALE_AFTER
from bot.discord_app.cards import closed_text
from bot.discord_app.cogs.quiz import RESTART_NOTE
from bot.discord_app.quiz_views import QuizButton, QuizRef
from bot.store.db import Store

CLOSED_TEXT = closed_text()


def fresh(path: Path, clock: FakeClock):
    """A 'restarted' service: a new Store over the same file."""
    return quiz_service(clock, Store.open(path))


async def test_overdue_live_question_is_revealed_and_the_quiz_continues(tmp_path):
    clock = FakeClock()
    db = tmp_path / "quiz.sqlite3"
    old_service = fresh(db, clock)
    old_bot, _ = await quiz_bot(old_service)
    with capture_requests() as sent:
        start = await QuizDriver(old_bot, sent).command("quiz start", pack="quiz", count=3,
                                                        mode="live")
    session = session_of(custom_ids(start.data)[0])

    clock.advance(25)  # the bot was down across the deadline, briefly
    service = fresh(db, clock)
    bot, cog = await quiz_bot(service)
    with capture_requests() as sent:
        assert await cog.recover() == 1
        driver = QuizDriver(bot, sent)
        assert driver.posts() == []  # the quiz's own message, remembered across the restart
        (post,) = driver.edits()
        assert "Answer to question 1/3" in text_of(post.payload)
        assert "Question 2/3" in text_of(post.payload)
    (info,) = service.quizzes.open_sessions()
    assert info.session_id == session and info.deadline == clock.now + 20
    assert [r.session_id for r in cog.runner.rounds] == [session]


async def test_live_quiz_left_for_long_is_closed_with_a_message(tmp_path):
    clock = FakeClock()
    db = tmp_path / "quiz.sqlite3"
    first = fresh(db, clock).quizzes.start_quiz(actor(), "quiz", 3, Mode.LIVE, channel_id=CHANNEL)
    clock.advance(STALE_AFTER + 60)
    service = fresh(db, clock)
    bot, cog = await quiz_bot(service)
    with capture_requests() as sent:
        assert await cog.recover() == 1
        (post,) = QuizDriver(bot, sent).posts()
    assert RESTART_NOTE in text_of(post.payload)
    assert post.payload["allowed_mentions"] == {"parse": []}
    assert service.quizzes.open_sessions() == [] and cog.runner.rounds == []
    assert first.session_id not in {s.session_id for s in service.quizzes.open_sessions()}


async def test_solo_button_from_before_a_restart_still_answers(tmp_path):
    clock = FakeClock()
    db = tmp_path / "quiz.sqlite3"
    old_bot, _ = await quiz_bot(fresh(db, clock))
    with capture_requests() as sent:
        start = await QuizDriver(old_bot, sent).command("quiz start", pack="quiz", count=2)

    service = fresh(db, clock)
    bot, cog = await quiz_bot(service)
    with capture_requests() as sent:
        assert await cog.recover() == 0  # solo sessions need no recovery
        driver = QuizDriver(bot, sent)
        skipped = await driver.click(button(start.data, action="skip"), start.data)
        assert skipped.type == 7 and "Skipped" in skipped.text
        again = await driver.click(button(start.data, action="skip"), start.data)
        assert again.ephemeral and CLOSED_TEXT in again.text
        gone = QuizRef(Mode.SOLO, "feedbeef0000", "president", "a", 0).custom_id
        unknown = await driver.click(gone, {"components": [{"type": 1, "components": [
            {"type": 2, "style": 1, "label": "A", "custom_id": gone}]}]})
        assert unknown.ephemeral and CLOSED_TEXT in unknown.text


async def test_typed_answer_submitted_after_a_restart_is_still_judged(tmp_path):
    clock = FakeClock()
    db = tmp_path / "quiz.sqlite3"
    first = fresh(db, clock).quizzes.start_quiz(actor(), "quiz", 4, Mode.SOLO, seed=3)
    service = fresh(db, clock)
    bot, _cog = await quiz_bot(service)
    view = service.quizzes.current_question(first.session_id, GUILD)
    modal_id = QuizRef.for_question(view).modal_id
    with capture_requests() as sent:
        reply = await QuizDriver(bot, sent).submit(modal_id, wrong_in_form(service, view),
                                                   user=TEACHER)
    assert reply.type == 4 and reply.ephemeral  # no message to edit: a fresh private reply
    assert "Not quite" in reply.text
    assert view.type in QuestionType


async def test_quiz_button_with_spec_fakes_scores_once():
    """The DESIGN.md way: a spec'd Interaction and the item's callback, clicked twice."""
    clock = FakeClock()
    service = quiz_service(clock)
    bot, _cog = await quiz_bot(service)
    view = service.quizzes.start_quiz(actor(), "quiz", 4, Mode.SOLO)
    item = QuizButton(QuizRef.for_question(view, "skip"), label="Skip")
    first, second = fake_interaction(bot), fake_interaction(bot)
    for interaction in (first, second):
        interaction.message = MagicMock(spec=discord.Message)
        await item.callback(interaction)
    kwargs = first.response.edit_message.await_args.kwargs
    assert kwargs["allowed_mentions"].to_dict() == {"parse": []}
    assert isinstance(kwargs["view"], discord.ui.LayoutView) and "embeds" not in kwargs
    assert "Skipped" in text_of({"components": kwargs["view"].to_components()})
    second.response.send_message.assert_awaited_once()
    assert CLOSED_TEXT in second.response.send_message.await_args.args[0]
    assert second.response.send_message.await_args.kwargs["ephemeral"] is True
    summary = service.quizzes.summary(view.session_id, GUILD, str(TEACHER))
    assert summary.skipped == 1


async def test_typed_chat_answers_count_only_with_message_content_enabled():
    clock = FakeClock()
    service = quiz_service(clock)
    for enabled in (False, True):
        bot, cog = await quiz_bot(service, message_content=enabled)
        with capture_requests():
            view = service.quizzes.start_quiz(actor(), "quiz", 2, Mode.LIVE, channel_id=CHANNEL)
            from bot.core.play.live_runner import LiveRound

            cog.runner.track(LiveRound(view.session_id, GUILD, CHANNEL, view.question_id,
                                       view.deadline or 0))
            message = MagicMock(spec=discord.Message)
            message.content = right_answer(service, view)
            message.author = MagicMock(spec=discord.Member, id=ANN, display_name="ann", bot=False,
                                       roles=[])
            message.author.guild_permissions = discord.Permissions.none()
            message.guild = MagicMock(spec=discord.Guild, id=int(GUILD))
            message.channel = MagicMock(spec=discord.TextChannel, id=int(CHANNEL))
            await cog.on_message(message)
            assert message.add_reaction.await_count == (1 if enabled else 0)
            service.quizzes.stop_quiz(actor(manage=True), view.session_id)
