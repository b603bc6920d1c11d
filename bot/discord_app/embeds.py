"""Core records → discord.Embed, with every Discord limit enforced here and nowhere else.

Why one module: Discord rejects the whole message (HTTP 400) when any embed limit is exceeded,
so a long explanation or a long display name would turn into an error instead of an answer.
Every builder below ends in `clamp_embed`, and the quiz cog uses the same helpers.

User-provided text (display names, questions typed by students) goes through `escape`, which
neutralises both markdown and mentions; pack text written by instructors keeps its markdown but
its mentions are neutralised (`no_mentions`). Text is only ever interpolated as a value
(f-strings), never used as a `str.format` template.
"""

from __future__ import annotations

from collections.abc import Mapping

import discord

from bot.core.models import Explainer, Pack
from bot.core.play.item_analysis import ItemReport
from bot.core.results import (
    AskResult,
    LeaderboardPage,
    LearnerStats,
    PackSummary,
    QuestionReport,
    ReviewOverview,
)
from bot.core.service.review import in_words

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

COLOUR = discord.Colour.blurple()
OK_COLOUR = discord.Colour.green()
MISS_COLOUR = discord.Colour.orange()


def truncate(text: str | None, limit: int) -> str:
    """Cut `text` to at most `limit` characters, ending with "…" when something was cut."""
    text = "" if text is None else str(text)
    if limit <= 0:
        return ""
    if len(text) <= limit:
        return text
    return text[: limit - 1] + ELLIPSIS


def counted(number: int, noun: str) -> str:
    """"1 question", "2 questions": a count with its noun in the right number (English -s)."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


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


def notice(text: str, *, colour: discord.Colour = COLOUR) -> discord.Embed:
    """A one-paragraph embed for confirmations and refusals."""
    return clamp_embed(discord.Embed(description=no_mentions(text), colour=colour))


def _source_line(pack: Pack) -> str:
    src = pack.source
    parts = [p for p in (src.author, src.outlet, src.date) if p]
    line = f"{src.title} — " + ", ".join(parts) if parts else src.title
    return no_mentions(line)


def _quote(text: str | None) -> str:
    if not text:
        return ""
    return "\n".join("> " + line for line in no_mentions(text).splitlines() if line.strip())


def ask_embed(result: AskResult, question: str | None = None) -> discord.Embed:
    """The answer to `/ask`, with its source; or an honest "I don't know" with suggestions."""
    if result.matched:
        embed = discord.Embed(title=no_mentions(result.title or "Answer"),
                              description=no_mentions(result.answer), colour=OK_COLOUR)
        if result.quote:
            embed.add_field(name="From the article", value=_quote(result.quote), inline=False)
    else:
        embed = discord.Embed(title="I don't know that one yet",
                              description=no_mentions(result.answer), colour=MISS_COLOUR)
    if result.suggestions:
        embed.add_field(name="Try asking about",
                        value="\n".join(f"• {no_mentions(s)}" for s in result.suggestions),
                        inline=False)
    if question:
        embed.set_author(name=f"Q: {escape(question)}")
    footer = []
    if result.source:
        footer.append(f"Source: {no_mentions(result.source)}")
    if result.explainer and ":" not in result.explainer:  # not a quiz question or article line
        footer.append(f"/explain topic:{result.explainer}")
    if footer:
        embed.set_footer(text=" · ".join(footer))
    return clamp_embed(embed)


def explainer_embed(explainer: Explainer, pack: Pack) -> discord.Embed:
    """A full explainer: short answer, longer body, examples, the quote and the source."""
    description = no_mentions(explainer.short)
    if explainer.body:
        description += "\n\n" + no_mentions(explainer.body)
    embed = discord.Embed(title=no_mentions(explainer.title), description=description,
                          colour=COLOUR)
    if explainer.examples:
        embed.add_field(name="Examples", inline=False,
                        value="\n".join(f"• {no_mentions(e)}" for e in explainer.examples))
    if explainer.quote:
        embed.add_field(name="From the article", value=_quote(explainer.quote), inline=False)
    if explainer.related:
        embed.add_field(name="Related", inline=False,
                        value=", ".join(f"`{no_mentions(r)}`" for r in explainer.related))
    embed.set_footer(text=f"Source: {_source_line(pack)}")
    return clamp_embed(embed)


def _percent(part: int, whole: int) -> str:
    return f"{(part / whole):.0%}" if whole else "—"


def review_lines(overview: ReviewOverview) -> str:
    """ "Pack: 3 due of 12, recall ~84%" per pack, then when the next card falls due."""
    lines = [f"{no_mentions(p.pack_title)}: {p.due} due of {p.cards}, recall ~{p.recall:.0%}"
             for p in overview.packs[:5]]
    if overview.next_due_in is not None:
        lines.append(f"Next due {in_words(overview.next_due_in)}.")
    return "\n".join(lines)


def stats_embed(stats: LearnerStats, overview: ReviewOverview | None = None) -> discord.Embed:
    """A learner's points, accuracy, streaks, review cards and per-topic accuracy."""
    embed = discord.Embed(title=f"Stats for {escape(stats.display_name)}", colour=COLOUR)
    ranked = "" if stats.ranked_points == stats.points else f" ({stats.ranked_points:,} ranked)"
    embed.add_field(name="Points", value=f"{stats.points:,}{ranked}")
    embed.add_field(name="Accuracy",
                    value=f"{_percent(stats.correct, stats.answered)} "
                          f"({stats.correct}/{stats.answered})")
    embed.add_field(name="Streak", value=f"{stats.current_streak} (best {stats.best_streak})")
    topics = sorted(stats.by_topic, key=lambda t: (t.correct / t.answered if t.answered else 0,
                                                   t.topic))
    if overview is not None and overview.packs:
        embed.add_field(name="Review (/quiz review)", value=review_lines(overview), inline=False)
    for topic in topics[: FIELD_COUNT_LIMIT - 4]:
        embed.add_field(name=no_mentions(topic.topic),
                        value=f"{_percent(topic.correct, topic.answered)} "
                              f"({topic.correct}/{topic.answered})")
    if not stats.answered:
        embed.description = "No answers yet: start with `/quiz start`."
    return clamp_embed(embed)


PERIOD_LABELS = {"all": "all time", "month": "this month", "week": "this week"}


def leaderboard_embed(page: LeaderboardPage, pack_title: str | None = None) -> discord.Embed:
    """One page of the guild's leaderboard; names escaped, never pinged."""
    scope = no_mentions(pack_title or page.pack_id or "all packs")
    when = (f"season {page.season} (archived)" if page.archived else
            f"{PERIOD_LABELS.get(page.period, page.period)}, season {page.season}")
    title = f"Leaderboard — {scope}, {when}"
    if page.rows:
        medals = {1: "🥇", 2: "🥈", 3: "🥉"}
        lines = [
            f"{medals.get(row.rank, f'`#{row.rank}`')} **{escape(row.display_name)}** — "
            f"{row.points:,} pts ({row.correct}/{row.answered} correct)"
            for row in page.rows
        ]
        description = "\n".join(lines)
    else:
        description = "Nobody has scored here yet."
    embed = discord.Embed(title=title, description=description, colour=COLOUR)
    embed.set_footer(text=f"Page {page.page + 1}/{max(page.pages, 1)} · "
                          f"{page.total_players} player{'s' if page.total_players != 1 else ''}")
    return clamp_embed(embed)


def pack_list_embed(packs: list[PackSummary]) -> discord.Embed:
    """Every pack installed for this guild, one field each."""
    embed = discord.Embed(title="Question packs", colour=COLOUR)
    if not packs:
        embed.description = "No packs installed."
    for summary in packs[:FIELD_COUNT_LIMIT]:
        embed.add_field(
            name=f"{no_mentions(summary.title)} (`{no_mentions(summary.id)}`)",
            value=f"{no_mentions(summary.description)}\n"
                  f"{counted(summary.questions, 'question')} · "
                  f"{counted(summary.explainers, 'explainer')}",
            inline=False,
        )
    if len(packs) > FIELD_COUNT_LIMIT:
        embed.set_footer(text=f"and {len(packs) - FIELD_COUNT_LIMIT} more")
    return clamp_embed(embed)


def pack_info_embed(pack: Pack) -> discord.Embed:
    """One pack: description, source, size, topics and how many questions of each type."""
    embed = discord.Embed(title=no_mentions(pack.title), description=no_mentions(pack.description),
                          colour=COLOUR)
    embed.add_field(name="Id", value=f"`{no_mentions(pack.id)}`")
    embed.add_field(name="Questions", value=str(len(pack.questions)))
    embed.add_field(name="Explainers", value=str(len(pack.explainers)))
    if pack.language:
        embed.add_field(name="Language", value=f"`{no_mentions(pack.language)}`")
    kinds: dict[str, int] = {}
    for question in pack.questions:
        kinds[str(question.type)] = kinds.get(str(question.type), 0) + 1
    if kinds:
        embed.add_field(name="Question types", inline=False,
                        value=", ".join(f"{k}: {n}" for k, n in sorted(kinds.items())))
    if pack.topics:
        embed.add_field(name="Topics", inline=False,
                        value=", ".join(no_mentions(t) for t in pack.topics))
    source = _source_line(pack)
    if pack.source.url:
        source += f"\n{pack.source.url}"
    embed.add_field(name="Source", value=source, inline=False)
    return clamp_embed(embed)


PROBLEMS_SHOWN = 15
PROBLEM_LINE_LIMIT = 300  # one absurdly long line must not push the others out


def _code_line(text: str) -> str:
    """One line safe inside a ``` block: no backtick run can close it, no mention pings."""
    return truncate(no_mentions(" ".join(str(text).split())).replace("`", "`\u200b"),
                    PROBLEM_LINE_LIMIT)


def pack_problems_embed(filename: str, problems: list[str],
                        shown: int = PROBLEMS_SHOWN) -> discord.Embed:
    """Why an uploaded pack was refused: the first `shown` FILE:LINE lines, in a code block.

    The block is cut to fit the description (its closing fence always survives), and the footer
    says how many lines were left out, so the instructor knows the list is not complete.
    """
    name = escape(filename)
    count = len(problems)
    head = (f"**{name}** was not installed: {count} problem{'s' if count != 1 else ''}. "
            "Nothing was changed; a pack already installed with this id stays as it was.\n")
    listed = [_code_line(p) for p in problems[:shown]]
    room = DESCRIPTION_LIMIT - len(head) - len("```\n\n```")
    block = truncate("\n".join(listed), room)
    embed = discord.Embed(title="Pack not installed", description=f"{head}```\n{block}\n```",
                          colour=MISS_COLOUR)
    hidden = count - len(listed)
    tip = "Check the whole file with `quizbot pack validate FILE`."
    embed.set_footer(text=(f"…and {hidden} more. " if hidden > 0 else "") + tip)
    return clamp_embed(embed)


def pack_installed_embed(summary: PackSummary) -> discord.Embed:
    """An installed (or replaced) guild pack: id, title, size, and how to play it."""
    embed = discord.Embed(title=f"Installed: {no_mentions(summary.title)}",
                          description=no_mentions(summary.description), colour=OK_COLOUR)
    embed.add_field(name="Id", value=f"`{no_mentions(summary.id)}`")
    embed.add_field(name="Questions", value=str(summary.questions))
    embed.add_field(name="Explainers", value=str(summary.explainers))
    embed.set_footer(text=f"Only this server sees it. Play it with /quiz start pack:{summary.id}")
    return clamp_embed(embed)


REPORT_QUESTIONS_SHOWN = 10
REPORT_PROMPT_LIMIT = 200
REPORT_ANSWER_LIMIT = 80  # one long typed answer must not push the others out


def _wrong_answers_line(wrong: tuple[tuple[str, int], ...]) -> str:
    """Students' commonest wrong answers, inert (typed by students: escaped, never pinging)."""
    shown = [f"“{escape(truncate(' '.join(answer.split()), REPORT_ANSWER_LIMIT))}” ×{count}"
             for answer, count in wrong]
    return "Wrong: " + ", ".join(shown) if shown else "No wrong answers typed."


def _reported_line(reasons: tuple[str, ...]) -> str:
    """Learners' reports of the question (their words: escaped), newest first, up to three."""
    if not reasons:
        return ""
    quoted = [f"“{escape(truncate(r, REPORT_ANSWER_LIMIT * 2))}”" for r in reasons[:3]]
    more = f" and {len(reasons) - 3} more" if len(reasons) > 3 else ""
    return f"\n⚑ Reported ×{len(reasons)}: " + "; ".join(quoted) + more


def _item_line(item: ItemReport) -> str:
    """'Discrimination +0.50 · median 4.2 s · ⚑ too hard' (and a newline), for one question."""
    parts = ["Discrimination " + ("n/a" if item.discrimination is None
                                  else f"{item.discrimination:+.2f}")]
    if item.median_seconds is not None:
        parts.append(f"median {item.median_seconds:g} s")
    if item.flags:
        parts.append("⚑ " + escape(truncate("; ".join(item.flags), 200)))
    return " · ".join(parts) + "\n"


def question_report_embed(pack: Pack, reports: list[QuestionReport],
                          shown: int = REPORT_QUESTIONS_SHOWN,
                          items: Mapping[str, ItemReport] | None = None) -> discord.Embed:
    """The pack's most failed questions first (the service's order), one field each.

    With `items` (the item analysis), each field also gives the discrimination, the median
    time and the flags, and wrong choices by their text ("B) Sydney", not "b").
    Unplayed questions are only counted: a list of questions nobody answered tells nothing.
    """
    played = [r for r in reports if r.attempts or r.reports]
    unplayed = len(reports) - len(played)
    embed = discord.Embed(title=f"Question report — {no_mentions(pack.title)}", colour=COLOUR)
    if played:
        embed.description = (f"{len(played)} of {len(reports)} questions answered so far, "
                             "reported ones first, then the most failed. A low score with one "
                             "repeated wrong answer often means an accepted answer is missing.")
    else:
        embed.description = "Nobody has answered this pack's questions here yet."
    for report in played[:shown]:
        prompt = truncate(" ".join(no_mentions(report.prompt).split()), REPORT_PROMPT_LIMIT)
        item = (items or {}).get(report.question_id)
        embed.add_field(
            name=f"{report.accuracy:.0%} · {prompt}", inline=False,
            value=(f"`{no_mentions(report.question_id)}` · {report.correct}/{report.attempts} "
                   f"right · {report.skipped} skipped · {report.players} "
                   f"player{'s' if report.players != 1 else ''}\n"
                   + (_item_line(item) if item else "")
                   + _wrong_answers_line(item.wrong_answers if item else report.wrong_answers)
                   + _reported_line(report.reports)))
    footer = []
    if len(played) > shown:
        footer.append(f"{len(played) - shown} more answered questions not shown.")
    if unplayed:
        footer.append(f"{unplayed} question{'s' if unplayed != 1 else ''} not played yet.")
    if footer:
        embed.set_footer(text=" ".join(footer))
    return clamp_embed(embed)
