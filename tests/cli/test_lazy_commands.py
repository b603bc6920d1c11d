"""The root command and `pack` import a command's module only when that command runs: their
maps must name every command each module adds, and listings must still show them all."""

import importlib
import subprocess
import sys

from bot.cli import COMMAND_MODULES, cli


def test_the_command_map_names_exactly_the_commands_the_modules_add():
    for name in {name for names in COMMAND_MODULES.values() for name in names}:
        importlib.import_module(f"bot.cli.{name}")
    assert set(cli.commands) == set(COMMAND_MODULES)


def test_the_pack_map_names_exactly_the_commands_pack_import_adds():
    from bot.cli.packs import PACK_IMPORT_COMMANDS, pack_group

    before = set(pack_group.commands) - set(PACK_IMPORT_COMMANDS)
    importlib.import_module("bot.cli.pack_import")
    assert set(pack_group.commands) - before == set(PACK_IMPORT_COMMANDS)


def test_a_fresh_process_imports_only_the_command_it_runs_but_lists_them_all():
    probe = ("import sys; from bot.cli import cli; "
             "cli.get_command(None, 'pack').get_command(None, 'list'); "
             "print(sorted(m for m in sys.modules if m.startswith('bot.cli.') "
             "and m not in ('bot.cli.common', 'bot.cli.screen')))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True).stdout.strip()
    assert loaded == "['bot.cli.packs']"
    bare = subprocess.run([sys.executable, "-m", "bot"], capture_output=True, text=True)
    assert bare.returncode == 2
    assert all(name in bare.stderr for name in COMMAND_MODULES)
    pack = subprocess.run([sys.executable, "-m", "bot", "pack"], capture_output=True, text=True)
    assert pack.returncode == 2 and "import, install" in pack.stderr and "draft" in pack.stderr
