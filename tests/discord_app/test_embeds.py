"""Embed builders never produce an embed Discord would refuse, and never ping or format names."""

from __future__ import annotations

import discord
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quiz_fakes import walk

from bot.core.models import Explainer, Mode, Pack, Source
from bot.core.results import (
    AskResult,
    LeaderboardPage,
    LeaderboardRow,
    LearnerStats,
    PackSummary,
    SessionSummary,
    TopicStat,
)
from bot.discord_app import embeds
from bot.discord_app.embeds import clamp_embed, escape, truncate
from bot.discord_app.outcome_cards import podium_container

LIMITS = {"title": 256, "description": 4096, "footer": 2048, "author": 256}


def assert_within_limits(embed: discord.Embed) -> None:
    data = embed.to_dict()
    assert len(data.get("title", "")) <= LIMITS["title"]
    assert len(data.get("description", "")) <= LIMITS["description"]
    assert len(data.get("footer", {}).get("text", "")) <= LIMITS["footer"]
    assert len(data.get("author", {}).get("name", "")) <= LIMITS["author"]
    fields = data.get("fields", [])
    assert len(fields) <= 25
    for field in fields:
        assert 0 < len(field["name"]) <= 256
        assert 0 < len(field["value"]) <= 1024
    assert len(embed) <= 6000


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("hello", 5, "hello"), ("hello!", 5, "hell…"), ("", 3, ""), ("abc", 1, "…"), ("abc", 0, ""),
])
def test_truncate(text: str, limit: int, expected: str) -> None:
    assert truncate(text, limit) == expected


def test_escape_neutralises_markdown_and_mentions() -> None:
    out = escape("**bold** @everyone @here <@123456789012345678> `code` _x_")
    assert "**" not in out.replace("\\*", "")
    assert "@everyone" not in out and "@here" not in out
    assert "<@123456789012345678>" not in out


def test_escape_is_not_a_format_template() -> None:
    assert escape("{0.__class__} {name}") == "{0.\\_\\_class\\_\\_} {name}"


@settings(max_examples=40, deadline=None)
@given(title=st.text(max_size=400), description=st.text(max_size=6000),
       fields=st.lists(st.tuples(st.text(max_size=300), st.text(max_size=1500)), max_size=30),
       footer=st.text(max_size=2500), author=st.text(max_size=300))
def test_clamp_embed_enforces_every_limit(title: str, description: str,
                                          fields: list[tuple[str, str]], footer: str,
                                          author: str) -> None:
    embed = discord.Embed(title=title or None, description=description or None)
    for name, value in fields:
        embed.add_field(name=name, value=value)
    if footer:
        embed.set_footer(text=footer)
    if author:
        embed.set_author(name=author)
    assert_within_limits(clamp_embed(embed))


def test_clamp_embed_keeps_small_embeds_unchanged() -> None:
    embed = discord.Embed(title="t", description="d")
    embed.add_field(name="n", value="v")
    before = embed.to_dict()
    assert clamp_embed(embed).to_dict() == before


PACK = Pack("p", "Pack @everyone", "d" * 5000, Source("Title", "Author", "Outlet", "2025"),
            topics=("t",) * 50)
HUGE = "x" * 5000


def test_builders_stay_within_limits_with_huge_text() -> None:
    explainer = Explainer("e", HUGE, HUGE, body=HUGE, examples=(HUGE,) * 30, quote=HUGE,
                          related=("r",) * 300)
    ask = AskResult(True, HUGE, "e", HUGE, 0.9, suggestions=(HUGE,) * 30, quote=HUGE,
                    source=HUGE)
    stats = LearnerStats("1", HUGE, 10, 5, 3, 2, 1,
                         tuple(TopicStat(f"{i}{HUGE}", 3, 1) for i in range(40)))
    rows = tuple(LeaderboardRow(i, str(i), "@everyone " + HUGE, 10, 1, 2) for i in range(1, 30))
    page = LeaderboardPage(rows, 29, 0, 1, "week", None)
    packs = [PackSummary(str(i), HUGE, HUGE, 1, 1) for i in range(40)]
    for embed in (embeds.explainer_embed(explainer, PACK), embeds.ask_embed(ask, HUGE),
                  embeds.stats_embed(stats), embeds.leaderboard_embed(page),
                  embeds.pack_list_embed(packs), embeds.pack_info_embed(PACK)):
        assert_within_limits(embed)


def test_leaderboard_escapes_names_and_never_mentions() -> None:
    rows = (LeaderboardRow(1, "1", "**evil** @everyone", 300, 3, 3),)
    embed = embeds.leaderboard_embed(LeaderboardPage(rows, 1, 0, 1, "all", None))
    assert "@everyone" not in embed.description
    assert "\\*\\*evil\\*\\*" in embed.description
    assert "Page 1/1" in embed.footer.text


def test_ask_embed_refusal_offers_suggestions() -> None:
    result = AskResult(False, "I don't have a sourced answer.", None, None, 0.1,
                       suggestions=("Fentanyl supply",))
    embed = embeds.ask_embed(result)
    assert "Fentanyl supply" in embed.fields[0].value
    assert embed.title == "I don't know that one yet"


def test_only_an_explainer_answer_offers_explain() -> None:
    """A quiz question's or an article sentence's key is no topic /explain can open."""
    def footer(key: str) -> str:
        result = AskResult(True, "The capital of Australia is Canberra.", key, "t", 0.9,
                           source="Geography list")
        return embeds.ask_embed(result).footer.text or ""
    assert "/explain topic:canberra" in footer("canberra")
    for key in ("question:q1", "article:3"):
        assert "/explain" not in footer(key) and "Geography list" in footer(key)


def _texts(container) -> str:
    return "\n".join(c["content"] for c in walk([container.to_component_dict()])
                     if c["type"] == 10)


def test_counts_agree_with_their_noun() -> None:
    """Seen end to end: a one-question live quiz ended with "1 questions"."""
    one = SessionSummary("s", "p", Mode.LIVE, 1, 0, 0, 0, 0, 0, None)
    assert "-# 1 question · /quiz start to play again" in _texts(podium_container(one))
    two = SessionSummary("s", "p", Mode.LIVE, 2, 0, 0, 0, 0, 0, None)
    assert "-# 2 questions ·" in _texts(podium_container(two))
    listed = embeds.pack_list_embed([PackSummary("club", "Club", "Ours.", 1, 0)])
    assert listed.fields[0].value.endswith("1 question · 0 explainers")
