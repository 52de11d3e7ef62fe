"""`bellum search TEXT`: FTS5 over titles, names and prose; any user text is safe."""

from __future__ import annotations

from pathlib import Path

import pytest
from kbfixtures import RECORDS, TableResolver, article_for, fake_extract

from bellum.store import query
from bellum.store.ingest import ingest_articles
from bellum.store.sqlite import connect


@pytest.fixture()
def conn(tmp_path: Path):  # type: ignore[no-untyped-def]
    arts = [
        article_for(
            r, prose="A convoy of pickups crossed the dunes at dawn." if t == "Battle of In Khalil" else ""
        )
        for t, r in RECORDS.items()
    ]
    ingest_articles(arts, tmp_path / "kb.db", extract=fake_extract, resolver_factory=TableResolver)
    c = connect(tmp_path / "kb.db")
    yield c
    c.close()


def titles(hits: list[dict[str, object]]) -> list[object]:
    return [h["title"] for h in hits]


def test_names_titles_and_prose_are_searchable(conn) -> None:  # type: ignore[no-untyped-def]
    assert titles(query.search(conn, "Belmokhtar")) == ["Battle of In-Delimane (2012)"]
    assert titles(query.search(conn, "pickups dunes")) == ["Battle of In Khalil"]
    assert "Battle of In Khalil" in titles(query.search(conn, "khalil"))


def test_search_ignores_accents_and_completes_the_last_word(conn) -> None:  # type: ignore[no-untyped-def]
    assert titles(query.search(conn, "Menaka")) == ["Battle of In-Delimane (2012)"]
    assert titles(query.search(conn, "Belmokh")) == ["Battle of In-Delimane (2012)"]


def test_title_matches_rank_before_prose_matches(conn) -> None:  # type: ignore[no-untyped-def]
    hits = query.search(conn, "Mali War")
    assert hits[0]["title"] == "Mali War"


@pytest.mark.parametrize("hostile", ['"', "AND OR NOT", "title:x", "(((", "*", "a\"b'c", "-"])
def test_operators_and_quotes_in_user_text_never_raise(conn, hostile: str) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(query.search(conn, hostile), list)
