"""The service layer: QuizService and its parts (see quiz_service.py for the map)."""

from bot.core.service.quiz_service import QuizService

__all__ = ["QuizService"]
