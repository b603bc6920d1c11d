"""Coverage and quality checks for the `cartel-strikes` pack (questions/cartel-strikes.yaml).

The COVERAGE table below *is* the pack's coverage map: every fact, figure and argument of the
article that the pack must teach, the article's own wording for it, and the question ids and
explainer ids that cover it. questions/cartel-strikes.md is rendered from this table; regenerate it
after editing the table with:

    .venv/bin/python tests/test_cartel_pack.py > questions/cartel-strikes.md

The pack is read with yaml.safe_load so these checks do not depend on the pack loader; if the
loader (bot.core.packs.loader.load_pack) is installed, one extra test checks that it accepts
the pack too.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from typing import NamedTuple

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
PACK_PATH = REPO / "questions" / "cartel-strikes.yaml"
MAP_PATH = REPO / "questions" / "cartel-strikes.md"
ARTICLE_PATH = (
    Path(__file__).resolve().parents[2] / "shared" / "source" / "cartel-strikes-article.txt"
)

TYPES = {"choice", "truefalse", "text", "number", "order"}
TAGS = {"figure", "argument", "counterargument", "evidence", "inference"}
LOCATION_WORDS = re.compile(r"\b(paragraphs?|opening|closing|section|article)\b", re.IGNORECASE)
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_QUOTE_WORDS = 30
COPY_RUN = 12  # this many consecutive article words outside quotation marks count as copying


class Row(NamedTuple):
    """One coverage-map row: the article's wording, and where the pack teaches it."""

    article: str  # must appear in the article and (same spelling) in each listed question/explainer
    questions: tuple[str, ...]
    explainers: tuple[str, ...]
    number: float | None = None  # if set, one listed number question must have exactly this answer


# fmt: off
COVERAGE: dict[str, Row] = {
    # --- Figures and facts ---
    "Esper's memoir, about a year and a half after his firing": Row(
        "a year and a half", ("esper-memoir-timing",), ("esper-memoir",)),
    "Mark Esper, former Defense Secretary": Row(
        "Mark Esper", ("esper-name", "trump-asked-esper"), ("esper-memoir",)),
    "Trump asked twice about strikes on fentanyl labs": Row(
        "twice", ("trump-asked-esper", "esper-asked-twice"), ("esper-memoir",), 2),
    "Missile attacks on cartel fentanyl labs": Row(
        "fentanyl labs", ("trump-asked-esper", "order-esper-story"), ("esper-memoir",)),
    "Trump's \"no comment\"": Row(
        "no comment", ("trump-no-comment", "no-comment-implication"), ("esper-memoir",)),
    "Implication: Trump may have liked the idea": Row(
        "good idea", ("no-comment-implication",), ("esper-memoir",)),
    "Four years later": Row(
        "Four years later", ("four-years-later",), ("nbc-report",), 4),
    "NBC News report": Row(
        "NBC News", ("nbc-outlet", "nbc-discussants", "order-esper-story"), ("nbc-report",)),
    "Report dated April 8": Row(
        "April 8", ("nbc-outlet", "nbc-discussants"), ("nbc-report",)),
    "White House, Defense Department, intelligence community": Row(
        "intelligence community", ("nbc-discussants",), ("nbc-report",)),
    "Drone strikes on cartel infrastructure": Row(
        "cartel infrastructure", ("nbc-outlet", "nbc-discussants"), ("nbc-report",)),
    "Ideally with Mexico's cooperation": Row(
        "cooperation", ("tf-nbc-unilateral",), ("nbc-report",)),
    "Unilaterally as a last resort": Row(
        "last resort", ("tf-nbc-unilateral",), ("nbc-report",)),
    "JD Vance": Row(
        "JD Vance", ("officials-not-listed", "officials-why-listed"), ("officials",)),
    "Pete Hegseth": Row(
        "Pete Hegseth", ("hegseth-role", "officials-not-listed"), ("officials",)),
    "Ronald Johnson": Row(
        "Ronald Johnson", ("ambassador-name", "officials-not-listed"), ("officials",)),
    "Johnson is ambassador to Mexico": Row(
        "ambassador to Mexico", ("ambassador-name",), ("officials",)),
    "Vicente Fox": Row(
        "Vicente Fox", ("fox-name", "order-timeline"), ("mexico-militarization",)),
    "Fox at the turn of the century": Row(
        "turn of the century", ("fox-name",), ("mexico-militarization",)),
    "Cartels largely avoided attacking the state in the 1980s and 1990s": Row(
        "1980s and 1990s", ("cartels-avoided-decades",), ("cartels-and-the-state",)),
    "About 11,000 homicides": Row(
        "11,000", ("homicides-2007", "evidence-homicides"), ("homicide-figures",), 11000),
    "Homicide baseline year 2007": Row(
        "2007", ("homicides-2007",), ("homicide-figures",)),
    "More than 30,000 homicides": Row(
        "30,000", ("homicides-2023", "homicide-streak"), ("homicide-figures",), 30000),
    "2023, last year of full data": Row(
        "2023", ("homicide-data-year", "homicides-2023"), ("homicide-figures",), 2023),
    "Sixth year in a row": Row(
        "sixth year in a row", ("homicides-2023", "homicide-streak"), ("homicide-figures",), 6),
    "Kingpin Strategy": Row(
        "Kingpin Strategy", ("kingpin-name", "rebuttal-kingpin"), ("kingpin-strategy",)),
    "About two decades of the Kingpin Strategy": Row(
        "two decades", ("kingpin-years", "rebuttal-kingpin"), ("kingpin-strategy",), 2),
    "El Chapo": Row(
        "El Chapo", ("el-chapo-name",), ("el-chapo",)),
    "Joaquin Guzman": Row(
        "Joaquin", ("el-chapo-name", "el-chapo-year"), ("el-chapo",)),
    "El Chapo captured in 2016": Row(
        "2016", ("el-chapo-year", "el-chapo-name"), ("el-chapo",), 2016),
    "El Chapo extradited": Row(
        "extradited", ("el-chapo-name", "order-sinaloa"), ("el-chapo",)),
    "Justice in Mexico program": Row(
        "Justice in Mexico", ("study-name", "evidence-kingpin-violence"),
        ("justice-in-mexico-study",)),
    "University of San Diego": Row(
        "University of San Diego", ("study-name",), ("justice-in-mexico-study",)),
    "Killings spiked after Guzman's arrest": Row(
        "spiked", ("study-name", "evidence-kingpin-violence"), ("justice-in-mexico-study",)),
    "Ismael \"El Mayo\" Zambada García": Row(
        "Zambada García", ("el-mayo-name", "el-mayo-year"), ("el-mayo",)),
    "El Mayo, a Sinaloa Cartel founder": Row(
        "founders of the Sinaloa Cartel", ("el-mayo-name",), ("el-mayo",)),
    "El Mayo captured in 2024": Row(
        "2024", ("el-mayo-year", "el-mayo-name"), ("el-mayo",), 2024),
    "Civil war in the Sinaloa Cartel": Row(
        "civil war", ("chapitos",), ("sinaloa-civil-war",)),
    "The Chapitos": Row(
        "Chapitos", ("chapitos",), ("sinaloa-civil-war",)),
    "Chapitos led by Guzman's sons": Row(
        "Guzman's sons", ("chapitos",), ("sinaloa-civil-war",)),
    "Culiacán": Row(
        "Culiacán", ("culiacan-name", "culiacan-population", "order-sinaloa"),
        ("sinaloa-civil-war",)),
    "Culiacán, about 1 million people": Row(
        "1 million", ("culiacan-population",), ("sinaloa-civil-war",), 1_000_000),
    "War zone since last September": Row(
        "since last September", ("culiacan-name",), ("sinaloa-civil-war",)),
    "Fentanyl is synthetic": Row(
        "synthetic", ("fentanyl-air", "tf-fentanyl-land"), ("why-fentanyl-is-different",)),
    "Made in a single room": Row(
        "single room", ("fentanyl-name", "fentanyl-air"), ("why-fentanyl-is-different",)),
    "Little technical skill needed": Row(
        "skill", ("fentanyl-name", "fentanyl-air"), ("why-fentanyl-is-different",)),
    "Cheap to produce": Row(
        "cheap", ("fentanyl-air",), ("why-fentanyl-is-different",)),
    "$800 of precursor chemicals": Row(
        "$800", ("precursor-cost", "evidence-profit"), ("fentanyl-profits",), 800),
    "2023 Justice Department indictment": Row(
        "2023 Justice Department indictment", ("precursor-cost",), ("fentanyl-profits",)),
    "Millions in street profit": Row(
        "millions", ("precursor-cost",), ("fentanyl-profits",)),
    "DEA: billions earned": Row(
        "billions", ("dea-name", "evidence-profit"), ("fentanyl-profits",)),
    "Drug Enforcement Administration": Row(
        "Drug Enforcement Administration", ("dea-name",), ("fentanyl-profits",)),
    "Overdose deaths down nearly 24%": Row(
        "24%", ("overdose-decline", "tf-overdoses-rising"), ("overdose-figures",), 24),
    "September 2023 to September 2024": Row(
        "September 2024", ("overdose-decline", "tf-overdoses-rising"), ("overdose-figures",)),
    "Leading cause of death": Row(
        "leading cause of death", ("overdose-age-range",), ("overdose-figures",)),
    "Americans aged 18 to 44": Row(
        "18 to 44", ("overdose-age-range", "tf-synthetic-bulk"), ("overdose-figures",)),
    "Synthetic opioids cause the bulk": Row(
        "Synthetic opioids", ("tf-synthetic-bulk",), ("overdose-figures",)),
    # --- Arguments ---
    "Thesis: boneheaded": Row(
        "boneheaded", ("thesis-sentence", "thesis-word"), ("thesis",)),
    "Thesis: risky, counterproductive": Row(
        "counterproductive", ("thesis-sentence", "thesis-word", "order-argument"), ("thesis",)),
    "Further militarization of the failed war on drugs": Row(
        "war on drugs", ("war-on-drugs-frame",), ("war-on-drugs",)),
    "Military force is not a novel concept": Row(
        "novel concept", ("tf-novel-concept",), ("war-on-drugs",)),
    "Prediction: a rising death toll": Row(
        "death toll", ("predicted-results-not",), ("predicted-results",)),
    "Prediction: a broken bilateral relationship": Row(
        "bilateral relationship", ("predicted-results-not",), ("predicted-results",)),
    "Prediction: little reduction in the fentanyl trade": Row(
        "little reduction in the fentanyl trade", ("predicted-results-not",),
        ("predicted-results",)),
    "Mexico's militarization: violence skyrocketed": Row(
        "skyrocketed", ("mexico-militarization-results", "tf-mexico-some-gains"),
        ("mexico-militarization",)),
    "Mexico's militarization: cartels retaliated against the state": Row(
        "retaliated", ("mexico-militarization-results",),
        ("mexico-militarization", "cartels-and-the-state")),
    "Mexico's militarization: civilians bore the brunt": Row(
        "bore the brunt", ("mexico-militarization-results",),
        ("mexico-militarization", "cartels-and-the-state")),
    "Mexico's militarization: progress short-lived, for public relations": Row(
        "public relations", ("mexico-militarization-results",), ("mexico-militarization",)),
    "Counterargument: U.S. military more capable": Row(
        "more capable", ("tf-us-more-capable", "rebuttal-kingpin"), ("us-military-objection",)),
    "Counterargument: more discriminate strikes": Row(
        "discriminate", ("tf-us-more-capable",), ("us-military-objection",)),
    "Counterargument: no patrols as in Iraq or Afghanistan": Row(
        "Iraq or Afghanistan", ("counterargument-countries",), ("us-military-objection",)),
    "Rebuttal: strikes extend the Kingpin Strategy": Row(
        "Kingpin Strategy", ("rebuttal-kingpin",), ("kingpin-strategy", "us-military-objection")),
    "Killing leaders gives an illusion of progress": Row(
        "illusion of progress", ("tf-us-kill-leaders",), ("kingpin-strategy",)),
    "After a leader's death: jockeying": Row(
        "jockeying", ("leader-death", "order-succession"), ("after-a-leader-falls",)),
    "After a leader's death: intracartel violence": Row(
        "intracartel violence", ("leader-death", "order-succession"), ("after-a-leader-falls",)),
    "Until someone consolidates power or the group splits": Row(
        "consolidates power", ("leader-death", "order-succession"), ("after-a-leader-falls",)),
    "Rivals move into the territory": Row(
        "territory", ("tf-rivals", "leader-death"), ("after-a-leader-falls",)),
    "Fentanyl unlike coca and opium": Row(
        "coca or opium", ("fentanyl-name", "fentanyl-air"), ("why-fentanyl-is-different",)),
    "Nothing exposed from the air": Row(
        "exposed from the air", ("fentanyl-air", "tf-fentanyl-land"),
        ("why-fentanyl-is-different",)),
    "Demand keeps production going": Row(
        "demand", ("tf-gravy-train", "evidence-profit"), ("fentanyl-profits",)),
    "Profit keeps production going (the gravy train)": Row(
        "gravy train", ("tf-gravy-train",), ("fentanyl-profits",)),
    "Concession: the urgency is understandable": Row(
        "urgency", ("concession",), ("concession-and-conclusion",)),
    "Conclusion: drone strikes are showy": Row(
        "showy", ("conclusion",), ("concession-and-conclusion",)),
    "Conclusion: no easy solution": Row(
        "easy solution", ("conclusion",), ("concession-and-conclusion",)),
}

# Critical-reading skills have no single article string; `article` holds a word the listed
# questions and explainers must use instead (it is not looked up in the article).
CRITICAL: dict[str, Row] = {
    "Which sentence states the thesis": Row(
        "thesis", ("thesis-sentence",), ("thesis",)),
    "Which evidence supports which claim": Row(
        "evidence", ("evidence-homicides", "evidence-kingpin-violence", "evidence-profit"),
        ("evidence-map",)),
    "What the author concedes": Row(
        "conce", ("concession", "tf-mexico-some-gains", "tf-us-kill-leaders"),
        ("concession-and-conclusion",)),
    "Not shown: casualties of U.S. strikes": Row(
        "casualt", ("not-shown",), ("what-the-article-does-not-show",)),
    "Not shown: fentanyl lab numbers or locations": Row(
        "labs", ("tf-lab-locations",), ("what-the-article-does-not-show",)),
    "Not shown: that militarization caused the homicide rise": Row(
        "cause", ("tf-homicide-causation",),
        ("what-the-article-does-not-show", "homicide-figures")),
    "What evidence would weaken the argument": Row(
        "weaken", ("weakens",), ("what-would-weaken-the-argument",)),
    "Order of the argument": Row(
        "thesis", ("order-argument",), ("about-the-article",)),
    "Author, outlet and date not stated": Row(
        "not named", ("tf-author-named",), ("about-the-article",)),
}
# fmt: on


# --- helpers -------------------------------------------------------------------------------


def normalize(text: str) -> str:
    """Straight quotes and apostrophes, single spaces, lowercase (accents are kept)."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def words(text: str) -> list[str]:
    return re.findall(r"[\w$%]+", normalize(text))


def without_quoted(text: str) -> str:
    """The text with "quoted passages" removed (quoting the article is allowed)."""
    return re.sub(r'"[^"]*"', " ", normalize(text))


def quoted_segments(text: str) -> list[str]:
    return re.findall(r'"([^"]*)"', normalize(text))


def load_yaml() -> dict:
    with PACK_PATH.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def question_text(q: dict) -> str:
    parts: list = [q.get("prompt", ""), q.get("explanation", ""), q.get("quote") or ""]
    parts += q.get("choices", []) or []
    parts += q.get("answers", []) or []
    parts += q.get("hints", []) or []
    answer = q.get("answer")
    if isinstance(answer, list):
        parts += answer
    elif answer is not None and not isinstance(answer, bool):
        parts.append(str(answer))
    return normalize(" ".join(str(p) for p in parts))


def explainer_text(e: dict) -> str:
    parts: list = [e.get("title", ""), e.get("short", ""), e.get("body", ""), e.get("quote") or ""]
    parts += e.get("examples", []) or []
    parts += e.get("keywords", []) or []
    return normalize(" ".join(str(p) for p in parts))


def render_coverage_markdown() -> str:
    """The human-readable coverage map (questions/cartel-strikes.md), built from the tables."""

    def table(rows: dict[str, Row], heading: str) -> list[str]:
        lines = [f"| {heading} | Article wording | Questions | Explainers |", "|---|---|---|---|"]
        for name, row in rows.items():
            qs = ", ".join(f"`{q}`" for q in row.questions) or "-"
            es = ", ".join(f"`{e}`" for e in row.explainers) or "-"
            wording = row.article.replace("|", "\\|")
            if row.number is not None:
                wording += f" (number answer: {row.number:g})"
            lines.append(f"| {name.replace('|', chr(92) + '|')} | {wording} | {qs} | {es} |")
        return lines

    out = [
        "# Coverage map: `cartel-strikes` pack",
        "",
        "Every fact, figure and argument the pack must teach, with the article's wording and the",
        "question ids and explainer ids that cover it. Generated from the COVERAGE and CRITICAL",
        "tables in `tests/test_cartel_pack.py` (the test checks this file is up to date):",
        "",
        "    .venv/bin/python tests/test_cartel_pack.py > questions/cartel-strikes.md",
        "",
        "Source: an opinion article on proposed U.S. military strikes against Mexican cartels",
        "(`shared/source/cartel-strikes-article.txt`, not copied into this repository). Author and",
        "outlet are not named in the source text; the publication date is not stated.",
        "",
        "## Facts, figures and arguments",
        "",
        *table(COVERAGE, "Item"),
        "",
        "## Critical reading",
        "",
        "For these rows the wording column is a word the questions and explainers must use,",
        "not a phrase from the article.",
        "",
        *table(CRITICAL, "Skill"),
        "",
    ]
    return "\n".join(out)


# --- fixtures ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pack() -> dict:
    return load_yaml()


@pytest.fixture(scope="module")
def questions(pack) -> dict[str, dict]:
    return {q["id"]: q for q in pack["questions"]}


@pytest.fixture(scope="module")
def explainers(pack) -> dict[str, dict]:
    return {e["id"]: e for e in pack.get("explainers", [])}


@pytest.fixture(scope="module")
def article() -> str:
    if not ARTICLE_PATH.is_file():
        pytest.skip(f"source article not found at {ARTICLE_PATH} (shared/ is outside the repo)")
    return ARTICLE_PATH.read_text(encoding="utf-8")


# --- 1. coverage ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(COVERAGE))
def test_coverage_row_matches_article_and_pack(name, article, questions, explainers):
    row = COVERAGE[name]
    wording = normalize(row.article)
    assert wording in normalize(article), f"{name}: {row.article!r} is not in the article"
    assert row.questions and row.explainers, f"{name}: needs a question and an explainer"
    for qid in row.questions:
        assert qid in questions, f"{name}: no question {qid!r}"
        assert wording in question_text(questions[qid]), (
            f"{name}: question {qid!r} does not mention {row.article!r}"
        )
    for eid in row.explainers:
        assert eid in explainers, f"{name}: no explainer {eid!r}"
        assert wording in explainer_text(explainers[eid]), (
            f"{name}: explainer {eid!r} does not mention {row.article!r}"
        )
    if row.number is not None:
        numeric = [questions[q] for q in row.questions if questions[q]["type"] == "number"]
        assert any(q["answer"] == row.number for q in numeric), (
            f"{name}: no number question among {row.questions} answers {row.number}"
        )


@pytest.mark.parametrize("name", list(CRITICAL))
def test_critical_reading_row(name, questions, explainers):
    row = CRITICAL[name]
    for qid in row.questions:
        assert qid in questions, f"{name}: no question {qid!r}"
        assert normalize(row.article) in question_text(questions[qid]), (name, qid)
    for eid in row.explainers:
        assert eid in explainers, f"{name}: no explainer {eid!r}"
        assert normalize(row.article) in explainer_text(explainers[eid]), (name, eid)


def test_explainers_point_back_to_covering_questions(explainers):
    """Each row's questions are reachable from (related to) at least one of its explainers."""
    for name, row in {**COVERAGE, **CRITICAL}.items():
        related = {q for e in row.explainers for q in explainers[e].get("related", [])}
        missing = [q for q in row.questions if q not in related]
        assert not missing, f"{name}: {missing} not in related of {row.explainers}"


def test_every_question_reachable_from_an_explainer(questions, explainers):
    related = {q for e in explainers.values() for q in e.get("related", [])}
    assert not set(questions) - related


def test_every_question_and_explainer_in_the_coverage_map(questions, explainers):
    rows = {**COVERAGE, **CRITICAL}.values()
    mapped_q = {q for r in rows for q in r.questions}
    mapped_e = {e for r in rows for e in r.explainers}
    assert not set(questions) - mapped_q, "questions missing from the coverage map"
    assert not set(explainers) - mapped_e, "explainers missing from the coverage map"


def test_markdown_map_is_up_to_date():
    assert MAP_PATH.is_file(), "questions/cartel-strikes.md is missing"
    assert MAP_PATH.read_text(encoding="utf-8") == render_coverage_markdown(), (
        "questions/cartel-strikes.md is stale: run "
        "`.venv/bin/python tests/test_cartel_pack.py > questions/cartel-strikes.md`"
    )


# --- 2. structure --------------------------------------------------------------------------


def test_pack_header(pack):
    assert pack["id"] == "cartel-strikes"
    assert pack["title"] and pack["description"]
    src = pack["source"]
    assert src["author"] == "not named in the source text"
    assert src["outlet"] == "not named in the source text"
    assert src["date"] == "not stated"
    assert isinstance(src["title"], str) and src["title"]
    allowed = {"id", "title", "description", "source", "topics", "questions", "explainers",
               "glossary"}
    assert set(pack) <= allowed


def test_question_counts(questions):
    qs = list(questions.values())
    assert len(qs) >= 45
    by_type = {t: sum(q["type"] == t for q in qs) for t in TYPES}
    assert all(n >= 4 for n in by_type.values()), by_type
    assert {q.get("difficulty", 1) for q in qs} == {1, 2, 3}


def test_ids_unique_and_well_formed(pack):
    qids = [q["id"] for q in pack["questions"]]
    eids = [e["id"] for e in pack["explainers"]]
    assert len(qids) == len(set(qids))
    assert len(eids) == len(set(eids))
    for i in qids + eids:
        assert ID_RE.match(i), i


def test_question_fields(pack):
    topics = set(pack["topics"])
    allowed = {
        "id",
        "type",
        "prompt",
        "choices",
        "answer",
        "answers",
        "tolerance",
        "hints",
        "explanation",
        "quote",
        "topic",
        "tags",
        "difficulty",
        "points",
        "chart",
        "chart_on",
    }
    for q in pack["questions"]:
        qid = q["id"]
        assert set(q) <= allowed, (qid, set(q) - allowed)
        assert q["type"] in TYPES, qid
        assert isinstance(q["prompt"], str) and q["prompt"].strip(), qid
        assert q.get("topic") in topics, qid
        assert q.get("tags") and set(q["tags"]) <= TAGS, qid
        assert q.get("difficulty", 1) in (1, 2, 3), qid
        assert isinstance(q.get("points", 100), int) and q.get("points", 100) > 0, qid
        assert all(isinstance(h, str) for h in q.get("hints", [])), qid
        assert not re.search(r"previous question|question above|as above", q["prompt"], re.I), qid


def test_answer_keys_by_type(questions):
    for qid, q in questions.items():
        t = q["type"]
        if t == "choice":
            choices = q["choices"]
            assert 2 <= len(choices) <= 10 and len(set(choices)) == len(choices), qid
            assert all(isinstance(c, str) for c in choices), qid
            assert q["answer"] in choices, qid
        elif t == "truefalse":
            assert isinstance(q["answer"], bool), qid
        elif t == "text":
            answers = q["answers"]
            assert answers and all(isinstance(a, str) and a.strip() for a in answers), qid
        elif t == "number":
            value = q["answer"]
            assert isinstance(value, int | float) and not isinstance(value, bool), qid
            tol = q.get("tolerance", 0)
            assert 0 <= tol <= 0.1, qid
            if isinstance(value, int) and 1900 <= value <= 2100:
                assert tol == 0, f"{qid}: years take tolerance 0"
            if isinstance(value, int) and value < 100 and "percent" not in q["prompt"].lower():
                assert tol == 0, f"{qid}: small counts take tolerance 0"
        elif t == "order":
            choices, answer = q["choices"], q["answer"]
            assert sorted(choices) == sorted(answer) and len(set(answer)) == len(answer), qid
            assert choices != answer, f"{qid}: displayed order is already the answer"


def test_first_question_is_a_sensible_start(pack):
    first = pack["questions"][0]
    assert first.get("difficulty", 1) == 1
    assert "opening paragraph" in first["explanation"].lower()


def test_explanations_name_a_place_in_the_article(questions):
    for qid, q in questions.items():
        assert isinstance(q["explanation"], str) and len(q["explanation"]) > 40, qid
        assert LOCATION_WORDS.search(q["explanation"]), f"{qid}: explanation names no location"


def test_explainers(pack, questions):
    topics = set(pack["topics"])
    explainers = pack["explainers"]
    assert len(explainers) >= 18
    allowed = {"id", "title", "short", "body", "examples", "keywords", "quote", "related", "topic",
               "chart"}
    for e in explainers:
        eid = e["id"]
        assert set(e) <= allowed, eid
        assert e["title"] and e["body"], eid
        assert len(e["short"]) <= 600, f"{eid}: short is {len(e['short'])} chars"
        assert LOCATION_WORDS.search(e["short"]), f"{eid}: short names no location"
        assert len(e["examples"]) >= 6, eid  # others may append examples later
        assert all(isinstance(x, str) and x.strip() for x in e["examples"]), eid
        assert e["keywords"] and all(isinstance(k, str) for k in e["keywords"]), eid
        assert e.get("topic") in topics, eid
        assert e["related"] and set(e["related"]) <= set(questions), eid


def _quotes(pack) -> list[tuple[str, str]]:
    items = pack["questions"] + pack["explainers"]
    return [(x["id"], x["quote"]) for x in items if x.get("quote")]


def test_quotes_are_short_and_verbatim(pack, article):
    source = normalize(article)
    quotes = _quotes(pack)
    assert len(quotes) >= 20
    for owner, quote in quotes:
        assert len(quote.split()) <= MAX_QUOTE_WORDS, f"{owner}: quote too long"
        assert normalize(quote) in source, f"{owner}: quote not verbatim in article: {quote!r}"


def test_no_copied_sentences(pack, article):
    """Our text paraphrases: no run of COPY_RUN article words outside quotation marks."""
    art = words(article)
    grams = {tuple(art[i : i + COPY_RUN]) for i in range(len(art) - COPY_RUN + 1)}
    fields: list[tuple[str, str]] = []
    for q in pack["questions"]:
        fields += [(q["id"], q["explanation"]), (q["id"], q["prompt"])]
        fields += [(q["id"], c) for c in q.get("choices", [])]
        fields += [(q["id"], h) for h in q.get("hints", [])]
    for e in pack["explainers"]:
        fields += [(e["id"], e["short"]), (e["id"], e.get("body", ""))]
    fields.append(("description", pack["description"]))
    for owner, text in fields:
        for segment in quoted_segments(text):
            assert len(segment.split()) <= MAX_QUOTE_WORDS, f"{owner}: inline quote too long"
        w = words(without_quoted(text))
        for i in range(len(w) - COPY_RUN + 1):
            run = tuple(w[i : i + COPY_RUN])
            assert run not in grams, f"{owner}: copies the article: {' '.join(run)!r}"


def test_text_values_stayed_text(pack):
    """Guard against YAML 1.1 surprises (yes/no/on/off, 12:30, 1e3) in text fields."""
    for q in pack["questions"]:
        for field in ("prompt", "explanation"):
            assert isinstance(q[field], str), (q["id"], field)
        if q["type"] in ("choice", "order"):
            assert all(isinstance(c, str) for c in q["choices"]), q["id"]
    for e in pack["explainers"]:
        for field in ("title", "short", "body"):
            assert isinstance(e[field], str), (e["id"], field)
        assert all(isinstance(k, str) for k in e["keywords"] + e["examples"]), e["id"]


def test_loader_accepts_pack_if_available():
    if importlib.util.find_spec("bot.core.packs.loader") is None:
        pytest.skip("bot.core.packs.loader is not written yet")
    packs = pytest.importorskip("bot.core.packs.loader")
    if not hasattr(packs, "load_pack"):
        pytest.skip("bot.core.packs.loader.load_pack is not written yet")
    loaded = packs.load_pack(PACK_PATH)
    raw = load_yaml()
    assert loaded.id == "cartel-strikes"
    assert len(loaded.questions) == len(raw["questions"])
    assert len(loaded.explainers) == len(raw["explainers"])


if __name__ == "__main__":
    sys.stdout.write(render_coverage_markdown())
