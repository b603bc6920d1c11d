"""WAL checkpoints in a background thread, never inside an answer.

In WAL mode every commit appends its pages to the `-wal` file, and SQLite copies them back into
the database (a checkpoint) when the file passes 1,000 pages. By default the commit that crosses
that line does the copy itself: over a big database that commit took 7-16 ms instead of 0.2 ms,
once every ~30 answers, and it was the whole p99 of the answer path (quizbot bench).

So a file Store turns automatic checkpoints off on its connections (`wal_autocheckpoint=0`) and
this thread runs PASSIVE checkpoints on a connection of its own: every ROUND_COMMITS commits, and
when writes pause for IDLE_S. PASSIVE never waits for readers or writers (sqlite3 releases the GIL
while it runs), so answers go on meanwhile; frames a reader still needs stay for the next round,
as with the automatic checkpoint. Durability is unchanged: a committed transaction is in the WAL
before its commit returns; a checkpoint only moves it.

Starting over: SQLite reuses the WAL from its start only when a write transaction begins with
every frame copied, and that commit syncs the new WAL header (~4 ms here). On a busy bot answers
commit while a round runs, so a round repeats until one finds nothing new came in during the one
before (that one copied everything and had SQLite sync the database); then the next writer copies
the little committed since itself (`finish_round`: one PASSIVE checkpoint under the process's
write lock) and begins, and the WAL starts over. At ROUND_COMMITS = 256 that lands in about one
answer in 250, below the answer path's p99; the WAL holds ~30 MB at most where SQLite's default
keeps 4 MB.

Why no file of SQLite's is opened here: POSIX drops every lock a process holds on a file when
the process closes any descriptor of that file, so peeking at the `-shm` or the database would
silently release SQLite's own locks (a bench run died of SIGBUS when another process then reset
the shared memory). Only SQLite's API is used.

The thread starts with the first commit and holds only a weak reference to its owner, so a Store
that is dropped without close() does not keep a thread and a connection alive forever.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
import weakref

log = logging.getLogger(__name__)

ROUND_COMMITS = 256  # commits between two rounds (an answer writes ~30 pages)
IDLE_S = 1.0  # no commit for this long: a round for what came in since (and for plain writes)
MAX_PASSES = 8  # passes of one round before it waits RETRY_S (a reader holds old frames)
RETRY_S = 0.05


class Checkpointer:
    """Owns the background thread; `committed()` is the writers' cheap nudge."""

    def __init__(self, path: str, timeout_s: float) -> None:
        self.path = path
        self._timeout_s = timeout_s
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._start_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.rounds = 0  # finished rounds, for tests and the bench
        self._commits = 0  # since the last round was asked for
        self._last_commit = 0.0
        self._due = False  # a round was asked for
        self._round_ran = False  # a round finished: the next writer starts the WAL over

    def committed(self) -> None:
        """A write transaction committed (the caller holds the write lock). Cheap: a count and
        a clock read; the thread is woken only every ROUND_COMMITS commits (waking a thread
        makes it take the GIL from the writer)."""
        self._commits += 1
        self._last_commit = time.monotonic()
        if self._thread is None:
            self._start()
        if self._commits >= ROUND_COMMITS:
            self._commits = 0
            self._due = True
            self._wake.set()

    def finish_round(self, conn: sqlite3.Connection) -> None:
        """Called by a writer, under the write lock, before it begins: after a round, copy what
        was committed since, so this transaction starts the WAL over (module doc)."""
        if not self._round_ran:
            return
        self._round_ran = False
        try:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error as err:  # busy: the next round tries again
            log.debug("finishing the checkpoint of %s skipped: %s", self.path, err)

    def run_round(self, conn: sqlite3.Connection) -> bool:
        """PASSIVE passes until one finds that nothing came in during the pass before it;
        True when the round finished (then the next writer starts the WAL over)."""
        self._due = False
        before = None
        for _ in range(MAX_PASSES):
            busy, frames, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            if busy or frames < 0:  # another checkpoint runs, or not in WAL mode
                return False
            if frames == before and copied == frames:
                self.rounds += 1
                self._round_ran = frames > 0
                return True
            before = frames
        return False

    def _start(self) -> None:
        with self._start_lock:
            if self._thread is not None or self._stop.is_set():
                return
            self._thread = threading.Thread(target=_run, args=(weakref.ref(self),),
                                            name="quizbot-checkpoint", daemon=True)
            self._thread.start()

    def close(self) -> None:
        """Stop the thread (a last checkpoint happens when SQLite closes the last connection)."""
        self._stop.set()
        self._wake.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=5)

    def _wants_round(self) -> bool:
        """Asked for, or writes paused with commits (or plain writes) not yet looked at."""
        return self._due or (self._last_commit > 0
                             and time.monotonic() - self._last_commit >= IDLE_S)


def _run(ref: weakref.ref[Checkpointer]) -> None:
    """The thread's loop: wait for a nudge (or IDLE_S), run a round when one is wanted, until
    stopped or the owner is gone."""
    owner = ref()
    if owner is None:
        return
    try:
        conn = sqlite3.connect(owner.path, timeout=owner._timeout_s, check_same_thread=False)
    except sqlite3.Error as err:  # the writers' own connections report a broken file
        log.warning("no background checkpoints for %s: %s", owner.path, err)
        return
    wake, stop = owner._wake, owner._stop
    del owner  # only the weak reference between rounds
    try:
        while not stop.is_set():
            wake.wait(IDLE_S)
            wake.clear()
            owner = ref()
            if owner is None or stop.is_set():
                return
            finished = True
            if owner._wants_round():
                idle = not owner._due
                try:
                    finished = owner.run_round(conn)
                except sqlite3.Error as err:  # busy, full disk: the next round tries again
                    log.debug("checkpoint of %s skipped: %s", owner.path, err)
                    finished = False
                if idle and finished:
                    owner._last_commit = 0.0  # looked at: wait for the next commit
                elif not finished:
                    owner._due = True
            del owner
            if not finished:
                stop.wait(RETRY_S)
                wake.set()
    finally:
        conn.close()
