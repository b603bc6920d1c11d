"""The "Report" button on a revealed question and its reason form.

Like the quiz buttons (quiz_views.py), the button is a DynamicItem whose custom_id carries what
it points at, so a click works in any bot process, also after a restart; the form's submission is
handled by the feedback cog's interaction listener for the same reason. What may be reported
(only a question whose answer was shown) is the service's rule (Feedback.report_question).

Custom ids (Discord allows 100 characters):
    qreport:{session}:{question}    the button on a reveal
    qreportm:{session}:{question}   the reason form
"""

from __future__ import annotations

import re
from typing import Any

import discord

from bot.core.service.feedback import REASON_MAX, REASON_MIN
from bot.discord_app.quiz_views import CUSTOM_ID_LIMIT, modal_submission
from bot.i18n import DEFAULT, language_of, t

REPORT_TEMPLATE = r"qreport:(?P<session>[^:]+):(?P<question>[^:]+)"
MODAL_PATTERN = re.compile(r"qreportm:(?P<session>[^:]+):(?P<question>[^:]+)")
REASON_INPUT_ID = "reason"


class ReportButton(discord.ui.DynamicItem[discord.ui.Button], template=REPORT_TEMPLATE):
    """Opens the reason form for one revealed question."""

    def __init__(self, session_id: str, question_id: str, *, label: str | None = None) -> None:
        super().__init__(discord.ui.Button(
            label=label or t(DEFAULT, "button.report"), style=discord.ButtonStyle.secondary,
            custom_id=f"qreport:{session_id}:{question_id}"))
        self.session_id = session_id
        self.question_id = question_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> ReportButton:
        label = item.label if isinstance(item, discord.ui.Button) else None
        return cls(match["session"], match["question"], label=label)

    async def callback(self, interaction: discord.Interaction) -> None:
        lang = language_of(getattr(interaction, "locale", None))
        await interaction.response.send_modal(
            ReportModal(self.session_id, self.question_id, lang=lang))


class ReportModal(discord.ui.Modal):
    """The reason, one short paragraph. Submitted to the feedback cog's listener (see above)."""

    def __init__(self, session_id: str, question_id: str, *, lang: str = DEFAULT) -> None:
        super().__init__(title=t(lang, "report.title"),
                         custom_id=f"qreportm:{session_id}:{question_id}", timeout=600)
        self.reason: discord.ui.TextInput[ReportModal] = discord.ui.TextInput(
            label=t(lang, "report.label"), custom_id=REASON_INPUT_ID,
            placeholder=t(lang, "report.placeholder"),
            style=discord.TextStyle.paragraph, min_length=REASON_MIN, max_length=REASON_MAX)
        self.add_item(self.reason)

    async def on_submit(self, interaction: discord.Interaction, /) -> None:
        """Deliberately empty: FeedbackCog.on_interaction answers (it survives restarts)."""


def fits(session_id: str, question_id: str) -> bool:
    """Whether both custom ids stay within Discord's limit (else the reveal has no button)."""
    return len(f"qreportm:{session_id}:{question_id}") <= CUSTOM_ID_LIMIT


def report_button(session_id: str, question_id: str, *,
                  lang: str = DEFAULT) -> ReportButton | None:
    """The Report button for the question just revealed (None if its ids would not fit)."""
    if not fits(session_id, question_id):
        return None
    return ReportButton(session_id, question_id, label=t(lang, "button.report"))


def parse_report_submit(interaction: discord.Interaction) -> tuple[str, str, str] | None:
    """(session, question, reason) for one of our report forms, else None."""
    submitted = modal_submission(interaction, MODAL_PATTERN, REASON_INPUT_ID)
    if submitted is None:
        return None
    match, reason = submitted
    return match["session"], match["question"], reason

