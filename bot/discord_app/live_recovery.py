"""After a restart: resume the open live quizzes the service says to, close the stale ones.

Split from the quiz cog: what to resume is the service's decision (quizzes.after_restart); this
module only tells the channels and hands the resumed rounds to the live runner.
"""

from __future__ import annotations

import logging

import discord

from bot.core.errors import QuizError
from bot.core.play.live_runner import ChannelGone, LiveRound, LiveRunner
from bot.core.results import SessionInfo
from bot.core.service import QuizService
from bot.discord_app.live import channel_language
from bot.discord_app.offload import off_loop
from bot.i18n import t

log = logging.getLogger(__name__)


async def recover_live(service: QuizService, runner: LiveRunner) -> int:
    """Resume open live sessions after a restart; returns how many were picked up.

    Overdue questions are revealed at once and the quiz continues; a session overdue by more
    than STALE_AFTER (the bot was down for long) is closed with a message in its channel.
    Solo sessions need nothing: their buttons carry all they need.
    """
    plan = await off_loop(
        service.quizzes.after_restart, {r.session_id for r in runner.rounds}
    )
    for info in plan.close:
        try:  # one channel that cannot be told must not keep the others from resuming
            await _close_interrupted(service, runner, info)
        except Exception:
            log.exception("could not close interrupted live quiz %s", info.session_id)
    for info in plan.resume:
        assert info.channel_id and info.question_id and info.deadline is not None
        runner.track(
            LiveRound(
                info.session_id,
                info.guild_id,
                info.channel_id,
                info.question_id,
                info.deadline,
                info.message_id,
            )
        )
    await runner.tick()
    return len(plan.close) + len(plan.resume)

async def _close_interrupted(service: QuizService, runner: LiveRunner,
                         info: SessionInfo) -> None:
    await off_loop(
        service.quizzes.close_stale, info.session_id, "interrupted by a restart"
    )
    if info.channel_id is None:
        return
    try:
        summary = await off_loop(service.quizzes.summary, info.session_id, info.guild_id)
    except QuizError:
        summary = None
    try:
        note = t(channel_language(runner.poster, info.channel_id), "live.restart_note")
        await runner.poster.finish(info.channel_id, summary, note=note, message_id=info.message_id)
    except (ChannelGone, discord.HTTPException):
        log.info("could not announce the closing of %s", info.session_id)
