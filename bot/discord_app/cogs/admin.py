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
from bot.discord_app.embeds import escape, no_mentions, notice
from bot.discord_app.offload import off_loop
from bot.discord_app.views import ConfirmResetView

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


def _role(role_id: str | None) -> str:
    return f"<@&{role_id}>" if role_id else "not set (Manage Server only)"


def _roles_text(roles: GuildRoles) -> str:
    return (f"Instructor role: {_role(roles.instructor_role_id)}\n"
            f"Moderator role: {_role(roles.moderator_role_id)}\n"
            "Members with Manage Server count as both.")


def _season_line(season: SeasonInfo) -> str:
    name = f" {no_mentions(season.name)}" if season.name else ""
    began = f"since <t:{int(season.started_at)}:d>" if season.started_at else "from the start"
    players = f"{season.players} player{'' if season.players == 1 else 's'}"
    return f"Season {season.number}{name}{' (current)' if season.current else ''}: {began}, " \
           f"{players}"


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
        actor = actor_from(interaction)
        service = self.bot.service
        current = await off_loop(service.access.roles, actor.guild_id)
        if instructor is None and moderator is None and not clear:
            await interaction.response.send_message(_roles_text(current), ephemeral=True,
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
            "Saved.\n" + _roles_text(saved), ephemeral=True, allowed_mentions=NO_MENTIONS
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
            f"Review aims for {current:.0%} recall: a card falls due when its estimated recall "
            f"drops to {current:.0%}.", ephemeral=True, allowed_mentions=NO_MENTIONS)

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
        actor = actor_from(interaction)
        service = self.bot.service
        # early refusal; reset_scores re-checks on click
        if not await off_loop(service.access.is_moderator, actor):
            raise NotAllowed(
                "Only moderators can reset scores. A server manager can choose the "
                "moderator role with /config roles."
            )
        if pack:
            # UnknownPack before asking to confirm
            await off_loop(service.catalog.pack, actor.guild_id, pack)
        who = f"{escape(user.display_name)}'s scores" if user else "everyone's scores"
        what = who + (f" in `{no_mentions(pack)}`" if pack else "")
        view = ConfirmResetView(
            service,
            owner_id=interaction.user.id,
            user_id=str(user.id) if user else None,
            pack_id=pack,
            what=what,
        )
        view.origin = interaction
        await interaction.response.send_message(
            embed=notice(f"Reset {what}? Points go back to zero; answer history is kept."),
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
        actor = actor_from(interaction)
        standings = self.bot.service.standings
        if start:  # NotAllowed for students: on_error answers privately
            info = await off_loop(standings.start_season, actor, name)
            label = f" ({no_mentions(info.name)})" if info.name else ""
            text = (f"Season {info.number}{label} has begun: every question counts again. "
                    f"Season {info.number - 1}'s board is archived: "
                    f"`/leaderboard season:{info.number - 1}`.")
        else:
            seasons = await off_loop(standings.seasons, actor.guild_id)
            text = "\n".join(_season_line(s) for s in seasons)
        await interaction.response.send_message(embed=notice(text), ephemeral=True,
                                                allowed_mentions=NO_MENTIONS)

    @scores.command(
        name="export",
        description="Download every answer given in this server as CSV (instructors).",
    )
    async def export(self, interaction: discord.Interaction) -> None:
        actor = actor_from(interaction)
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
                    f"The export is {size / 1024 / 1024:.1f} MB, over Discord's "
                    f"{EXPORT_LIMIT_BYTES // 1024 // 1024} MB upload limit, so it cannot be "
                    "attached here. Ask whoever hosts the bot to export it from the database.",
                    ephemeral=True,
                    allowed_mentions=NO_MENTIONS,
                )
                return
            with path.open("rb") as data:
                await interaction.followup.send(
                    "Every answer given in this server, one row each (UTF-8 CSV with a header "
                    "row).",
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
            raise NotAllowed("Only the bot's owner can sync commands.")
        where = scope.value if scope else "guild"
        await interaction.response.defer(ephemeral=True, thinking=True)
        tree = self.bot.tree
        if where == "global":
            synced = await tree.sync()
            text = (
                f"Synced {len(synced)} commands globally; Discord may take up to an hour "
                "to show them everywhere."
            )
        else:
            guild = discord.Object(id=interaction.guild_id or 0)
            tree.clear_commands(guild=guild)
            if where == "guild":
                tree.copy_global_to(guild=guild)
            synced = await tree.sync(guild=guild)
            text = (
                f"Synced {len(synced)} commands to this server."
                if where == "guild"
                else "Removed this server's copy of the commands; the global ones remain."
            )
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)


async def setup(bot: QuizBot) -> None:
    await bot.add_cog(AdminCog(bot))
