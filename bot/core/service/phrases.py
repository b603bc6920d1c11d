"""The service's refusals in English: permissions, limits, things no longer there (bot/i18n holds
every other language's; see bot.core.text.said for why a sentence is a key plus English).

`doing.*` keys finish "Only instructors can …": a part says `require_instructor(actor, "remove
packs")` and the English words pick the key, so a new action without a phrase here is caught by
tests/i18n rather than shown half in English.
"""

from __future__ import annotations

from bot.core.text.said import Phrasebook, Said

SERVICE = Phrasebook({
    # who may do what (access)
    "access.moderators": "Only moderators can {doing}.",
    "access.instructors": "Only instructors can {doing}.",
    "access.manage_server": "Only members with Manage Server can set the quizbot roles.",
    "access.stop_quiz": "Only the person who started this quiz, an instructor or a moderator can "
                        "stop it.",
    "doing.reset scores": "reset scores",
    "doing.start a new season": "start a new season",
    "doing.change the review retention": "change the review retention",
    "doing.install packs": "install packs",
    "doing.see pack versions": "see pack versions",
    "doing.remove packs": "remove packs",
    "doing.accept answers": "accept answers",
    "doing.see question reports": "see question reports",
    "doing.export the gradebook": "export the gradebook",
    "doing.export scores": "export scores",
    "doing.restore pack versions": "restore pack versions",
    # quizzes
    "quiz.count_range": "count must be between 1 and {limit}, got {count}",
    "quiz.needs_channel": "A live quiz needs a channel.",
    "quiz.live_running": "A live quiz is already running in this channel; /quiz stop ends it.",
    "quiz.empty": "Empty answer: type something, or skip.",
    "quiz.solo": "This is a solo quiz.",
    "quiz.gone": "That quiz no longer exists; /quiz start begins a new one.",
    "quiz.gone_review": "That quiz no longer exists; /quiz review begins a new one.",
    "quiz.question_gone": "That question is no longer in its pack.",
    "quiz.recorded": "That answer was already recorded.",
    # review
    "review.nothing_anywhere": "Nothing due for review in any of your servers: questions you "
                               "miss come back here when they are due.",
    "review.nothing": "Nothing to review: every question you answer comes back here when it is "
                      "due.",
    "review.not_yet": "Nothing due yet: the next review is {wait}.",
    # asking
    "ask.no_explainer": "No explainer called {topic}; try /ask instead.",
    # uploads and packs
    "upload.too_big": "{file}: {size:,} bytes is over the {limit:,} limit",
    "upload.bundled_id": "{file}: '{pack}' is a bundled pack's id; give your pack another id",
    "upload.too_many_packs": "this server already has {limit} packs; remove one first",
    "upload.too_many_questions": "{file}: this server's packs would hold {count:,} questions, "
                                 "over the {limit:,} limit; remove a pack first",
    "packs.bundled_remove": "'{pack}' is a bundled pack; it cannot be removed.",
    "packs.not_this_server": "'{pack}' is not one of this server's packs.",
    "packs.bundled_change": "'{pack}' is a bundled pack and cannot be changed here: export it, "
                            "give it a new id and install that.",
    "packs.no_question": "'{pack}' has no question '{question}'.",
    "accept.empty": "Give the answer to accept.",
    "accept.already_text": "'{answer}' is already judged right for {question}.",
    "accept.no_choice": "'{answer}' names none of {question}'s choices.",
    "accept.already_choice": "'{answer}' is already right for {question}.",
    "accept.no_list": "{question} is a {kind} question: it has no list of answers to add to; edit "
                      "its answer in the pack instead.",
    # reports of a question
    "report.reason_length": "Please give a reason of {low} to {high} characters (what is wrong or "
                            "unclear).",
    "report.gone": "That quiz no longer exists, so it cannot be reported.",
    "report.not_revealed": "Only a question whose answer has been shown can be reported.",
    "report.already": "You already reported this question; your instructor sees it in the "
                      "question report.",
    "report.daily_limit": "You can report at most {limit} questions a day.",
    # pack versions (/pack history, /pack restore)
    "versions.none_uploaded": "'{pack}' has no uploaded versions on this server (bundled packs "
                              "and packs never uploaded here have none).",
    "versions.none": "'{pack}' has no uploaded versions on this server.",
    "versions.no_such": "'{pack}' has no version {version}; its versions are 1 to {last} (see "
                        "/pack history).",
    "versions.current": "Version {version} of '{pack}' is already the current one.",
    # media
    "media.picture_alt": "A picture for this question ({name})",
    # privacy, standings
    "privacy.live_first": "Stop your live quiz first (/quiz stop), then delete your data.",
    "season.name_length": "A season name may be at most 80 characters.",
    "board.period": "period must be one of {periods}, got {period}",
    "board.per_page": "per_page must be between 1 and 25",
    "board.no_season": "There is no season {season}: this server is in season {current}.",
})
say = SERVICE.say


def doing(words: str) -> str:
    """The action `words` as a sentence to translate, or the words as they are (English) when no
    phrase names them yet (tests/i18n fails for such a call in the core)."""
    key = f"doing.{words}"
    return say(key) if key in SERVICE.english else words


__all__ = ["SERVICE", "Said", "doing", "say"]
