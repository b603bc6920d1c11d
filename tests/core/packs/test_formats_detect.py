"""Choosing the importer: the extension first, then the content; unclear files are refused."""

from __future__ import annotations

import pytest

from bot.core.errors import PackError
from bot.core.packs.formats import detect_format, import_file


@pytest.mark.parametrize(("name", "text", "fmt"), [
    ("list.yaml", "Q?: [a]", "red"),
    ("list.YML", "anything", "red"),
    ("quiz.gift", "anything", "gift"),
    ("quiz.txt", "Q?\nA. x\nB) y\nANSWER: A\n", "aiken"),
    ("quiz.txt", "Q?{=a ~b}", "gift"),
    ("quiz", "::T:: Q?{T}", "gift"),
    ("export.txt", "AUTHOR: me\nQ?:\n- a\n", "red"),
])
def test_detect(name: str, text: str, fmt: str) -> None:
    assert detect_format(name, text) == fmt


def test_unclear_content_asks_for_format() -> None:
    with pytest.raises(PackError) as caught:
        detect_format("notes.txt", "Just some notes.\n")
    assert caught.value.problems == [
        "notes.txt:1: cannot tell the format (no GIFT {…} answers, no Aiken 'ANSWER:' lines); "
        "name it with --format red|gift|aiken|csv"]


def test_explicit_format_wins_and_unknown_format_is_refused() -> None:
    result = import_file("Q?\nA. x\nB. y\nANSWER: B\n", "odd.gift", fmt="aiken")
    assert result.format_name == "Aiken" and result.pack.questions[0].answer == "y"
    with pytest.raises(PackError, match="unknown format 'docx'; formats: red, gift, aiken, csv"):
        import_file("x", "a.docx", fmt="docx")


def test_too_large_file_is_refused_before_parsing() -> None:
    with pytest.raises(PackError, match=r"big.gift:1: file is too large"):
        import_file(b"x" * 1_000_001, "big.gift")
