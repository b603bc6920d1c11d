"""Plain data the service hands back to frontends (terminal, Discord) to render.

Frontends never see sessions, stores or rules: only these frozen records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.core.models import Chart, Mode, QuestionType, Verdict


@dataclass(frozen=True)
class MediaRef:
    """A picture or chart shown with a question or its reveal, before any bytes are read.

    Cheap to build (no file is opened, nothing is drawn), so every QuestionView, Reveal and
    AnswerOutcome carries its own; `service.media.load(refs)` turns them into `Media` bytes,
    in a worker thread on the Discord side. `kind` is "image" or "chart"; `title` is what the
    terminal names (a chart's title, a picture's file name); a picture given as an http(s)
    `url` has nothing to upload and is shown by its address.
    """

    name: str  # the attachment's file name, the same for the same content ("chart-1a2b….png")
    kind: str
    title: str
    alt: str  # the picture in words, for screen readers
    url: str | None = None  # an http(s) picture
    folder: str | None = None  # a shipped picture: the pack's folder …
    file: str | None = None  # … and the file as the pack names it (checked again on reading)
    chart: Chart | None = None  # a chart to draw


@dataclass(frozen=True)
class Media:
    """A picture or chart ready to attach: `data` is PNG/JPEG/GIF/WEBP bytes, `name` its file
    name (unique within one question or reveal, and the `attachment://name` embeds refer to),
    `alt` its description for screen readers."""

    name: str
    data: bytes
    alt: str


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
    media: tuple[MediaRef, ...] = ()  # shown with the question (its picture, a chart_on chart)


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
    media: tuple[MediaRef, ...] = ()  # shown with the verdict: the answered question's chart


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
    media: tuple[MediaRef, ...] = ()  # shown with the reveal: the question's chart, or its topic's


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
