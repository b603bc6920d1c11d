"""What the quiz cog replies, in the reader's language: refusals and a solo answer's outcome.

Kept out of the cog so it stays a thin router of interactions (and under the size limit).
"""

from __future__ import annotations

import discord

from bot.core.errors import ClosedReason, QuestionClosed, QuizError, SessionNotFound
from bot.core.models import Actor
from bot.core.results import AnswerOutcome, Media
from bot.core.service import QuizService
from bot.discord_app import media
from bot.discord_app.offload import off_loop
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


async def outcome_reply(service: QuizService, actor: Actor, outcome: AnswerOutcome, lang: str
                        ) -> tuple[list[discord.Embed], discord.ui.View | None, list[Media]]:
    """Solo: the verdict above the next question (or the summary), with the buttons of the next
    question and the Report button for the one just revealed, and the files to attach (the
    answered question's chart on the verdict, the next question's pictures on it)."""
    view: discord.ui.View | None = None
    nxt = outcome.next_question
    verdict = verdict_embed(outcome, lang=lang)
    following = () if outcome.finished or nxt is None else nxt.media
    shown = await media.load(service, (*outcome.media, *following))  # one budget for both
    media.show_on(verdict, outcome.media, shown)
    if outcome.finished or nxt is None:
        summary = await off_loop(service.quizzes.summary, outcome.session_id, actor.guild_id,
                                 actor.user_id)
        embeds = fit_message(verdict, summary_embed(summary, lang=lang))
    else:
        question = question_embed(nxt, lang=lang)
        media.show_on(question, nxt.media, shown)
        embeds = fit_message(verdict, question)
        view = question_view(nxt, lang=lang)
    return (embeds, with_report_button(view, outcome.session_id, outcome.question_id, lang=lang),
            shown)
