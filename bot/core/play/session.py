"""The quiz session state machine, pure: no I/O, an injected clock (`now`) and a seeded order.

Two modes share one state: *solo* (one player, self-paced, verdict at once) and *live* (many
players, one question at a time, answers kept private until the question closes at its deadline).
The service persists a session as JSON after each step, so a restart resumes it exactly.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.core.errors import AnswerNotInForm, ClosedReason, InvalidInput, QuestionClosed
from bot.core.judge.verdicts import judge
from bot.core.models import Mode, Pack, Question, Verdict
from bot.core.play import scoring
from bot.core.play.phrases import say
from bot.core.play.ranking import QUIZ

OPEN, FINISHED, STOPPED = "open", "finished", "stopped"


def judge_in_form(question: Question, response: str) -> Verdict:
    """The judge's verdict, or AnswerNotInForm when the response is not an answer of this kind:
    then nothing changes, the question stays open and the learner is told what to type."""
    verdict = judge(question, response)
    if verdict.form_error:
        raise AnswerNotInForm(say("play.try_again", reason=verdict.reason))
    return verdict


@dataclass
class PlayerState:
    user_id: str
    display_name: str
    points: int = 0
    correct: int = 0
    answered: int = 0
    skipped: int = 0
    streak: int = 0
    best_streak: int = 0
    hints: dict[str, int] = field(default_factory=dict)  # question id → hints taken


@dataclass
class Scored:
    """One judged answer, ready to be recorded as an Attempt."""

    user_id: str
    question_id: str
    response: str | None
    verdict: Verdict
    points: int
    elapsed_ms: int
    hints_used: int
    streak: int
    best_streak: int
    skipped: bool = False


@dataclass
class QuizSession:
    id: str
    guild_id: str
    starter_id: str
    pack_id: str
    mode: Mode
    question_ids: list[str]
    seed: int
    channel_id: str | None = None
    time_limit: float = 30.0
    index: int = 0
    opened_at: float = 0.0
    deadline: float | None = None
    status: str = OPEN
    players: dict[str, PlayerState] = field(default_factory=dict)
    pending: dict[str, dict[str, Any]] = field(default_factory=dict)  # live answers, private
    purpose: str = QUIZ  # ranking.QUIZ or ranking.REVIEW (reviews never rank)
    limits: dict[str, float] = field(default_factory=dict)  # question id → its own time limit

    # -- construction and persistence --------------------------------------------------------
    @classmethod
    def create(
        cls,
        *,
        session_id: str,
        pack: Pack,
        guild_id: str,
        starter_id: str,
        mode: Mode,
        count: int,
        seed: int,
        now: float,
        channel_id: str | None = None,
        time_limit: float = 30.0,
        only: Sequence[str] | None = None,
        purpose: str = QUIZ,
    ) -> QuizSession:
        """Pick `count` questions in an order fixed by `seed` (the same seed, the same quiz).

        With `only`, take those question ids (that the pack still has) in that order instead.
        """
        if only is not None:
            chosen = [q for q in (pack.question(i) for i in only) if q is not None][:count]
            if not chosen:
                raise InvalidInput(say("play.none_left", pack=repr(pack.id)))
        elif not pack.questions:
            raise InvalidInput(say("play.no_questions", pack=repr(pack.id)))
        else:
            chosen = random.Random(seed).sample(list(pack.questions),
                                                min(count, len(pack.questions)))
        session = cls(
            id=session_id, guild_id=guild_id, starter_id=starter_id, pack_id=pack.id, mode=mode,
            question_ids=[q.id for q in chosen], seed=seed, channel_id=channel_id,
            time_limit=time_limit, purpose=purpose,
            limits={q.id: float(q.time_limit) for q in chosen if q.time_limit},
        )
        session._open_question(now)
        return session

    def to_json(self) -> str:
        """The state as JSON, the same text `dataclasses.asdict` gave, without its deep copy of
        every field (a quarter of a solo answer's time): every field is plain JSON data."""
        data = dict(self.__dict__)
        data["players"] = {k: dict(p.__dict__) for k, p in self.players.items()}
        return json.dumps(data)

    @classmethod
    def from_json(cls, text: str) -> QuizSession:
        data = json.loads(text)
        data["mode"] = Mode(data["mode"])
        data["players"] = {k: PlayerState(**v) for k, v in data["players"].items()}
        return cls(**data)

    # -- queries -------------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.status == OPEN

    @property
    def current_id(self) -> str | None:
        if not self.is_open or self.index >= len(self.question_ids):
            return None
        return self.question_ids[self.index]

    def player(self, user_id: str, display_name: str) -> PlayerState:
        state = self.players.get(user_id)
        if state is None:
            state = self.players[user_id] = PlayerState(user_id, display_name)
        state.display_name = display_name
        return state

    def require_current(self, question_id: str) -> None:
        """Refuse anything aimed at a question that is not the open one (stale buttons, retries)."""
        if question_id != self.current_id:
            raise QuestionClosed(say("play.closed"), ClosedReason.STALE)

    # -- steps -----------------------------------------------------------------------------------
    def take_hint(self, question: Question, user_id: str, display_name: str) -> str:
        self.require_current(question.id)
        if self.mode is Mode.SOLO and user_id != self.starter_id:
            raise QuestionClosed(say("play.not_yours"),
                                 ClosedReason.NOT_YOURS)
        if self.mode is Mode.LIVE and user_id in self.pending:
            raise QuestionClosed(say("play.already_answered"), ClosedReason.DUPLICATE)
        player = self.player(user_id, display_name)
        used = player.hints.get(question.id, 0)
        if used >= len(question.hints):
            raise InvalidInput(say("play.no_more_hints" if used else "play.no_hints"))
        player.hints[question.id] = used + 1
        return question.hints[used]

    def answer_solo(
        self, question: Question, user_id: str, display_name: str, response: str, now: float
    ) -> Scored:
        """Judge and score at once, then move on."""
        self._require_solo_player(question, user_id)
        verdict = judge_in_form(question, response)
        scored = self._score(question, user_id, display_name, response, verdict, now, live=False)
        self._advance(now)
        return scored

    def skip_solo(self, question: Question, user_id: str, display_name: str, now: float) -> Scored:
        self._require_solo_player(question, user_id)
        player = self.player(user_id, display_name)
        player.skipped += 1
        player.streak = 0
        scored = Scored(user_id, question.id, None, Verdict(False, say("play.skipped")), 0,
                        self._elapsed_ms(now), player.hints.get(question.id, 0), 0,
                        player.best_streak, skipped=True)
        self._advance(now)
        return scored

    def submit_live(
        self, question: Question, user_id: str, display_name: str, response: str, now: float
    ) -> bool:
        """Keep a live answer privately; False when this player already answered."""
        self.check_live(question, now)
        if user_id in self.pending:
            return False
        self.add_pending(user_id, display_name, self.live_entry(question, response, now))
        return True

    def check_live(self, question: Question, now: float) -> None:
        """Refuse a live answer to a question that is not open, or past its deadline."""
        self.require_current(question.id)
        if self.deadline is not None and now > self.deadline:
            raise QuestionClosed(say("play.time_up"), ClosedReason.EXPIRED)

    @staticmethod
    def live_entry(question: Question, response: str, now: float) -> dict[str, Any]:
        """The judged, still private live answer, as `pending` keeps it (changes nothing)."""
        verdict = judge_in_form(question, response)
        return {"response": response, "correct": verdict.correct, "reason": verdict.reason,
                "matched": verdict.matched, "at": now}

    def add_pending(self, user_id: str, display_name: str, entry: dict[str, Any]) -> None:
        self.player(user_id, display_name)
        self.pending[user_id] = entry

    def close_live(self, question: Question, now: float) -> list[Scored]:
        """End the open live question: score the pending answers (speed points), move on."""
        self.require_current(question.id)
        results = []
        for user_id, answer in sorted(self.pending.items(), key=lambda kv: kv[1]["at"]):
            verdict = Verdict(answer["correct"], answer["reason"], answer["matched"])
            player = self.players[user_id]
            results.append(self._score(question, user_id, player.display_name,
                                       answer["response"], verdict, answer["at"], live=True))
        for user_id, player in self.players.items():
            if user_id not in self.pending:
                player.streak = 0  # sitting a question out ends a streak
        self._advance(now)
        return results

    def stop(self, now: float) -> None:
        self.status = STOPPED
        self.deadline = None
        self.pending = {}

    # -- internals -----------------------------------------------------------------------------
    def _require_solo_player(self, question: Question, user_id: str) -> None:
        if self.mode is not Mode.SOLO:
            raise InvalidInput(say("play.live_only"))
        if user_id != self.starter_id:
            raise QuestionClosed(say("play.not_yours"),
                                 ClosedReason.NOT_YOURS)
        self.require_current(question.id)

    def _score(
        self, question: Question, user_id: str, display_name: str, response: str,
        verdict: Verdict, at: float, *, live: bool,
    ) -> Scored:
        player = self.player(user_id, display_name)
        hints = player.hints.get(question.id, 0)
        player.answered += 1
        if verdict.correct:
            player.correct += 1
            player.streak += 1
            player.best_streak = max(player.best_streak, player.streak)
        else:
            player.streak = 0
        elapsed = max(at - self.opened_at, 0.0)
        points = scoring.award(
            question.points, correct=verdict.correct, hints_used=hints, streak=player.streak,
            elapsed=elapsed if live else None, limit=self.limit_of(question.id) if live else None,
        )
        player.points += points
        return Scored(user_id, question.id, response, verdict, points, round(elapsed * 1000),
                      hints, player.streak, player.best_streak)

    def _elapsed_ms(self, now: float) -> int:
        return round(max(now - self.opened_at, 0.0) * 1000)

    def _advance(self, now: float) -> None:
        self.index += 1
        self.pending = {}
        if self.index >= len(self.question_ids):
            self.status = FINISHED
            self.deadline = None
        else:
            self._open_question(now)

    def limit_of(self, question_id: str) -> float:
        """A live question's answer window: its own `time_limit`, else the quiz's."""
        return self.limits.get(question_id, self.time_limit)

    def _open_question(self, now: float) -> None:
        self.opened_at = now
        current = self.question_ids[self.index]
        self.deadline = now + self.limit_of(current) if self.mode is Mode.LIVE else None
