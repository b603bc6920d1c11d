"""`quizbot play` names a question's chart where it is shown (with the question for
chart_on: question, after the answer otherwise) and `--charts DIR` writes it as a PNG; a pack
picture file is named; `pack install` refuses a picture file (nothing would store it).

A pack about a school, not the article.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.charts import charts_available
from bot.cli import cli

PACK = """\
id: school
title: School
description: Enrolment.
source: {title: Annual report, author: the office, outlet: school, date: "2026"}
questions:
  - id: pupils
    type: number
    prompt: How many pupils in 2025?
    answer: 640
    explanation: The report's first table.
    chart: {title: "Pupils: 640 in 2025", labels: ["2015", "2025"], values: [410, 640]}
  - id: growth
    type: truefalse
    prompt: Did enrolment grow from 2015 to 2025?
    answer: true
    explanation: The first table.
    image: plates/school.png
    chart: {title: Pupils enrolled, labels: ["2015", "2025"], values: [410, 640]}
    chart_on: question
"""


def setup(tmp_path: Path) -> dict[str, str]:
    packs = tmp_path / "packs"
    (packs / "plates").mkdir(parents=True)
    (packs / "plates" / "school.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 16)
    (packs / "school.yaml").write_text(PACK)
    return {"QUIZBOT_PACKS": str(packs), "QUIZBOT_DB": str(tmp_path / "q.sqlite3")}


def play(env: dict[str, str], *extra: str):
    return CliRunner().invoke(cli, ["play", "--pack", "school", "--count", "2", "--seed", "1",
                                    "--name", "Ann", *extra], input="skip\nskip\n", env=env)


def blocks(output: str) -> dict[str, str]:
    """Each question's text (from its Qn/2 line to the next), keyed by its prompt's first word."""
    parts = re.split(r"\nQ\d+/", output)[1:]
    return {("growth" if "grow" in part else "pupils"): part for part in parts}


def test_play_names_each_chart_where_it_is_shown(tmp_path: Path):
    played = play(setup(tmp_path))
    assert played.exit_code == 0, played.output
    shown = blocks(played.output)
    growth, pupils = shown["growth"], shown["pupils"]
    # chart_on: question → named before the answer is asked for; else after the answer
    assert growth.index("Chart: Pupils enrolled") < growth.index("[true or false]")
    assert pupils.index("Answer: 640") < pupils.index("Chart: Pupils: 640 in 2025")
    assert "Chart: Pupils: 640 in 2025" not in pupils.split("Skipped.")[0]
    assert "(--charts DIR writes it as a PNG)" in played.output
    assert "[image:" in growth and "plates/school.png]" in growth  # the path may wrap


@pytest.mark.skipif(not charts_available(), reason="needs matplotlib (the charts extra)")
def test_play_charts_dir_writes_each_chart_as_a_png(tmp_path: Path):
    out = tmp_path / "charts"
    played = play(setup(tmp_path), "--charts", str(out))
    assert played.exit_code == 0, played.output
    written = sorted(out.glob("chart-*.png"))
    assert len(written) == 2
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in written)
    for path in written:
        assert f"-> {path}" in played.output.replace("\n       ", " ")


def test_a_charts_path_that_cannot_be_a_folder_is_one_line(tmp_path: Path):
    (tmp_path / "file").write_text("")
    played = play(setup(tmp_path), "--charts", str(tmp_path / "file" / "sub"))
    assert played.exit_code != 0
    assert "Traceback" not in played.output and len(played.output.strip().splitlines()) == 1


def test_pack_install_refuses_a_picture_file_with_one_line_per_problem(tmp_path: Path):
    env = setup(tmp_path)
    installed = CliRunner().invoke(cli, ["pack", "install", env["QUIZBOT_PACKS"] + "/school.yaml"],
                                   env=env)
    assert installed.exit_code != 0
    assert "school.yaml:17:" in installed.output and "https:// URL" in installed.output
    assert "Traceback" not in installed.output
