"""What replaces a question card in the same message: a solo verdict, a live reveal, the end.

Solo: answering turns the question card into the verdict (right or wrong, the judge's one-line
reason, the answer, why and where in the article it comes from, Report a problem, Next); Next
turns it into the next question (cards.py); the last verdict carries the summary under it.
Live: at each deadline the card becomes the reveal above the next question, and at the end the
last reveal above the podium. Rendering only, as in cards.py.
"""

from __future__ import annotations

from typing import Any

import discord

from bot.core.models import Mode
from bot.core.results import AnswerOutcome, PlayerResult, QuestionView, Reveal, SessionSummary
from bot.discord_app.cards import (
    Gallery,
    Text,
    card,
    gallery,
    header,
    progress_bar,
    question_container,
    web_pictures,
)
from bot.discord_app.embeds import MISS_COLOUR, OK_COLOUR, escape, no_mentions
from bot.discord_app.quiz_views import QuizButton, QuizRef
from bot.discord_app.report_views import report_button
from bot.i18n import DEFAULT, render, t

MEDALS = ("🥇", "🥈", "🥉")


def _explained(explanation: str, quote: str | None, lang: str, *,
               hide: bool = False) -> list[discord.ui.Item[Any]]:
    """Why, and the article's own words; behind a spoiler when the reader asked for that."""
    items: list[discord.ui.Item[Any]] = []
    if explanation:
        items.append(Text(f"**{t(lang, 'explain.why')}**"))
        items.append(Text(no_mentions(explanation), hidden=hide))
    if quote and not hide:
        quoted = "\n".join("> " + line for line in no_mentions(quote).splitlines() if line.strip())
        if quoted:
            items.append(Text(f"**{t(lang, 'explain.quote')}**\n{quoted}"))
    return items


def _buttons(*buttons: discord.ui.Item[Any] | None) -> list[discord.ui.Item[Any]]:
    present = [b for b in buttons if b is not None]
    return [discord.ui.ActionRow(*present)] if present else []


def verdict_container(outcome: AnswerOutcome, *, lang: str = DEFAULT,
                      media: Gallery = ()) -> discord.ui.Container[Any]:
    """The solo verdict, with Next (unless it was the last question) and Report a problem;
    `media` (a chart of the answer, say) is shown under the verdict."""
    if outcome.skipped:
        title, colour = t(lang, "verdict.skipped"), MISS_COLOUR
    elif outcome.verdict.correct:
        title, colour = t(lang, "verdict.correct", points=f"{outcome.points:,}"), OK_COLOUR
    else:
        title, colour = t(lang, "verdict.wrong"), MISS_COLOUR
    score = t(lang, "verdict.score") + ": " + t(
        lang, "verdict.score_value", total=f"{outcome.total_points:,}", streak=outcome.streak)
    lines = [header(title, [score])]
    if not outcome.skipped and outcome.verdict.reason:
        lines.append(no_mentions(render(lang, outcome.verdict.reason)))
    lines.append(f"**{t(lang, 'verdict.answer')}:** {no_mentions(outcome.correct_answer) or '—'}")
    nxt = None
    if not outcome.finished and outcome.next_question is not None:
        ref = QuizRef(Mode.SOLO, outcome.session_id, outcome.question_id, "next")
        nxt = QuizButton(ref, label=t(lang, "button.next"), style=discord.ButtonStyle.primary,
                         emoji="➡️")
    items = [Text("\n".join(lines)), gallery(media),
             *_explained(outcome.explanation, outcome.quote, lang),
             *_buttons(nxt, report_button(outcome.session_id, outcome.question_id, lang=lang))]
    return discord.ui.Container(*(i for i in items if i is not None), accent_colour=colour)


def summary_container(summary: SessionSummary, *, lang: str = DEFAULT) -> discord.ui.Container[Any]:
    """The end of a solo quiz: what was answered, right, skipped, and the rank it earned."""
    title = t(lang, "summary.stopped" if summary.stopped else "summary.complete")
    accuracy = f"{summary.correct / summary.answered:.0%}" if summary.answered else "—"
    rows = [
        (t(lang, "summary.points"), f"{summary.points:,}"),
        (t(lang, "summary.correct"), f"{summary.correct}/{summary.answered} ({accuracy})"),
        (t(lang, "summary.skipped"), str(summary.skipped)),
        (t(lang, "summary.best_streak"), str(summary.best_streak)),
    ]
    if summary.rank is not None:
        rows.append((t(lang, "summary.rank"), f"#{summary.rank}"))
    bar = progress_bar(summary.answered + summary.skipped, summary.total_questions)
    body = "\n".join(f"**{name}:** {value}" for name, value in rows)
    text = f"{header(title, [bar])}\n{body}\n-# {t(lang, 'summary.footer')}"
    return discord.ui.Container(Text(text), accent_colour=OK_COLOUR)


def verdict_card(outcome: AnswerOutcome, summary: SessionSummary | None = None, *,
                 lang: str = DEFAULT, media: Gallery | None = None) -> discord.ui.LayoutView:
    """Solo: the verdict (with `media`, default its web pictures); after the last question,
    the summary under it."""
    pictures = web_pictures(outcome.media) if media is None else media
    return card(verdict_container(outcome, lang=lang, media=pictures),
                summary_container(summary, lang=lang) if summary is not None else None)


def summary_card(summary: SessionSummary, *, lang: str = DEFAULT) -> discord.ui.LayoutView:
    return card(summary_container(summary, lang=lang))


def _player_line(rank: int, player: PlayerResult, *, with_time: bool, lang: str) -> str:
    medal = MEDALS[rank] if rank < len(MEDALS) else f"`#{rank + 1}`"
    points = t(lang, "live.player_points", points=f"{player.points:,}")
    line = f"{medal} **{escape(player.display_name)}** — {points}"
    if with_time and player.time_ms is not None:
        line += " " + t(lang, "live.player_time", seconds=f"{player.time_ms / 1000:.1f}")
    return line


def reveal_container(reveal: Reveal, *, lang: str = DEFAULT, spoilers: bool = False,
                     media: Gallery = ()) -> discord.ui.Container[Any]:
    """The end of one live question: the answer, why, and who got it first. With `spoilers`,
    the answer and the explanation are hidden until each reader clicks them."""
    title = t(lang, "live.reveal_title", position=reveal.position, total=reveal.total)
    answers = t(lang, "live.answers") + ": " + t(
        lang, "live.answers_value", correct=reveal.correct, answered=reveal.answered)
    items: list[discord.ui.Item[Any]] = [
        Text(header(title, [answers])),
        Text(f"**{no_mentions(reveal.correct_answer)}**", hidden=spoilers),
        *_explained(reveal.explanation, reveal.quote, lang, hide=spoilers),
    ]
    pictures = gallery(media, hidden=spoilers)
    if pictures is not None:
        items.insert(1, pictures)
    if reveal.fastest:
        lines = [_player_line(i, p, with_time=True, lang=lang)
                 for i, p in enumerate(reveal.fastest)]
        items.append(Text(f"**{t(lang, 'live.fastest')}**\n" + "\n".join(lines)))
    items += _buttons(report_button(reveal.session_id, reveal.question_id, lang=lang))
    return discord.ui.Container(*items, accent_colour=OK_COLOUR)


def podium_container(summary: SessionSummary | None, *, note: str | None = None,
                     lang: str = DEFAULT) -> discord.ui.Container[Any]:
    """The end of a live quiz: everyone, best first, the top three with medals (or only the
    note, when the quiz closed before anyone could be ranked)."""
    if summary is None:
        return discord.ui.Container(Text(no_mentions(note or "—")), accent_colour=MISS_COLOUR)
    title = t(lang, "live.podium_stopped" if summary.stopped else "live.podium_title")
    players = [p for p in summary.podium if p.answered]  # the starter may only have watched
    if players:
        body = "\n".join(_player_line(i, p, with_time=False, lang=lang)
                         + f" ({p.correct}/{p.answered})" for i, p in enumerate(players))
    else:
        body = t(lang, "live.nobody")
    footer_key = "live.podium_footer_one" if summary.total_questions == 1 else "live.podium_footer"
    footer = t(lang, footer_key, count=f"{summary.total_questions:,}")
    parts = [f"### {title}"] + ([no_mentions(note)] if note else []) + [body, f"-# {footer}"]
    return discord.ui.Container(Text("\n".join(parts)), accent_colour=OK_COLOUR)


def live_card(question: QuestionView, reveal: Reveal | None = None, *,
              starter: str | None = None, lang: str = DEFAULT, spoilers: bool = False,
              reveal_media: Gallery | None = None,
              media: Gallery | None = None) -> discord.ui.LayoutView:
    """A live round's one message while it runs: the last reveal (if any) above the question.
    `reveal_media` and `media`: what each shows (default: their pictures with a web address)."""
    shown = None
    if reveal is not None:
        pictures = web_pictures(reveal.media) if reveal_media is None else reveal_media
        shown = reveal_container(reveal, lang=lang, spoilers=spoilers, media=pictures)
    return card(shown, question_container(question, starter=starter, lang=lang, media=media))


def final_card(summary: SessionSummary | None, reveal: Reveal | None = None, *,
               note: str | None = None, lang: str = DEFAULT, spoilers: bool = False,
               reveal_media: Gallery | None = None) -> discord.ui.LayoutView:
    """A live round's message at the end: the last reveal (if it had one) above the podium."""
    shown = None
    if reveal is not None:
        pictures = web_pictures(reveal.media) if reveal_media is None else reveal_media
        shown = reveal_container(reveal, lang=lang, spoilers=spoilers, media=pictures)
    return card(shown, podium_container(summary, note=note, lang=lang))
