"""/pack history and /pack restore: a pack's stored versions, and bringing an old one back.

Rendering and the Restore / Cancel confirmation only: which versions exist, which is current,
who may see or restore them and whether a version still loads are the service's answers
(PackAdmin.versions, preview_restore, restore_version), asked again on the click because
roles and the server's packs can change while the preview is open. Text comes from the
bot/i18n catalog in the reader's language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord

from bot.core.packs.preview import UploadPreview
from bot.discord_app.checks import actor_from
from bot.discord_app.confirm import finish_confirm
from bot.discord_app.embeds import (
    COLOUR,
    OK_COLOUR,
    clamp_embed,
    escape,
    no_mentions,
    notice,
    truncate,
)
from bot.discord_app.offload import off_loop
from bot.discord_app.translator import user_lang
from bot.discord_app.views import OwnedView, stamped
from bot.i18n import DEFAULT, t

if TYPE_CHECKING:
    from bot.core.service import QuizService
    from bot.core.service.pack_versions import PackVersion

NO_MENTIONS = discord.AllowedMentions.none()
SHOWN = 25  # the latest versions listed; older ones are counted


def _who(user: str) -> str:
    """A Discord user id as a mention (embeds never ping), anything else as inert text."""
    return f"<@{user}>" if user.isdigit() else escape(user)


def history_embed(pack_id: str, versions: list[PackVersion], *,
                  lang: str = DEFAULT) -> discord.Embed:
    """Number, when, who, how many questions and the note of each version; the current one
    marked, or a line saying the pack is not installed now."""
    lines = []
    for v in versions[-SHOWN:]:
        count = "?" if v.questions is None else f"{v.questions:,}"
        mark = t(lang, "history.current") if v.current else ""
        note = f" — {escape(truncate(v.note, 80))}" if v.note else ""
        lines.append(t(lang, "history.line", version=v.version, current=mark, when=v.when,
                       who=_who(v.uploaded_by), questions=count) + note)
    older = len(versions) - SHOWN
    if older > 0:
        lines.insert(0, t(lang, "history.older", count=older))
    if not any(v.current for v in versions):
        lines.append(t(lang, "history.not_installed"))
    embed = discord.Embed(title=t(lang, "history.title", pack=no_mentions(pack_id)),
                          description="\n".join(lines), colour=COLOUR)
    embed.set_footer(text=t(lang, "history.footer"))
    return clamp_embed(embed)


def restore_preview_embed(preview: UploadPreview, restored: int, *,
                          lang: str = DEFAULT) -> discord.Embed:
    """What a restore would make current (as version N), before anything is stored."""
    embed = discord.Embed(
        title=t(lang, "restore.title", version=restored, pack=no_mentions(preview.title)),
        description=t(lang, "restore.description", pack=no_mentions(preview.pack_id),
                      new=preview.version),
        colour=COLOUR)
    kinds = ", ".join(f"{count} {kind}" for kind, count in preview.counts)
    embed.add_field(name=t(lang, "restore.questions"), value=f"{preview.questions} ({kinds})",
                    inline=False)
    if preview.samples:
        embed.add_field(name=t(lang, "restore.samples"), inline=False, value="\n".join(
            f"• {escape(truncate(sample, 200))}" for sample in preview.samples))
    embed.set_footer(text=t(lang, "restore.footer"))
    return clamp_embed(embed)


class ConfirmRestoreView(OwnedView):
    """"Restore version N?" — stored on click, after the service checks version and clicker."""

    def __init__(self, service: QuizService, *, owner_id: int, pack_id: str, version: int,
                 lang: str = DEFAULT) -> None:
        super().__init__(owner_id, timeout=60)
        self.service, self.pack_id, self.version = service, pack_id, version
        self.done = False
        self.confirm.label = t(lang, "restore.button")
        self.cancel.label = t(lang, "restore.cancel_button")
        self.confirm.custom_id = stamped("packrestore:confirm")
        self.cancel.custom_id = stamped("packrestore:cancel")

    @discord.ui.button(label="Restore", style=discord.ButtonStyle.success,
                       custom_id="packrestore:confirm")
    async def confirm(self, interaction: discord.Interaction,
                      button: discord.ui.Button) -> None:  # type: ignore[type-arg]
        lang = user_lang(interaction)
        await finish_confirm(
            interaction, self, lang=lang, problems_of=f"{self.pack_id} v{self.version}",
            run=lambda: off_loop(self.service.pack_admin.restore_version,
                                 actor_from(interaction), self.pack_id, self.version),
            done=lambda outcome: notice(t(lang, "restore.done", pack=outcome.pack_id,
                                          version=outcome.restored, new=outcome.version,
                                          questions=outcome.questions), colour=OK_COLOUR))

    @discord.ui.button(label="Cancel", style=discord.ButtonStyle.secondary,
                       custom_id="packrestore:cancel")
    async def cancel(self, interaction: discord.Interaction,
                     button: discord.ui.Button) -> None:  # type: ignore[type-arg]
        self.stop()
        await interaction.response.edit_message(
            embed=notice(t(user_lang(interaction), "restore.cancelled")), view=None,
            allowed_mentions=NO_MENTIONS)
