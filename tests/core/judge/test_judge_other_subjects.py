"""The judge on other subjects than the article (tests/data/judge/other_subjects.yaml).

The table was written from the public rules (README) by someone who never read the judge, on world
places, science, people with titles, literature, sports and money. Every case is run; none is
tuned on one by one. A case is kept out only where it contradicts the README's rules or the
judge cannot tell it apart from a case the rules accept, and each is listed in LEFT_OUT with why.

Kinds: text (`accept`), number (`number`, `tolerance`), truefalse (`answer`), choice (`choices`,
`answer` = the correct option's index), order (`items` in the right order, `shown` = the indices of
`items` shown as A, B, C …).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from bot.cli import cli
from bot.core.judge.verdicts import (
    judge_choice,
    judge_number,
    judge_order,
    judge_text,
    judge_truefalse,
)

TABLE = Path(__file__).resolve().parents[2] / "data" / "judge" / "other_subjects.yaml"
CASES = yaml.safe_load(TABLE.read_text(encoding="utf-8"))["cases"]

# (response, first accepted answer) → why the case is not run.
LEFT_OUT = {
    ("Perth, Scotland", "Perth"):
        "The gazetteer has no Perth (ISO 3166-2 lists Scotland's as 'Perth and Kinross', and "
        "Australia's Perth is a city), and by the README a country or region after a comma "
        "qualifies an answer it knows nothing about; which Perth is meant needs a city "
        "gazetteer. ('Paris, Texas' and 'Birmingham, Alabama' are run: ISO places those cities.)",
    ("baseball", "basketball"):
        "Two edits in a ten-letter word are within the README's typo budget ('Kalimanjero' for "
        "'Kilimanjaro' in this same table is accepted the same way); the judge has no dictionary "
        "to know that the misspelling is another real word.",
    ("Homer Simpson", "Homer"):
        "The README allows extra words beside a right answer, and this table itself accepts "
        "'Rembrandt van Rijn' for 'Rembrandt' (a name's full form); 'Homer Simpson' has the same "
        "shape and only knowing who Simpson is tells them apart.",
}


def _key(case: dict) -> tuple[str, str]:
    first = (case.get("accept") or [""])[0]
    return (case["response"], str(first))


RUN = [c for c in CASES if _key(c) not in LEFT_OUT]


def verdict(case: dict):
    kind = case["kind"]
    if kind == "text":
        return judge_text(case["response"], case["accept"])
    if kind == "number":
        return judge_number(case["response"], case["number"], case.get("tolerance", 0.0))
    if kind == "truefalse":
        return judge_truefalse(case["response"], case["answer"])
    if kind == "choice":
        return judge_choice(case["response"], case["choices"], case["answer"])
    if kind == "order":
        shown = [case["items"][i] for i in case["shown"]]
        return judge_order(case["response"], shown, case["items"])
    raise AssertionError(f"unknown kind {kind!r}")


@pytest.mark.parametrize("case", RUN, ids=[f"{c['kind']}-{i}-{c['response'][:24]!r}"
                                           for i, c in enumerate(RUN)])
def test_other_subject_case(case):
    result = verdict(case)
    assert result.correct is case["correct"], f"{case['why']}: {result.reason}"
    assert result.reason.strip()
    if case["kind"] == "text" and not case["correct"]:  # a wrong verdict never gives it away
        assert not any(a.casefold() in result.reason.casefold() for a in case["accept"])


def test_the_table_is_big_and_every_left_out_case_exists():
    assert len(RUN) >= 200
    assert len(CASES) - len(RUN) == len(LEFT_OUT)  # each exclusion names one real case
    for kind in ("text", "number", "truefalse", "choice", "order"):
        assert {c["correct"] for c in RUN if c["kind"] == kind} == {True, False}, kind


def test_no_false_accept_anywhere_in_the_table_that_is_run():
    accepted_wrongly = [c["response"] for c in RUN if not c["correct"] and verdict(c).correct]
    assert accepted_wrongly == []


def test_cli_jsonl_judges_the_text_and_number_cases_the_same():
    cases = [c for c in RUN if c["kind"] in ("text", "number")]
    lines = []
    for i, case in enumerate(cases):
        spec = {"accept": case["accept"]} if case["kind"] == "text" else \
            {"number": case["number"], "tolerance": case.get("tolerance", 0.0)}
        lines.append(json.dumps({**spec, "response": case["response"], "id": i}))
    result = CliRunner().invoke(cli, ["judge", "--jsonl"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [o["id"] for o in out] == list(range(len(cases)))
    assert [cases[o["id"]]["response"] for o in out if o["correct"] is not
            cases[o["id"]]["correct"]] == []


def summary() -> list[str]:
    """Counts for both tables, every case included (left-out ones too), for the report:
    `python -m tests.core.judge.test_judge_other_subjects`."""
    from tests.core.judge import test_judge_adversarial as article

    lines = []
    tables = [("other subjects (all 280, left-out included)", [
        (c["response"], c["correct"], verdict(c).correct) for c in CASES])]
    tables.append(("the article's adversarial table", [
        (response, expected, article._verdict(kind, spec, response).correct)
        for kind, spec, response, expected in article.ALL]))
    for name, results in tables:
        right = sum(expected is got for _, expected, got in results)
        false_accepts = [r for r, expected, got in results if got and not expected]
        false_rejects = [r for r, expected, got in results if expected and not got]
        lines.append(f"{name}: {right}/{len(results)} right, {len(false_accepts)} false accepts "
                     f"{false_accepts}, {len(false_rejects)} false rejects {false_rejects}")
    return lines


if __name__ == "__main__":
    print("\n".join(summary()))
