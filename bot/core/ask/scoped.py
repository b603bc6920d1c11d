"""The answer checks' views of per-pack data: always that of the pack in scope.

Why: the checks (checks/) are built once per index with the term weights and the names they
read, but an index holds many packs, and each pack is weighed with its own statistics and names
(no interference between subjects); these views read the index's current scope on each lookup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from bot.core.ask.analyzer import Vocabulary

if TYPE_CHECKING:
    from bot.core.ask.index import KnowledgeIndex


class RawIdf:
    """The answer check's view of the raw idf: always the pack in scope."""

    def __init__(self, index: KnowledgeIndex) -> None:
        self.index = index

    def get(self, term: str) -> float | None:
        return self.index.raw_idf.get(term)


class ScopedNames:
    """The checks' view of the names: every pack's names ("Brook" the baker is a name in a
    question to the council pack too), but a name of two letters or fewer only in its own pack
    (a trivia list's "Pt" for platinum is no name where students write "pt" for points)."""

    def __init__(self, index: KnowledgeIndex) -> None:
        self.index = index

    def __contains__(self, term: object) -> bool:
        index = self.index
        if term in index.names_of.get(index._scope_pack, frozenset()):
            return True
        return isinstance(term, str) and len(term) > 2 and term in index.all_names


class ScopedVocabulary:
    """The typo-repairing vocabulary a question is read with: every pack's words, or, when the
    question is asked of one pack among several, that pack's own words only.

    Why: a student's word the pack lacks ("violently", "subs", "lunch") is repaired onto the
    pack's own word ("violence", "substitutes", "lunchtime") when the pack is installed alone;
    beside a big general pack (14k trivia questions) the same word is already "known", is not
    repaired, and weighs as that other pack's subject, so the pack's own questions lose their
    answers. Asked of one pack, a question is read as if that pack were installed alone."""

    def __init__(self, everything: Vocabulary, texts_of: dict[str, list[str]],
                 names: Callable[[], Iterable[str]]) -> None:
        self.everything = everything
        self._texts_of = texts_of
        self._names = names  # every pack's names stay names: "Brook" is not the pack's "book"
        self._own: dict[str, Vocabulary] = {}
        self.current = everything

    def use(self, pack_id: str | None) -> None:
        """Read the next question with `pack_id`'s words (None: every pack's)."""
        if pack_id is None or len(self._texts_of) < 2 or pack_id not in self._texts_of:
            self.current = self.everything
            return
        own = self._own.get(pack_id)
        if own is None:
            own = self._own[pack_id] = Vocabulary(
                [*self._texts_of[pack_id], " ".join(sorted(self._names()))])
            own.prepare()
        self.current = own

    def __getattr__(self, name: str) -> Any:
        return getattr(self.current, name)
