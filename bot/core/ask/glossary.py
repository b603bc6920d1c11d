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
    # Words a rewrite can begin with: a text holding none of them is left as it is (a rewrite
    # matches at a word's start, so its first word, or a one-word form and its plurals, must
    # be one of the text's words); most texts hold none, and the regex was 5 % of an index.
    heads: frozenset[str] = frozenset()
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
            glossary.heads = frozenset(
                head for f in forms
                for head in ((f.split(" ")[0],) if " " in f else (f, f + "s", f + "es")))
        return glossary

    def rewrite(self, text: str) -> str:
        """`text` (as base_normalize wrote it: words and symbols one space apart) with its
        multi-word forms rewritten to their terms."""
        if self.pattern is None or self.heads.isdisjoint(text.split(" ")):
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
