"""The end-to-end world: the real QuizBot inside simcord's virtual Discord, over a real database.

Why simcord (DESIGN.md, "Testing the Discord layer without Discord"): it runs discord.py's real
gateway parsing, command tree, view store and HTTP client against an in-memory Discord, so a
scenario plays what a student's client would do (a slash command, a click, a modal) and reads
what that student would see, ephemeral messages included. Nothing here stubs the bot: QuizBot
loads every cog and syncs its commands to the dev guild exactly as `quizbot run` does.

Time is simcord's virtual clock. The service's clock reads it (`VirtualClock`), and the live
runner sleeps with asyncio.sleep, which simcord turns into virtual timers, so
`env.advance_time(20)` moves a live quiz past its deadline in no real time and the runner
reveals it on its own; no scenario calls tick() or wake().
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import discord
import simcord
import simcord.interactions
from sample_pack import wrong_answer
from simcord import InteractionResult, MemberActor, ResponseMessage

from bot.config import DEFAULT_PACKS, Settings
from bot.core.models import QuestionType, letter
from bot.core.packs.library import PackLibrary
from bot.core.packs.loader import load_pack
from bot.core.service import QuizService
from bot.discord_app.client import QuizBot
from bot.discord_app.quiz_views import BUTTON_TEMPLATE, QuizRef
from bot.i18n import LANGUAGES, language_of, t
from bot.store.db import Store

DATA = Path(__file__).resolve().parent / "data"
DEV_GUILD = 700000000000000100  # QUIZBOT_DEV_GUILD: the bot syncs its commands here at start
LIVE_SECONDS = 20
MINI = "e2e-mini"  # four questions, one of each kind a button or the form must handle
BUTTON = re.compile(BUTTON_TEMPLATE)
Message = discord.Message | ResponseMessage


@lru_cache(maxsize=1)
def library() -> PackLibrary:
    """The bundled packs plus the scenario pack, parsed once per run (packs are frozen)."""
    packs = PackLibrary(DEFAULT_PACKS)
    packs.load_directory()
    packs.add(load_pack(DATA / f"{MINI}.yaml"))
    return packs


CLUB_PACK = """\
id: club
title: "Science club, week {week}"
description: The club's own questions.
source: {{title: "Club notes", author: "the club", outlet: "the club", date: "not stated"}}
topics: [plants]
questions:
  - id: leaf
    type: truefalse
    prompt: "True or false: leaves make food from sunlight."
    answer: true
    explanation: "Week {week}'s notes call it photosynthesis."
    topic: plants
"""


def club_pack(week: int) -> bytes:
    """A valid one-question pack file a teacher would upload; `week` tells versions apart."""
    return CLUB_PACK.format(week=week).encode()


class VirtualClock:
    """The service's clock: simcord's virtual now, as epoch seconds.

    Deadlines are stored with this clock and the live runner compares against it, so the one
    clock a scenario moves (env.advance_time) is the one every part of the bot reads."""

    def __init__(self) -> None:
        self.env: simcord.Env | None = None

    def __call__(self) -> float:
        assert self.env is not None, "the clock is read only once the world is running"
        return self.env.now().timestamp()


class Locales:
    """Who speaks which language: the `locale` and `guild_locale` of each interaction payload.

    Why a shim: simcord 3.2.1 builds every INTERACTION_CREATE payload in
    `simcord.interactions.base_payload` with `"locale": "en-US"` and `"guild_locale": "en-US"`
    written in (it keeps a guild's `preferred_locale` for GET /guilds, but not for interactions,
    and a user has no locale at all), so no option of the Env, a user or a guild changes them.
    Discord sends the user's client language and the server's. This wraps that one function, for
    the World's lifetime only: after simcord has built the payload, a user given a locale here
    gets it as `locale`, and `guild_locale` is the guild's `preferred_locale`
    (`env.create_guild(..., preferred_locale="es-ES")`). Everything else simcord does is kept.
    """

    def __init__(self) -> None:
        self.of_user: dict[int, str] = {}
        self._original: Any = None

    def install(self) -> None:
        original = self._original = simcord.interactions.base_payload

        def base_payload(backend: Any, **fields: Any) -> tuple[Any, dict[str, Any]]:
            record, payload = original(backend, **fields)
            if fields["user_id"] in self.of_user:
                payload["locale"] = self.of_user[fields["user_id"]]
            if fields.get("guild_id") is not None:
                payload["guild_locale"] = backend.get_guild(fields["guild_id"]).preferred_locale
            return record, payload

        simcord.interactions.base_payload = base_payload

    def uninstall(self) -> None:
        if self._original is not None:
            simcord.interactions.base_payload = self._original
            self._original = None

    def lang(self, user_id: int) -> str:
        return language_of(self.of_user.get(user_id, "en-US"))


class World:
    """One virtual Discord with the bot in it: a school guild, its #quiz channel, its people.

    `async with World(tmp_path) as world:` starts it; `await world.restart()` replaces the bot
    process with a fresh one over the same database file while Discord (messages, buttons)
    stays, as a crash and a restart of `quizbot run` would.
    """

    def __init__(self, tmp_path: Path, *, live_seconds: int = LIVE_SECONDS,
                 message_content: bool = False) -> None:
        self.db_path = tmp_path / "quizbot.sqlite3"
        self.live_seconds = live_seconds
        self.message_content = message_content  # QUIZBOT_MESSAGE_CONTENT
        self.clock = VirtualClock()
        self.owner_ids: frozenset[int] = frozenset()
        first = self._new_bot()
        self.env = simcord.Env(first)
        self.clock.env = self.env
        # The bot's owner (QUIZBOT_OWNER_IDS): a virtual user has an id only once the world
        # exists, so the first bot is told before it starts; restarted bots get it in Settings.
        self.owner = self.env.create_user("owner")
        self.owner_ids = frozenset({self.owner.id})
        first.owner_ids = set(self.owner_ids)
        self.school = self.env.create_guild("School", id=DEV_GUILD)
        self.channel = self.school.create_text_channel("quiz")
        self.teachers = self.school.create_role("Teachers")
        self.mods = self.school.create_role("Mods")
        self.admins = self.school.create_role("Admins",
                                         permissions=discord.Permissions(manage_guild=True))
        self.admin = self.school.add_member(self.env.create_user("principal"), roles=[self.admins])
        self._members: dict[tuple[int, str], MemberActor] = {}
        self.locales = Locales()

    # -- lifecycle -------------------------------------------------------------------------------
    def _new_bot(self) -> QuizBot:
        settings = Settings(db_path=str(self.db_path), dev_guild_id=DEV_GUILD,
                            owner_ids=self.owner_ids, live_seconds=self.live_seconds,
                            message_content=self.message_content)
        return QuizBot(settings, service_factory=self._service)

    def _service(self, settings: Settings) -> QuizService:
        return QuizService(Store.open(settings.db_path), library(), clock=self.clock,
                           live_seconds=settings.live_seconds)

    async def __aenter__(self) -> World:
        self.locales.install()
        await self.env.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        bot = self.bot
        try:
            await self.env.shutdown()
        finally:
            bot.service.close()
            self.locales.uninstall()
        if exc[0] is None:
            self.env.raise_errors()  # an error the bot swallowed fails the scenario

    async def restart(self) -> None:
        """A new bot process over the same database; the old one is gone (its tasks cancelled,
        its in-memory views with it). Only then is its database connection closed."""
        old = self.bot
        await self.env.restart_bot(self._new_bot())
        old.service.close()

    @property
    def bot(self) -> QuizBot:
        return self.env.bot  # type: ignore[return-value]

    @property
    def service(self) -> QuizService:
        """The running bot's service, read by scenarios as the oracle (which answer is right)."""
        return self.bot.service

    # -- people ----------------------------------------------------------------------------------
    def member(self, name: str, *roles: simcord.RoleHandle,
               guild: simcord.GuildHandle | None = None,
               locale: str | None = None) -> MemberActor:
        """The member called `name` (created with `roles` the first time); `locale` is their
        Discord client's language ("es-ES"), en-US when not given (see Locales)."""
        guild = guild or self.school
        key = (guild.id, name)
        if key not in self._members:
            self._members[key] = guild.add_member(self.env.create_user(name), roles=list(roles))
        if locale is not None:
            self.locales.of_user[self._members[key].id] = locale
        return self._members[key]

    async def set_staff_roles(self) -> None:
        """The server manager names the instructor and moderator roles, as the README says."""
        result = await self.admin.slash(self.channel, "config roles",
                                        instructor=self.teachers, moderator=self.mods)
        assert "Saved" in (result.response.content if result.response else ""), result

    async def advance(self, seconds: float) -> None:
        await self.env.advance_time(seconds)

    # -- answering -------------------------------------------------------------------------------
    def right_answer(self, message: Message) -> tuple[str, str | None]:
        """(the button to press, the text to type in the form or None) for the question shown."""
        ref = question_ref(message)
        guild_id = str(message_guild(self, message))
        view = self.service.quizzes.current_question(ref.session_id, guild_id)
        assert view is not None and view.question_id == ref.question_id, "question not open"
        question = self.service.catalog.pack(guild_id, view.pack_id).question(view.question_id)
        assert question is not None
        if question.type is QuestionType.CHOICE:
            return letter(question.choices.index(str(question.answer))), None
        if question.type is QuestionType.TRUEFALSE:
            return ("True" if question.truth else "False"), None
        if question.type is QuestionType.NUMBER:
            return "Type answer", f"{question.number:,}"
        if question.type is QuestionType.ORDER:
            return "Type answer", " ".join(letter(question.choices.index(item))
                                           for item in question.order)
        return "Type answer", question.answers[0]

    def wrong_answer(self, message: Message) -> tuple[str, str | None]:
        """A plausible wrong answer: another choice, the other truth value, or a bad guess."""
        label, typed = self.right_answer(message)
        if typed is not None:  # wrong but in the question's form (nonsense is asked again)
            ref = question_ref(message)
            guild_id = str(message_guild(self, message))
            view = self.service.quizzes.current_question(ref.session_id, guild_id)
            assert view is not None
            question = self.service.catalog.pack(guild_id, view.pack_id).question(
                view.question_id)
            assert question is not None
            return label, wrong_answer(question)
        if label in ("True", "False"):
            return ("False" if label == "True" else "True"), None
        others = {t(lang, key) for lang in LANGUAGES
                  for key in ("button.hint", "button.skip", "button.report")}
        return next(b for b in button_labels(message) if b != label and b not in others), None

    async def answer(self, player: MemberActor, message: Message, *,
                     right: bool = True) -> InteractionResult:
        """Press the button for a right (or wrong) answer, labelled in the player's language;
        fill the form if it opens one."""
        label, typed = self.right_answer(message) if right else self.wrong_answer(message)
        key = {"True": "button.true", "False": "button.false", "Type answer": "button.type"}
        if label in key:
            label = t(self.locales.lang(player.id), key[label])
        clicked = await player.click(message, label=label)
        if typed is None:
            return clicked
        assert clicked.modal is not None, f"Type answer opened no form: {clicked}"
        return await player.submit_modal(clicked, {"answer": typed})


    async def next(self, player: MemberActor, message: Message | None) -> Message:
        """Solo: press Next question on a verdict card; the same message shows the next
        question. A card without Next (the last verdict, with the summary) is returned as is."""
        assert message is not None
        label = t(self.locales.lang(player.id), "button.next")  # in the player's language
        if label not in button_labels(message):
            return message
        result = await player.click(message, label=label)
        assert result.response is not None and result.response.id == message.id, result
        return result.response


# -- reading messages --------------------------------------------------------------------------
def components(message: Message) -> list[dict[str, Any]]:
    """Every component of a message as JSON, nested ones included: a components v2 card keeps
    its buttons in containers, sections (as their accessory) and action rows."""
    if isinstance(message, ResponseMessage):
        rows = message.components
    else:
        rows = [row.to_dict() for row in message.components]  # type: ignore[union-attr]
    found: list[dict[str, Any]] = []

    def walk(items: list[dict[str, Any]]) -> None:
        for item in items:
            found.append(item)
            walk(item.get("components", []))
            if isinstance(item.get("accessory"), dict):
                walk([item["accessory"]])

    walk(rows)
    return found


def _component_dicts(message: Message) -> list[dict[str, Any]]:
    return [c for c in components(message) if c.get("type") == 2]


def button_labels(message: Message) -> list[str]:
    return [c.get("label") or "" for c in _component_dicts(message)]


def question_ref(message: Message) -> QuizRef:
    """What the message's quiz buttons point at (session, question)."""
    for component in _component_dicts(message):
        match = BUTTON.fullmatch(component.get("custom_id") or "")
        if match:
            return QuizRef.from_match(match)
    raise AssertionError(f"no quiz buttons on {text_of(message)!r}")


def message_guild(world: World, message: Message) -> int:
    channel = world.bot.get_channel(message.channel_id if isinstance(message, ResponseMessage)
                                    else message.channel.id)
    assert isinstance(channel, discord.abc.GuildChannel)
    return channel.guild.id


def text_of(message: Message | None) -> str:
    """Content, every embed's visible text and every text display, for loose assertions."""
    if message is None:
        return ""
    parts = [message.content or ""]
    for embed in message.embeds:
        parts += [embed.title or "", embed.description or "", embed.footer.text or ""]
        parts += [f"{field.name}: {field.value}" for field in embed.fields]
    parts += [c.get("content") or "" for c in components(message) if c.get("type") == 10]
    return "\n".join(parts)


def reply_text(result: InteractionResult) -> str:
    """What the invoker saw: the response (or the message it edited) and any follow-ups."""
    return "\n".join(text_of(m) for m in [result.response, *result.followups] if m is not None)
