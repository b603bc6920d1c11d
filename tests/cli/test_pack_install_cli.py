"""`quizbot pack install|remove`, and `list`/`show` seeing installed packs, on a temporary --db.

The packs directory is a temporary folder holding only the starter pack ($QUIZBOT_PACKS), and
every command gets `--db` on a temporary file, so nothing here touches the project's database.
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

PACK = (ROOT / "tests" / "data" / "packs" / "volcanoes.yaml").read_text(encoding="utf-8")
BROKEN = PACK.replace("title: Volcanoes", "title: Volcanoes v2").replace(
    "description: A tiny pack.", "description: no").replace("prompt:", "promt:")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    packs = tmp_path / "packs"
    packs.mkdir()
    shutil.copy(STARTER, packs / "starter.yaml")
    return {"QUIZBOT_PACKS": str(packs)}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "quiz.sqlite3"


def run(env: dict[str, str], *args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_install_list_show_remove_round_trip(tmp_path: Path, env: dict[str, str],
                                             db: Path) -> None:
    pack = write(tmp_path, "volcanoes.yaml", PACK)
    result = run(env, "pack", "install", pack, "--db", db)
    assert result.exit_code == 0, result.output
    assert result.stdout == ("installed volcanoes: Volcanoes (1 question, 0 explainers); "
                             "play it with `quizbot play --pack volcanoes`\n")

    listing = run(env, "pack", "list", "--db", db)
    assert listing.exit_code == 0, listing.output
    lines = listing.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["starter", "volcanoes"]
    assert lines[1].endswith("Volcanoes  (installed)") and "(installed)" not in lines[0]
    as_json = json.loads(run(env, "pack", "list", "--json", "--db", db).stdout)
    assert as_json[1] == {"id": "volcanoes", "title": "Volcanoes", "questions": 1,
                          "explainers": 0}

    shown = run(env, "pack", "show", "volcanoes", "--db", db)
    assert shown.exit_code == 0, shown.output
    assert shown.stdout.startswith("volcanoes: Volcanoes\nA tiny pack.\nsource: Notes\n")
    assert "  lava  text" in shown.stdout
    data = json.loads(run(env, "pack", "show", "volcanoes", "--json", "--db", db).stdout)
    assert (data["id"], [q["id"] for q in data["questions"]]) == ("volcanoes", ["lava"])

    removed = run(env, "pack", "remove", "volcanoes", "--db", db)
    assert (removed.exit_code, removed.stdout) == (0, "removed volcanoes\n")
    assert [line.split()[0] for line in run(env, "pack", "list", "--db", db)
            .stdout.splitlines()] == ["starter"]
    gone = run(env, "pack", "show", "volcanoes", "--db", db)
    assert gone.exit_code == 1 and gone.stderr.startswith("quizbot: no pack 'volcanoes'")


def test_broken_file_prints_every_problem_and_keeps_the_good_version(
        tmp_path: Path, env: dict[str, str], db: Path) -> None:
    assert run(env, "pack", "install", write(tmp_path, "volcanoes.yaml", PACK),
               "--db", db).exit_code == 0
    broken = write(tmp_path, "volcanoes-v2.yaml", BROKEN)
    result = run(env, "pack", "install", broken, "--db", db)
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 3
    assert all(line.startswith(f"{broken}:") for line in lines), lines
    assert f"{broken}:3: description: YAML reads no as the boolean false; write it in quotes: " \
           f"'no'" in lines
    assert f"{broken}:8: unknown key 'promt' in question 'lava'; did you mean 'prompt'?" in lines
    # the same lines `pack validate` prints for that file
    assert lines == run(env, "pack", "validate", broken).stdout.splitlines()

    shown = run(env, "pack", "show", "volcanoes", "--db", db)
    assert shown.stdout.startswith("volcanoes: Volcanoes\n")  # not "Volcanoes v2"


def test_install_mistakes_are_one_stderr_line(tmp_path: Path, env: dict[str, str],
                                              db: Path) -> None:
    clash = write(tmp_path, "mine.yaml", PACK.replace("id: volcanoes", "id: starter"))
    result = run(env, "pack", "install", clash, "--db", db)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (f"quizbot: {clash}: 'starter' is a bundled pack's id; "
                             "give your pack another id\n")

    missing = run(env, "pack", "install", tmp_path / "nope.yaml", "--db", db)
    assert missing.exit_code == 2 and len(missing.stderr.splitlines()) == 1
    assert "does not exist" in missing.stderr

    huge = write(tmp_path, "huge.yaml", PACK + "#" + "x" * 1_000_000 + "\n")
    result = run(env, "pack", "install", huge, "--db", db)
    assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1
    assert "over the 1,000,000 limit" in result.stderr


def test_remove_mistakes_are_one_stderr_line(env: dict[str, str], db: Path) -> None:
    bundled = run(env, "pack", "remove", "starter", "--db", db)
    assert bundled.exit_code == 1
    assert bundled.stderr == "quizbot: 'starter' is a bundled pack; it cannot be removed.\n"
    unknown = run(env, "pack", "remove", "startr", "--db", db)
    assert unknown.exit_code == 1 and len(unknown.stderr.splitlines()) == 1
    assert "did you mean 'starter'" in unknown.stderr


def test_listing_never_creates_the_database(env: dict[str, str], db: Path) -> None:
    result = run(env, "pack", "list", "--db", db)
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["starter"]
    assert run(env, "pack", "show", "starter", "--db", db).exit_code == 0
    assert run(env, "pack", "remove", "volcanoes", "--db", db).exit_code == 1
    assert not db.exists()


def test_installed_packs_belong_to_their_database(tmp_path: Path, env: dict[str, str],
                                                  db: Path) -> None:
    run(env, "pack", "install", write(tmp_path, "volcanoes.yaml", PACK), "--db", db)
    other = tmp_path / "other.sqlite3"
    listing = run(env, "pack", "list", "--db", other)
    assert "volcanoes" not in listing.stdout
    via_env = run(dict(env, QUIZBOT_DB=str(db)), "pack", "list")
    assert "volcanoes" in via_env.stdout
