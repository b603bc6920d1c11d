"""How much a word can tell *which* passage is meant, from how common it is in English.

Why: a pack's idf knows only the pack. A word the pack uses once ("take", "big", "give") looks
rare to it, and when a student's question holds it and the answering sentence says the same
thing in other words ("needs", "covered"), the question seems to ask for something the
sentence lacks. General English knows better: "take" is among the commonest verbs, "canopy" or
"tonnage" is not. wordfreq (a well-kept word-frequency table that ships its data; no download
at run time) gives each word's Zipf frequency; a word common in English weighs less, a rare one
in full, and digits always count in full. Without wordfreq every word counts in full.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

RARE_ZIPF = 4.0  # about 100 per million words, and rarer: full weight
FLOOR = 0.35  # the commonest content words ("take", "make", "give") still count this much
SLOPE = 0.3  # weight lost per Zipf point above RARE_ZIPF


@cache
def _frequency() -> Callable[..., float] | None:
    """wordfreq's lookup, imported on the first question (not at start-up: it loads a table)."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - the prior is then neutral
        return None
    return zipf_frequency


@lru_cache(maxsize=1 << 16)
def prior(word: str) -> float:
    """FLOOR..1: 1 for a rare word or a number, less the commoner the word is in English."""
    frequency = _frequency()
    if frequency is None or not word.isalpha():
        return 1.0
    # The small list (words down to about Zipf 3) loads in milliseconds, the large one in about
    # a second; a word it lacks is rare, which is full weight either way.
    zipf = frequency(word, "en", wordlist="small")
    return max(FLOOR, min(1.0, 1.0 - SLOPE * (zipf - RARE_ZIPF)))
