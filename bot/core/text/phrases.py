"""Input that is no answer at all (bot.core.text.normalize.refusal), in English: the first
reasons every judge can give, kept beside the folding code so bot.core.text needs nothing from
bot.core.judge (bot/i18n translates them; see bot.core.text.said)."""

from __future__ import annotations

from bot.core.text.said import Phrasebook

TEXT = Phrasebook({
    "judge.empty": "Empty answer: type something or use skip.",
    "judge.no_words": "No words or numbers found: answer in words, letters or digits (or use "
                      "skip).",
    "judge.too_long": "Too long: answer in at most {limit} characters.",
})
