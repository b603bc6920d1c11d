"""Text → canonical terms, and the vocabulary that maps a student's typos onto them.

The same `analyze` runs over the packs and over every question, so "Homicides", "murders",
"homocides" and "killings" all end as the term `kill`, and "Culiacán" as `culiacan`. Only the
query side gets fuzzy typo repair (`Vocabulary.repair`): the packs are taken as spelled.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.core.ask.glossary import ACTIVE
from bot.core.ask.lexicon import EVERYDAY, IRREGULAR, NOT_STOPWORDS, PHRASES, STOPWORDS, SYNONYMS

MAX_QUERY_CHARS = 2000  # a question longer than this is cut: nobody asks 10,000-char questions
MAX_QUERY_WORDS = 64  # and each unknown word costs a fuzzy lookup, so a word salad is cut too

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"'})
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_SCALED = re.compile(r"\b(\d+(?:\.\d+)?)\s*(k|thousand|m|million|mil|b|bn|billion)\b")
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "mil": 1e6,
          "b": 1e9, "bn": 1e9, "billion": 1e9}
_ABBREV_DOTS = re.compile(r"\b(?:[a-z]\.){2,}")
_POSSESSIVE = re.compile(r"'s\b")
_NON_WORD = re.compile(r"[^a-z0-9%$]+")
_SYMBOLS = re.compile(r"([%$])")
# All phrases in one pass (one regex, not one per phrase: normalising is most of an index build).
_PHRASE_OF = dict(PHRASES)
_PHRASE_RE = re.compile(r"\b(" + "|".join(re.escape(src) for src, _ in PHRASES) + r")(?:s|es)?\b")
# A phrase can only match where its first word is a whole word of the text: texts with none of
# these words skip the phrase regex (most texts; it was a quarter of normalising them).
_PHRASE_HEADS = frozenset(
    head for src, _ in PHRASES
    for head in ((src.split(" ")[0],) if " " in src else (src, src + "s", src + "es")))
_WORD = re.compile(r"[a-z0-9%$]+")  # what _NON_WORD leaves between its replacements
_ASCII_DIGIT = re.compile(r"[0-9]")
_SCALE_HINT = re.compile(r"[0-9]\s*[kmbt]")  # what any _SCALED match contains


# "a million people" is "1 million people", which the article writes as a number.
_ONE_SCALE = re.compile(r"\b(?:a|one) (million|thousand|billion)\b")


def fold(text: str) -> str:
    """Lowercase, strip accents, unify quotes: the form every later step expects."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def _scale(match: re.Match[str]) -> str:
    value = float(match.group(1)) * _SCALE[match.group(2)]
    return str(int(value)) if value.is_integer() else str(value)


def normalize(text: str) -> str:
    """`base_normalize`, then the active pack glossary's multi-word rewrites (glossary.py)."""
    glossary = ACTIVE.get()
    if glossary is None:
        return base_normalize(text)
    found = glossary.normalized.get(text)
    if found is None:
        found = glossary.rewrite(base_normalize(text))
        glossary.remember(glossary.normalized, text, found)
    return found


@lru_cache(maxsize=1 << 16)
def base_normalize(text: str) -> str:
    """Folded text with numbers, abbreviations and apostrophes made comparable.

    "11,000" and "11k" become "11000"; "U.S." becomes "us"; "can't" becomes "cant" and
    "Mexico's" becomes "mexico"; "$800"/"24%" keep their symbol as a separate word.
    """
    text = fold(text[:MAX_QUERY_CHARS * 4])
    # Each rewrite runs only where its trigger characters occur (most texts have none): these
    # pre-checks are conditions every match of the rewrite meets, so the result is the same.
    if "." in text:
        text = _ABBREV_DOTS.sub(lambda m: m.group(0).replace(".", ""), text)
    scaled = "million" in text or "thousand" in text or "billion" in text
    if _ASCII_DIGIT.search(text) if text.isascii() else any(ch.isdigit() for ch in text):
        if "," in text:
            text = _THOUSANDS.sub("", text)
        if scaled:
            text = _ONE_SCALE.sub(r"1 \1", text)
        if _SCALE_HINT.search(text) or not text.isascii():
            text = _SCALED.sub(_scale, text)
    elif scaled:
        text = _SCALED.sub(_scale, _ONE_SCALE.sub(r"1 \1", text))
    if "'" in text:
        text = _POSSESSIVE.sub("", text).replace("'", "")
    if "%" in text or "$" in text:
        text = " ".join(_SYMBOLS.sub(r" \1 ", _NON_WORD.sub(" ", text)).split())
    else:
        text = " ".join(_WORD.findall(text))  # as _NON_WORD.sub(" ", …) then split and join
    if _PHRASE_HEADS.isdisjoint(text.split(" ")):
        return text
    return _PHRASE_RE.sub(lambda m: _PHRASE_OF[m.group(1)], text)


# Words whose final s is not a plural ("news" is not "new").
_NOT_PLURAL = frozenset({
    "news", "series", "species", "always", "whereas", "texas", "physics", "politics", "economics",
    "ethics", "mathematics", "chaos", "gas", "bus", "lens", "bias", "alias", "atlas", "canvas",
    "perhaps", "various", "famous", "infamous", "previous", "serious", "dangerous", "nervous",
})


def stem(word: str) -> str:
    """A deliberately light suffix stripper (plural, -ing, -ed, final e).

    Enough to make "strikes", "striking" and "strike" meet at "strik"; anything smarter would need
    a dependency and would merge words the matcher must keep apart.
    """
    if len(word) <= 3 or not word.isalpha() or word in _NOT_PLURAL:
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ing") and len(word) > 5:
        word = word[:-3]
        if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lszaeiou":
            word = word[:-1]
    elif word.endswith("ed") and len(word) > 4:
        word = word[:-2]
        if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lszaeiou":
            word = word[:-1]
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


# Everyday English words under their canonical form: spelled right, whether or not a pack uses them.
_EVERYDAY_TERMS = frozenset(stem(w) for w in EVERYDAY)

# The synonym table again under each word's stem, so "nab" (from "nabbed") still finds `capture`.
_SYNONYMS = {**{stem(w): c for w, c in SYNONYMS.items() if w.isalpha()}, **SYNONYMS}


def canonical(word: str) -> str | None:
    """One word → its canonical term (the active glossary's first), or None for a stopword."""
    glossary = ACTIVE.get()
    if glossary is None:
        return base_canonical(word)
    if word in glossary.canonical:
        return glossary.canonical[word]
    # A pack may claim a chat stopword ("us" for the country).
    found = glossary.synonyms.get(word)
    if found is None and glossary.synonyms:
        found = glossary.synonyms.get(stem(word))
    if found is None:
        found = base_canonical(word)
    glossary.remember(glossary.canonical, word, found)
    return found


@lru_cache(maxsize=65536)
def base_canonical(word: str) -> str | None:
    """One word → its canonical term under the general tables, or None for a stopword."""
    if word in STOPWORDS and word not in NOT_STOPWORDS:
        return None
    if word in _SYNONYMS:
        return _SYNONYMS[word]
    word = IRREGULAR.get(word, word)
    if word in _SYNONYMS:
        return _SYNONYMS[word]
    stemmed = stem(word)
    return _SYNONYMS.get(stemmed, stemmed)


def words(text: str) -> list[str]:
    """Normalised surface words, stopwords included (the fuzzy repair needs them)."""
    return normalize(text).split()


def surface(text: str) -> str:
    """The text as canonical words with its stopwords kept, for whole-phrase fuzzy comparison
    ("is the writer for or against…" shares its shape with "is the author for or against…")."""
    return " ".join(canonical(w) or w for w in words(text))


_COUNT = re.compile(r"\bhow (?:many|much)\s+((?:\S+\s*){1,4})")
_FOCUS_STOP = frozenset({
    "is", "are", "was", "were", "be", "been", "do", "does", "did", "have", "has", "had", "can",
    "could", "would", "will", "should", "may", "might", "in", "of", "for", "to", "from", "at", "on",
    "by", "since", "per", "during", "after", "before", "with", "about", "than", "that", "there",
    "the", "a", "an",
})


def count_focus(text: str) -> list[str]:
    """What a "how many/how much" question counts ("how many people *died* in…"), as words.

    The thing counted must be in the answer: the article's death toll for Mexico says nothing of
    "how many died in Culiacán", though every other word of that question is in the pack.
    """
    match = _COUNT.search(normalize(text[:MAX_QUERY_CHARS]))
    if not match:
        return []
    focus: list[str] = []
    for word in match.group(1).split():
        if word in _FOCUS_STOP:
            break
        focus.append(word)
    return focus


def analyze(text: str) -> list[str]:
    """Canonical content terms of a text, in order, repeats kept (for BM25 term frequency)."""
    glossary = ACTIVE.get()
    if glossary is not None and (found := glossary.analyzed.get(text)) is not None:
        return list(found)
    if glossary is None:
        return [term for term in (canonical(w) for w in words(text)) if term]
    known = glossary.canonical  # canonical()'s own memo, read here: one call per new word only
    terms = [term for term in (known[w] if w in known else canonical(w) for w in words(text))
             if term]
    glossary.remember(glossary.analyzed, text, tuple(terms))
    return terms


class Vocabulary:
    """Every surface word of the indexed texts, for mapping a query's typos onto them.

    A query word that is neither a stopword nor a known term is replaced by the closest surface
    word within an edit budget that grows with length (OSA distance, so a swapped pair of letters
    is one edit): short words need an exact match, long ones tolerate two or three slips.
    """

    def __init__(self, texts: Iterable[str]) -> None:
        counts: dict[str, int] = {}
        for text in texts:
            for word in words(text):
                counts[word] = counts.get(word, 0) + 1
        for word in list(SYNONYMS) + sorted(STOPWORDS):
            counts.setdefault(word, 1)
        self.counts = counts
        self.terms: frozenset[str] = frozenset(
            term for word in counts if (term := canonical(word)) is not None
        )
        self._choices = sorted(w for w in counts if len(w) >= 3 and w.isalpha())
        self._cache: dict[str, str | None] = {}
        self._by_prefix: dict[str, str] | None = None  # built on the first clipped word

    @staticmethod
    def budget(word: str) -> int:
        """Edits allowed for a word of this length (0 = must match exactly)."""
        n = len(word)
        return 0 if n <= 4 else 1 if n <= 7 else 2 if n <= 11 else 3

    def repair(self, word: str) -> str | None:
        """The known word closest to `word` (itself when known), or None when nothing is close."""
        if word in self.counts or canonical(word) in self.terms or not word.isalpha():
            return word
        if word in EVERYDAY or stem(word) in _EVERYDAY_TERMS:
            return word  # everyday English spelled right ("filed"), not a typo of "failed"
        if word in self._cache:
            return self._cache[word]
        best: str | None = None
        limit = self.budget(word)
        if len(word) == 4:
            best = self._swapped(word)
        elif limit:
            found = process.extract(word, self._choices, scorer=OSA.distance,
                                    score_cutoff=limit, limit=8)
            if found:
                # Closest first; then a word sharing the first letter; then the more frequent.
                found.sort(key=lambda hit: (hit[1], hit[0][0] != word[0],
                                            -self.counts[hit[0]], hit[0]))
                best, distance = found[0][0], found[0][1]
                if (len(word) <= 6 and best[0] != word[0]) or (
                        canonical(best) is None and distance > 1):
                    best = None  # a far-fetched repair onto a stopword hides an unknown word
        if best is None:
            best = self._expanded(word)
        self._cache[word] = best
        return best

    def prepare(self) -> None:
        """Build the clipped-word table now (the index does while it builds, under the same
        glossary): built on a question, it made that one question ~10 ms slower."""
        if self._by_prefix is None:
            self._build_prefixes()

    def _expanded(self, short: str) -> str | None:
        """A clipped word ("temp", "info", "approx") stands for the packs' most used word that
        begins with it, when it has four letters or more, the word is at least three letters
        longer (a clip drops a syllable: "typical" is not short for "typically") and nothing
        closer was found."""
        if len(short) < 4:
            return None
        if self._by_prefix is None:
            self._build_prefixes()
        assert self._by_prefix is not None
        return self._by_prefix.get(short)

    def _build_prefixes(self) -> None:
        self._by_prefix = {}
        for word in self._choices:
            if len(word) >= 6 and canonical(word):
                for cut in range(4, min(len(word) - 2, 8)):  # a clip drops 3+ letters
                    head = word[:cut]
                    held = self._by_prefix.get(head)
                    if held is None or self.counts[word] > self.counts[held]:
                        self._by_prefix[head] = word

    def _swapped(self, word: str) -> str | None:
        """A 4-letter word gets no edit budget, but one swapped pair of letters after the first
        ("maed" -> "made") is repaired when exactly one word of the packs (or a stopword) fits."""
        fits = {w for i in (1, 2) if (w := word[:i] + word[i + 1] + word[i] + word[i + 2:])
                in self.counts}
        return fits.pop() if len(fits) == 1 else None

    def split(self, word: str) -> list[str] | None:
        """A run-together pair of known words ("warzone", "drugwar"), or None."""
        if len(word) < 7 or not word.isalpha():
            return None
        for cut in range(3, len(word) - 2):
            head, tail = word[:cut], word[cut:]
            if head in self.counts and tail in self.counts and canonical(head) \
                    and canonical(tail):
                return [head, tail]
        return None

    def fixed(self, text: str) -> list[str]:
        """A question's words after typo repair; unknown words stay as they are."""
        out: list[str] = []
        for word in words(text[:MAX_QUERY_CHARS])[:MAX_QUERY_WORDS]:
            repaired = self.repair(word)
            out += [repaired] if repaired else self.split(word) or [word]
        return out

    def query_surface(self, text: str) -> str:
        """`surface` of a question after typo repair."""
        return " ".join(canonical(w) or w for w in self.fixed(text))

    def query_terms(self, text: str) -> tuple[list[str], list[str]]:
        """(canonical content terms, unknown content words) of a question, typos repaired."""
        terms: list[str] = []
        unknown: list[str] = []
        for word in words(text[:MAX_QUERY_CHARS])[:MAX_QUERY_WORDS]:
            if canonical(word) is None:
                continue
            fixed = self.repair(word)
            parts = [fixed] if fixed else self.split(word)
            if parts is None:
                unknown.append(word)
                continue
            terms += [term for part in parts if (term := canonical(part))]
        return terms, unknown


def bm25_idf(doc_freq: int, n_docs: int) -> float:
    """BM25's idf, floored above zero so a word found everywhere still counts a little."""
    return max(0.05, math.log(1 + (n_docs - doc_freq + 0.5) / (doc_freq + 0.5)))
