""""Accept this answer" under /pack report: pick a common wrong answer, then Accept (or Accept
and re-score past attempts). The service adds the alias as a new version of the guild's pack.

Like the other confirmations the view holds ids and texts only; the service checks the
*clicker* on each click, because roles can change while the report is open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord

from bot.core.errors import InvalidInput, NotAllowed, UnknownPack
from bot.core.models import QuestionType
from bot.core.play.item_analysis import ItemReport
from bot.discord_app.checks import actor_from
from bot.discord_app.embeds import MISS_COLOUR, OK_COLOUR, no_mentions, notice, truncate
from bot.discord_app.offload import off_loop
from bot.discord_app.views import OwnedView, stamped
from bot.i18n import DEFAULT, error_text, t

if TYPE_CHECKING:
    from bot.core.models import Pack
    from bot.core.service import QuizService

NO_MENTIONS = discord.AllowedMentions.none()
MAX_OPTIONS = 25  # Discord's limit for one select menu
LABEL_LIMIT = 100


def accept_candidates(pack: Pack, items: list[ItemReport]) -> list[tuple[str, str, int]]:
    """(question id, wrong answer as shown, count) for text and choice questions, most
    frequent first, at most MAX_OPTIONS."""
    kinds = {q.id: q.type for q in pack.questions}
    found = [(item.question_id, answer, count) for item in items
             for answer, count in item.wrong_answers
             if kinds.get(item.question_id) in (QuestionType.TEXT, QuestionType.CHOICE)]
    return sorted(found, key=lambda c: -c[2])[:MAX_OPTIONS]


class AcceptAnswerView(OwnedView):
    def __init__(self, service: QuizService, *, owner_id: int, pack_id: str,
                 candidates: list[tuple[str, str, int]], lang: str = DEFAULT) -> None:
        super().__init__(owner_id, timeout=300, lang=lang)
        self.service, self.pack_id, self.candidates = service, pack_id, candidates
        self.chosen: tuple[str, str] | None = None
        self.result: str | None = None
        self.pick.options = [
            discord.SelectOption(label=truncate(f"{qid}: {answer} ×{count}", LABEL_LIMIT),
                                 value=str(index))
            for index, (qid, answer, count) in enumerate(candidates)]
        self.pick.custom_id = stamped("packaccept:pick")
        self.accept.custom_id = stamped("packaccept:confirm")
        self.accept_rescore.custom_id = stamped("packaccept:rescore")
        self.pick.placeholder = t(lang, "accept.pick")
        self.accept.label = t(lang, "accept.button")
        self.accept_rescore.label = t(lang, "accept.rescore_button")

    @discord.ui.select(placeholder="Accept a wrong answer as right…", custom_id="packaccept:pick")
    async def pick(self, interaction: discord.Interaction,
                   select: discord.ui.Select) -> None:  # type: ignore[type-arg]
        qid, answer, _ = self.candidates[int(select.values[0])]
        self.chosen = (qid, answer)
        self.accept.disabled = self.accept_rescore.disabled = False
        await interaction.response.edit_message(
            embed=notice(t(self.lang, "accept.ask", answer=no_mentions(answer), question=qid,
                           pack=self.pack_id)), view=self, allowed_mentions=NO_MENTIONS)

    @discord.ui.button(label="Accept", style=discord.ButtonStyle.primary, disabled=True,
                       custom_id="packaccept:confirm")
    async def accept(self, interaction: discord.Interaction,
                     button: discord.ui.Button) -> None:  # type: ignore[type-arg]
        await self._accept(interaction, rescore=False)

    @discord.ui.button(label="Accept and re-score", style=discord.ButtonStyle.success,
                       disabled=True, custom_id="packaccept:rescore")
    async def accept_rescore(self, interaction: discord.Interaction,
                             button: discord.ui.Button) -> None:  # type: ignore[type-arg]
        await self._accept(interaction, rescore=True)

    async def _accept(self, interaction: discord.Interaction, *, rescore: bool) -> None:
        if self.chosen is None:
            await interaction.response.edit_message(embed=notice(t(self.lang, "accept.first")),
                                                    view=self, allowed_mentions=NO_MENTIONS)
            return
        qid, answer = self.chosen
        self.stop()
        try:
            outcome = await off_loop(self.service.pack_admin.accept_answer,
                actor_from(interaction), self.pack_id, qid, answer, rescore=rescore)
        except (NotAllowed, InvalidInput, UnknownPack) as err:
            await interaction.response.edit_message(
                embed=notice(error_text(self.lang, err), colour=MISS_COLOUR), view=None,
                allowed_mentions=NO_MENTIONS)
            return
        rescored = " " + t(self.lang, "accept.rescored", count=outcome.rescored) if rescore else ""
        self.result = t(self.lang, "accept.done", question=qid, answer=no_mentions(answer),
                        version=outcome.version)
        await interaction.response.edit_message(
            embed=notice(self.result + rescored, colour=OK_COLOUR), view=None,
            allowed_mentions=NO_MENTIONS)
