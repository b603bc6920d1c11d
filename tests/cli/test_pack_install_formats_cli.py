"""`quizbot pack install` of any format: a preview first, versions on re-install, a bad upload
that leaves the installed version as it was, --skip-unsupported and --dry-run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bot.cli import cli

ROOT = Path(__file__).resolve().parents[2]
GIFT_V1 = """::boil::Water boils at 100 °C at sea level.{T}

::gas::[html]Which gas is CO<sub>2</sub>?{=Carbon dioxide ~Carbon monoxide ~%50%Oxygen}

::noble::Name a noble gas.{=Neon =Argon}

::match::Match.{=a->1 =b->2}
"""


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    packs = tmp_path / "packs"
    packs.mkdir()
    shutil.copy(ROOT / "questions" / "starter.yaml", packs / "starter.yaml")
    return {"QUIZBOT_PACKS": str(packs)}


def run(env: dict[str, str], *args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


def test_gift_install_previews_then_stores_and_reinstall_is_a_new_version(
        tmp_path: Path, env: dict[str, str]) -> None:
    db = tmp_path / "quiz.sqlite3"
    chem = tmp_path / "chem.gift"
    chem.write_text(GIFT_V1, encoding="utf-8")
    refused = run(env, "pack", "install", chem, "--db", db)
    assert refused.exit_code == 1 and "matching question" in refused.stderr
    assert not db.exists() or "chem" not in run(env, "pack", "list", "--db", db).stdout

    dry = run(env, "pack", "install", chem, "--skip-unsupported", "--dry-run", "--db", db)
    assert dry.exit_code == 0 and dry.stdout == "dry run: chem not installed\n"
    assert "chem" not in run(env, "pack", "list", "--db", db).stdout

    first = run(env, "pack", "install", chem, "--skip-unsupported", "--db", db)
    assert first.exit_code == 0, first.output
    preview = first.stderr.splitlines()
    assert preview[0] == "chem: Chem (new pack; from GIFT)"
    assert preview[1] == "3 questions (1 truefalse, 1 choice, 1 text), 0 explainers"
    assert preview[2:5] == ["  e.g. Water boils at 100 °C at sea level. → True",
                            "  e.g. Which gas is CO₂? → Carbon dioxide",
                            "  e.g. Name a noble gas. → Neon"]
    assert preview[5].startswith("skipped: ") and "matching question" in preview[5]
    assert preview[6].startswith("warning: ") and "'Oxygen' partial credit" in preview[6]
    assert first.stdout.startswith("installed chem: Chem (3 questions")

    chem.write_text(GIFT_V1.replace("::match::Match.{=a->1 =b->2}\n", "::extra::2+2?{#4}\n"),
                    encoding="utf-8")
    second = run(env, "pack", "install", chem, "--db", db)
    assert second.exit_code == 0 and second.stderr.startswith(
        "chem: Chem (version 2, replaces version 1; from GIFT)\n4 questions")

    chem.write_text("::boil::Water boils.{~a ~b}\n", encoding="utf-8")  # no right answer
    bad = run(env, "pack", "install", chem, "--db", db)
    assert bad.exit_code == 1 and bad.stdout == ""
    assert "has no right answer" in bad.stderr
    shown = run(env, "pack", "show", "chem", "--db", db)
    assert "extra" in shown.stdout and "questions (4)" in shown.stdout  # version 2 untouched
    history = run(env, "pack", "history", "chem", "--db", db)
    assert [line.split()[0] for line in history.stdout.splitlines()] == ["v1", "v2*"]

    exported = run(env, "pack", "export", "chem", "--db", db)
    assert exported.exit_code == 0 and exported.stdout.startswith("id: chem\n")
    assert "id: extra" in exported.stdout


def test_install_detects_a_spreadsheet(tmp_path: Path, env: dict[str, str]) -> None:
    sheet = tmp_path / "oceans.csv"
    sheet.write_text("question,answer\nLargest ocean?,Pacific\n", encoding="utf-8")
    result = run(env, "pack", "install", sheet, "--db", tmp_path / "q.sqlite3")
    assert result.exit_code == 0 and "from spreadsheet" in result.stderr.splitlines()[0]
