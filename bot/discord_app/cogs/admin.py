"""Staff commands: /config roles, /scores reset, /scores export, /admin sync.

Who may do what is the service's decision (it raises NotAllowed); `default_permissions` only hides
commands from members who could not use them anyway, and server admins may override it. /admin
sync is the one path to a global command sync (slow to propagate, rate-limited): owner only.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.errors import NotAllowed
from bot.discord_app.checks import actor_from
from bot.discord_app.choices import pack_autocomplete
from bot.discord_app.embeds import counted, escape, no_mentions, notice
from bot.discord_app.offload import off_loop
from bot.discord_app.translator import user_lang
from bot.discord_app.views import ConfirmResetView
from bot.i18n import DEFAULT, said, t

if TYPE_CHECKING:
    from bot.core.results import GuildRoles, SeasonInfo
    from bot.discord_app.client import QuizBot

NO_MENTIONS = discord.AllowedMentions.none()
IN_GUILDS = app_commands.AppCommandContext(guild=True)  # Group(guild_only=) sets only the old flag
SYNC_SCOPES = [
    app_commands.Choice(name="This server (instant)", value="guild"),
    app_commands.Choice(name="Everywhere (global, up to an hour)", value="global"),
    app_commands.Choice(name="Remove this server's copy", value="clear"),
]
EXPORT_LIMIT_BYTES = 8 * 1024 * 1024  # Discord's upload limit for a server without boosts


def _role(role_id: str | None, lang: str = DEFAULT) -> str:
    return f"<@&{role_id}>" if role_id else t(lang, "staff.role_unset")


def _roles_text(roles: GuildRoles, lang: str = DEFAULT) -> str:
    return t(lang, "staff.roles", instructor=_role(roles.instructor_role_id, lang),
             moderator=_role(roles.moderator_role_id, lang))


def _season_line(season: SeasonInfo, lang: str = DEFAULT) -> str:
    name = f" {no_mentions(season.name)}" if season.name else ""
    began = t(lang, "season.since", date=f"<t:{int(season.started_at)}:d>") \
        if season.started_at else t(lang, "season.from_start")
    return t(lang, "season.current_line" if season.current else "season.line",
             number=season.number, name=name, began=began,
             players=counted(season.players, "player", lang))


class AdminCog(commands.Cog, name="Admin"):
    admin = app_commands.Group(name="admin", description="Bot owner tools",
                               guild_only=True, allowed_contexts=IN_GUILDS,
                               default_permissions=discord.Permissions(manage_guild=True))
    config = app_commands.Group(name="config", description="quizbot settings for this server",
                                guild_only=True, allowed_contexts=IN_GUILDS,
                                default_permissions=discord.Permissions(manage_guild=True))
    scores = app_commands.Group(name="scores", description="Manage this server's scores",
                                guild_only=True, allowed_contexts=IN_GUILDS)

    def __init__(self, bot: QuizBot) -> None:
        self.bot = bot

    @config.command(name="roles", description="Show or set the instructor and moderator roles.")
    @app_commands.describe(instructor="Role that may stop anyone's quiz (live ones included)",
                           moderator="Role that may reset scores and stop quizzes",
                           clear="Forget both roles (only Manage Server remains staff)")
    async def roles(self, interaction: discord.Interaction,
                    instructor: discord.Role | None = None,
                    moderator: discord.Role | None = None, clear: bool = False) -> None:
        actor, lang = actor_from(interaction), user_lang(interaction)
        service = self.bot.service
        current = await off_loop(service.access.roles, actor.guild_id)
        if instructor is None and moderator is None and not clear:
            await interaction.response.send_message(_roles_text(current, lang), ephemeral=True,
                                                    allowed_mentions=NO_MENTIONS)
            return
        if clear:
            new_instructor = new_moderator = None
        else:  # an option left out keeps its current value
            new_instructor = str(instructor.id) if instructor else current.instructor_role_id
            new_moderator = str(moderator.id) if moderator else current.moderator_role_id
        # NotAllowed for others
        saved = await off_loop(service.access.set_roles, actor, new_instructor, new_moderator)
        await interaction.response.send_message(
            t(lang, "staff.saved") + "\n" + _roles_text(saved, lang), ephemeral=True,
            allowed_mentions=NO_MENTIONS
        )

    @config.command(name="retention",
                    description="Show or set how much recall spaced review aims for.")
    @app_commands.describe(value="0.70-0.97 (default 0.90): higher means more, shorter reviews")
    async def retention(self, interaction: discord.Interaction,
                        value: app_commands.Range[float, 0.7, 0.97] | None = None) -> None:
        actor = actor_from(interaction)
        review = self.bot.service.review
        if value is not None:  # NotAllowed / InvalidInput go to on_error, privately
            await off_loop(review.set_retention, actor, value)
        current = await off_loop(review.retention, actor.guild_id)
        await interaction.response.send_message(
            t(user_lang(interaction), "staff.retention", percent=f"{current:.0%}"),
            ephemeral=True, allowed_mentions=NO_MENTIONS)

    @scores.command(name="reset", description="Reset scores to zero (moderators; asks first).")
    @app_commands.describe(
        user="Only this player (default: everyone)",
        pack="Only points from this pack (default: all packs)",
    )
    @app_commands.autocomplete(pack=pack_autocomplete)
    async def reset(
        self,
        interaction: discord.Interaction,
        user: discord.User | None = None,
        pack: app_commands.Range[str, 1, 100] | None = None,
    ) -> None:
        actor, lang = actor_from(interaction), user_lang(interaction)
        service = self.bot.service
        # early refusal; reset_scores re-checks on click
        if not await off_loop(service.access.is_moderator, actor):
            raise NotAllowed(said("staff.moderators_only"))
        if pack:
            # UnknownPack before asking to confirm
            await off_loop(service.catalog.pack, actor.guild_id, pack)
        who = t(lang, "reset.whose", name=escape(user.display_name)) if user \
            else t(lang, "reset.everyone")
        what = who + (t(lang, "reset.in_pack", pack=no_mentions(pack)) if pack else "")
        view = ConfirmResetView(
            service,
            lang=lang,
            owner_id=interaction.user.id,
            user_id=str(user.id) if user else None,
            pack_id=pack,
            what=what,
        )
        view.origin = interaction
        await interaction.response.send_message(
            embed=notice(t(lang, "reset.ask", what=what)),
            view=view,
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )

    @scores.command(name="season",
                    description="List the seasons, or start a new one (moderators).")
    @app_commands.describe(start="Archive this board and start a new season (moderators)",
                           name="A name for the new season, e.g. Spring term")
    async def season(self, interaction: discord.Interaction, start: bool = False,
                     name: app_commands.Range[str, 1, 80] | None = None) -> None:
        actor, lang = actor_from(interaction), user_lang(interaction)
        standings = self.bot.service.standings
        if start:  # NotAllowed for students: on_error answers privately
            info = await off_loop(standings.start_season, actor, name)
            label = f" ({no_mentions(info.name)})" if info.name else ""
            text = t(lang, "season.begun", number=info.number, label=label,
                     previous=info.number - 1)
        else:
            seasons = await off_loop(standings.seasons, actor.guild_id)
            text = "\n".join(_season_line(s, lang) for s in seasons)
        await interaction.response.send_message(embed=notice(text), ephemeral=True,
                                                allowed_mentions=NO_MENTIONS)

    @scores.command(
        name="export",
        description="Download every answer given in this server as CSV (instructors).",
    )
    async def export(self, interaction: discord.Interaction) -> None:
        actor, lang = actor_from(interaction), user_lang(interaction)
        # Ephemeral from the start: a big server's export may take longer than 3 s, and a
        # refusal or the file is for the instructor only.
        await interaction.response.defer(ephemeral=True, thinking=True)
        # Written in chunks to a temporary file by a heavy job (a worker process in the bot):
        # a big server's CSV is never one string here, nor a million rows under our GIL.
        with tempfile.TemporaryDirectory(prefix="quizbot-export-") as folder:
            path = Path(folder) / f"quizbot-scores-{actor.guild_id}.csv"
            # NotAllowed for others: on_error answers privately
            size = await off_loop(self.bot.service.reports.export_scores_file, actor, str(path))
            if size > EXPORT_LIMIT_BYTES:
                await interaction.followup.send(
                    t(lang, "export.too_big", size=f"{size / 1024 / 1024:.1f}",
                      limit=EXPORT_LIMIT_BYTES // 1024 // 1024),
                    ephemeral=True,
                    allowed_mentions=NO_MENTIONS,
                )
                return
            with path.open("rb") as data:
                await interaction.followup.send(
                    t(lang, "export.file"),
                    file=discord.File(data, filename=path.name),
                    ephemeral=True,
                    allowed_mentions=NO_MENTIONS,
                )

    @admin.command(name="sync", description="Publish the slash commands (bot owner only).")
    @app_commands.describe(scope="Where to publish (default: this server, instantly)")
    @app_commands.choices(scope=SYNC_SCOPES)
    async def sync(
        self, interaction: discord.Interaction, scope: app_commands.Choice[str] | None = None
    ) -> None:
        if not await self.bot.is_owner(interaction.user):
            raise NotAllowed(said("sync.owner_only"))
        where, lang = (scope.value if scope else "guild"), user_lang(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        tree = self.bot.tree
        if where == "global":
            synced = await tree.sync()
            text = t(lang, "sync.global", count=len(synced))
        else:
            guild = discord.Object(id=interaction.guild_id or 0)
            tree.clear_commands(guild=guild)
            if where == "guild":
                tree.copy_global_to(guild=guild)
            synced = await tree.sync(guild=guild)
            text = t(lang, "sync.guild", count=len(synced)) if where == "guild" \
                else t(lang, "sync.cleared")
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)


async def setup(bot: QuizBot) -> None:
    await bot.add_cog(AdminCog(bot))
