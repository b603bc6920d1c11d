"""Moodle GIFT multiple-answer questions ("select all that apply") come in as select_all, as
Moodle decides (a choice block with no '=' answer), each loss named; they go back out to GIFT
and return the same; Aiken and Red cannot hold them and say so."""

from __future__ import annotations

import pytest

from bot.core.errors import PackError
from bot.core.models import QuestionType
from bot.core.packs.formats import import_file
from bot.core.packs.formats.export import export_pack

PRIMES = "::primes:: Which are primes? {~%50%2 ~%50%3 ~%-100%4 ~%-100%9}\n"


def test_weights_make_a_select_all_question_with_the_positive_options_right() -> None:
    result = import_file(PRIMES, "maths.gift")
    question = result.pack.questions[0]
    assert question.type is QuestionType.SELECT_ALL
    assert question.choices == ("2", "3", "4", "9") and question.answers == ("2", "3")
    assert result.warnings == (
        "maths.gift:1: question 'primes' is a multiple-answer question (no '=' answer): kept as "
        "select_all, right only when exactly its 2 options with a positive weight are picked "
        "(Moodle gives partial credit by weight)",)


def test_per_option_feedback_is_kept_and_an_odd_total_is_named() -> None:
    text = ("::gases:: Which are noble gases? {~%40%Neon#Yes, group 18. ~%40%Argon "
            "~%-50%Oxygen#Oxygen forms compounds readily. ####Group 18 of the table.}\n")
    result = import_file(text, "chem.gift")
    question = result.pack.questions[0]
    assert question.answers == ("Neon", "Argon")
    assert question.choice_feedback == ("Yes, group 18.", "", "Oxygen forms compounds readily.")
    assert question.explanation.startswith("Group 18 of the table.")
    assert "weights add up to 80 %, not the 100 % Moodle expects" in result.warnings[0]


def test_a_block_with_an_equals_answer_stays_a_single_choice() -> None:
    result = import_file("Largest planet?{=Jupiter ~%50%Saturn ~Mars}", "sky.gift")
    assert result.pack.questions[0].type is QuestionType.CHOICE


def test_a_block_with_no_right_option_at_all_is_still_a_mistake() -> None:
    with pytest.raises(PackError, match="has no right answer"):
        import_file("Pick.{~%-50%a ~b}", "quiz.gift")


def test_gift_round_trip_of_select_all() -> None:
    text = PRIMES + ("\n::gases:: Which are noble gases? {~%33.33333%Neon#Group 18. "
                     "~%33.33333%Argon ~%33.33333%Helium ~%-100%Oxygen ####All of group 18.}\n")
    first = import_file(text, "maths.gift").pack
    exported = export_pack(first, "gift")
    assert "~%50%2" in exported.text and "~%-100%4" in exported.text
    assert any("partial credit" in line for line in exported.warnings)
    second = import_file(exported.text, "maths.gift", fmt="gift")
    assert second.pack.questions == first.questions
    assert not any("add up to" in line for line in second.warnings)  # 3 × 33.33333 is 100


def test_aiken_and_red_skip_it_with_a_loss_line() -> None:
    pack = import_file(PRIMES + "\nFine?{=yes ~no}\n", "maths.gift").pack
    aiken = export_pack(pack, "aiken")
    assert aiken.exported == 1
    assert aiken.warnings[0] == ("Aiken: select-all questions are skipped (Aiken has one answer "
                                 "per question) (1 question)")
    red = export_pack(pack, "red")
    assert red.exported == 1
    assert ("Red: select-all questions are skipped (Red accepts one answer, not a set) "
            "(1 question)") in red.warnings
