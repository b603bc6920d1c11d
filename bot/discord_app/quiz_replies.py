"""What the quiz cog replies, in the reader's language: refusals and a solo answer's outcome.

Kept out of the cog so it stays a thin router of interactions (and under the size limit).
"""

from __future__ import annotations

from typing import Any

import discord

from bot.core.errors import ClosedReason, QuestionClosed, QuizError, SessionNotFound
from bot.core.models import Actor
from bot.core.results import AnswerOutcome
from bot.core.service import QuizService
from bot.discord_app.cards import closed_text
from bot.discord_app.outcome_cards import verdict_card


def refusal(error: QuizError, lang: str = "en") -> str:
    """Stale buttons get one clear sentence; other refusals keep the service's own words
    ("You already answered this question.", "This practice quiz belongs to someone else.")."""
    if isinstance(error, SessionNotFound) or (
        isinstance(error, QuestionClosed) and error.reason is ClosedReason.STALE
    ):
        return closed_text(lang)
    return str(error)


def outcome_reply(service: QuizService, actor: Actor, outcome: AnswerOutcome,
                  lang: str) -> discord.ui.LayoutView:
    """Solo: the verdict card (with Next), or after the last question the verdict above the
    summary; it replaces the question card in the same message."""
    summary = None
    if outcome.finished or outcome.next_question is None:
        summary = service.quizzes.summary(outcome.session_id, actor.guild_id, actor.user_id)
    return verdict_card(outcome, summary, lang=lang)


def as_card_edit(message: discord.Message | None) -> dict[str, Any]:
    """Extra fields for editing `message` into a card: a message posted before cards (embeds,
    from an older version of the bot) must drop its content and embeds, which a components v2
    message may not have; a card needs nothing more (and Discord forbids removing the flag)."""
    flags = getattr(message, "flags", None)
    if message is None or getattr(flags, "components_v2", False):
        return {}
    return {"content": None, "embeds": []}
