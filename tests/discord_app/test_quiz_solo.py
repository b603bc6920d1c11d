"""Solo quizzes through real interaction payloads: buttons, hint, skip, the modal, the summary,
refusals and double clicks. Every reply is validated against Discord's schema by the driver."""

from __future__ import annotations

from fakes import actor
from payloads import autocomplete_payload
from quiz_fakes import (
    ANN,
    BOB,
    CHANNEL,
    GUILD,
    TEACHER,
    FakeClock,
    QuizDriver,
    _buttons,
    button,
    capture_requests,
    custom_ids,
    dispatch_with_listeners,
    quiz_bot,
    quiz_service,
    right_answer,
    session_of,
    wrong_in_form,
)

from bot.core.models import Mode, QuestionType
from bot.discord_app.cards import closed_text
from bot.discord_app.quiz_views import QuizRef

CLOSED_TEXT = closed_text()


async def test_solo_quiz_plays_through_buttons_hint_skip_modal_to_summary():
    clock = FakeClock()
    service = quiz_service(clock)
    bot, _cog = await quiz_bot(service)
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        reply = await driver.command("quiz start", pack="quiz", count=4, mode="solo")
        assert reply.type == 4 and reply.ephemeral
        assert "Question 1/4" in reply.text and "▰" in reply.text
        message = reply.data
        session = session_of(custom_ids(message)[0])
        seen: set[str] = set()
        for position in range(1, 5):
            view = service.quizzes.current_question(session, GUILD)
            assert view is not None and view.position == position
            if view.hints_available:
                hint = await driver.click(button(message, action="hint"), message)
                assert hint.type == 4 and hint.ephemeral and "💡 Hint" in hint.text
                seen.add("hint")
            if view.type is QuestionType.CHOICE:
                clicked = button(message, label=right_answer(service, view))
                reply = await driver.click(clicked, message)
                assert reply.type == 7 and "✅ Correct" in reply.text
                seen.add("button")
            elif view.type is QuestionType.TRUEFALSE:
                reply = await driver.click(button(message, action="skip"), message)
                assert reply.type == 7 and "Skipped" in reply.text
                seen.add("skip")
            else:
                modal = await driver.click(button(message, action="type"), message)
                assert modal.type == 9
                (modal_id,) = [c for c in custom_ids(modal.data) if c.startswith("quizm:")] or [
                    modal.data["custom_id"]]
                reply = await driver.submit(modal_id, right_answer(service, view),
                                            message=message)
                assert reply.type == 7 and "✅ Correct" in reply.text
                seen.add("modal")
            assert "Why" in reply.text  # the explanation comes with every verdict
            assert "Report a problem" in [c.get("label") for c in _buttons(reply.data)]
            message = reply.data
            if position < 4:  # Next turns the verdict back into a question, same message
                shown = await driver.click(button(message, action="next"), message)
                assert shown.type == 7 and f"Question {position + 1}/4" in shown.text
                assert "Why" not in shown.text
                message = shown.data
        assert seen == {"hint", "button", "skip", "modal"}
        assert "Quiz complete" in reply.text
        # no quiz buttons left on the summary, only the last question's Report button
        assert [c.split(":")[0] for c in custom_ids(message)] == ["qreport"]
    summary = service.quizzes.summary(session, GUILD, str(TEACHER))
    assert (summary.answered, summary.correct, summary.skipped) == (3, 3, 1)


async def test_double_click_and_retried_interaction_score_once():
    service = quiz_service(FakeClock())
    bot, _cog = await quiz_bot(service)
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        start = await driver.command("quiz start", pack="quiz", count=4)
        message = start.data
        session = session_of(custom_ids(message)[0])
        view = service.quizzes.current_question(session, GUILD)
        assert view is not None
        clicked = _any_answer_button(message, view.type)
        if clicked is None:  # a typed question first: the modal submitted twice
            modal_id = QuizRef.for_question(view).modal_id
            typed = wrong_in_form(service, view)
            first = await driver.submit(modal_id, typed, message=message)
            second = await driver.submit(modal_id, typed, message=message)
        else:
            first = await driver.click(clicked, message)
            second = await driver.click(clicked, message)
        assert first.type == 7
        assert second.type == 4 and second.ephemeral and CLOSED_TEXT in second.text
    summary = service.quizzes.summary(session, GUILD, str(TEACHER))
    assert summary.answered + summary.skipped == 1


def _any_answer_button(message: dict, question_type: QuestionType) -> str | None:
    if question_type is QuestionType.CHOICE:
        return button(message, label="B")
    if question_type is QuestionType.TRUEFALSE:
        return button(message, label="False")
    return None


async def test_someone_elses_solo_button_is_refused_without_scoring():
    service = quiz_service(FakeClock())
    bot, _cog = await quiz_bot(service)
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        start = await driver.command("quiz start", pack="quiz", count=2)
        skip = button(start.data, action="skip")
        refused = await driver.click(skip, start.data, user=BOB, who="bob")
        assert refused.ephemeral and "belongs to someone else" in refused.text
    session = session_of(skip)
    assert service.quizzes.current_question(session, GUILD).position == 1


async def test_refusals_are_private_and_name_the_problem():
    service = quiz_service(FakeClock())
    bot, _cog = await quiz_bot(service)
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        for count in (0, 51):
            reply = await driver.command("quiz start", pack="quiz", count=count)
            assert reply.type == 4 and reply.ephemeral
            assert "between 1 and 50" in reply.text
        unknown = await driver.command("quiz start", pack="nope", count=3)
        assert unknown.ephemeral and "nope" in unknown.text
        nothing = await driver.command("quiz stop", user=ANN, who="ann")
        assert nothing.ephemeral and "no quiz running" in nothing.text
    assert service.quizzes.open_sessions() == []


async def test_stop_ends_your_own_solo_quizzes_with_a_summary():
    service = quiz_service(FakeClock())
    bot, _cog = await quiz_bot(service)
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        await driver.command("quiz start", pack="quiz", count=2)  # left open, then forgotten
        start = await driver.command("quiz start", pack="quiz", count=3)
        others = await driver.command("quiz start", pack="quiz", count=3, user=ANN, who="ann")
        stopped = await driver.command("quiz stop")
        assert stopped.ephemeral and "Quiz stopped" in stopped.text
        stale = await driver.click(button(start.data, action="skip"), start.data)
        assert stale.ephemeral and CLOSED_TEXT in stale.text
    assert [s.session_id for s in service.quizzes.open_sessions()] == [
        session_of(custom_ids(others.data)[0])]  # Ann's quiz is hers to stop


async def test_pack_autocomplete_offers_installed_packs():
    service = quiz_service(FakeClock())
    bot, _cog = await quiz_bot(service)
    with capture_requests() as sent:
        await dispatch_with_listeners(bot, autocomplete_payload(bot, "quiz start", "pack",
                                                                pack="qui"))
    (request,) = sent
    assert request.payload["type"] == 8
    assert request.payload["data"]["choices"][0]["value"] == "quiz"


def test_quiz_commands_are_declared_with_discord_side_ranges():
    import asyncio

    async def commands() -> dict:
        bot, _cog = await quiz_bot(quiz_service(FakeClock()))
        group = bot.tree.get_command("quiz")
        return group.to_dict(bot.tree)

    data = asyncio.run(commands())
    start = next(o for o in data["options"] if o["name"] == "start")
    options = {o["name"]: o for o in start["options"]}
    assert options["pack"]["autocomplete"] is True and options["pack"]["required"] is True
    assert (options["count"]["min_value"], options["count"]["max_value"]) == (1, 50)
    assert [c["value"] for c in options["mode"]["choices"]] == ["solo", "live"]
    assert {o["name"] for o in data["options"]} == {"start", "review", "stop"}



async def test_an_answer_not_in_the_form_is_refused_privately_and_the_question_stays_open():
    """Words where a number is asked: an ephemeral "try again", nothing scored, the same
    question's buttons and modal still work, and the next answer in form is judged."""
    service = quiz_service(FakeClock())
    bot, _cog = await quiz_bot(service)
    view = service.quizzes.start_quiz(actor(), "quiz", 2, only=["homicides", "president"])
    modal_id = QuizRef.for_question(view).modal_id
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        refused = await driver.submit(modal_id, "lots of them")
        assert refused.type == 4 and refused.ephemeral
        assert "give one, in digits or words" in refused.text and "Try again" in refused.text
        still = service.quizzes.current_question(view.session_id, GUILD)
        assert still is not None and still.question_id == "homicides"
        judged = await driver.submit(modal_id, "11,000")
        assert "Correct" in judged.text
    summary = service.quizzes.summary(view.session_id, GUILD, str(TEACHER))
    assert (summary.answered, summary.correct) == (1, 1)


async def test_a_live_answer_not_in_the_form_is_not_locked_in():
    service = quiz_service(FakeClock())
    bot, _cog = await quiz_bot(service)
    view = service.quizzes.start_quiz(actor(), "quiz", 1, Mode.LIVE, channel_id=CHANNEL,
                                      only=["homicides"])
    modal_id = QuizRef.for_question(view).modal_id
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        refused = await driver.submit(modal_id, "no clue", user=ANN, who="ann")
        assert refused.ephemeral and "Try again" in refused.text
        locked = await driver.submit(modal_id, "12000", user=ANN, who="ann")
        assert locked.ephemeral and "locked in" in locked.text


async def test_a_button_on_a_message_from_before_cards_turns_it_into_a_card():
    """A solo question posted by an older version (an embed and a row of buttons) is edited
    into a v2 card: its content and embeds are dropped, which a v2 message may not have."""
    service = quiz_service(FakeClock())
    bot, _cog = await quiz_bot(service)
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        start = await driver.command("quiz start", pack="quiz", count=2)
        skip = button(start.data, action="skip")
        legacy = {"content": "", "embeds": [{"title": "Question 1/2"}], "flags": 0,
                  "components": [{"type": 1, "components": [
                      {"type": 2, "style": 2, "label": "Skip", "custom_id": skip}]}]}
        reply = await driver.click(skip, legacy)  # validated against the schema and v2 rules
        assert reply.type == 7 and reply.data["flags"] & (1 << 15)
        assert reply.data["embeds"] == [] and reply.data.get("content") is None
        assert "Skipped" in reply.text


async def test_next_on_a_live_id_is_refused_and_edits_nothing():
    """Only solo cards have Next; a forged live one must not repaint the channel's card."""
    service = quiz_service(FakeClock())
    bot, _cog = await quiz_bot(service)
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        live = await driver.command("quiz start", pack="quiz", count=2, mode="live")
        first = next(c for c in custom_ids(live.data) if c.startswith("quiz:")).split(":")
        forged = QuizRef(Mode.LIVE, first[2], first[3], "next").custom_id
        tampered = {"flags": 1 << 15, "components": [{"type": 1, "components": [
            {"type": 2, "style": 1, "label": "Next question", "custom_id": forged}]}]}
        before = len(sent)
        refused = await driver.click(forged, tampered, user=BOB, who="bob")
        assert driver.edits(before) == []
        assert refused.type == 4 and refused.ephemeral and CLOSED_TEXT in refused.text
