"""English: the reference catalog (every other language has exactly these keys).

The core's own sentences (judge reasons, refusals) are written in the core's phrasebooks, beside
the code that says them, and merged in here, so English has one source for each sentence.
"""

from bot.core.ask.phrases import ASK
from bot.core.judge.phrases import JUDGE
from bot.core.packs.phrases import PACKS
from bot.core.play.phrases import PLAY
from bot.core.service.phrases import SERVICE
from bot.core.text.phrases import TEXT
from bot.i18n.en_staff import STAFF
from bot.store.guard import BUSY

CORE_BOOKS = (TEXT, JUDGE, PLAY, PACKS, SERVICE, ASK, BUSY)

UI: dict[str, str] = {
    # question card
    "question.title": "Question {position}/{total} · {pack}",
    "question.how.choice": "Pick a letter below.",
    "question.how.truefalse": "True or false?",
    "question.how.text": "Press **Type answer** and write it in.",
    "question.how.number": "Press **Type answer** and enter a number.",
    "question.how.order": "Press **Type answer** and give the letters in order, e.g. `B A C`.",
    "question.how.select_all": "Select all that apply: pick every right option in the menu "
                               "below.",
    "select.placeholder": "Pick every right option…",
    "history.title": "Versions of {pack}",
    "history.line": "**v{version}**{current} · {when} · {who} · {questions} questions",
    "history.current": " (current)",
    "history.older": "…and {count} older versions.",
    "history.not_installed": "Not installed now: /pack restore brings a version back.",
    "history.footer": "/pack restore makes an older version current again, as a new version.",
    "restore.title": "Restore version {version} of {pack}?",
    "restore.description": ("`{pack}` becomes version {new} with this content; every version "
                            "stays stored."),
    "restore.questions": "Questions",
    "restore.samples": "Samples",
    "restore.footer": "Nothing changes until you press Restore.",
    "restore.button": "Restore",
    "restore.cancel_button": "Cancel",
    "restore.done": "Restored version {version} of `{pack}` as version {new} ({questions} "
                    "questions).",
    "restore.cancelled": "Nothing was restored.",
    "question.how.other": "Answer below.",
    "question.points": "Points",
    "question.points_value": "up to {points}",
    "question.closes": "Closes",
    "question.hints": "Hints",
    "question.hints_value": "{count} (each costs points)",
    "question.started_by": "started by {name}",
    "question.closed": "This question is already closed — use /quiz start for a new one.",
    # verdict and explanation
    "verdict.skipped": "⏭️ Skipped",
    "verdict.correct": "✅ Correct! +{points} points",
    "verdict.wrong": "❌ Not quite",
    "verdict.answer": "Answer",
    "verdict.score": "Score",
    "verdict.score_value": "{total} pts · streak {streak}",
    "explain.why": "Why",
    "explain.quote": "From the article",
    # solo summary
    "summary.stopped": "Quiz stopped",
    "summary.complete": "Quiz complete! 🎉",
    "summary.points": "Points",
    "summary.correct": "Correct",
    "summary.skipped": "Skipped",
    "summary.best_streak": "Best streak",
    "summary.rank": "Server rank",
    "summary.footer": "/quiz start for another round · /leaderboard to compare",
    # live rounds
    "live.player_points": "{points} pts",
    "live.player_time": "in {seconds} s",
    "live.reveal_title": "Answer to question {position}/{total}",
    "live.answers": "Answers",
    "live.answers_value": "{correct}/{answered} correct",
    "live.fastest": "Fastest correct",
    "live.podium_stopped": "Live quiz stopped",
    "live.podium_title": "Live quiz over — the podium 🏆",
    "live.nobody": "Nobody answered this time.",
    "live.podium_footer": "{count} questions · /quiz start to play again",
    "live.podium_footer_one": "{count} question · /quiz start to play again",
    "live.locked_in": "🔒 Answer locked in. Wait for the reveal!",
    "live.already": "You already answered this question.",
    "live.restart_note": "This live quiz was interrupted by a bot restart and has been closed.",
    "live.stopped": "Stopped. The podium is on the quiz message.",
    "live.stopped_by": "Stopped by {name}.",
    "review.due_now": "Due now: {packs}",
    # buttons and forms
    "button.true": "True",
    "button.false": "False",
    "button.type": "Type answer",
    "button.hint": "Hint",
    "button.skip": "Skip",
    "button.report": "Report a problem",
    "button.next": "Next question",
    "modal.question": "Question {position}/{total}",
    "modal.text_label": "Your answer",
    "modal.text_placeholder": "A word or a short phrase",
    "modal.number_label": "Your number",
    "modal.number_placeholder": "e.g. 11000 or 11,000",
    "modal.order_label": "Letters in order",
    "modal.order_placeholder": "e.g. B A D C",
    "quiz.hint": "💡 Hint: {hint}",
    "quiz.empty_answer": "That answer was empty — nothing was recorded.",
    "quiz.unavailable": "Quizzes are unavailable right now; try again in a minute.",
    # the opt-in daily reminder
    "reminder.text": ("📚 {count} question(s) are due for review. Practise now (a few minutes), "
                      "or turn these reminders off."),
    "reminder.review_now": "Review now",
    "reminder.turn_off": "Turn off reminders",
    "reminder.on": ("Daily reminders are on: one DM a day when questions are due "
                    "({count} due now). /reminders daily:False turns them off."),
    "reminder.off": "Daily reminders are off. /reminders daily:True turns them on.",
    # your own data (/privacy)
    "privacy.ask_first": ("Delete everything quizbot stores about you in this server: your "
                          "answers, points, review schedule, the questions you asked that it "
                          "could not answer and your question reports? You leave this server's "
                          "leaderboards. This cannot be undone."),
    "privacy.delete_button": "Delete my data",
    "privacy.cancel_button": "Cancel",
    "privacy.cancelled": "Nothing was deleted.",
    "privacy.nothing": "Nothing was stored about you in this server.",
    "privacy.deleted": ("Deleted: {answers} answer(s), {totals} pack total(s), {asked} logged "
                        "question(s), {reports} question report(s), {quizzes} quiz(zes). The "
                        "leaderboards no longer list you."),
    "privacy.file": ("Everything quizbot stores about you in this server, as JSON. "
                     "`/privacy delete` removes it."),
    "privacy.file_alt": "Everything quizbot stores about you in this server",
    "privacy.too_big": ("Your data is over Discord's upload limit; ask whoever hosts the bot for "
                        "it (`quizbot privacy show` on the host)."),
    # reporting a question
    "report.title": "Report this question",
    "report.label": "What is wrong or unclear?",
    "report.placeholder": "e.g. my answer should count; the prompt has a typo",
    "report.thanks": ("Reported “{prompt}”. Thank you: your instructor sees it beside the "
                      "question in /pack report."),
}

MESSAGES: dict[str, str] = {**UI, **STAFF, **{key: text for book in CORE_BOOKS
                                     for key, text in book.english.items()}}
