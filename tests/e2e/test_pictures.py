"""A question's picture shipped with its pack, through the virtual Discord: uploaded with the
solo card and shown by its MediaGallery (simcord resolves the attachment:// reference to the
uploaded file and refuses one that names no upload), gone again once the verdict replaces it.
The pack is about a garden, not the article."""

from __future__ import annotations

import pytest
import world as world_module
from world import World, components, text_of

from bot.config import DEFAULT_PACKS
from bot.core.packs.library import PackLibrary
from bot.core.packs.loader import load_pack

PNG = b"\x89PNG\r\n\x1a\n" + b"robin"
PACK = """\
id: e2e-garden
title: Garden
description: Birds.
source: {title: Annual report, author: the office, outlet: school, date: "2026"}
questions:
  - id: robin
    type: truefalse
    prompt: This bird is a robin.
    answer: true
    explanation: The garden page.
    image: robin.png
    image_alt: A small brown bird with an orange breast.
"""


@pytest.fixture
def garden(tmp_path, monkeypatch):
    """The bundled packs plus the garden pack, for this test only (world.library is cached)."""
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "robin.png").write_bytes(PNG)
    (folder / "garden.yaml").write_text(PACK)
    packs = PackLibrary(DEFAULT_PACKS)
    packs.load_directory()
    packs.add(load_pack(folder / "garden.yaml"))
    monkeypatch.setattr(world_module, "library", lambda: packs)


async def test_a_shipped_picture_is_shown_in_the_solo_card_and_leaves_with_it(tmp_path, garden):
    async with World(tmp_path) as world:
        ann = world.member("ann")
        start = await ann.slash(world.channel, "quiz start", pack="e2e-garden", count=1)
        card = start.response
        assert card is not None and card.flags.components_v2
        assert [a.filename for a in card.attachments] == ["picture-robin.png"]
        (item,) = [i for c in components(card) if c["type"] == 12 for i in c["items"]]
        assert item["description"] == "A small brown bird with an orange breast."
        assert item["media"]["url"] == card.attachments[0].url  # resolved to the upload
        result = await world.answer(ann, card)
        verdict = result.response
        assert verdict is not None and verdict.id == card.id and "Quiz complete!" in text_of(
            verdict)
        assert verdict.attachments == []  # the picture went with its question
