"""Plain data the service hands back to frontends (terminal, Discord) to render.

Frontends never see sessions, stores or rules: only these frozen records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.core.models import Mode, QuestionType, Verdict


@dataclass(frozen=True)
class QuestionView:
    """The question as a player may see it (no answer in here)."""

    session_id: str
    question_id: str
    position: int  # 1-based
    total: int
    type: QuestionType
    prompt: str
    choices: tuple[str, ...]
    points: int  # the most this question can earn
    difficulty: int
    hints_available: int
    pack_id: str
    pack_title: str
    mode: Mode
    topic: str | None = None
    deadline: float | None = None  # live only: epoch seconds when the answer window closes
    image: str | None = None  # an http(s) URL, or the absolute path of a file beside the pack


@dataclass(frozen=True)
class AnswerOutcome:
    """What a solo player learns after answering or skipping one question."""

    session_id: str
    question_id: str
    verdict: Verdict
    points: int
    streak: int
    total_points: int
    correct_answer: str
    explanation: str
    quote: str | None
    skipped: bool
    next_question: QuestionView | None
    finished: bool
    ranked: bool = True  # False: practice (played before this season, or a review): not ranked


@dataclass(frozen=True)
class LiveAck:
    """A live answer was taken (its verdict stays private until the reveal)."""

    session_id: str
    question_id: str
    accepted: bool  # False when this player had already answered this question
    message: str


@dataclass(frozen=True)
class PlayerResult:
    user_id: str
    display_name: str
    points: int
    correct: int
    answered: int
    time_ms: int | None = None


@dataclass(frozen=True)
class Reveal:
    """The end of one live question: the answer and the fastest correct players."""

    session_id: str
    question_id: str
    position: int
    total: int
    correct_answer: str
    explanation: str
    quote: str | None
    answered: int
    correct: int
    fastest: tuple[PlayerResult, ...]
    next_question: QuestionView | None
    finished: bool


@dataclass(frozen=True)
class SessionSummary:
    session_id: str
    pack_id: str
    mode: Mode
    total_questions: int
    answered: int
    correct: int
    skipped: int
    points: int
    best_streak: int
    rank: int | None  # the player's rank in the guild's all-time leaderboard
    podium: tuple[PlayerResult, ...] = ()  # live: everyone, best first
    stopped: bool = False
    ranked_points: int = 0  # the part of `points` that counts on the board (first attempts)
    review: bool = False


@dataclass(frozen=True)
class SessionInfo:
    """An open session as restart recovery needs it."""

    session_id: str
    guild_id: str
    channel_id: str | None
    starter_id: str
    pack_id: str
    mode: Mode
    question_id: str | None
    deadline: float | None
    message_id: str | None


@dataclass(frozen=True)
class RestartPlan:
    """What to do with open live sessions after a restart (decided by the service)."""

    resume: tuple[SessionInfo, ...]
    close: tuple[SessionInfo, ...]


@dataclass(frozen=True)
class LeaderboardRow:
    rank: int
    user_id: str
    display_name: str
    points: int
    correct: int
    answered: int


@dataclass(frozen=True)
class LeaderboardPage:
    rows: tuple[LeaderboardRow, ...]
    total_players: int
    page: int  # 0-based
    pages: int
    period: str
    pack_id: str | None
    season: int = 1  # the season this board belongs to
    archived: bool = False  # a past season's board, as it stood when the next one began


@dataclass(frozen=True)
class SeasonInfo:
    """One season of a guild's board (season 1 began with the first answer)."""

    number: int
    name: str | None
    started_at: float | None
    players: int
    current: bool


@dataclass(frozen=True)
class TopicStat:
    topic: str
    answered: int
    correct: int


@dataclass(frozen=True)
class LearnerStats:
    user_id: str
    display_name: str
    points: int
    answered: int
    correct: int
    best_streak: int
    current_streak: int
    by_topic: tuple[TopicStat, ...] = ()
    ranked_points: int = 0  # the part of `points` that counts on the board
    practice: int = 0  # attempts recorded as practice (replays, reviews): not ranked

    @property
    def accuracy(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class AskResult:
    """`ask`'s answer: a sourced short answer, or an honest refusal with suggestions."""

    matched: bool
    answer: str
    explainer: str | None
    title: str | None
    confidence: float
    suggestions: tuple[str, ...] = ()
    quote: str | None = None
    source: str | None = None
    pack_id: str | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "matched": self.matched,
            "answer": self.answer,
            "explainer": self.explainer,
            "title": self.title,
            "confidence": round(self.confidence, 3),
            "suggestions": list(self.suggestions),
        }


@dataclass(frozen=True)
class PackSummary:
    id: str
    title: str
    description: str
    questions: int
    explainers: int
    topics: tuple[str, ...] = field(default_factory=tuple)
    bundled: bool = False  # shipped with quizbot, shared by every guild: cannot be removed


@dataclass(frozen=True)
class GuildRoles:
    instructor_role_id: str | None
    moderator_role_id: str | None


@dataclass(frozen=True)
class StopOutcome:
    """What a "stop" stopped: the live session (None for the actor's own practice quizzes)."""

    live: SessionInfo | None
    summary: SessionSummary


@dataclass(frozen=True)
class QuestionReport:
    question_id: str
    prompt: str
    attempts: int
    correct: int
    skipped: int
    hints: int
    players: int
    avg_seconds: float
    wrong_answers: tuple[tuple[str, int], ...]
    reports: tuple[str, ...] = ()  # learners' reasons for reporting it, newest first

    @property
    def accuracy(self) -> float:
        return self.correct / self.attempts if self.attempts else 0.0


@dataclass(frozen=True)
class PackReview:
    """One pack's spaced-review cards for one learner."""

    pack_id: str
    pack_title: str
    cards: int  # questions this learner has answered at least once
    due: int  # of them, due now
    recall: float  # the mean estimated probability of recalling them now (FSRS), 0-1
    next_due_at: float | None  # the soonest card not yet due, if any


@dataclass(frozen=True)
class ReviewOverview:
    """What spaced review holds for a learner, across every installed pack."""

    packs: tuple[PackReview, ...]  # most due first
    next_due_at: float | None  # the soonest card not yet due, across packs
    retention: float  # the guild's desired retention
    next_due_in: float | None = None  # seconds from now until next_due_at

    @property
    def due(self) -> int:
        return sum(p.due for p in self.packs)
