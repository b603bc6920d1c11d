"""Sentences the core says to people, as English text that remembers its catalog key.

Why a `str` subclass: the core must not know the reader's language (nor import discord), yet the
Discord frontend answers in it. So the core says `JUDGE.say("judge.typo", pairs=…)`: the result
*is* the English sentence (the CLI prints it, tests compare it, SQLite stores it, `str(error)` is
it), and it also carries `key` and `values`, which bot/i18n renders in another language
(`bot.i18n.render`). Any string operation (`+`, `.strip()`, an f-string) gives back a plain str:
the key is dropped and the English stays, so a frontend can never show a half-translated line.

Every English template lives in one `Phrasebook` per area (bot/core/<area>/phrases.py: text,
judge, play, packs, service, ask); bot/i18n/en.py merges them into the English catalog, so
tests/i18n checks every core sentence exists in every shipped language with the same
{placeholders}, and it also refuses a raw English literal raised or judged in the core.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any


class Said(str):
    """English text plus the catalog `key` and `values` it was made from."""

    key: str
    values: Mapping[str, Any]

    def __new__(cls, key: str, template: str, values: Mapping[str, Any]) -> Said:
        text = template.format(**{k: joined(v, str) for k, v in values.items()}) \
            if values else template
        said = super().__new__(cls, text)
        said.key = key
        said.values = MappingProxyType(dict(values))
        return said

    def __reduce__(self) -> tuple[Any, ...]:  # copy/pickle keep the key, not just the text
        return (_rebuild, (str(self), self.key, dict(self.values)))


def joined(value: Any, show: Any) -> Any:
    """A tuple value is a list of sentences said together ("'Twon' for 'Town', 'Cpae' for
    'Cape'"): each item shown by `show` (English: str; bot/i18n: in the reader's language),
    joined with commas. Any other value is itself."""
    if isinstance(value, tuple):
        return ", ".join(show(item) for item in value)
    return value


def _rebuild(text: str, key: str, values: dict[str, Any]) -> Said:
    said = str.__new__(Said, text)
    said.key = key
    said.values = MappingProxyType(values)
    return said


class Phrasebook:
    """One area's English templates, key → text with {placeholders}."""

    def __init__(self, english: Mapping[str, str]) -> None:
        self.english: Mapping[str, str] = MappingProxyType(dict(english))

    def say(self, key: str, **values: Any) -> Said:
        """The sentence for `key` filled with `values` (KeyError for an unknown key: a typo in
        the core is a bug to see in tests, not a blank in a message)."""
        return Said(key, self.english[key], values)
