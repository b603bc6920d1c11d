"""bot.core (and every module under it) must not import discord: the core runs without Discord."""

import pkgutil
import subprocess
import sys

import bot.core


def test_core_modules_do_not_import_discord():
    modules = ["bot.core"] + [
        m.name for m in pkgutil.walk_packages(bot.core.__path__, prefix="bot.core.")
    ]
    assert len(modules) > 5
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "leaked = sorted(m for m in sys.modules if m == 'discord' or m.startswith('discord.'))\n"
        "print(','.join(leaked))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "", f"bot.core imported: {result.stdout}"


def test_the_store_and_console_do_not_import_discord_either():
    code = ("import sys, bot.store.db, bot.console, bot.cli.play\n"
            "print(any(m == 'discord' for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"
