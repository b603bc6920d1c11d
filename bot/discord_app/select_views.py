"""The "select all that apply" control: one select menu of the question's options, any number
of them picked (min 1, max all), submitted as their letters ("a c") like a typed answer.

A function apart from the quiz views' layout on purpose: whichever message carries a
select_all question (an embed with a view today, a components-v2 card tomorrow) adds
`select_all_menu(question)` where it puts the choice buttons. Like QuizButton it is a
DynamicItem whose custom_id says what it answers, so a pick works in any bot process, also
after a restart; the quiz cog judges it (QuizCog.on_quiz_button, action "sel").

Custom id (Discord allows 100 characters):
    quizsel:{s|l}:{session}:{question}
"""

from __future__ import annotations

import re
from typing import Any

import discord

from bot.core.models import letter
from bot.core.results import QuestionView
from bot.discord_app.embeds import truncate
from bot.discord_app.quiz_views import (
    LETTER_MODES,
    MODE_LETTERS,
    QuizRef,
    _checked,
    hand_to_quiz_cog,
)
from bot.i18n import DEFAULT, t

SELECT_TEMPLATE = r"quizsel:(?P<mode>[sl]):(?P<session>[^:]+):(?P<question>[^:]+)"
OPTION_LABEL_LIMIT = 100  # Discord's limit for a select option's label
MAX_OPTIONS = 25


def select_custom_id(ref: QuizRef) -> str:
    return _checked(f"quizsel:{MODE_LETTERS[ref.mode]}:{ref.session_id}:{ref.question_id}")


def option_list(choices: tuple[str, ...]) -> list[discord.SelectOption]:
    """'A) Paris', 'B) Lyon', … with the letter as the value the judge reads."""
    return [discord.SelectOption(label=truncate(f"{letter(i)}) {choice}", OPTION_LABEL_LIMIT),
                                 value=letter(i).lower())
            for i, choice in enumerate(choices[:MAX_OPTIONS])]


class QuizSelect(discord.ui.DynamicItem[discord.ui.Select], template=SELECT_TEMPLATE):
    """The persistent select-all menu; its callback hands the picked letters to the quiz cog."""

    def __init__(self, ref: QuizRef, *, options: list[discord.SelectOption],
                 placeholder: str | None = None, row: int | None = 0) -> None:
        super().__init__(discord.ui.Select(
            custom_id=select_custom_id(ref), options=options, placeholder=placeholder,
            min_values=1, max_values=max(len(options), 1), row=row))
        self.ref = ref

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> QuizSelect:
        select = item if isinstance(item, discord.ui.Select) else None
        ref = QuizRef(LETTER_MODES[match["mode"]], match["session"], match["question"], "sel")
        return cls(ref, options=list(select.options) if select else [],
                   placeholder=select.placeholder if select else None, row=item.row)

    async def callback(self, interaction: discord.Interaction) -> None:
        picked = " ".join(self.item.values)
        await hand_to_quiz_cog(interaction, QuizRef(
            self.ref.mode, self.ref.session_id, self.ref.question_id, "sel", picked=picked))


def select_all_menu(question: QuestionView, *, lang: str = DEFAULT,
                    row: int | None = 0) -> QuizSelect:
    """The menu for one select_all question, in the reader's language (`row=None` where the
    container places it, as in a components-v2 action row)."""
    return QuizSelect(QuizRef.for_question(question, "sel"), options=option_list(question.choices),
                      placeholder=t(lang, "select.placeholder"), row=row)
