"""The judge's one-line reasons in English (bot/i18n holds every other language's).

Keys, not the English text, are what other languages translate, so a reason can be reworded here
without silently breaking them: tests/i18n checks every key exists everywhere with the same
{placeholders}. Reasons never name the correct answer (see bot.core.judge.verdicts).
"""

from __future__ import annotations

from bot.core.text.said import Phrasebook

JUDGE = Phrasebook({
    # text answers
    "judge.correct": "Correct.",
    "judge.not_quite": "Not quite.",
    "judge.typo": "Close enough: accepted despite a typo ({pairs}).",
    "judge.typos": "Close enough: accepted despite typos ({pairs}).",
    "judge.typo_pair": "'{typed}' for '{meant}'",
    "judge.list": "Several candidates given: answer with one.",
    "judge.negated": "Not quite: a negated answer doesn't count; say what it is.",
    "judge.wordy": "Too wordy: answer in a few words.",
    "judge.spelling": "Not quite: check the spelling.",
    "judge.else": "Not quite: that names something else.",
    "judge.partial": "Incomplete: part of the answer is missing.",
    "judge.vague": "Incomplete: be more specific.",
    "judge.wrong": "Not quite: that is not an accepted answer.",
    "judge.different_kind": "Not quite: that names a different {kind}.",
    # numbers
    "judge.number_needed": "The answer is a number: give one, in digits or words.",
    "judge.several_numbers": "Several numbers given ({shown}): answer with one.",
    "judge.number_pair": "{first} and {second}",
    "judge.outside_margin": "Not quite: {given} is outside the accepted margin.",
    "judge.not_the_number": "Not quite: {given} is not the number asked for.",
    "judge.within_margin": "Close enough: {shown} is within the accepted margin (±{margin}%).",
    # true / false
    "judge.truefalse_needed": "Answer true or false (yes or no works too).",
    "judge.both_truths": "Both true and false given: answer with one.",
    "judge.just_truefalse": "Answer with just true or false.",
    # choices and order
    "judge.no_such_letter": "There is no option {given}: pick a letter from A to {last}.",
    "judge.no_such_number": "There is no option {given}: pick a number from 1 to {count}.",
    "judge.that_is_option": "Not quite: that is option {letter}.",
    "judge.mixed": "Mixed answer: the letter and the text name different options.",
    "judge.no_option": "That matches none of the options: answer with a letter.",
    "judge.ambiguous": "Ambiguous: that matches several options; answer with a letter.",
    "judge.order_letters": "Give the option letters in order, each once (A to {last}).",
    "judge.order_once": "Use each letter from A to {last} exactly once.",
    "judge.order_wrong": "Not quite: that order is wrong.",
    # select-all
    "judge.select_letters": "Give the letters of every right option, e.g. A C (options A to "
                            "{last}).",
    "judge.select_no_letter": "There is no option {given}: pick letters from A to {last}.",
    "judge.select_no_number": "There is no option {given}: pick numbers from 1 to {count}.",
    "judge.select_missed": "Not quite: you missed {missed}.",
    "judge.select_only_extra": "Not quite: {extra}.",
    "judge.select_both": "Not quite: you missed {missed}; {extra}.",
    "judge.select_extra_one": "{letters} is not right",
    "judge.select_extra": "{letters} are not right",
    "judge.letters_and": "{first} and {last}",
    "judge.select_count": "A select-all question needs 2 to 26 different options.",
    "judge.select_right": "A select-all question needs at least one right option among its "
                          "options.",
    # questions a pack got wrong (the pack's bug, shown to whoever plays it)
    "judge.no_number": "Question {question} has no number to judge against.",
    "judge.no_truth": "Question {question} has no true/false answer set.",
    "judge.answer_not_a_choice": "Question {question}: its answer is not one of its choices.",
    "judge.unknown_type": "Question {question} has an unknown type {kind}.",
    "judge.no_accepted": "A text question needs at least one accepted answer with words in it.",
    "judge.no_finite": "A number question needs a finite number to judge against.",
    "judge.bad_tolerance": "The tolerance must be a fraction of 0 or more (0.05 = ±5%).",
    "judge.choice_count": "A choice question needs between 1 and 26 options.",
    "judge.bad_index": "The correct option index {index} is out of range.",
    "judge.bad_order": "An order question needs distinct options and the same texts in order.",
})
say = JUDGE.say
