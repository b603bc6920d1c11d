"""A pack's `glossary:` (term → synonyms, abbreviations, nicknames, misspellings) as the analyzer
reads it.

Why per index and not global: the general word tables (lexicon.py) are English; the subject's own
words belong to the packs that use them, and a glossary must not change how another guild's
packs are read. `KnowledgeIndex` builds one `Glossary` from its packs and makes it *active*
(a ContextVar, so threads and tasks never see each other's) while it builds and while it asks;
`analyzer.normalize` and `analyzer.canonical` consult the active one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field


@dataclass
class Glossary:
    """Variant → term, split in single-word synonyms and multi-word phrase rewrites."""

    synonyms: dict[str, str] = field(default_factory=dict)
    phrases: dict[str, str] = field(default_factory=dict)
    pattern: re.Pattern[str] | None = None
    # Memos of the analyzer's results under this glossary: every text is normalised once.
    normalized: dict[str, str] = field(default_factory=dict)
    canonical: dict[str, str | None] = field(default_factory=dict)
    analyzed: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def build(cls, entries: Iterable[tuple[str, Iterable[str]]]) -> Glossary:
        from bot.core.ask.analyzer import base_canonical, base_normalize, stem

        glossary = cls()
        for term, variants in entries:
            target = base_normalize(term)
            if not target:
                continue
            for variant in variants:
                form = base_normalize(variant)
                if not form or form == target:
                    continue
                if " " not in form and " " not in target:
                    head = base_canonical(target) or target
                    glossary.synonyms.setdefault(form, head)
                    glossary.synonyms.setdefault(stem(form), head)
                else:
                    glossary.phrases.setdefault(form, target)
        if glossary.phrases:
            forms = sorted(glossary.phrases, key=len, reverse=True)
            glossary.pattern = re.compile(
                r"\b(" + "|".join(re.escape(f) for f in forms) + r")(?:s|es)?\b")
        return glossary

    def rewrite(self, text: str) -> str:
        if self.pattern is None:
            return text
        return self.pattern.sub(lambda m: self.phrases[m.group(1)], text)

    def remember(self, memo: dict, key: str, value: object) -> None:
        """Keep a result, dropping all when a memo grows past any index's size (word salads)."""
        if len(memo) > MAX_MEMO:
            memo.clear()
        memo[key] = value

    def __bool__(self) -> bool:
        return bool(self.synonyms or self.phrases)


MAX_MEMO = 500_000
ACTIVE: ContextVar[Glossary | None] = ContextVar("ask_glossary", default=None)


@contextmanager
def active(glossary: Glossary | None) -> Iterator[None]:
    """Read text with `glossary` for the duration of the block."""
    token = ACTIVE.set(glossary)
    try:
        yield
    finally:
        ACTIVE.reset(token)
