"""Red-DiscordBot trivia lists: text questions with the answers as written, errors with lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.errors import PackError
from bot.core.judge.verdicts import judge
from bot.core.models import Pack, QuestionType
from bot.core.packs.dump import dump_pack
from bot.core.packs.formats import import_file, import_pack
from bot.core.packs.loader import load_pack_text

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "formats" / "geography.yaml"


def red(text: str, name: str = "trivia.yaml") -> Pack:
    return import_pack(text, name)


def problems(text: str) -> list[str]:
    with pytest.raises(PackError) as caught:
        red(text)
    return caught.value.problems


def test_sample_list_keeps_metadata_and_answers_as_written() -> None:
    pack = import_pack(SAMPLE.read_bytes(), str(SAMPLE))
    assert pack.id == "geography" and pack.title == "Geography"
    assert pack.description == "A few questions on Mexico and its neighbours."
    assert pack.source.author == "Red, Rojo" and pack.source.title == \
        "Red trivia list geography.yaml"
    assert all(q.type is QuestionType.TEXT for q in pack.questions)
    answers = {q.prompt: q.answers for q in pack.questions}
    assert answers["How many days are there in a regular year?"] == (
        "365", "three hundred and sixty five")  # numbers stay text questions (see red.py)
    # an unquoted `- yes` is Red's True: it accepts "True", "Yes" and "On"; the word written first
    assert answers["Is Mexico City at high altitude?"] == ("yes", "True", "On")
    assert answers["When does the evening news start?"] == ("12:30", "half past twelve")
    assert answers["Who is the #1 exporter of avocados?"] == ("Mexico", "México")
    assert load_pack_text(dump_pack(pack), "again.yaml") == pack


def test_ids_defaults_and_duplicate_answers() -> None:
    pack = red("Q one?:\n- a\n- a\n- b\nQ two?: [1.50, true]\n", name="My List!.yml")
    assert pack.id == "my-list" and [q.id for q in pack.questions] == ["q1", "q2"]
    assert pack.questions[0].answers == ("a", "b")
    assert pack.questions[1].answers == ("1.50", "true", "Yes", "On")
    assert pack.source.author == "not stated"
    assert pack.questions[0].explanation == \
        "Imported from Red trivia list; no explanation given."


@pytest.mark.parametrize(("text", "message"), [
    ("Q?: just one\n", "trivia.yaml:1: question 'Q?' should be followed by a list of answers"),
    ("Q?: []\n", "trivia.yaml:1: question 'Q?' has no answers"),
    ("Q?:\n- a\n-\n- [x]\n", "trivia.yaml:3: question 'Q?' answer 2 is empty or not text"),
    ("? [a, b]\n: [c]\n", "trivia.yaml:1: a question must be text followed by a colon"),
    ("AUTHOR: [a]\nQ?: [b]\n", "trivia.yaml:1: AUTHOR should be text"),
    ("- a\n- b\n", "trivia.yaml:1: a Red trivia list should be a mapping"),
    ("Q?: [a\n", "trivia.yaml:2: not valid YAML"),
    ("Q?: [a]\n---\nR?: [b]\n", "trivia.yaml:2: a trivia list is one YAML document"),
    ("Q?: [\"a\x07\"]\n", "trivia.yaml:1: not valid YAML: the control character U+0007"),
    ("", "trivia.yaml:1: empty file"),
    ("AUTHOR: me\n", "trivia.yaml:1: no questions found"),
    ("id: x\ntitle: t\nquestions: []\n", "trivia.yaml:1: this is already a quizbot pack"),
])
def test_mistakes_are_reported_at_their_line(text: str, message: str) -> None:
    lines = problems(text)
    assert any(line.startswith(message) for line in lines), lines


def test_schema_is_ignored_and_config_kept_or_named() -> None:
    result = import_file("$schema: x\nCONFIG:\n  timeout: 20\n  delay: 20\n  max_score: 5\n"
                         "  bogus: 1\nQ?: [a]\n", "trivia.yaml")
    assert [q.prompt for q in result.pack.questions] == ["Q?"]
    assert result.pack.time_limit == 20  # Red's answer time limit is ours
    assert result.warnings == (
        "trivia.yaml:3: CONFIG timeout: 20 not kept (ending the game after silence: quizbot "
        "live quizzes run to their last question)",
        "trivia.yaml:5: CONFIG max_score: 5 not kept (points to win a game: quizbot plays a "
        "fixed number of questions (--count))",
        "trivia.yaml:6: CONFIG bogus is not a Red setting; ignored",
    )
    assert load_pack_text(dump_pack(result.pack), "again.yaml") == result.pack


def test_config_delay_outside_our_range_is_clamped_with_a_warning() -> None:
    result = import_file("CONFIG:\n  delay: 2.5\nQ?: [a]\n", "trivia.yaml")
    assert result.pack.time_limit == 5
    assert result.warnings == ("trivia.yaml:2: CONFIG delay 2.5 seconds kept as time_limit 5 "
                               "(whole seconds from 5 to 600)",)


def test_a_repeated_question_keeps_the_last_answers_like_red() -> None:
    result = import_file("Q?:\n- a\nR?: [r]\nQ?:\n- b\n", "trivia.yaml")
    assert [(q.id, q.prompt, q.answers) for q in result.pack.questions] == [
        ("q1", "Q?", ("b",)), ("q2", "R?", ("r",))]
    assert result.warnings == ("trivia.yaml:4: the question 'Q?' appears twice (first on line "
                               "1); kept the answers written here, as Red does",)
    assert result.summary() == "imported 2 questions from Red trivia list; 1 warning"


@pytest.mark.parametrize(("written", "accepted"), [
    ("- Yes", ("Yes", "True", "On")), ("- no", ("no", "False", "Off")),
    ("- On", ("On", "True", "Yes")), ("- 'yes'", ("yes",)), ("- Yes please", ("Yes please",)),
])
def test_boolean_answers_accept_what_red_accepts(written: str, accepted: tuple[str, ...]) -> None:
    pack = red(f"Q?:\n{written}\n")
    assert pack.questions[0].answers == accepted
    verdict = judge(pack.questions[0], accepted[-1].lower())
    assert verdict.correct


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Q?:", "- a", "- yes", "- 12:30", "AUTHOR: x", "CONFIG:",
                                 "  x: 1", "R?: [b]", "- [c]", "-", "? [a]", ": b", "&a Q:",
                                 "- *a", "{", "'", "---"]), max_size=10).map("\n".join)
       | st.text())
def test_any_text_gives_a_pack_or_pack_error(text: str) -> None:
    try:
        pack = red(text)
    except PackError as err:
        assert err.problems and all(line.startswith("trivia.yaml") for line in err.problems)
    else:
        assert load_pack_text(dump_pack(pack), "again.yaml") == pack
