"""Learners' reports of a wrong or unclear question, for the instructor's question report.

Until now a learner who spotted a wrong answer key could only tell the teacher in chat, where it
got lost. A report names a question of a quiz the learner saw revealed (the button sits on the
reveal), carries a short reason, and shows beside that question in /pack report and
`quizbot report`. Reports are only ever added (an append-only table); one per learner per
question, and a daily cap, so a button cannot be used to flood the instructor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.core.errors import InvalidInput, SessionNotFound
from bot.core.models import Actor
from bot.core.play.session import QuizSession
from bot.core.service.access import Access
from bot.core.service.catalog import Catalog
from bot.core.service.phrases import say
from bot.store.db import Store

REASON_MIN, REASON_MAX = 3, 300
DAILY_LIMIT = 20
DAY = 86400.0


@dataclass(frozen=True)
class ReportedQuestion:
    """What was reported, for the learner's thank-you line."""

    pack_id: str
    question_id: str
    prompt: str


@dataclass(eq=False)
class Feedback:
    store: Store
    catalog: Catalog
    access: Access
    clock: Callable[[], float]

    def reasons(self, actor: Actor, pack_id: str) -> dict[str, tuple[str, ...]]:
        """Instructors: question id → learners' reasons for reporting it, newest first."""
        self.access.require_instructor(actor, "see question reports")
        pack = self.catalog.pack(actor.guild_id, pack_id)
        found: dict[str, list[str]] = {}
        for row in self.store.question_reports(actor.guild_id, pack.id):
            found.setdefault(row["question_id"], []).append(row["reason"])
        return {question: tuple(reasons) for question, reasons in found.items()}

    def report_question(self, actor: Actor, session_id: str, question_id: str,
                        reason: str) -> ReportedQuestion:
        """Record that `question_id` of this quiz is wrong or unclear, with `reason`.

        Only a question already revealed in that quiz can be reported (not the one still open:
        a report must not be a way to peek), by anyone in the quiz's guild.
        """
        reason = " ".join(reason.split())
        if not REASON_MIN <= len(reason) <= REASON_MAX:
            raise InvalidInput(say("report.reason_length", low=REASON_MIN, high=REASON_MAX))
        row = self.store.session_row(session_id)
        if row is None or row["guild_id"] != actor.guild_id:
            raise SessionNotFound(say("report.gone"))
        session = QuizSession.from_json(row["state"])
        if question_id not in session.question_ids or question_id == session.current_id:
            raise InvalidInput(say("report.not_revealed"))
        pack = self.catalog.pack(actor.guild_id, session.pack_id)
        question = pack.question(question_id)
        if question is None:
            raise SessionNotFound(say("quiz.question_gone"))
        now = self.clock()
        if self.store.has_question_report(actor.guild_id, actor.user_id, pack.id, question_id):
            raise InvalidInput(say("report.already"))
        if self.store.count_reports_since(actor.guild_id, actor.user_id, now - DAY) >= DAILY_LIMIT:
            raise InvalidInput(say("report.daily_limit", limit=DAILY_LIMIT))
        self.store.add_question_report({
            "guild_id": actor.guild_id, "user_id": actor.user_id, "pack_id": pack.id,
            "question_id": question_id, "session_id": session_id, "reason": reason,
            "created_at": now,
        })
        return ReportedQuestion(pack.id, question_id, question.prompt)
