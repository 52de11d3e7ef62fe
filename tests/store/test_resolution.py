"""Entity ids across articles: aliases merge, and a later acronym definition reaches
articles ingested before it (the settle pass), whatever the order."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from kbfixtures import RECORDS, TableResolver, actor, ingest_records, side

from bellum.article import Article
from bellum.store.ingest import ingest_articles
from bellum.store.sqlite import connect


def test_mojwa_and_mujao_are_one_actor_in_both_battles(tmp_path: Path) -> None:
    ingest_records(tmp_path / "kb.db")
    conn = connect(tmp_path / "kb.db")
    rows = conn.execute(
        "SELECT battle_id, name, actor_id FROM side_actors WHERE name='MOJWA' ORDER BY battle_id"
    ).fetchall()
    assert [(r[0], r[2]) for r in rows] == [
        ("battle-of-in-delimane-2012", "mujao"),
        ("battle-of-in-khalil", "mujao"),
    ]
    src = conn.execute("SELECT DISTINCT source_actor_id FROM claims WHERE source='MUJAO'")
    assert [r[0] for r in src] == ["mujao"]


def test_omar_and_oumar_ould_hamaha_are_one_person_with_two_battles(tmp_path: Path) -> None:
    ingest_records(tmp_path / "kb.db")
    conn = connect(tmp_path / "kb.db")
    rows = conn.execute(
        "SELECT person_id, count(DISTINCT battle_id) FROM side_commanders "
        "WHERE name LIKE '%Ould Hamaha' GROUP BY person_id"
    ).fetchall()
    assert [tuple(r) for r in rows] == [("omar-ould-hamaha", 2)]


def _only_acronym(article: Article) -> dict[str, Any]:
    """An article naming a group by its bare acronym, which it never defines."""
    rec = copy.deepcopy(RECORDS["Mali War"])
    rec["title"] = article.title
    rec["kind"] = "battle"
    rec["sides"] = [side(1, [actor("TXG")], []), side(2, [actor("MNLA")], [])]
    return rec


def _defines(article: Article) -> dict[str, Any]:
    rec = copy.deepcopy(RECORDS["Mali War"])
    rec["title"] = article.title
    rec["kind"] = "battle"
    rec["sides"] = [side(1, [actor("Tessalit Garrison", "TXG")], [])]
    return rec


def test_a_later_acronym_definition_reaches_earlier_articles(tmp_path: Path) -> None:
    early = Article(title="Battle A", source="a.txt", format="plaintext")
    late = Article(title="Battle B", source="b.txt", format="plaintext")

    def extract(a: Article) -> dict[str, Any]:
        return _only_acronym(a) if a.title == "Battle A" else _defines(a)

    ingest_articles([early], tmp_path / "kb.db", extract=extract, resolver_factory=TableResolver)
    before = (
        connect(tmp_path / "kb.db").execute("SELECT actor_id FROM side_actors WHERE name='TXG'").fetchone()[0]
    )
    assert before == "txg"
    ingest_articles([late], tmp_path / "kb.db", extract=extract, resolver_factory=TableResolver)
    conn = connect(tmp_path / "kb.db")
    ids = {r[0] for r in conn.execute("SELECT actor_id FROM side_actors WHERE side_idx=1")}
    assert len(ids) == 1  # TXG in Battle A now has the id of "Tessalit Garrison"
    assert conn.execute("SELECT count(*) FROM actors").fetchone()[0] == 2  # + MNLA


def test_every_alias_row_points_at_an_existing_entity(tmp_path: Path) -> None:
    ingest_records(tmp_path / "kb.db")
    conn = connect(tmp_path / "kb.db")
    for kind, table in (
        ("actor", "actors"),
        ("person", "persons"),
        ("place", "places"),
        ("conflict", "conflicts"),
    ):
        orphans = conn.execute(
            f"SELECT name FROM aliases WHERE kind=? AND entity_id NOT IN (SELECT id FROM {table})", (kind,)
        ).fetchall()
        assert orphans == []
