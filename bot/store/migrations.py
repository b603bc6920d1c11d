"""Append-only schema migrations (sqlite-utils `Migrations`).

Rules: never edit or remove a migration once it has landed; add a new one. No migration drops a
table or a column that holds data: a change of shape copies rows forward, so nothing stored is lost.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "quizbot"
migrations = Migrations(MIGRATION_SET)


@migrations()
def m001_initial(db: Database) -> None:
    """Guilds, learners, packs, sessions, attempts, the score aggregate and the ask log."""
    db.executescript(
        """
        CREATE TABLE guilds (
            id TEXT PRIMARY KEY,
            name TEXT,
            instructor_role_id TEXT,
            moderator_role_id TEXT,
            created_at REAL NOT NULL
        );
        CREATE TABLE learners (
            guild_id TEXT NOT NULL REFERENCES guilds(id),
            user_id TEXT NOT NULL,
            display_name TEXT NOT NULL,
            updated_at REAL NOT NULL,
            PRIMARY KEY (guild_id, user_id)
        );
        CREATE TABLE packs (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            content_hash TEXT,
            first_seen REAL NOT NULL,
            last_seen REAL NOT NULL
        );
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            guild_id TEXT NOT NULL REFERENCES guilds(id),
            channel_id TEXT,
            starter_id TEXT NOT NULL,
            pack_id TEXT NOT NULL REFERENCES packs(id),
            mode TEXT NOT NULL,
            status TEXT NOT NULL,
            state TEXT NOT NULL,
            message_id TEXT,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        );
        CREATE INDEX sessions_open ON sessions(status, guild_id, channel_id);
        CREATE TABLE attempts (
            id INTEGER PRIMARY KEY,
            guild_id TEXT NOT NULL REFERENCES guilds(id),
            user_id TEXT NOT NULL,
            session_id TEXT NOT NULL REFERENCES sessions(id),
            pack_id TEXT NOT NULL REFERENCES packs(id),
            question_id TEXT NOT NULL,
            topic TEXT,
            response TEXT,
            correct INTEGER NOT NULL,
            reason TEXT NOT NULL,
            points INTEGER NOT NULL,
            time_taken_ms INTEGER NOT NULL,
            hint_used INTEGER NOT NULL,
            skipped INTEGER NOT NULL DEFAULT 0,
            counted INTEGER NOT NULL DEFAULT 1,
            created_at REAL NOT NULL,
            UNIQUE (session_id, user_id, question_id),
            FOREIGN KEY (guild_id, user_id) REFERENCES learners(guild_id, user_id)
        );
        CREATE INDEX attempts_guild_time ON attempts(guild_id, created_at);
        CREATE INDEX attempts_guild_user ON attempts(guild_id, user_id);
        CREATE TABLE scores (
            guild_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            pack_id TEXT NOT NULL,
            points INTEGER NOT NULL DEFAULT 0,
            correct INTEGER NOT NULL DEFAULT 0,
            answered INTEGER NOT NULL DEFAULT 0,
            best_streak INTEGER NOT NULL DEFAULT 0,
            updated_at REAL NOT NULL,
            PRIMARY KEY (guild_id, user_id, pack_id),
            FOREIGN KEY (guild_id, user_id) REFERENCES learners(guild_id, user_id)
        );
        CREATE INDEX scores_rank ON scores(guild_id, points DESC);
        CREATE TABLE ask_log (
            id INTEGER PRIMARY KEY,
            guild_id TEXT NOT NULL,
            pack_id TEXT,
            text TEXT NOT NULL,
            asked_at REAL NOT NULL
        );
        CREATE INDEX ask_log_guild ON ask_log(guild_id, text);
        """
    )


@migrations()
def m002_guild_packs(db: Database) -> None:
    """Packs an instructor installed for one guild (our YAML text, validated before storing)."""
    db.executescript(
        """
        CREATE TABLE guild_packs (
            guild_id TEXT NOT NULL REFERENCES guilds(id),
            pack_id TEXT NOT NULL,
            filename TEXT NOT NULL,
            content TEXT NOT NULL,
            uploaded_by TEXT NOT NULL,
            uploaded_at REAL NOT NULL,
            PRIMARY KEY (guild_id, pack_id)
        );
        """
    )


@migrations()
def m_inst12_pack_versions(db: Database) -> None:
    """Every upload of a guild pack as a numbered version (guild_packs keeps the current one).

    Append-only: a re-upload adds a row and never overwrites one, so an instructor can see what
    changed and attempts recorded under an old version still find their question ids' history.
    Packs installed before this migration become their version 1.
    """
    db.executescript(
        """
        CREATE TABLE guild_pack_versions (
            guild_id TEXT NOT NULL REFERENCES guilds(id),
            pack_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            filename TEXT NOT NULL,
            content TEXT NOT NULL,
            uploaded_by TEXT NOT NULL,
            uploaded_at REAL NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (guild_id, pack_id, version)
        );
        INSERT INTO guild_pack_versions (guild_id, pack_id, version, filename, content,
                                         uploaded_by, uploaded_at)
            SELECT guild_id, pack_id, 1, filename, content, uploaded_by, uploaded_at
            FROM guild_packs;
        """
    )


@migrations()
def m_inst12_attempt_rescores(db: Database) -> None:
    """When an instructor accepts an answer and re-scores past attempts, each changed attempt's
    previous verdict is kept here first: the attempt row is updated, its history is not lost."""
    db.executescript(
        """
        CREATE TABLE attempt_rescores (
            id INTEGER PRIMARY KEY,
            attempt_id INTEGER NOT NULL REFERENCES attempts(id),
            correct_before INTEGER NOT NULL,
            points_before INTEGER NOT NULL,
            reason_before TEXT NOT NULL,
            rescored_by TEXT NOT NULL,
            rescored_at REAL NOT NULL
        );
        CREATE INDEX attempt_rescores_attempt ON attempt_rescores(attempt_id);
        """
    )
