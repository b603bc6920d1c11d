"""Number questions with a unit and a scale accept every way people write an amount."""

from __future__ import annotations

import pytest

from bot.core.errors import PackError
from bot.core.judge.verdicts import judge
from bot.core.models import Question, QuestionType, amount_text
from bot.core.packs.dump import dump_pack
from bot.core.packs.faithful_keys import amount_suggestion, amount_suggestions
from bot.core.packs.loader import load_pack_text

HEAD = """id: budgets
title: Budgets
description: Museum budgets.
source: {title: Annual report, author: Board, outlet: Museum, date: "2024"}
questions:
  - id: budget
    type: number
    prompt: What was the museum's budget?
    explanation: The annual report gives it.
"""


def budget(**fields: object) -> Question:
    return Question(id="b", type=QuestionType.NUMBER, prompt="Budget?", explanation="E.",
                    **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("response", ["$410 million", "410 million", "410,000,000", "410m",
                                      "0.41 billion", "410", "$410", "410 million dollars"])
def test_every_way_of_writing_the_amount_is_right(response: str) -> None:
    assert judge(budget(number=410, unit="$", scale="million"), response).correct


@pytest.mark.parametrize("response", ["410 thousand", "$410 billion", "41 million", "4.1"])
def test_another_amount_or_scale_is_wrong(response: str) -> None:
    assert not judge(budget(number=410, unit="$", scale="million"), response).correct


def test_tolerance_applies_in_the_stated_scale() -> None:
    question = budget(number=18.4, unit="$", scale="million", tolerance=0.05)
    assert judge(question, "about 18 million").correct and judge(question, "18").correct
    assert not judge(question, "17 million").correct


def test_percent_unit_and_the_reveal_text() -> None:
    assert judge(budget(number=8.5, unit="%"), "8.5 percent").correct
    assert amount_text(410, "$", "million") == "$410 million"
    assert amount_text(8.5, "%", None) == "8.5%" and amount_text(12, "km", None) == "12 km"
    assert budget(number=3, unit="€", scale="billion").answer_text() == "€3 billion"


def test_unit_and_scale_load_dump_and_are_checked() -> None:
    pack = load_pack_text(HEAD + '    answer: 410\n    unit: "$"\n    scale: million\n', "b.yaml")
    question = pack.questions[0]
    assert (question.number, question.unit, question.scale) == (410.0, "$", "million")
    assert load_pack_text(dump_pack(pack), "again.yaml") == pack
    with pytest.raises(PackError, match="scale 'milion' is not a scale; did you mean 'million'"):
        load_pack_text(HEAD + "    answer: 410\n    scale: milion\n", "b.yaml")
    with pytest.raises(PackError, match="'unit' belongs only in a number question"):
        load_pack_text(HEAD.replace("type: number", "type: text") +
                       "    answers: [x]\n    unit: km\n", "b.yaml")


def test_an_amount_written_as_text_gets_the_keys_suggested() -> None:
    with pytest.raises(PackError) as caught:
        load_pack_text(HEAD + '    answer: "$410 million"\n', "b.yaml")
    assert any("answer '$410 million' is an amount: write it as answer: 410, unit: \"$\", "
               "scale: million" in line for line in caught.value.problems)
    assert amount_suggestion("8.5%") == 'answer: 8.5, unit: "%"'
    assert amount_suggestion("US$18.4m") == 'answer: 18.4, unit: "US$", scale: million'
    assert amount_suggestion("1998") is None and amount_suggestion("Vicente Fox") is None
    pack = load_pack_text(HEAD.replace("type: number", "type: text") +
                          '    answers: ["$410 million"]\n', "b.yaml")
    assert amount_suggestions(pack) == [
        "question 'budget' answer '$410 million' is an amount: as type: number with answer: 410, "
        "unit: \"$\", scale: million, every way of writing it is right"]
