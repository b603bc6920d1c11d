"""`quizbot pack list|show|validate` through click's CliRunner on the real `bot.cli.cli` group.

The packs directory is pointed at a temporary folder with $QUIZBOT_PACKS, so these tests do not
depend on which packs the repository ships besides the starter.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bot.cli import cli

ROOT = Path(__file__).resolve().parents[2]
STARTER = ROOT / "questions" / "starter.yaml"
FIXTURES = ROOT / "tests" / "data" / "packs"


@pytest.fixture
def packs_dir(tmp_path: Path) -> Path:
    shutil.copy(STARTER, tmp_path / "starter.yaml")
    shutil.copy(FIXTURES / "good.yaml", tmp_path / "tiny.yaml")
    return tmp_path


def run(*args: str | Path, packs: Path | None = None) -> Result:
    env = {"QUIZBOT_PACKS": str(packs)} if packs else {}
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


def test_validate_good_file_exits_zero() -> None:
    result = run("pack", "validate", STARTER)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{STARTER}: ok (10 questions, 3 explainers)\n"
    assert result.stderr == ""


def test_validate_prints_file_line_problems_on_stdout_and_exits_one() -> None:
    broken = FIXTURES / "broken.yaml"
    result = run("pack", "validate", STARTER, broken)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{STARTER}: ok (10 questions, 3 explainers)"
    assert f"{broken}:14: unknown key 'promt' in question 'pick'; did you mean 'prompt'?" in lines
    assert f"{broken}:18: duplicate question id 'pick' (first used on line 12)" in lines
    assert f"{broken}:5: description: YAML reads no as the boolean false; write it in quotes: " \
           f"'no'" in lines
    assert all(line.startswith(f"{broken}:") for line in lines[1:]) and len(lines) == 7


def test_validate_missing_and_non_utf8_files(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    result = run("pack", "validate", missing, FIXTURES / "not-utf8.yaml")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{missing}: no such file",
        f"{FIXTURES / 'not-utf8.yaml'}:2: not UTF-8 text (byte 0xe9 at offset 21); save the "
        f"file as UTF-8",
    ]


def test_validate_without_files_checks_the_packs_directory(packs_dir: Path) -> None:
    result = run("pack", "validate", packs=packs_dir)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{packs_dir / 'starter.yaml'}: ok (10 questions, 3 explainers)",
        f"{packs_dir / 'tiny.yaml'}: ok (1 question, 0 explainers)",
    ]


def test_validate_refuses_two_files_with_one_pack_id(packs_dir: Path) -> None:
    copy = packs_dir / "zz-copy.yaml"
    shutil.copy(STARTER, copy)
    result = run("pack", "validate", packs_dir / "starter.yaml", copy)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1].startswith(
        f"{copy}:5: pack id 'starter' is already used by {packs_dir / 'starter.yaml'}")


def test_list(packs_dir: Path) -> None:
    result = run("pack", "list", packs=packs_dir)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["starter", "tiny"]
    assert "10 questions" in lines[0] and "3 explainers" in lines[0]


def test_list_json(packs_dir: Path) -> None:
    result = run("pack", "list", "--json", packs=packs_dir)
    assert json.loads(result.stdout) == [
        {"id": "starter", "title": "Starter: would strikes on the cartels work?",
         "questions": 10, "explainers": 3},
        {"id": "tiny", "title": "Tiny pack", "questions": 1, "explainers": 0},
    ]


def test_list_warns_about_broken_files_on_stderr(packs_dir: Path) -> None:
    shutil.copy(FIXTURES / "broken.yaml", packs_dir / "broken.yaml")
    result = run("pack", "list", packs=packs_dir)
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["starter", "tiny"]
    assert all(line.startswith(f"warning: {packs_dir / 'broken.yaml'}:")
               for line in result.stderr.splitlines())


def test_show(packs_dir: Path) -> None:
    result = run("pack", "show", "starter", packs=packs_dir)
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("starter: Starter: would strikes on the cartels work?\n")
    assert "author: not named in the source text" in out
    assert "topics: background, violence, kingpin-strategy, fentanyl, overdoses" in out
    assert "questions (10):" in out and "explainers (3):" in out
    homicides = next(line for line in out.splitlines() if "homicides-2007" in line)
    assert "number" in homicides and "difficulty 1" in homicides and "2007" in homicides
    assert "  kingpin-strategy" in out and "The Kingpin Strategy" in out


def test_show_json(packs_dir: Path) -> None:
    data = json.loads(run("pack", "show", "tiny", "--json", packs=packs_dir).stdout)
    assert data["source"]["date"] == "not stated"
    assert data["questions"] == [{"id": "only", "type": "truefalse", "difficulty": 1,
                                  "prompt": "Is this the only question?"}]
    assert data["explainers"] == []


def test_show_unknown_id_is_one_stderr_line(packs_dir: Path) -> None:
    result = run("pack", "show", "startr", packs=packs_dir)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == ("quizbot: no pack 'startr'; did you mean 'starter'? "
                             "(installed: starter, tiny)\n")


def test_explain_writes_the_explainers_chart_as_png(tmp_path):
    from click.testing import CliRunner

    from bot.cli import cli

    chart = tmp_path / "h.png"
    result = CliRunner().invoke(cli, ["explain", "homicide-figures", "--chart", str(chart)])
    assert result.exit_code == 0, result.output
    assert "roughly 11,000 homicides" in " ".join(result.output.split())
    assert chart.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    none = CliRunner().invoke(cli, ["explain", "thesis", "--chart", str(tmp_path / "t.png")])
    assert none.exit_code == 1 and "has no chart" in none.output
