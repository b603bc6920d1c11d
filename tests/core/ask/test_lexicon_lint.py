"""Data lint: the word lists and patterns under bot/core/ask are general English.

Why: `ask` must work for any pack, so a subject's names and jargon belong in that pack's
`glossary:` and explainers, never in the code. Two checks over every string literal in
bot/core/ask (docstrings and comments aside, they may give examples):
1. no word the bundled article's pack writes only capitalised (a name: a person, a place, an
   agency), and
2. no word of the pack that is not everyday English (wordfreq's Zipf frequency below 3, about
   once per million words: "fentanyl", "militarization"), except the few general words listed
   below, which are rare but belong to no subject.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[3]
ASK = ROOT / "bot" / "core" / "ask"
PACKS = [ROOT / "questions" / "cartel-strikes.yaml", ROOT / "questions" / "starter.yaml"]
ARTICLE = ROOT.parent / "shared" / "source" / "cartel-strikes-article.txt"  # when present
RARE = 3.0
# Capitalised in the article (titles, months, offices) yet general English.


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


GENERAL_CAPITALISED = _words(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday department secretary states "
    "university vice president house justice defense enforcement white united state")
# Rare in wordfreq, general all the same (any article may use them).
GENERAL_RARE = _words("assassinations scoff showy skyrocketed anticipates counterargument")
# Fields written as prose (where capitals mark names); examples and keywords are written the way
# students type, in lower case, so they say nothing about what is a name.
PROSE = ("title", "short", "body", "quote", "prompt", "explanation", "description", "choices",
         "answer", "answers")


def _texts() -> list[str]:
    out: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key in PROSE or key in ("questions", "explainers", "source"):
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in PACKS:
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    if ARTICLE.exists():
        out.append(ARTICLE.read_text(encoding="utf-8"))
    return out


def _code_words() -> dict[str, str]:
    """Every lower-cased word of a non-docstring string literal → the file it is in."""
    words: dict[str, str] = {}
    for path in sorted(ASK.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
                      and ast.get_docstring(node, clean=False) is not None}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and id(node) not in docstrings:
                for word in re.findall(r"[a-z]+", node.value.lower()):
                    words.setdefault(word, path.relative_to(ROOT).as_posix())
    return words


def test_no_name_of_the_article_is_in_the_ask_code():
    texts = _texts()
    lower = {w for text in texts for w in re.findall(r"(?<![A-Za-z])[a-z][a-z]+", text)}
    named = {w.lower() for text in texts
             for w in re.findall(r"(?<=[a-z0-9,;:] )[A-Z][a-z]+", text)}
    names = named - lower - GENERAL_CAPITALISED
    assert len(names) > 20  # the lint sees the article's names at all
    found = {w: f for w, f in _code_words().items() if w in names}
    assert not found, f"names of the article in bot/core/ask (move them to a glossary): {found}"


def test_no_subject_word_of_the_article_is_in_the_ask_code():
    wordfreq = pytest.importorskip("wordfreq")
    lower = {w for text in _texts() for w in re.findall(r"(?<![A-Za-z])[a-z]{4,}", text)}
    rare = {w for w in lower if wordfreq.zipf_frequency(w, "en") < RARE} - GENERAL_RARE
    assert {"fentanyl", "militarization"} <= rare  # the lint sees the subject's words at all
    found = {w: f for w, f in _code_words().items() if w in rare}
    assert not found, f"subject words of the article in bot/core/ask (use a glossary): {found}"
