"""The database file: plain SQLite in WAL mode that any client (Datasette) opens as it is."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from kbfixtures import ingest_records

from bellum.store.sqlite import COUNTED_TABLES, StoreError, connect


def test_plain_sqlite_reads_every_table_without_bellum(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    ingest_records(db)
    plain = sqlite3.connect(db)  # no row factory, no custom functions: what Datasette does
    assert plain.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    for table in COUNTED_TABLES:
        plain.execute(f"SELECT * FROM {table} LIMIT 1").fetchall()
    hit = plain.execute("SELECT title FROM search WHERE search MATCH 'Hamaha'").fetchall()
    assert {h[0] for h in hit} == {"Battle of In-Delimane (2012)", "Battle of In Khalil"}
    assert plain.execute("PRAGMA foreign_key_check").fetchall() == []
    assert plain.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_file_that_is_not_a_database_is_refused_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("these are my notes, not a database\n" * 20)
    with pytest.raises(StoreError, match="not a bellum database"):
        connect(bad)
    assert bad.read_text().startswith("these are my notes")


def test_a_missing_database_is_not_created_for_reading(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        connect(tmp_path / "absent.db", create=False)
    assert not (tmp_path / "absent.db").exists()


def test_a_database_of_another_schema_version_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    connect(db).close()
    raw = sqlite3.connect(db)
    raw.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    raw.commit()
    raw.close()
    with pytest.raises(StoreError, match="schema version 999"):
        connect(db)
