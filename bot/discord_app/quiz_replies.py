"""What the quiz cog replies, in the reader's language: refusals, and the solo cards with the
files they show (a question's pictures and charts, the answered question's chart).

Kept out of the cog so it stays a thin router of interactions (and under the size limit).
"""

from __future__ import annotations

from typing import Any

import discord

from bot.core.errors import ClosedReason, QuestionClosed, QuizError, SessionNotFound
from bot.core.models import Actor
from bot.core.results import AnswerOutcome, Media, QuestionView
from bot.core.service import QuizService
from bot.discord_app import media
from bot.discord_app.cards import closed_text, question_card
from bot.discord_app.offload import off_loop
from bot.discord_app.outcome_cards import verdict_card
from bot.i18n import error_text


def refusal(error: QuizError, lang: str = "en") -> str:
    """Stale buttons get one clear sentence; other refusals keep the service's own words
    ("You already answered this question.", "This practice quiz belongs to someone else.")."""
    if isinstance(error, SessionNotFound) or (
        isinstance(error, QuestionClosed) and error.reason is ClosedReason.STALE
    ):
        return closed_text(lang)
    return error_text(lang, error)


Card = tuple[discord.ui.LayoutView, list[Media]]  # the card and the files it shows


async def question_reply(service: QuizService, question: QuestionView, *, lang: str,
                         **card: Any) -> Card:
    """A question card with its pictures and charts (loaded within the interaction budget;
    one not ready in time is left out, the card still goes)."""
    shown = await media.load(service, question.media)
    gallery = media.gallery_urls(question.media, shown, lang)  # alt texts in `lang`
    return question_card(question, lang=lang, media=gallery, **card), shown


async def outcome_reply(service: QuizService, actor: Actor, outcome: AnswerOutcome,
                        lang: str) -> Card:
    """Solo: the verdict card (with Next and the answered question's chart), or after the last
    question the verdict above the summary; it replaces the question card in the same message."""
    summary = None
    if outcome.finished or outcome.next_question is None:
        summary = await off_loop(service.quizzes.summary, outcome.session_id, actor.guild_id,
                                 actor.user_id)
    shown = await media.load(service, outcome.media)
    gallery = media.gallery_urls(outcome.media, shown, lang)
    return verdict_card(outcome, summary, lang=lang, media=gallery), shown


def as_card_edit(message: discord.Message | None, shown: list[Media]) -> dict[str, Any]:
    """Fields for editing `message` into a card that shows `shown`.

    `attachments` replaces the files the card showed before (else the last question's picture
    would stay attached, unseen: a v2 message shows only files its components point at). A
    message posted before cards (embeds, by an older version of the bot) must also drop its
    content and embeds, which a components v2 message may not have."""
    fields: dict[str, Any] = {"attachments": media.files_for(shown)}
    flags = getattr(message, "flags", None)
    if message is not None and not getattr(flags, "components_v2", False):
        fields.update(content=None, embeds=[])
    return fields
