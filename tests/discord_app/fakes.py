"""Spec'd fakes for the Discord layer (DESIGN.md, "Testing the Discord layer without Discord").

`fake_interaction` is a MagicMock(spec=discord.Interaction) whose response/followup coroutines
are awaitable and recorded; `make_service` is the real QuizService over an in-memory database and
the bundled packs, so cog tests exercise real rules, not a stub's idea of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any
from unittest.mock import AsyncMock, MagicMock

import discord
from payloads import GUILD_ID, USER_ID, pretend_logged_in
from sample_pack import wrong_answer

from bot.config import DEFAULT_PACKS, Settings
from bot.core.models import Actor, QuestionType
from bot.core.packs.library import PackLibrary
from bot.core.service import QuizService
from bot.discord_app.client import QuizBot
from bot.store.db import Store

OWNER_ID = 900000000000000999
INSTRUCTOR_ROLE = 900000000000000500
MODERATOR_ROLE = 900000000000000600


class FakeClock:
    """Injected clock: tests move time explicitly instead of sleeping."""

    def __init__(self, now: float = 1_750_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@lru_cache(maxsize=1)
def bundled_library() -> PackLibrary:
    """The bundled packs, parsed once per test run (packs are frozen; these tests never reload)."""
    library = PackLibrary(DEFAULT_PACKS)
    library.load_directory()
    return library


def make_service(clock: FakeClock | None = None) -> QuizService:
    """A fresh in-memory database over the bundled packs: no state leaks between tests."""
    return QuizService(Store.open(":memory:"), bundled_library(), clock=clock or FakeClock())


def bot_settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {"db_path": ":memory:", "owner_ids": frozenset({OWNER_ID})}
    values.update(overrides)
    return Settings(**values)


async def build_bot(service: QuizService | None = None, **settings: Any) -> QuizBot:
    """The real QuizBot, set up offline (no login, no sync) around an in-memory service."""
    service = service or make_service()
    bot = QuizBot(bot_settings(**settings), service_factory=lambda _s: service,
                  sync_commands=False)
    await bot._async_setup_hook()
    await bot.setup_hook()
    pretend_logged_in(bot)
    return bot


def fake_user(user_id: int = USER_ID, name: str = "student",
              roles: Iterable[int] = ()) -> MagicMock:
    user = MagicMock(spec=discord.Member)
    user.id = user_id
    user.name = user.display_name = name
    user.bot = False
    user._roles = list(roles)
    user.roles = []
    user.mention = f"<@{user_id}>"
    return user


def fake_interaction(client: Any = None, *, guild_id: int | None = GUILD_ID,
                     user_id: int = USER_ID, name: str = "student", roles: Iterable[int] = (),
                     manage_guild: bool = False) -> MagicMock:
    """A spec'd Interaction: response.* and followup.send are AsyncMocks you can inspect."""
    interaction = MagicMock(spec=discord.Interaction)
    interaction.client = client
    interaction.guild_id = guild_id
    interaction.user = fake_user(user_id, name, roles)
    interaction.permissions = discord.Permissions(manage_guild=manage_guild)
    interaction.command = None
    interaction.response = MagicMock(spec=discord.InteractionResponse)
    interaction.followup = MagicMock(spec=discord.Webhook)
    interaction.followup.send = AsyncMock()
    interaction.edit_original_response = AsyncMock()
    response = interaction.response

    def is_done() -> bool:
        return any(m.await_count for m in (response.send_message, response.defer,
                                           response.edit_message, response.send_modal))

    response.is_done.side_effect = is_done
    return interaction


def sent(interaction: MagicMock) -> dict[str, Any]:
    """kwargs of the one reply (response.send_message, edit_message or followup.send)."""
    for mock in (interaction.response.send_message, interaction.response.edit_message,
                 interaction.followup.send):
        if mock.await_count:
            call = mock.await_args
            kwargs = dict(call.kwargs)
            if call.args:
                kwargs["content"] = call.args[0]
            return kwargs
    raise AssertionError("the interaction got no reply")


def actor(guild_id: int = GUILD_ID, user_id: int = USER_ID, name: str = "student",
          roles: Iterable[int] = (), manage: bool = False) -> Actor:
    return Actor(str(guild_id), str(user_id), name, frozenset(str(r) for r in roles), manage)


def _wrong_answer(service: QuizService, guild_id: str, pack_id: str, question_id: str) -> str:
    question = service.catalog.pack(guild_id, pack_id).question(question_id)
    assert question is not None
    return wrong_answer(question)


def _right_answer(service: QuizService, guild_id: str, pack_id: str, question_id: str) -> str:
    question = service.catalog.pack(guild_id, pack_id).question(question_id)
    assert question is not None
    if question.type is QuestionType.CHOICE:
        return str(question.answer)
    if question.type is QuestionType.TRUEFALSE:
        return "true" if question.truth else "false"
    if question.type is QuestionType.NUMBER:
        return str(question.number)
    if question.type is QuestionType.ORDER:
        return " ".join(chr(65 + question.choices.index(item)) for item in question.order)
    return question.answers[0]


def play(service: QuizService, who: Actor, *, correct: int, count: int = 3,
         pack_id: str | None = None) -> int:
    """Play a solo quiz through the service: the first `correct` answers right, then wrong."""
    view = service.quizzes.start_quiz(who, pack_id, count=count, seed=1)
    points = 0
    for index in range(count):
        response = (_right_answer(service, who.guild_id, view.pack_id, view.question_id)
                    if index < correct else _wrong_answer(service, who.guild_id, view.pack_id,
                                                          view.question_id))
        outcome = service.quizzes.answer(who, view.session_id, view.question_id, response)
        points = outcome.total_points
        if outcome.next_question is None:
            break
        view = outcome.next_question
    return points
