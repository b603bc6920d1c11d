"""The select_all question type in the pack format: checked with line-numbered problems (at
least two choices, at least one right, every right one a choice, each once), and it survives
dump → load with its per-choice feedback."""

from __future__ import annotations

import pytest

from bot.core.errors import PackError
from bot.core.models import QuestionType
from bot.core.packs.dump import dump_pack
from bot.core.packs.loader import load_pack_text

HEAD = """id: numbers
title: Numbers
description: Small numbers.
source: {title: Arithmetic, author: Me, outlet: School, date: "2024"}
questions:
  - id: primes
    type: select_all
    prompt: Which of these are prime numbers?
"""
GOOD = """    choices: ["2", "3", "4", "9"]
    answers: ["3", "2"]
    explanation: 4 = 2 × 2 and 9 = 3 × 3.
"""


def load(body: str):
    return load_pack_text(HEAD + body, "numbers.yaml")


def problems(body: str) -> list[str]:
    with pytest.raises(PackError) as caught:
        load(body)
    return caught.value.problems


def test_a_select_all_question_loads_with_its_right_set_in_display_order() -> None:
    question = load(GOOD).questions[0]
    assert question.type is QuestionType.SELECT_ALL
    assert question.choices == ("2", "3", "4", "9")
    assert question.answers == ("2", "3")


def test_it_survives_dump_and_load_with_feedback() -> None:
    pack = load(GOOD + '    feedback: {"9": "9 = 3 × 3."}\n')
    assert pack.questions[0].choice_feedback == ("", "", "", "9 = 3 × 3.")
    again = load_pack_text(dump_pack(pack), "numbers.yaml")
    assert again.questions == pack.questions


def test_every_mistake_is_one_line_at_its_item() -> None:
    body = """    choices: ["2", "3", "4", "9"]
    answers:
      - "2"
      - "5"
      - "2"
    explanation: Why.
"""
    assert problems(body) == [
        "numbers.yaml:12: question 'primes' answer '5' is not one of its choices; the choices "
        "are: 2; 3; 4; 9",
        "numbers.yaml:13: question 'primes' lists the right choice '2' twice (first on line 11)",
    ]


def test_one_choice_no_right_one_and_keys_of_other_types_are_refused() -> None:
    assert problems('    choices: ["2"]\n    answers: ["2"]\n    explanation: Why.\n') == [
        "numbers.yaml:9: question 'primes' has 1 choices; give between 2 and 10"]
    assert problems('    choices: ["2", "3"]\n    answers: []\n    explanation: Why.\n') == [
        "numbers.yaml:10: question 'primes' answers is an empty list: list every right choice "
        "(at least one)"]
    found = problems('    choices: ["2", "3"]\n    answer: "2"\n    explanation: Why.\n')
    assert found == [
        "numbers.yaml:6: question 'primes' lacks the required key 'answers' (a select_all "
        "question needs choices and answers)",
        "numbers.yaml:10: 'answer' does not belong in question 'primes': a select_all question "
        "takes choices and answers"]
    found = problems(GOOD + '    also_right: ["4"]\n')
    assert found == ["numbers.yaml:12: 'also_right' belongs only in a choice question, not in "
                     "question 'primes'"]
