"""WAL checkpoints in a background thread, never inside an answer.

In WAL mode every commit appends its pages to the `-wal` file, and SQLite copies them back into
the database (a checkpoint) when the file passes 1,000 pages. By default the commit that crosses
that line does the copy itself: over a big database that commit took 7-16 ms instead of 0.2 ms,
once every ~30 answers, and it was the whole p99 of the answer path (quizbot bench).

So a file Store turns automatic checkpoints off on its connections (`wal_autocheckpoint=0`) and
this thread runs PASSIVE checkpoints on a connection of its own: woken after commits, it reads how
many frames wait to be copied (the wal-index header in the `-shm` file, a documented layout:
sqlite.org/walformat.html) and copies them once WAL_PAGES wait. PASSIVE never waits for readers
or writers (sqlite3 releases the GIL while it runs), so answers go on meanwhile; frames a reader
still needs stay for the next round, as with the automatic checkpoint. Durability is unchanged: a
committed transaction is in the WAL before its commit returns; a checkpoint only moves it.

Starting over: SQLite reuses the WAL from its start only when a write transaction begins with
every frame copied, and that commit syncs the new WAL header (~4 ms here). On a busy bot answers
commit while a round runs, so the thread repeats the round (each copies what came in during the
last) until little is left; then the next writer copies that little itself (`finish_round`:
one PASSIVE checkpoint of a few dozen frames under the process's write lock) and begins, and the
WAL starts over. With WAL_PAGES at 10,000 that cost lands in about one answer in 300 (a 40 MB WAL
at most, where SQLite's default keeps 4 MB), below the answer path's p99.

The thread starts with the first commit and holds only a weak reference to its owner, so a Store
that is dropped without close() does not keep a thread and a connection alive forever.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import struct
import threading
import weakref

log = logging.getLogger(__name__)

WAL_PAGES = 10_000  # frames waiting before a round (SQLite's own default is 1,000: module doc)
FEW_FRAMES = 64  # a round that found no more than this added since the last one is the last
NUDGE_EVERY = 16  # commits between two looks at the WAL (an answer writes ~30 pages)
IDLE_WAKE_S = 2.0  # also look now and then: writes outside atomic() never call committed()
ROUND_GAP_S = 0.05  # between two rounds of work: a busy bot's commits are copied in batches
CATCH_UP_GAP_S = 0.002  # between the rounds that copy what came in during the one before
# The wal-index header (walformat.html, native byte order): mxFrame, the last valid frame, at
# byte 16; nBackfill, the frames already copied back, at byte 96 (the checkpoint info).
_MX_FRAME = struct.Struct("=I")
_HEADER_BYTES = 100


class Checkpointer:
    """Owns the background thread; `committed()` is the writers' cheap nudge."""

    def __init__(self, path: str, timeout_s: float) -> None:
        self.path = path
        self._shm = f"{path}-shm"
        self._timeout_s = timeout_s
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._start_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.checkpoints = 0  # completed rounds, for tests and the bench
        self._round_ran = False  # a round ended: the next writer finishes it (module doc)
        self._catching_up = False  # answers came in during the last round: copy again soon
        self._commits = 0  # since the last nudge

    def committed(self) -> None:
        """A write transaction committed (the caller holds the write lock): every NUDGE_EVERY
        commits, wake the thread to look at the WAL (starting it the first time). Not on each
        one: waking a thread makes it take the GIL from the writer, 0.2 ms per answer."""
        self._commits += 1
        if self._commits < NUDGE_EVERY and self._thread is not None:
            return
        self._commits = 0
        if self._thread is None:
            self._start()
        self._wake.set()

    def finish_round(self, conn: sqlite3.Connection) -> None:
        """Called by a writer, under the write lock, before it begins: after a round, copy what
        was committed during it, so this transaction can start the WAL over."""
        if not self._round_ran:
            return
        self._round_ran = False
        if self.waiting_frames() > 2 * FEW_FRAMES:  # more came in: the thread copies it first
            self._catching_up = True
            self._wake.set()
            return
        try:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error as err:  # busy: the thread's next round tries again
            log.debug("finishing the checkpoint of %s skipped: %s", self.path, err)

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

    def waiting_frames(self) -> int:
        """Frames in the WAL not yet copied back (0 when the -shm file cannot be read). Read
        without SQLite's lock, so a torn value is possible: it only decides when to look."""
        try:
            with open(self._shm, "rb") as handle:
                header = handle.read(_HEADER_BYTES)
        except OSError:
            return 0
        if len(header) < _HEADER_BYTES:
            return 0
        (last,) = _MX_FRAME.unpack_from(header, 16)
        (copied,) = _MX_FRAME.unpack_from(header, 96)
        return max(last - copied, 0)

    def checkpoint_if_due(self, conn: sqlite3.Connection) -> bool:
        """One PASSIVE round when WAL_PAGES frames wait or a round is catching up; True if it
        ran. The round that leaves at most FEW_FRAMES behind hands over to the next writer."""
        waiting = self.waiting_frames()
        if not self._catching_up and waiting < WAL_PAGES:
            return False
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        self.checkpoints += 1
        left = self.waiting_frames()
        # A reader holding old frames stops the copy short: no progress, no hurry.
        self._catching_up = FEW_FRAMES < left < waiting
        if left <= FEW_FRAMES:
            self._flush()
            self._round_ran = True
        return True

    def _flush(self) -> None:
        """Write the copied pages and the WAL to disk here, before the writer's last step: SQLite
        syncs the database only after a checkpoint that copied every frame, so the writer's
        small one would otherwise wait for all of this round's pages (255 ms seen)."""
        for name in (self.path, f"{self.path}-wal"):
            try:
                fd = os.open(name, os.O_RDONLY)
            except OSError:
                continue
            try:
                os.fsync(fd)
            except OSError:
                pass  # the writer's own checkpoint syncs and reports
            finally:
                os.close(fd)


def _run(ref: weakref.ref[Checkpointer]) -> None:
    """The thread's loop: wait for a nudge (or IDLE_WAKE_S), checkpoint if due, until stopped or
    the owner is gone."""
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
            wake.wait(IDLE_WAKE_S)
            wake.clear()
            owner = ref()
            if owner is None or stop.is_set():
                return
            try:
                ran = owner.checkpoint_if_due(conn)
                catching_up = owner._catching_up
            except sqlite3.Error as err:  # busy, full disk: the next round tries again
                log.debug("checkpoint of %s skipped: %s", owner.path, err)
                ran, catching_up = True, False
            del owner
            if catching_up:
                stop.wait(CATCH_UP_GAP_S)
                wake.set()
            elif ran:
                stop.wait(ROUND_GAP_S)
    finally:
        conn.close()
