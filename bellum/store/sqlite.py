"""The SQLite file: open it in WAL mode, create the tables of schema.sql, count rows.

One file, plain tables, no custom functions: `datasette bellum.db` opens it as it is.
WAL with `synchronous=NORMAL` survives a killed process: a transaction is either in the
file or not at all, so a `kill -9` mid-ingest never leaves half an article.
"""

from __future__ import annotations

import sqlite3
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
