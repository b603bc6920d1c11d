"""Hostile pack files (issue 10): huge numbers, impossible escapes, surrogates, unbounded points.

Each case crashed the loader, the importer or a later quiz before; now each is one
`FILE:LINE: message` problem and the file is refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.errors import PackError
from bot.core.packs.formats import import_file
from bot.core.packs.items import MAX_POINTS
from bot.core.packs.library import PackLibrary
from bot.core.packs.loader import INTERNAL_ERROR, check_paths, parse_pack

ROOT = Path(__file__).resolve().parents[3]
STARTER = (ROOT / "questions" / "starter.yaml").read_text(encoding="utf-8")



def line_with(snippet: str) -> int:
    """The starter's line holding `snippet` (the bundled pack may grow above it)."""
    return next(n for n, line in enumerate(STARTER.splitlines(), 1) if snippet in line)


ANSWER, TOLERANCE, PROMPT = (line_with(s) for s in ("answer: 11000", "tolerance: 0.05",
                                                     'prompt: "Roughly'))
HUGE = "1" + "0" * 5000  # over Python's 4,300-digit int/str limit
BIG = "1" + "0" * 320  # over float's range (309+ digits)


def problems_of(text: str, name: str = "x.yaml") -> tuple[str, ...]:
    check = parse_pack(text, name)
    assert check.pack is None, "the hostile pack was accepted"
    assert all(p.startswith(f"{name}:") for p in check.problems), check.problems
    assert not any(INTERNAL_ERROR in p for p in check.problems), check.problems
    assert all(len(p) < 600 for p in check.problems), "a message quotes the whole input"
    return check.problems


def one_line_problem(text: str) -> str:
    problems = problems_of(text)
    assert len(problems) == 1, problems
    return problems[0]


@pytest.mark.parametrize("old,new,line", [
    ("answer: 11000", f"answer: {BIG}", ANSWER),
    ("tolerance: 0.05", f"tolerance: {BIG}", TOLERANCE),
    ("answer: 11000", f"answer: -{BIG}", ANSWER),
    ("answer: 11000", "answer: 0x" + "f" * 300, ANSWER),
])
def test_numbers_past_float_range_are_a_problem_not_an_overflow(old: str, new: str,
                                                                 line: int) -> None:
    problem = one_line_problem(STARTER.replace(old, new, 1))
    assert problem.startswith(f"x.yaml:{line}: question 'homicides-2007' ")
    assert "too large" in problem


@pytest.mark.parametrize("slot", ["id: starter", "title: \"Starter", "answer: 11000",
                                  "tolerance: 0.05", "difficulty: 1", "topic: violence",
                                  "date: \"not stated\"", "- id: homicides-2007"])
def test_integers_over_4300_digits_in_any_slot(slot: str) -> None:
    key, _, _ = slot.partition(": ")
    problems_of(STARTER.replace(slot, f"{key}: {HUGE}", 1))


def test_points_over_4300_digits_and_hex() -> None:
    for value in (HUGE, "-" + HUGE, "0x" + "f" * 5000):
        text = STARTER.replace("difficulty: 1", f"difficulty: 1\n    points: {value}", 1)
        assert "points should be a whole number" in one_line_problem(text)


def test_unicode_escape_past_the_last_character_is_a_yaml_problem() -> None:
    tiny = 'id: "\\U00110000"\n'  # the 22-byte file of the issue, give or take
    assert one_line_problem(tiny) == ("x.yaml:1: not valid YAML: the escape \\U00110000 is past "
                                      "U+10FFFF, the last Unicode character; write the "
                                      "character itself")
    text = STARTER.replace('prompt: "Roughly', 'prompt: "\\UFFFFFFFF Roughly', 1)
    assert one_line_problem(text).startswith(
        f"x.yaml:{PROMPT}: not valid YAML: the escape \\UFFFFFFFF")


@pytest.mark.parametrize("points,accepted", [
    (MAX_POINTS, True), (MAX_POINTS + 1, False), (2**62, False), (2**63, False), (0, False),
])
def test_points_are_bounded_so_scores_stay_int64(points: int, accepted: bool) -> None:
    text = STARTER.replace("difficulty: 1", f"difficulty: 1\n    points: {points}", 1)
    check = parse_pack(text, "x.yaml")
    assert (check.pack is not None) is accepted, check.problems
    if accepted:
        # the largest award (every streak bonus) still fits an int64 many times over
        assert check.pack.questions[0].points * 1.5 * 10**12 < 2**63
    else:
        assert "points should be a whole number from 1 to 1,000,000" in check.problems[0]


def test_json_style_surrogate_pair_is_joined_into_its_character() -> None:
    text = STARTER.replace('prompt: "Roughly', 'prompt: "\\ud83d\\ude00 Roughly', 1)
    check = parse_pack(text, "x.yaml")
    assert check.pack is not None, check.problems
    prompt = check.pack.questions[0].prompt
    assert prompt.startswith("\U0001F600 Roughly")
    prompt.encode("utf-8")  # what SQLite, JSON and Discord need


@pytest.mark.parametrize("escape", ["\\ud83d", "\\ude00", "\\ude00\\ud83d", "x\\udfff"])
def test_lone_surrogate_is_refused_with_its_line(escape: str) -> None:
    text = STARTER.replace('prompt: "Roughly', f'prompt: "{escape} Roughly', 1)
    problem = one_line_problem(text)
    assert problem.startswith(f"x.yaml:{PROMPT}: question 'homicides-2007' prompt holds half of a "
                              "character (the surrogate \\ud")
    problem.encode("utf-8")  # the message itself can be printed


def test_problem_messages_never_carry_terminal_escapes() -> None:
    text = STARTER.replace("answer: 11000", 'answer: "\\e[2J\\e]0;pwned\\a"', 1)
    problem = one_line_problem(text)
    assert "\x1b" not in problem and "\x07" not in problem
    assert "\\x1b[2J" in problem


def test_gift_margin_past_float_range_is_an_import_problem() -> None:
    for body in ("{#1:1e400}", "{#1e400}", "{#1..1e400}", "{#1:" + "9" * 5000 + "}"):
        with pytest.raises(PackError) as err:
            import_file(f"::Q1:: What? {body}\n", "quiz.gift")
        assert err.value.problems[0].startswith("quiz.gift:1: question 'Q1' numeric answer ")
        assert "too large" in err.value.problems[0]


def test_red_list_with_impossible_escape_is_an_import_problem() -> None:
    with pytest.raises(PackError) as err:
        import_file('What?:\n- "\\U00110000"\n', "list.yaml")
    assert err.value.problems == ["list.yaml:2: not valid YAML: the escape \\U00110000 is past "
                                  "U+10FFFF, the last Unicode character; write the character "
                                  "itself"]


def _write_three(folder: Path) -> list[Path]:
    good = folder / "a-good.yaml"
    bad = folder / "b-bad.yaml"
    other = folder / "c-good.yaml"
    good.write_text(STARTER, encoding="utf-8")
    bad.write_text(STARTER.replace("id: starter", "id: broken", 1)
                   .replace("answer: 11000", f"answer: {BIG}", 1), encoding="utf-8")
    other.write_text(STARTER.replace("id: starter", "id: starter-two", 1), encoding="utf-8")
    return [good, bad, other]


def test_one_bad_file_never_hides_the_good_ones(tmp_path: Path) -> None:
    paths = _write_three(tmp_path)
    checks = check_paths(paths)
    assert [c.pack is not None for c in checks] == [True, False, True]
    library = PackLibrary(tmp_path)
    problems = library.load_directory()
    assert library.ids() == ["starter", "starter-two"]
    assert len(problems) == 1 and problems[0].startswith(f"{paths[1]}:{ANSWER}: ")


def test_text_in_memory_holding_a_raw_surrogate_is_refused_at_its_line() -> None:
    assert one_line_problem("id: x\n\ud800: y\n") == (
        "x.yaml:2: not UTF-8 text: holds the lone surrogate \\ud800")
    with pytest.raises(PackError) as err:
        import_file("::a:: b {=c ~d}\n\udcff\n", "quiz.gift")
    assert err.value.problems == ["quiz.gift:2: not UTF-8 text: holds the lone surrogate \\udcff"]


def test_a_pack_with_an_escaped_pair_installs_and_its_quiz_starts() -> None:
    from bot.core.models import Actor
    from bot.core.service import QuizService
    from bot.store.db import Store

    service = QuizService(Store.open(":memory:"), PackLibrary(None))
    teacher = Actor("g", "t", "Teacher", can_manage_guild=True)
    text = STARTER.replace('prompt: "Roughly', 'prompt: "\\ud83d\\ude00 Roughly', 1)
    summary = service.pack_admin.install_pack(teacher, text.encode("utf-8"), "emoji.yaml")
    view = service.quizzes.start_quiz(Actor("g", "s", "Student"), summary.id, 10, seed=1)
    prompts = [view.prompt]
    while view is not None:
        outcome = service.quizzes.skip(Actor("g", "s", "Student"), view.session_id,
                                       view.question_id)  # any answer of any form
        view = outcome.next_question
        prompts += [view.prompt] if view else []
    assert any(p.startswith("\U0001F600 Roughly") for p in prompts)
    service.close()
