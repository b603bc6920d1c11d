"""What the article index says when it has no answer, in English (bot/i18n translates it; see
bot.core.text.said). Answers themselves are the pack's own text, in the pack's language."""

from __future__ import annotations

from bot.core.text.said import Phrasebook

ASK = Phrasebook({
    "ask.refusal": "I don't know that from the installed packs.",
})
