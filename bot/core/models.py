"""Frozen dataclasses shared by the core, the store and every frontend.

They are plain data on purpose: a frontend renders them, the store persists them, and nothing in
here knows about Discord, SQLite or the terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property


class QuestionType(StrEnum):
    CHOICE = "choice"
    TRUEFALSE = "truefalse"
    TEXT = "text"
    NUMBER = "number"
    ORDER = "order"
    SELECT_ALL = "select_all"  # "select all that apply": the set of right choices, all of them


class Mode(StrEnum):
    SOLO = "solo"
    LIVE = "live"


# When a question's chart is shown: with its reveal (it may give the answer away) or with it.
CHART_ON = ("reveal", "question")
TAGS = ("figure", "argument", "counterargument", "evidence", "inference")
# A number question's `scale`: its answer 410 with scale million means 410,000,000.
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_UNIT_BEFORE = ("$", "€", "£", "¥", "US$", "C$", "A$")


@dataclass(frozen=True)
class Source:
    """Where a pack's material comes from; shown with every explanation."""

    title: str
    author: str
    outlet: str
    date: str
    url: str | None = None
    text: str | None = None  # the article itself, when the pack carries it (`ask` quotes it)


@dataclass(frozen=True)
class Question:
    """One quiz question.

    The answer fields used depend on `type`:
    - choice: `choices` (display order, lettered A, B, …) and `answer` (the correct choice's text),
      optionally `also_right` (other choices that count as right, as Moodle's several `=`) and
      `choice_feedback` (one text per choice, "" for none, shown when that choice is picked);
    - truefalse: `truth`;
    - text: `answers` (every accepted answer);
    - number: `number` and `tolerance` (a fraction: 0.05 accepts ±5 %), optionally `unit`
      ("$", "%", "km") and `scale` (one of SCALES: the answer is `number` thousands, millions…);
    - order: `choices` (display order) and `order` (the same texts, in the correct order);
    - select_all: `choices` (display order) and `answers` (every right choice, in display
      order): right only when exactly those are picked (Moodle's multiple-answer question).
    """

    id: str
    type: QuestionType
    prompt: str
    explanation: str
    answers: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    answer: str | None = None
    truth: bool | None = None
    number: float | None = None
    tolerance: float = 0.0
    order: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()
    quote: str | None = None
    topic: str | None = None
    tags: tuple[str, ...] = ()
    difficulty: int = 1
    points: int = 100
    time_limit: float | None = None  # live: this question's answer window (else the settings')
    image: str | None = None  # an https URL, or a file shipped beside the pack (relative path)
    image_alt: str | None = None  # the picture in words, for screen readers (Discord alt text)
    chart: Chart | None = None  # a chart of the question's figures (see CHART_ON)
    chart_on: str = "reveal"  # "reveal" (default: a chart may give the answer away) or "question"
    also_right: tuple[str, ...] = ()
    choice_feedback: tuple[str, ...] = ()
    unit: str | None = None
    scale: str | None = None
    # The pack's own place names (its `places:` key), accepted after a comma like a country.
    places: tuple[str, ...] = ()

    @property
    def correct_index(self) -> int | None:
        """Index of the correct choice for choice questions, else None."""
        if self.type is QuestionType.CHOICE and self.answer in self.choices:
            return self.choices.index(self.answer)
        return None

    def answer_text(self) -> str:
        """The correct answer as a person would say it, for reveals and reviews."""
        if self.type is QuestionType.CHOICE:
            idx = self.correct_index
            return f"{letter(idx)}) {self.answer}" if idx is not None else str(self.answer)
        if self.type is QuestionType.TRUEFALSE:
            return "True" if self.truth else "False"
        if self.type is QuestionType.NUMBER:
            if self.number is None:
                return ""
            if self.unit or self.scale:  # the pack says how to write it
                return amount_text(self.number, self.unit, self.scale)
            from bot.core.text.numbers import as_stated  # text depends on nothing here

            return as_stated(self.number, (self.explanation, self.quote, self.prompt),
                             format_number(self.number))
        if self.type is QuestionType.ORDER:
            return " ".join(letter(self.choices.index(item)) for item in self.order)
        if self.type is QuestionType.SELECT_ALL:
            return ", ".join(f"{letter(self.choices.index(item))}) {item}"
                             for item in self.answers if item in self.choices)
        return self.answers[0] if self.answers else ""


@dataclass(frozen=True)
class Chart:
    """A small chart of a pack's figures, drawn by the frontends (bot/charts.py).

    `kind` is "bar" or "line"; `labels` and `values` pair up (the article's years, its counts);
    `unit` names what the values count ("homicides", "%"); `source` says where they come from.
    """

    kind: str
    title: str
    labels: tuple[str, ...]
    values: tuple[float, ...]
    unit: str = ""
    source: str = ""
    value_labels: tuple[str, ...] = ()  # how to write each value on the chart ("more than 30,000")


@dataclass(frozen=True)
class Explainer:
    """A short sourced answer to a topic students ask about (the `ask` chatbot's unit)."""

    id: str
    title: str
    short: str
    body: str = ""
    examples: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    quote: str | None = None
    related: tuple[str, ...] = ()
    topic: str | None = None
    chart: Chart | None = None


@dataclass(frozen=True)
class Pack:
    id: str
    title: str
    description: str
    source: Source
    topics: tuple[str, ...] = ()
    questions: tuple[Question, ...] = ()
    explainers: tuple[Explainer, ...] = ()
    path: str | None = None
    time_limit: int | None = None  # a live question's seconds, when the pack sets its own
    places: tuple[str, ...] = ()
    # The subject's own words: term → synonyms, abbreviations, nicknames, misspellings (`ask`).
    glossary: tuple[tuple[str, tuple[str, ...]], ...] = ()
    language: str | None = None  # the language its questions are written in ("es", "pt-BR")

    def question(self, question_id: str) -> Question | None:
        """O(1): each answer looks its question up, in packs of thousands of questions."""
        return self._questions_by_id.get(question_id)

    @cached_property
    def _questions_by_id(self) -> dict[str, Question]:
        by_id: dict[str, Question] = {}
        for question in self.questions:
            by_id.setdefault(question.id, question)  # the first wins, as the scan did
        return by_id

    def explainer(self, explainer_id: str) -> Explainer | None:
        return next((e for e in self.explainers if e.id == explainer_id), None)


@dataclass(frozen=True)
class Verdict:
    """The judge's decision. `reason` is a short human sentence, safe to show the learner.

    `form_error` marks a response that is not in the question's form at all (no such option,
    neither true nor false, the wrong number of letters, no number where one is asked, nothing
    but symbols): the session refuses it and asks again instead of scoring it wrong, as Kahoot
    and Anki never charge for an input slip. A wrong answer in the right form is not one.
    """

    correct: bool
    reason: str
    matched: str | None = None
    form_error: bool = False


@dataclass(frozen=True)
class Attempt:
    """One recorded answer, right or wrong (skips are recorded too, with response None)."""

    guild_id: str
    user_id: str
    session_id: str
    pack_id: str
    question_id: str
    response: str | None
    correct: bool
    reason: str
    points: int
    time_taken_ms: int
    hint_used: bool
    skipped: bool = False
    created_at: float = 0.0


@dataclass(frozen=True)
class Actor:
    """Who is acting, as the frontend knows them. Permissions are decided in the service from this.

    `can_manage_guild` is Discord's Manage Server permission (or the local terminal user), which
    counts as both moderator and instructor.
    """

    guild_id: str
    user_id: str
    display_name: str
    role_ids: frozenset[str] = field(default_factory=frozenset)
    can_manage_guild: bool = False


def letter(index: int | None) -> str:
    """0 → 'A', 1 → 'B', …"""
    return "?" if index is None else chr(ord("A") + index)


def amount_text(value: float | None, unit: str | None, scale: str | None) -> str:
    """410, "$", "million" → '$410 million'; 8.5, "%" → '8.5%'; 12, "km" → '12 km'."""
    text = format_number(value) + (f" {scale}" if scale else "")
    if not unit:
        return text
    if unit in _UNIT_BEFORE:
        return unit + text
    return text + unit if unit == "%" else f"{text} {unit}"


def format_number(value: float | None) -> str:
    """11000.0 → '11,000'; 0.24 → '0.24'."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) >= 1000 else f"{value:g}"
