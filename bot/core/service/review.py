"""The service's review side: what a learner should revisit, and a quiz made of it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from bot.core.errors import InvalidInput
from bot.core.models import Actor
from bot.core.play import leitner, ranking
from bot.core.results import QuestionView
from bot.core.service.catalog import Catalog
from bot.core.service.quizzes import Quizzes
from bot.store.db import Store


@dataclass(eq=False)
class Review:
    """Spaced review: the due questions are chosen here, then played as a quiz by `quizzes`."""

    store: Store
    catalog: Catalog
    quizzes: Quizzes
    clock: Callable[[], float]

    def review_queue(self, guild_id: str, user_id: str) -> list[leitner.ReviewItem]:
        """Every question this learner missed and has not yet learned, soonest due first.

        Questions whose pack is no longer installed in the guild are left out.
        """
        installed = {p.id: p for p in self.catalog.library(guild_id).all()}
        items = leitner.schedule(self.store.learner_history(guild_id, user_id))
        return [i for i in items
                if i.pack_id in installed and installed[i.pack_id].question(i.question_id)]

    def start_review(self, actor: Actor, pack_id: str | None = None,
                     count: int = 10) -> QuestionView:
        """A practice quiz of the questions due for review (one pack: the named one, else the
        pack with most due). InvalidInput says when the next one is due if none is due now."""
        if pack_id is not None:
            self.catalog.pack(actor.guild_id, pack_id)  # UnknownPack, not "nothing to review"
        now = self.clock()
        queue = self.review_queue(actor.guild_id, actor.user_id)
        ready = leitner.due(queue, now, pack_id)
        if not ready:
            upcoming = [i for i in queue if pack_id is None or i.pack_id == pack_id]
            if not upcoming:
                raise InvalidInput("Nothing to review: questions you miss come back here.")
            wait_hours = max((upcoming[0].due_at - now) / 3600, 0)
            raise InvalidInput(f"Nothing due yet: the next review is in about "
                               f"{wait_hours:.0f} hour(s).")
        chosen_pack = pack_id or Counter(i.pack_id for i in ready).most_common(1)[0][0]
        ids = [i.question_id for i in ready if i.pack_id == chosen_pack]
        return self.quizzes.start_quiz(actor, chosen_pack, min(max(count, 1), len(ids)), only=ids,
                                       purpose=ranking.REVIEW)
