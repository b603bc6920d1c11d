"""Every shipped language is complete: the same keys and {placeholders} as English, and a
translation for every slash-command name, description, option and choice, valid for Discord."""

from __future__ import annotations

import asyncio
import re
import sys
from pathlib import Path

import pytest
from discord import Locale, app_commands

from bot.i18n import DEFAULT, LANGUAGES, command_strings, language_of, messages, placeholders, t

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "discord_app"))
OTHERS = [lang for lang in LANGUAGES if lang != DEFAULT]
# Discord's rule for command and option names (the CHAT_INPUT pattern), lowercase only.
NAME = re.compile(r"^[-_\w]{1,32}$")
NAME_LOCATIONS = {"command_name", "group_name", "parameter_name"}


def test_more_than_english_is_shipped() -> None:
    assert OTHERS, "at least one language besides English"


@pytest.mark.parametrize("lang", OTHERS)
def test_every_message_key_exists_with_the_same_placeholders(lang: str) -> None:
    english, other = messages(DEFAULT), messages(lang)
    assert sorted(set(english) - set(other)) == [], f"{lang} lacks these keys"
    assert sorted(set(other) - set(english)) == [], f"{lang} has keys English does not"
    for key, text in english.items():
        assert placeholders(other[key]) == placeholders(text), (lang, key)
        assert other[key].strip(), (lang, key)


def test_locales_map_to_shipped_languages() -> None:
    assert language_of(Locale.spain_spanish) == "es"
    assert language_of("es-419") == "es"
    assert language_of(Locale.german) == DEFAULT  # not shipped: English
    assert language_of(None) == DEFAULT
    assert t("es", "button.skip") == "Saltar"
    assert t("fr", "button.skip") == "Skip"
    with pytest.raises(KeyError):
        t("es", "no.such.key")


def _command_strings() -> list[tuple[str, str, object]]:
    """(location, English text, the command/parameter it belongs to) for every string the
    Translator is asked for when the commands are synced."""
    from fakes import build_bot

    seen: list[tuple[str, str, object]] = []

    class Recorder(app_commands.Translator):
        async def translate(self, string, locale, context):  # type: ignore[no-untyped-def]
            if locale is Locale.spain_spanish:
                seen.append((context.location.name, string.message, context.data))
            return None

    async def collect() -> None:
        bot = await build_bot()
        await bot.tree.set_translator(Recorder())
        for command in bot.tree.get_commands():
            await command.get_translated_payload(bot.tree, bot.tree.translator)
        await bot.close()

    asyncio.run(collect())
    return seen


@pytest.mark.parametrize("lang", OTHERS)
def test_every_command_string_is_translated_and_valid(lang: str) -> None:
    strings = _command_strings()
    assert len(strings) > 50
    catalog = command_strings(lang)
    missing = sorted({text for _, text, _ in strings if text not in catalog})
    assert missing == [], f"{lang}: no translation for {missing}"
    for location, text, _ in strings:
        translated = catalog[text]
        if location in NAME_LOCATIONS:
            assert NAME.match(translated) and translated == translated.lower(), translated
        else:
            assert 1 <= len(translated) <= 100, translated


@pytest.mark.parametrize("lang", OTHERS)
def test_translated_names_stay_unique_among_siblings(lang: str) -> None:
    from fakes import build_bot

    catalog = command_strings(lang)

    async def check() -> None:
        bot = await build_bot()
        roots = [catalog[c.name] for c in bot.tree.get_commands()]
        assert len(roots) == len(set(roots)), roots
        for command in bot.tree.walk_commands():
            children = getattr(command, "commands", None)
            if children:
                names = [catalog[c.name] for c in children]
                assert len(names) == len(set(names)), (command.name, names)
            params = [catalog[p.name] for p in getattr(command, "parameters", [])]
            assert len(params) == len(set(params)), (command.qualified_name, params)
        await bot.close()

    asyncio.run(check())
