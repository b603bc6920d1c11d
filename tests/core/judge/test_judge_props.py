"""Property tests: the judge never crashes, and harmless noise never changes a verdict."""

from __future__ import annotations

import itertools
import string

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bot.core.judge.lexicon import (
    ARTICLES,
    CONNECTOR_FAMILY,
    LEADING_FILLERS,
    PARTICLES,
    ROLES,
    STOPWORDS,
    THING_KINDS,
    TITLES,
)
from bot.core.judge.verdicts import (
    judge,
    judge_choice,
    judge_number,
    judge_order,
    judge_text,
    judge_truefalse,
    parse_number,
)
from bot.core.models import Question, QuestionType, Verdict, letter

FAST = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ANY_TEXT = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=st.sampled_from(list("aAéÉ ,;/&|+?!.-'\n\t\x00\u200f\u202e🦊0123456789kmb%$")),
            max_size=80),
    st.lists(st.sampled_from(["fox", "or", "and", "not", "the", "eleven", "thousand", "11,000",
                              "a", "b", "c", "true", "false", "half", "a dozen", "-", "/"]),
             max_size=12).map(" ".join),
)
QUESTIONS = [
    Question("t", QuestionType.TEXT, "?", "", answers=("Sinaloa Cartel", "Culiacán")),
    Question("n", QuestionType.NUMBER, "?", "", number=11000.0, tolerance=0.05),
    Question("b", QuestionType.TRUEFALSE, "?", "", truth=True),
    Question("c", QuestionType.CHOICE, "?", "", choices=("Fox", "Calderón", "Peña"),
             answer="Fox"),
    Question("o", QuestionType.ORDER, "?", "", choices=("Fox", "Calderón", "Peña"),
             order=("Peña", "Fox", "Calderón")),
]
_FUNCTION_WORDS = (STOPWORDS | ARTICLES | THING_KINDS | TITLES | ROLES | PARTICLES
                   | set(CONNECTOR_FAMILY)
                   | {w for phrase in LEADING_FILLERS for w in phrase})
NAME_WORD = st.text(alphabet=string.ascii_lowercase, min_size=3, max_size=10).filter(
    lambda w: w not in _FUNCTION_WORDS)
ANSWERS = st.lists(NAME_WORD, min_size=1, max_size=3).map(" ".join)


@FAST
@given(response=ANY_TEXT)
def test_judge_never_raises_and_always_explains(response):
    for question in QUESTIONS:
        verdict = judge(question, response)
        assert isinstance(verdict, Verdict)
        assert isinstance(verdict.correct, bool)
        assert verdict.reason and len(verdict.reason) < 400


@FAST
@given(response=ANY_TEXT, accepted=st.lists(st.text(min_size=1, max_size=40), min_size=1,
                                            max_size=3))
def test_text_judge_never_raises_on_arbitrary_answers_either(response, accepted):
    assume(any(any(ch.isalnum() for ch in a) for a in accepted))
    try:
        verdict = judge_text(response, accepted)
    except Exception as err:  # only a question without words may raise, and only InvalidInput
        assert type(err).__name__ == "InvalidInput"
    else:
        assert verdict.reason


NOISE = st.tuples(
    st.lists(st.booleans(), min_size=40, max_size=40),  # per letter (answers are <= 32 chars)
    st.lists(st.sampled_from(["", "", "\u0301", "\u0308", "\u0303"]), min_size=40, max_size=40),
    st.lists(st.sampled_from([" ", "  ", "\t", " - ", "-", "\u00a0"]), min_size=3, max_size=3),
    st.sampled_from(["", "¡", "¿", "(", "\"", "'", "  ", "\u200f", "*"]),
    st.sampled_from(["", "!", "?", ".", ")", "\"", "...", " ", "!!", "\x00"]),
)


def _noisy(answer: str, noise: tuple) -> str:
    """The same answer with random case, accents, spacing and surrounding punctuation."""
    upper, marks, spaces, before, after = noise
    out = []
    for i, ch in enumerate(answer):
        if ch == " ":
            out.append(spaces[i % len(spaces)])
        else:
            out.append((ch.upper() if upper[i] else ch) + marks[i])
    return before + "".join(out) + after


@FAST
@given(answer=ANSWERS, noise=NOISE)
def test_a_correct_answer_survives_case_accents_and_punctuation(answer, noise):
    response = _noisy(answer, noise)
    verdict = judge_text(response, [answer])
    assert verdict.correct, (response, verdict)
    assert verdict.reason == "Correct."


@FAST
@given(answer=ANSWERS, other=ANSWERS,
       connector=st.sampled_from([" or ", "/", " and ", " & ", "; ", "\n", " + "]))
def test_the_answer_listed_with_another_candidate_is_rejected(answer, other, connector):
    assume(set(answer.split()).isdisjoint(other.split()))
    assume(not judge_text(other, [answer]).correct)  # e.g. "aaa" is the acronym of "aaaa aaaa aaaa"
    assert not judge_text(answer + connector + other, [answer]).correct
    assert not judge_text(other + connector + answer, [answer]).correct


@FAST
@given(answer=ANSWERS, filler=st.sampled_from(["it was", "the answer is", "i think", "maybe",
                                                "probably", "about", "it's", "approximately"]))
def test_leading_fillers_never_change_a_right_answer(answer, filler):
    assert judge_text(f"{filler} {answer}", [answer]).correct


@FAST
@given(value=st.integers(min_value=0, max_value=10**12))
def test_integers_with_separators_round_trip(value):
    comma = f"{value:,}"
    assert parse_number(comma) == value
    assert parse_number(comma.replace(",", " ")) == value
    assert parse_number(f"-{comma}") == -value
    assert judge_number(comma, value).correct
    assert judge_number(comma.replace(",", "."), value).correct  # European grouping
    assert judge_number(f"about {comma} people", value).correct


@FAST
@given(value=st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False,
                         allow_infinity=False))
def test_decimals_with_separators_round_trip(value):
    english = f"{value:,.2f}"
    european = english.replace(",", "_").replace(".", ",").replace("_", ".")
    assert parse_number(english) == float(value)
    assert judge_number(european, float(value)).correct


@FAST
@given(value=st.integers(min_value=1, max_value=10**6),
       other=st.integers(min_value=1, max_value=10**6))
def test_two_different_numbers_are_never_accepted(value, other):
    assume(value != other)
    assert not judge_number(f"{value:,} or {other:,}", value, 0.5).correct


@FAST
@given(truth=st.booleans(), word=st.sampled_from(["true", "yes", "t", "y"]),
       noise=st.sampled_from(["{}", "{}!", "it's {}", "{}.", "  {}  ", "I think {}"]),
       upper=st.booleans())
def test_truefalse_words_with_noise(truth, word, noise, upper):
    response = noise.format(word.upper() if upper else word)
    assert judge_truefalse(response, truth).correct is truth
    assert judge_truefalse(response.replace(word.upper() if upper else word, "no"),
                           truth).correct is not truth


@FAST
@given(count=st.integers(min_value=2, max_value=8), data=st.data())
def test_choice_letters_and_numbers_pick_exactly_the_right_option(count, data):
    choices = [f"option text {letter(i)}" for i in range(count)]
    correct = data.draw(st.integers(min_value=0, max_value=count - 1))
    for index in range(count):
        expected = index == correct
        assert judge_choice(letter(index), choices, correct).correct is expected
        assert judge_choice(f"({letter(index).lower()})", choices, correct).correct is expected
        assert judge_choice(str(index + 1), choices, correct).correct is expected


@settings(max_examples=20, deadline=None)
@given(count=st.integers(min_value=2, max_value=4), data=st.data())
def test_only_the_right_permutation_is_a_right_order(count, data):
    choices = [f"item {letter(i)}" for i in range(count)]
    order = data.draw(st.permutations(choices))
    for perm in itertools.permutations(range(count)):
        response = data.draw(st.sampled_from([" ", ", ", " > ", "-", ""])).join(
            letter(i) for i in perm)
        expected = [choices[i] for i in perm] == list(order)
        assert judge_order(response, choices, order).correct is expected
