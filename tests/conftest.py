"""Suite-wide isolation: no test reads or writes the developer's own database or .env."""

import pytest


@pytest.fixture(autouse=True)
def _isolated_database(tmp_path, monkeypatch):
    """Commands run without --db use a fresh file per test, never db/quizbot.sqlite3."""
    monkeypatch.setenv("QUIZBOT_DB", str(tmp_path / "default.sqlite3"))
