"""The keys only `ask` reads: `glossary:` and `source: text:` (bot/core/packs/extras.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.errors import PackError
from bot.core.packs.dump import dump_pack
from bot.core.packs.loader import load_pack, load_pack_text, parse_pack

ROOT = Path(__file__).resolve().parents[3]

HEAD = """\
id: planets
title: Planets
description: A pack on the solar system.
source:
  title: A planets primer
  author: nobody
  outlet: nowhere
  date: not stated
{text}questions:
  - id: red
    type: text
    prompt: Which planet is called the red planet?
    answers: [Mars]
    explanation: The second paragraph calls Mars the red planet.
"""


def pack_text(glossary: str = "", text: str = "") -> str:
    return HEAD.format(text=text) + glossary


def line_of(document: str, snippet: str) -> int:
    lines = document.splitlines()
    return lines.index(next(line for line in lines if snippet in line)) + 1


def test_a_glossary_maps_each_term_to_its_variants_and_round_trips():
    doc = pack_text("glossary:\n  jupiter: [jove, the gas giant, jupitor]\n  mars: [red planet]\n")
    pack = load_pack_text(doc, "planets.yaml")
    assert pack.glossary == (("jupiter", ("jove", "the gas giant", "jupitor")),
                             ("mars", ("red planet",)))
    assert load_pack_text(dump_pack(pack), "again.yaml") == pack


@pytest.mark.parametrize("glossary, snippet, message", [
    ("glossary: [jove]\n", "glossary:", "glossary should be a mapping"),
    ("glossary:\n  jupiter: jove\n", "jupiter:", "glossary 'jupiter' should be a list"),
    ("glossary:\n  jupiter: []\n", "jupiter:", "should list 1 to 40 variants"),
    ("glossary:\n  jupiter: [jove]\n  saturn: [Jove]\n", "saturn:",
     "variant 'Jove' is already listed under 'jupiter'"),
    ("glossary:\n  jupiter: [" + "x" * 81 + "]\n", "jupiter:", "is over 80 characters"),
])
def test_glossary_mistakes_are_reported_at_their_line(glossary, snippet, message):
    doc = pack_text(glossary)
    check = parse_pack(doc, "planets.yaml")
    assert check.pack is None
    assert any(p.startswith(f"planets.yaml:{line_of(doc, snippet)}: ") and message in p
               for p in check.problems), check.problems


def test_the_article_text_may_be_inline():
    doc = pack_text(text="  text: |\n    Mars is red. Jupiter is big.\n")
    assert load_pack_text(doc, "planets.yaml").source.text == "Mars is red. Jupiter is big."


def test_the_article_text_may_be_a_file_beside_the_pack(tmp_path):
    (tmp_path / "primer.txt").write_text("Mars is red.\n\nJupiter is big.\n", encoding="utf-8")
    (tmp_path / "planets.yaml").write_text(pack_text(text="  text: primer.txt\n"),
                                           encoding="utf-8")
    pack = load_pack(tmp_path / "planets.yaml")
    assert pack.source.text == "Mars is red.\n\nJupiter is big."


@pytest.mark.parametrize("name, message", [
    ("missing.txt", "cannot be read beside the pack (no such file)"),
    ("../secret.txt", "should name a file in the pack's own folder"),
    ("/etc/hostname.txt", "should name a file in the pack's own folder"),
])
def test_an_article_file_outside_the_folder_or_missing_is_refused(tmp_path, name, message):
    (tmp_path / "planets.yaml").write_text(pack_text(text=f"  text: {name}\n"), encoding="utf-8")
    with pytest.raises(PackError) as err:
        load_pack(tmp_path / "planets.yaml")
    assert message in str(err.value) and ":9: " in str(err.value)


def test_an_upload_must_carry_its_article_inline(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("private", encoding="utf-8")
    check = parse_pack(pack_text(text="  text: notes.txt\n"), "upload.yaml")
    assert check.pack is None and "write the text inline" in check.problems[0]


def test_the_bundled_packs_carry_the_article_vocabulary_as_glossaries():
    for name in ("cartel-strikes.yaml", "starter.yaml"):
        glossary = dict(load_pack(ROOT / "questions" / name).glossary)
        assert "el chapo" in glossary["chapo"] and "mx" in glossary["mexico"]
