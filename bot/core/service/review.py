"""The service's review side: FSRS cards due across every pack, and quizzes made of them.

Cards are updated as answers are recorded (recording.py); here they are read: how many are due
in each pack, the estimated recall, when the next falls due, and a review quiz of one pack's due
cards (shakiest first). A review quiz is practice: it never ranks (bot.core.play.ranking).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.core.errors import InvalidInput
from bot.core.models import Actor
from bot.core.play import ranking, spaced
from bot.core.play.phrases import say as play_say
from bot.core.results import PackReview, QuestionView, ReviewOverview
from bot.core.service.access import Access
from bot.core.service.catalog import Catalog
from bot.core.service.phrases import say
from bot.core.service.quizzes import Quizzes
from bot.store.db import Store


def in_words(seconds: float) -> str:
    """A wait as people say it: 'in about 5 minutes', 'in about 3 hours', 'in 2 days'."""
    if seconds < 90:
        return play_say("play.in_a_minute")
    if seconds < 5400:
        return play_say("play.in_minutes", count=round(seconds / 60))
    if seconds < 36 * 3600:
        hours = round(seconds / 3600)
        return play_say("play.in_an_hour" if hours == 1 else "play.in_hours", count=hours)
    return play_say("play.in_days", count=round(seconds / spaced.DAY))


@dataclass(eq=False)
class Review:
    store: Store
    catalog: Catalog
    quizzes: Quizzes
    clock: Callable[[], float]
    access: Access | None = None

    def retention(self, guild_id: str) -> float:
        return self.store.desired_retention(guild_id) or spaced.DEFAULT_RETENTION

    def set_retention(self, actor: Actor, value: float) -> float:
        """Instructors (or moderators) choose how much recall review aims for (0.7-0.97)."""
        if self.access is not None and not self.access.is_moderator(actor):
            self.access.require_instructor(actor, "change the review retention")
        spaced.check_retention(float(value))
        self.store.set_desired_retention(actor.guild_id, float(value), self.clock())
        return float(value)

    def overview(self, guild_id: str, user_id: str) -> ReviewOverview:
        """Due cards, estimated recall and the next due time, per installed pack."""
        now, retention = self.clock(), self.retention(guild_id)
        installed = {p.id: p for p in self.catalog.library(guild_id).all()}
        by_pack: dict[str, list[tuple[float, float]]] = {}  # pack → [(due_at, recall)]
        for row in self.store.cards_of(guild_id, user_id):
            pack = installed.get(row["pack_id"])
            if pack is None or pack.question(row["question_id"]) is None:
                continue
            by_pack.setdefault(pack.id, []).append(
                (row["due_at"], spaced.recall(row["card"], now, retention)))
        packs = []
        for pack_id, cards in by_pack.items():
            later = [d for d, _ in cards if d > now]
            packs.append(PackReview(pack_id, installed[pack_id].title, len(cards),
                                    sum(1 for d, _ in cards if d <= now),
                                    sum(r for _, r in cards) / len(cards),
                                    min(later) if later else None))
        packs.sort(key=lambda p: (-p.due, p.pack_id))
        upcoming = [p.next_due_at for p in packs if p.next_due_at is not None]
        soonest = min(upcoming) if upcoming else None
        return ReviewOverview(tuple(packs), soonest, retention,
                              None if soonest is None else soonest - now)

    def due_ids(self, guild_id: str, user_id: str, pack_id: str) -> list[str]:
        """This pack's due question ids, the least likely to be recalled first."""
        now, retention = self.clock(), self.retention(guild_id)
        pack = self.catalog.pack(guild_id, pack_id)
        due = [(spaced.recall(r["card"], now, retention), r["question_id"])
               for r in self.store.cards_of(guild_id, user_id)
               if r["pack_id"] == pack_id and r["due_at"] <= now
               and pack.question(r["question_id"]) is not None]
        return [question_id for _, question_id in sorted(due)]

    def start_review(self, actor: Actor, pack_id: str | None = None,
                     count: int = 10) -> QuestionView:
        """A practice quiz of due cards: of `pack_id`, else of the pack with most due.
        InvalidInput says when the next card falls due if none is due now."""
        if pack_id is not None:
            self.catalog.pack(actor.guild_id, pack_id)  # UnknownPack, not "nothing to review"
        overview = self.overview(actor.guild_id, actor.user_id)
        packs = [p for p in overview.packs if pack_id is None or p.pack_id == pack_id]
        ready = [p for p in packs if p.due]
        if not ready:
            if not packs:
                raise InvalidInput(say("review.nothing"))
            wait = min(p.next_due_at or 0 for p in packs) - self.clock()
            raise InvalidInput(say("review.not_yet", wait=in_words(wait)))
        chosen = ready[0].pack_id
        ids = self.due_ids(actor.guild_id, actor.user_id, chosen)
        return self.quizzes.start_quiz(actor, chosen, min(max(count, 1), len(ids)), only=ids,
                                       purpose=ranking.REVIEW)
