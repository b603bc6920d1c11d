"""The optional `places:` pack key: the pack's own place names, read by the judge as qualifiers.

A pack on the Aztecs may need "Tenochtitlan, Anahuac" to read as an address, and no gazetteer
has Anahuac. The key is checked like `topics` (a list of texts, each reported at its own line).
"""

from __future__ import annotations

import pytest

from bot.core.errors import PackError
from bot.core.judge.verdicts import judge
from bot.core.packs.dump import dump_pack
from bot.core.packs.loader import load_pack_text, parse_pack

PACK = """\
id: aztecs
title: The Aztecs
description: A pack on another subject than the article.
source: {title: Notes, author: a teacher, outlet: a class, date: not stated}
places: [Anahuac, "Valley of Mexico"]
questions:
  - id: capital
    type: text
    prompt: "Which city was the Aztec capital?"
    answers: [Tenochtitlan]
    explanation: "Tenochtitlan, on Lake Texcoco."
"""


def test_places_reach_every_question_and_the_judge():
    pack = load_pack_text(PACK, "aztecs.yaml")
    assert pack.places == ("Anahuac", "Valley of Mexico")
    question = pack.question("capital")
    assert question.places == pack.places
    assert judge(question, "Tenochtitlan, Anahuac").correct
    assert judge(question, "tenochtitlan, valley of mexico").correct
    assert not judge(question, "Tenochtitlan, Tlaxcala, Anahuac, Texcoco").correct
    assert not judge(question, "Tenochtitlan, Texcoco").correct  # not a listed place


def test_without_the_key_the_place_is_a_second_guess():
    pack = load_pack_text(PACK.replace('places: [Anahuac, "Valley of Mexico"]\n', ""), "a.yaml")
    assert pack.places == ()
    assert not judge(pack.question("capital"), "Tenochtitlan, Anahuac").correct


def test_places_survive_a_dump_and_reload():
    pack = load_pack_text(PACK, "aztecs.yaml")
    again = load_pack_text(dump_pack(pack), "again.yaml")
    assert again.places == pack.places


@pytest.mark.parametrize("value, message, line", [
    ("Anahuac", "places should be a list", 5),
    ("[Anahuac, anáhuac]", "place 'anáhuac' is listed twice (first on line 5)", 5),
    ("[Anahuac, [a, b]]", "places item 2 should be text", 5),
    ('[Anahuac, "--"]', "place '--' has no letters or digits", 5),
])
def test_bad_places_are_reported_at_their_line(value, message, line):
    text = PACK.replace('[Anahuac, "Valley of Mexico"]', value)
    check = parse_pack(text, "aztecs.yaml")
    assert check.pack is None
    assert any(p.startswith(f"aztecs.yaml:{line}:") and message in p for p in check.problems), \
        check.problems
    with pytest.raises(PackError):
        load_pack_text(text, "aztecs.yaml")
