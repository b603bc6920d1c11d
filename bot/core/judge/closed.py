"""Judging the closed question types: true/false, multiple choice, ordering.

Closed questions still arrive as free text (a Discord message, a terminal line, a button's letter),
so each judge first reads *which* option the learner means — a letter, a 1-based number, or the
option's text judged by the text rules — and only then compares. A response that names several
options is refused rather than scored, so listing every letter never wins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz.distance import OSA

from bot.core.errors import InvalidInput
from bot.core.judge.decide import judge_words
from bot.core.judge.lexicon import NEGATIONS, STOPWORDS
from bot.core.judge.names import negated
from bot.core.judge.phrases import say
from bot.core.judge.words_align import (
    LIST_REASON,
    NEGATED_REASON,
    Response,
    match_answer,
    parse_answer,
    typo_budget,
)
from bot.core.models import Verdict, letter
from bot.core.text.normalize import as_text, fold, normalize, refusal

TRUE_WORDS = frozenset({"true", "t", "yes", "y", "yeah", "yep", "yup", "correct", "right",
                        "verdadero", "cierto", "si"})
FALSE_WORDS = frozenset({"false", "f", "no", "n", "nope", "nah", "wrong", "incorrect", "falso"})
_LONG_TRUTH_WORDS = tuple(w for w in sorted(TRUE_WORDS | FALSE_WORDS) if len(w) >= 5)
_TF_NOISE = frozenset({"statement", "definitely", "absolutely", "totally", "completely", "quite",
                       "sure", "so", "very", "be", "would", "say", "that"})
_LABELS = frozenset({"option", "choice", "letter", "answer", "number", "no", "nr", "num", "or",
                     "and", "either", "nor", "maybe", "is", "its", "the"})
_ORDER_NOISE = frozenset({"then", "and", "next", "finally", "first", "last", "followed", "by",
                          "after", "that", "order", "is", "the", "answer", "option", "options",
                          "letters", "letter", "to", "from", "its"})
_LABEL_MARK = re.compile(r"^\W*(?:(?:option|choice|letter|answer)\s*)?[(\[]?\s*[a-z0-9]{1,2}"
                         r"\s*[)\].:\-]")
_ORDER_SPLIT = re.compile(r"[,;>\n/|\u2192\u21d2]+|\bthen\b|-+>")


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
             "tenth")
_CARDINALS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_SPELLED = {w: i for words in (_ORDINALS, _CARDINALS) for i, w in enumerate(words)}
_ORDINAL_DIGITS = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")


def _label_index(token: str) -> int | None:
    """'b' → 1; '2', '2nd', 'two', 'second' → 1 (counting from 1); None for anything else."""
    if len(token) == 1 and "a" <= token <= "z":
        return ord(token) - ord("a")
    if (digits := _ORDINAL_DIGITS.fullmatch(token)) is not None:
        return int(digits.group(1)) - 1
    return _SPELLED.get(token)


def ask_again(reason: str) -> Verdict:
    """A refusal of form (see Verdict.form_error): the learner is asked again, not marked wrong."""
    return Verdict(False, reason, form_error=True)


def _no_such_option(token: str, count: int) -> str:
    if len(token) == 1 and token.isalpha():
        return say("judge.no_such_letter", given=token.upper(), last=letter(count - 1))
    index = _label_index(token)
    shown = token if index is None else str(index + 1)
    return say("judge.no_such_number", given=shown, count=count)


# --- true / false -------------------------------------------------------------------------------

def _truth(word: str) -> bool | None:
    """True/False for a truth word, allowing the text rules' typo budget ("flase", "corect")."""
    if word in TRUE_WORDS or word in FALSE_WORDS:
        return word in TRUE_WORDS
    if len(word) < 5:
        return None
    near = [(int(OSA.distance(word, w)), w in TRUE_WORDS) for w in _LONG_TRUTH_WORDS
            if OSA.distance(word, w) <= typo_budget(w)]
    near.sort()
    if not near or len(near) > 1 and near[0][0] == near[1][0] and near[0][1] != near[1][1]:
        return None
    return near[0][1]


def judge_truefalse(response: str, truth: bool) -> Verdict:
    """true/false/yes/no/t/f/y/n in any case, with fillers ("it's true") and negation ("not true").
    """
    if (reason := refusal(response)) is not None:
        return ask_again(reason)
    resp = Response.of(as_text(response))
    said: list[tuple[bool, bool]] = []  # (value, said inside a filler zone like "…, right?")
    negate = False
    extras = 0
    for j, token in enumerate(resp.words):
        word = token.text
        value = _truth(word)
        if value is not None:
            said.append((value != negate, j in resp.free))
            negate = False
        elif j in resp.free:  # "…, not sure", "I think …"
            continue
        elif word in NEGATIONS:
            negate = not negate
        elif word not in STOPWORDS and word not in _TF_NOISE:
            extras += 1
            negate = False
    if negate:  # "definitely not", "no it isn't": a bare negation at the end
        said.append((False, False))
    values = {v for v, in_filler in said if not in_filler} or {v for v, _ in said}
    if not values:
        return ask_again(say("judge.truefalse_needed"))
    if len(values) > 1:
        return Verdict(False, say("judge.both_truths"))
    if extras > 2:
        return ask_again(say("judge.just_truefalse"))
    value = values.pop()
    if value == bool(truth):
        return Verdict(True, say("judge.correct"), "True" if value else "False")
    return Verdict(False, say("judge.not_quite"))


# --- multiple choice ----------------------------------------------------------------------------

def _check_choices(choices: Sequence[str]) -> None:
    if not choices or len(choices) > 26:
        raise InvalidInput(say("judge.choice_count"))


def judge_choice(response: str, choices: Sequence[str], correct_index: int) -> Verdict:
    """A letter ("b", "B)", "(b)", "option b"), a 1-based number ("2") or the option's text."""
    _check_choices(choices)
    if not 0 <= correct_index < len(choices):
        raise InvalidInput(say("judge.bad_index", index=correct_index))
    if (reason := refusal(response)) is not None:
        return ask_again(reason)
    response = as_text(response)
    resp = Response.of(response, articles=False)
    core = [t.text for j, t in enumerate(resp.words) if j not in resp.free]
    if not core:
        core = [t.text for t in resp.words]
    plain = " ".join(core)
    exact = [k for k, c in enumerate(choices) if normalize(c) in {plain, normalize(response)}]
    if exact:
        return _chosen(exact[0], choices, correct_index)
    labels = [w for w in core if w not in _LABELS]
    if any(w in _ORDINALS for w in labels):  # "the second one"
        labels = [w for w in labels if w != "one"]
    if labels and all(_label_index(w) is not None for w in labels):
        if len({_label_index(w) for w in labels}) > 1:
            return Verdict(False, LIST_REASON)
        return _chosen_label(labels[0], choices, correct_index)
    if labels and _label_index(labels[0]) is not None and _LABEL_MARK.match(fold(response)):
        return _labelled(labels[0], resp, choices, correct_index)
    return _by_text(resp, choices, correct_index)


def _chosen(index: int, choices: Sequence[str], correct_index: int,
            reason: str | None = None) -> Verdict:
    if index == correct_index:
        return Verdict(True, reason or say("judge.correct"), choices[index])
    return Verdict(False, say("judge.that_is_option", letter=letter(index)))


def _chosen_label(token: str, choices: Sequence[str], correct_index: int) -> Verdict:
    index = _label_index(token)
    if index is None or not 0 <= index < len(choices):
        return ask_again(_no_such_option(token, len(choices)))
    return Verdict(True, say("judge.correct"), choices[index]) if index == correct_index \
        else Verdict(False, say("judge.not_quite"))


def named_options(resp: Response, choices: Sequence[str],
                  part: Sequence[int] | None = None) -> list[int]:
    """The options a response names by text: full matches, else the one option it partly names.

    The learner sees the options, so "Calderón" picks "Felipe Calderón" when no other option
    shares that word; "Sinaloa" naming two options is ambiguous and picks both.
    """
    answers = [parse_answer(c) for c in choices]
    matches = [match_answer(a, resp, part) for a in answers]
    full = [k for k, m in enumerate(matches) if m.ok and not negated(resp, m.consumed)]
    if full:
        top = max(matches[k].rank() for k in full)
        return [k for k in full if matches[k].rank() == top]
    partial = [k for k, m in enumerate(matches) if m.matched_required and m.extras == 0]
    if any(negated(resp, matches[k].consumed) for k in partial):
        return []
    # Words other options also use ("cartel" in three cartels) pick none of them alone.
    sharing = {o for k in partial for o, m in enumerate(matches)
               if o != k and m.consumed & matches[k].consumed}
    return sorted(set(partial) | sharing)


def _labelled(token: str, resp: Response, choices: Sequence[str], correct_index: int) -> Verdict:
    """ "B) Fox": the letter decides, unless the text clearly names another option."""
    index = _label_index(token)
    if index is None or not 0 <= index < len(choices):
        return ask_again(_no_such_option(token, len(choices)))
    first = next(j for j, t in enumerate(resp.words) if t.text == token)
    rest = [j for j in range(len(resp.words)) if j != first]
    named = named_options(resp, choices, rest)
    if len(named) == 1 and index not in named:
        return Verdict(False, say("judge.mixed"))
    return _chosen_label(token, choices, correct_index)


def _by_text(resp: Response, choices: Sequence[str], correct_index: int) -> Verdict:
    results = [judge_words(resp, [parse_answer(c)]) for c in choices]
    # "London, England" reads as a list against "Paris" but as a qualified answer against
    # "London": a response some option takes whole is not a list of guesses.
    clean = any(r.correct and not r.listed for r in results)
    if not clean and any(r.listed and not r.correct for r in results):
        return Verdict(False, LIST_REASON)
    if any(r.reason == NEGATED_REASON for r in results):
        return Verdict(False, NEGATED_REASON)
    named = named_options(resp, choices)
    if not named:
        return ask_again(say("judge.no_option"))
    if len(named) > 1:
        return ask_again(say("judge.ambiguous"))
    reason = results[named[0]].reason if results[named[0]].correct else None
    return _chosen(named[0], choices, correct_index, reason)


# --- ordering -----------------------------------------------------------------------------------

def judge_order(response: str, choices: Sequence[str], order: Sequence[str]) -> Verdict:
    """Letters in order ("C A B", "cab", "c, a, b", "C-A-B", "c > a > b") or the texts in order."""
    _check_choices(choices)
    if len(set(choices)) != len(choices) or sorted(order) != sorted(choices):
        raise InvalidInput(say("judge.bad_order"))
    if (reason := refusal(response)) is not None:
        return ask_again(reason)
    response = as_text(response)
    count = len(choices)
    tokens = _order_tokens(response, count)
    if tokens is None:
        indices = _order_by_text(response, choices)
        if indices is None:
            return ask_again(say("judge.order_letters", last=letter(count - 1)))
        tokens = [letter(i).lower() for i in indices]
    for token in tokens:
        index = _label_index(token)
        if index is None or not 0 <= index < count:
            return ask_again(_no_such_option(token, count))
    indices = [_label_index(t) for t in tokens]
    if len(indices) != count or len(set(indices)) != count:
        return ask_again(say("judge.order_once", last=letter(count - 1)))
    expected = [choices.index(item) for item in order]
    letters = " ".join(letter(i) for i in expected)
    if indices == expected:
        return Verdict(True, say("judge.correct"), letters)
    return Verdict(False, say("judge.order_wrong"))


def _order_tokens(response: str, count: int) -> list[str] | None:
    """The letters or numbers given, or None when the response is not made of them."""
    resp = Response.of(response, articles=False)
    core = [t.text for j, t in enumerate(resp.words)
            if j not in resp.free and t.text not in _ORDER_NOISE]
    if len(core) == 1 and len(core[0]) > 1:
        word = core[0]
        if word.isalpha() and all(_label_index(ch) is not None and _label_index(ch) < count
                                  for ch in word):
            return list(word)
        if word.isdigit() and count < 10 and "0" not in word:
            return list(word)
    if core and all(_label_index(w) is not None for w in core):
        return core
    return None


def _order_by_text(response: str, choices: Sequence[str]) -> list[int] | None:
    """ "Fox > Calderón > Peña Nieto": each part must name exactly one option."""
    indices = []
    for part in _ORDER_SPLIT.split(response):
        if not normalize(part):
            continue
        named = named_options(Response.of(part), choices)
        if len(named) != 1:
            return None
        indices.append(named[0])
    return indices or None
