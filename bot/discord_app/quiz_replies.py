"""What the quiz cog replies, in the reader's language: refusals and a solo answer's outcome.

Kept out of the cog so it stays a thin router of interactions (and under the size limit).
"""

from __future__ import annotations

import discord

from bot.core.errors import ClosedReason, QuestionClosed, QuizError, SessionNotFound
from bot.core.results import AnswerOutcome, SessionSummary
from bot.discord_app.quiz_embeds import (
    closed_text,
    fit_message,
    question_embed,
    summary_embed,
    verdict_embed,
)
from bot.discord_app.quiz_views import question_view
from bot.discord_app.report_views import with_report_button


def refusal(error: QuizError, lang: str = "en") -> str:
    """Stale buttons get one clear sentence; other refusals keep the service's own words
    ("You already answered this question.", "This practice quiz belongs to someone else.")."""
    if isinstance(error, SessionNotFound) or (
        isinstance(error, QuestionClosed) and error.reason is ClosedReason.STALE
    ):
        return closed_text(lang)
    return str(error)


def needs_summary(outcome: AnswerOutcome) -> bool:
    """True when this answer ended the quiz: the reply shows the summary, which the caller
    fetches off the event loop (it reads the learner's rank) before building the reply."""
    return outcome.finished or outcome.next_question is None


def outcome_reply(outcome: AnswerOutcome, summary: SessionSummary | None,
                  lang: str) -> tuple[list[discord.Embed], discord.ui.View | None]:
    """Solo: the verdict above the next question (or the summary), with the buttons of the next
    question and the Report button for the one just revealed. Pure: no service call here, so
    nothing in it holds the event loop (views must be built on the loop, the summary is not)."""
    view: discord.ui.View | None = None
    nxt = outcome.next_question
    if needs_summary(outcome) or nxt is None:
        assert summary is not None, "needs_summary(outcome): fetch the summary first"
        embeds = fit_message(verdict_embed(outcome, lang=lang), summary_embed(summary, lang=lang))
    else:
        embeds = fit_message(verdict_embed(outcome, lang=lang), question_embed(nxt, lang=lang))
        view = question_view(nxt, lang=lang)
    return embeds, with_report_button(view, outcome.session_id, outcome.question_id, lang=lang)
