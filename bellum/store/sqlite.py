"""The SQLite file: open it in WAL mode, create the tables of schema.sql, count rows.

One file, plain tables, no custom functions: `datasette bellum.db` opens it as it is.
WAL with `synchronous=NORMAL` survives a killed process: a transaction is either in the
file or not at all, so a `kill -9` mid-ingest never leaves half an article.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from functools import cache
from importlib import resources
from pathlib import Path

SCHEMA_VERSION = "1"
"""Bumped when schema.sql changes incompatibly; a mismatching file is refused, not mangled."""

COUNTED_TABLES = (
    "articles",
    "battles",
    "sides",
    "side_actors",
    "side_commanders",
    "side_units",
    "actors",
    "persons",
    "places",
    "conflicts",
    "battle_conflicts",
    "aliases",
    "resolution_links",
    "acronyms",
    "claims",
    "figures",
    "views",
    "view_claims",
    "events",
    "flags",
    "search",
)
"""The tables whose row counts the ingest summary (and the idempotency tests) compare."""


class StoreError(Exception):
    """A database that cannot be used: not SQLite, or made by an incompatible bellum."""


@cache
def schema_sql() -> str:
    """The text of bellum/store/schema.sql (read once per process)."""
    return (resources.files("bellum.store") / "schema.sql").read_text(encoding="utf-8")


def connect(path: str | Path, *, create: bool = True) -> sqlite3.Connection:
    """Open (and with `create`, initialize) the knowledge base at `path`, e.g. `bellum.db`.

    Autocommit mode (`isolation_level=None`): callers open their own `BEGIN`/`COMMIT`, so a
    batch of articles is one transaction and nothing else is.
    """
    p = Path(path)
    if not create and not p.exists():
        raise StoreError(f"{p}: no such database (run `bellum ingest` first)")
    try:
        conn = sqlite3.connect(str(p), isolation_level=None, timeout=30.0)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        # NORMAL under WAL: a commit appends to the WAL without waiting for the disk; the
        # WAL is synced at checkpoints. A killed process loses nothing committed (the OS has
        # the writes) and a power cut loses at most the last transactions, never half of
        # one: the file stays consistent and whole batches are what it holds.
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA temp_store=MEMORY")
        conn.execute("PRAGMA cache_size=-65536")
        _ensure_schema(conn, create=create)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{p}: not a bellum database ({exc})") from None
    return conn


def _ensure_schema(conn: sqlite3.Connection, *, create: bool) -> None:
    """Create the tables when the file is new; refuse a file of another schema version."""
    has_meta = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
    if has_meta:
        row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is not None and row[0] != SCHEMA_VERSION:
            raise StoreError(
                f"database schema version {row[0]}, this bellum writes {SCHEMA_VERSION}: "
                "re-ingest into a new file"
            )
        return
    if not create:
        raise StoreError("not a bellum database (no meta table)")
    conn.executescript("BEGIN;\n" + schema_sql() + "\nCOMMIT;")
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,))


def row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows per table, e.g. {'battles': 65, 'claims': 180, ...}."""
    return {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in COUNTED_TABLES}


class Checkpointer:
    """Copies the WAL into the database from a second connection in a thread, so that the
    writer's commits do not wait for the checkpoint's disk syncs (SQLite's automatic
    checkpoint runs inside the committing connection).

    `start` turns the writer's automatic checkpoint off, `committed` wakes the thread after
    each commit, `stop` joins it and turns the automatic checkpoint back on. Kill-safe as
    before: a checkpoint only copies committed transactions, and a WAL left behind by a
    killed run is replayed by the next connection. Each time the WAL grows by `limit` bytes
    (the thread cannot keep up) the writer runs a PASSIVE checkpoint itself, never one that
    waits for readers.
    """

    def __init__(self, conn: sqlite3.Connection, *, limit: int = 256 << 20) -> None:
        self.conn = conn
        self.limit = limit
        row = conn.execute("PRAGMA database_list").fetchone()
        self.path = str(row[2]) if row is not None and row[2] else ""
        self._wake = threading.Event()
        self._stop = False
        self._thread: threading.Thread | None = None
        self._autocheckpoint = 1000
        self._next_check = limit

    def start(self) -> None:
        """Begin (no-op for an in-memory database)."""
        if not self.path or self._thread is not None:
            return
        self._autocheckpoint = int(self.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
        self.conn.execute("PRAGMA wal_autocheckpoint=0")
        self._stop = False
        self._thread = threading.Thread(target=self._run, name="bellum-checkpoint", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        other = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
        try:
            while True:
                self._wake.wait()
                self._wake.clear()
                if self._stop:
                    return
                with contextlib.suppress(sqlite3.Error):  # busy: the next commit wakes us
                    other.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        finally:
            other.close()

    def committed(self) -> None:
        """Called by the writer after each COMMIT."""
        if self._thread is None:
            return
        self._wake.set()
        try:
            size = os.path.getsize(self.path + "-wal")
        except OSError:
            return
        if size > self._next_check:  # the thread falls behind: help, as SQLite would
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            self._next_check = size + self.limit

    def stop(self) -> None:
        """Join the thread; the writer checkpoints by itself again."""
        if self._thread is None:
            return
        self._stop = True
        self._wake.set()
        self._thread.join()
        self._thread = None
        self.conn.execute(f"PRAGMA wal_autocheckpoint={self._autocheckpoint}")
