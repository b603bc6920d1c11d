"""Spreadsheets teachers already have: Kahoot's template saved as CSV, Quizlet's term/definition
export, and plain question/answer columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.errors import PackError
from bot.core.judge.verdicts import judge
from bot.core.models import QuestionType
from bot.core.packs.dump import dump_pack
from bot.core.packs.formats import detect_format, import_file
from bot.core.packs.loader import load_pack_text

DATA = Path(__file__).resolve().parents[2] / "data" / "formats"


def test_kahoot_template_rows_become_choice_and_true_false_questions() -> None:
    path = DATA / "kahoot-template.csv"
    result = import_file(path.read_bytes(), str(path))
    gold, gases, water = result.pack.questions
    assert gold.type is QuestionType.CHOICE and gold.choices == ("Ag", "Au", "Gd", "Go")
    assert gold.answer == "Au" and judge(gold, "b").correct
    assert gases.choices == ("Neon", "Nitrogen", "Argon") and gases.answer == "Neon"
    assert gases.also_right == ("Argon",) and judge(gases, "c").correct  # Kahoot: any correct one
    assert water.type is QuestionType.TRUEFALSE and water.truth is True
    assert result.pack.time_limit == 20
    assert result.warnings == (f"{path}:7: time limit 10 s differs from the pack's 20 s (quizbot "
                               f"has one time limit per pack)",)
    assert result.pack.source.title == "Kahoot template kahoot-template.csv"
    assert load_pack_text(dump_pack(result.pack), "again.yaml") == result.pack


def test_quizlet_export_asks_the_definition_and_accepts_the_term() -> None:
    path = DATA / "quizlet-biology.txt"
    assert detect_format(str(path), path.read_text(encoding="utf-8")) == "csv"
    result = import_file(path.read_bytes(), str(path))
    first = result.pack.questions[0]
    assert first.prompt.startswith("The process by which plants") and first.answers == (
        "photosynthesis",)
    assert len(result.pack.questions) == 3 and judge(first, "Photosynthesis").correct


def test_question_answer_columns_with_several_answers_and_explanations() -> None:
    text = ("Question,Answers,Explanation,Topic\n"
            "Largest ocean?,Pacific|Pacific Ocean,It covers a third of the Earth.,Oceans\n"
            "\"Smallest continent, by area?\",Australia,,\n")
    pack = import_file(text, "geo.csv").pack
    ocean, continent = pack.questions
    assert ocean.answers == ("Pacific", "Pacific Ocean") and ocean.topic == "Oceans"
    assert ocean.explanation == "It covers a third of the Earth."
    assert continent.prompt == "Smallest continent, by area?" and pack.topics == ("Oceans",)


def test_semicolon_separated_csv_is_sniffed() -> None:
    pack = import_file("question;answer\nCapital of Peru?;Lima\n", "peru.csv").pack
    assert pack.questions[0].answers == ("Lima",)


@pytest.mark.parametrize(("text", "name", "message"), [
    ("one\ttwo\tthree\n", "x.tsv", "x.tsv:1: expected a term and a definition (two columns), "
                                   "found 3"),
    (",Question,Answer 1,Answer 2,Correct answer(s)\n,Q?,a,b,3\n", "k.csv",
     "k.csv:2: question 'Q?' correct answer '3' is not the number of a filled answer (1, 2)"),
    (",Question,Answer 1,Answer 2,Correct answer(s)\n,Q?,a,b,\n", "k.csv",
     "k.csv:2: question 'Q?' has no correct answer number"),
    ("question,answer\nQ?,\n", "x.csv", "x.csv:2: a row needs both a question and an answer"),
])
def test_mistakes_have_their_row(text: str, name: str, message: str) -> None:
    with pytest.raises(PackError) as caught:
        import_file(text, name)
    assert any(line.startswith(message) for line in caught.value.problems), caught.value.problems


def test_a_workbook_is_refused_with_what_to_do() -> None:
    with pytest.raises(PackError, match="save it as CSV"):
        import_file(b"PK\x03\x04\xff\xfe", "quiz.xlsx")
