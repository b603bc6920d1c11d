"""Helpers for the quiz-cog tests: a tiny pack, a bot over it, and a driver that plays Discord.

Why a driver over real payloads: the quiz's buttons are DynamicItems rebuilt from the clicked
message's components, and typed answers arrive as modal submissions routed by custom_id. Only
discord.py's own gateway path (payloads.dispatch) exercises that routing, and only the contract
harness sees the JSON actually sent, so every step here is validated against Discord's schema.
"""

from __future__ import annotations

import asyncio
from typing import Any

import discord
from contract import SPEC_PATH, Request, capture_requests, check_keeps_v2, validate_request
from fakes import FakeClock, build_bot
from payloads import (
    CHANNEL_ID,
    GUILD_ID,
    USER_ID,
    command_payload,
    component_payload,
    message_payload,
    modal_payload,
    pretend_logged_in,
    snowflake,
)
from sample_pack import wrong_answer

from bot.core.models import Pack, Question, QuestionType, Source
from bot.core.packs.library import PackLibrary
from bot.core.results import QuestionView
from bot.core.service import QuizService
from bot.discord_app.client import QuizBot
from bot.discord_app.cogs.quiz import QuizCog
from bot.store.db import Store

__all__ = ["FakeClock", "QuizDriver", "capture_requests", "quiz_bot", "quiz_service"]

CALLBACK = "POST /interactions/{webhook_id}/{webhook_token}/callback"
CHANNEL_POST = "POST /channels/{channel_id}/messages"
CHANNEL_EDIT = "PATCH /channels/{channel_id}/messages/{message_id}"
EPHEMERAL = 64
TEACHER, ANN, BOB = USER_ID, USER_ID + 1, USER_ID + 2


def quiz_pack() -> Pack:
    """One question of each kind the buttons and the modal must handle."""
    questions = (
        Question("president", QuestionType.CHOICE, "Which president began militarization?",
                 "The history paragraph names Vicente Fox.",
                 choices=("Vicente Fox", "Pablo Escobar", "Mark Esper"), answer="Vicente Fox",
                 hints=("He took office in 2000.",), topic="history"),
        Question("synthetic", QuestionType.TRUEFALSE, "Fentanyl is a synthetic drug.",
                 "The fentanyl paragraph says so.", truth=True, topic="fentanyl"),
        Question("capital", QuestionType.TEXT, "Which city is Sinaloa's capital?",
                 "The paragraph on El Mayo names it.", answers=("Culiacán",),
                 hints=("It starts with C.",), quote="…in Culiacán, Sinaloa's capital…",
                 topic="sinaloa"),
        Question("homicides", QuestionType.NUMBER, "Homicides in Mexico in 2007?",
                 "The homicide paragraph gives roughly 11,000.", number=11000, tolerance=0.05,
                 topic="violence"),
    )
    return Pack("quiz", "Quiz test pack", "For the quiz cog tests.",
                Source("Test article", "nobody", "nowhere", "not stated"),
                ("history", "fentanyl", "sinaloa", "violence"), questions)


def quiz_service(clock: FakeClock, store: Store | None = None,
                 live_seconds: int = 20) -> QuizService:
    library = PackLibrary(None)
    library.add(quiz_pack())
    return QuizService(store or Store.open(":memory:"), library, clock=clock,
                       live_seconds=live_seconds)


async def quiz_bot(service: QuizService, **settings: Any) -> tuple[QuizBot, QuizCog]:
    """The real QuizBot (every cog loaded, offline) and its quiz cog."""
    bot = await build_bot(service, **settings)
    cog = bot.get_cog("Quiz")
    # load_extension executes the module afresh, so the class is not `QuizCog` by identity.
    assert type(cog).__name__ == QuizCog.__name__
    return bot, cog  # type: ignore[return-value]


def wrong_in_form(service: QuizService, view: QuestionView) -> str:
    """A wrong answer of the right kind (a nonsense one is asked again, not scored)."""
    question = service.catalog.pack("g", view.pack_id).question(view.question_id)
    assert question is not None
    return wrong_answer(question)


def right_answer(service: QuizService, view: QuestionView) -> str:
    """What a well-read student would type or click for this question."""
    question = service.catalog.pack("g", view.pack_id).question(view.question_id)
    assert question is not None
    if question.type is QuestionType.CHOICE:
        return chr(65 + question.choices.index(str(question.answer)))
    if question.type is QuestionType.TRUEFALSE:
        return "True" if question.truth else "False"
    if question.type is QuestionType.NUMBER:
        return "11,000"
    return question.answers[0]


# -- reading what was sent ------------------------------------------------------------------------
def walk(components: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """Every component in display order, nested ones included (rows, containers, sections and
    their accessories: a components v2 card nests its buttons)."""
    found: list[dict[str, Any]] = []
    for component in components or []:
        found.append(component)
        found += walk(component.get("components"))
        if isinstance(component.get("accessory"), dict):
            found += walk([component["accessory"]])
    return found


def custom_ids(body: dict[str, Any] | None) -> list[str]:
    """Every custom_id in a message (or callback data) body, in display order."""
    return [c["custom_id"] for c in walk((body or {}).get("components")) if "custom_id" in c]


def button(body: dict[str, Any], *, label: str | None = None, action: str | None = None) -> str:
    """The custom_id of the button labelled `label` (or whose action is `action`)."""
    for component in _buttons(body):
        if label is not None and component.get("label") == label:
            return component["custom_id"]
        if action is not None and component["custom_id"].split(":")[4:5] == [action]:
            return component["custom_id"]
    raise AssertionError(f"no button {label or action!r} in {custom_ids(body)}")


def _buttons(body: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in walk(body.get("components")) if c.get("type") == 2]


def text_of(body: dict[str, Any]) -> str:
    """Content, every embed's visible text and every text display, for loose assertions."""
    parts = [body.get("content") or ""]
    for embed in body.get("embeds") or []:
        parts += [embed.get("title") or "", embed.get("description") or "",
                  (embed.get("footer") or {}).get("text") or ""]
        parts += [f"{f['name']}: {f['value']}" for f in embed.get("fields") or []]
    parts += [c["content"] for c in walk(body.get("components")) if c.get("type") == 10]
    return "\n".join(parts)


class Reply:
    """One interaction callback: its type (4 message, 7 update, 9 modal) and data."""

    def __init__(self, request: Request) -> None:
        self.request = request
        self.type: int = request.payload["type"]
        self.data: dict[str, Any] = request.payload.get("data") or {}

    @property
    def ephemeral(self) -> bool:
        return bool((self.data.get("flags") or 0) & EPHEMERAL)

    @property
    def text(self) -> str:
        return text_of(self.data)


class QuizDriver:
    """Plays the Discord side: slash commands, clicks and modal submissions as real payloads.

    Every request the bot makes is captured (nothing reaches the network) and, when the Discord
    schema is available, validated against it.
    """

    def __init__(self, bot: discord.Client, sent: list[Request], *,
                 locale: str = "en-US") -> None:
        self.bot = bot
        self.sent = sent
        self.locale = locale  # the players' and the server's Discord locale
        pretend_logged_in(bot)

    async def _run(self, payload: dict[str, Any]) -> list[Request]:
        start = len(self.sent)
        if self.locale != "en-US":
            payload["locale"] = payload["guild_locale"] = self.locale
        await dispatch_with_listeners(self.bot, payload)
        new = self.sent[start:]
        if SPEC_PATH.is_file():
            for request in new:
                validate_request(request)
        return new

    @staticmethod
    def _reply(requests: list[Request]) -> Reply:
        callbacks = [Reply(r) for r in requests if r.route_key == CALLBACK]
        assert len(callbacks) == 1, f"expected one callback, got {[r.route_key for r in requests]}"
        return callbacks[0]

    async def command(self, name: str, *, user: int = TEACHER, who: str = "teacher",
                      permissions: int = 0, **options: Any) -> Reply:
        return self._reply(await self._run(command_payload(
            self.bot, name, user_id=user, name=who, permissions=permissions, **options)))

    async def click(self, custom_id: str, message: dict[str, Any], *, user: int = TEACHER,
                    who: str = "teacher") -> Reply:
        payload = component_payload(custom_id, snowflake(), user_id=user, name=who)
        payload["message"] = message_payload(message, message_id=int(payload["message"]["id"]))
        reply = self._reply(await self._run(payload))
        if reply.type == 7:  # it edited the clicked message: a card stays a card
            check_keeps_v2(int(message.get("flags") or 0), reply.request.payload)
        return reply

    async def pick(self, custom_id: str, values: list[str], message: dict[str, Any], *,
                   user: int = TEACHER, who: str = "teacher") -> Reply:
        """A choice in a select menu (component type 3) of `message`."""
        payload = component_payload(custom_id, snowflake(), user_id=user, name=who,
                                    component_type=3, values=values)
        payload["message"] = message_payload(message, message_id=int(payload["message"]["id"]))
        return self._reply(await self._run(payload))

    async def submit(self, modal_id: str, value: str, *, message: dict[str, Any] | None = None,
                     user: int = TEACHER, who: str = "teacher") -> Reply:
        payload = modal_payload(modal_id, {"answer": value}, user_id=user, name=who)
        if message is not None:
            payload["message"] = message_payload(message)
        return self._reply(await self._run(payload))

    def posts(self, since: int = 0) -> list[Request]:
        """Messages the bot posted in channels (a live round's card, when it had to repost)."""
        return [r for r in self.sent[since:] if r.route_key == CHANNEL_POST]

    def edits(self, since: int = 0) -> list[Request]:
        """Edits of channel messages (a live card turning into a reveal, the podium)."""
        return [r for r in self.sent[since:] if r.route_key == CHANNEL_EDIT]


_TASKS = ("CommandTree-invoker", "discord-ui-view-dispatch-", "discord-ui-modal-dispatch-",
          "discord-ui-dynamic-item-", "discord.py: on_interaction")


async def dispatch_with_listeners(bot: discord.Client, payload: dict[str, Any]) -> None:
    """payloads.dispatch, also awaiting on_interaction listeners (where typed answers land)."""
    before = asyncio.all_tasks()
    bot._connection.parse_interaction_create(payload)  # type: ignore[attr-defined]
    await asyncio.sleep(0)
    pending = {t for t in asyncio.all_tasks() - before if t.get_name().startswith(_TASKS)}
    if pending:
        done, still = await asyncio.wait(pending, timeout=5)
        assert not still, "interaction handler still running after 5 s"
        for task in done:
            task.result()


def session_of(custom_id: str) -> str:
    return custom_id.split(":")[2]


CHANNEL = str(CHANNEL_ID)
GUILD = str(GUILD_ID)
