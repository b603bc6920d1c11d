"""Settings, built once by the CLI from flags, the environment and an optional .env file.

Nothing happens at import time: no secret is required to import any module, and every path is
anchored to the project, never to whatever directory the user happens to be in.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dotenv import dotenv_values

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = PROJECT_ROOT / "db" / "quizbot.sqlite3"
DEFAULT_PACKS = PROJECT_ROOT / "questions"
LOCAL_GUILD = "local"
MEMORY = ":memory:"
LIVE_SECONDS = (5, 3600)  # under 5 s nobody can type an answer; over an hour stalls a channel
SNOWFLAKE = (1, 2**63 - 1)  # Discord ids: positive, within a signed 64-bit integer


class Secret:
    """A string that never shows itself in repr, str or logs (the Discord token)."""

    __slots__ = ("_value",)

    def __init__(self, value: str):
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__

    def __bool__(self) -> bool:
        return bool(self._value)


@dataclass(frozen=True)
class Settings:
    db_path: str = str(DEFAULT_DB)
    packs_dir: Path = DEFAULT_PACKS
    token: Secret | None = field(default=None, repr=False)
    dev_guild_id: int | None = None
    owner_ids: frozenset[int] = frozenset()
    message_content: bool = False
    live_seconds: int = 30

    @classmethod
    def load(
        cls,
        *,
        db: str | None = None,
        env: Mapping[str, str] | None = None,
        dotenv_path: Path | None = None,
    ) -> Settings:
        """Merge, highest first: explicit flags, the environment, the project's .env, defaults.

        The .env file is the one at the project root (never whichever folder the user is in).
        """
        merged: dict[str, str] = {}
        dotenv_file = dotenv_path if dotenv_path is not None else PROJECT_ROOT / ".env"
        if dotenv_file.is_file():
            merged.update({k: v for k, v in dotenv_values(dotenv_file).items() if v is not None})
        merged.update(os.environ if env is None else env)

        def flag(name: str) -> bool:
            return merged.get(name, "").strip().lower() in {"1", "true", "yes", "on"}

        token = merged.get("DISCORD_TOKEN", "").strip()
        dev_guild = merged.get("QUIZBOT_DEV_GUILD", "").strip()
        owners = merged.get("QUIZBOT_OWNER_IDS", "").replace(",", " ").split()
        live = merged.get("QUIZBOT_LIVE_SECONDS", "").strip()
        return cls(
            db_path=db or merged.get("QUIZBOT_DB") or str(DEFAULT_DB),
            packs_dir=Path(merged.get("QUIZBOT_PACKS") or DEFAULT_PACKS),
            token=Secret(token) if token else None,
            dev_guild_id=_int_or_error("QUIZBOT_DEV_GUILD", dev_guild, SNOWFLAKE),
            owner_ids=frozenset(_int_or_error("QUIZBOT_OWNER_IDS", o, SNOWFLAKE) or 0
                                for o in owners),
            message_content=flag("QUIZBOT_MESSAGE_CONTENT"),
            live_seconds=_int_or_error("QUIZBOT_LIVE_SECONDS", live, LIVE_SECONDS) or 30,
        )


def _int_or_error(name: str, raw: str, bounds: tuple[int, int]) -> int | None:
    """The setting as an int, or InvalidInput naming it: a 0 or negative timer or id would
    otherwise be accepted here and fail much later, far from the typo."""
    from bot.core.errors import InvalidInput

    if not raw:
        return None
    low, high = bounds
    shown = shown_setting(raw)
    try:
        value = int(raw)
    except ValueError:
        raise InvalidInput(f"{name} must be a whole number, got {shown}") from None
    if not low <= value <= high:
        raise InvalidInput(f"{name} must be between {low} and {high}, got {shown}")
    return value


# A Discord token is three base64url parts joined by dots (~70 characters); API keys and other
# secrets are long runs of letters and digits too. A setting's value that looks like one was
# pasted into the wrong line of .env, and echoing it would put the secret in a terminal
# scrollback, a CI log or a screenshot of the error.
_SECRET_LIKE = re.compile(r"[A-Za-z0-9_\-.+/=]{20,}")
MAX_SHOWN = 24


def looks_like_secret(value: str) -> bool:
    """Long, unbroken, and mixing letters with digits: a token, not a typo of an id or a name."""
    value = value.strip()
    return (bool(_SECRET_LIKE.fullmatch(value)) and any(c.isdigit() for c in value)
            and any(c.isalpha() for c in value))


def shown_setting(raw: str) -> str:
    """How an error message may quote a setting's value: never a secret, never an essay."""
    if looks_like_secret(raw):
        return "a value that looks like a token (not shown; a token belongs in DISCORD_TOKEN)"
    return repr(raw if len(raw) <= MAX_SHOWN else raw[:MAX_SHOWN] + "…")
