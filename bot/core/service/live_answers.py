"""Live answers without rewriting the session: one row each, read back into the state.

Why: a live session's JSON holds every player, and each "locked in" used to load it, add one
answer and save it whole. With 300 players that is ~100 KB parsed and written per answer, most of
it in single C calls that hold the GIL, and O(players²) per question: 300 answers in a 20 s window
kept a core busy and stalled the bot's event loop (the loop-stall bench). Now an answer is checked
against a parsed state kept while the session's JSON is unchanged (it does not change during a
question any more), judged, and stored as one row (bot.store.live_queries) in one transaction with
the learner; `merge` puts the rows back into `pending` whenever the service loads the session
(reveal, hint, stop, restart), so the state machine (bot.core.play.session) is unchanged.
"""

from __future__ import annotations

import threading

from bot.core.errors import AnswerNotInForm, SessionNotFound
from bot.core.models import Actor, Mode, Question
from bot.core.play.session import QuizSession
from bot.core.service.phrases import say
from bot.store.db import Store

KEPT_STATES = 64  # parsed states kept; a server runs a few live quizzes at once, not hundreds


class LiveAnswers:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._states: dict[str, tuple[str, QuizSession]] = {}
        self._guard = threading.Lock()

    def view(self, session_id: str, guild_id: str) -> QuizSession:
        """The session as stored, parsed once per version of its JSON. Read-only: the same
        object serves every answer until the JSON changes (a reveal, a hint, a stop)."""
        found = self.store.session_state(session_id)
        if found is None or found[0] != guild_id:
            raise SessionNotFound(say("quiz.gone"))
        state = found[1]
        kept = self._states.get(session_id)
        if kept is not None and kept[0] == state:
            return kept[1]
        session = QuizSession.from_json(state)
        with self._guard:
            if len(self._states) >= KEPT_STATES:
                self._states.clear()
            self._states[session_id] = (state, session)
        return session

    def submit(self, actor: Actor, session: QuizSession, question: Question, response: str,
               now: float) -> bool:
        """Judge and keep this player's first answer; False when they already answered."""
        session.check_live(question, now)
        if actor.user_id in session.pending:  # kept in the JSON by an older quizbot
            return False
        try:
            entry = session.live_entry(question, response, now)
        except AnswerNotInForm:
            if self.store.has_live_answer(session.id, session.index, actor.user_id):
                return False  # a second try says "already answered", as before
            raise
        with self.store.atomic():
            self.store.upsert_learner(actor.guild_id, actor.user_id, actor.display_name, now)
            return self.store.add_live_answer({
                "session_id": session.id, "position": session.index,
                "guild_id": actor.guild_id, "user_id": actor.user_id,
                "display_name": actor.display_name, "response": entry["response"],
                "correct": int(entry["correct"]), "reason": entry["reason"],
                "matched": entry["matched"], "at": entry["at"]})

    def merge(self, session: QuizSession) -> None:
        """Put the open question's stored answers into `pending` (a freshly loaded state)."""
        if session.mode is not Mode.LIVE or not session.is_open:
            return
        for row in self.store.live_answers(session.id, session.index):
            session.add_pending(row["user_id"], row["display_name"], {
                "response": row["response"], "correct": bool(row["correct"]),
                "reason": row["reason"], "matched": row["matched"], "at": row["answered_at"]})

    def saved(self, session: QuizSession) -> None:
        """After the state is saved: answers of closed questions are attempts now."""
        if session.mode is Mode.LIVE:
            self.store.clear_live_answers(session.id, session.index if session.is_open else None)
