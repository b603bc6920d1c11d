"""Study anywhere: /quiz review, /ask and /explain in DMs, on the learner's own progress.

A DM has no server, but everything quizbot keeps is per server. So a DM acts for the learner
across the servers where they have played (their "home" servers, most recently active first):
a review quiz comes from the server with most questions due (and is recorded there, so that
server's review schedule moves on), a question is answered from whichever home server's packs
answer it best. Someone who never played anywhere gets the bundled packs. Nothing here can
reach another learner's data: every call is keyed by the learner's own user id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.core.errors import InvalidInput, SessionNotFound
from bot.core.models import Actor, Explainer, Mode, Pack
from bot.core.results import AskResult, QuestionView
from bot.core.service.asking import Asking
from bot.core.service.catalog import Catalog
from bot.core.service.phrases import say
from bot.core.service.review import Review
from bot.store.db import Store

NO_HOME = "dm"  # the "server" of someone who never played in one: bundled packs only
REMIND_EVERY = 20 * 3600.0  # "daily", with slack so a reminder does not creep later each day


@dataclass(eq=False)
class Anywhere:
    store: Store
    catalog: Catalog
    asking: Asking
    review: Review
    clock: Callable[[], float]

    def home_guilds(self, user_id: str) -> list[str]:
        """The servers this learner played in, most recently active first ([NO_HOME] if none)."""
        return self.store.guilds_of_learner(user_id) or [NO_HOME]

    def actor(self, user_id: str, display_name: str, session_id: str) -> Actor:
        """Who clicks a quiz button in a DM: the learner, in the server their solo quiz is in.

        Only their own solo quiz: a DM never acts on a live round or someone else's practice.
        """
        row = self.store.session_row(session_id)
        if row is None or row["starter_id"] != user_id or row["mode"] != Mode.SOLO.value:
            raise SessionNotFound(say("quiz.gone_review"))
        return Actor(row["guild_id"], user_id, display_name)

    def start_review(self, user_id: str, display_name: str, pack_id: str | None = None,
                     count: int = 10) -> QuestionView:
        """A review quiz from the home server with most questions due (of `pack_id`, if named)."""
        best: tuple[int, str] | None = None
        for guild_id in self.home_guilds(user_id):
            ready = sum(p.due for p in self.review.overview(guild_id, user_id).packs
                        if pack_id is None or p.pack_id == pack_id)
            if ready and (best is None or ready > best[0]):
                best = (ready, guild_id)
        if best is None:
            raise InvalidInput(say("review.nothing_anywhere"))
        return self.review.start_review(Actor(best[1], user_id, display_name), pack_id, count)

    def ask(self, user_id: str, text: str) -> AskResult:
        """The best answer any home server's packs give; an unanswered question is logged once,
        in the most recent home server (where its instructor can add the explainer)."""
        homes = self.home_guilds(user_id)
        clean = text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates, as in ask()
        answers = [self.catalog.index(g).ask(clean, None) for g in homes]
        matched = [a for a in answers if a.matched]
        if matched:
            return max(matched, key=lambda a: a.confidence)
        return self.asking.ask(homes[0], text, user_id=user_id)

    def explain(self, user_id: str, topic: str) -> tuple[Explainer, Pack]:
        last: InvalidInput | None = None
        for guild_id in self.home_guilds(user_id):
            try:
                return self.asking.explain(guild_id, topic)
            except InvalidInput as err:
                last = err
        assert last is not None
        raise last

    def explainer_choices(self, user_id: str, prefix: str = "") -> list[tuple[str, str]]:
        seen: dict[str, str] = {}
        for guild_id in self.home_guilds(user_id):
            for item_id, title in self.asking.explainer_choices(guild_id, prefix):
                seen.setdefault(item_id, title)
        return list(seen.items())[:25]

    def pack_choices(self, user_id: str, prefix: str = "") -> list[tuple[str, str]]:
        seen: dict[str, str] = {}
        for guild_id in self.home_guilds(user_id):
            for item_id, title in self.catalog.pack_ids(guild_id, prefix):
                seen.setdefault(item_id, title)
        return list(seen.items())[:25]

    # -- the opt-in daily "N questions due" DM -----------------------------------------------------
    def set_reminder(self, user_id: str, enabled: bool, language: str | None = None) -> bool:
        """Turn the daily DM on or off for this user (off unless they ask); returns the state.
        `language` is the one to write it in (the user's, when they turned it on)."""
        self.store.set_due_reminder(user_id, enabled, self.clock(), language)
        return enabled

    def reminder_enabled(self, user_id: str) -> bool:
        row = self.store.due_reminder(user_id)
        return bool(row and row["enabled"])

    def due_count(self, user_id: str) -> int:
        """Questions due for review now, over all of this learner's servers."""
        return sum(self.review.overview(g, user_id).due for g in self.home_guilds(user_id))

    def reminders_due(self) -> list[tuple[str, int, str | None]]:
        """(user, questions due, language) for everyone opted in, not reminded for REMIND_EVERY,
        with something due. Whoever has nothing due is skipped (and asked again next time)."""
        now = self.clock()
        out = []
        for row in self.store.reminders_to_send(now - REMIND_EVERY):
            count = self.due_count(row["user_id"])
            if count:
                out.append((row["user_id"], count, row["language"]))
        return out

    def mark_reminded(self, user_id: str) -> None:
        self.store.mark_reminded(user_id, self.clock())
