"""The /pack upload preview and its Confirm / Cancel buttons.

An upload is checked and previewed first (title, questions per type, three samples, what the
import could not keep); nothing is stored until the uploader confirms. The view holds the
uploaded bytes (at most 1 MB) for the minute it lives; on Confirm the service checks the file
and the *clicker* again, because roles (and the installed packs) can change in between.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord

from bot.core.packs.preview import UploadPreview
from bot.discord_app.checks import actor_from
from bot.discord_app.confirm import finish_confirm
from bot.discord_app.embeds import (
    COLOUR,
    clamp_embed,
    escape,
    no_mentions,
    notice,
    pack_installed_embed,
    truncate,
)
from bot.discord_app.offload import off_loop
from bot.discord_app.views import OwnedView, stamped
from bot.i18n import DEFAULT, t

if TYPE_CHECKING:
    from bot.core.service import QuizService

NO_MENTIONS = discord.AllowedMentions.none()
NOTES_SHOWN = 8
NOTE_LIMIT = 180


def upload_preview_embed(preview: UploadPreview, lang: str = DEFAULT) -> discord.Embed:
    """The preview as an embed: what would be installed, and every loss the import named."""
    head = (t(lang, "preview.new") if preview.version == 1
            else t(lang, "preview.version", version=preview.version, old=preview.version - 1))
    kinds = ", ".join(f"{count} {kind}" for kind, count in preview.counts)
    embed = discord.Embed(title=t(lang, "preview.title", title=no_mentions(preview.title)),
                          colour=COLOUR,
                          description=t(lang, "preview.what", pack=no_mentions(preview.pack_id),
                                        head=head, format=preview.format_name))
    embed.add_field(name=t(lang, "packlist.questions"), value=f"{preview.questions} ({kinds})",
                    inline=False)
    if preview.samples:
        embed.add_field(name=t(lang, "preview.samples"), inline=False, value="\n".join(
            f"• {escape(truncate(sample, 200))}" for sample in preview.samples))
    if preview.notes:
        shown = [escape(truncate(note.split(": ", 1)[-1] if note.startswith(("warning", "skipped"))
                                 else note, NOTE_LIMIT)) for note in preview.notes[:NOTES_SHOWN]]
        more = len(preview.notes) - NOTES_SHOWN
        embed.add_field(name=t(lang, "preview.notes", count=len(preview.notes)), inline=False,
                        value="\n".join(shown)
                        + ("\n" + t(lang, "uploaded.more", count=more) if more > 0 else ""))
    embed.set_footer(text=t(lang, "preview.footer"))
    return clamp_embed(embed)


class ConfirmUploadView(OwnedView):
    """"Install this pack?" — installed on click, after the service checks file and clicker."""

    def __init__(self, service: QuizService, *, owner_id: int, data: bytes, filename: str,
                 skip_unsupported: bool, lang: str = DEFAULT) -> None:
        super().__init__(owner_id, timeout=60, lang=lang)
        self.service = service
        self.data, self.filename = data, filename
        self.skip_unsupported = skip_unsupported
        self.done = False
        self.confirm.custom_id = stamped("packupload:confirm")
        self.cancel.custom_id = stamped("packupload:cancel")
        self.confirm.label, self.cancel.label = t(lang, "preview.button"), t(lang, "view.cancel")

    @discord.ui.button(label="Install", style=discord.ButtonStyle.success,
                       custom_id="packupload:confirm")
    async def confirm(self, interaction: discord.Interaction,
                      button: discord.ui.Button) -> None:  # type: ignore[type-arg]
        actor = actor_from(interaction)
        await finish_confirm(
            interaction, self, lang=self.lang, problems_of=self.filename,
            run=lambda: off_loop(self.service.pack_admin.install_pack, actor, self.data,
                                 self.filename, skip_unsupported=self.skip_unsupported),
            done=lambda summary: pack_installed_embed(summary, lang=self.lang))

    @discord.ui.button(label="Cancel", style=discord.ButtonStyle.secondary,
                       custom_id="packupload:cancel")
    async def cancel(self, interaction: discord.Interaction,
                     button: discord.ui.Button) -> None:  # type: ignore[type-arg]
        self.stop()
        await interaction.response.edit_message(
            embed=notice(t(self.lang, "preview.nothing", file=no_mentions(self.filename))),
            view=None, allowed_mentions=NO_MENTIONS)
