"""The pack loader: the good path (every field mapped), file-level problems, never crashing.

Per-question and per-explainer rules are in test_packs_items.py. Line numbers are found by
searching the test document for a unique snippet, so each assertion names the exact line the
loader must point at without hand-counting.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.errors import PackError
from bot.core.models import Explainer, Question, QuestionType, Source
from bot.core.packs.limits import MAX_PACK_BYTES
from bot.core.packs.loader import check_paths, load_pack, load_pack_text, parse_pack, validate_paths
from bot.core.packs.nodes import MAX_NODE_VISITS

ROOT = Path(__file__).resolve().parents[3]
STARTER = ROOT / "questions" / "starter.yaml"
BROKEN = ROOT / "tests" / "data" / "packs"

GOOD = """\
id: demo
title: "  Demo pack  "
description: >
  Folded text
  on two lines.
source:
  title: An article
  author: not named in the source text
  outlet: not named in the source text
  date: 2025-04-08
  url: https://example.org/article
topics: [violence, fentanyl]
questions:
  - id: pick
    type: choice
    prompt: Which one?
    choices: [Alpha, Beta, "no"]
    answer: Beta
    explanation: The second paragraph.
    hints: [Not Alpha, Starts with B]
    quote: a short quote
    topic: violence
    tags: [figure, evidence]
    difficulty: 3
    points: 250
  - id: is-it
    type: truefalse
    prompt: Is it?
    answer: false
    explanation: The closing paragraph.
  - id: name-it
    type: text
    prompt: Name it.
    answers: [Kingpin Strategy, kingpin, 2007]
    explanation: The third paragraph.
  - id: count-it
    type: number
    prompt: How many?
    answer: 11000
    tolerance: 0.05
    explanation: The paragraph on homicide figures.
    topic: fentanyl
  - id: big
    type: number
    prompt: How big, in scientific notation?
    answer: 1e3
    explanation: Anywhere.
  - id: sort-it
    type: order
    prompt: Earliest first.
    choices: [C, A, B]
    answer: [A, B, C]
    explanation: The dates in the article.
explainers:
  - id: figures
    title: The figures
    short: Roughly 11,000 in 2007.
    body: More text.
    examples: [how many murders]
    keywords: [homicides, murders]
    quote: roughly 11,000
    related: [count-it, pick]
    topic: violence
  - id: minimal
    title: Minimal
    short: Only the required keys.
"""


def problems(text: str | bytes, filename: str = "demo.yaml") -> list[str]:
    return list(parse_pack(text, filename).problems)


def line(text: str, snippet: str) -> int:
    """1-based line of the only line containing `snippet` (fails loudly if ambiguous)."""
    hits = [n for n, content in enumerate(text.splitlines(), start=1) if snippet in content]
    assert len(hits) == 1, f"{snippet!r} is on lines {hits}"
    return hits[0]


def test_good_pack_maps_every_field() -> None:
    pack = load_pack_text(GOOD, "demo.yaml")
    assert (pack.id, pack.title, pack.description) == ("demo", "Demo pack",
                                                       "Folded text on two lines.")
    assert pack.source == Source("An article", "not named in the source text",
                                 "not named in the source text", "2025-04-08",
                                 "https://example.org/article")
    assert pack.topics == ("violence", "fentanyl")
    pick, is_it, name_it, count_it, big, sort_it = pack.questions
    assert pick == Question(
        id="pick", type=QuestionType.CHOICE, prompt="Which one?",
        explanation="The second paragraph.", choices=("Alpha", "Beta", "no"), answer="Beta",
        hints=("Not Alpha", "Starts with B"), quote="a short quote", topic="violence",
        tags=("figure", "evidence"), difficulty=3, points=250)
    assert pick.correct_index == 1
    assert is_it.truth is False and is_it.difficulty == 1 and is_it.points == 100
    assert name_it.answers == ("Kingpin Strategy", "kingpin", "2007")
    assert (count_it.number, count_it.tolerance) == (11000.0, 0.05)
    assert big.number == 1000.0
    assert (sort_it.choices, sort_it.order) == (("C", "A", "B"), ("A", "B", "C"))
    assert pack.explainers == (
        Explainer(id="figures", title="The figures", short="Roughly 11,000 in 2007.",
                  body="More text.", examples=("how many murders",),
                  keywords=("homicides", "murders"), quote="roughly 11,000",
                  related=("count-it", "pick"), topic="violence"),
        Explainer(id="minimal", title="Minimal", short="Only the required keys."),
    )
    assert pack.path is None


def test_load_pack_sets_path_and_reads_bytes(tmp_path: Path) -> None:
    path = tmp_path / "demo.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())  # a BOM from a Windows editor is fine
    pack = load_pack(path)
    assert pack.path == str(path) and len(pack.questions) == 6


def test_merge_keys_share_defaults() -> None:
    text = GOOD.replace("  - id: is-it\n", "  - &tf\n    id: is-it\n").replace(
        "explainers:", "  - <<: *tf\n    id: is-it-too\n    answer: true\nexplainers:")
    pack = load_pack_text(text, "demo.yaml")
    assert pack.question("is-it-too").truth is True
    assert pack.question("is-it-too").prompt == "Is it?"


def test_starter_pack_is_valid_and_uses_every_type() -> None:
    pack = load_pack(STARTER)
    assert pack.id == "starter" and 8 <= len(pack.questions) <= 10
    assert 2 <= len(pack.explainers) <= 3
    # select_all came after the starter pack's ten questions were reviewed; the README example
    # below and tests/core/packs/test_pack_select_all.py cover it.
    assert {q.type for q in pack.questions} == set(QuestionType) - {QuestionType.SELECT_ALL}
    homicides = pack.question("homicides-2007")
    assert (homicides.number, homicides.tolerance) == (11000.0, 0.05)
    assert pack.source.author == pack.source.outlet == "not named in the source text"
    assert pack.source.date == "not stated"


def test_readme_example_is_a_valid_pack_using_every_type() -> None:
    """questions/README.md documents the format with a full example: keep it loadable."""
    readme = (ROOT / "questions" / "README.md").read_text()
    example = readme.split("```yaml\n", 1)[1].split("```", 1)[0]
    pack = load_pack_text(example, "README.md")
    assert {q.type for q in pack.questions} == set(QuestionType) and pack.explainers


def test_pack_error_lists_every_problem() -> None:
    text = GOOD.replace("title: \"  Demo pack  \"", "titel: Demo").replace("difficulty: 3",
                                                                            "difficulty: 5")
    with pytest.raises(PackError) as raised:
        load_pack_text(text, "demo.yaml")
    found = raised.value.problems
    assert f"demo.yaml:{line(text, 'titel')}: unknown key 'titel' in the pack; did you mean " \
           f"'title'?" in found
    assert "demo.yaml:1: the pack lacks the required key 'title'" in found
    assert any(p.startswith(f"demo.yaml:{line(text, 'difficulty: 5')}: ") for p in found)
    assert len(found) == 3
    assert str(raised.value) == "\n".join(found)


# ---------------------------------------------------------------- file-level problems


def test_not_utf8_names_byte_and_offset() -> None:
    data = b"id: demo\ntitle: caf\xe9\n"
    assert data.index(b"\xe9") == 19
    assert problems(data) == ["demo.yaml:2: not UTF-8 text (byte 0xe9 at offset 19); "
                              "save the file as UTF-8"]


def test_yaml_syntax_error_has_its_line() -> None:
    text = "id: demo\ntitle: [unclosed\ndescription: x\n"
    (found,) = problems(text)
    assert found.startswith("demo.yaml:3: not valid YAML: ")
    assert "flow sequence starting on line 2" in found


def test_tab_indentation_gets_a_hint() -> None:
    (found,) = problems("id: demo\n\ttitle: x\n")
    assert found.startswith("demo.yaml:2: not valid YAML") and "not allow tabs" in found


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_empty_file(text: str) -> None:
    assert problems(text) == ["demo.yaml:1: empty file: a pack needs id, title, description, "
                              "source and questions"]


@pytest.mark.parametrize(("text", "what"), [("- a\n- b\n", "a list"),
                                            ("just words\n", "the text 'just words'")])
def test_top_level_not_a_mapping(text: str, what: str) -> None:
    (found,) = problems(text)
    assert found.startswith("demo.yaml:1: the top level of a pack should be a mapping")
    assert found.endswith(f"not {what}")


def test_second_document_is_refused() -> None:
    assert problems("id: demo\n---\nid: other\n") == [
        "demo.yaml:2: a pack file holds one YAML document, but a second one ('---') starts here"]


def test_control_character_is_reported() -> None:
    assert problems("id: demo\ntitle: a\x07b\n")[0].startswith(
        "demo.yaml:2: not valid YAML: the control character U+0007")


def test_too_large_is_refused_before_parsing() -> None:
    data = b"#" * (MAX_PACK_BYTES + 1)
    (found,) = problems(data)
    assert found.startswith("demo.yaml:1: pack is too large (1,000,001 bytes")


def test_alias_bomb_is_bounded() -> None:
    """Each alias to a big list is walked again; the node budget stops the walk, not a timeout."""
    items = ",".join(["x"] * 1000)
    refs = "".join(f"  - {{id: q{i}, type: text, prompt: p, explanation: e, answers: *a}}\n"
                   for i in range(MAX_NODE_VISITS // 1000 + 10))
    text = f"bomb: &a [{items}]\nquestions:\n{refs}"
    found = problems(text)
    assert found[-1] == (f"demo.yaml:1: pack is too complex to check: over "
                         f"{MAX_NODE_VISITS:,} YAML values once aliases (*name) are expanded")


def test_self_referencing_alias_does_not_loop() -> None:
    assert problems("&a [*a]")[0].startswith("demo.yaml:1: the top level of a pack")


def test_deep_nesting_is_refused() -> None:
    assert problems("a: " + "[" * 5000) == [
        "demo.yaml:1: not valid YAML for a pack: nested far too deeply"]


# ---------------------------------------------------------------- paths


def test_load_pack_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    with pytest.raises(PackError) as raised:
        load_pack(missing)
    assert raised.value.problems == [f"{missing}: no such file"]


def test_validate_paths_good_bad_and_missing(tmp_path: Path) -> None:
    broken = BROKEN / "broken.yaml"
    found = validate_paths([STARTER, broken, tmp_path / "gone.yaml"])
    assert found[-1] == f"{tmp_path / 'gone.yaml'}: no such file"
    assert all(p.startswith(f"{broken}:") for p in found[:-1]) and len(found) > 3
    assert validate_paths([STARTER]) == []


def test_same_pack_id_in_two_files(tmp_path: Path) -> None:
    copy = tmp_path / "copy.yaml"
    copy.write_text(GOOD)
    other = tmp_path / "other.yaml"
    other.write_text("# another pack, same id\n" + GOOD)
    first, second = check_paths([copy, other])
    assert first.pack is not None and second.pack is None
    assert second.problems == (f"{other}:2: pack id 'demo' is already used by {copy} (line 1)",)


# ---------------------------------------------------------------- never crash

YAMLISH = st.lists(st.sampled_from([
    "id:", "questions:", "explainers:", "source:", "type:", "answer:", "choices:", "related:",
    "- ", "  ", "\n", "[", "]", "{", "}", ",", "&a ", "*a", "<<: ", "yes", "12:30", "1e3",
    "!!int ", "!!binary ", "!x ", "'", '"', "~", "? ", ": ", "#", "|", ">", "\t", "---\n",
    "choice", "order", "number", "truefalse", "text", "-1", ".inf", "\xff", "é", "%YAML 1.1\n",
])).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(), st.text(), YAMLISH))
def test_arbitrary_input_gives_a_pack_or_pack_error(data: bytes | str) -> None:
    try:
        load_pack_text(data, "fuzz.yaml")
    except PackError as err:
        assert err.problems and all(p.startswith("fuzz.yaml:") for p in err.problems)


KEYS = st.sampled_from(["id", "title", "description", "source", "topics", "questions",
                        "explainers", "type", "prompt", "choices", "answer", "answers",
                        "tolerance", "hints", "explanation", "tags", "difficulty", "points",
                        "short", "related", "author", "outlet", "date", "url", "topic"])
VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=4),
              st.sampled_from(["choice", "truefalse", "text", "number", "order", "q", "figure"])),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=6)),
    max_leaves=30)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(KEYS, VALUES))
def test_arbitrary_pack_shapes_give_a_pack_or_pack_error(shape: dict) -> None:
    try:
        load_pack_text(yaml.safe_dump(shape), "shape.yaml")
    except PackError as err:
        assert err.problems


def test_a_pack_may_say_its_language_and_a_malformed_one_is_a_problem() -> None:
    from bot.core.packs.dump import dump_pack
    from bot.core.packs.loader import parse_pack

    base = ("id: tiny\ntitle: Tiny\ndescription: d\nsource: {title: t, author: a, outlet: o, "
            "date: '2024'}\nquestions:\n  - id: q1\n    type: truefalse\n    prompt: Yes?\n"
            "    answer: true\n    explanation: Because.\n")
    check = parse_pack(base + "language: pt-BR\n", "tiny.yaml")
    assert check.pack is not None and check.pack.language == "pt-BR"
    again = parse_pack(dump_pack(check.pack), "again.yaml")
    assert again.pack is not None and again.pack.language == "pt-BR"
    assert parse_pack(base, "tiny.yaml").pack.language is None  # type: ignore[union-attr]
    bad = parse_pack(base + "language: Spanish please\n", "tiny.yaml")
    assert bad.pack is None
    assert any("language should be a language code" in p for p in bad.problems)
