"""Quiz buttons and the typed-answer modal: ids in, ids out, no game rules.

Why DynamicItem: every button's custom_id carries everything needed to act on it (mode, session,
question, action, choice), so a click is understood by any bot process, including one started
after the message was posted. A view here is only a layout; the cog asks the service what a
click means, and the service refuses stale or repeated clicks (QuestionClosed).

Custom ids (Discord allows 100 characters):
    quiz:{s|l}:{session}:{question}:a:{index}   pick choice `index` (A = 0)
    quiz:{s|l}:{session}:{question}:tf:{1|0}    true / false
    quiz:{s|l}:{session}:{question}:type        open the typed-answer modal
    quiz:{s|l}:{session}:{question}:hint        ask for the next hint
    quiz:{s|l}:{session}:{question}:skip        solo only
    quiz:s:{session}:{question}:next            solo: show the question after this one's verdict
    quizm:{s|l}:{session}:{question}            the modal itself
The mode letter is in the id so a click never needs a database read to know whether it scores
at once (solo) or waits for the reveal (live).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol

import discord

from bot.core.models import Mode, QuestionType, letter
from bot.core.results import QuestionView
from bot.discord_app.embeds import truncate
from bot.i18n import DEFAULT, language_of, t

CUSTOM_ID_LIMIT = 100
MODE_LETTERS = {Mode.SOLO: "s", Mode.LIVE: "l"}
LETTER_MODES = {v: k for k, v in MODE_LETTERS.items()}
BUTTON_TEMPLATE = (
    r"quiz:(?P<mode>[sl]):(?P<session>[^:]+):(?P<question>[^:]+)"
    r":(?P<action>a|tf|type|hint|skip|next)(?::(?P<index>\d+))?"
)
MODAL_PATTERN = re.compile(r"quizm:(?P<mode>[sl]):(?P<session>[^:]+):(?P<question>[^:]+)")
ANSWER_INPUT_ID = "answer"
TYPED = (QuestionType.TEXT, QuestionType.NUMBER, QuestionType.ORDER)


@dataclass(frozen=True)
class QuizRef:
    """What a quiz button or modal points at; parsed from and rendered to a custom_id."""

    mode: Mode
    session_id: str
    question_id: str
    action: str = "a"
    index: int | None = None
    picked: str = ""  # action "sel": the letters chosen in a select-all menu ("a c")

    @property
    def custom_id(self) -> str:
        base = f"quiz:{MODE_LETTERS[self.mode]}:{self.session_id}:{self.question_id}:{self.action}"
        return _checked(base if self.index is None else f"{base}:{self.index}")

    @property
    def modal_id(self) -> str:
        return _checked(f"quizm:{MODE_LETTERS[self.mode]}:{self.session_id}:{self.question_id}")

    @classmethod
    def from_match(cls, match: re.Match[str]) -> QuizRef:
        groups = match.groupdict()
        index = groups.get("index")
        return cls(LETTER_MODES[groups["mode"]], groups["session"], groups["question"],
                   groups.get("action") or "a", int(index) if index is not None else None)

    @classmethod
    def for_question(cls, question: QuestionView, action: str = "a",
                     index: int | None = None) -> QuizRef:
        return cls(question.mode, question.session_id, question.question_id, action, index)

    def response(self, question_type: QuestionType | None = None) -> str:
        """The answer text a button stands for, as the judge reads it."""
        if self.action == "tf":
            return "true" if self.index else "false"
        if self.action == "sel":
            return self.picked
        return letter(self.index)


def _checked(custom_id: str) -> str:
    if len(custom_id) > CUSTOM_ID_LIMIT:
        raise ValueError(f"custom_id longer than {CUSTOM_ID_LIMIT} characters: {custom_id!r}")
    return custom_id


class QuizHandler(Protocol):
    """What the quiz cog offers its buttons (kept as a protocol so views never import the cog)."""

    async def on_quiz_button(self, interaction: discord.Interaction, ref: QuizRef) -> None: ...


HANDLER_COG = "Quiz"


class QuizButton(discord.ui.DynamicItem[discord.ui.Button], template=BUTTON_TEMPLATE):
    """One persistent quiz button; its callback hands the parsed id to the quiz cog."""

    def __init__(self, ref: QuizRef, *, label: str | None = None,
                 style: discord.ButtonStyle = discord.ButtonStyle.secondary,
                 emoji: str | None = None, row: int | None = None) -> None:
        super().__init__(discord.ui.Button(label=label, style=style, emoji=emoji, row=row,
                                           custom_id=ref.custom_id))
        self.ref = ref

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> QuizButton:
        button = item if isinstance(item, discord.ui.Button) else None
        return cls(QuizRef.from_match(match), label=button.label if button else None,
                   style=button.style if button else discord.ButtonStyle.secondary)

    async def callback(self, interaction: discord.Interaction) -> None:
        await hand_to_quiz_cog(interaction, self.ref)


async def hand_to_quiz_cog(interaction: discord.Interaction, ref: QuizRef) -> None:
    """Pass a press of a persistent quiz control to the quiz cog, or say the quiz is not
    available (the cog is not loaded yet while the bot starts); shared by buttons and menus."""
    handler = interaction.client.get_cog(HANDLER_COG)  # type: ignore[attr-defined]
    if handler is None:
        await interaction.response.send_message(
            t(language_of(getattr(interaction, "locale", None)), "quiz.unavailable"),
            ephemeral=True,
            allowed_mentions=discord.AllowedMentions.none())
        return
    await handler.on_quiz_button(interaction, ref)


INPUT_LABELS = {  # catalog keys (bot/i18n): label, placeholder
    QuestionType.TEXT: ("modal.text_label", "modal.text_placeholder"),
    QuestionType.NUMBER: ("modal.number_label", "modal.number_placeholder"),
    QuestionType.ORDER: ("modal.order_label", "modal.order_placeholder"),
}


class AnswerModal(discord.ui.Modal):
    """The typed-answer form. Its submission is handled by the quiz cog's interaction listener,
    not by `on_submit`, because a modal object lives only in this process's memory and the
    player may submit after a restart; the custom_id alone says what is being answered."""

    def __init__(self, ref: QuizRef, question: QuestionView, *, lang: str = DEFAULT) -> None:
        title = t(lang, "modal.question", position=question.position, total=question.total)
        super().__init__(title=truncate(title, 45), custom_id=ref.modal_id, timeout=600)
        keys = INPUT_LABELS.get(question.type, INPUT_LABELS[QuestionType.TEXT])
        label_key, placeholder_key = keys
        label, placeholder = t(lang, label_key), t(lang, placeholder_key)
        self.answer: discord.ui.TextInput[AnswerModal] = discord.ui.TextInput(
            label=label, placeholder=placeholder, custom_id=ANSWER_INPUT_ID, max_length=200,
            style=discord.TextStyle.short)
        self.add_item(self.answer)

    async def on_submit(self, interaction: discord.Interaction, /) -> None:
        """Deliberately empty: see the class docstring (QuizCog.on_interaction answers)."""


def parse_modal_submit(interaction: discord.Interaction) -> tuple[QuizRef, str] | None:
    """(what was answered, the typed text) for one of our modal submissions, else None."""
    submitted = modal_submission(interaction, MODAL_PATTERN, ANSWER_INPUT_ID)
    return None if submitted is None else (QuizRef.from_match(submitted[0]), submitted[1])


def modal_submission(interaction: discord.Interaction, pattern: re.Pattern[str],
                     input_id: str) -> tuple[re.Match[str], str] | None:
    """(the custom id's match, the typed value of `input_id`) when `interaction` submits a
    modal whose custom id matches `pattern`, else None: every modal of ours is read this way."""
    if interaction.type is not discord.InteractionType.modal_submit:
        return None
    data: dict[str, Any] = interaction.data or {}  # type: ignore[assignment]
    match = pattern.fullmatch(str(data.get("custom_id", "")))
    if match is None:
        return None
    return match, find_input_value(data.get("components", []), input_id)


def find_input_value(components: list[dict[str, Any]], custom_id: str) -> str:
    """A modal input's submitted value, whether wrapped in action rows (type 1) or labels
    (type 18); "" when absent. Shared by every modal read back in on_interaction."""
    for component in components:
        if component.get("custom_id") == custom_id and "value" in component:
            return str(component["value"])
        nested = list(component.get("components", []))
        if isinstance(component.get("component"), dict):
            nested.append(component["component"])
        found = find_input_value(nested, custom_id)
        if found:
            return found
    return ""
