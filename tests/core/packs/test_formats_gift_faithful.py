"""GIFT imports keep what the source says: full-credit answers beside partial ones (warned),
several right choices, categories as topics, per-choice feedback, HTML as readable text."""

from __future__ import annotations

from bot.core.judge.verdicts import judge
from bot.core.models import QuestionType
from bot.core.packs.dump import dump_pack
from bot.core.packs.formats import import_file
from bot.core.packs.formats.gift import category_topic
from bot.core.packs.formats.html_text import html_to_text
from bot.core.packs.loader import load_pack_text
from bot.core.play.feedback import with_choice_feedback


def imported(text: str):  # type: ignore[no-untyped-def]
    result = import_file(text, "quiz.gift", fmt="gift")
    assert load_pack_text(dump_pack(result.pack), "again.yaml") == result.pack  # round trip
    return result


def test_partial_credit_choice_keeps_the_full_credit_answer_with_a_warning() -> None:
    result = imported("Fine?{T}\n\nLargest planet?{=Jupiter ~%50%Saturn ~Mars}")
    question = result.pack.questions[1]
    assert question.answer == "Jupiter" and question.choices == ("Jupiter", "Saturn", "Mars")
    assert result.warnings == ("quiz.gift:3: question 2 gives 'Saturn' partial credit (50 %), "
                               "which quizbot does not have; it counts as a wrong choice",)
    assert not judge(question, "Saturn").correct


def test_partial_credit_short_answer_drops_only_the_partial_one() -> None:
    result = imported("Who wrote Hamlet?{=Shakespeare =William Shakespeare =%25%Marlowe}")
    assert result.pack.questions[0].answers == ("Shakespeare", "William Shakespeare")
    assert result.warnings == ("quiz.gift:1: question 1 gives 'Marlowe' partial credit (25 %), "
                               "which quizbot does not have; that answer is not accepted",)


def test_partial_credit_number_is_dropped_and_the_exact_one_kept() -> None:
    result = imported("Battle of Hastings?{#=1066:0 =%50%1066:2}")
    question = result.pack.questions[0]
    assert (question.number, question.tolerance) == (1066.0, 0.0)
    assert len(result.warnings) == 1 and "'1066:2' partial credit (50 %)" in result.warnings[0]


def test_several_equals_choices_are_each_right() -> None:
    question = imported("A prime number?{=Two =Three ~Four ~Six}").pack.questions[0]
    assert question.answer == "Two" and question.also_right == ("Three",)
    assert judge(question, "b").correct and judge(question, "Two").correct
    assert not judge(question, "c").correct


def test_category_becomes_the_topic_of_the_questions_after_it() -> None:
    result = imported("Before?{T}\n$CATEGORY: $course$/top/Chemistry/Gases\n\nCO2 is a gas.{T}\n\n"
                      "$CATEGORY: Default for Course/Physics\nLight is a wave.{T}")
    assert [q.topic for q in result.pack.questions] == [None, "Gases", "Physics"]
    assert result.pack.topics == ("Gases", "Physics")
    assert category_topic("$course$/top") is None


def test_wrong_choice_feedback_is_kept_and_shown_when_that_choice_is_picked() -> None:
    question = imported("Capital of Australia?{=Canberra#Yes. ~Sydney#Sydney is the largest "
                        "city, not the capital. ~Perth}").pack.questions[0]
    assert question.choice_feedback == ("", "Sydney is the largest city, not the capital.", "")
    assert question.explanation == "Yes."
    shown = with_choice_feedback(question, "b", question.explanation)
    assert shown == "Sydney is the largest city, not the capital. Yes."
    assert with_choice_feedback(question, "Sydney", "E.").startswith("Sydney is the largest")
    assert with_choice_feedback(question, "c", "E.") == "E."  # Perth: nothing written
    assert with_choice_feedback(question, "a", "E.") == "E."


def test_html_becomes_readable_text() -> None:
    question = imported("[html]<p>Which gas is <b>CO<sub>2</sub></b>?</p>{=Carbon dioxide "
                        "~Carbon monoxide}").pack.questions[0]
    assert question.prompt == "Which gas is CO₂?"
    unmarked = imported("What is 2<sup>3</sup> &amp; H&#8322;O&nbsp;?{=8}").pack.questions[0]
    assert unmarked.prompt == "What is 2³ & H₂O?"
    assert imported("Is 1 < 2?{T}").pack.questions[0].prompt == "Is 1 < 2?"  # not HTML


def test_html_text_keeps_words_apart_across_blocks_and_drops_scripts() -> None:
    assert html_to_text("<p>One</p><p>two<br>three</p><script>x()</script>") == "One two three"
    assert html_to_text("x<sub>n+1</sub> and a<sup>b</sup>") == "xₙ₊₁ and a^b"
    assert html_to_text("<p>broken <b>markup") == "broken markup"


def test_an_imported_choice_question_is_still_one_choice_type() -> None:
    question = imported("Pick?{=a ~b}").pack.questions[0]
    assert question.type is QuestionType.CHOICE and question.also_right == ()
