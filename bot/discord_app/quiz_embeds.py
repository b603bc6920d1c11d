"""Quiz records (QuestionView, AnswerOutcome, Reveal, SessionSummary) → discord.Embed.

Rendering only: every number, verdict and ranking shown here was decided by the service. Pack
text (prompts, choices, explanations) keeps its markdown but never mentions anyone; players'
display names go through `escape`. Every builder ends in `clamp_embed`, because one oversized
explanation would otherwise make Discord reject the whole message.
"""

from __future__ import annotations

import discord

from bot.core.models import QuestionType, letter
from bot.core.results import AnswerOutcome, PlayerResult, QuestionView, Reveal, SessionSummary
from bot.discord_app.embeds import (
    BLANK,
    COLOUR,
    MISS_COLOUR,
    OK_COLOUR,
    TOTAL_LIMIT,
    clamp_embed,
    escape,
    no_mentions,
    truncate,
)
from bot.i18n import DEFAULT, render, t

BAR_WIDTH = 10
MEDALS = ("🥇", "🥈", "🥉")
CLOSED_TEXT = t(DEFAULT, "question.closed")  # English; closed_text(lang) for others


def closed_text(lang: str = DEFAULT) -> str:
    return t(lang, "question.closed")


HOW_TO_ANSWER = {  # catalog keys (bot/i18n)
    QuestionType.CHOICE: "question.how.choice",
    QuestionType.TRUEFALSE: "question.how.truefalse",
    QuestionType.TEXT: "question.how.text",
    QuestionType.NUMBER: "question.how.number",
    QuestionType.ORDER: "question.how.order",
    QuestionType.SELECT_ALL: "question.how.select_all",
}


def progress_bar(position: int, total: int, width: int = BAR_WIDTH) -> str:
    """`▰▰▰▱▱▱▱ 3/7`: one block per question up to `width`, scaled beyond that."""
    total = max(total, 1)
    position = min(max(position, 0), total)
    slots = min(total, width)
    filled = round(position * slots / total)
    return "▰" * filled + "▱" * (slots - filled) + f" {position}/{total}"


def _choice_lines(choices: tuple[str, ...]) -> str:
    return "\n".join(f"**{letter(i)})** {no_mentions(c)}" for i, c in enumerate(choices))


def question_embed(question: QuestionView, *, starter: str | None = None,
                   lang: str = DEFAULT) -> discord.Embed:
    """A question as players see it; live questions show a client-side countdown.

    `<t:DEADLINE:R>` is rendered by each Discord client as "in 25 seconds", so the message never
    needs editing while the clock runs.
    """
    title = t(lang, "question.title", position=question.position, total=question.total,
              pack=no_mentions(question.pack_title))
    parts = [no_mentions(question.prompt)]
    if question.choices:
        parts.append(_choice_lines(question.choices))
    parts.append(f"*{t(lang, HOW_TO_ANSWER.get(question.type, 'question.how.other'))}*")
    embed = discord.Embed(title=title, description="\n\n".join(parts), colour=COLOUR)
    embed.add_field(name=t(lang, "question.points"),
                    value=t(lang, "question.points_value", points=f"{question.points:,}"))
    if question.deadline is not None:
        embed.add_field(name=t(lang, "question.closes"), value=f"<t:{int(question.deadline)}:R>")
    if question.hints_available:
        embed.add_field(name=t(lang, "question.hints"),
                        value=t(lang, "question.hints_value", count=question.hints_available))
    footer = progress_bar(question.position, question.total)
    if question.topic:
        footer += f" · {question.topic}"
    if starter:
        footer += " · " + t(lang, "question.started_by", name=starter)
    embed.set_footer(text=no_mentions(footer))
    if question.image and question.image.lower().startswith(("https://", "http://")):
        embed.set_image(url=question.image)  # a shipped file is attached (media.show_on)
    return clamp_embed(embed)


def spoiler(text: str) -> str:
    """`||text||`: Discord hides it until clicked (a pipe inside would end it early)."""
    return f"||{text.replace('|', '¦')}||"


def _explain(embed: discord.Embed, explanation: str, quote: str | None, lang: str,
             hide: bool = False) -> None:
    if explanation:
        why = no_mentions(explanation)
        embed.add_field(name=t(lang, "explain.why"), value=spoiler(why) if hide else why,
                        inline=False)
    if quote:
        quoted = "\n".join("> " + line for line in no_mentions(quote).splitlines() if line.strip())
        embed.add_field(name=t(lang, "explain.quote"), value=quoted or BLANK, inline=False)


def verdict_embed(outcome: AnswerOutcome, *, lang: str = DEFAULT) -> discord.Embed:
    """The solo verdict: right or wrong, points, streak, the correct answer and why."""
    if outcome.skipped:
        title, colour = t(lang, "verdict.skipped"), MISS_COLOUR
    elif outcome.verdict.correct:
        title, colour = t(lang, "verdict.correct", points=f"{outcome.points:,}"), OK_COLOUR
    else:
        title, colour = t(lang, "verdict.wrong"), MISS_COLOUR
    description = "" if outcome.skipped else no_mentions(render(lang, outcome.verdict.reason))
    embed = discord.Embed(title=title, description=description or None, colour=colour)
    embed.add_field(name=t(lang, "verdict.answer"),
                    value=no_mentions(outcome.correct_answer) or "—")
    embed.add_field(name=t(lang, "verdict.score"), value=t(
        lang, "verdict.score_value", total=f"{outcome.total_points:,}", streak=outcome.streak))
    _explain(embed, outcome.explanation, outcome.quote, lang)
    return clamp_embed(embed)


def summary_embed(summary: SessionSummary, *, lang: str = DEFAULT) -> discord.Embed:
    """The end of a solo quiz: what was answered, right, skipped, and the rank it earned."""
    title = t(lang, "summary.stopped" if summary.stopped else "summary.complete")
    accuracy = f"{summary.correct / summary.answered:.0%}" if summary.answered else "—"
    embed = discord.Embed(title=title, colour=OK_COLOUR, description=progress_bar(
        summary.answered + summary.skipped, summary.total_questions))
    embed.add_field(name=t(lang, "summary.points"), value=f"{summary.points:,}")
    embed.add_field(name=t(lang, "summary.correct"),
                    value=f"{summary.correct}/{summary.answered} ({accuracy})")
    embed.add_field(name=t(lang, "summary.skipped"), value=str(summary.skipped))
    embed.add_field(name=t(lang, "summary.best_streak"), value=str(summary.best_streak))
    if summary.rank is not None:
        embed.add_field(name=t(lang, "summary.rank"), value=f"#{summary.rank}")
    embed.set_footer(text=t(lang, "summary.footer"))
    return clamp_embed(embed)


def _player_line(rank: int, player: PlayerResult, *, with_time: bool, lang: str) -> str:
    medal = MEDALS[rank] if rank < len(MEDALS) else f"`#{rank + 1}`"
    points = t(lang, "live.player_points", points=f"{player.points:,}")
    line = f"{medal} **{escape(player.display_name)}** — {points}"
    if with_time and player.time_ms is not None:
        line += " " + t(lang, "live.player_time", seconds=f"{player.time_ms / 1000:.1f}")
    return line


def reveal_embed(reveal: Reveal, *, lang: str = DEFAULT, spoilers: bool = False) -> discord.Embed:
    """The end of one live question: the answer, why, and who got it first. With `spoilers`,
    the answer and the explanation are hidden until each reader clicks them (for players who
    want to think first, or read at their own pace)."""
    answer = f"**{no_mentions(reveal.correct_answer)}**"
    embed = discord.Embed(
        title=t(lang, "live.reveal_title", position=reveal.position, total=reveal.total),
        description=spoiler(answer) if spoilers else answer,
        colour=OK_COLOUR,
    )
    _explain(embed, reveal.explanation, None if spoilers else reveal.quote, lang, spoilers)
    embed.add_field(name=t(lang, "live.answers"), value=t(
        lang, "live.answers_value", correct=reveal.correct, answered=reveal.answered))
    if reveal.fastest:
        lines = [_player_line(i, p, with_time=True, lang=lang)
                 for i, p in enumerate(reveal.fastest)]
        embed.add_field(name=t(lang, "live.fastest"), value="\n".join(lines), inline=False)
    return clamp_embed(embed)


def podium_embed(summary: SessionSummary, *, note: str | None = None,
                 lang: str = DEFAULT) -> discord.Embed:
    """The end of a live quiz: everyone, best first, the top three with medals."""
    title = t(lang, "live.podium_stopped" if summary.stopped else "live.podium_title")
    players = [p for p in summary.podium if p.answered]  # the starter may only have watched
    if players:
        lines = [_player_line(i, p, with_time=False, lang=lang) + f" ({p.correct}/{p.answered})"
                 for i, p in enumerate(players)]
        description = "\n".join(lines)
    else:
        description = t(lang, "live.nobody")
    if note:
        description = f"{no_mentions(note)}\n\n{description}"
    embed = discord.Embed(title=title, description=description, colour=OK_COLOUR)
    footer_key = "live.podium_footer_one" if summary.total_questions == 1 else "live.podium_footer"
    embed.set_footer(text=t(lang, footer_key, count=f"{summary.total_questions:,}"))
    return clamp_embed(embed)



def fit_message(*embeds: discord.Embed) -> list[discord.Embed]:
    """Discord's 6000-character cap is per message, not per embed: a long verdict above a long
    question would be rejected even though each embed alone is within its limits. Trim the
    earlier embeds (verdict, reveal) first, longest part first, so the question survives whole.
    """
    parts = list(embeds)
    for embed in parts:
        while (excess := sum(map(len, parts)) - TOTAL_LIMIT) > 0 and _trim(embed, excess):
            pass
    return parts


def _trim(embed: discord.Embed, excess: int) -> bool:
    """Shorten the longest field value or the description by `excess`; False if nothing left."""
    sizes = [(len(f.value or ""), i) for i, f in enumerate(embed.fields)]
    longest, index = max(sizes, default=(0, -1))
    description = len(embed.description or "")
    if max(longest, description) <= 1:
        return False
    if longest >= description:
        field = embed.fields[index]
        embed.set_field_at(index, name=field.name or BLANK, inline=bool(field.inline),
                           value=truncate(field.value, max(longest - excess, 1)))
    else:
        embed.description = truncate(embed.description, max(description - excess, 1))
    return True
