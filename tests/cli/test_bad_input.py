"""Bad input on the command line: one stderr line and a non-zero exit, never a traceback.

Subprocess-based where the contract is about the real process (stderr line count, exit code,
bytes on stdin, signals); each case is one mistake a user or script actually makes.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys

import pytest

from bot.config import PROJECT_ROOT


def quizbot(*args: str, stdin: bytes = b"", env: dict[str, str] | None = None,
            ) -> subprocess.CompletedProcess[bytes]:
    full_env = {**os.environ, **(env or {})}
    full_env.pop("QUIZBOT_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin,
                          capture_output=True, env=full_env, cwd=PROJECT_ROOT, timeout=120)


def one_error_line(proc: subprocess.CompletedProcess[bytes], code: int | None = None) -> str:
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    assert proc.returncode != 0 if code is None else proc.returncode == code
    return err.strip()


def clean_run(proc: subprocess.CompletedProcess[bytes]) -> None:
    assert proc.returncode == 0, proc.stderr
    assert b"Traceback" not in proc.stderr


# --- the group: no command, user text with newlines or escapes in the message -------------

@pytest.mark.parametrize("args", [[], ["pack"]])
def test_a_missing_command_is_one_line_listing_the_commands(args):
    err = one_error_line(quizbot(*args), 2)
    assert "missing command" in err and "--help" in err


def test_a_newline_or_escape_in_a_pack_id_does_not_split_the_error_line():
    err = one_error_line(quizbot("pack", "show", "a\nb\x1b[2J"), 1)
    assert "a\\nb\\x1b[2J" in err


def test_pack_problems_stay_one_line_each_even_with_a_newline_in_the_path(tmp_path):
    bad = tmp_path / "two\nlines.yaml"
    bad.write_text("id: x\n", encoding="utf-8")
    err = one_error_line(quizbot("pack", "import", "--format", "red", str(bad)), 1)
    assert "two\\nlines.yaml:1:" in err


def test_ctrl_c_while_waiting_for_an_answer_is_one_line_exit_130():
    proc = subprocess.Popen([sys.executable, "-m", "bot", "play"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=PROJECT_ROOT,
                            env={k: v for k, v in os.environ.items() if k != "QUIZBOT_DEBUG"})
    assert proc.stdout is not None
    proc.stdout.readline()  # the quiz title: it is now waiting on stdin, not starting up
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.decode().splitlines() == ["quizbot: interrupted"]
    assert "Quiz stopped: 0/0 correct" in out.decode()  # the summary before leaving


# --- stdin that is not clean UTF-8 text ----------------------------------------------------

NOT_UTF8 = [bytes(range(256)) * 4, b"\xff\xfe\xfa\n" * 12, b"\xed\xa0\x80\n" * 12,
            b"ab\x00cd\r\n" * 12]


@pytest.mark.parametrize("data", NOT_UTF8, ids=["binary", "invalid", "surrogate", "nul-crlf"])
def test_play_judges_answers_that_are_not_utf8_instead_of_crashing(data):
    proc = quizbot("play", "--count", "3", stdin=data)
    clean_run(proc)
    assert b"Quiz finished" in proc.stdout or b"Quiz stopped" in proc.stdout


def test_interactive_ask_survives_binary_stdin():
    clean_run(quizbot("ask", stdin=bytes(range(256)) * 4 + b"\nwho is el mayo\n"))


def test_ask_jsonl_answers_a_deeply_nested_line_with_an_error_and_carries_on():
    deep = b"[" * 10_000 + b"]" * 10_000
    proc = quizbot("ask", "--jsonl", stdin=deep + b'\n{"q": "who is el mayo"}\n')
    assert proc.returncode == 1 and proc.stderr == b""
    first, second = (json.loads(line) for line in proc.stdout.splitlines())
    assert first == {"error": "line 1: JSON nested too deeply"}
    assert "answer" in second


# --- options the core would misread ---------------------------------------------------------

def test_review_of_an_unknown_pack_says_so_not_nothing_to_review():
    err = one_error_line(quizbot("review", "--pack", "nope"), 1)
    assert "no pack 'nope'" in err


# --- databases that are not ours ------------------------------------------------------------

def test_databases_that_are_not_quizbot_ones_are_refused_untouched(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello\n")
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)  # another app's database, in the default rollback journal
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    newer = tmp_path / "newer.sqlite3"
    clean_run(quizbot("leaderboard", "--db", str(newer)))
    conn = sqlite3.connect(newer)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('quizbot', 'm999_future', '2099-01-01')")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = {p: p.read_bytes() for p in (text, other, newer)}
    assert "not a SQLite database" in one_error_line(quizbot("stats", "--db", str(text)), 1)
    assert "not a quizbot one" in one_error_line(quizbot("play", "--db", str(other)), 1)
    assert "newer quizbot" in one_error_line(quizbot("pack", "list", "--db", str(newer)), 1)
    assert "directory" in one_error_line(quizbot("export", "--db", str(tmp_path)), 1)
    assert {p: p.read_bytes() for p in before} == before


# --- settings from the environment ----------------------------------------------------------

@pytest.mark.parametrize(("name", "value"), [
    ("QUIZBOT_LIVE_SECONDS", "abc"), ("QUIZBOT_LIVE_SECONDS", "0"),
    ("QUIZBOT_LIVE_SECONDS", "-5"), ("QUIZBOT_LIVE_SECONDS", str(10**30)),
    ("QUIZBOT_DEV_GUILD", "x"), ("QUIZBOT_DEV_GUILD", "-1"),
    ("QUIZBOT_DEV_GUILD", str(10**30)), ("QUIZBOT_OWNER_IDS", "1,0"),
])
def test_a_bad_number_setting_is_one_line_naming_it(name, value):
    err = one_error_line(quizbot("run", "--dry-run", env={name: value}), 1)
    assert name in err


def test_a_broken_pack_is_reported_and_the_good_one_still_plays(tmp_path):
    (tmp_path / "starter.yaml").write_bytes((PROJECT_ROOT / "questions/starter.yaml").read_bytes())
    (tmp_path / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    proc = quizbot("play", "--pack", "starter", "--count", "1", stdin=b"quit\n",
                   env={"QUIZBOT_PACKS": str(tmp_path)})
    clean_run(proc)
    assert proc.stderr.decode().startswith("warning: ") and b"broken.yaml:" in proc.stderr


# --- run: never the token, and a bad database before any connection ------------------------

TOKEN = "MTIzNDU2Nzg5.NEVER-SHOW-THIS-TOKEN.abcdefghijklmnop"


def test_run_refuses_a_newer_database_before_connecting_and_never_shows_the_token(tmp_path):
    newer = tmp_path / "newer.sqlite3"
    clean_run(quizbot("leaderboard", "--db", str(newer)))
    conn = sqlite3.connect(newer)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('quizbot', 'm999_future', '2099-01-01')")
    conn.commit()
    conn.close()
    proc = quizbot("run", "--db", str(newer), env={"DISCORD_TOKEN": TOKEN})
    assert "newer quizbot" in one_error_line(proc, 1)
    assert b"NEVER-SHOW-THIS-TOKEN" not in proc.stdout + proc.stderr


def test_run_start_up_keeps_discord_voice_and_login_chatter_off_stderr(monkeypatch):
    import logging

    import discord

    from bot.cli.run import _quiet_startup

    client_log = logging.getLogger("discord.client")
    monkeypatch.setattr(discord.VoiceClient, "warn_nacl", True)
    monkeypatch.setattr(discord.VoiceClient, "warn_dave", True)
    monkeypatch.setattr(client_log, "level", logging.NOTSET)
    _quiet_startup(discord)
    assert not discord.VoiceClient.warn_nacl and not discord.VoiceClient.warn_dave
    assert not client_log.isEnabledFor(logging.INFO)
