"""Discord's embed and message limits, and the text helpers every builder shares.

Why apart from bot.discord_app.embeds: these are the rules of Discord's payloads (HTTP 400 on any
excess) and of untrusted text (markdown, mentions), independent of what an embed says or in which
language; embeds.py re-exports them, so `from bot.discord_app.embeds import truncate` still works.
"""

from __future__ import annotations

import discord

ELLIPSIS = "…"
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FIELD_COUNT_LIMIT = 25
FOOTER_LIMIT = 2048
AUTHOR_LIMIT = 256
TOTAL_LIMIT = 6000
CONTENT_LIMIT = 2000  # plain message content, not an embed limit, but the same kind of trap
BLANK = "\u200b"  # Discord refuses empty field names/values; a zero-width space is accepted


def truncate(text: str | None, limit: int) -> str:
    """Cut `text` to at most `limit` characters, ending with "…" when something was cut."""
    text = "" if text is None else str(text)
    if limit <= 0:
        return ""
    if len(text) <= limit:
        return text
    return text[: limit - 1] + ELLIPSIS


def no_mentions(text: str | None) -> str:
    """Neutralise @everyone, @here, user/role mentions; keep markdown (pack authors' formatting)."""
    return discord.utils.escape_mentions("" if text is None else str(text))


def escape(text: str | None) -> str:
    """Make untrusted text (names, typed questions) inert: no markdown, no mentions."""
    return no_mentions(discord.utils.escape_markdown("" if text is None else str(text)))


def _embed_length(embed: discord.Embed) -> int:
    return len(embed)  # discord.py counts title, description, fields, footer and author


def clamp_embed(embed: discord.Embed) -> discord.Embed:
    """Enforce every embed limit in place (and return the embed for chaining).

    Per-part limits first, then the 6000-character total: drop trailing fields (keeping at least
    one), then shorten the description, then the fields' values, so the heading survives.
    """
    if embed.title:
        embed.title = truncate(embed.title, TITLE_LIMIT)
    if embed.description:
        embed.description = truncate(embed.description, DESCRIPTION_LIMIT)
    if embed.author and embed.author.name:
        embed.set_author(name=truncate(embed.author.name, AUTHOR_LIMIT),
                         url=embed.author.url, icon_url=embed.author.icon_url)
    if embed.footer and embed.footer.text:
        embed.set_footer(text=truncate(embed.footer.text, FOOTER_LIMIT),
                         icon_url=embed.footer.icon_url)
    fields = [(f.name, f.value, f.inline) for f in embed.fields][:FIELD_COUNT_LIMIT]
    embed.clear_fields()
    for name, value, inline in fields:
        embed.add_field(name=truncate(name or BLANK, FIELD_NAME_LIMIT) or BLANK,
                        value=truncate(value or BLANK, FIELD_VALUE_LIMIT) or BLANK,
                        inline=bool(inline))
    while _embed_length(embed) > TOTAL_LIMIT and len(embed.fields) > 1:
        embed.remove_field(len(embed.fields) - 1)
    excess = _embed_length(embed) - TOTAL_LIMIT
    if excess > 0 and embed.description:
        keep = max(len(embed.description) - excess, 1)
        embed.description = truncate(embed.description, keep)
        excess = _embed_length(embed) - TOTAL_LIMIT
    if excess > 0 and embed.fields:
        field = embed.fields[0]
        embed.set_field_at(0, name=field.name or BLANK, inline=bool(field.inline),
                           value=truncate(field.value, max(len(field.value or "") - excess, 1)))
        excess = _embed_length(embed) - TOTAL_LIMIT
    if excess > 0 and embed.footer and embed.footer.text:
        embed.set_footer(text=truncate(embed.footer.text, max(len(embed.footer.text) - excess, 1)))
        excess = _embed_length(embed) - TOTAL_LIMIT
    if excess > 0 and embed.title:
        embed.title = truncate(embed.title, max(len(embed.title) - excess, 1))
    return embed
