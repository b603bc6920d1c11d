"""Number answers are shown as the question's own texts write them (a pack about the economy and
history, not the article)."""

import pytest

from bot.core.models import Question, QuestionType


def number_question(value, explanation, prompt="How much?", quote=None):
    return Question("q", QuestionType.NUMBER, prompt, explanation, number=value, quote=quote)


@pytest.mark.parametrize("value, explanation, shown", [
    (800, "A ticket cost $800 in 1990.", "$800"),
    (24, "Unemployment fell 24 % in two years.", "24 %"),
    (24, "Turnout rose 24% that spring.", "24%"),
    (1_000_000, "The city passed 1 million people.", "1 million"),
    (4_500_000, "The bridge cost $4.5 million.", "$4.5 million"),
    (11000, "About 11,000 workers went on strike.", "11,000"),
    (11000, "The notes give no figure.", "11,000"),
])
def test_a_number_answer_keeps_its_unit_as_stated(value, explanation, shown):
    assert number_question(value, explanation).answer_text() == shown


def test_a_year_never_gets_a_thousands_separator():
    asked = number_question(1989, "The wall fell that autumn.", prompt="In which year did the "
                            "Berlin Wall fall?")
    assert asked.answer_text() == "1989"
    when = number_question(1066, "The notes on the Normans.", prompt="When was the battle?")
    assert when.answer_text() == "1066"
    count = number_question(1989, "The notes count the votes.", prompt="How many votes?")
    assert count.answer_text() == "1,989"  # a count is not a year
