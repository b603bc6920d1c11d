"""The terminal under stress (issue 10): bad pack files among good ones, a crowded database,
a busy one mid-quiz, and the operator's `db check` / `db backup`."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from bot.app import build_service
from bot.cli import cli
from bot.config import Settings
from bot.console import ConsoleQuiz
from bot.core.models import Actor
from bot.store import db as db_module
from bot.store import guard
from bot.store.migrations import migrations

ROOT = Path(__file__).resolve().parents[2]
STARTER = (ROOT / "questions" / "starter.yaml").read_text(encoding="utf-8")
ANSWER = next(n for n, line in enumerate(STARTER.splitlines(), 1) if "answer: 11000" in line)


def run(*args: str | Path, stdin: str = "", env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=stdin, env=env or {})


def _three_files(folder: Path) -> list[Path]:
    good, bad, other = folder / "a.yaml", folder / "b.yaml", folder / "c.yaml"
    good.write_text(STARTER, encoding="utf-8")
    bad.write_text(STARTER.replace("id: starter", "id: bad", 1)
                   .replace("answer: 11000", "answer: 1" + "0" * 320, 1), encoding="utf-8")
    other.write_text(STARTER.replace("id: starter", "id: other", 1), encoding="utf-8")
    return [good, bad, other]


def test_validate_good_bad_good_reports_all_three(tmp_path: Path) -> None:
    good, bad, other = _three_files(tmp_path)
    result = run("pack", "validate", good, bad, other)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{good}: ok (10 questions, 3 explainers)",
        f"{bad}:{ANSWER}: question 'homicides-2007' answer is too large (a 321-digit number); "
        f"numbers go up to 1e+30 either way",
        f"{other}: ok (10 questions, 3 explainers)",
    ]


def test_a_bad_file_in_the_packs_folder_stops_no_command(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    _three_files(packs)
    env = {"QUIZBOT_PACKS": str(packs)}
    listed = run("pack", "list", env=env)
    assert listed.exit_code == 0, listed.output
    assert [line.split()[0] for line in listed.stdout.splitlines()] == ["other", "starter"]
    assert "warning: " in listed.stderr and f"b.yaml:{ANSWER}:" in listed.stderr
    played = run("play", "--pack", "other", "--count", "1", stdin="skip\n", env=env)
    assert played.exit_code == 0 and "Quiz finished" in played.stdout
    dry = run("run", "--dry-run", env=env)
    assert dry.exit_code == 0, dry.output


def test_twelve_players_at_once_on_one_database_all_finish(tmp_path: Path) -> None:
    db = tmp_path / "crowded.sqlite3"  # not created yet: twelve first starts race too
    answers = "skip\n" * 5 + "quit\n"  # five recorded attempts each, whatever the questions
    players = [subprocess.Popen(
        [sys.executable, "-m", "bot", "play", "--seed", str(n), "--name", f"p{n}", "--db", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for n in range(12)]
    errors = [player.communicate(answers, timeout=300)[1] for player in players]
    assert [p.returncode for p in players] == [0] * 12, errors
    conn = sqlite3.connect(db)
    (attempts, learners), = conn.execute(
        "SELECT COUNT(*), COUNT(DISTINCT user_id) FROM attempts").fetchall()
    conn.close()
    assert learners == 12 and attempts == 12 * 5


def test_an_answer_typed_while_the_database_is_busy_is_kept_by_asking_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_S", 0.05)
    monkeypatch.setattr(guard, "_RETRY_PAUSE_S", 0.0)
    path = tmp_path / "q.sqlite3"
    service = build_service(Settings.load(db=str(path)))
    other = sqlite3.connect(path)
    written: list[str] = []
    calls = 0

    def read_line() -> str | None:
        nonlocal calls
        calls += 1
        if calls == 1:
            other.execute("BEGIN IMMEDIATE")  # another process holds the lock for a while
        elif other.in_transaction:
            other.rollback()  # … and lets go before the player types the answer again
        if calls > 2:
            return None
        session_id = service.quizzes.open_solo_session("local", "local:ann")
        assert session_id is not None
        view = service.quizzes.current_question(session_id, "local")
        assert view is not None
        question = service.catalog.pack("local", view.pack_id).question(view.question_id)
        assert question is not None
        return question.answer_text()  # in the question's form, so it reaches the database

    actor = Actor("local", "local:ann", "Ann")
    summary = ConsoleQuiz(service, actor, read_line, written.append).play("starter", 1, 1)
    busy = [w for w in written if w.startswith("The database is busy")]
    assert busy == ["The database is busy (another quizbot is writing to it), so that was not "
                    "recorded; type it again."]
    assert summary.answered == 1  # the answer sent again was recorded, once
    service.close()
    other.close()


def test_db_check_reports_integrity_schema_and_counts(tmp_path: Path) -> None:
    db = tmp_path / "q.sqlite3"
    run("play", "--seed", "1", "--name", "Ann", "--db", db, stdin="b\nskip\nquit\n")
    result = run("db", "check", "--db", db)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"database: {db} (") and lines[1] == "integrity: ok"
    every = [m.name for m in migrations.pending(Database(memory=True))]
    assert lines[2] == f"schema: {len(every)} migrations applied (latest {every[-1]})"
    assert "learners 1" in lines[3] and "attempts 2" in lines[3]
    report = json.loads(run("db", "check", "--db", db, "--json").stdout)
    assert report["ok"] is True and report["counts"]["attempts"] == 2


def test_db_check_refuses_what_it_cannot_check_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    for target in (tmp_path / "missing.sqlite3", tmp_path / "notes.txt", tmp_path):
        result = run("db", "check", "--db", target)
        assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1, result.output
    assert not (tmp_path / "missing.sqlite3").exists()  # checking never creates a database


def test_db_check_fails_on_a_damaged_database(tmp_path: Path) -> None:
    db = tmp_path / "q.sqlite3"
    run("play", "--seed", "1", "--db", db, stdin="b\nskip\nquit\n")
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=DELETE")
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'attempts_guild_user'"
                        ).fetchone()[0]
    conn.close()
    data = bytearray(db.read_bytes())
    data[(root - 1) * size: (root - 1) * size + 8] = b"\x0d\x00\x00\x00\x09\xff\xff\x00"
    db.write_bytes(bytes(data))  # an index page that now claims 9 cells it does not have
    result = run("db", "check", "--db", db)
    assert result.exit_code == 1, result.output
    assert "integrity: ok" not in result.stdout
    assert result.stdout.count("\n") == 4 or "damaged" in result.stderr


def test_db_backup_while_another_process_writes(tmp_path: Path) -> None:
    db = tmp_path / "q.sqlite3"
    run("play", "--seed", "1", "--name", "Ann", "--db", db, stdin="b\nskip\nquit\n")
    stop = threading.Event()

    def writer() -> None:  # the bot, busy recording answers during the backup
        conn = sqlite3.connect(db, timeout=5)
        n = 0
        while not stop.is_set():
            conn.execute("INSERT INTO ask_log (guild_id, text, asked_at) VALUES ('g', ?, 1)",
                         [f"question {n}"])
            conn.commit()
            n += 1
        conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        result = run("db", "backup", tmp_path / "copy.sqlite3", "--db", db)
    finally:
        stop.set()
        thread.join()
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"backed up to {tmp_path / 'copy.sqlite3'} (")
    copy = sqlite3.connect(tmp_path / "copy.sqlite3")
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("SELECT COUNT(*) FROM attempts").fetchone() == (2,)
    copy.close()
    assert not (tmp_path / "copy.sqlite3-wal").exists()
    again = run("db", "backup", tmp_path / "copy.sqlite3", "--db", db)
    assert again.exit_code == 1 and "already exists" in again.stderr
    assert run("db", "backup", tmp_path / "copy.sqlite3", "--db", db, "--force").exit_code == 0
    restored = run("leaderboard", "--db", tmp_path / "copy.sqlite3", "--json")
    assert json.loads(restored.stdout)[0]["name"] == "Ann"


def test_a_name_that_is_not_utf8_is_stored_with_a_replacement_character(tmp_path: Path) -> None:
    db = tmp_path / "q.sqlite3"
    for name in ("\udcffbad", "lone\ud83d"):  # argv bytes that were not UTF-8; a lone half
        played = run("play", "--count", "1", "--name", name, "--db", db, stdin="skip\n")
        assert played.exit_code == 0, played.output
    board = json.loads(run("leaderboard", "--db", db, "--json").stdout)
    assert sorted(row["name"] for row in board) == ["lone\ufffd", "\ufffdbad"]
