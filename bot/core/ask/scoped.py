"""The answer checks' views of per-pack data: always that of the pack in scope.

Why: the checks (checks/) are built once per index with the term weights and the names they
read, but an index holds many packs, and each pack is weighed with its own statistics and names
(no interference between subjects); these views read the index's current scope on each lookup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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
