"""Languages in Discord: slash commands through discord.py's Translator, replies by locale.

Command names, descriptions, options and choices are registered with their localisations (the
Translator below is asked for each at sync time), so a Spanish Discord client shows Spanish
commands. Replies follow the reader: an ephemeral reply the user's own locale
(`interaction.locale`), a post in a channel the server's (`interaction.guild_locale`), because
everyone in the channel reads it.
"""

from __future__ import annotations

import discord
from discord import app_commands

from bot.i18n import DEFAULT, command_strings, language_of


class QuizTranslator(app_commands.Translator):
    """English text → the shipped translation for the locale, or None (Discord shows English)."""

    async def translate(self, string: app_commands.locale_str, locale: discord.Locale,
                        context: app_commands.TranslationContextTypes) -> str | None:
        lang = language_of(locale)
        if lang == DEFAULT:
            return None
        return command_strings(lang).get(string.message)


def user_lang(interaction: discord.Interaction) -> str:
    """The language of a reply only this user sees."""
    return language_of(getattr(interaction, "locale", None))


def channel_lang(interaction: discord.Interaction) -> str:
    """The language of a post everyone in the channel sees (the server's; in DMs the user's)."""
    guild_locale = getattr(interaction, "guild_locale", None)
    return language_of(guild_locale) if guild_locale else user_lang(interaction)
