"""A quiz question as a components v2 card (discord.ui.LayoutView), and the card's limits.

Why v2 (issue 14): a solo quiz and a live round each live in ONE message that is edited from
the first question to the summary, instead of an embed plus a row of buttons per step. A card is
a Container (an embed-like box) holding TextDisplays, one Section per choice with its button, a
MediaGallery for the question's image, and ActionRows for the other buttons.

Discord's rules for such a message, kept here and checked by tests/discord_app/contract.py:
the IS_COMPONENTS_V2 flag (discord.py sets it for a LayoutView) and no `content` or `embeds`;
at most 40 components in all, nested ones counted; 4000 characters of TextDisplay text in the
whole message (`fit_texts`); and a v2 message can never go back to content or embeds, so every
later edit of a quiz message is a card too. Rendering only: every verdict, number and ranking
shown was decided by the service. Pack text keeps its markdown but never mentions anyone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import discord

from bot.core.models import Mode, QuestionType, letter
from bot.core.results import MediaRef, QuestionView
from bot.discord_app.embeds import COLOUR, no_mentions, truncate
from bot.discord_app.quiz_views import QuizButton, QuizRef
from bot.discord_app.select_views import select_all_menu
from bot.i18n import DEFAULT, t

TEXT_LIMIT = 4000  # characters of TextDisplay content in one message, all displays together
COMPONENT_LIMIT = 40  # components in one message, nested ones counted
SECTION_CHOICES = 5  # up to five choices get a section each (text beside its button)
BAR_WIDTH = 10
ALT_LIMIT = 1024  # a media item's description (alt text)

HOW_TO_ANSWER = {  # catalog keys (bot/i18n)
    QuestionType.CHOICE: "question.how.choice",
    QuestionType.TRUEFALSE: "question.how.truefalse",
    QuestionType.TEXT: "question.how.text",
    QuestionType.NUMBER: "question.how.number",
    QuestionType.ORDER: "question.how.order",
    QuestionType.SELECT_ALL: "question.how.select_all",
}


def closed_text(lang: str = DEFAULT) -> str:
    return t(lang, "question.closed")


def progress_bar(position: int, total: int, width: int = BAR_WIDTH) -> str:
    """`▰▰▰▱▱▱▱ 3/7`: one block per question up to `width`, scaled beyond that."""
    total = max(total, 1)
    position = min(max(position, 0), total)
    slots = min(total, width)
    filled = round(position * slots / total)
    return "▰" * filled + "▱" * (slots - filled) + f" {position}/{total}"


def spoiler(text: str) -> str:
    """`||text||`: Discord hides it until clicked (a pipe inside would end it early)."""
    return f"||{text.replace('|', '¦')}||"


class Text(discord.ui.TextDisplay[Any]):
    """A TextDisplay that knows how to shorten itself when the message's 4000 are exceeded.

    With `hidden`, the whole text is a spoiler, and stays one when shortened (cutting the
    closing `||` would show the answer the reader chose not to see yet)."""

    def __init__(self, content: str, *, hidden: bool = False) -> None:
        self.raw = content.strip() or "—"  # Discord refuses an empty text display
        self.hidden = hidden
        super().__init__(spoiler(self.raw) if hidden else self.raw)

    def shorten(self, limit: int) -> None:
        if self.hidden:
            self.content = spoiler(truncate(self.raw, max(limit - 4, 1)))
        else:
            self.content = truncate(self.content, max(limit, 1))


def header(title: str, details: list[str]) -> str:
    """A bold heading with one small grey line of details under it (`-#` is Discord subtext)."""
    line = " · ".join(d for d in details if d)
    return f"### {title}" + (f"\n-# {line}" if line else "")


def button(question: QuestionView, action: str, label: str, index: int | None = None,
           style: discord.ButtonStyle = discord.ButtonStyle.secondary,
           emoji: str | None = None) -> QuizButton:
    """A persistent quiz button (its custom_id says everything a click needs; quiz_views.py)."""
    return QuizButton(QuizRef.for_question(question, action, index), label=label, style=style,
                      emoji=emoji)


Gallery = Sequence[tuple[str, str]]  # (url, alt text): an http(s) address or attachment://name
GALLERY_LIMIT = 10  # items in one media gallery


def gallery(items: Gallery, *, hidden: bool = False) -> discord.ui.MediaGallery[Any] | None:
    """Pictures and charts to show, each with its alt text (None when there are none). An
    `attachment://name` url points at a file uploaded with the same message; `hidden` blurs
    them until clicked (a reveal's chart behind spoilers shows the answer)."""
    shown = [discord.MediaGalleryItem(url, description=truncate(alt, ALT_LIMIT) or None,
                                      spoiler=hidden)
             for url, alt in list(items)[:GALLERY_LIMIT]]
    return discord.ui.MediaGallery(*shown) if shown else None


def web_pictures(refs: Sequence[MediaRef]) -> list[tuple[str, str]]:
    """The pictures shown by address, which need no upload (files and charts must be loaded
    and attached: media.gallery_urls lists them once they are)."""
    return [(ref.url, ref.alt) for ref in refs if ref.url is not None]


def _details(question: QuestionView, starter: str | None, lang: str) -> list[str]:
    details = [progress_bar(question.position, question.total),
               no_mentions(question.topic) if question.topic else "",
               t(lang, "question.points") + ": "
               + t(lang, "question.points_value", points=f"{question.points:,}")]
    if question.hints_available:
        details.append(t(lang, "question.hints") + ": "
                       + t(lang, "question.hints_value", count=question.hints_available))
    if question.deadline is not None:  # each client counts down itself: no edits while it runs
        details.append(t(lang, "question.closes") + f" <t:{int(question.deadline)}:R>")
    if starter:
        details.append(t(lang, "question.started_by", name=no_mentions(starter)))
    return details


def _answer_items(question: QuestionView, prompt: str, lang: str) -> list[discord.ui.Item[Any]]:
    """The prompt and the ways to answer it: a section per choice (or a list and rows of
    letters for more than SECTION_CHOICES), True/False, or the Type answer button."""
    items: list[discord.ui.Item[Any]] = []
    actions: list[discord.ui.Item[Any]] = []
    if question.type is QuestionType.CHOICE and len(question.choices) <= SECTION_CHOICES:
        items.append(Text(prompt))
        for i, choice in enumerate(question.choices):
            items.append(discord.ui.Section(
                Text(f"**{letter(i)})** {no_mentions(choice)}"),
                accessory=button(question, "a", letter(i), i, discord.ButtonStyle.primary)))
    elif question.type is QuestionType.CHOICE:
        choices = question.choices[:10]  # A–J, two rows of five buttons
        lines = "\n".join(f"**{letter(i)})** {no_mentions(c)}" for i, c in enumerate(choices))
        items.append(Text(f"{prompt}\n\n{lines}"))
        for start in range(0, len(choices), 5):
            items.append(discord.ui.ActionRow(*(
                button(question, "a", letter(i), i, discord.ButtonStyle.primary)
                for i in range(start, min(start + 5, len(choices))))))
    elif question.type is QuestionType.SELECT_ALL:  # one menu, any number of options picked
        lines = "\n".join(f"**{letter(i)})** {no_mentions(c)}"
                          for i, c in enumerate(question.choices))
        items.append(Text(f"{prompt}\n\n{lines}"))
        items.append(discord.ui.ActionRow(select_all_menu(question, lang=lang, row=None)))
    elif question.type is QuestionType.TRUEFALSE:
        items.append(Text(prompt))
        actions += [button(question, "tf", t(lang, "button.true"), 1, discord.ButtonStyle.success),
                    button(question, "tf", t(lang, "button.false"), 0, discord.ButtonStyle.danger)]
    else:
        items.append(Text(prompt))
        actions.append(button(question, "type", t(lang, "button.type"),
                              style=discord.ButtonStyle.primary, emoji="✏️"))
    if question.hints_available:
        actions.append(button(question, "hint", t(lang, "button.hint"), emoji="💡"))
    if question.mode is Mode.SOLO:
        actions.append(button(question, "skip", t(lang, "button.skip"), emoji="⏭️"))
    if actions:
        items.append(discord.ui.ActionRow(*actions))
    return items


def question_container(question: QuestionView, *, starter: str | None = None,
                       note: str | None = None, lang: str = DEFAULT,
                       media: Gallery | None = None) -> discord.ui.Container[Any]:
    """One question as players see it: heading and progress, the image, the prompt, the buttons.

    `media` is what to show in its gallery, as (url, alt) (media.gallery_urls over the files
    attached with the message); by default only its pictures that have a web address.
    Every button has a text label (an emoji only decorates it), in the reader's language."""
    title = t(lang, "question.title", position=question.position, total=question.total,
              pack=no_mentions(question.pack_title))
    items: list[discord.ui.Item[Any]] = [Text(header(title, _details(question, starter, lang)))]
    if note:
        items.append(Text(f"-# {no_mentions(note)}"))
    pictures = gallery(web_pictures(question.media) if media is None else media)
    if pictures is not None:
        items.append(pictures)
    how = t(lang, HOW_TO_ANSWER.get(question.type, "question.how.other"))
    items += _answer_items(question, f"{no_mentions(question.prompt)}\n\n*{how}*", lang)
    return discord.ui.Container(*items, accent_colour=COLOUR)


def card(*containers: discord.ui.Item[Any] | None) -> discord.ui.LayoutView:
    """The message: the given top-level components in order, its text fitted to Discord's cap.

    timeout=None: the buttons are DynamicItems that work in any process, so the view itself
    must never expire and disable them."""
    view = discord.ui.LayoutView(timeout=None)
    for container in containers:
        if container is not None:
            view.add_item(container)
    fit_texts(view)
    return view


def question_card(question: QuestionView, *, starter: str | None = None, note: str | None = None,
                  lang: str = DEFAULT, media: Gallery | None = None) -> discord.ui.LayoutView:
    return card(question_container(question, starter=starter, note=note, lang=lang, media=media))


def fit_texts(view: discord.ui.LayoutView, limit: int = TEXT_LIMIT) -> None:
    """Shorten the longest texts until the whole message holds at most `limit` characters.

    Water-filling: find the largest length `cap` such that every text cut to `cap` fits, then
    cut only the texts longer than it. Short texts (headings, a verdict, the buttons' choices)
    stay whole, and one 4000-character prompt beside a 4000-character explanation each keep
    half instead of one losing everything."""
    texts = [item for item in view.walk_children() if isinstance(item, discord.ui.TextDisplay)]
    lengths = sorted(len(item.content) for item in texts)
    if sum(lengths) <= limit:
        return
    remaining, cap = limit, 1
    for i, length in enumerate(lengths):
        share = remaining // (len(lengths) - i)
        if length > share:
            cap = max(share, 1)
            break
        remaining -= length
    for item in texts:
        if len(item.content) > cap:
            if isinstance(item, Text):
                item.shorten(cap)
            else:
                item.content = truncate(item.content, cap)
