"""Core records → discord.Embed, with every Discord limit enforced here and nowhere else.

Why one module: Discord rejects the whole message (HTTP 400) when any embed limit is exceeded,
so a long explanation or a long display name would turn into an error instead of an answer.
Every builder below ends in `clamp_embed` (the limits and text helpers live in embed_limits and
are re-exported here), and the quiz cog uses the same helpers. Every builder takes the reader's
`lang` (bot/i18n); English is the default, so the CLI-facing wording stays the reference.

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
from bot.discord_app.embed_limits import (  # noqa: F401 (re-exported for builders, cogs)
    AUTHOR_LIMIT,
    BLANK,
    CONTENT_LIMIT,
    DESCRIPTION_LIMIT,
    ELLIPSIS,
    FIELD_COUNT_LIMIT,
    FIELD_NAME_LIMIT,
    FIELD_VALUE_LIMIT,
    FOOTER_LIMIT,
    TITLE_LIMIT,
    TOTAL_LIMIT,
    clamp_embed,
    escape,
    no_mentions,
    truncate,
)
from bot.i18n import DEFAULT, render, t

COLOUR = discord.Colour.blurple()
OK_COLOUR = discord.Colour.green()
MISS_COLOUR = discord.Colour.orange()


def counted(number: int, noun: str, lang: str = DEFAULT) -> str:
    """"1 question", "2 preguntas": a count with its noun in the right number, from the catalog
    (`count.<noun>` and `count.<noun>s`)."""
    return t(lang, f"count.{noun}" if number == 1 else f"count.{noun}s", count=f"{number:,}")


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


def ask_embed(result: AskResult, question: str | None = None, *,
              lang: str = DEFAULT) -> discord.Embed:
    """The answer to `/ask`, with its source; or an honest "I don't know" with suggestions."""
    if result.matched:
        embed = discord.Embed(title=no_mentions(result.title or t(lang, "ask.answer")),
                              description=no_mentions(render(lang, result.answer)),
                              colour=OK_COLOUR)
        if result.quote:
            embed.add_field(name=t(lang, "explain.quote"), value=_quote(result.quote),
                            inline=False)
    else:
        embed = discord.Embed(title=t(lang, "ask.unknown"),
                              description=no_mentions(render(lang, result.answer)),
                              colour=MISS_COLOUR)
    if result.suggestions:
        embed.add_field(name=t(lang, "ask.try"),
                        value="\n".join(f"• {no_mentions(s)}" for s in result.suggestions),
                        inline=False)
    if question:
        embed.set_author(name=t(lang, "ask.asked", question=escape(question)))
    footer = []
    if result.source:
        footer.append(t(lang, "ask.source", source=no_mentions(result.source)))
    if result.explainer and ":" not in result.explainer:  # not a quiz question or article line
        footer.append(f"/explain topic:{result.explainer}")
    if footer:
        embed.set_footer(text=" · ".join(footer))
    return clamp_embed(embed)


def explainer_embed(explainer: Explainer, pack: Pack, *, lang: str = DEFAULT) -> discord.Embed:
    """A full explainer: short answer, longer body, examples, the quote and the source."""
    description = no_mentions(explainer.short)
    if explainer.body:
        description += "\n\n" + no_mentions(explainer.body)
    embed = discord.Embed(title=no_mentions(explainer.title), description=description,
                          colour=COLOUR)
    if explainer.examples:
        embed.add_field(name=t(lang, "explain.examples"), inline=False,
                        value="\n".join(f"• {no_mentions(e)}" for e in explainer.examples))
    if explainer.quote:
        embed.add_field(name=t(lang, "explain.quote"), value=_quote(explainer.quote),
                        inline=False)
    if explainer.related:
        embed.add_field(name=t(lang, "explain.related"), inline=False,
                        value=", ".join(f"`{no_mentions(r)}`" for r in explainer.related))
    embed.set_footer(text=t(lang, "ask.source", source=_source_line(pack)))
    return clamp_embed(embed)


def _percent(part: int, whole: int) -> str:
    return f"{(part / whole):.0%}" if whole else "—"


def review_lines(overview: ReviewOverview, lang: str = DEFAULT) -> str:
    """ "Pack: 3 due of 12, recall ~84%" per pack, then when the next card falls due."""
    lines = [t(lang, "stats.review_line", pack=no_mentions(p.pack_title), due=p.due,
               cards=p.cards, recall=f"{p.recall:.0%}") for p in overview.packs[:5]]
    if overview.next_due_in is not None:
        lines.append(t(lang, "stats.next_due", wait=render(lang, in_words(overview.next_due_in))))
    return "\n".join(lines)


def stats_embed(stats: LearnerStats, overview: ReviewOverview | None = None, *,
                lang: str = DEFAULT) -> discord.Embed:
    """A learner's points, accuracy, streaks, review cards and per-topic accuracy."""
    embed = discord.Embed(title=t(lang, "stats.title", name=escape(stats.display_name)),
                          colour=COLOUR)
    ranked = "" if stats.ranked_points == stats.points else \
        t(lang, "stats.ranked", points=f"{stats.ranked_points:,}")
    embed.add_field(name=t(lang, "stats.points"), value=f"{stats.points:,}{ranked}")
    embed.add_field(name=t(lang, "stats.accuracy"),
                    value=f"{_percent(stats.correct, stats.answered)} "
                          f"({stats.correct}/{stats.answered})")
    embed.add_field(name=t(lang, "stats.streak"), value=t(
        lang, "stats.streak_value", current=stats.current_streak, best=stats.best_streak))
    topics = sorted(stats.by_topic, key=lambda t: (t.correct / t.answered if t.answered else 0,
                                                   t.topic))
    if overview is not None and overview.packs:
        embed.add_field(name=t(lang, "stats.review"), value=review_lines(overview, lang),
                        inline=False)
    for topic in topics[: FIELD_COUNT_LIMIT - 4]:
        embed.add_field(name=no_mentions(topic.topic),
                        value=f"{_percent(topic.correct, topic.answered)} "
                              f"({topic.correct}/{topic.answered})")
    if not stats.answered:
        embed.description = t(lang, "stats.none")
    return clamp_embed(embed)


PERIOD_LABELS = {"all": "all time", "month": "this month", "week": "this week"}  # English


def leaderboard_embed(page: LeaderboardPage, pack_title: str | None = None, *,
                      lang: str = DEFAULT) -> discord.Embed:
    """One page of the guild's leaderboard; names escaped, never pinged."""
    scope = no_mentions(pack_title or page.pack_id or t(lang, "board.all_packs"))
    period = t(lang, f"board.period.{page.period}") if page.period in PERIOD_LABELS \
        else page.period
    when = (t(lang, "board.archived", season=page.season) if page.archived else
            t(lang, "board.when", period=period, season=page.season))
    title = t(lang, "board.title", scope=scope, when=when)
    if page.rows:
        medals = {1: "🥇", 2: "🥈", 3: "🥉"}
        lines = [t(lang, "board.row", rank=medals.get(row.rank, f"`#{row.rank}`"),
                   name=escape(row.display_name), points=f"{row.points:,}", correct=row.correct,
                   answered=row.answered) for row in page.rows]
        description = "\n".join(lines)
    else:
        description = t(lang, "board.empty")
    embed = discord.Embed(title=title, description=description, colour=COLOUR)
    embed.set_footer(text=t(lang, "board.footer", page=page.page + 1, pages=max(page.pages, 1),
                            players=counted(page.total_players, "player", lang)))
    return clamp_embed(embed)


def pack_list_embed(packs: list[PackSummary], *, lang: str = DEFAULT) -> discord.Embed:
    """Every pack installed for this guild, one field each."""
    embed = discord.Embed(title=t(lang, "packlist.title"), colour=COLOUR)
    if not packs:
        embed.description = t(lang, "packlist.none")
    for summary in packs[:FIELD_COUNT_LIMIT]:
        embed.add_field(
            name=f"{no_mentions(summary.title)} (`{no_mentions(summary.id)}`)",
            value=f"{no_mentions(summary.description)}\n"
                  f"{counted(summary.questions, 'question', lang)} · "
                  f"{counted(summary.explainers, 'explainer', lang)}",
            inline=False,
        )
    if len(packs) > FIELD_COUNT_LIMIT:
        embed.set_footer(text=t(lang, "packlist.more", count=len(packs) - FIELD_COUNT_LIMIT))
    return clamp_embed(embed)


def pack_info_embed(pack: Pack, *, lang: str = DEFAULT) -> discord.Embed:
    """One pack: description, source, size, topics and how many questions of each type."""
    embed = discord.Embed(title=no_mentions(pack.title), description=no_mentions(pack.description),
                          colour=COLOUR)
    embed.add_field(name=t(lang, "packlist.id"), value=f"`{no_mentions(pack.id)}`")
    embed.add_field(name=t(lang, "packlist.questions"), value=str(len(pack.questions)))
    embed.add_field(name=t(lang, "packlist.explainers"), value=str(len(pack.explainers)))
    if pack.language:
        embed.add_field(name=t(lang, "packlist.language"), value=f"`{no_mentions(pack.language)}`")
    kinds: dict[str, int] = {}
    for question in pack.questions:
        kinds[str(question.type)] = kinds.get(str(question.type), 0) + 1
    if kinds:
        embed.add_field(name=t(lang, "packlist.types"), inline=False,
                        value=", ".join(f"{k}: {n}" for k, n in sorted(kinds.items())))
    if pack.topics:
        embed.add_field(name=t(lang, "packlist.topics"), inline=False,
                        value=", ".join(no_mentions(t) for t in pack.topics))
    source = _source_line(pack)
    if pack.source.url:
        source += f"\n{pack.source.url}"
    embed.add_field(name=t(lang, "packlist.source"), value=source, inline=False)
    return clamp_embed(embed)


PROBLEMS_SHOWN = 15
PROBLEM_LINE_LIMIT = 300  # one absurdly long line must not push the others out


def _code_line(text: str) -> str:
    """One line safe inside a ``` block: no backtick run can close it, no mention pings."""
    return truncate(no_mentions(" ".join(str(text).split())).replace("`", "`\u200b"),
                    PROBLEM_LINE_LIMIT)


def pack_problems_embed(filename: str, problems: list[str], shown: int = PROBLEMS_SHOWN, *,
                        lang: str = DEFAULT) -> discord.Embed:
    """Why an uploaded pack was refused: the first `shown` FILE:LINE lines, in a code block.

    The block is cut to fit the description (its closing fence always survives), and the footer
    says how many lines were left out, so the instructor knows the list is not complete.
    """
    name = escape(filename)
    count = len(problems)
    head = t(lang, "uploaded.refused", file=name, problems=counted(count, "problem", lang)) + "\n"
    listed = [_code_line(p) for p in problems[:shown]]
    room = DESCRIPTION_LIMIT - len(head) - len("```\n\n```")
    block = truncate("\n".join(listed), room)
    embed = discord.Embed(title=t(lang, "uploaded.refused_title"),
                          description=f"{head}```\n{block}\n```", colour=MISS_COLOUR)
    hidden = count - len(listed)
    tip = t(lang, "uploaded.validate_tip")
    more = t(lang, "uploaded.more", count=hidden) + " " if hidden > 0 else ""
    embed.set_footer(text=more + tip)
    return clamp_embed(embed)


def pack_installed_embed(summary: PackSummary, *, lang: str = DEFAULT) -> discord.Embed:
    """An installed (or replaced) guild pack: id, title, size, and how to play it."""
    embed = discord.Embed(title=t(lang, "uploaded.installed", title=no_mentions(summary.title)),
                          description=no_mentions(summary.description), colour=OK_COLOUR)
    embed.add_field(name=t(lang, "packlist.id"), value=f"`{no_mentions(summary.id)}`")
    embed.add_field(name=t(lang, "packlist.questions"), value=str(summary.questions))
    embed.add_field(name=t(lang, "packlist.explainers"), value=str(summary.explainers))
    embed.set_footer(text=t(lang, "uploaded.installed_footer", pack=summary.id))
    return clamp_embed(embed)


REPORT_QUESTIONS_SHOWN = 10
REPORT_PROMPT_LIMIT = 200
REPORT_ANSWER_LIMIT = 80  # one long typed answer must not push the others out


def _wrong_answers_line(wrong: tuple[tuple[str, int], ...], lang: str = DEFAULT) -> str:
    """Students' commonest wrong answers, inert (typed by students: escaped, never pinging)."""
    shown = [f"“{escape(truncate(' '.join(answer.split()), REPORT_ANSWER_LIMIT))}” ×{count}"
             for answer, count in wrong]
    return t(lang, "qreport.wrong", answers=", ".join(shown)) if shown \
        else t(lang, "qreport.no_wrong")


def _reported_line(reasons: tuple[str, ...], lang: str = DEFAULT) -> str:
    """Learners' reports of the question (their words: escaped), newest first, up to three."""
    if not reasons:
        return ""
    quoted = [f"“{escape(truncate(r, REPORT_ANSWER_LIMIT * 2))}”" for r in reasons[:3]]
    more = t(lang, "qreport.more", count=len(reasons) - 3) if len(reasons) > 3 else ""
    return "\n" + t(lang, "qreport.reported", count=len(reasons), reasons="; ".join(quoted)) + more


def _item_line(item: ItemReport, lang: str = DEFAULT) -> str:
    """'Discrimination +0.50 · median 4.2 s · ⚑ too hard' (and a newline), for one question."""
    parts = [t(lang, "qreport.discrimination", value="n/a" if item.discrimination is None
               else f"{item.discrimination:+.2f}")]
    if item.median_seconds is not None:
        parts.append(t(lang, "qreport.median", seconds=f"{item.median_seconds:g}"))
    if item.flags:
        parts.append("⚑ " + escape(truncate("; ".join(item.flags), 200)))
    return " · ".join(parts) + "\n"


def question_report_embed(pack: Pack, reports: list[QuestionReport],
                          shown: int = REPORT_QUESTIONS_SHOWN,
                          items: Mapping[str, ItemReport] | None = None, *,
                          lang: str = DEFAULT) -> discord.Embed:
    """The pack's most failed questions first (the service's order), one field each.

    With `items` (the item analysis), each field also gives the discrimination, the median
    time and the flags, and wrong choices by their text ("B) Sydney", not "b").
    Unplayed questions are only counted: a list of questions nobody answered tells nothing.
    """
    played = [r for r in reports if r.attempts or r.reports]
    unplayed = len(reports) - len(played)
    embed = discord.Embed(title=t(lang, "qreport.title_for", pack=no_mentions(pack.title)),
                          colour=COLOUR)
    embed.description = t(lang, "qreport.intro", played=len(played), total=len(reports)) \
        if played else t(lang, "qreport.nobody")
    for report in played[:shown]:
        prompt = truncate(" ".join(no_mentions(report.prompt).split()), REPORT_PROMPT_LIMIT)
        item = (items or {}).get(report.question_id)
        embed.add_field(
            name=f"{report.accuracy:.0%} · {prompt}", inline=False,
            value=(t(lang, "qreport.counts", question=no_mentions(report.question_id),
                     correct=report.correct, attempts=report.attempts, skipped=report.skipped,
                     players=counted(report.players, "player", lang)) + "\n"
                   + (_item_line(item, lang) if item else "")
                   + _wrong_answers_line(item.wrong_answers if item else report.wrong_answers,
                                         lang)
                   + _reported_line(report.reports, lang)))
    footer = []
    if len(played) > shown:
        footer.append(t(lang, "qreport.not_shown", count=len(played) - shown))
    if unplayed:
        footer.append(t(lang, "qreport.unplayed", questions=counted(unplayed, "question", lang)))
    if footer:
        embed.set_footer(text=" ".join(footer))
    return clamp_embed(embed)
