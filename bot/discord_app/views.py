"""Buttons for the leaderboard and the score-reset confirmation.

A view holds ids and page numbers only; every click asks the service again, so what it shows is
the current state, and every rule (who may reset, what a page contains) stays in the service.
"""

from __future__ import annotations

import logging
import re
import secrets
from typing import TYPE_CHECKING

import discord

from bot.core.errors import NotAllowed
from bot.discord_app.checks import actor_from
from bot.discord_app.embeds import MISS_COLOUR, OK_COLOUR, leaderboard_embed, notice
from bot.discord_app.errors import reply_privately, report_error
from bot.discord_app.offload import off_loop

if TYPE_CHECKING:
    from bot.core.service import QuizService

log = logging.getLogger("quizbot.discord")
NO_MENTIONS = discord.AllowedMentions.none()
PER_PAGE = 10

# These views live in memory only, so their buttons die with the process. Each process stamps its
# custom ids with its own BOOT mark; a click on a button from an earlier process (no view here is
# listening for it, and Discord would show "This interaction failed") gets a sentence instead.
BOOT = secrets.token_hex(3)
EXPIRED = re.compile(
    r"(?P<kind>leaderboard|reset|packremove|packupload|packaccept|packrestore|privacy)"
    r":(?:prev|next|confirm|cancel|pick|rescore)(?::(?P<boot>\w+))?")
EXPIRED_TEXT = {
    "leaderboard": "These buttons have expired: run /leaderboard again.",
    "reset": "This confirmation has expired and nothing was reset: run /scores reset again.",
    "packremove": "This confirmation has expired and nothing was removed: run /pack remove again.",
    "packupload": "This preview has expired and nothing was installed: run /pack upload again.",
    "packaccept": "This report has expired and nothing was accepted: run /pack report again.",
    "packrestore": "This preview has expired and nothing was restored: run /pack restore again.",
    "privacy": "This confirmation has expired and nothing was deleted: run /privacy delete again.",
}


def stamped(custom_id: str) -> str:
    """`custom_id` marked as belonging to this process (see BOOT)."""
    return f"{custom_id}:{BOOT}"


async def answer_expired_button(interaction: discord.Interaction) -> bool:
    """Reply to a click on an in-memory button (leaderboard, reset, pack remove) made by an earlier
    process; True if so. One listener (the leaderboard cog's) answers them all."""
    if interaction.type is not discord.InteractionType.component:
        return False
    data = interaction.data or {}
    match = EXPIRED.fullmatch(str(data.get("custom_id", "")))
    if match is None or match["boot"] == BOOT:
        return False
    await reply_privately(interaction, EXPIRED_TEXT[match["kind"]])
    return True


class OwnedView(discord.ui.View):
    """A view only its invoker may operate; others get a private hint instead of a hijack.

    Why not let anyone flip a public leaderboard: two people paging the same message fight over
    it. Anyone can run the command to get their own copy.
    """

    refusal = "These buttons belong to whoever ran the command: run it yourself to get your own."

    def __init__(self, owner_id: int, *, timeout: float | None = 180) -> None:
        super().__init__(timeout=timeout)
        self.owner_id = owner_id
        self.origin: discord.Interaction | None = None  # to tidy up the message on timeout

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(self.refusal, ephemeral=True,
                                                allowed_mentions=NO_MENTIONS)
        return False

    async def on_error(self, interaction: discord.Interaction, error: Exception,
                       item: discord.ui.Item) -> None:  # type: ignore[type-arg]
        await report_error(interaction, error)

    async def on_timeout(self) -> None:
        """Remove the buttons so nobody clicks a dead control (token is valid 15 min > timeout)."""
        if self.origin is None:
            return
        try:
            await self.origin.edit_original_response(view=None)
        except discord.HTTPException as err:
            log.debug("could not remove expired buttons: %s", err)


class LeaderboardView(OwnedView):
    """Prev/Next over the guild's leaderboard; state is (guild, pack, period, page)."""

    def __init__(self, service: QuizService, *, owner_id: int, guild_id: str,
                 pack_id: str | None, period: str, page: int, pages: int,
                 pack_title: str | None = None, season: int | None = None) -> None:
        super().__init__(owner_id)
        self.season = season
        self.service = service
        self.guild_id = guild_id
        self.pack_id = pack_id
        self.pack_title = pack_title
        self.period = period
        self.page = page
        self.pages = pages
        self.previous.custom_id = stamped("leaderboard:prev")
        self.next.custom_id = stamped("leaderboard:next")
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        self.previous.disabled = self.page <= 0
        self.next.disabled = self.page >= self.pages - 1

    async def _show(self, interaction: discord.Interaction, page: int) -> None:
        board = await off_loop(
            self.service.standings.leaderboard,
            self.guild_id, self.pack_id, self.period, page=page, per_page=PER_PAGE,
            season=self.season,
        )
        self.page, self.pages = board.page, board.pages
        self._sync_buttons()
        await interaction.response.edit_message(
            embed=leaderboard_embed(board, self.pack_title), view=self, allowed_mentions=NO_MENTIONS
        )

    @discord.ui.button(
        label="Prev", emoji="◀️", style=discord.ButtonStyle.secondary, custom_id="leaderboard:prev"
    )
    async def previous(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:  # type: ignore[type-arg]
        await self._show(interaction, max(self.page - 1, 0))

    @discord.ui.button(
        label="Next", emoji="▶️", style=discord.ButtonStyle.secondary, custom_id="leaderboard:next"
    )
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:  # type: ignore[type-arg]
        await self._show(interaction, min(self.page + 1, max(self.pages - 1, 0)))


class ConfirmResetView(OwnedView):
    """ "Really reset?" — the reset happens on click, and the service re-checks the clicker then.

    Why re-check at click time: roles can change between the command and the click, and a view
    is not a permission. The actor is rebuilt from the *click* interaction.
    """

    def __init__(
        self,
        service: QuizService,
        *,
        owner_id: int,
        user_id: str | None,
        pack_id: str | None,
        what: str,
    ) -> None:
        super().__init__(owner_id, timeout=60)
        self.service = service
        self.user_id = user_id
        self.pack_id = pack_id
        self.what = what
        self.done = False
        self.confirm.custom_id = stamped("reset:confirm")
        self.cancel.custom_id = stamped("reset:cancel")

    @discord.ui.button(label="Reset", style=discord.ButtonStyle.danger, custom_id="reset:confirm")
    async def confirm(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:  # type: ignore[type-arg]
        actor = actor_from(interaction)
        try:
            count = await off_loop(
                self.service.standings.reset_scores, actor, self.user_id, self.pack_id
            )
        except NotAllowed as err:
            self.stop()
            await interaction.response.edit_message(
                embed=notice(str(err), colour=MISS_COLOUR), view=None
            )
            return
        self.done = True
        self.stop()
        players = f"{count} player{'s' if count != 1 else ''}"
        await interaction.response.edit_message(
            embed=notice(
                f"Reset {self.what}: {players} back to zero. Answer history is kept.",
                colour=OK_COLOUR,
            ),
            view=None,
            allowed_mentions=NO_MENTIONS,
        )

    @discord.ui.button(
        label="Cancel", style=discord.ButtonStyle.secondary, custom_id="reset:cancel"
    )
    async def cancel(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:  # type: ignore[type-arg]
        self.stop()
        await interaction.response.edit_message(embed=notice("Nothing was reset."), view=None)
