"""Which responses are slips of form (asked again) and which are wrong answers (scored).

A planets pack, not the article: the rule is about the shape of an answer, not its subject.
"""

from __future__ import annotations

import pytest

from bot.core.judge.verdicts import judge
from bot.core.models import Question, QuestionType

LARGEST = Question("largest", QuestionType.CHOICE, "Largest planet?", "Notes.",
                   choices=("Saturn", "Jupiter", "Neptune", "Earth"), answer="Jupiter")
MARS = Question("mars", QuestionType.TRUEFALSE, "Mars is red from iron oxide.", "Notes.",
                truth=True)
MOONS = Question("moons", QuestionType.NUMBER, "Moons of Mars?", "Notes.", number=2)
INNER = Question("inner", QuestionType.ORDER, "Nearest the Sun first.", "Notes.",
                 choices=("Earth", "Mercury", "Mars"), order=("Mercury", "Earth", "Mars"))
MOON_NAME = Question("moon", QuestionType.TEXT, "Largest moon of Saturn?", "Notes.",
                     answers=("Titan",))


@pytest.mark.parametrize("question, response", [
    (LARGEST, "e"), (LARGEST, "5"), (LARGEST, "option f"), (LARGEST, "Pluto"),
    (LARGEST, "?!"), (MARS, "ture"), (MARS, "maybe"), (MARS, "Jupiter"), (MARS, ""),
    (MOONS, "a couple"), (MOONS, "no idea"),
    (INNER, "b a"), (INNER, "b a c a"), (INNER, "b a d"), (INNER, "x y z"),
    (MOON_NAME, "   "), (MOON_NAME, "?!?"),
])
def test_a_response_not_in_the_form_is_flagged_to_be_asked_again(question, response):
    verdict = judge(question, response)
    assert not verdict.correct and verdict.form_error, verdict


@pytest.mark.parametrize("question, response", [
    (LARGEST, "a"), (LARGEST, "Saturn"), (LARGEST, "4"), (MARS, "false"), (MARS, "no"),
    (MOONS, "3"), (MOONS, "one"), (INNER, "a b c"), (INNER, "c b a"), (MOON_NAME, "Rhea"),
    # A list of guesses is an answer in the form of several answers: wrong, so listing every
    # option never wins and never costs nothing.
    (LARGEST, "a b c d"), (MARS, "true or false"), (MOONS, "1 or 2"),
])
def test_a_wrong_answer_in_the_right_form_is_wrong(question, response):
    verdict = judge(question, response)
    assert not verdict.correct and not verdict.form_error, verdict


@pytest.mark.parametrize("question, response", [
    (LARGEST, "b"), (LARGEST, "jupitr"), (MARS, "true"), (MOONS, "2"), (INNER, "b a c"),
    (MOON_NAME, "titan"),
])
def test_a_right_answer_is_right_and_never_flagged(question, response):
    verdict = judge(question, response)
    assert verdict.correct and not verdict.form_error
