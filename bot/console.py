"""The terminal frontend: a solo quiz over standard input and output.

It reads one answer per line (so it works piped, without a terminal), understands `hint`, `skip`,
`quit` and `report` (the question just answered is wrong or unclear: a reason follows on the next
line), and shows the same verdicts, points and explanations the Discord bot shows. All game
rules stay in the service; this module only renders its records.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from bot.core.errors import QuizError, StoreBusy
from bot.core.models import Actor, QuestionType, letter
from bot.core.results import AnswerOutcome, MediaRef, QuestionView, SessionSummary
from bot.core.service import QuizService
from bot.core.service.review import in_words


def plural(count: int, word: str) -> str:
    """'question' or 'questions' as `count` needs (regular English plurals only)."""
    return word if count == 1 else word + "s"


def counted(count: int, word: str) -> str:
    """'1 question', '12 questions': a count with its word, as plain English says it."""
    return f"{count} {plural(count, word)}"

COMMANDS = {"hint", "skip", "quit", "help", "report"}
HELP = ("You can type: your answer (see the line in brackets for its form), hint (the next "
        "hint; each halves the points), skip (move on; it counts as a miss for review), quit "
        "(stop here and see the summary; Ctrl-C does the same), report (the last "
        "answer shown looks wrong or the question unclear), help (this list).")
HOW_TO_ANSWER = ("Type your answer, or hint, skip, quit, help; report if the last answer shown "
                 "is wrong.")
TYPE_HELP = {
    QuestionType.CHOICE: "answer with a letter (or the option's text)",
    QuestionType.TRUEFALSE: "true or false",
    QuestionType.TEXT: "type your answer",
    QuestionType.NUMBER: "a number",
    QuestionType.ORDER: "the letters in order, e.g. C A B",
    QuestionType.SELECT_ALL: "the letters of every right option, in any order, e.g. A C",
}


class ConsoleQuiz:
    def __init__(
        self,
        service: QuizService,
        actor: Actor,
        read_line: Callable[[], str | None],
        write: Callable[[str], None],
        charts_dir: Path | None = None,
    ) -> None:
        self.service = service
        # Where a question's charts are written as PNG (--charts DIR); None: only named.
        self.charts_dir = charts_dir
        self.actor = actor
        self.read_line = read_line
        self.write = write
        self.last_answered: tuple[str, str] | None = None  # (session, question) to `report`

    def play(self, pack_id: str | None, count: int, seed: int | None) -> SessionSummary:
        """A fresh quiz: `count` questions of the pack in an order fixed by `seed`."""
        view = self.service.quizzes.start_quiz(self.actor, pack_id, count, seed=seed)
        return self._run(view, f"{view.pack_title}: {view.total} "
                               f"{plural(view.total, 'question')}. {HOW_TO_ANSWER}\n")

    def review(self, pack_id: str | None, count: int) -> SessionSummary | None:
        """Review the cards due now: of one pack, or of every pack in turn (most due first).

        Says first how many are due in each pack, and at the end when the next falls due.
        """
        summary = None
        overview = self.service.review.overview(self.actor.guild_id, self.actor.user_id)
        due = [p for p in overview.packs if p.due and (pack_id is None or p.pack_id == pack_id)]
        if due:
            self.write("Due now: " + ", ".join(f"{p.pack_title} {p.due}" for p in due) + ".")
        while True:
            try:
                view = self.service.review.start_review(self.actor, pack_id, count)
            except QuizError:
                if summary is None:
                    raise  # nothing due at all: the caller shows why
                break
            summary = self._run(view, f"Review of {view.pack_title}: {view.total} "
                                      f"{plural(view.total, 'question')} due again. "
                                      "Type your answer, or hint, skip, quit, help.\n")
            if summary.stopped or pack_id is not None:
                break
        after = self.service.review.overview(self.actor.guild_id, self.actor.user_id)
        if after.next_due_in is not None and not after.due:
            self.write(f"Next review {in_words(after.next_due_in)}.")
        return summary

    def _run(self, first: QuestionView, intro: str) -> SessionSummary:
        session_id = first.session_id
        try:
            self.write(intro)
            self._loop(first)
        except KeyboardInterrupt:  # Ctrl-C: stop, show the summary, then leave as asked
            self.write("\n(interrupted: stopping the quiz)")
            self.service.quizzes.stop_quiz(self.actor, session_id)
            self._show_summary(self.service.quizzes.summary(
                session_id, self.actor.guild_id, self.actor.user_id))
            raise
        summary = self.service.quizzes.summary(session_id, self.actor.guild_id, self.actor.user_id)
        self._show_summary(summary)
        return summary

    def _loop(self, first: QuestionView) -> None:
        view: QuestionView | None = first
        while view is not None:
            self._show(view)
            outcome = self._one_question(view)
            if outcome is None:  # quit or end of input
                self.service.quizzes.stop_quiz(self.actor, first.session_id)
                return
            self._show_outcome(outcome)
            self.last_answered = (first.session_id, outcome.question_id)
            view = outcome.next_question

    def _one_question(self, view: QuestionView) -> AnswerOutcome | None:
        while True:
            line = self.read_line()
            if line is None:
                self.write("(end of input: stopping the quiz)")
                return None
            command = line.strip().casefold()
            try:
                if command == "quit":
                    return None
                if command in ("help", "?"):
                    self.write(HELP)
                    continue
                if command == "skip":
                    return self.service.quizzes.skip(self.actor, view.session_id, view.question_id)
                if command == "report":
                    self._report()
                    continue
                if command == "hint":
                    hint = self.service.quizzes.hint(self.actor, view.session_id, view.question_id)
                    self.write(f"Hint: {hint} (a hint halves the points)")
                    continue
                return self.service.quizzes.answer(
                    self.actor, view.session_id, view.question_id, line
                )
            except StoreBusy:
                # Nothing of this answer was saved (the transaction rolled back whole), and the
                # question is still open: the player only has to send it again.
                self.write("The database is busy (another quizbot is writing to it), so that "
                           "was not recorded; type it again.")
            except QuizError as err:
                self.write(str(err))

    def _report(self) -> None:
        """Report the question answered last (never the open one: that would be a peek)."""
        if self.last_answered is None:
            self.write("Nothing to report yet: `report` is for the question you just answered.")
            return
        self.write("What is wrong or unclear? (one line)")
        reason = self.read_line()
        if reason is None or not reason.strip():
            self.write("Not reported (no reason given).")
            return
        session_id, question_id = self.last_answered
        self.service.feedback.report_question(self.actor, session_id, question_id, reason)
        self.write("Reported, thank you: your instructor sees it in `quizbot report`. "
                   "Now the current question:")

    def _show(self, view: QuestionView) -> None:
        hints = (f", {view.hints_available} {plural(view.hints_available, 'hint')}"
                 if view.hints_available else "")
        self.write(f"Q{view.position}/{view.total} ({view.points} points{hints})")
        self.write(view.prompt)
        if view.image:
            self.write(f"[image: {view.image}]")
        self._name_charts(view.media)
        for index, choice in enumerate(view.choices):
            self.write(f"  {letter(index)}) {choice}")
        if view.type is QuestionType.TRUEFALSE:
            self.write("  true / false")
        self.write(f"[{TYPE_HELP[view.type]}]")

    def _show_outcome(self, outcome: AnswerOutcome) -> None:
        if outcome.skipped:
            self.write("Skipped.")
        elif outcome.verdict.correct:
            streak = f", streak {outcome.streak}" if outcome.streak > 1 else ""
            practice = "" if outcome.ranked else " (practice, not ranked)"
            self.write(f"RIGHT - {outcome.verdict.reason} +{outcome.points} points{practice}"
                       f"{streak}")
        else:
            self.write(f"WRONG - {outcome.verdict.reason}")
        self.write(f"Answer: {outcome.correct_answer}")
        self.write(f"Why: {outcome.explanation}")
        if outcome.quote:
            self.write(f'From the article: "{outcome.quote}"')
        self._name_charts(outcome.media)
        self.write(f"Total: {outcome.total_points} points\n")

    def _name_charts(self, refs: Sequence[MediaRef]) -> None:
        """A terminal shows no pictures: each chart is named, and written as a PNG file when
        --charts DIR was given (a question's chart has no explainer command to draw it)."""
        for ref in refs:
            if ref.kind != "chart":
                continue
            if self.charts_dir is None:
                self.write(f"Chart: {ref.title} (--charts DIR writes it as a PNG)")
                continue
            drawn = self.service.media.load([ref])
            if not drawn:
                self.write(f"Chart: {ref.title} (not drawn: charts need matplotlib, "
                           f"pip install -e '.[charts]')")
                continue
            path = self.charts_dir / drawn[0].name
            try:
                path.write_bytes(drawn[0].data)
            except OSError as err:
                self.write(f"Chart: {ref.title} (could not write {path}: {err.strerror or err})")
            else:
                self.write(f"Chart: {ref.title} -> {path}")

    def _show_summary(self, summary: SessionSummary) -> None:
        board = self.service.standings.leaderboard(self.actor.guild_id)
        rank = (
            f"rank {summary.rank} of {board.total_players} in the local leaderboard"
            if summary.rank
            else "not ranked yet"
        )
        state = "Quiz stopped" if summary.stopped else "Quiz finished"
        self.write(
            f"{state}: {summary.correct}/{summary.answered} correct"
            f" ({summary.skipped} skipped, {summary.total_questions}"
            f" {plural(summary.total_questions, 'question')}),"
            f" {summary.points} points{_ranked_part(summary)}, best streak {summary.best_streak},"
            f" {rank}."
        )


def _ranked_part(summary: SessionSummary) -> str:
    """ " (240 ranked)" when some points were practice: replays and reviews do not rank."""
    if summary.ranked_points == summary.points:
        return ""
    return f" ({summary.ranked_points} ranked; replays and reviews are practice)"
