"""/quiz review through real interaction payloads: nothing due is a private note; after a miss
the review quiz brings the missed question back, validated against Discord's schema."""

from __future__ import annotations

from quiz_fakes import (
    GUILD,
    FakeClock,
    QuizDriver,
    button,
    capture_requests,
    custom_ids,
    quiz_bot,
    quiz_service,
    session_of,
)


async def test_review_is_private_and_brings_back_a_missed_question():
    clock = FakeClock()
    service = quiz_service(clock)
    bot, _cog = await quiz_bot(service)
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        nothing = await driver.command("quiz review")
        assert nothing.ephemeral and "Nothing to review" in nothing.text
        start = await driver.command("quiz start", pack="quiz", count=1, mode="solo")
        session = session_of(custom_ids(start.data)[0])
        missed = service.quizzes.current_question(session, GUILD).question_id
        await driver.click(button(start.data, action="skip"), start.data)
        review = await driver.command("quiz review", pack="quiz")
        assert review.type == 4 and review.ephemeral and "Question 1/1" in review.text
        assert "Due now: Quiz test pack 1" in review.text
        stats = await driver.command("stats")
        assert "Review" in stats.text and "1 due of 1" in stats.text
        again = session_of(custom_ids(review.data)[0])
        assert service.quizzes.current_question(again, GUILD).question_id == missed
