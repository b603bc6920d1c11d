"""Domain errors that frontends turn into user-facing messages.

Core code raises these instead of printing or replying, so the terminal can print one line on
stderr and Discord can send a short ephemeral message from the same failure.
"""

from __future__ import annotations

from enum import Enum


class QuizError(Exception):
    """Base class: the message is safe and meant to be shown to the user as is."""


class PackError(QuizError):
    """A pack failed to load; `problems` holds every `FILE:LINE: message`, not just the first."""

    def __init__(self, problems: list[str] | str):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))

    def __reduce__(self) -> tuple:  # raised in a heavy-job process: keep the list as it was
        return type(self), (self.problems,)


class UnknownPack(QuizError):
    """No pack with that id is installed for this guild."""


class NotAllowed(QuizError):
    """The actor lacks the role this action needs (checked in the service, not only by Discord)."""


class SessionNotFound(QuizError):
    """No such quiz session, or it belongs to another guild."""


class ClosedReason(Enum):
    """Why a question no longer takes this answer; frontends match on it, never on the text."""

    STALE = "stale"          # not the open question any more (old button, retried click)
    DUPLICATE = "duplicate"  # this player already answered it
    EXPIRED = "expired"      # the live deadline passed
    NOT_YOURS = "not_yours"  # someone else's practice quiz


class QuestionClosed(QuizError):
    """The question was already answered, skipped or revealed (stale button, double click)."""

    def __init__(self, message: str, reason: ClosedReason = ClosedReason.STALE) -> None:
        super().__init__(message)
        self.reason = reason

    def __reduce__(self) -> tuple:  # pickled with its reason, like PackError's problems
        return type(self), (str(self), self.reason)


class SessionBusy(QuizError):
    """Something else already runs where this was asked (e.g. a second live quiz in one channel)."""


class InvalidInput(QuizError):
    """An argument out of range or malformed (Discord's Range is not enforced locally)."""


class AnswerNotInForm(QuizError):
    """The response is not an answer of this question's kind (option E of A-D, "ture", two
    letters for a three-item order, words where a number is asked). Nothing is scored, the
    question stays open, and the message says what to type instead."""


class StoreError(QuizError):
    """The database cannot be used: not a quizbot one, newer, busy, read-only, full or damaged."""


class StoreBusy(StoreError):
    """Another process kept the database locked past the wait and the retries: nothing of this
    action was saved, so the frontend asks to try again (a player: to send the answer again)."""
