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


@migrations()
def m_discord14_ask_log_user(db: Database) -> None:
    """Who asked each unanswered question, so a learner's own entries can be shown and deleted
    (/privacy). Rows logged before this migration have no user and stay anonymous."""
    db.execute("ALTER TABLE ask_log ADD COLUMN user_id TEXT")
    db.execute("CREATE INDEX ask_log_guild_user ON ask_log(guild_id, user_id)")


@migrations()
def m_discord14_question_reports(db: Database) -> None:
    """A learner's report that a question is wrong or unclear, with a short reason, for the
    instructor's question report. Append-only: a report is never edited."""
    db.executescript(
        """
        CREATE TABLE question_reports (
            id INTEGER PRIMARY KEY,
            guild_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            pack_id TEXT NOT NULL,
            question_id TEXT NOT NULL,
            session_id TEXT,
            reason TEXT NOT NULL,
            created_at REAL NOT NULL
        );
        CREATE INDEX question_reports_question ON question_reports(guild_id, pack_id, question_id);
        CREATE INDEX question_reports_user ON question_reports(guild_id, user_id);
        """
    )


@migrations()
def m_discord14_due_reminders(db: Database) -> None:
    """Who asked for the daily "N cards due" DM (opt-in: no row means off), and when the last
    one went out. Per user, not per server: the DM counts every server's due questions."""
    db.executescript(
        """
        CREATE TABLE due_reminders (
            user_id TEXT PRIMARY KEY,
            enabled INTEGER NOT NULL,
            language TEXT,
            last_sent REAL,
            updated_at REAL NOT NULL
        );
        """
    )


@migrations()
def m_scale9_totals(db: Database) -> None:
    """Leaderboard totals kept up to date with each attempt, built here from existing attempts.

    board_totals: one row per (guild, pack or '' for every pack, period key, learner); the period
    key is 'all', 'wYYYY-WW' or 'mYYYY-MM' (bot.core.play.periods; a season would be one more key).
    board_levels counts learners per points value, board_bands per band of 64 points values and
    board_sizes per board, all kept by triggers, so a rank or a deep page adds up a few hundred
    band and level rows instead of walking every learner above.
    """
    from bot.store.board import BOARD_SCHEMA, rebuild_totals

    db.executescript(BOARD_SCHEMA)
    rebuild_totals(db, "1 = 1", [])


@migrations()
def m_scale9_compiled_packs(db: Database) -> None:
    """Validated packs as JSON keyed by content hash (bot.core.packs.compiled), and each guild
    pack's content hash, so no command parses the same YAML again."""
    import hashlib

    db.executescript(
        """
        CREATE TABLE compiled_packs (
            content_hash TEXT NOT NULL,
            compiler TEXT NOT NULL,
            pack_json TEXT NOT NULL,
            compiled_at REAL NOT NULL,
            PRIMARY KEY (content_hash, compiler)
        );
        ALTER TABLE guild_packs ADD COLUMN content_hash TEXT;
        """
    )
    rows = list(db.query("SELECT guild_id, pack_id, content FROM guild_packs"))
    for row in rows:
        digest = hashlib.sha256(row["content"].encode("utf-8")).hexdigest()
        db.execute("UPDATE guild_packs SET content_hash = ? WHERE guild_id = ? AND pack_id = ?",
                   [digest, row["guild_id"], row["pack_id"]])


@migrations()
def m_scale9_open_solo_index(db: Database) -> None:
    """A learner's open practice quiz is found by index (each /quiz start and /quiz stop)."""
    db.execute("CREATE INDEX sessions_open_starter ON sessions(status, guild_id, starter_id)")


@migrations()
def m_class11_ranked_seasons(db: Database) -> None:
    """Fair ranked points and seasons.

    `attempts.ranked` marks the one attempt per learner, question and season that counts on the
    board (the first; see bot.core.play.ranking); `attempts.season` is the guild's season when it
    was recorded. Existing history is replayed under that rule: the first counted attempt of each
    question is ranked, in season 1, and the `scores` aggregate is recomputed from ranked
    attempts (its old totals are copied to `scores_before_ranking` first, so nothing is lost).
    `seasons` lists the seasons moderators started (season 1 is implicit); `season_scores` holds
    each finished season's board as it stood when the next one began.
    """
    db.executescript(
        """
        ALTER TABLE attempts ADD COLUMN ranked INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE attempts ADD COLUMN season INTEGER NOT NULL DEFAULT 1;
        CREATE INDEX attempts_ranked ON attempts(guild_id, user_id, pack_id, question_id, season)
            WHERE ranked = 1;
        CREATE TABLE seasons (
            guild_id TEXT NOT NULL,
            number INTEGER NOT NULL,
            name TEXT,
            started_at REAL NOT NULL,
            started_by TEXT NOT NULL,
            PRIMARY KEY (guild_id, number)
        );
        CREATE TABLE season_scores (
            guild_id TEXT NOT NULL,
            season INTEGER NOT NULL,
            user_id TEXT NOT NULL,
            pack_id TEXT NOT NULL,
            points INTEGER NOT NULL,
            correct INTEGER NOT NULL,
            answered INTEGER NOT NULL,
            best_streak INTEGER NOT NULL,
            PRIMARY KEY (guild_id, season, user_id, pack_id)
        );
        CREATE TABLE scores_before_ranking AS SELECT * FROM scores;
        UPDATE attempts SET ranked = 1 WHERE counted = 1 AND id IN (
            SELECT MIN(a.id) FROM attempts a WHERE a.counted = 1
            AND a.created_at = (SELECT MIN(b.created_at) FROM attempts b WHERE b.counted = 1
                AND b.guild_id = a.guild_id AND b.user_id = a.user_id
                AND b.pack_id = a.pack_id AND b.question_id = a.question_id)
            GROUP BY a.guild_id, a.user_id, a.pack_id, a.question_id);
        UPDATE scores SET
            points = COALESCE((SELECT SUM(a.points) FROM attempts a WHERE a.ranked = 1
                AND a.guild_id = scores.guild_id AND a.user_id = scores.user_id
                AND a.pack_id = scores.pack_id), 0),
            correct = COALESCE((SELECT SUM(a.correct) FROM attempts a WHERE a.ranked = 1
                AND a.guild_id = scores.guild_id AND a.user_id = scores.user_id
                AND a.pack_id = scores.pack_id), 0),
            answered = COALESCE((SELECT SUM(1 - a.skipped) FROM attempts a WHERE a.ranked = 1
                AND a.guild_id = scores.guild_id AND a.user_id = scores.user_id
                AND a.pack_id = scores.pack_id), 0);
        """
    )


@migrations()
def m_class11_fsrs_cards(db: Database) -> None:
    """FSRS review cards, one per learner and question, and a desired retention per guild.

    The whole answer history (every attempt, counted or reset, oldest first) is replayed into
    the cards with the grades bot.core.play.spaced uses, so what Leitner knew carries over;
    the attempts themselves are untouched.
    """
    from bot.core.play import spaced

    db.executescript(
        """
        ALTER TABLE guilds ADD COLUMN desired_retention REAL;
        CREATE TABLE review_cards (
            guild_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            pack_id TEXT NOT NULL,
            question_id TEXT NOT NULL,
            card TEXT NOT NULL,
            due_at REAL NOT NULL,
            reviews INTEGER NOT NULL,
            updated_at REAL NOT NULL,
            PRIMARY KEY (guild_id, user_id, pack_id, question_id)
        );
        CREATE INDEX review_cards_due ON review_cards(guild_id, user_id, due_at);
        """
    )
    cards: dict[tuple[str, str, str, str], tuple[str, float, int, float]] = {}
    for row in db.query("SELECT guild_id, user_id, pack_id, question_id, correct, skipped, "
                        "hint_used, created_at FROM attempts ORDER BY created_at, id"):
        key = (row["guild_id"], row["user_id"], row["pack_id"], row["question_id"])
        previous = cards.get(key)
        rating = spaced.rating_for(correct=bool(row["correct"]), skipped=bool(row["skipped"]),
                                   hint_used=bool(row["hint_used"]))
        card, due = spaced.review(previous[0] if previous else None, rating, row["created_at"])
        cards[key] = (card, due, (previous[2] if previous else 0) + 1, row["created_at"])
    db.conn.executemany(
        "INSERT INTO review_cards VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(*key, *value) for key, value in cards.items()])


@migrations()
def m_class11_ranked_board_totals(db: Database) -> None:
    """The maintained boards (m_scale9_totals) count only ranked attempts of the current season,
    as the score aggregate does since m_class11_ranked_seasons: rebuilt from the attempts."""
    from bot.store.board import rebuild_totals

    guilds = [row["guild_id"] for row in db.query("SELECT DISTINCT guild_id FROM attempts")]
    for guild_id in guilds:
        season = next(iter(db.query(
            "SELECT MAX(number) AS n FROM seasons WHERE guild_id = ?", [guild_id])))["n"] or 1
        rebuild_totals(db, "guild_id = ?", [guild_id], season=int(season))


@migrations()
def m_speed9_pack_summaries(db: Database) -> None:
    """A compiled pack's listing (id, title, counts, topics), so a start reads no question; in
    its own table, as a column after a megabyte of pack JSON is read by walking its overflow."""
    db.execute("CREATE TABLE pack_summaries (content_hash TEXT NOT NULL, compiler TEXT NOT NULL, "
               "summary_json TEXT NOT NULL, PRIMARY KEY (content_hash, compiler))")


@migrations()
def m_speed9_guild_pack_listing(db: Database) -> None:
    """The guild's pack listing (every `ask`) from an index holding its columns, not the rows
    where they follow each pack's YAML (1 ms of overflow pages per listing at 15k questions)."""
    db.execute("CREATE INDEX guild_packs_listing ON guild_packs(guild_id, pack_id, filename, "
               "uploaded_by, uploaded_at, content_hash)")


@migrations()
def m_answer9_live_answers(db: Database) -> None:
    """Live answers waiting for their reveal, one row each (bot.store.live_queries), not a rewrite
    of the session JSON per answer; answers pending in a JSON stay there and are still read."""
    db.execute("CREATE TABLE live_answers (session_id TEXT NOT NULL, position INTEGER NOT NULL, "
               "guild_id TEXT NOT NULL, user_id TEXT NOT NULL, display_name TEXT NOT NULL, "
               "response TEXT NOT NULL, correct INTEGER NOT NULL, reason TEXT NOT NULL, matched "
               "TEXT, answered_at REAL NOT NULL, PRIMARY KEY (session_id, position, user_id))")
