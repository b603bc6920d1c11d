"""What the quiz cog replies, in the reader's language: refusals and a solo answer's outcome.

Kept out of the cog so it stays a thin router of interactions (and under the size limit).
"""

from __future__ import annotations

import discord

from bot.core.errors import ClosedReason, QuestionClosed, QuizError, SessionNotFound
from bot.core.models import Actor
from bot.core.results import AnswerOutcome
from bot.core.service import QuizService
from bot.discord_app.quiz_embeds import (
    closed_text,
    fit_message,
    question_embed,
    summary_embed,
    verdict_embed,
)
from bot.discord_app.quiz_views import question_view
from bot.discord_app.report_views import with_report_button
from bot.i18n import error_text


def refusal(error: QuizError, lang: str = "en") -> str:
    """Stale buttons get one clear sentence; other refusals keep the service's own words
    ("You already answered this question.", "This practice quiz belongs to someone else.")."""
    if isinstance(error, SessionNotFound) or (
        isinstance(error, QuestionClosed) and error.reason is ClosedReason.STALE
    ):
        return closed_text(lang)
    return error_text(lang, error)


def outcome_reply(service: QuizService, actor: Actor, outcome: AnswerOutcome,
                  lang: str) -> tuple[list[discord.Embed], discord.ui.View | None]:
    """Solo: the verdict above the next question (or the summary), with the buttons of the next
    question and the Report button for the one just revealed."""
    view: discord.ui.View | None = None
    nxt = outcome.next_question
    if outcome.finished or nxt is None:
        summary = service.quizzes.summary(outcome.session_id, actor.guild_id, actor.user_id)
        embeds = fit_message(verdict_embed(outcome, lang=lang), summary_embed(summary, lang=lang))
    else:
        embeds = fit_message(verdict_embed(outcome, lang=lang), question_embed(nxt, lang=lang))
        view = question_view(nxt, lang=lang)
    return embeds, with_report_button(view, outcome.session_id, outcome.question_id, lang=lang)
