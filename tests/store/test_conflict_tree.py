"""`bellum conflict NAME`: part-of strings become a tree with parent links from the
conflict articles' own part_of, battles under their conflict."""

from __future__ import annotations

from pathlib import Path

from kbfixtures import ingest_records

from bellum.store import query
from bellum.store.sqlite import connect


def test_tree_from_the_top_has_sub_conflicts_and_battles(tmp_path: Path) -> None:
    ingest_records(tmp_path / "kb.db")
    conn = connect(tmp_path / "kb.db")
    data = query.conflict(conn, "War on terror")
    assert data is not None and data["ancestors"] == []
    (maghreb,) = data["tree"]["children"]
    assert maghreb["name"] == "Insurgency in the Maghreb" and maghreb["battles"] == []
    (mali,) = maghreb["children"]
    assert mali["id"] == "mali-war"  # "the Malian Civil War", "Northern Mali conflict": aliases
    assert mali["battle_id"] == "mali-war"
    assert [b["title"] for b in mali["battles"]] == ["Battle of In-Delimane (2012)", "Battle of In Khalil"]


def test_ancestors_of_a_sub_conflict_named_by_an_alias(tmp_path: Path) -> None:
    ingest_records(tmp_path / "kb.db")
    data = query.conflict(connect(tmp_path / "kb.db"), "Northern Mali conflict")
    assert data is not None and data["name"] == "Mali War"
    assert [a["name"] for a in data["ancestors"]] == ["War on terror", "Insurgency in the Maghreb"]


def test_without_the_conflict_articles_there_are_no_parent_links(tmp_path: Path) -> None:
    ingest_records(tmp_path / "kb.db", "Battle of In Khalil", "Battle of In-Delimane (2012)")
    conn = connect(tmp_path / "kb.db")
    data = query.conflict(conn, "Malian Civil War")
    assert data is not None and data["ancestors"] == [] and data["tree"]["children"] == []
    assert len(data["tree"]["battles"]) == 2
    parents = conn.execute("SELECT count(*) FROM conflicts WHERE parent_id IS NOT NULL")
    assert parents.fetchone()[0] == 0


def test_battles_filter_by_conflict_includes_sub_conflicts(tmp_path: Path) -> None:
    ingest_records(tmp_path / "kb.db")
    conn = connect(tmp_path / "kb.db")
    got = [b["title"] for b in query.battles(conn, conflict="Insurgency in the Maghreb")]
    assert got == ["Battle of In-Delimane (2012)", "Battle of In Khalil", "Mali War"]
