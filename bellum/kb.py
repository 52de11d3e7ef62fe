"""The Python API of the knowledge base: `kb = bellum.open("bellum.db")`.

    >>> kb = bellum.open("bellum.db")
    >>> [b["title"] for b in kb.battles(actor="MUJAO")]
    ['Battle of In-Delimane (2012)', 'Battle of In Khalil']
    >>> kb.person("Oumar Ould Hamaha")["id"]
    'omar-ould-hamaha'

Results are plain dicts (the same the CLI's `--json` prints); `to_pandas()` gives a table.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import TracebackType
from typing import Any

from bellum.store import export, query
from bellum.store.sqlite import connect


class KnowledgeBase:
    """An open knowledge base (read side); close it or use it as a context manager."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.conn: sqlite3.Connection = connect(self.path, create=False)

    def close(self) -> None:
        """Close the database connection."""
        self.conn.close()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        n = self.conn.execute("SELECT count(*) FROM battles").fetchone()[0]
        return f"<bellum KB {self.path} ({n} battles)>"

    def battles(
        self,
        conflict: str | None = None,
        actor: str | None = None,
        person: str | None = None,
        *,
        country: str | None = None,
        kind: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Battle summaries, filtered: `kb.battles(conflict="Mali War", since="2013")`.

        `conflict` includes sub-conflicts; names match any alias (`MOJWA` finds MUJAO's)."""
        return query.battles(
            self.conn,
            conflict=conflict,
            actor=actor,
            person=person,
            country=country,
            kind=kind,
            since=since,
            until=until,
            limit=limit,
        )

    def battle(self, title: str) -> dict[str, Any] | None:
        """One battle's full page (`kb.battle("Battle of In-Delimane")`, prefix/fuzzy title)."""
        bid = query.find_battle(self.conn, title)
        return None if bid is None else query.battle(self.conn, bid)

    def actor(self, name: str) -> dict[str, Any] | None:
        """An actor and its battles across spellings (`kb.actor("MOJWA")`)."""
        return query.actor(self.conn, name)

    def person(self, name: str) -> dict[str, Any] | None:
        """A commander and their battles, sides and fates (`kb.person("Omar Ould Hamaha")`)."""
        return query.person(self.conn, name)

    def conflict(self, name: str) -> dict[str, Any] | None:
        """The part-of tree around a conflict (`kb.conflict("Northern Mali conflict")`)."""
        return query.conflict(self.conn, name)

    def search(self, text: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over titles, names and prose (`kb.search("Hamaha")`)."""
        return query.search(self.conn, text, limit=limit)

    def why_same(self, a: str, b: str, kind: str | None = None) -> dict[str, Any] | None:
        """Why `a` and `b` are one entity, or None (`kb.why_same("MOJWA", "MUJAO")`)."""
        return query.why_same(self.conn, a, b, kind)

    def records(self) -> list[dict[str, Any]]:
        """Every battle as an extraction record with the KB's resolved ids."""
        return list(export.records(self.conn))

    def to_pandas(self, table: str = "battles") -> Any:
        """A pandas DataFrame: `battles` (one flat row per battle, as the CSV export), `ged`
        (UCDP GED columns), or any table of the database by name (`claims`, `figures`...)."""
        try:
            import pandas as pd
        except ImportError:
            raise ImportError("to_pandas() needs pandas: pip install pandas (or bellum[pandas])") from None
        if table == "battles":
            columns, rows = export.flat_rows(self.conn)
            return pd.DataFrame(rows, columns=columns)
        if table == "ged":
            return pd.DataFrame(export.ged_rows(self.conn), columns=list(export.GED_COLUMNS))
        names = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if table not in names:
            raise ValueError(f"no table {table!r}; one of battles, ged, {', '.join(sorted(names))}")
        cur = self.conn.execute(f'SELECT * FROM "{table}"')
        return pd.DataFrame([tuple(r) for r in cur.fetchall()], columns=[d[0] for d in cur.description])


def open(path: str | Path) -> KnowledgeBase:
    """Open an existing knowledge base made by `bellum ingest` (raises StoreError if none)."""
    return KnowledgeBase(path)
