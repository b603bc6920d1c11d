"""Moodle GIFT import: every supported kind, every refusal with its line, and no crash ever."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.errors import PackError
from bot.core.models import Pack, QuestionType
from bot.core.packs.dump import dump_pack
from bot.core.packs.formats import import_file, import_pack
from bot.core.packs.loader import load_pack_text

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "formats" / "sample.gift"


def gift(text: str, **kwargs: object) -> Pack:
    return import_pack(text, "quiz.gift", fmt="gift", **kwargs)  # type: ignore[arg-type]


def problems(text: str) -> list[str]:
    with pytest.raises(PackError) as caught:
        gift(text)
    return caught.value.problems


def test_sample_file_imports_every_kind_and_round_trips() -> None:
    pack = import_pack(SAMPLE.read_bytes(), str(SAMPLE))
    assert pack.id == "sample" and pack.source.author == "not stated"
    kinds = [q.type for q in pack.questions]
    assert kinds == [QuestionType.CHOICE, QuestionType.TRUEFALSE, QuestionType.TRUEFALSE,
                     QuestionType.TEXT, QuestionType.NUMBER, QuestionType.NUMBER,
                     QuestionType.CHOICE, QuestionType.TEXT]
    assert [q.id for q in pack.questions] == ["grant-s-tomb", "sky", "q3", "who",
                                              "homicides-2007", "range", "q7", "escapes"]
    assert load_pack_text(dump_pack(pack), "again.yaml") == pack


def test_multiple_choice_with_feedback() -> None:
    q = gift("::T::Who's buried in Grant's tomb?{~Grant#No. =no one#Right. ~Jefferson"
             "####Entombed, not buried.}").questions[0]
    assert q.type is QuestionType.CHOICE and q.choices == ("Grant", "no one", "Jefferson")
    assert q.answer == "no one"
    assert q.explanation == "Entombed, not buried. Right."  # general + the right answer's


def test_true_false_spellings_and_right_feedback() -> None:
    pack = gift("A.{T}\n\nB.{TRUE}\n\nC.{F#wrong one#right one}\n\nD.{FALSE}")
    assert [q.truth for q in pack.questions] == [True, True, False, False]
    assert pack.questions[2].explanation == "right one"
    assert pack.questions[0].explanation == "Imported from GIFT; no explanation given."


def test_short_answer_keeps_every_accepted_answer() -> None:
    q = gift("Who began the militarization?{=Vicente Fox =Fox#He did. =%0%Calderón#No.}") \
        .questions[0]
    assert q.type is QuestionType.TEXT and q.answers == ("Vicente Fox", "Fox")
    assert q.explanation == "He did."


def test_numeric_exact_margin_and_range() -> None:
    exact, margin, span = gift("A?{#1822}\n\nB?{#11000:500}\n\nC?{#1..5}").questions
    assert (exact.number, exact.tolerance) == (1822.0, 0.0)
    assert margin.number == 11000.0 and margin.tolerance == pytest.approx(500 / 11000, abs=1e-6)
    assert margin.tolerance * 11000 >= 500  # rounded up: the edge still counts
    assert (span.number, span.tolerance) == (3.0, pytest.approx(2 / 3, abs=1e-6))


def test_numeric_with_equals_and_wrong_answer_feedback() -> None:
    q = gift("When was Grant born?{#=1822:0#Yes, 1822. ~#Look it up.}").questions[0]
    assert q.number == 1822.0 and q.explanation == "Yes, 1822."


def test_missing_word_puts_a_gap_in_the_prompt() -> None:
    q = gift("Grant is {~buried =entombed ~living} in Grant's tomb.").questions[0]
    assert q.prompt == "Grant is ___ in Grant's tomb." and q.answer == "entombed"


def test_escapes_comments_categories_formats_and_multiline() -> None:
    pack = gift("// a comment\n$CATEGORY: tom\n\n::Esc\\:aped::[html]<b>1 \\= 1</b> \\{x\\}?\n"
                "// inside\n{\n  =yes \\~ indeed\n  ~no\n}\n\n[markdown]Line one\\nline two{T}")
    first, second = pack.questions
    assert first.id == "esc-aped" and first.prompt == "1 = 1 {x}?"
    assert first.choices == ("yes ~ indeed", "no")
    assert second.prompt == "Line one\nline two"


def test_titles_become_unique_ids() -> None:
    pack = gift("::Same::A?{T}\n\n::Same::B?{F}\n\n::!!!::C?{T}")
    assert [q.id for q in pack.questions] == ["same", "same-2", "q3"]


def test_pack_id_and_metadata() -> None:
    pack = gift("A?{T}", pack_id="my-quiz")
    assert pack.id == "my-quiz" and pack.title == "Quiz"
    assert pack.source.title == "GIFT file quiz.gift"
    with pytest.raises(PackError, match="pack id 'My Quiz' is not valid"):
        gift("A?{T}", pack_id="My Quiz")


@pytest.mark.parametrize(("text", "message"), [
    ("Match.{=a->1 =b->2}", "quiz.gift:1: question 1 is a matching question (->)"),
    ("Write an essay.{}", "quiz.gift:1: question 1 is an essay question ({})"),
    ("Just a description.", "quiz.gift:1: question 1 has no answer in braces"),
    ("Who?{=%50%Fox}", "quiz.gift:1: question 1 gives only partial credit (50 %)"),
    ("N?{#=%50%3}", "quiz.gift:1: question 1 gives only partial credit (50 %)"),
    ("N?{#=1 =2}", "quiz.gift:1: question 1 accepts 2 different numbers"),
    ("N?{#0:1}", "quiz.gift:1: question 1 has an error margin around 0"),
    ("N?{#10:20}", "quiz.gift:1: question 1 has an error margin (20) larger than the answer"),
    ("A {=x} and {=y}", "quiz.gift:1: question 1 has more than one {…} block"),
])
def test_unsupported_kinds_are_reported_at_their_line(text: str, message: str) -> None:
    lines = problems("Fine?{T}\n\n" + text)
    assert len(lines) == 1 and lines[0].startswith(message.replace(":1:", ":3:", 1)
                                                   .replace("question 1", "question 2"))


@pytest.mark.parametrize(("text", "message"), [
    ("::Open title Q?{T}", "title starts with '::' but is never closed"),
    ("Q? {=a", "opens its answers with '{' but never closes them"),
    ("Q?} {=a", "has a '}' without a '{' before it"),
    ("{T}", "has no question text before its answers"),
    ("Q?{a ~b =c}", "has text before its first '=' or '~' answer"),
    ("Q?{~a ~b}", "has no right answer"),
    ("Q?{= ~b}", "has an empty answer after '='"),
    ("Q?{=}", "has an empty answer after '='"),
    ("Q?{=%0%x#only feedback}", "has no accepted answer"),
    ("N?{#}", "has no number after '#'"),
    ("N?{#eleven}", "numeric answer 'eleven' should be a number"),
    ("N?{#5..1}", "range '5..1' starts above where it ends"),
    ("N?{#a..b}", "range 'a..b' should be two numbers"),
    ("N?{#5:-1}", "error margin '-1' should not be negative"),
    ("Q?{=a ~a}", "lists the choice 'a' twice"),
    ("Q1?{T}\nQ2?{F}", "separate questions with a blank line"),
    ("Q?{=1 ~2 ~3 ~4 ~5 ~6 ~7 ~8 ~9 ~10 ~11}", "has 11 choices; give between 2 and 10"),
])
def test_mistakes_are_errors_with_file_and_line(text: str, message: str) -> None:
    lines = problems(text)
    assert len(lines) == 1 and lines[0].startswith("quiz.gift:1: ") and message in lines[0]


def test_every_problem_is_listed_and_a_bad_file_imports_nothing() -> None:
    lines = problems("Good?{T}\n\nBad?{~a ~b}\n\n// c\nMatch.{=a->1 =b->2}\n\nAlso bad{#x}")
    assert [line.split(": ")[0] for line in lines] == ["quiz.gift:3", "quiz.gift:6",
                                                       "quiz.gift:8"]


def test_skip_unsupported_keeps_the_rest_and_lists_each_skip() -> None:
    result = import_file("Good?{T}\n\nMatch.{=a->1 =b->2}\n\nEssay.{}", "quiz.gift",
                         skip_unsupported=True)
    assert [q.id for q in result.pack.questions] == ["q1"]
    assert [line.split(": ")[0] for line in result.skipped] == ["quiz.gift:3", "quiz.gift:5"]
    assert result.summary() == "imported 1 question from GIFT; 2 skipped"
    with pytest.raises(PackError, match="no questions left once unsupported ones are skipped"):
        import_file("Essay.{}", "quiz.gift", skip_unsupported=True)


def test_skip_unsupported_never_hides_a_real_mistake() -> None:
    with pytest.raises(PackError, match="has no right answer"):
        import_file("Bad?{~a ~b}\n\nEssay.{}", "quiz.gift", skip_unsupported=True)


def test_empty_and_undecodable_files() -> None:
    assert problems("// only a comment\n") == [
        "quiz.gift:1: no questions found: is this file really in GIFT format?"]
    with pytest.raises(PackError, match=r"quiz.gift:2: not UTF-8 text \(byte 0xe9"):
        import_pack(b"Q?{T}\n\xe9", "quiz.gift")


gift_texts = st.text(st.sampled_from(list("{}=~#:\\.%-> \nTF1a0")), max_size=60) | st.text(
    max_size=60)


@settings(max_examples=300, deadline=None)
@given(gift_texts)
def test_any_text_gives_a_pack_or_pack_error(text: str) -> None:
    try:
        pack = gift(text)
    except PackError as err:
        assert err.problems and all(line.startswith("quiz.gift") for line in err.problems)
    else:
        assert load_pack_text(dump_pack(pack), "again.yaml") == pack


def test_answer_problems_point_at_the_brace_line() -> None:
    assert problems("::T::\nA long question\nover lines?\n{~a ~b}") == [
        "quiz.gift:4: question 'T' has no right answer: mark it with '=' instead of '~'"]
