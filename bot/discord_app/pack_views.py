"""The /pack remove confirmation and the "your packs" autocomplete.

Its buttons after a restart are answered by views.answer_expired_button, like the others.

Like the score-reset confirmation (views.py), the view holds ids only: the removal happens on the
click, and the service re-checks the *clicker* then, because roles can change in between.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.core.errors import InvalidInput, NotAllowed, UnknownPack
from bot.discord_app.checks import actor_from
from bot.discord_app.choices import CHOICE_LIMIT, MAX_CHOICES, service_of
from bot.discord_app.confirm import finish_confirm
from bot.discord_app.embeds import OK_COLOUR, notice, truncate
from bot.discord_app.offload import off_loop
from bot.discord_app.views import OwnedView, stamped
from bot.i18n import DEFAULT, t

if TYPE_CHECKING:
    from bot.core.service import QuizService

NO_MENTIONS = discord.AllowedMentions.none()


async def own_pack_autocomplete(interaction: discord.Interaction,
                                current: str) -> list[app_commands.Choice[str]]:
    """This server's own packs (bundled ones cannot be removed) matching what was typed."""
    if interaction.guild_id is None:
        return []
    service = service_of(interaction)
    needle = current.casefold().strip()
    return [
        app_commands.Choice(name=truncate(f"{p.title} ({p.id})", CHOICE_LIMIT), value=p.id)
        for p in await off_loop(service.catalog.list_packs, str(interaction.guild_id))
        if not p.bundled and len(p.id) <= CHOICE_LIMIT
        and (needle in p.id.casefold() or needle in p.title.casefold())
    ][:MAX_CHOICES]


class ConfirmRemovePackView(OwnedView):
    """"Really remove this pack?" — removed on click, after the service checks the clicker."""

    def __init__(self, service: QuizService, *, owner_id: int, pack_id: str, title: str,
                 lang: str = DEFAULT) -> None:
        super().__init__(owner_id, timeout=60, lang=lang)
        self.service = service
        self.pack_id = pack_id
        self.title = title
        self.done = False
        self.confirm.custom_id = stamped("packremove:confirm")
        self.cancel.custom_id = stamped("packremove:cancel")
        self.confirm.label, self.cancel.label = t(lang, "remove.button"), t(lang, "view.cancel")

    @discord.ui.button(label="Remove", style=discord.ButtonStyle.danger,
                       custom_id="packremove:confirm")
    async def confirm(self, interaction: discord.Interaction,
                      button: discord.ui.Button) -> None:  # type: ignore[type-arg]
        actor = actor_from(interaction)
        await finish_confirm(  # a refusal: e.g. removed meanwhile
            interaction, self, lang=self.lang, refusals=(NotAllowed, InvalidInput, UnknownPack),
            run=lambda: off_loop(self.service.pack_admin.remove_pack, actor, self.pack_id),
            done=lambda _: notice(t(self.lang, "remove.done", title=self.title,
                                    pack=self.pack_id), colour=OK_COLOUR))

    @discord.ui.button(label="Cancel", style=discord.ButtonStyle.secondary,
                       custom_id="packremove:cancel")
    async def cancel(self, interaction: discord.Interaction,
                     button: discord.ui.Button) -> None:  # type: ignore[type-arg]
        self.stop()
        await interaction.response.edit_message(
            embed=notice(t(self.lang, "remove.nothing", pack=self.pack_id)),
            view=None, allowed_mentions=NO_MENTIONS)
