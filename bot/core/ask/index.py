"""The `ask` index: a student's free-text question → one sourced explainer, or an honest refusal.

How a question is scored, and why:
1. `text_index` turns it into canonical terms (synonyms, light stemming, typo repair against the
   packs' own vocabulary), so "homocides in mx" and "homicides in Mexico" look the same.
2. An inverted index keeps only the documents sharing a term with it (an explainer, or a quiz
   question's prompt + explanation as a secondary document); nothing else is scored.
3. Each candidate gets a mix of: *coverage* (how much of the question's idf weight the document
   contains; rare words such as "culiacan" or "2007" weigh more than "cartel"), *unit match* (the
   best single example, title or sentence, so the words must meet in one place rather than be
   scattered over a long text), a normalised BM25, and the phrase shape (rapidfuzz
   token_sort_ratio against titles and examples, stopwords kept: "is the writer for or
   against…" resembles "is the author for or against…").
4. Refusal: an answer is given only when the best score clears a threshold calibrated on the
   development set, and the question has at least one content word the packs know. A question
   with rare words the winning document lacks (a year, a city, a person it never names) loses
   coverage and is refused, which is how near-topic questions the article does not answer are
   turned away instead of answered wrongly. A "how many X" question whose X the document never
   mentions is marked down too, and so is one sharing only everyday words ("what time is it").
5. Answerability: the named checks of pipeline.py (names, details, kind, now), each one unit
   under checks/, run on the best candidates; the pack's article sentences are the last look.
6. Scale: each pack is weighed with its own statistics (weights.py), a question's candidates are
   narrowed from the postings before any per-document work, and a document's answerability parts
   are computed on first use, so 15k entries build in about two seconds.
"""

from __future__ import annotations

import heapq
import threading
from collections.abc import Sequence

from rapidfuzz import fuzz

from bot.core.ask.analyzer import Vocabulary, canonical, count_focus
from bot.core.ask.checks.detail import DetailCheck
from bot.core.ask.checks.kinds import Kind, expected_kind
from bot.core.ask.checks.statement import AnswerCheck, name_spellings, names_of
from bot.core.ask.documents import (
    MAX_ANSWER,
    META_QUESTION,
    QUESTION_PREFIX,
    Candidate,
    Doc,
    article_docs,
    explainer_doc,
    question_doc,
    trim,
)
from bot.core.ask.facts import explanation_of
from bot.core.ask.glossary import Glossary, active
from bot.core.ask.lexicon import CHAT_FORMS, EVERYDAY
from bot.core.ask.phrases import ASK
from bot.core.ask.pipeline import choose
from bot.core.ask.scoped import RawIdf, ScopedNames, ScopedVocabulary
from bot.core.ask.weights import Tuning, pack_stats
from bot.core.models import Pack
from bot.core.results import AskResult

__all__ = [
    "MAX_ANSWER",
    "QUESTION_PREFIX",
    "REFUSAL",
    "KnowledgeIndex",
    "Candidate",
    "Tuning",
    "trim",
]

REFUSAL = ASK.say("ask.refusal")
COMMON_POSTINGS = 300  # a term in more documents than this only re-scores the candidates



class KnowledgeIndex:
    """Explainers and question explanations of packs, ready for `ask`. Build once, ask often."""

    def __init__(self, packs: Sequence[Pack], tuning: Tuning | None = None) -> None:
        self.tuning = tuning or Tuning()
        self.disabled: frozenset[str] = frozenset()  # checks turned off (the evaluation's ablation)
        self.trace: list[str] | None = None  # set to a list to record why candidates failed
        # One question at a time: a question sets the index's scope (the pack whose statistics,
        # names and words it is read with) that the checks read back, so questions from worker
        # threads take turns (each is ~1-3 ms of GIL-bound Python: no throughput is lost).
        self._asking = threading.RLock()
        # The packs' own words (their `glossary:`), read only while this index builds and asks.
        self.glossary = Glossary.build(entry for pack in packs for entry in pack.glossary)
        with active(self.glossary):
            self._build(packs)

    def _build(self, packs: Sequence[Pack]) -> None:
        self.docs: list[Doc] = []
        texts_of: dict[str, list[str]] = {}  # every pack's words, for reading typos
        prose_of: dict[str, list[str]] = {}  # written sentences, where capitals mark names
        for pack in packs:
            prose = prose_of.setdefault(pack.id, [])
            texts = texts_of.setdefault(pack.id, [])
            for explainer in pack.explainers:
                self.docs.append(explainer_doc(pack, explainer))
                prose += [explainer.title, explainer.short, explainer.body, explainer.quote or ""]
                texts += [
                    explainer.title,
                    explainer.short,
                    explainer.body,
                    explainer.quote or "",
                    *explainer.examples,
                    *explainer.keywords,
                ]
            for doc in article_docs(pack):
                self.docs.append(doc)
                texts.append(doc.full)
            for question in pack.questions:
                explained = explanation_of(question)
                self.docs.append(question_doc(pack, question, explained))
                prose += [question.prompt, explained, question.quote or ""]
                texts += [question.prompt, explained, question.quote or ""]
        self.vocabulary = ScopedVocabulary(
            Vocabulary([t for texts in texts_of.values() for t in texts]), texts_of,
            lambda: self.all_names)
        # Names per pack, so a symbol-sized name stays its own pack's (scoped.ScopedNames).
        spellings = {pack_id: name_spellings(prose) for pack_id, prose in prose_of.items()}
        self.names_of = {pack_id: names_of(*found) for pack_id, found in spellings.items()}
        self.all_names = names_of(set().union(*(r for r, _ in spellings.values())),
                                  set().union(*(p for _, p in spellings.values())))
        self.names = ScopedNames(self)
        # Term statistics are kept per pack: a pack is scored with its own idf, so installing
        # more packs never changes how one pack's documents score, and a question word that only
        # another pack uses counts as unknown here ("fentanyl's chemical formula" is not about the
        # chemistry pack's "chemical formula of water"): no interference between subjects.
        postings: dict[str, list[tuple[int, float]]] = {}
        # … and the same postings grouped by whose statistics weigh them, so a question's term
        # is weighed once per pack, not once per document.
        grouped: dict[str, list[tuple[str, str, list[tuple[int, float]]]]] = {}
        for position, doc in enumerate(self.docs):  # 300k (term, document) pairs at 15k entries
            key, pack_id, strength = doc.stats_key, doc.pack_id, doc.strength
            for term in doc.tf:
                entry = (position, strength[term])
                found = postings.get(term)
                if found is None:
                    postings[term] = [entry]
                    grouped[term] = [(key, pack_id, [entry])]
                    continue
                found.append(entry)
                groups = grouped[term]
                if groups[-1][0] == key:
                    groups[-1][2].append(entry)
                else:
                    groups.append((key, pack_id, [entry]))
        self.postings, self.grouped = postings, grouped
        self._unit_totals: dict[int, tuple[float, ...]] = {}  # a document's units' weights
        self.generic = generic = {canonical(word) for word in EVERYDAY} | EVERYDAY
        self.explainers = [d for d in self.docs if not (d.is_question or d.is_article)]
        self.doc_keys = [d.stats_key for d in self.docs]
        self.doc_packs = [d.pack_id for d in self.docs]
        by_pack: dict[str, list[Doc]] = {}
        for doc in self.docs:
            by_pack.setdefault(doc.stats_key, []).append(doc)
        self.stats = {pack_id: pack_stats(docs, generic) for pack_id, docs in by_pack.items()}
        self._scope = self.stats[self.docs[0].stats_key] if self.docs else pack_stats([], generic)
        self._scope_pack = self.docs[0].pack_id if self.docs else ""
        self.answers = AnswerCheck(self.vocabulary, self.tuning, self.names, RawIdf(self),
                                   self.generic, self._weight, self._unknown)
        self.details = DetailCheck(self.vocabulary, self.names)
        self.vocabulary.prepare()  # its clipped-word table: not the cost of someone's question

    @property
    def tuning(self) -> Tuning:
        return self._tuning

    @tuning.setter
    def tuning(self, value: Tuning) -> None:
        """Retuning (the evaluation's sweeps) reaches the answer check too."""
        self._tuning = value
        self._unit_totals = {}  # weighed with the old knobs
        if "answers" in self.__dict__:
            self.answers.tuning = value

    # -- scoring ---------------------------------------------------------------------------
    @property
    def idf(self) -> dict[str, float]:
        return self._scope.idf

    @property
    def raw_idf(self) -> dict[str, float]:
        return self._scope.raw_idf

    @property
    def avg_length(self) -> float:
        return self._scope.avg_length

    def scope(self, key: str) -> None:
        """Weigh terms with this pack's (or its article's) statistics: a Doc's `stats_key`."""
        self._scope = self.stats.get(key, self._scope)
        self._scope_pack = key.split("\0")[0]

    def _weight(self, term: str) -> float:
        idf = self.idf.get(term)
        if idf is not None:
            return idf + self.tuning.weight_floor
        unknown = self._unknown(term)
        own = self.stats.get(self._scope_pack), self.stats.get(f"{self._scope_pack}\0article")
        # A word only another installed pack uses is that pack's subject, unless it is two
        # letters or fewer: a symbol or a clipping ("pt", "mg"), which no subject owns.
        if unknown == self.tuning.unknown_weight and len(term) > 2 and term in self.postings \
                and not any(stats is not None and term in stats.idf for stats in own):
            return self.tuning.foreign_weight
        return unknown

    def _unknown(self, word: str) -> float:
        """A word no pack contains is a sign the question is about something else, unless it is
        everyday English that any question may carry."""
        if (
            word in self.generic
            or canonical(word) in self.generic
            or (word.isdigit() and len(word) < 3)
            or (len(word) >= 7 and word.endswith("iest"))  # a superlative: "busiest", "earliest"
        ):
            return self.tuning.common_unknown
        return self.tuning.unknown_weight

    def score(self, text: str, pack_id: str | None = None) -> tuple[list[Candidate], set[str]]:
        """Every candidate sharing a term with `text`, best first, and the query's terms."""
        with self._asking, active(self.glossary):
            return self._score(text, pack_id)

    def _score(self, text: str, pack_id: str | None) -> tuple[list[Candidate], set[str]]:
        self.vocabulary.use(pack_id)  # asked of one pack: read as if it were installed alone
        terms, unknown = self.vocabulary.query_terms(text)
        said = self.vocabulary.query_surface(text)
        focus = {
            t
            for w in count_focus(text)
            if (t := canonical(self.vocabulary.repair(w) or w)) and t not in self.generic
        }
        query = set(terms)
        meta_question = bool(query & META_QUESTION) or any(
            w.startswith("claim") for w in said.split()
        )  # "claim" is a stopword
        # Stage 1a: the shared weight of every document with a query term, from the postings
        # alone, each pack's terms weighed by that pack; only the best `shortlist` documents go
        # on to the per-document work below.
        # A term found in very many documents ("capital" over a trivia list) only adds to the
        # documents the rarer terms found; it does not make thousands of new candidates.
        per_pack: dict[str, tuple[dict[str, float], float]] = {}
        extra = sum(self._unknown(w) for w in set(unknown))

        def weighed(key: str) -> tuple[dict[str, float], float]:
            if key not in per_pack:
                self.scope(key)
                weights = {t: self._weight(t) for t in query}
                per_pack[key] = weights, sum(weights.values()) + extra
            return per_pack[key]

        keys, docs, postings_of = self.doc_keys, self.docs, self.postings.get
        shared_of: dict[int, float] = {}
        shared = shared_of.get  # the loops below are most of a question's time: names bound
        for t in sorted(query, key=lambda t: len(postings_of(t, ()))):
            postings = postings_of(t, ())
            if shared_of and len(postings) > max(COMMON_POSTINGS, 2 * len(shared_of)):
                weight_in: dict[str, float] = {}  # this term's weight by pack, as weighed() has it
                for i in shared_of:
                    if (strength := docs[i].strength.get(t)) is not None:
                        key = keys[i]
                        if (weight := weight_in.get(key)) is None:
                            weight = weight_in[key] = weighed(key)[0][t]
                        shared_of[i] += weight * strength
                continue
            for key, owner, members in self.grouped.get(t, ()):
                if pack_id is not None and owner != pack_id:
                    continue
                weight = weighed(key)[0][t]
                for i, strength in members:
                    shared_of[i] = shared(i, 0.0) + weight * strength
        ranked = heapq.nsmallest(  # = sorted(…)[:shortlist], without sorting every candidate
            self.tuning.shortlist, shared_of,
            key=lambda i: (-shared_of[i] / (per_pack[keys[i]][1] or 1.0), i))
        found: list[Candidate] = []
        bm25s: dict[int, float] = {}
        for i in ranked:
            doc = self.docs[i]
            self.scope(doc.stats_key)
            bm25s[i] = self._bm25(doc, query)
        top_bm25 = max(bm25s.values(), default=0.0) or 1.0
        for i, bm25 in bm25s.items():
            doc = self.docs[i]
            self.scope(doc.stats_key)
            weights, total = per_pack[doc.stats_key]
            shared = shared_of[i]
            coverage = shared / total if total else 0.0
            tune = self.tuning
            totals = self._unit_totals.get(i)
            if totals is None:  # a unit's terms are its document's, so its pack knows them all
                idf, floor = self.idf, tune.weight_floor
                totals = self._unit_totals[i] = tuple(
                    sum(idf[t] if t in idf else self._weight(t) - floor for t in u)
                    + floor * len(u) for _, u in doc.units)
            unit = max(
                (strength * self._unit(query, weights, u, total, whole)
                 for (strength, u), whole in zip(doc.units, totals, strict=True)),
                default=0.0,
            )
            phrase = max((fuzz.token_sort_ratio(said, p) for p in doc.phrases), default=0.0) / 100
            value = (
                tune.w_coverage * coverage
                + tune.w_unit * unit
                + tune.w_bm25 * bm25 / top_bm25
                + tune.w_phrase * phrase
            )
            if doc.is_question:
                value *= tune.question_penalty
            elif doc.is_article:
                value *= tune.article_penalty
            if shared < tune.min_mass:
                value *= shared / tune.min_mass
            if focus and max(doc.strength.get(t, 0.0) for t in focus) < 0.75:
                value *= tune.focus_penalty  # it does not count what was asked about
            if doc.meta and not meta_question:
                value *= tune.meta_penalty  # "weaken the cartels" is not "weaken the argument"
            if all(t in self.generic for t in query if t in doc.tf):
                value *= 0.5  # only everyday words in common: "what time is it"
            found.append(Candidate(doc, value, coverage, unit, bm25 / top_bm25))
        found.sort(key=lambda s: -s.score)
        return found, query

    def _bm25(self, doc: Doc, query: set[str]) -> float:
        k1, b = self.tuning.k1, self.tuning.b
        norm = k1 * (1 - b + b * doc.length / self.avg_length)
        return sum(
            self.idf[t] * doc.tf[t] * (k1 + 1) / (doc.tf[t] + norm) for t in query if t in doc.tf
        )

    @staticmethod
    def _unit(query: set[str], weights: dict[str, float], unit: frozenset[str], total: float,
              whole: float) -> float:
        """Weighted overlap of the question with one short text; extra words cost a little.
        `whole` is the weight of all the unit's terms, so the extra weight is what is left."""
        shared = sum(weights[t] for t in query & unit)
        if not shared:
            return 0.0
        return shared / (total + 0.25 * max(0.0, whole - shared))

    # -- answering -------------------------------------------------------------------------
    def kind(self, text: str) -> Kind | None:
        """What kind of answer `text` asks for, read after typo repair."""
        with active(self.glossary):
            return expected_kind([CHAT_FORMS.get(w, w) for w in self.vocabulary.fixed(text)])

    def ask(self, text: str, pack_id: str | None = None) -> AskResult:
        """The best explainer for `text`, or a refusal with up to three related topics."""
        with self._asking, active(self.glossary):
            return self._ask(text or "", pack_id)

    def _ask(self, text: str, pack_id: str | None) -> AskResult:
        found, query = self._score(text, pack_id)
        best = found[0] if found else None
        kind = self.kind(text) if best else None
        accepted = choose(self, found, query, text, kind, self.disabled, self.trace)
        if accepted is not None:
            scored, doc = accepted.candidate, accepted.candidate.doc
            return AskResult(
                matched=True,
                answer=accepted.answer,
                explainer=doc.key,
                title=doc.title,
                confidence=min(1.0, scored.score),
                quote=doc.quote,
                source=doc.source,
                pack_id=doc.pack_id,
            )
        return AskResult(
            matched=False,
            answer=REFUSAL,
            explainer=None,
            title=None,
            confidence=min(1.0, best.score) if best else 0.0,
            suggestions=self._suggestions(found, pack_id),
        )

    def clear_lead(self, found: list[Candidate], scored: Candidate, text: str) -> bool:
        """A near miss that still clearly leads the field, with no word the packs never use."""
        tune = self.tuning
        if scored.score < tune.lead_threshold or scored.coverage < tune.lead_coverage:
            return False
        runner = next((s.score for s in found if s.doc.key != scored.doc.key), 0.0)
        if scored.score - runner < tune.lead_margin:
            return False
        _, unknown = self.vocabulary.query_terms(text)
        return all(self._unknown(w) <= tune.common_unknown for w in unknown)

    def _suggestions(self, found: list[Candidate], pack_id: str | None) -> tuple[str, ...]:
        """Closest explainer titles; with no candidate at all, the first topics on offer."""
        titles: list[str] = []
        ranked = [s.doc for s in found if not (s.doc.is_question or s.doc.is_article)]
        ranked += [d for d in self.explainers if pack_id is None or d.pack_id == pack_id]
        for doc in ranked:
            if doc.title not in titles:
                titles.append(doc.title)
            if len(titles) == 3:
                break
        return tuple(titles)
