"""Plain BM25 over an article's sentences: the peer baseline `ask` is measured against.

Why it exists: a matcher with many rules must beat the obvious thing. This one splits the article
into sentences, ranks them with rank-bm25 (BM25Okapi, lower-cased word tokens, no stopwords, no
stemming) and answers with the best sentence; it refuses only when no sentence shares a word.
rank-bm25 is not a runtime dependency: install it (`pip install rank-bm25`) to run the baseline.
"""

from __future__ import annotations

import re
from pathlib import Path

_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_TOKEN = re.compile(r"[a-z0-9]+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


class SentenceBM25:
    """rank-bm25 over the sentences of one or more texts; `ask` returns (matched, sentence)."""

    def __init__(self, texts: list[str]) -> None:
        from rank_bm25 import BM25Okapi  # optional: only the baseline needs it

        self.sentences = [s.strip() for text in texts for s in _SENTENCE.split(text) if s.strip()]
        self.bm25 = BM25Okapi([tokens(s) for s in self.sentences])

    def ask(self, question: str) -> tuple[bool, str]:
        scores = self.bm25.get_scores(tokens(question))
        best = max(range(len(scores)), key=scores.__getitem__)
        return (scores[best] > 0, self.sentences[best]) if scores[best] > 0 else (False, "")


def from_files(paths: list[Path]) -> SentenceBM25:
    return SentenceBM25([Path(p).read_text(encoding="utf-8") for p in paths])
