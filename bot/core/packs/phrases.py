"""What the pack library says when a pack is not there, in English (bot/i18n translates it; see
bot.core.text.said). Pack *file* problems (`FILE:LINE: …`) stay English: they are read by whoever
writes the pack, next to the file, like a compiler's messages. A chart's alt text is said here
too: its framing ("Bar chart, …") follows the reader, its title and labels are the pack's."""

from __future__ import annotations

from bot.core.text.said import Phrasebook

PACKS = Phrasebook({
    "packs.none_installed": "no packs are installed",
    "packs.unknown_none": "no pack '{pack}': no packs are installed",
    "packs.unknown": "no pack '{pack}' (installed: {installed})",
    "packs.unknown_close": "no pack '{pack}'; did you mean '{close}'? (installed: {installed})",
    # a chart in words, for screen readers (charts.chart_alt)
    "chart.alt": "{kind} chart, {title}. {points}.",
    "chart.alt_source": "{kind} chart, {title}. {points}. Source: {source}",
    "chart.kind.bar": "Bar",
    "chart.kind.line": "Line",
})
say = PACKS.say
