"""Recording one judged attempt: whether it ranks, the attempt row, and the learner's FSRS card.

Kept out of quizzes.py so the two rules a recorded answer feeds (ranked points and spaced review)
sit side by side, and so solo answers and live reveals record the same way.
"""

from __future__ import annotations

from bot.core.errors import ClosedReason, QuestionClosed
from bot.core.models import Attempt, Question
from bot.core.play import ranking, spaced
from bot.core.play.session import QuizSession, Scored
from bot.store.db import Store


def record_attempt(store: Store, session: QuizSession, question: Question, scored: Scored,
                   now: float) -> bool:
    """Store the attempt and update its review card; True when it counts for ranked points.

    Raises QuestionClosed when this learner's attempt at this question in this session is
    already recorded (a concurrent click won the race).
    """
    season, has_ranked, retention, previous = store.attempt_context(
        session.guild_id, scored.user_id, session.pack_id, question.id)
    ranked = ranking.is_ranked(session.purpose, has_ranked)
    attempt = Attempt(
        session.guild_id, scored.user_id, session.id, session.pack_id, question.id,
        scored.response, scored.verdict.correct, scored.verdict.reason, scored.points,
        scored.elapsed_ms, scored.hints_used > 0, scored.skipped, now,
    )
    if not store.record_attempt(attempt, question.topic, scored.best_streak, ranked=ranked,
                                season=season):
        raise QuestionClosed("That answer was already recorded.", ClosedReason.STALE)
    rating = spaced.rating_for(correct=scored.verdict.correct, skipped=scored.skipped,
                               hint_used=scored.hints_used > 0)
    card, due = spaced.review(previous, rating, now, retention or spaced.DEFAULT_RETENTION)
    store.save_card(session.guild_id, scored.user_id, session.pack_id, question.id, card, due,
                    now)
    return ranked
