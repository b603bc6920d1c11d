"""English: the Discord replies beyond the quiz flow (errors, /ask and /explain, /stats,
/leaderboard, /pack, /config, /scores, /admin). Merged into bot/i18n/en.py's MESSAGES; the
Spanish twin is bot/i18n/es_staff.py."""

STAFF: dict[str, str] = {
    # refusals and failures (bot.discord_app.errors)
    "error.apology": ("Sorry, something went wrong on my side. It has been logged; please try "
                      "again."),
    "error.store_unavailable": ("I can't use my database right now (the details are in the "
                                "bot's log). Please try again later."),
    "error.guild_only": "This command only works in a server, not in direct messages.",
    "error.cooldown": "Slow down: try again in {seconds} s.",
    "error.no_permission": "You don't have permission to use this command.",
    "error.bot_permissions": "I am missing permissions here: {missing}",
    "error.not_understood": "I couldn't understand {value}.",
    "error.not_here": "You can't use this command here.",
    "view.not_yours": "These buttons belong to whoever ran the command: run it yourself to get "
                      "your own.",
    "view.cancel": "Cancel",
    "expired.leaderboard": "These buttons have expired: run /leaderboard again.",
    "expired.reset": "This confirmation has expired and nothing was reset: run /scores reset "
                     "again.",
    "expired.packremove": "This confirmation has expired and nothing was removed: run /pack "
                          "remove again.",
    "expired.packupload": "This preview has expired and nothing was installed: run /pack upload "
                          "again.",
    "expired.packaccept": "This report has expired and nothing was accepted: run /pack report "
                          "again.",
    "expired.packrestore": "This preview has expired and nothing was restored: run /pack restore "
                           "again.",
    "expired.privacy": "This confirmation has expired and nothing was deleted: run /privacy "
                       "delete again.",
    # quiz commands
    "quiz.nothing_to_stop": "There is no quiz running here to stop.",
    "quiz.due_now": "Due now: {packs}",
    # counts ("1 question", "2 questions")
    "count.question": "{count} question",
    "count.questions": "{count} questions",
    "count.explainer": "{count} explainer",
    "count.explainers": "{count} explainers",
    "count.player": "{count} player",
    "count.players": "{count} players",
    "count.problem": "{count} problem",
    "count.problems": "{count} problems",
    # /ask, /explain
    "ask.answer": "Answer",
    "ask.asked": "Q: {question}",
    "ask.unknown": "I don't know that one yet",
    "ask.try": "Try asking about",
    "ask.source": "Source: {source}",
    "explain.examples": "Examples",
    "explain.related": "Related",
    # /stats
    "stats.title": "Stats for {name}",
    "stats.points": "Points",
    "stats.ranked": " ({points} ranked)",
    "stats.accuracy": "Accuracy",
    "stats.streak": "Streak",
    "stats.streak_value": "{current} (best {best})",
    "stats.review": "Review (/quiz review)",
    "stats.review_line": "{pack}: {due} due of {cards}, recall ~{recall}",
    "stats.next_due": "Next due {wait}.",
    "stats.none": "No answers yet: start with `/quiz start`.",
    "stats.alt": "Bar chart of {name}'s accuracy per topic: {bars}",
    "stats.no_topics": "No chart: {name} has no answers in any topic yet.",
    "stats.no_matplotlib": "No chart: the bot's host has not installed the charts extra "
                           "(matplotlib).",
    # /leaderboard
    "board.title": "Leaderboard — {scope}, {when}",
    "board.all_packs": "all packs",
    "board.period.all": "all time",
    "board.period.month": "this month",
    "board.period.week": "this week",
    "board.when": "{period}, season {season}",
    "board.archived": "season {season} (archived)",
    "board.row": "{rank} **{name}** — {points} pts ({correct}/{answered} correct)",
    "board.empty": "Nobody has scored here yet.",
    "board.footer": "Page {page}/{pages} · {players}",
    "board.prev": "Prev",
    "board.next": "Next",
    # /pack list, info, upload, export, remove
    "packlist.title": "Question packs",
    "packlist.none": "No packs installed.",
    "packlist.more": "and {count} more",
    "packlist.id": "Id",
    "packlist.questions": "Questions",
    "packlist.explainers": "Explainers",
    "packlist.language": "Language",
    "packlist.types": "Question types",
    "packlist.topics": "Topics",
    "packlist.source": "Source",
    "packcmd.instructors_upload": "Only instructors can upload packs. A server manager can choose "
                                  "the instructor role with /config roles.",
    "packcmd.instructors_export": "Only instructors can export packs. A server manager can choose "
                                  "the instructor role with /config roles.",
    "packcmd.instructors_remove": "Only instructors can remove packs. A server manager can choose "
                                  "the instructor role with /config roles.",
    "packcmd.too_big": "{file} is {size:,} bytes; a pack file may be at most {limit:,} bytes.",
    "packcmd.download_failed": "I couldn't download that file from Discord; please try again.",
    "packcmd.exported": "The current version of `{file}`: edit it and /pack upload it again.",
    "preview.title": "Install {title}?",
    "preview.new": "a new pack",
    "preview.version": "version {version}, replacing version {old}",
    "preview.what": "`{pack}`: {head}, read as {format}.",
    "preview.samples": "Samples",
    "preview.notes": "Not kept as written ({count})",
    "preview.footer": "Nothing is stored until you press Install.",
    "preview.button": "Install",
    "preview.nothing": "Nothing was installed from {file}.",
    "uploaded.refused_title": "Pack not installed",
    "uploaded.refused": "**{file}** was not installed: {problems}. Nothing was changed; a pack "
                        "already installed with this id stays as it was.",
    "uploaded.more": "…and {count} more.",
    "uploaded.validate_tip": "Check the whole file with `quizbot pack validate FILE`.",
    "uploaded.installed": "Installed: {title}",
    "uploaded.installed_footer": "Only this server sees it. Play it with /quiz start pack:{pack}",
    "remove.ask": "Remove {title} (`{pack}`, {count} questions) from this server? Scores already "
                  "earned are kept.",
    "remove.button": "Remove",
    "remove.done": "Removed {title} (`{pack}`). Scores earned with it are kept.",
    "remove.nothing": "Nothing was removed: `{pack}` stays.",
    # /pack report and accepting an answer
    "qreport.title_for": "Question report — {pack}",
    "qreport.intro": "{played} of {total} questions answered so far, reported ones first, then "
                     "the most failed. A low score with one repeated wrong answer often means an "
                     "accepted answer is missing.",
    "qreport.nobody": "Nobody has answered this pack's questions here yet.",
    "qreport.counts": "`{question}` · {correct}/{attempts} right · {skipped} skipped · {players}",
    "qreport.discrimination": "Discrimination {value}",
    "qreport.median": "median {seconds} s",
    "qreport.wrong": "Wrong: {answers}",
    "qreport.no_wrong": "No wrong answers typed.",
    "qreport.reported": "⚑ Reported ×{count}: {reasons}",
    "qreport.more": " and {count} more",
    "qreport.not_shown": "{count} more answered questions not shown.",
    "qreport.unplayed": "{questions} not played yet.",
    "accept.pick": "Accept a wrong answer as right…",
    "accept.button": "Accept",
    "accept.rescore_button": "Accept and re-score",
    "accept.ask": "Accept “{answer}” for `{question}`? A new version of `{pack}` is stored; "
                  "re-scoring also marks past attempts right.",
    "accept.first": "Pick an answer first.",
    "accept.done": "`{question}` now accepts “{answer}” (version {version}).",
    "accept.rescored": "{count} past attempts re-scored.",
    # /config, /scores, /admin
    "staff.role_unset": "not set (Manage Server only)",
    "staff.roles": "Instructor role: {instructor}\nModerator role: {moderator}\nMembers with "
                   "Manage Server count as both.",
    "staff.saved": "Saved.",
    "staff.retention": "Review aims for {percent} recall: a card falls due when its estimated "
                       "recall drops to {percent}.",
    "staff.moderators_only": "Only moderators can reset scores. A server manager can choose the "
                             "moderator role with /config roles.",
    "reset.whose": "{name}'s scores",
    "reset.everyone": "everyone's scores",
    "reset.in_pack": " in `{pack}`",
    "reset.ask": "Reset {what}? Points go back to zero; answer history is kept.",
    "reset.button": "Reset",
    "reset.done": "Reset {what}: {players} back to zero. Answer history is kept.",
    "reset.nothing": "Nothing was reset.",
    "season.begun": "Season {number}{label} has begun: every question counts again. Season "
                    "{previous}'s board is archived: `/leaderboard season:{previous}`.",
    "season.line": "Season {number}{name}: {began}, {players}",
    "season.current_line": "Season {number}{name} (current): {began}, {players}",
    "season.since": "since {date}",
    "season.from_start": "from the start",
    "export.too_big": "The export is {size} MB, over Discord's {limit} MB upload limit, so it "
                      "cannot be attached here. Ask whoever hosts the bot to export it from the "
                      "database.",
    "export.file": "Every answer given in this server, one row each (UTF-8 CSV with a header row).",
    "sync.owner_only": "Only the bot's owner can sync commands.",
    "sync.global": "Synced {count} commands globally; Discord may take up to an hour to show them "
                   "everywhere.",
    "sync.guild": "Synced {count} commands to this server.",
    "sync.cleared": "Removed this server's copy of the commands; the global ones remain.",
}
