"""The text verdict: one aligned answer, then every rule that can still make it wrong.

Order matters and is the order a teacher would give: a list of guesses first (it is never right
unless every item is), then too few or too many words, then a negated answer, a rival name, a
different named thing, and the places around the answer. See words_align (alignment), lists
(guesses and qualifiers), names (different named things) and places.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.judge.lists import bare_list, list_parts
from bot.core.judge.names import negated, other_name, rival
from bot.core.judge.phrases import say
from bot.core.judge.places import place_trouble
from bot.core.judge.words_align import (
    ELSE_REASON,
    LIST_REASON,
    NEGATED_REASON,
    PARTIAL_REASON,
    SPELLING_REASON,
    VAGUE_REASON,
    WORDY_REASON,
    WRONG_REASON,
    Answer,
    Match,
    Response,
    best_match,
    match_answer,
)


def _place_trouble(resp: Response, match: Match) -> str | None:
    """Why the places around a matched answer make it wrong (see places.place_trouble)."""
    if not match.consumed:
        return None
    trouble = place_trouble(
        [w.text for w in resp.words], match.consumed,
        [resp.is_content(j) for j in range(len(resp.words))],
        [w.text for w in match.answer.words],
        [match.answer.words[i].text for i in sorted(match.aligned)])
    return {"else": ELSE_REASON, "list": LIST_REASON}.get(trouble or "")


def _bare_names(resp: Response) -> bool:
    """A short run of words with no stopword or filler: names side by side, not a sentence."""
    return len(resp.words) <= 6 and all(resp.is_content(j) for j in range(len(resp.words)))


def success_reason(match: Match) -> str:
    if not match.typos:
        return say("judge.correct")
    pairs = tuple(say("judge.typo_pair", typed=typed, meant=meant) for typed, meant in match.typos)
    return say("judge.typo" if len(match.typos) == 1 else "judge.typos", pairs=pairs)


def failure_reason(matches: Sequence[Match]) -> str:
    """Why none of the alignments is right, without naming the answer."""
    if any(m.missing == 0 for m in matches):
        return WORDY_REASON
    best = max(matches, key=Match.rank)
    if best.near_miss:
        return SPELLING_REASON
    if best.matched_required:
        return ELSE_REASON if best.extras else PARTIAL_REASON
    if best.generic_seen:
        return say("judge.different_kind", kind=best.generic_seen[0]) if best.extras \
            else VAGUE_REASON
    return WRONG_REASON


@dataclass(frozen=True)
class TextJudgement:
    """The outcome of judging a response against answers: the winning match or why not."""

    correct: bool
    reason: str
    match: Match | None
    listed: bool = False


def judge_words(resp: Response, answers: Sequence[Answer]) -> TextJudgement:
    """Judge a tokenized response against parsed answers (shared by text and choice questions)."""
    if not resp.words:
        return TextJudgement(False, WRONG_REASON, None)
    matches = [match_answer(a, resp) for a in answers]
    best = max(matches, key=Match.rank)
    exempt = best.answer.families if best.ok else frozenset()
    parts = list_parts(resp, best.consumed if best.ok else frozenset(), exempt,
                       best.answer if best.ok else None)
    if parts is not None:
        items = [best_match(answers, resp, part) for part in parts]
        if all(item is not None and item.ok for item in items):
            return TextJudgement(True, say("judge.correct"), best if best.ok else items[0],
                                 listed=True)
        return TextJudgement(False, LIST_REASON, None, listed=True)
    if not best.ok:
        if best.missing == 0 and best.consumed and _bare_names(resp) \
                and bare_list(resp, best.consumed, best.answer):
            return TextJudgement(False, LIST_REASON, None, listed=True)  # "Bach Haydn Liszt Mozart"
        return TextJudgement(False, failure_reason(matches), best)
    if best.consumed and negated(resp, best.consumed):
        return TextJudgement(False, NEGATED_REASON, best)
    if best.consumed and bare_list(resp, best.consumed, best.answer):
        return TextJudgement(False, LIST_REASON, None, listed=True)
    if best.consumed and (rival(resp, best, answers) or other_name(resp, best, answers)):
        return TextJudgement(False, ELSE_REASON, best)
    if (reason := _place_trouble(resp, best)) is not None:
        return TextJudgement(False, reason, best, listed=reason == LIST_REASON)
    return TextJudgement(True, success_reason(best), best)
