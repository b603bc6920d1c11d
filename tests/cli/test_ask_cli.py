"""`quizbot ask` and `quizbot ask-log` through click, over a tiny pack folder and a temp DB."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from bot.cli import cli

PACK = """\
id: tiny
title: Tiny pack
description: A two-explainer pack for the ask CLI tests.
source: {title: Tiny source, author: nobody, outlet: nowhere, date: "2025-04"}
questions:
  - id: homicides-2007
    type: number
    prompt: Roughly how many homicides did Mexico register in 2007?
    answer: 11000
    explanation: The homicide paragraph gives roughly 11,000 for 2007.
explainers:
  - id: homicide-figures
    title: Mexico's homicide figures
    short: Mexico registered roughly 11,000 homicides in 2007 and more than 30,000 in 2023.
    examples: ["how many murders in mexico in 2007"]
    keywords: [homicides, murders, "2007", "2023"]
    quote: In 2007, Mexico registered roughly 11,000 homicides
  - id: fentanyl
    title: Why drones can't stop fentanyl
    short: Fentanyl is synthetic and can be made in a single room, so strikes miss it.
    examples: ["why cant drones stop fentanyl"]
    keywords: [synthetic, single room, drones]
"""


@pytest.fixture
def env(tmp_path):
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "tiny.yaml").write_text(PACK, encoding="utf-8")
    return {"QUIZBOT_PACKS": str(packs), "QUIZBOT_DB": str(tmp_path / "q.sqlite3")}


def run(env, args, stdin=""):
    return CliRunner().invoke(cli, args, input=stdin, env=env)


def test_one_question_prints_answer_quote_and_title(env):
    done = run(env, ["ask", "homocides", "in", "mexico", "2007?"])
    assert done.exit_code == 0, done.output
    assert "11,000" in done.output
    assert "In 2007, Mexico registered roughly 11,000 homicides" in done.output
    assert "Mexico's homicide figures" in done.output and "Tiny source" in done.output


def test_json_has_the_documented_shape(env):
    done = run(env, ["ask", "--json", "how many murders in mexico in 2007"])
    assert done.exit_code == 0
    data = json.loads(done.output)
    assert set(data) == {"matched", "answer", "explainer", "title", "confidence", "suggestions"}
    assert data["matched"] is True and data["explainer"] == "homicide-figures"
    assert isinstance(data["confidence"], float) and len(data["answer"]) <= 600


def test_refusal_suggests_topics_and_is_logged(env):
    done = run(env, ["ask", "--json", "who won the world cup"])
    data = json.loads(done.output)
    assert data["matched"] is False and data["explainer"] is None
    assert "don't know" in data["answer"] and 0 < len(data["suggestions"]) <= 3
    human = run(env, ["ask", "what's the weather in paris"])
    assert "Related topics:" in human.output


def test_jsonl_answers_in_order_and_reports_bad_lines(env):
    lines = ['{"q": "why cant drones stop fentanyl"}', "not json", '{"q": 5}', "",
             '{"q": "murders 2007"}', '{"q": "who won the world cup"}']
    done = run(env, ["ask", "--jsonl"], "\n".join(lines) + "\n")
    assert done.exit_code == 1
    out = [json.loads(line) for line in done.output.splitlines()]
    assert len(out) == len(lines)
    assert out[0]["explainer"] == "fentanyl"
    assert out[1]["error"].startswith("line 2:") and out[2]["error"].startswith("line 3:")
    assert out[3]["error"].startswith("line 4:")
    assert out[4]["explainer"] == "homicide-figures" and out[5]["matched"] is False


def test_jsonl_all_good_exits_zero(env):
    done = run(env, ["ask", "--jsonl"], '{"q": "murders 2007"}\n')
    assert done.exit_code == 0 and json.loads(done.output)["matched"] is True


def test_interactive_reads_until_quit_and_works_piped(env):
    done = run(env, ["ask"], "murders 2007\n\n   \nwhy cant drones stop fentanyl\nquit\nnot read\n")
    assert done.exit_code == 0, done.output
    assert "11,000" in done.output and "single room" in done.output
    assert "not read" not in done.output


def test_interactive_stops_at_end_of_input(env):
    done = run(env, ["ask", "--json"], "murders 2007")
    assert done.exit_code == 0 and json.loads(done.output)["matched"] is True


def test_ask_log_lists_unanswered_most_frequent_first(env):
    for text in ("who won the world cup", "what is the capital of france",
                 "who won the world cup", "murders 2007"):
        run(env, ["ask", text])
    listed = run(env, ["ask-log", "--json"])
    assert listed.exit_code == 0
    rows = json.loads(listed.output)
    assert [(r["text"], r["count"]) for r in rows] == [("who won the world cup", 2),
                                                       ("what is the capital of france", 1)]
    assert all(isinstance(r["last_asked"], float) for r in rows)
    human = run(env, ["ask-log", "--guild", "local"])
    assert human.output.splitlines()[0].split()[0] == "2"
    assert "No unanswered" in run(env, ["ask-log", "--guild", "elsewhere"]).output


def test_unknown_pack_and_bad_usage_are_one_line_errors(env):
    done = run(env, ["ask", "--pack", "nope", "murders 2007"])
    assert done.exit_code == 1 and "nope" in done.output
    assert "Traceback" not in done.output
    both = run(env, ["ask", "--jsonl", "murders 2007"])
    assert both.exit_code == 2


def test_pack_filter_answers_from_that_pack(env):
    done = run(env, ["ask", "--pack", "tiny", "--json", "murders 2007"])
    assert json.loads(done.output)["explainer"] == "homicide-figures"


def test_hostile_input_never_crashes(env):
    nasty = "\x00\x1b[31m💥" * 2000 + "\n" + "x" * 10_000 + "\nquit\n"
    done = run(env, ["ask"], nasty)
    assert done.exit_code == 0 and "Traceback" not in done.output
