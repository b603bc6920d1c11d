"""What a frontend shows of a session's current question (split from quizzes.py for size)."""

from __future__ import annotations

from bot.core.errors import SessionNotFound
from bot.core.models import Mode, Pack
from bot.core.packs.images import image_of
from bot.core.play.session import OPEN, QuizSession
from bot.core.results import QuestionView
from bot.core.service.media import question_media


def question_view(session: QuizSession, pack: Pack) -> QuestionView | None:
    """The open question as the player sees it (None once the session is over)."""
    question_id = session.current_id
    if question_id is None or session.status != OPEN:
        return None
    question = pack.question(question_id)
    if question is None:
        raise SessionNotFound("That question is no longer in its pack.")
    hints_left = len(question.hints)
    if session.mode is Mode.SOLO and session.starter_id in session.players:
        hints_left -= session.players[session.starter_id].hints.get(question.id, 0)
    return QuestionView(
        session.id,
        question.id,
        session.index + 1,
        len(session.question_ids),
        question.type,
        question.prompt,
        question.choices,
        question.points,
        question.difficulty,
        hints_left,
        pack.id,
        pack.title,
        session.mode,
        question.topic,
        session.deadline,
        image_of(question, pack),
        question_media(question, pack),
    )

