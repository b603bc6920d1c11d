"""Asking: free-text questions answered from the guild's explainers, and what went unanswered."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.core.ask.variants import group_rows, is_question
from bot.core.errors import InvalidInput
from bot.core.models import Explainer, Pack
from bot.core.results import AskResult
from bot.core.service.catalog import Catalog
from bot.core.service.phrases import say
from bot.store.db import Store

LOGGED_CHARS = 500  # enough for any real question; a pasted essay is not kept whole


@dataclass(eq=False)
class Asking:
    store: Store
    catalog: Catalog
    clock: Callable[[], float]

    def ask(self, guild_id: str, text: str, pack_id: str | None = None, *,
            user_id: str | None = None) -> AskResult:
        """Answer a free-text question from the explainers; unanswered questions are logged
        (with who asked, when known, so /privacy can show and delete a learner's own)."""
        if pack_id is not None:
            self.catalog.pack(guild_id, pack_id)  # UnknownPack early, with a did-you-mean
        # Lone surrogates (from JSON escapes) cannot be stored or shown: replace them.
        text = text.encode("utf-8", "replace").decode("utf-8")
        result = self.catalog.index(guild_id).ask(text, pack_id)
        if not result.matched and is_question(text):
            self.store.log_unanswered(
                guild_id, pack_id, text.strip()[:LOGGED_CHARS], self.clock(), user_id
            )
        return result

    def unanswered_questions(self, guild_id: str | None) -> list[tuple[str, int, float]]:
        """What students asked that no pack answers, most frequent first: variants of one
        question (case, punctuation, typos, word order) are one row; non-questions are left out."""
        rows = [(r["text"], r["count"], r["last_asked"]) for r in self.store.unanswered(guild_id)]
        return [(g.text, g.count, g.last_asked) for g in group_rows(rows)]

    def explain(self, guild_id: str, topic: str) -> tuple[Explainer, Pack]:
        """An explainer by id, or by title when unambiguous."""
        needle = topic.strip().casefold()
        for pack in self.catalog.library(guild_id).all():
            for explainer in pack.explainers:
                if needle in (explainer.id.casefold(), explainer.title.casefold()):
                    return explainer, pack
        result = self.ask(guild_id, topic)
        if result.matched and result.explainer and result.pack_id:
            pack = self.catalog.pack(guild_id, result.pack_id)
            found = pack.explainer(result.explainer)
            if found is not None:
                return found, pack
        raise InvalidInput(say("ask.no_explainer", topic=repr(topic)))

    def explainer_choices(self, guild_id: str, prefix: str = "") -> list[tuple[str, str]]:
        """(id, title) pairs for autocomplete (≤ 25)."""
        needle = prefix.casefold().strip()
        return [
            (e.id, e.title)
            for p in self.catalog.library(guild_id).all()
            for e in p.explainers
            if needle in e.id.casefold() or needle in e.title.casefold()
        ][:25]
