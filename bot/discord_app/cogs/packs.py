"""/pack list, info, upload (previewed, then confirmed), export, remove and report.

What can be played, and instructors' own packs.

Who may upload, remove or see reports is the service's decision (install_pack, remove_pack and
question_report raise NotAllowed); this cog only reads the attachment and renders the outcome.
Every reply is ephemeral: browsing and managing packs should not flood the channel.
"""

from __future__ import annotations

import io
import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.errors import InvalidInput, NotAllowed, PackError
from bot.discord_app.accept_views import AcceptAnswerView, accept_candidates
from bot.discord_app.checks import actor_from, guild_id_of
from bot.discord_app.choices import pack_autocomplete
from bot.discord_app.embeds import (
    MISS_COLOUR,
    no_mentions,
    notice,
    pack_info_embed,
    pack_list_embed,
    pack_problems_embed,
    question_report_embed,
)
from bot.discord_app.history_views import (
    ConfirmRestoreView,
    history_embed,
    restore_preview_embed,
)
from bot.discord_app.offload import off_loop
from bot.discord_app.pack_views import (
    ConfirmRemovePackView,
    own_pack_autocomplete,
)
from bot.discord_app.translator import user_lang
from bot.discord_app.upload_views import ConfirmUploadView, upload_preview_embed

if TYPE_CHECKING:
    from bot.discord_app.client import QuizBot

log = logging.getLogger("quizbot.discord")
NO_MENTIONS = discord.AllowedMentions.none()
MAX_UPLOAD_BYTES = 1_000_000  # the service enforces the same limit; this spares the download
INSTRUCTORS_ONLY = ("Only instructors can {what} packs. A server manager can choose the "
                    "instructor role with /config roles.")


@app_commands.guild_only()
class PacksCog(commands.GroupCog, name="Packs", group_name="pack",
               group_description="Question packs"):
    """Browse installed packs; instructors upload and remove this server's own."""

    def __init__(self, bot: QuizBot) -> None:
        self.bot = bot
        super().__init__()

    @app_commands.command(name="list", description="List the question packs installed here.")
    async def list_packs(self, interaction: discord.Interaction) -> None:
        packs = await off_loop(self.bot.service.catalog.list_packs, guild_id_of(interaction))
        await interaction.response.send_message(embed=pack_list_embed(packs), ephemeral=True,
                                                allowed_mentions=NO_MENTIONS)

    @app_commands.command(name="info", description="Show one pack: source, topics, questions.")
    @app_commands.describe(pack="The pack (start typing to search)")
    @app_commands.autocomplete(pack=pack_autocomplete)
    async def info(self, interaction: discord.Interaction,
                   pack: app_commands.Range[str, 1, 100]) -> None:
        found = await off_loop(self.bot.service.catalog.pack, guild_id_of(interaction), pack)
        await interaction.response.send_message(embed=pack_info_embed(found), ephemeral=True,
                                                allowed_mentions=NO_MENTIONS)

    @app_commands.command(name="upload",
                          description="Install a pack file for this server (instructors).")
    @app_commands.describe(file="A pack: quizbot YAML, Red list, GIFT, Aiken or CSV (≤ 1 MB)",
                           skip_unsupported="Drop questions quizbot cannot hold instead of "
                                            "refusing the file")
    async def upload(self, interaction: discord.Interaction, file: discord.Attachment,
                     skip_unsupported: bool = False) -> None:
        actor = actor_from(interaction)
        # Ephemeral from the start: the download and validation may take longer than 3 s, and a
        # refusal or a list of problems is for the uploader only.
        await interaction.response.defer(ephemeral=True, thinking=True)
        service = self.bot.service
        # spare the download; install_pack checks again
        if not await off_loop(service.access.is_instructor, actor):
            raise NotAllowed(INSTRUCTORS_ONLY.format(what="upload"))
        if file.size > MAX_UPLOAD_BYTES:
            raise InvalidInput(f"{file.filename} is {file.size:,} bytes; a pack file may be at "
                               f"most {MAX_UPLOAD_BYTES:,} bytes.")
        try:
            data = await file.read()
        except discord.HTTPException as err:
            log.warning("could not download pack upload %s: %s", file.filename, err)
            await self._reply(interaction, notice("I couldn't download that file from Discord; "
                                                  "please try again.", colour=MISS_COLOUR))
            return
        try:
            preview = await off_loop(service.pack_admin.preview_upload, actor, data, file.filename,
                                                        skip_unsupported=skip_unsupported)
        except PackError as err:
            await self._reply(interaction, pack_problems_embed(file.filename, err.problems))
            return
        view = ConfirmUploadView(service, owner_id=interaction.user.id, data=data,
                                 filename=file.filename, skip_unsupported=skip_unsupported)
        view.origin = interaction
        await interaction.followup.send(embed=upload_preview_embed(preview), view=view,
                                        ephemeral=True, allowed_mentions=NO_MENTIONS, wait=True)

    @app_commands.command(name="export", description="Download a pack as quizbot YAML "
                                                     "(instructors).")
    @app_commands.describe(pack="The pack (start typing to search)")
    @app_commands.autocomplete(pack=pack_autocomplete)
    async def export(self, interaction: discord.Interaction,
                     pack: app_commands.Range[str, 1, 100]) -> None:
        actor = actor_from(interaction)
        service = self.bot.service
        if not await off_loop(service.access.is_instructor, actor):
            raise NotAllowed(INSTRUCTORS_ONLY.format(what="export"))
        filename, text = await off_loop(service.pack_admin.export_yaml, actor.guild_id, pack)
        await interaction.response.send_message(
            embed=notice(f"The current version of `{no_mentions(filename)}`: edit it and "
                         f"/pack upload it again."),
            file=discord.File(io.BytesIO(text.encode("utf-8")), filename=filename),
            ephemeral=True, allowed_mentions=NO_MENTIONS)

    @app_commands.command(name="remove", description="Remove one of this server's packs "
                                                     "(instructors; asks first).")
    @app_commands.describe(pack="One of this server's own packs (bundled packs stay)")
    @app_commands.autocomplete(pack=own_pack_autocomplete)
    async def remove(self, interaction: discord.Interaction,
                     pack: app_commands.Range[str, 1, 100]) -> None:
        actor = actor_from(interaction)
        service = self.bot.service
        # early refusal; remove_pack re-checks on click
        if not await off_loop(service.access.is_instructor, actor):
            raise NotAllowed(INSTRUCTORS_ONLY.format(what="remove"))
        # refusals before confirming
        found = await off_loop(service.pack_admin.removable, actor.guild_id, pack)
        view = ConfirmRemovePackView(service, owner_id=interaction.user.id, pack_id=found.id,
                                     title=found.title)
        view.origin = interaction
        await interaction.response.send_message(
            embed=notice(f"Remove {found.title} (`{found.id}`, {len(found.questions)} "
                         "questions) from this server? Scores already earned are kept."),
            view=view, ephemeral=True, allowed_mentions=NO_MENTIONS)

    @app_commands.command(name="report",
                          description="Which questions fail most, and the wrong answers given "
                                      "(instructors).")
    @app_commands.describe(pack="The pack (start typing to search)")
    @app_commands.autocomplete(pack=pack_autocomplete)
    async def report(self, interaction: discord.Interaction,
                     pack: app_commands.Range[str, 1, 100]) -> None:
        actor = actor_from(interaction)
        # Aggregating every attempt of a busy server may take longer than Discord's 3 s.
        await interaction.response.defer(ephemeral=True, thinking=True)
        service = self.bot.service
        # NotAllowed for students
        reports = await off_loop(service.reports.question_report, actor, pack)
        found = await off_loop(service.catalog.pack, actor.guild_id, pack)
        items = await off_loop(service.reports.item_report, actor, found.id)
        embed = question_report_embed(found, reports, items={i.question_id: i for i in items})
        candidates = accept_candidates(found, items)
        if await off_loop(service.catalog.is_bundled, found.id) or not candidates:
            await self._reply(interaction, embed)
            return
        view = AcceptAnswerView(service, owner_id=interaction.user.id, pack_id=found.id,
                                candidates=candidates)
        view.origin = interaction
        await interaction.followup.send(embed=embed, view=view, ephemeral=True,
                                        allowed_mentions=NO_MENTIONS, wait=True)

    @app_commands.command(name="history", description="List the stored versions of one of "
                                                      "this server's packs (instructors).")
    @app_commands.describe(pack="A pack uploaded to this server")
    @app_commands.autocomplete(pack=own_pack_autocomplete)
    async def history(self, interaction: discord.Interaction,
                      pack: app_commands.Range[str, 1, 100]) -> None:
        # NotAllowed for students, InvalidInput for a pack never uploaded here: on_error.
        versions = await off_loop(self.bot.service.pack_admin.versions,
                                  actor_from(interaction), pack)
        await interaction.response.send_message(
            embed=history_embed(pack, versions, lang=user_lang(interaction)), ephemeral=True,
            allowed_mentions=NO_MENTIONS)

    @app_commands.command(name="restore", description="Make an older version of a pack current "
                                                      "again, as a new version (instructors).")
    @app_commands.describe(pack="A pack uploaded to this server",
                           version="The version to bring back (see /pack history)")
    @app_commands.autocomplete(pack=own_pack_autocomplete)
    async def restore(self, interaction: discord.Interaction,
                      pack: app_commands.Range[str, 1, 100],
                      version: app_commands.Range[int, 1, 1_000_000]) -> None:
        actor = actor_from(interaction)
        service = self.bot.service
        lang = user_lang(interaction)
        try:  # the same checks as the click's; nothing is stored before it
            preview = await off_loop(service.pack_admin.preview_restore, actor, pack, version)
        except PackError as err:
            await interaction.response.send_message(
                embed=pack_problems_embed(f"{pack} v{version}", err.problems), ephemeral=True,
                allowed_mentions=NO_MENTIONS)
            return
        view = ConfirmRestoreView(service, owner_id=interaction.user.id, pack_id=pack,
                                  version=version, lang=lang)
        view.origin = interaction
        await interaction.response.send_message(
            embed=restore_preview_embed(preview, version, lang=lang), view=view, ephemeral=True,
            allowed_mentions=NO_MENTIONS)

    @staticmethod
    async def _reply(interaction: discord.Interaction, embed: discord.Embed) -> None:
        await interaction.followup.send(embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS)


async def setup(bot: QuizBot) -> None:
    await bot.add_cog(PacksCog(bot))
