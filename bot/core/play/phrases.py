"""What a quiz session and the review schedule say to players, in English (bot/i18n holds every
other language's; see bot.core.text.said for why a sentence is a key plus English)."""

from __future__ import annotations

from bot.core.text.said import Phrasebook

PLAY = Phrasebook({
    "play.try_again": "{reason} Try again.",
    "play.none_left": "none of those questions is in pack {pack} any more",
    "play.no_questions": "pack {pack} has no questions",
    "play.skipped": "Skipped.",
    "play.closed": "That question is already closed.",
    "play.not_yours": "This practice quiz belongs to someone else.",
    "play.already_answered": "You already answered this question.",
    "play.no_more_hints": "No more hints for this question.",
    "play.no_hints": "This question has no hints.",
    "play.time_up": "Time is up for this question.",
    "play.live_only": "This is a live quiz: answers are taken until the reveal.",
    "play.retention_range": "The desired retention must be between {low} and {high} (0.9 = 90 % "
                            "recall when a card falls due), got {value}.",
    # a wait as people say it (bot.core.service.review.in_words)
    "play.in_a_minute": "in about a minute",
    "play.in_minutes": "in about {count} minutes",
    "play.in_an_hour": "in about {count} hour",
    "play.in_hours": "in about {count} hours",
    "play.in_days": "in {count} days",
})
say = PLAY.say
