"""What the pack library says when a pack is not there, in English (bot/i18n translates it; see
bot.core.text.said). Pack *file* problems (`FILE:LINE: …`) stay English: they are read by whoever
writes the pack, next to the file, like a compiler's messages."""

from __future__ import annotations

from bot.core.text.said import Phrasebook

PACKS = Phrasebook({
    "packs.none_installed": "no packs are installed",
    "packs.unknown_none": "no pack '{pack}': no packs are installed",
    "packs.unknown": "no pack '{pack}' (installed: {installed})",
    "packs.unknown_close": "no pack '{pack}'; did you mean '{close}'? (installed: {installed})",
})
say = PACKS.say
