"""Aiken import: lettered options and an ANSWER line → choice questions; each mistake its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.errors import PackError
from bot.core.models import Pack, QuestionType
from bot.core.packs.dump import dump_pack
from bot.core.packs.formats import import_pack
from bot.core.packs.loader import load_pack_text

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "formats" / "sample-aiken.txt"


def aiken(text: str) -> Pack:
    return import_pack(text, "quiz.txt", fmt="aiken")


def problems(text: str) -> list[str]:
    with pytest.raises(PackError) as caught:
        aiken(text)
    return caught.value.problems


def test_sample_file_is_detected_and_round_trips() -> None:
    pack = import_pack(SAMPLE.read_bytes(), str(SAMPLE))  # .txt: the content says Aiken
    assert [q.id for q in pack.questions] == ["q1", "q2", "q3"]
    assert all(q.type is QuestionType.CHOICE for q in pack.questions)
    assert [q.answer for q in pack.questions] == ["Must be this one!", "Moodle",
                                                  "The Kingpin Strategy"]
    assert pack.questions[2].prompt == ("Which strategy targets cartel leaders, according to "
                                        "the article?")
    assert pack.questions[0].explanation == "Imported from Aiken; no explanation given."
    assert load_pack_text(dump_pack(pack), "again.yaml") == pack


def test_both_option_styles_and_no_blank_lines_between_questions() -> None:
    pack = aiken("Q1?\nA. one\nB) two\nANSWER: B\nQ2?\nA) x\nB) y\nANSWER:A\n")
    assert [(q.prompt, q.choices, q.answer) for q in pack.questions] == [
        ("Q1?", ("one", "two"), "two"), ("Q2?", ("x", "y"), "x")]


@pytest.mark.parametrize(("text", "message"), [
    ("Q?\nA. one\nB. two\n", "quiz.txt:1: question 'Q?' has no ANSWER line after its options"),
    ("Q?\nA. one\nB. two\nNext?\nA. x\nB. y\nANSWER: A",
     "quiz.txt:1: question 'Q?' has no ANSWER line after its options"),
    ("Q?\nA. one\nB. two\nANSWER: C",
     "quiz.txt:4: question 'Q?' ANSWER C is not one of its options (A, B)"),
    ("Q?\nA. one\nB. two\nANSWER: A and B",
     "quiz.txt:4: question 'Q?' ANSWER should be one option letter, not 'A and B'"),
    ("Q?\nA. one\nANSWER: A", "quiz.txt:1: question 'Q?' has 1 option; a choice question "
                              "needs at least 2"),
    ("Q?\nA. one\nC. two\nANSWER: A", "quiz.txt:3: question 'Q?' option C should be B"),
    ("ANSWER: A", "quiz.txt:1: ANSWER line without lettered options"),
    ("Q?\nA. same\nB. same\nANSWER: A", "quiz.txt:1: question 'q1' lists the choice 'same' "
                                        "twice"),
    ("Just text\n", "quiz.txt:1: text with no options (A. …) and no ANSWER line after it"),
])
def test_mistakes_are_reported_at_their_line(text: str, message: str) -> None:
    assert any(line.startswith(message) for line in problems(text)), problems(text)


def test_every_question_with_a_problem_is_listed() -> None:
    lines = problems("Good?\nA. a\nB. b\nANSWER: A\n\nBad?\nA. a\nB. b\nANSWER: Z\n\n"
                     "Worse?\nA. a\nANSWER: A\n")
    assert [line.split(": ")[0] for line in lines] == ["quiz.txt:9", "quiz.txt:11"]


def test_empty_file() -> None:
    assert problems("\n\n") == [
        "quiz.txt:1: no questions found: is this file really in Aiken format?"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["A. x", "B) y", "ANSWER: A", "ANSWER: C", "Q?", "", " ",
                                 "C. z", "answer: b", "A. y"]), max_size=12).map("\n".join)
       | st.text())
def test_any_text_gives_a_pack_or_pack_error(text: str) -> None:
    try:
        pack = aiken(text)
    except PackError as err:
        assert err.problems and all(line.startswith("quiz.txt") for line in err.problems)
    else:
        assert load_pack_text(dump_pack(pack), "again.yaml") == pack


def test_lower_case_answer_lines_are_detected_as_aiken() -> None:
    from bot.core.packs.formats import detect_format, import_file
    text = "Which planet is red?\nA. Venus\nB. Mars\nanswer: b\n"
    assert detect_format("planets.txt", text) == "aiken"
    assert import_file(text, "planets.txt").pack.questions[0].answer == "Mars"
