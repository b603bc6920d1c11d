"""The answering pipeline: retrieved candidates → answerability checks → one answer or none.

Stage 1 (index.KnowledgeIndex.score) ranks every document sharing a term with the question.
Stage 2 runs these named checks, in order, on the best candidates; the first candidate that
passes all of them is the answer. Each check is one unit under checks/ with its own tests, and
`python -m bot.core.ask.evaluate` scores the pipeline with each one turned off (the ablation):

- `names`   (checks/statement.py) the candidate names whom/what the question names;
- `details` (checks/detail.py)    every asked number, speaker, action or list is in it;
- `kind`    (checks/kinds.py)     a how-many/when/who/where question has a sentence holding that
                                  kind of answer and the question's words (its predicate too);
- `heads`   (checks/heads.py)     an asked attribute (a price, pay, a founding, staff, a
                                  closing, funding, a rate) is stated in the passage;
- `now`     (checks/now.py)       a question about the present has a passage about the present.

The score threshold is not a check: it is the retrieval stage's own bar, kept on in the ablation.
When the best candidates fail, the pack's article sentences (`source: text:`) get one more look,
so a question no explainer answers is answered with the article's own sentence, quoted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.core.ask.analyzer import analyze, words
from bot.core.ask.checks.heads import heads_ok
from bot.core.ask.checks.kinds import Kind, asks_duration, expected_kind, states_duration
from bot.core.ask.checks.now import now_ok
from bot.core.ask.documents import MAX_ANSWER, Candidate, Doc, trim

if TYPE_CHECKING:
    from bot.core.ask.index import KnowledgeIndex

CHECKS = ("names", "details", "kind", "heads", "now")
ARTICLE_DEPTH = 2  # article sentences tried after the candidates fail


@dataclass(frozen=True)
class Accepted:
    candidate: Candidate
    answer: str


def choose(index: KnowledgeIndex, found: list[Candidate], query: set[str], text: str,
           kind: Kind | None, off: frozenset[str] = frozenset(),
           trace: list[str] | None = None) -> Accepted | None:
    """The first candidate that every check (except those in `off`) accepts, or None."""
    tune = index.tuning
    # The article's sentences are the last resort: explainers and questions are ranked (and their
    # leads measured) among themselves; a sentence is tried only when none of them passes.
    main = [c for c in found if not c.doc.is_article]
    sentences = [c for c in found if c.doc.is_article]
    tried = [(main, c) for c in main[: tune.evidence_depth]]
    tried += [(sentences, c) for c in sentences[:ARTICLE_DEPTH]]
    for field, scored in tried:
        index.scope(scored.doc.stats_key)
        reason, answer = _verdict(index, field, scored, query, text, kind, off)
        if trace is not None:
            trace.append(f"{scored.doc.key} {scored.score:.2f}: {reason or 'accepted'}")
        if reason is None:
            return Accepted(scored, answer)
    return None


def _verdict(index: KnowledgeIndex, found: list[Candidate], scored: Candidate, query: set[str],
             text: str, kind: Kind | None, off: frozenset[str]) -> tuple[str | None, str]:
    """(the name of the first failed check, or None) and the answer text built on the way."""
    tune = index.tuning
    doc, answer = scored.doc, scored.doc.answer
    if "names" not in off and index.answers.unnamed(doc, query, text) >= tune.unnamed:
        return "names", answer  # it never names whom the question is about
    if "details" not in off and not index.details.detail_ok(doc, text):
        return "details", answer  # another year, someone's words, an action it never reports
    if doc.is_article:  # one sentence: its own bar, calibrated on article-only packs
        clears = scored.score >= tune.article_threshold and \
            scored.coverage >= tune.article_coverage
    else:
        clears = scored.score >= tune.threshold and scored.coverage >= tune.min_coverage
    typed = kind is not None and "kind" not in off
    if not typed and not clears:
        clears = index.clear_lead(found, scored, text)
    if not typed and not clears:
        return "threshold", answer
    if typed:
        assert kind is not None
        bar = tune.evidence
        if clears and kind in tune.lead_kinds and leads(
                found, scored, tune.lead_evidence_margin):
            bar = tune.lead_evidence  # the clear winner: its sentence may hold less
        share, sentence, predicate = index.answers.evidence(doc, kind, text, bar)
        if (share < bar or predicate < tune.predicate) and not _graded(
                index, scored, query, text, kind) and not (clears and _entry_of(scored, kind)):
            return "kind", answer  # nothing here says how many / when / who / where about it
        if not clears and not (share >= tune.strong_evidence
                               and scored.score >= tune.strong_threshold
                               and scored.coverage >= tune.strong_coverage):
            return "threshold", answer
        if sentence and " ".join(sentence.split()) not in answer:
            answer = trim(f"{sentence} {answer}")
    elif not doc.is_article:
        answer = with_sentence(index, doc, query, answer)
    if "heads" not in off and not heads_ok(text, set(doc.tf), answer):
        return "heads", answer  # the attribute asked for (its cost, founding…) is never stated
    if "now" not in off and not now_ok(text, answer):
        return "now", answer  # the present asked, only the past on record
    if kind is Kind.PERSON:
        answer = with_name(doc.title, answer, doc.is_question or doc.is_article)
    return None, answer


_WHO_TITLE = re.compile(r"^\s*(?:who|what) (?:is|was|are|were) (?P<name>.+?)\s*\??\s*$", re.I)


_TITLES = frozenset({"dr", "mr", "mrs", "ms", "prof", "sir", "the", "chef", "councillor",
                     "mayor", "president", "professor", "saint", "st"})


def with_name(title: str, answer: str, skip: bool = False) -> str:
    """A who-question's answer led by the name its explainer's title gives, when the answer
    leans on that title ("Who is Dr. Harlan Pryce?" → "An urban forester at …")."""
    match = None if skip else _WHO_TITLE.match(title)
    if match is None:
        return answer
    name = match.group("name")
    named = [w for w in re.findall(r"[A-Z][\w'-]+", name) if w.lower() not in _TITLES]
    said = answer.lower()
    return trim(f"{name}: {answer}") if named and not any(w.lower() in said for w in named) \
        else answer


def _graded(index: KnowledgeIndex, scored: Candidate, query: set[str], text: str,
            kind: Kind) -> bool:
    """The kind check as a graded signal: a candidate the retrieval stage ranks well is answered
    with a weaker answering sentence, provided it names everything the question names and its
    sentence holds part of what is asked besides those names (so names alone never suffice).
    Only for the kinds whose detector is exact (an amount, a population, a calendar date, and a
    "how long" answered by a span: a number beside what is counted, a year, "two days"); a
    person or a place is any capitalised word, too weak a sign to lower the bar for."""
    tune = index.tuning
    duration = kind is Kind.TIME and asks_duration(text)
    if (kind not in tune.graded_kinds and not duration) or scored.score < tune.graded_score or \
            index.answers.unnamed(scored.doc, query, text):
        return False
    share, sentence, predicate = index.answers.evidence(scored.doc, kind, text,
                                                        tune.graded_share)
    if duration and not (sentence and states_duration(sentence)):
        return False  # "how long": a span ("two days", "15 to 20 years"), not any date
    return share >= tune.graded_share and predicate >= tune.graded_predicate


def _entry_of(scored: Candidate, kind: Kind) -> bool:
    """The entry itself says what kind of answer it is: an explainer titled "Who is Dr. Pryce?"
    or a quiz question asking "When did the canal open?" answers that kind of question as a
    whole, though no single sentence of it holds the detector's sign beside the asked words."""
    doc = scored.doc
    return not doc.is_article and bool(doc.spec.about) and expected_kind(
        words(doc.spec.about)) is kind


def leads(found: list[Candidate], scored: Candidate, margin: float) -> bool:
    """`scored` is ahead of the best other document by `margin` at least."""
    runner = next((s.score for s in found if s.doc.key != scored.doc.key), 0.0)
    return scored.score - runner >= margin


def with_sentence(index: KnowledgeIndex, doc: Doc, query: set[str], answer: str) -> str:
    """The answer led by the document's sentence that holds more of the question than its
    short answer does: "were the results good or bad" is answered by "catastrophic" in the
    body, not by the short's summary."""
    weights = {t: index._weight(t) for t in query if t not in index.generic}
    total = sum(weights.values())
    if not total:
        return answer

    def share(terms: set[str]) -> float:
        return sum(w for t, w in weights.items() if t in terms) / total

    best, said = share(set(analyze(answer))) + index.tuning.sentence_margin, None
    for sentence, terms in doc.passages:
        if sentence in answer:
            continue
        found = share(terms)
        if found > best:
            best, said = found, sentence
    if not said:
        return answer
    # A long sentence goes after the short, so it cannot push all of the short out.
    return trim(f"{said} {answer}" if len(said) <= MAX_ANSWER * 3 // 4 else f"{answer} {said}")
