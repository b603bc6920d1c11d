"""`quizbot judge` through click, as an instructor or a script runs it."""

from __future__ import annotations

import io
import json
import sys

import pytest
from click.testing import CliRunner

import bot.cli.judge as judge_cli
from bot.cli import cli


def run(args: list[str], stdin: str | bytes | None = None):
    return CliRunner().invoke(cli, ["judge", *args], input=stdin, prog_name="quizbot")


def lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


# --- one response ------------------------------------------------------------------------------

@pytest.mark.parametrize("args, expected", [
    (["--accept", "Culiacán", "culiacan, sinaloa"], "correct: Correct."),
    (["--accept", "Fox", "--accept", "Vicente Fox", "vicente fox"], "correct: Correct."),
    (["--accept", "Fox", "Fox or Calderón"], "wrong: Several candidates given: answer with one."),
    (["--accept", "Sinaloa Cartel", "Jalisco", "cartel"],
     "wrong: Not quite: that names a different cartel."),
    (["--number", "11000", "eleven thousand"], "correct: Correct."),
    (["--number", "11000", "--tolerance", "0.05", "11.5k"],
     "correct: Close enough: 11,500 is within the accepted margin (±5%)."),
    (["--number", "11000", "12,000"], "wrong: Not quite: 12,000 is not the number asked for."),
    (["--number", "-5", "--", "-5"], "correct: Correct."),
    (["--accept", "Fox", ""], "wrong: Empty answer: type something or use skip."),
])
def test_plain_output_and_exit_zero_either_way(args, expected):
    result = run(args)
    assert result.exit_code == 0, result.output
    assert result.stdout == expected + "\n"


def test_json_output_is_exactly_correct_and_reason():
    result = run(["--json", "--accept", "Culiacán", "culiacna"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "correct": True,
        "reason": "Close enough: accepted despite a typo ('culiacna' for 'Culiacán').",
    }
    wrong = run(["--number", "3", "--json", "4"])
    assert json.loads(wrong.stdout) == {"correct": False,
                                        "reason": "Not quite: 4 is not the number asked for."}


@pytest.mark.parametrize("args, needle", [
    (["Fox"], "--accept TEXT (repeatable) or --number N"),
    (["--accept", "Fox", "--number", "3", "Fox"], "cannot be combined"),
    (["--number", "3", "--tolerance", "-0.1", "3"], "--tolerance"),
    (["--number", "3", "--tolerance", "nan", "3"], "--tolerance"),
    (["--accept", "Fox", "--tolerance", "0.1", "Fox"], "only applies with --number"),
    (["--number", "inf", "3"], "--number"),
    (["--number", "eleven", "3"], "--number"),
    (["--accept", "Fox"], "Missing argument 'RESPONSE'"),
    (["--accept", "  ", "Fox"], "--accept"),
    (["--jsonl", "--accept", "Fox"], "--jsonl"),
    (["--jsonl", "Fox"], "drop RESPONSE"),
    (["--bogus"], "No such option"),
])
def test_mistakes_are_one_stderr_line_and_exit_two(args, needle):
    result = run(args, stdin="")
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("quizbot judge: ")
    assert "Traceback" not in result.stderr


def test_help_documents_blank_lines_and_exit_codes():
    result = run(["--help"])
    assert result.exit_code == 0
    assert "Blank lines are NOT skipped" in " ".join(result.stdout.split())
    assert "--jsonl" in result.stdout and "--tolerance" in result.stdout


# --- --jsonl -------------------------------------------------------------------------------------

def test_jsonl_judges_each_line_in_order():
    cases = [
        {"accept": ["Culiacán"], "response": "culiacan, sinaloa"},
        {"accept": ["Fox"], "response": "Fox or Calderón"},
        {"number": 11000, "tolerance": 0.05, "response": "about 11.5k"},
        {"number": 11000, "response": "11000 or 12000"},
        {"accept": "Fox", "response": "President Fox", "id": "q-7"},
    ]
    result = run(["--jsonl"], "\n".join(json.dumps(c) for c in cases) + "\n")
    assert result.exit_code == 0, result.output
    out = lines(result.stdout)
    assert [o["correct"] for o in out] == [True, False, True, False, True]
    assert out[1] == {"correct": False, "reason": "Several candidates given: answer with one."}
    assert out[4] == {"id": "q-7", "correct": True, "reason": "Correct."}


@pytest.mark.parametrize("line, needle", [
    ("", "blank line"),
    ("   ", "blank line"),
    ("not json", "not JSON"),
    ("[1, 2]", "expected a JSON object"),
    ('{"response": "x"}', "exactly one of 'accept' or 'number'"),
    ('{"accept": ["a"], "number": 1, "response": "x"}', "exactly one of"),
    ('{"accept": ["a"]}', "'response' must be a string"),
    ('{"accept": ["a"], "response": 5}', "'response' must be a string"),
    ('{"accept": [], "response": "x"}', "'accept' must be"),
    ('{"accept": ["!!"], "response": "x"}', "'accept' must be"),
    ('{"accept": [1], "response": "x"}', "'accept' must be"),
    ('{"accept": ["a"], "tolerance": 0.1, "response": "x"}', "only applies with 'number'"),
    ('{"number": "11000", "response": "x"}', "'number' must be a finite number"),
    ('{"number": true, "response": "x"}', "'number' must be a finite number"),
    ('{"number": NaN, "response": "x"}', "'number' must be a finite number"),
    ('{"number": 1e999, "response": "x"}', "'number' must be a finite number"),
    ('{"number": ' + "9" * 400 + ', "response": "x"}', "'number' must be a finite number"),
    ('{"number": ' + "9" * 5000 + ', "response": "x"}', "unreadable JSON"),
    ('{"number": 1, "tolerance": -1, "response": "x"}', "'tolerance' must be"),
    ('{"number": 1, "response": "x", "tolerence": 0.1}', "unknown key 'tolerence'"),
    ("[" * 100_000 + "]" * 100_000, "JSON"),
])
def test_a_bad_line_is_reported_in_place_and_the_rest_carry_on(line, needle):
    good = '{"accept": ["Fox"], "response": "fox"}'
    result = run(["--jsonl"], f"{good}\n{line}\n{good}\n")
    assert result.exit_code == 1
    out = lines(result.stdout)
    assert len(out) == 3
    assert out[0] == out[2] == {"correct": True, "reason": "Correct."}
    assert out[1]["error"].startswith("line 2: ")
    assert needle in out[1]["error"]
    assert "Traceback" not in result.output


def test_jsonl_with_no_input_writes_nothing_and_succeeds():
    result = run(["--jsonl"], "")
    assert result.exit_code == 0
    assert result.stdout == ""


def test_jsonl_handles_crlf_no_final_newline_and_hostile_responses():
    huge = json.dumps({"accept": ["Fox"], "response": "Fox " * 5000})
    weird = json.dumps({"accept": ["Fox"], "response": "\u202eFox\x00", "id": "\ud800"})
    result = run(["--jsonl"], f'{{"accept": ["Fox"], "response": "fox"}}\r\n{huge}\r\n{weird}')
    assert result.exit_code == 0, result.output
    out = lines(result.stdout)
    assert [o["correct"] for o in out] == [True, False, True]
    assert out[1]["reason"].startswith("Too long")


def test_jsonl_survives_bytes_that_are_not_utf8():
    result = run(["--jsonl"], b'{"accept": ["Fox"], "response": "fox\xff"}\n\xfe\xff\n')
    assert "Traceback" not in result.output
    out = lines(result.stdout)
    assert len(out) == 2
    assert "error" in out[1]


class _FlushRecorder(io.StringIO):
    """Counts the output lines that had been flushed when the judge last flushed."""

    flushed = 0

    def flush(self) -> None:
        self.flushed = self.getvalue().count("\n")


def test_jsonl_answers_each_line_before_reading_the_next(monkeypatch):
    """A script can write a case and wait for its answer: nothing sits in a buffer."""
    recorder = _FlushRecorder()
    monkeypatch.setattr(sys, "stdout", recorder)
    cases = ['{"accept": ["a b"], "response": "a b"}\n', "\n", '{"number": 1, "response": "1"}\n']

    def source():
        for number, case in enumerate(cases):
            assert recorder.flushed == number  # every earlier answer is already out
            yield case

    assert judge_cli._judge_lines(source()) == 1
    assert recorder.flushed == 3
