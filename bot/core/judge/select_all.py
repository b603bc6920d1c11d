"""Judging "select all that apply": the learner names a set of options, right only when it is
exactly the set of right options (all or nothing, so picking every option never wins).

The set may be given as letters in any order and with any separators ("a c", "a, c",
"A and C", "ac", "c/a"), as 1-based numbers when no option is itself a number ("1 3"), or as the
options' texts ("Paris, Lyon"). A letter or number that is no option, or text that names no
option, is a form mistake (Verdict.form_error): the learner is asked again, not marked wrong.
A wrong set is told which right options were missed and which picked ones are not right.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.errors import InvalidInput
from bot.core.judge.closed import _label_index, ask_again, named_options
from bot.core.judge.words_align import Response
from bot.core.models import Verdict, letter
from bot.core.text.normalize import as_text, normalize, refusal

# Words around a set of letters that say nothing about it ("options a and c", "both b and d").
_NOISE = frozenset({"and", "plus", "also", "both", "all", "option", "options", "letter",
                    "letters", "answer", "answers", "choice", "choices", "the", "is", "are",
                    "its", "it", "pick", "choose", "select", "say", "think"})
_PART_SPLIT = re.compile(r"[,;/&+|\n]+|\band\b|\bplus\b", re.IGNORECASE)
_NUMBER_TEXT = re.compile(r"[-+]?\d+(?:[.,]\d+)?")


def judge_select_all(response: str, choices: Sequence[str], right: Sequence[str]) -> Verdict:
    """Right when the options `response` names are exactly `right` (texts among `choices`)."""
    if not 2 <= len(choices) <= 26 or len(set(choices)) != len(choices):
        raise InvalidInput("A select-all question needs 2 to 26 different options.")
    if not right or any(item not in choices for item in right):
        raise InvalidInput("A select-all question needs at least one right option among its "
                           "options.")
    if (reason := refusal(response)) is not None:
        return ask_again(reason)
    picked = _read(as_text(response), choices)
    if isinstance(picked, Verdict):
        return picked
    if picked is None:
        return ask_again(f"Give the letters of every right option, e.g. A C (options A to "
                         f"{letter(len(choices) - 1)}).")
    return _compare(picked, choices, right)


def picked_options(response: str, choices: Sequence[str]) -> list[int]:
    """The options a response names, in display order ([] when it names none clearly): what
    per-option feedback and the item report show."""
    if refusal(response) is not None:
        return []
    picked = _read(as_text(response), choices)
    return sorted(picked) if isinstance(picked, set) else []


def _read(text: str, choices: Sequence[str]) -> set[int] | Verdict | None:
    picked = _whole_text(text, choices)
    if picked is None:
        picked = _by_letters(text, choices)
    return _by_text(text, choices) if picked is None else picked


def _whole_text(text: str, choices: Sequence[str]) -> set[int] | None:
    """The one option whose text is the whole response ("Canberra"), else None."""
    folded = normalize(text)
    exact = [k for k, choice in enumerate(choices) if normalize(choice) == folded]
    return {exact[0]} if exact else None


def _by_letters(text: str, choices: Sequence[str]) -> set[int] | Verdict | None:
    """Letters or numbers ("a c", "A and C", "ac", "1, 3"); None when the response is not
    made of them; a form-mistake Verdict when one names no option."""
    count = len(choices)
    numbers_are_labels = not any(_NUMBER_TEXT.fullmatch(c.strip()) for c in choices)
    resp = Response.of(text, articles=False)
    tokens = [t.text for j, t in enumerate(resp.words)
              if j not in resp.free and t.text not in _NOISE]
    if not tokens:
        return None
    if len(tokens) == 1 and len(tokens[0]) > 1 and tokens[0].isalpha():
        word = tokens[0]  # "ac": glued letters, only when every one is an option
        indices = [ord(ch) - ord("a") for ch in word]
        if all("a" <= ch <= "z" for ch in word) and all(i < count for i in indices):
            return set(indices)
        return None
    indices = []
    for token in tokens:
        index = _label_index(token)
        if index is None or (token[0].isdigit() and not numbers_are_labels):
            return None
        if not 0 <= index < count:
            what = token.upper() if token.isalpha() else token
            span = (f"letters from A to {letter(count - 1)}" if token.isalpha()
                    else f"numbers from 1 to {count}")
            return ask_again(f"There is no option {what}: pick {span}.")
        indices.append(index)
    return set(indices)


def _by_text(text: str, choices: Sequence[str]) -> set[int] | None:
    """Option texts joined by commas, "and", "/", "&" …; each part must name one option."""
    picked: set[int] = set()
    for part in _PART_SPLIT.split(text):
        if not normalize(part):
            continue
        folded = {normalize(choice): k for k, choice in enumerate(choices)}
        if normalize(part) in folded:
            picked.add(folded[normalize(part)])
            continue
        words = normalize(part).split()
        if len(words) > 1 and all(word in folded for word in words):  # "2 3": one-word options
            picked.update(folded[word] for word in words)
            continue
        if all(_NUMBER_TEXT.fullmatch(word) for word in words):
            return None  # a number that is no option's text names nothing
        named = named_options(Response.of(part), choices)
        if len(named) != 1:
            return None
        picked.add(named[0])
    return picked or None


def _compare(picked: set[int], choices: Sequence[str], right: Sequence[str]) -> Verdict:
    wanted = {choices.index(item) for item in right}
    if picked == wanted:
        return Verdict(True, "Correct.", ", ".join(letter(i) for i in sorted(wanted)))
    missed = sorted(wanted - picked)
    extra = sorted(picked - wanted)
    notes = []
    if missed:
        notes.append(f"you missed {_letters(missed)}")
    if extra:
        notes.append(f"{_letters(extra)} {'is' if len(extra) == 1 else 'are'} not right")
    return Verdict(False, f"Not quite: {'; '.join(notes)}.")


def _letters(indices: list[int]) -> str:
    """[0, 2, 3] → 'A, C and D'."""
    names = [letter(i) for i in indices]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
