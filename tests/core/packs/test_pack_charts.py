"""`chart:` on an explainer (read with line-numbered problems, drawn as a PNG, cached) and a
question's own `time_limit`.

A pack about a school's enrolment, not the article: the format is for any subject.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import charts
from bot.core.packs.library import PackLibrary
from bot.core.packs.loader import load_pack_text, parse_pack

PNG = b"\x89PNG\r\n\x1a\n"
ROOT = Path(__file__).resolve().parents[3]

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
explainers:
  - id: enrolment
    title: Enrolment
    short: Pupils rose from 410 to 640.
    chart:
      kind: line
      title: Pupils enrolled
      labels: [2015, 2020, 2025]
      values: [410, 520, 640]
      unit: pupils
      source: The annual report, table 1
"""


def test_a_chart_is_read_with_its_labels_values_and_unit():
    chart = load_pack_text(PACK, "school.yaml").explainer("enrolment").chart
    assert chart is not None
    assert (chart.kind, chart.labels, chart.values, chart.unit) == (
        "line", ("2015", "2020", "2025"), (410.0, 520.0, 640.0), "pupils")


@pytest.mark.parametrize("change, problem", [
    ("values: [410, 520, 640]", "values: [410, 520]"),
    ("kind: line", "kind: pie"),
    ("values: [410, 520, 640]", "values: [410, lots, 640]"),
])
def test_a_broken_chart_is_reported_at_its_line(change, problem):
    problems = list(parse_pack(PACK.replace(change, problem), "school.yaml").problems)
    assert problems and all(p.startswith("school.yaml:") for p in problems)
    assert any("chart" in p for p in problems)


def test_the_chart_is_a_png_drawn_once_per_data(monkeypatch):
    chart = load_pack_text(PACK, "school.yaml").explainer("enrolment").chart
    png = charts.chart_png(chart)
    assert png.startswith(PNG) and len(png) > 5000
    drawn = []
    monkeypatch.setattr(charts, "charts_available", lambda: drawn.append(1) or True)
    assert charts.chart_png(chart) is png and drawn == []  # from the cache, not redrawn


def test_the_article_pack_charts_its_figures_exactly_as_the_article_states_them():
    library = PackLibrary(ROOT / "questions")
    library.load_directory()
    pack = library.get("cartel-strikes")
    article = (ROOT.parent / "shared" / "source" / "cartel-strikes-article.txt")
    homicides = pack.explainer("homicide-figures").chart
    overdoses = pack.explainer("overdose-figures").chart
    assert homicides.values == (11000, 30000) and homicides.labels[0] == "2007"
    assert homicides.value_labels == ("roughly 11,000", "more than 30,000")
    assert overdoses.values == (-24,) and overdoses.unit == "% change"
    if article.exists():  # the source text lives beside the checkout in this workspace
        text = article.read_text()
        assert "roughly 11,000 homicides" in text and "more than 30,000" in text
        assert "declined by nearly 24%" in text


def test_a_question_time_limit_is_read_and_checked():
    timed = PACK.replace("    answer: 640\n", "    answer: 640\n    time_limit: 15\n")
    assert load_pack_text(timed, "school.yaml").question("pupils").time_limit == 15.0
    problems = list(parse_pack(timed.replace("time_limit: 15", "time_limit: 2"),
                               "school.yaml").problems)
    assert any("time_limit is 2 seconds; use 5 to 600" in p for p in problems)


def test_the_article_packs_question_charts_state_the_articles_figures():
    """Every value label of a cartel question's chart is written in the article as it stands,
    and a chart that gives the answer away waits for the reveal."""
    library = PackLibrary(ROOT / "questions")
    library.load_directory()
    pack = library.get("cartel-strikes")
    article = (ROOT.parent / "shared" / "source" / "cartel-strikes-article.txt").read_text()
    charted = {q.id: q for q in pack.questions if q.chart is not None}
    assert set(charted) >= {"homicides-2023", "evidence-homicides", "overdose-decline"}
    for question in charted.values():
        for label in question.chart.value_labels:
            assert label.replace("-", "") in article.replace("’", "'"), (question.id, label)
    assert charted["homicides-2023"].chart.values == (11000, 30000)
    assert charted["homicides-2023"].chart_on == "reveal"  # it shows the answer, 30,000
    assert charted["overdose-decline"].chart.values == (-24,)
    assert charted["overdose-decline"].chart_on == "reveal"
    assert charted["evidence-homicides"].chart_on == "question"  # the figures, not the claim
