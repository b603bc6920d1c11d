"""The documents `ask` scores: an explainer (title, examples, keywords, short, body, quote) or a
quiz question (prompt + explanation) turned into terms, field strengths, units and sentences."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from bot.core.ask.analyzer import analyze, canonical, surface, words
from bot.core.ask.checks.detail import numbers_in
from bot.core.ask.checks.kinds import Kind, kinds_in
from bot.core.ask.facts import explanation_of
from bot.core.models import Explainer, Pack, Question

MAX_ANSWER = 600
QUESTION_PREFIX = "question:"
# An explainer whose title is about the article or its argument itself ("What the article does
# not show", "Which evidence supports which claim") answers questions about the writing; a question
# about the subject that happens to share a word with it ("weaken the cartels") goes elsewhere.
META_TITLE = frozenset(canonical(w) for w in ("article", "argument", "evidence"))
META_QUESTION = frozenset(canonical(w) or w for w in (
    "article", "argument", "evidence", "proof", "prove", "support", "source", "reasoning",
    "thesis", "weakness", "limitation", "gap", "organized", "structure", "purpose", "concede",
    "premise", "assumption"))


# How much a word found in each field says about what a document is *for*. Titles, examples and
# keywords are written as the questions a document answers; its short answer and body also
# mention neighbouring facts (an "evidence map" names every figure), so a word found only there
# counts for less, and long catch-all explainers do not win every question.
FIELD_STRENGTH = {"title": 1.0, "example": 1.0, "keyword": 1.0, "short": 0.8, "quote": 0.7,
                  "body": 0.6, "prompt": 0.9, "explanation": 0.75, "sentence": 0.8,
                  "paragraph": 0.3}


@dataclass(frozen=True)
class Spec:
    """The raw texts a document's answerability parts are computed from (lazily, see Doc)."""

    units: tuple[tuple[str, str], ...]
    phrases: tuple[str, ...]
    facts: tuple[str, ...]
    about: str
    asked: tuple[str, ...]
    numbered: tuple[str, ...]  # texts whose numbers count as the document's own


@dataclass(frozen=True, eq=False)
class Doc:
    """A scored unit. The postings need only `tf`/`strength`; everything the scorer and the checks
    read per candidate is computed on first use, so an index of 15k entries builds fast and only
    the few shortlisted documents of a question ever pay for the rest."""

    key: str
    pack_id: str
    title: str
    answer: str
    quote: str | None
    source: str
    is_question: bool
    tf: Counter[str]
    strength: dict[str, float]
    length: int
    spec: Spec
    full: str = ""  # the whole short answer (`answer` may be trimmed)
    meta: bool = False  # an explainer about the article itself (see META_TITLE)
    is_article: bool = False  # one sentence of the pack's article text (`source: text:`)

    @property
    def stats_key(self) -> str:
        """Whose term statistics weigh it: its pack's, or its pack's article's, kept apart so
        carrying the article text never changes how the explainers score."""
        return f"{self.pack_id}\0article" if self.is_article else self.pack_id

    @cached_property
    def units(self) -> tuple[tuple[float, frozenset[str]], ...]:
        return tuple((FIELD_STRENGTH[f], s) for f, s in
                     ((f, frozenset(analyze(u))) for f, u in self.spec.units) if s)

    @cached_property
    def phrases(self) -> tuple[str, ...]:
        return tuple(surface(p) for p in self.spec.phrases if p.strip())

    @cached_property
    def evidence(self) -> tuple[tuple[str, tuple[tuple[str, str], ...], frozenset[Kind]], ...]:
        """Sentences that state facts (short, body, explanation, quote): text, terms, kinds."""
        return tuple((f, tuple((w, canonical(w) or w) for w in words(f)), kinds_in(f))
                     for f in self.spec.facts)

    @cached_property
    def context(self) -> frozenset[str]:
        """What every sentence is about (title or prompt)."""
        return frozenset(analyze(self.spec.about))

    @cached_property
    def asked(self) -> frozenset[str]:
        """The questions it is written for (its examples)."""
        return frozenset(t for a in self.spec.asked for t in analyze(a))

    @cached_property
    def numbers(self) -> frozenset[int]:
        """Every number its title and facts state."""
        return frozenset(n for t in self.spec.numbered for n in numbers_in(t))

    @cached_property
    def passages(self) -> tuple[tuple[str, frozenset[str]], ...]:
        """Whole sentences of its short, body and quote, with their terms, to lead an answer."""
        joined = " ".join(" ".join(self.spec.facts).split())
        return tuple((p, frozenset(analyze(p))) for p in _WHOLE_SENTENCE.split(joined) if p)


@dataclass(frozen=True)
class Candidate:
    """One candidate's score and its parts (kept for tuning and for `--json` debugging)."""

    doc: Doc
    score: float
    coverage: float
    unit: float
    bm25: float


_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_WHOLE_SENTENCE = re.compile(r"(?<=[.!?])(?<!\.[A-Z]\.)\s+")  # not inside "U.S."


def trim(text: str, limit: int = MAX_ANSWER) -> str:
    """Cut at a word boundary so a long explanation still fits a chat message."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def _sentences(field: str, text: str | None) -> list[tuple[str, str]]:
    """A field's sentences, kept whole across abbreviations ("Dr. Asquell", "2 p.m.")."""
    if not text:
        return []
    if _SENTENCE.search(text) is None:  # one sentence: what the split and glue would give
        return [(field, text)] if text.strip() else []
    return [(field, part) for part in _joined(_SENTENCE.split(text or "")) if part.strip()]


def _joined(pieces: list[str]) -> list[str]:
    """Pieces split at every full stop, glued back where the stop ends an abbreviation."""
    out: list[str] = []
    pending = ""
    for piece in pieces:
        pending = f"{pending} {piece}".strip() if pending else piece
        if not pending.endswith(".") or not _ABBREVIATION.search(pending):
            out.append(pending)
            pending = ""
    if pending:
        out.append(pending)
    return out


def explainer_doc(pack: Pack, item: Explainer) -> Doc:
    # The quiz questions it points to state its facts too (their numbers count as its own).
    linked = [q.explanation for q in pack.questions if q.id in item.related]
    texts = [("title", item.title), *[("example", e) for e in item.examples],
             *[("keyword", k) for k in item.keywords]]
    texts += _sentences("short", item.short) + _sentences("body", item.body)
    texts += _sentences("quote", item.quote)
    units = [t for t in texts if t[0] != "keyword"] + [("keyword", " ".join(item.keywords))]
    facts = [t for _, t in _sentences("short", item.short) + _sentences("body", item.body)
             + _sentences("quote", item.quote)]
    return _make_doc(pack, item.id, item.title, trim(item.short), item.quote, False, texts, units,
                     [item.title, *item.examples], facts, item.title,
                     [*item.examples, *item.keywords], linked, item.short)


def question_doc(pack: Pack, item: Question, explained: str | None = None) -> Doc:
    """A quiz question as a document: prompt, accepted answer and real explanation (never a
    placeholder); its answer is the explanation led by the stated fact (see facts.py).
    `explained` is that explanation when the caller has it already."""
    if explained is None:
        explained = explanation_of(item)
    stated = _sentences("explanation", explained) + _sentences("quote", item.quote)
    texts = [("prompt", item.prompt), *stated]
    facts = [t for _, t in stated]
    return _make_doc(pack, QUESTION_PREFIX + item.id, trim(item.prompt, 200),
                     trim(explained), item.quote, True, texts, texts, [item.prompt],
                     facts, item.prompt, (), [item.prompt])


ARTICLE_PREFIX = "article:"
# A full stop after these is not the end of a sentence ("Dr. Ruiz", "St. Mary's", "e.g. trees").
_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Z][a-z]{0,3}|[a-z]\.[a-z]|etc|vs|approx|no)\.$")


def article_sentences(text: str) -> list[tuple[int, str]]:
    """(paragraph number, sentence) of an article, sentences kept whole across abbreviations."""
    out: list[tuple[int, str]] = []
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    for number, paragraph in enumerate(paragraphs, start=1):
        pending = ""
        for piece in _WHOLE_SENTENCE.split(" ".join(paragraph.split())):
            pending = f"{pending} {piece}".strip()
            if not _ABBREVIATION.search(pending):
                out.append((number, pending))
                pending = ""
        if pending:
            out.append((number, pending))
    return out


def article_docs(pack: Pack) -> list[Doc]:
    """One document per sentence of the pack's article, its paragraph read as weak context: the
    answer is the sentence itself (so no separate quote), titled with its paragraph."""
    if not pack.source.text:
        return []
    sentences = article_sentences(pack.source.text)
    paragraphs: dict[int, list[str]] = {}
    for number, sentence in sentences:
        paragraphs.setdefault(number, []).append(sentence)
    docs = []
    for position, (number, sentence) in enumerate(sentences):
        around = [s for s in paragraphs[number] if s != sentence]
        texts = [("sentence", sentence), *[("paragraph", s) for s in around]]
        doc = _make_doc(pack, f"{ARTICLE_PREFIX}{position + 1}",
                        f"{pack.source.title}, paragraph {number}", trim(sentence), None,
                        False, texts, [("sentence", sentence)], [sentence], [sentence], "", ())
        docs.append(dataclasses.replace(doc, is_article=True))
    return docs


def _make_doc(pack: Pack, key: str, title: str, answer: str, quote: str | None,
              is_question: bool, texts: list[tuple[str, str]],
              units: list[tuple[str, str]], phrases: list[str], facts: list[str],
              about: str, asked: Sequence[str], linked: Sequence[str] = (),
              full: str = "") -> Doc:
    tf: Counter[str] = Counter()
    strength: dict[str, float] = {}
    for field, text in texts:  # 300k terms at 15k entries: no call per term
        weight = FIELD_STRENGTH[field]
        for term in analyze(text):
            held = strength.get(term)
            if held is None:  # first seen: both in the same order, as `tf[term] += 1` did
                tf[term] = 1
                strength[term] = weight
            else:
                tf[term] += 1
                if weight > held:
                    strength[term] = weight
    spec = Spec(tuple(units), tuple(phrases), tuple(facts), about, tuple(asked),
                (title, *facts, *linked))
    return Doc(key=key, pack_id=pack.id, title=title, answer=answer, quote=quote,
               source=pack.source.title, is_question=is_question, tf=tf, strength=strength,
               meta=not is_question and bool(META_TITLE & set(analyze(title))),
               length=sum(tf.values()), spec=spec, full=" ".join((full or answer).split()))
