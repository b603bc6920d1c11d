"""Every button says what it does in words (never an emoji or a colour alone), in every shipped
language: screen readers read the label, and colour-blind players cannot tell green from red."""

from __future__ import annotations

import discord
import pytest
from fakes import make_service
from quiz_fakes import walk
from test_cards import outcome, reveal

from bot.core.models import Mode, QuestionType
from bot.core.results import QuestionView
from bot.discord_app.accept_views import AcceptAnswerView
from bot.discord_app.cards import question_card
from bot.discord_app.cogs.privacy import ConfirmPrivacyDeleteView
from bot.discord_app.cogs.reminders import reminder_view
from bot.discord_app.history_views import ConfirmRestoreView
from bot.discord_app.outcome_cards import live_card, verdict_card
from bot.discord_app.pack_views import ConfirmRemovePackView
from bot.discord_app.upload_views import ConfirmUploadView
from bot.discord_app.views import ConfirmResetView, LeaderboardView
from bot.i18n import DEFAULT, LANGUAGES


def _question(kind: QuestionType, mode: Mode) -> QuestionView:
    choices = ("one", "two", "three") if kind in (QuestionType.CHOICE, QuestionType.ORDER,
                                                  QuestionType.SELECT_ALL) else ()
    return QuestionView("s1", "q1", 1, 3, kind, "Prompt?", choices, 100, 1, 1, "p", "Pack", mode)


def _views(lang: str) -> list[discord.ui.BaseView]:
    service = make_service()
    views: list[discord.ui.BaseView] = [
        question_card(_question(kind, mode), lang=lang)
        for kind in QuestionType for mode in (Mode.SOLO, Mode.LIVE)]
    views += [verdict_card(outcome(), lang=lang),
              live_card(_question(QuestionType.CHOICE, Mode.LIVE), reveal(), lang=lang)]
    views.append(reminder_view(lang))
    views += [LeaderboardView(service, owner_id=1, guild_id="g", pack_id=None, period="all",
                              page=0, pages=2, lang=lang),
              ConfirmResetView(service, owner_id=1, user_id=None, pack_id=None, what="x",
                               lang=lang),
              ConfirmRemovePackView(service, owner_id=1, pack_id="p", title="P", lang=lang),
              ConfirmUploadView(service, owner_id=1, data=b"", filename="p.yaml",
                                skip_unsupported=False, lang=lang),
              AcceptAnswerView(service, owner_id=1, pack_id="p", candidates=[("q1", "x", 2)],
                               lang=lang),
              ConfirmPrivacyDeleteView(service, owner_id=1, lang=lang),
              ConfirmRestoreView(service, owner_id=1, pack_id="p", version=1, lang=lang)]
    return views


@pytest.mark.parametrize("lang", LANGUAGES)
async def test_every_button_has_a_text_label(lang: str) -> None:
    buttons = 0
    for view in _views(lang):
        for component in walk(view.to_components()):
            if component["type"] == 3:  # a select menu: its placeholder and every option
                texts = [component.get("placeholder") or ""] + [
                    option["label"] for option in component["options"]]
                assert component["options"] and all(
                    any(ch.isalnum() for ch in text) for text in texts), component
                continue
            if component["type"] != 2:
                continue
            label = component.get("label") or ""
            assert any(ch.isalnum() for ch in label), (type(view).__name__, component)
            buttons += 1
    assert buttons > 30


def _labels(lang: str) -> list[str]:
    return [component.get("label") or component.get("placeholder") or ""
            for view in _views(lang) for row in view.to_components()
            for component in row["components"]]


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != DEFAULT])
def test_every_worded_label_is_translated(lang: str) -> None:
    """A label left in English is a label someone forgot (letters A, B… are the same)."""
    english, other = _labels(DEFAULT), _labels(lang)
    assert len(english) == len(other) > 30
    same = {e for e, o in zip(english, other, strict=True)
            if e == o and sum(ch.isalpha() for ch in e) > 1}
    assert same == set()
