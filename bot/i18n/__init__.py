"""The message catalog: every user-facing string of the Discord quiz flow, per language.

Why a catalog keyed by name (not gettext over the English text): the English wording can change
without breaking the other languages silently; a test checks that every key of the English
catalog exists in every shipped language with the same {placeholders}. Catalogs are plain Python
dicts (bot/i18n/<lang>.py), so nothing is parsed at run time and nothing can fail to load.

Languages follow Discord's locales: "es-ES" and "es-419" are both Spanish; any language not
shipped falls back to English. Pack content (questions, explanations) is not translated here:
a pack says its own language with its `language` key.
"""

from __future__ import annotations

import string
from functools import cache
from importlib import import_module
from typing import Any

from bot.core.text.said import Said, joined

DEFAULT = "en"
LANGUAGES = ("en", "es")  # shipped, complete (tests/i18n/test_catalogs.py)
LANGUAGE_NAMES = {"en": "English", "es": "Español"}


def language_of(locale: object) -> str:
    """The shipped language for a Discord locale ("es-ES", Locale.spain_spanish, None…)."""
    value = str(getattr(locale, "value", locale) or "").strip().lower()
    base = value.replace("_", "-").split("-", 1)[0]
    return base if base in LANGUAGES else DEFAULT


@cache
def messages(lang: str) -> dict[str, str]:
    """key → text for one shipped language."""
    return dict(import_module(f"bot.i18n.{lang}").MESSAGES)


@cache
def command_strings(lang: str) -> dict[str, str]:
    """English command name/description/option text → this language's (empty for English)."""
    return dict(getattr(import_module(f"bot.i18n.{lang}"), "COMMANDS", {}))


def t(lang: str, key: str, **values: object) -> str:
    """The text for `key` in `lang` (English when the language or key is missing), filled in.

    A KeyError for a key English lacks too: a typo in a key is a bug to see in tests, not a
    blank in a user's message.
    """
    catalog = messages(lang if lang in LANGUAGES else DEFAULT)
    text = catalog.get(key)
    if text is None:
        text = messages(DEFAULT)[key]
    return text.format(**values) if values else text


def said(key: str, **values: object) -> Said:
    """A frontend's own sentence as a Said (English text, rendered later in the reader's
    language), for a QuizError a frontend raises itself (e.g. "only works in a server")."""
    return Said(key, messages(DEFAULT)[key], values)


def render(lang: str, text: object) -> str:
    """Something the core said, in `lang`: a Said by its key (its values rendered too, so a
    reason inside "… Try again." is Spanish as well); any other text as it is."""
    if not isinstance(text, Said) or text.key not in messages(DEFAULT):
        return str(text)  # a phrasebook bot/i18n/en.py does not merge: its English, not a crash
    values: dict[str, Any] = {name: _value(lang, value) for name, value in text.values.items()}
    return t(lang, text.key, **values) if values else t(lang, text.key)


def _value(lang: str, value: object) -> object:
    if isinstance(value, Said):
        return render(lang, value)
    return joined(value, lambda item: render(lang, item))


def error_text(lang: str, error: BaseException) -> str:
    """A domain error's message in `lang` (its first argument is what the core said)."""
    said = error.args[0] if len(error.args) == 1 else None
    return render(lang, said) if isinstance(said, Said) else str(error)


def placeholders(text: str) -> set[str]:
    """The {names} a catalog text expects (for the consistency test)."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}
