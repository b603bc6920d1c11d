"""One test per problem the loader reports inside a pack: each asserts FILE:LINE and the message.

Documents are the same valid head plus the item under test, so the only problem in each is the
one named by the test (asserted with ==, which also proves nothing else was reported).
"""

from __future__ import annotations

import pytest

from bot.core.packs.loader import parse_pack

HEAD = """\
id: demo
title: Demo
description: A demo pack.
source:
  title: An article
  author: not named in the source text
  outlet: not named in the source text
  date: not stated
"""
OK_QUESTION = """\
  - id: ok
    type: truefalse
    prompt: Fine?
    answer: true
    explanation: The first paragraph.
"""


def doc(questions: str = OK_QUESTION, explainers: str = "", top: str = "") -> str:
    text = HEAD + top + "questions:\n" + questions
    return text + ("explainers:\n" + explainers if explainers else "")


def problems(text: str) -> list[str]:
    return list(parse_pack(text, "demo.yaml").problems)


def line(text: str, snippet: str) -> int:
    hits = [n for n, content in enumerate(text.splitlines(), start=1) if snippet in content]
    assert len(hits) == 1, f"{snippet!r} is on lines {hits}"
    return hits[0]


def only(text: str, snippet: str, message: str) -> None:
    """Exactly one problem, on the line holding `snippet`, whose message contains `message`."""
    found = problems(text)
    assert len(found) == 1, found
    prefix = f"demo.yaml:{line(text, snippet)}: "
    assert found[0].startswith(prefix), found[0]
    assert message in found[0], found[0]


def test_doc_helper_builds_a_valid_pack() -> None:
    assert problems(doc()) == []


def test_unknown_key_with_did_you_mean() -> None:
    text = doc(OK_QUESTION.replace("prompt:", "promt:"))
    found = problems(text)
    assert f"demo.yaml:{line(text, 'promt')}: unknown key 'promt' in question 'ok'; did you " \
           f"mean 'prompt'?" in found


def test_unknown_key_without_close_match_lists_the_keys() -> None:
    text = doc(top="colour: red\n")
    only(text, "colour", "unknown key 'colour' in the pack; expected one of: id, title,")


def test_missing_required_key_points_at_the_mapping() -> None:
    text = doc(OK_QUESTION.replace("    explanation: The first paragraph.\n", ""))
    only(text, "- id: ok", "question 'ok' lacks the required key 'explanation'")


def test_missing_source_key_points_at_source() -> None:
    text = doc().replace("  date: not stated\n", "")
    only(text, "  title: An article", "source lacks the required key 'date'")


def test_duplicate_question_id_points_at_second_and_names_first() -> None:
    text = doc(OK_QUESTION + OK_QUESTION.replace("Fine?", "Again?"))
    found = problems(text)
    # OK_QUESTION's id line is two lines above its prompt
    assert found == [f"demo.yaml:{line(text, 'Again?') - 2}: duplicate question id 'ok' "
                     f"(first used on line {line(text, 'Fine?') - 2})"]


def test_duplicate_explainer_id() -> None:
    one = "  - id: ex\n    title: One\n    short: First.\n"
    text = doc(explainers=one + one.replace("One", "Two"))
    assert problems(text) == [f"demo.yaml:{line(text, 'title: Two') - 1}: duplicate explainer "
                              f"id 'ex' (first used on line {line(text, 'title: One') - 1})"]


def test_duplicate_key_in_one_mapping() -> None:
    text = doc(OK_QUESTION + "    prompt: Twice?\n")
    only(text, "Twice?", f"duplicate key 'prompt' in question 'ok' (first on line "
                         f"{line(text, 'Fine?')})")


def test_choice_answer_not_among_choices_with_did_you_mean() -> None:
    text = doc("""\
  - id: pick
    type: choice
    prompt: Which?
    choices: [Vicente Fox, Pablo Escobar]
    answer: Vicente Foxx
    explanation: The history paragraph.
""")
    only(text, "answer: Vicente Foxx",
         "question 'pick' answer 'Vicente Foxx' is not one of its choices; did you mean "
         "'Vicente Fox'?")


def test_choice_count_is_bounded() -> None:
    text = doc("  - {id: one, type: choice, prompt: P, choices: [A], answer: A, "
               "explanation: E}\n")
    only(text, "id: one", "question 'one' has 1 choices; give between 2 and 10")


def test_order_answer_must_be_a_permutation() -> None:
    text = doc("""\
  - id: sort
    type: order
    prompt: Earliest first.
    choices: [Fox, Chapo, Mayo]
    answer: [Fox, Chapo, Chapo, Mayoo]
    explanation: The dates.
""")
    only(text, "answer: [Fox", "answer is not a reordering of its choices: missing 'Mayo'; "
                               "'Mayoo' is not a choice; did you mean 'Mayo'?; listed twice: "
                               "'Chapo'")


@pytest.mark.parametrize(("body", "snippet", "message"), [
    ("type: text\n    answers: []", "answers: []", "answers is an empty list"),
    ("type: order\n    choices: [A, B]\n    answer: []", "answer: []", "answer is an empty list"),
])
def test_empty_answer_lists(body: str, snippet: str, message: str) -> None:
    text = doc(f"  - id: q\n    {body}\n    prompt: P\n    explanation: E\n")
    only(text, snippet, f"question 'q' {message}")


@pytest.mark.parametrize(("answer", "message"), [
    ('"11000"', "should be a number, not the text '11000'; remove the quotes: 11000"),
    ("11,000", "should be a number, not the text '11,000'; write it without separators: 11000"),
    ("about 11000", "should be a number, not the text 'about 11000'"),
    ("true", "should be a number, not the boolean true"),
    (".nan", "should be a finite number, not .nan"),
])
def test_number_answer_must_be_a_number(answer: str, message: str) -> None:
    text = doc(f"  - id: num\n    type: number\n    prompt: P\n    answer: {answer}\n"
               f"    explanation: E\n")
    only(text, "answer:", f"question 'num' answer {message}")


@pytest.mark.parametrize(("value", "reads_as"), [
    ("no", "the boolean false"), ("Yes", "the boolean true"), ("off", "the boolean false"),
    ("n", "the boolean false (in YAML 1.1)"), ("y", "the boolean true (in YAML 1.1)"),
])
def test_yaml_booleans_where_text_was_meant(value: str, reads_as: str) -> None:
    text = doc(OK_QUESTION.replace("Fine?", value))
    only(text, f"prompt: {value}",
         f"question 'ok' prompt: YAML reads {value} as {reads_as}; write it in quotes: '{value}'")


@pytest.mark.parametrize(("value", "reads_as"), [
    ("12:30", "the number 750"), ("1e3", "the number 1000 (in YAML 1.2)"),
    ("0x1F", "the number 31"), ("1.50", "the number 1.5"), ("010", "the number 8"),
])
def test_yaml_numbers_where_text_was_meant(value: str, reads_as: str) -> None:
    text = doc("  - id: pick\n    type: choice\n    prompt: When?\n"
               f"    choices: [{value}, '13:00']\n    answer: '13:00'\n    explanation: E\n")
    only(text, "choices:", f"question 'pick' choices item 1: YAML reads {value} as {reads_as}; "
                           f"write it in quotes: '{value}'")


def test_plain_numbers_that_read_back_unchanged_are_text() -> None:
    text = doc("  - {id: year, type: choice, prompt: Which year, choices: [2007, 2016], "
               "answer: 2016, explanation: E}\n")
    assert parse_pack(text, "demo.yaml").pack.question("year").answer == "2016"


@pytest.mark.parametrize(("snippet", "replacement", "message"), [
    ("prompt: Fine?", "prompt: [a, b]", "question 'ok' prompt should be text, not a list"),
    ("prompt: Fine?", "prompt:", "question 'ok' prompt is empty"),
    ("prompt: Fine?", "prompt: '  '", "question 'ok' prompt is empty"),
    ("explanation: The first paragraph.", "explanation: {a: b}",
     "question 'ok' explanation should be text, not a mapping"),
    ("answer: true", "answer: true\n    hints: Look closer",
     "question 'ok' hints should be a list, not the text 'Look closer'; write [Look closer]"),
    ("answer: true", "answer: true\n    tags: figure",
     "question 'ok' tags should be a list, not the text 'figure'; write [figure]"),
])
def test_wrong_types(snippet: str, replacement: str, message: str) -> None:
    text = doc(OK_QUESTION.replace(snippet, replacement))
    only(text, replacement.splitlines()[-1], message)


def test_source_must_be_a_mapping() -> None:
    text = doc().replace("source:\n  title: An article\n  author: not named in the source text\n"
                         "  outlet: not named in the source text\n  date: not stated\n",
                         "source: The article\n")
    only(text, "source: The article", "source should be a mapping (key: value lines), not the "
                                      "text 'The article'")


def test_questions_must_be_a_non_empty_list() -> None:
    only(HEAD + "questions: []\n", "questions:", "questions is an empty list")
    only(HEAD + "questions: lots\n", "questions:", "questions should be a list of '- id: …' "
                                                   "entries, not the text 'lots'")


@pytest.mark.parametrize("value", ["0", "4", "2.0", "hard"])
def test_difficulty_outside_one_to_three(value: str) -> None:
    text = doc(OK_QUESTION + f"    difficulty: {value}\n")
    message = "should be 1, 2 or 3" if value in "04" else "should be a whole number"
    only(text, "difficulty:", f"question 'ok' difficulty {message}")


@pytest.mark.parametrize(("value", "message"), [
    ("0", "should be a whole number from 1 to 1,000,000, not 0"),
    ("-5", "should be a whole number from 1 to 1,000,000, not -5"),
    ("1.5", "should be a whole number, not the number 1.5"),
])
def test_points_must_be_a_positive_integer(value: str, message: str) -> None:
    text = doc(OK_QUESTION + f"    points: {value}\n")
    only(text, "points:", f"question 'ok' points {message}")


@pytest.mark.parametrize(("value", "message"), [
    ("-0.05", "tolerance should be 0 or more, not -0.05"),
    ("5", "tolerance is a fraction of the answer (0.05 means ±5 %)"),
])
def test_tolerance_must_be_a_fraction(value: str, message: str) -> None:
    text = doc(f"  - id: num\n    type: number\n    prompt: P\n    answer: 3\n"
               f"    tolerance: {value}\n    explanation: E\n")
    only(text, "tolerance:", f"question 'num' {message}")


def test_answer_key_of_another_type() -> None:
    text = doc(OK_QUESTION + "    tolerance: 0.1\n")
    only(text, "tolerance:", "'tolerance' does not belong in question 'ok': a truefalse question "
                             "takes answer")
    text = doc("  - id: t\n    type: text\n    prompt: P\n    answer: x\n    answers: [x]\n"
               "    explanation: E\n")
    only(text, "answer: x", "a text question lists every accepted answer under 'answers'")


def test_unknown_question_type() -> None:
    text = doc(OK_QUESTION.replace("type: truefalse", "type: true-false"))
    only(text, "type:", "question 'ok' has unknown type 'true-false'; did you mean 'truefalse'?")


@pytest.mark.parametrize(("value", "message"), [
    ('"true"', "should be true or false (unquoted), not the text 'true'"),
    ("yes", "should be true or false, not yes (other YAML readers take yes as text)"),
    ("1", "should be true or false (unquoted), not the number 1"),
])
def test_truefalse_answer_must_be_a_real_boolean(value: str, message: str) -> None:
    text = doc(OK_QUESTION.replace("answer: true", f"answer: {value}"))
    only(text, "answer:", f"question 'ok' answer {message}")


def test_explainer_short_answer_limit() -> None:
    short = "x" * 601
    text = doc(explainers=f"  - id: ex\n    title: T\n    short: {short}\n")
    only(text, "short:", "explainer 'ex' short answer is 601 characters; keep it to 600")
    assert problems(doc(explainers="  - id: ex\n    title: T\n    short: " + "x" * 600)) == []


def test_related_ids_must_exist() -> None:
    text = doc(explainers="  - id: ex\n    title: T\n    short: S\n    related:\n"
                          "      - ok\n      - okk\n")
    only(text, "- okk", "explainer 'ex' related id 'okk' is not a question in this pack; did you "
                        "mean 'ok'?")


def test_tags_outside_the_list() -> None:
    text = doc(OK_QUESTION + "    tags:\n      - figure\n      - opinion\n")
    only(text, "- opinion", "question 'ok' has unknown tag 'opinion'; tags are: figure, argument,"
                            " counterargument, evidence, inference")


def test_topics_must_be_listed_when_given() -> None:
    text = doc(OK_QUESTION + "    topic: fentanil\n", top="topics: [fentanyl, violence]\n",
               explainers="  - {id: ex, title: T, short: S, topic: drugs}\n")
    found = problems(text)
    assert found == [
        f"demo.yaml:{line(text, 'fentanil')}: question 'ok' topic 'fentanil' is not listed in "
        f"the pack's topics; did you mean 'fentanyl'?",
        f"demo.yaml:{line(text, 'id: ex')}: explainer 'ex' topic 'drugs' is not listed in the "
        f"pack's topics; listed: fentanyl, violence",
    ]
    assert problems(doc(OK_QUESTION + "    topic: anything\n")) == []  # no topics: no limit


@pytest.mark.parametrize(("value", "fix"), [("Homicides_2007", "homicides-2007"),
                                            ("two--dashes", "two-dashes"), ("-lead", "lead")])
def test_bad_id_syntax(value: str, fix: str) -> None:
    text = doc(OK_QUESTION.replace("id: ok", f"id: {value}"))
    only(text, "- id:", f"question id '{value}' is not a valid id: use lowercase letters, digits "
                        f"and single dashes, e.g. '{fix}'")


def test_one_letter_y_or_n_id_is_a_yaml_boolean_too() -> None:
    text = doc(OK_QUESTION.replace("id: ok", "id: n"))
    only(text, "- id: n", "question id: YAML reads n as the boolean false (in YAML 1.1)")


def test_bad_pack_id_syntax() -> None:
    text = doc().replace("id: demo", "id: My Pack")
    only(text, "id: My Pack", "pack id 'My Pack' is not a valid id")


def test_url_must_be_http() -> None:
    text = doc().replace("  date: not stated\n", "  date: not stated\n  url: example.org\n")
    only(text, "url:", "source url should start with http:// or https://")


def test_problems_come_sorted_by_line_and_all_at_once() -> None:
    text = doc(OK_QUESTION.replace("type: truefalse", "type: choise")
               + OK_QUESTION.replace("Fine?", "no"), top="topic: x\n")
    found = problems(text)
    lines = [int(p.split(":")[1]) for p in found]
    assert lines == sorted(lines) and len(found) == 4, found
