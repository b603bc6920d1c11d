"""Quiz records (QuestionView, AnswerOutcome, Reveal, SessionSummary) → discord.Embed.

Rendering only: every number, verdict and ranking shown here was decided by the service. Pack
text (prompts, choices, explanations) keeps its markdown but never mentions anyone; players'
display names go through `escape`. Every builder ends in `clamp_embed`, because one oversized
explanation would otherwise make Discord reject the whole message.
"""

from __future__ import annotations

from pathlib import Path

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
    counted,
    escape,
    no_mentions,
    truncate,
)

BAR_WIDTH = 10
MEDALS = ("🥇", "🥈", "🥉")
CLOSED_TEXT = "This question is already closed — use /quiz start for a new one."

HOW_TO_ANSWER = {
    QuestionType.CHOICE: "Pick a letter below.",
    QuestionType.TRUEFALSE: "True or false?",
    QuestionType.TEXT: "Press **Type answer** and write it in.",
    QuestionType.NUMBER: "Press **Type answer** and enter a number.",
    QuestionType.ORDER: "Press **Type answer** and give the letters in order, e.g. `B A C`.",
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


def question_embed(question: QuestionView, *, starter: str | None = None) -> discord.Embed:
    """A question as players see it; live questions show a client-side countdown.

    `<t:DEADLINE:R>` is rendered by each Discord client as "in 25 seconds", so the message never
    needs editing while the clock runs.
    """
    title = f"Question {question.position}/{question.total} · {no_mentions(question.pack_title)}"
    parts = [no_mentions(question.prompt)]
    if question.choices:
        parts.append(_choice_lines(question.choices))
    parts.append(f"*{HOW_TO_ANSWER.get(question.type, 'Answer below.')}*")
    embed = discord.Embed(title=title, description="\n\n".join(parts), colour=COLOUR)
    embed.add_field(name="Points", value=f"up to {question.points:,}")
    if question.deadline is not None:
        embed.add_field(name="Closes", value=f"<t:{int(question.deadline)}:R>")
    if question.hints_available:
        embed.add_field(name="Hints", value=f"{question.hints_available} (each costs points)")
    footer = progress_bar(question.position, question.total)
    if question.topic:
        footer += f" · {question.topic}"
    if starter:
        footer += f" · started by {starter}"
    embed.set_footer(text=no_mentions(footer))
    if question.image and question.image.lower().startswith(("https://", "http://")):
        embed.set_image(url=question.image)
    elif question.image:  # a file shipped with the pack: named (uploading it is not wired yet)
        embed.add_field(name="Image", value=no_mentions(Path(question.image).name))
    return clamp_embed(embed)


def _explain(embed: discord.Embed, explanation: str, quote: str | None) -> None:
    if explanation:
        embed.add_field(name="Why", value=no_mentions(explanation), inline=False)
    if quote:
        quoted = "\n".join("> " + line for line in no_mentions(quote).splitlines() if line.strip())
        embed.add_field(name="From the article", value=quoted or BLANK, inline=False)


def verdict_embed(outcome: AnswerOutcome) -> discord.Embed:
    """The solo verdict: right or wrong, points, streak, the correct answer and why."""
    if outcome.skipped:
        title, colour = "⏭️ Skipped", MISS_COLOUR
    elif outcome.verdict.correct:
        title, colour = f"✅ Correct! +{outcome.points:,} points", OK_COLOUR
    else:
        title, colour = "❌ Not quite", MISS_COLOUR
    description = "" if outcome.skipped else no_mentions(outcome.verdict.reason)
    embed = discord.Embed(title=title, description=description or None, colour=colour)
    embed.add_field(name="Answer", value=no_mentions(outcome.correct_answer) or "—")
    embed.add_field(name="Score", value=f"{outcome.total_points:,} pts · streak {outcome.streak}")
    _explain(embed, outcome.explanation, outcome.quote)
    return clamp_embed(embed)


def summary_embed(summary: SessionSummary) -> discord.Embed:
    """The end of a solo quiz: what was answered, right, skipped, and the rank it earned."""
    title = "Quiz stopped" if summary.stopped else "Quiz complete! 🎉"
    accuracy = f"{summary.correct / summary.answered:.0%}" if summary.answered else "—"
    embed = discord.Embed(title=title, colour=OK_COLOUR, description=progress_bar(
        summary.answered + summary.skipped, summary.total_questions))
    embed.add_field(name="Points", value=f"{summary.points:,}")
    embed.add_field(name="Correct", value=f"{summary.correct}/{summary.answered} ({accuracy})")
    embed.add_field(name="Skipped", value=str(summary.skipped))
    embed.add_field(name="Best streak", value=str(summary.best_streak))
    if summary.rank is not None:
        embed.add_field(name="Server rank", value=f"#{summary.rank}")
    embed.set_footer(text="/quiz start for another round · /leaderboard to compare")
    return clamp_embed(embed)


def _player_line(rank: int, player: PlayerResult, *, with_time: bool) -> str:
    medal = MEDALS[rank] if rank < len(MEDALS) else f"`#{rank + 1}`"
    line = f"{medal} **{escape(player.display_name)}** — {player.points:,} pts"
    if with_time and player.time_ms is not None:
        line += f" in {player.time_ms / 1000:.1f} s"
    return line


def reveal_embed(reveal: Reveal) -> discord.Embed:
    """The end of one live question: the answer, why, and who got it first."""
    embed = discord.Embed(
        title=f"Answer to question {reveal.position}/{reveal.total}",
        description=f"**{no_mentions(reveal.correct_answer)}**",
        colour=OK_COLOUR,
    )
    _explain(embed, reveal.explanation, reveal.quote)
    embed.add_field(name="Answers", value=f"{reveal.correct}/{reveal.answered} correct")
    if reveal.fastest:
        lines = [_player_line(i, p, with_time=True) for i, p in enumerate(reveal.fastest)]
        embed.add_field(name="Fastest correct", value="\n".join(lines), inline=False)
    return clamp_embed(embed)


def podium_embed(summary: SessionSummary, *, note: str | None = None) -> discord.Embed:
    """The end of a live quiz: everyone, best first, the top three with medals."""
    title = "Live quiz stopped" if summary.stopped else "Live quiz over — the podium 🏆"
    players = [p for p in summary.podium if p.answered]  # the starter may only have watched
    if players:
        lines = [_player_line(i, p, with_time=False) + f" ({p.correct}/{p.answered})"
                 for i, p in enumerate(players)]
        description = "\n".join(lines)
    else:
        description = "Nobody answered this time."
    if note:
        description = f"{no_mentions(note)}\n\n{description}"
    embed = discord.Embed(title=title, description=description, colour=OK_COLOUR)
    embed.set_footer(text=f"{counted(summary.total_questions, 'question')} · "
                          "/quiz start to play again")
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
