"""/quiz start and /quiz stop, the quiz buttons and the typed-answer modal.

Parse the interaction → call QuizService → render what it returns. Every rule (who may stop a
quiz, what scores, whether a click is stale) is the service's; this cog only chooses the reply:
solo replies are ephemeral and edit one message in place (a components v2 card: cards.py), a live
round is one public card edited at each deadline (live.py), and each player's live answer is
acknowledged privately. The live clock is LiveRunner
(bot/core/play/live_runner.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.errors import QuestionClosed, QuizError
from bot.core.models import Actor, Mode
from bot.core.play.live_runner import ChannelGone, LiveRound, LiveRunner, Poster
from bot.core.results import AnswerOutcome, SessionInfo, SessionSummary
from bot.core.service import QuizService
from bot.discord_app import media
from bot.discord_app.cards import closed_text
from bot.discord_app.checks import actor_from
from bot.discord_app.choices import pack_autocomplete
from bot.discord_app.embeds import escape, truncate
from bot.discord_app.errors import reply_privately, report_error
from bot.discord_app.live import ChannelPoster, remember_channel
from bot.discord_app.live_recovery import recover_live
from bot.discord_app.offload import off_loop
from bot.discord_app.outcome_cards import live_card, summary_card
from bot.discord_app.quiz_replies import as_card_edit, outcome_reply, question_reply, refusal
from bot.discord_app.quiz_views import AnswerModal, QuizButton, QuizRef, parse_modal_submit
from bot.discord_app.select_views import QuizSelect
from bot.discord_app.translator import channel_lang, user_lang
from bot.i18n import t

log = logging.getLogger(__name__)

NO_PINGS = discord.AllowedMentions.none()

RESTART_NOTE = t("en", "live.restart_note")


class QuizCog(commands.Cog, name="Quiz"):
    """Solo practice and live channel quizzes over the installed question packs."""

    # /quiz review also works in DMs and user installs; contexts are per top-level command, so
    # the group is allowed there and /quiz start and stop refuse in DMs (actor_from: GuildOnly).
    quiz = app_commands.Group(
        name="quiz",
        description="Play a quiz from a question pack",
        allowed_installs=app_commands.AppInstallationType(guild=True, user=True),
        allowed_contexts=app_commands.AppCommandContext(guild=True, dm_channel=True,
                                                        private_channel=True),
    )

    def __init__(
        self,
        bot: commands.Bot,
        service: QuizService | None = None,
        *,
        poster: Poster | None = None,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.bot = bot
        self.service: QuizService = service if service is not None else bot.service  # type: ignore[attr-defined]
        # Deadlines are in the service's clock, so the live timer reads the same clock.
        self.clock = clock or self.service.clock
        self.runner = LiveRunner(
            self.service, poster or ChannelPoster(bot, self.service), sleep=sleep,
            clock=self.clock
        )
        self._task: asyncio.Task[None] | None = None

    # -- lifecycle -----------------------------------------------------------------------------
    async def cog_load(self) -> None:
        """Register the persistent buttons and start the live clock (after recovery)."""
        self.bot.add_dynamic_items(QuizButton, QuizSelect)
        self._task = asyncio.create_task(self._background(), name="quiz-live-runner")

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(QuizButton, QuizSelect)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _background(self) -> None:
        await self.bot.wait_until_ready()
        try:
            await self.recover()
        except Exception:
            log.exception("live quiz recovery failed")
        await self.runner.run()

    async def recover(self) -> int:
        """Resume open live sessions after a restart (live_recovery.py); how many were picked up."""
        return await recover_live(self.service, self.runner)

    # -- commands ------------------------------------------------------------------------------
    @quiz.command(name="start", description="Start a quiz: solo practice or live in this channel")
    @app_commands.autocomplete(pack=pack_autocomplete)
    @app_commands.describe(
        pack="The question pack",
        count="How many questions (1–50)",
        mode="solo: just you, at your pace; live: everyone here, timed",
        spoilers="Live: hide each revealed answer behind a spoiler (click to show)",
    )
    async def quiz_start(
        self,
        interaction: discord.Interaction,
        pack: str,
        count: app_commands.Range[int, 1, 50] = 10,
        mode: Literal["solo", "live"] = "solo",
        spoilers: bool = False,
    ) -> None:
        actor = actor_from(interaction)
        live = mode == "live"
        # Refusals (count out of range, unknown pack, a live quiz already here) are QuizErrors,
        # answered privately by the tree's on_error.
        question = await off_loop(
            self.service.quizzes.start_quiz,
            actor,
            pack,
            count,
            Mode.LIVE if live else Mode.SOLO,
            channel_id=str(interaction.channel_id) if live else None,
        )
        if not live:
            card, shown = await question_reply(self.service, question,
                                               lang=user_lang(interaction))
            await interaction.response.send_message(
                view=card, ephemeral=True, allowed_mentions=NO_PINGS,
                **media.send_kwargs(shown))
            return
        live_round = LiveRound(
            question.session_id,
            actor.guild_id,
            str(interaction.channel_id),
            question.question_id,
            question.deadline or self.clock(),
        )
        self.runner.track(live_round)
        lang = channel_lang(interaction)  # everyone here reads it: the server's language
        remember_channel(self.runner.poster, str(interaction.channel_id), lang=lang,
                         spoilers=spoilers)
        try:
            shown = await media.load(self.service, question.media)
            sent = await interaction.response.send_message(
                view=live_card(question, starter=actor.display_name, lang=lang,
                               media=media.gallery_urls(question.media, shown, lang)),
                allowed_mentions=NO_PINGS,
                **media.send_kwargs(shown, lang),
            )
        except Exception:
            # Nobody saw the question: close the session, or it would hold the channel's one
            # live slot ("already running") with no message to stop it from.
            self.runner.forget(question.session_id)
            await off_loop(
                self.service.quizzes.close_stale,
                question.session_id, "its first question was not posted"
            )
            raise
        message_id = getattr(sent, "message_id", None)
        if isinstance(message_id, int):
            await off_loop(
                self.service.quizzes.set_session_message, question.session_id, str(message_id)
            )
            if question.session_id in {r.session_id for r in self.runner.rounds}:
                self.runner.track(replace(live_round, message_id=str(message_id)))

    @quiz.command(name="review", description="Practise the questions you missed, as they fall due")
    @app_commands.autocomplete(pack=pack_autocomplete)
    @app_commands.describe(
        pack="Only this pack (default: the one with most to review)",
        count="At most this many questions (1–50)",
    )
    async def quiz_review(
        self,
        interaction: discord.Interaction,
        pack: str | None = None,
        count: app_commands.Range[int, 1, 50] = 10,
    ) -> None:
        # "Nothing to review yet" is a QuizError: on_error answers it privately.
        if interaction.guild_id is None:  # a DM: from the learner's server with most due
            question = await off_loop(self.service.anywhere.start_review,
                str(interaction.user.id), interaction.user.display_name, pack, count)
            due_note = ""
        else:
            actor = actor_from(interaction)
            question = await off_loop(self.service.review.start_review, actor, pack, count)
            overview = await off_loop(self.service.review.overview, actor.guild_id, actor.user_id)
            due_note = truncate(t(user_lang(interaction), "review.due_now", packs=", ".join(
                f"{escape(p.pack_title)} {p.due}" for p in overview.packs if p.due)), 1900)
        card, shown = await question_reply(self.service, question, lang=user_lang(interaction),
                                           note=due_note or None)
        await interaction.response.send_message(
            view=card, ephemeral=True, allowed_mentions=NO_PINGS, **media.send_kwargs(shown))

    @quiz.command(name="stop", description="Stop the live quiz in this channel (or your own quiz)")
    async def quiz_stop(self, interaction: discord.Interaction) -> None:
        actor = actor_from(interaction)
        # The service decides which quiz "stop" means here; NotAllowed goes to on_error.
        stopped = await off_loop(self.service.quizzes.stop_here, actor, str(interaction.channel_id))
        if stopped is None:
            await reply_privately(interaction, t(user_lang(interaction), "quiz.nothing_to_stop"))
        elif stopped.live is not None:
            await self._announce_live_stop(interaction, actor, stopped.live, stopped.summary)
        else:
            await interaction.response.send_message(
                view=summary_card(stopped.summary, lang=user_lang(interaction)), ephemeral=True,
                allowed_mentions=NO_PINGS)

    async def _announce_live_stop(
        self,
        interaction: discord.Interaction,
        actor: Actor,
        info: SessionInfo,
        summary: SessionSummary,
    ) -> None:
        """The podium replaces the live card (one message from start to end); the stopper is
        told privately first, as the edit may take longer than an interaction may wait."""
        live_round = self.runner.forget(info.session_id)
        lang = channel_lang(interaction)
        await reply_privately(interaction, t(user_lang(interaction), "live.stopped"))
        message_id = live_round.message_id if live_round else info.message_id
        note = t(lang, "live.stopped_by", name=escape(actor.display_name))
        try:  # the quiz is stopped whether or not its card can still be changed
            await self.runner.poster.finish(info.channel_id or str(interaction.channel_id),
                                            summary, note=note, message_id=message_id)
        except (ChannelGone, discord.HTTPException) as err:
            log.info("could not show the podium of stopped quiz %s: %s", info.session_id, err)

    # -- buttons and modal ---------------------------------------------------------------------
    async def on_quiz_button(self, interaction: discord.Interaction, ref: QuizRef) -> None:
        """Every quiz button lands here (QuizButton.callback), including buttons from before a
        restart; a stale or repeated click is refused by the service with QuestionClosed."""
        try:
            actor = await self._actor(interaction, ref.session_id)
            if ref.action == "type":
                await self._open_modal(interaction, actor, ref)
            elif ref.action == "hint":
                hint = await off_loop(
                    self.service.quizzes.hint, actor, ref.session_id, ref.question_id
                )
                await reply_privately(interaction, t(user_lang(interaction), "quiz.hint",
                                                     hint=hint))
            elif ref.action == "next":
                await self._show_next(interaction, actor, ref)
            elif ref.action == "skip":
                outcome = await off_loop(
                    self.service.quizzes.skip, actor, ref.session_id, ref.question_id
                )
                await self._show_outcome(interaction, actor, outcome)
            else:
                await self.submit(interaction, actor, ref, ref.response())
        except QuizError as error:
            await reply_privately(interaction, refusal(error, user_lang(interaction)))
        except Exception as error:  # a bug: apologise privately, log the traceback
            await report_error(interaction, error)

    async def _actor(self, interaction: discord.Interaction, session_id: str) -> Actor:
        """The clicker; in a DM, the learner in the server their own solo quiz belongs to (a
        database read, so off the loop)."""
        if interaction.guild_id is None:
            user = interaction.user
            return await off_loop(self.service.anywhere.actor, str(user.id), user.display_name,
                                  session_id)
        return actor_from(interaction)

    async def _show_next(self, interaction: discord.Interaction, actor: Actor,
                         ref: QuizRef) -> None:
        """Solo: the verdict card becomes the session's current question (the service moved
        on when it judged the answer); a quiz closed meanwhile refuses like any stale click."""
        question = await off_loop(
            self.service.quizzes.current_question, ref.session_id, actor.guild_id
        )
        if question is None or ref.mode is not Mode.SOLO:  # a live card is the runner's to edit
            raise QuestionClosed(closed_text(user_lang(interaction)))
        card, shown = await question_reply(self.service, question, lang=user_lang(interaction))
        await interaction.response.edit_message(
            view=card, allowed_mentions=NO_PINGS, **as_card_edit(interaction.message, shown))

    async def _open_modal(
        self, interaction: discord.Interaction, actor: Actor, ref: QuizRef
    ) -> None:
        question = await off_loop(
            self.service.quizzes.current_question, ref.session_id, actor.guild_id
        )
        if question is None or question.question_id != ref.question_id:
            raise QuestionClosed(closed_text(user_lang(interaction)))
        await interaction.response.send_modal(
            AnswerModal(ref, question, lang=user_lang(interaction)))

    async def submit(
        self, interaction: discord.Interaction, actor: Actor, ref: QuizRef, response: str
    ) -> None:
        """One answer, from a button or the modal: solo scores now, live waits for the reveal."""
        if ref.mode is Mode.LIVE:
            ack = await off_loop(
                self.service.quizzes.submit_live_answer,
                actor, ref.session_id, ref.question_id, response
            )
            key = "live.locked_in" if ack.accepted else "live.already"
            await reply_privately(interaction, t(user_lang(interaction), key))
            return
        outcome = await off_loop(
            self.service.quizzes.answer, actor, ref.session_id, ref.question_id, response
        )
        await self._show_outcome(interaction, actor, outcome)

    async def _show_outcome(
        self, interaction: discord.Interaction, actor: Actor, outcome: AnswerOutcome
    ) -> None:
        """Solo: the verdict (with the summary after the last question), in the same message."""
        view, shown = await outcome_reply(self.service, actor, outcome, user_lang(interaction))
        if interaction.message is not None:
            await interaction.response.edit_message(
                view=view, allowed_mentions=NO_PINGS, **as_card_edit(interaction.message, shown))
        else:
            await interaction.response.send_message(
                view=view, ephemeral=True, allowed_mentions=NO_PINGS, **media.send_kwargs(shown))

    @commands.Cog.listener()
    async def on_interaction(self, interaction: discord.Interaction) -> None:
        """Typed answers: handled here rather than in Modal.on_submit so they survive restarts."""
        parsed = parse_modal_submit(interaction)
        if parsed is None:
            return
        ref, text = parsed
        try:
            actor = await self._actor(interaction, ref.session_id)
            if not text.strip():
                await reply_privately(interaction, t(user_lang(interaction), "quiz.empty_answer"))
                return
            await self.submit(interaction, actor, ref, text)
        except QuizError as error:
            await reply_privately(interaction, refusal(error, user_lang(interaction)))
        except Exception as error:  # a bug: apologise privately, log the traceback
            await report_error(interaction, error)

    # -- typed answers in the channel (needs the message-content intent) ------------------------
    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """With message content enabled, a message in a live quiz's channel is an answer."""
        settings = getattr(self.bot, "settings", None)
        if not getattr(settings, "message_content", False) or message.author.bot:
            return
        if message.guild is None or not message.content.strip():
            return
        live_round = self.runner.round_in(str(message.channel.id))
        if live_round is None:
            return
        member = message.author
        actor = Actor(
            guild_id=str(message.guild.id),
            user_id=str(member.id),
            display_name=member.display_name,
            role_ids=frozenset(str(r.id) for r in getattr(member, "roles", [])),
            can_manage_guild=bool(
                getattr(getattr(member, "guild_permissions", None), "manage_guild", False)
            ),
        )
        try:
            ack = await off_loop(
                self.service.quizzes.submit_live_answer,
                actor, live_round.session_id, live_round.question_id, message.content
            )
        except QuizError:
            return  # late or stray chat is just chat
        if ack.accepted:
            with contextlib.suppress(discord.HTTPException):
                await message.add_reaction("🔒")


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(QuizCog(bot))
