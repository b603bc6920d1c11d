"""Property test (issue 10): random and mutated packs in every format, through validate, import
and install. Only the project's own errors may come out, and each problem is a printable
`FILE:LINE: message`; a pack that installs can be played.

Derandomised, so CI runs the same examples every time; about 4,200 examples (about 25 s of CPU
here). Set QUIZBOT_FUZZ_EXAMPLES=N to run N per test instead (e.g. 20000 before a release):
    QUIZBOT_FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest -q tests/core/packs/test_packs_fuzz.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.errors import AnswerNotInForm, PackError, QuizError
from bot.core.models import Actor
from bot.core.packs.dump import dump_pack
from bot.core.packs.formats import import_file
from bot.core.packs.library import PackLibrary
from bot.core.packs.loader import INTERNAL_ERROR, parse_pack
from bot.core.service import QuizService
from bot.store.db import Store

DATA = Path(__file__).resolve().parents[2] / "data"
OURS = """\
id: fuzz
title: Fuzz pack
description: Every question type once.
source: {title: Notes, author: me, outlet: class, date: "2026", url: "https://example.org"}
topics: [rocks, dates]
questions:
  - id: lava
    type: text
    prompt: What is molten rock above ground called?
    answers: [lava, "molten lava"]
    explanation: The notes say so.
    hints: [It flows.]
    topic: rocks
    tags: [definition]
  - id: height
    type: number
    prompt: How tall is it, in metres?
    answer: 4808
    tolerance: 0.01
    explanation: The table gives 4808 m.
    points: 200
    difficulty: 2
  - id: pick
    type: choice
    prompt: Which is a volcano?
    choices: [Etna, Everest]
    answer: Etna
    explanation: Etna erupts.
  - id: hot
    type: truefalse
    prompt: Lava is hot.
    answer: true
    explanation: About 1000 degrees.
    quote: "lava is hot"
  - id: order
    type: order
    prompt: Oldest first.
    choices: [b, a]
    answer: [a, b]
    explanation: By date.
    topic: dates
explainers:
  - id: lava-why
    title: Lava
    short: Molten rock above ground.
    keywords: [magma]
    related: [lava]
"""
SEEDS = {
    "ours": [OURS, (DATA / "packs" / "volcanoes.yaml").read_text(encoding="utf-8")],
    "red": [(DATA / "formats" / "geography.yaml").read_text(encoding="utf-8")],
    "gift": [(DATA / "formats" / "sample.gift").read_text(encoding="utf-8")],
    "aiken": [(DATA / "formats" / "sample-aiken.txt").read_text(encoding="utf-8")],
    "csv": [(DATA / "formats" / "kahoot-template.csv").read_text(encoding="utf-8")],
    "tsv": [(DATA / "formats" / "quizlet-biology.txt").read_text(encoding="utf-8")],
}
NAMES = {"ours": "fuzz.yaml", "red": "list.yaml", "gift": "quiz.gift", "aiken": "quiz.txt",
         "csv": "kahoot.csv", "tsv": "quizlet.tsv"}
IMPORT_FORMAT = {"tsv": "csv"}  # a tab-separated list is the CSV reader, told by its name

# The inputs that broke things before, and their relatives: numbers past every limit, escapes
# of characters that cannot exist or cannot be encoded, YAML's special syntax, GIFT's.
NASTY = [
    "1" + "0" * 320, "9" * 5000, "-" + "9" * 4400, "0x" + "f" * 3000, "1e400", "-1e400", ".inf",
    ".nan", "1e30", "1e31", "9223372036854775808", "-9223372036854775809", "0", "-0", "1_000",
    "0o777", "2**63", '"\\U00110000"', '"\\UFFFFFFFF"', '"\\ud83d"', '"\\ud83d\\ude00"',
    '"\\ude00\\ud83d"', '"\\x00\\x1b[2J"', '"\\e]0;x\\a"', '"\\N\\_\\L\\P"', "!!binary aGk=",
    "!!python/object:os.system", "!!float '1e400'", "!!int " + "9" * 5000, "&a [1, *a]", "*a",
    "<<: {x: 1}", "? [a]", "---", "...", "%YAML 1.1", "~", "null", "yes", "no", "12:30",
    "2025-04-08", "[", "{", "}", "]", "|", ">-", "'", '"', "#", "- ", ": ", "\t", "\r", "\x85",
    "\u2028", "\ufeff", "{#1:1e400}", "{#1e400}", "{#1..1e400}", "{#" + "9" * 400 + "}",
    "{#1:" + "9" * 5000 + "}", "{=a ~b}", "{T}", "{FALSE}", "{}", "{#}", "{#1:}", "{#..}",
    "{~%50%a =b}", "{=a -> b}", "::t::", ",,,", "\"a,\"\"b\"", "1,3", "9,9,9", "\\{", "\\",
    "$CATEGORY:", "[html]", "ANSWER: Z",
    "ANSWER:", "A.", "Z) x", "AUTHOR:", "CONFIG:", "\x00", "\x7f", "\ud800", "x" * 2000,
]
VALUES = st.one_of(st.sampled_from(NASTY), st.integers().map(str),
                   st.integers(2**60, 2**66).map(str), st.floats().map(repr),
                   st.text(max_size=12))
EXAMPLES = int(os.environ.get("QUIZBOT_FUZZ_EXAMPLES", "0")) or None
_LINE = re.compile(r"^[^\n]*?:\d+: \S")


def fuzz(default: int):
    """Derandomised settings: `default` examples in CI, QUIZBOT_FUZZ_EXAMPLES on request."""
    return settings(max_examples=EXAMPLES or default, derandomize=True, database=None,
                    deadline=None, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def mutated(draw: st.DrawFn, fmt: str) -> str | bytes:
    """A seed of this format with a few edits: nasty tokens in, slices out, lines shuffled."""
    text = draw(st.sampled_from(SEEDS[fmt]))
    for _ in range(draw(st.sampled_from([1, 1, 1, 2, 3, 4]))):
        kind = draw(st.sampled_from(["value"] * 4 + ["insert", "delete", "line", "random"]))
        if kind == "value":  # the likeliest way past the parser: a nasty value in a real slot
            slots = [m for m in re.finditer(r"(?<=: )[^\n]*|(?<=- )[^\n]*|\{[^{}\n]*\}", text)]
            if slots:
                slot = draw(st.sampled_from(slots))
                text = text[:slot.start()] + draw(VALUES) + text[slot.end():]
        elif kind == "insert":
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.sampled_from(NASTY) | st.text(max_size=8)) + text[at:]
        elif kind == "delete" and text:
            start = draw(st.integers(0, len(text) - 1))
            text = text[:start] + text[start + draw(st.integers(1, 40)):]
        elif kind == "line":
            lines = text.split("\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        else:
            text = draw(st.text(max_size=200))
    if draw(st.booleans()):
        return text
    return text.encode("utf-8", "surrogatepass")  # bytes, as an upload arrives


def anything(fmt: str) -> st.SearchStrategy[str | bytes]:
    return st.one_of(*[mutated(fmt)] * 6, st.binary(max_size=300), st.text(max_size=300))


def assert_our_problems(problems: list[str] | tuple[str, ...], name: str) -> None:
    assert problems, "refused without saying why"
    for problem in problems:
        assert INTERNAL_ERROR not in problem, problem
        assert problem.startswith(name) and _LINE.match(problem) or problem.startswith(
            f"{name}: ") or problem.startswith("pack id "), problem
        assert "\n" not in problem and "\x1b" not in problem, problem
        problem.encode("utf-8")  # printable anywhere: no lone surrogate


@fuzz(2000)
@given(anything("ours"))
def test_validate_takes_any_bytes(data: str | bytes) -> None:
    check = parse_pack(data, "fuzz.yaml")
    if check.pack is None:
        assert_our_problems(check.problems, "fuzz.yaml")
    else:
        dump_pack(check.pack).encode("utf-8")  # what install stores: UTF-8 text


def _import(fmt: str, data: str | bytes) -> None:
    name = NAMES[fmt]
    try:
        result = import_file(data, name, fmt=IMPORT_FORMAT.get(fmt, fmt), skip_unsupported=True)
    except PackError as err:
        assert_our_problems(err.problems, name)
        return
    again = parse_pack(dump_pack(result.pack), "again.yaml")
    assert again.pack is not None, again.problems  # an import is as valid as a written pack


@fuzz(500)
@given(anything("red"))
def test_red_import_takes_any_bytes(data: str | bytes) -> None:
    _import("red", data)


@fuzz(500)
@given(anything("gift"))
def test_gift_import_takes_any_bytes(data: str | bytes) -> None:
    _import("gift", data)


@fuzz(500)
@given(anything("aiken"))
def test_aiken_import_takes_any_bytes(data: str | bytes) -> None:
    _import("aiken", data)


_SERVICE: list[QuizService] = []


def _service() -> QuizService:
    """One in-memory service for every example (building one per example would dominate)."""
    if not _SERVICE:
        _SERVICE.append(QuizService(Store.open(":memory:"), PackLibrary(None)))
    return _SERVICE[0]


TEACHER = Actor("fuzz-guild", "teacher", "Teacher", can_manage_guild=True)
STUDENT = Actor("fuzz-guild", "student", "Student")


@fuzz(300)
@given(st.sampled_from(["csv", "tsv"]).flatmap(lambda fmt: st.tuples(st.just(fmt),
                                                                   anything(fmt))))
def test_spreadsheet_import_takes_any_bytes(upload: tuple[str, str | bytes]) -> None:
    _import(*upload)


@fuzz(400)
@given(st.sampled_from(sorted(SEEDS)).flatmap(lambda fmt: st.tuples(st.just(fmt),
                                                                      anything(fmt))))
def test_install_takes_any_upload_and_what_installs_plays(upload: tuple[str, str | bytes]
                                                         ) -> None:
    fmt, data = upload
    service = _service()
    try:
        summary = service.pack_admin.install_pack(TEACHER, data, NAMES[fmt])
    except PackError as err:
        assert_our_problems(err.problems, NAMES[fmt])
        return
    except QuizError as err:  # InvalidInput: size, a bundled pack's id
        assert "\n" not in str(err)
        return
    view = service.quizzes.start_quiz(STUDENT, summary.id, min(summary.questions, 2), seed=1)
    while view is not None:  # every right answer is scored and stored (points fit int64)
        question = service.catalog.pack(STUDENT.guild_id, view.pack_id).question(
            view.question_id)
        assert question is not None
        try:  # the right answer, in the question's form (a slip of form is asked again)
            outcome = service.quizzes.answer(STUDENT, view.session_id, view.question_id,
                                             question.answer_text() or "x")
        except AnswerNotInForm:
            outcome = service.quizzes.skip(STUDENT, view.session_id, view.question_id)
        assert isinstance(outcome.total_points, int)
        view = outcome.next_question
    board = service.standings.leaderboard(STUDENT.guild_id, summary.id)
    assert all(isinstance(row.points, int) for row in board.rows)
    service.pack_admin.remove_pack(TEACHER, summary.id)
