"""Leaderboards and learner statistics, and the moderators' reset of them.

Kept apart from the session flow (quizzes.py) so each file has one job.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from bot.core.errors import InvalidInput
from bot.core.models import Actor
from bot.core.play.periods import PERIODS, period_key
from bot.core.results import (
    LeaderboardPage,
    LeaderboardRow,
    LearnerStats,
    SeasonInfo,
    TopicStat,
)
from bot.core.service.access import Access
from bot.core.service.phrases import say
from bot.store.db import Store


@dataclass(eq=False)
class Standings:
    store: Store
    access: Access
    clock: Callable[[], float]

    def reset_scores(
        self, actor: Actor, user_id: str | None = None, pack_id: str | None = None
    ) -> int:
        """Moderators only. Returns how many players were reset; attempts stay as history."""
        self.access.require_moderator(actor, "reset scores")
        return self.store.reset_scores(actor.guild_id, user_id, pack_id)

    def start_season(self, actor: Actor, name: str | None = None) -> SeasonInfo:
        """Moderators only: archive this season's board and start the next with every question
        counting afresh (all attempts stay, tagged with their season)."""
        self.access.require_moderator(actor, "start a new season")
        if name is not None and len(name.strip()) > 80:
            raise InvalidInput(say("season.name_length"))
        number = self.store.start_season(actor.guild_id, (name or "").strip() or None,
                                         actor.user_id, self.clock())
        return next(s for s in self.seasons(actor.guild_id) if s.number == number)

    def seasons(self, guild_id: str) -> list[SeasonInfo]:
        """Every season of the guild, the first first (season 1 alone until one is started)."""
        current = self.store.current_season(guild_id)
        rows = self.store.season_rows(guild_id)
        if not rows:
            players = self.store.leaderboard(guild_id, None, "all", 1, 0)[1]
            return [SeasonInfo(1, None, None, players, True)]
        return [SeasonInfo(r["number"], r["name"], r["started_at"], r["players"],
                           r["number"] == current) for r in rows]

    def leaderboard(
        self,
        guild_id: str,
        pack_id: str | None = None,
        period: str = "all",
        *,
        page: int = 0,
        per_page: int = 10,
        season: int | None = None,
    ) -> LeaderboardPage:
        """One page of the guild's board for the current season — week and month are this
        calendar week (ISO, UTC) and month, read from totals kept with each attempt
        (bot.core.play.periods says why) — or a past `season`'s archived board."""
        if period not in PERIODS:
            raise InvalidInput(say("board.period", periods=", ".join(PERIODS),
                                   period=repr(period)))
        if not 1 <= per_page <= 25:
            raise InvalidInput(say("board.per_page"))
        current = self.store.current_season(guild_id)
        if season is not None and not 1 <= season <= current:
            raise InvalidInput(say("board.no_season", season=season, current=current))
        archived = season is not None and season != current
        key = period_key(period, self.clock())
        page = max(page, 0)
        rows, total = self.store.leaderboard(guild_id, pack_id, key, per_page, page * per_page,
                                             season if archived else None)
        pages = max(math.ceil(total / per_page), 1)
        if page >= pages and total:
            return self.leaderboard(guild_id, pack_id, period, page=pages - 1, per_page=per_page,
                                    season=season)
        ranked = tuple(
            LeaderboardRow(page * per_page + i + 1, r["user_id"], r["display_name"],
                           int(r["points"] or 0), r["correct"] or 0, r["answered"] or 0)
            for i, r in enumerate(rows)
        )
        return LeaderboardPage(ranked, total, page, pages, period, pack_id,
                               season or current, archived)

    def rank(self, guild_id: str, user_id: str) -> int | None:
        """This learner's all-time rank in the guild (None before their first answer)."""
        return self.store.rank_of(guild_id, user_id)

    def stats(self, guild_id: str, user_id: str) -> LearnerStats:
        """Points, accuracy, streaks and per-topic accuracy over counted attempts."""
        history = self.store.learner_history(guild_id, user_id)
        name = self.store.display_name(guild_id, user_id) or user_id
        streak = best = 0
        topics: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        answered = correct = points = ranked_points = practice = 0
        for row in history:
            points += row["points"]
            ranked_points += row["points"] if row["ranked"] else 0
            practice += 0 if row["ranked"] else 1
            if row["skipped"]:
                streak = 0
                continue
            answered += 1
            topic = topics[row["topic"] or "general"]
            topic[0] += 1
            if row["correct"]:
                correct += 1
                topic[1] += 1
                streak += 1
                best = max(best, streak)
            else:
                streak = 0
        by_topic = tuple(
            TopicStat(name_, n, c) for name_, (n, c) in sorted(topics.items())
        )
        return LearnerStats(user_id, name, points, answered, correct, best, streak, by_topic,
                            ranked_points, practice)
