"""The knowledge base: SQLite schema (schema.sql), ingest, queries and exports.

`bellum.store.ingest.ingest(paths, "bellum.db")` builds it; `bellum.store.query` reads it;
`bellum.store.export` writes it out; `bellum.kb.open` wraps the read side for Python users.
"""

from __future__ import annotations

from bellum.store.sqlite import StoreError, connect, row_counts

__all__ = ["StoreError", "connect", "row_counts"]
