"""bot.core (and every module under it) must not import discord: the core runs without Discord."""

import ast
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

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


ROOT = Path(__file__).resolve().parents[1]
CORE_PACKAGES = {"text", "judge", "ask", "packs", "play", "service"}


def test_core_is_packages_by_purpose_with_few_shared_modules():
    core = ROOT / "bot" / "core"
    packages = {p.name for p in core.iterdir() if (p / "__init__.py").exists()}
    shared = {p.stem for p in core.glob("*.py")} - {"__init__"}
    assert packages == CORE_PACKAGES
    assert shared == {"errors", "models", "results"}


def test_no_mixin_classes_under_bot():
    for path in (ROOT / "bot").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                assert "Mixin" not in node.name, f"{path}: {node.name}"


def test_exactly_one_place_builds_the_service():
    builders = [path.relative_to(ROOT).as_posix() for path in (ROOT / "bot").rglob("*.py")
                if "QuizService(" in path.read_text(encoding="utf-8")
                and not path.match("bot/core/service/*.py")]
    assert builders == ["bot/app.py"]


def test_frontends_reach_only_the_service_and_its_parts():
    pattern = re.compile(r"service\.(store|library)\b|service\.catalog\.library\(")
    for folder in ("cli", "discord_app"):
        for path in (ROOT / "bot" / folder).rglob("*.py"):
            assert not pattern.search(path.read_text(encoding="utf-8")), path
    assert not pattern.search((ROOT / "bot" / "console.py").read_text(encoding="utf-8"))
