"""A changed article replaces its rows (in one transaction); the others stay untouched."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from kbfixtures import RECORDS, TableResolver, article_for, fake_extract, ingest_records

from bellum.article import Article
from bellum.store.ingest import ingest_articles
from bellum.store.sqlite import connect


def test_changed_article_replaces_its_claims_and_keeps_the_rest(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    ingest_records(db)
    title = "Battle of In-Delimane (2012)"
    fewer = copy.deepcopy(RECORDS[title])
    fewer["sides"][1]["losses"] = fewer["sides"][1]["losses"][:1]  # drop MNLA's and ICRC's

    def extract(article: Article) -> dict[str, Any]:
        return copy.deepcopy(fewer) if article.title == title else fake_extract(article)

    summary = ingest_articles(
        [article_for(r, version=" v2" if t == title else "") for t, r in RECORDS.items()],
        db,
        extract=extract,
        resolver_factory=TableResolver,
    )
    assert (summary.new, summary.changed, summary.unchanged) == (0, 1, 3)
    conn = connect(db)
    sources = [
        r[0]
        for r in conn.execute(
            "SELECT source FROM claims WHERE battle_id='battle-of-in-delimane-2012' AND side_idx=2 "
            "AND origin='losses'"
        )
    ]
    assert sources == ["MUJAO"]
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 4
    assert conn.execute("SELECT count(*) FROM search").fetchone()[0] == 4
    khalil = conn.execute("SELECT count(*) FROM claims WHERE battle_id='battle-of-in-khalil'")
    assert khalil.fetchone()[0] == 3


def test_entities_nobody_refers_to_any_more_are_dropped(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    ingest_records(db, "Battle of In Khalil")
    title = "Battle of In Khalil"
    renamed = copy.deepcopy(RECORDS[title])
    renamed["sides"][1]["commanders"] = [{"name": "Someone Else", "id": "x", "fate": None}]
    ingest_articles(
        [article_for(RECORDS[title], version=" v2")],
        db,
        extract=lambda a: copy.deepcopy(renamed),
        resolver_factory=TableResolver,
    )
    conn = connect(db)
    persons = {r[0] for r in conn.execute("SELECT name FROM persons")}
    assert "Boubacar Taleb" not in persons
    assert "Someone Else" in persons
    assert conn.execute("SELECT count(*) FROM aliases WHERE name='Boubacar Taleb'").fetchone()[0] == 0


def test_a_full_ingest_after_a_fields_only_one_replaces_every_article_cleanly(
    tmp_path: Path, shared_dir: Path
) -> None:
    # The whole corpus changes (the prose is now read) and settle moves ids again: every
    # row must still point where its alias points (this once failed a FOREIGN KEY check).
    from bellum.store.ingest import ingest

    db = tmp_path / "kb.db"
    paths = [str(shared_dir / "corpus" / "articles"), str(shared_dir / "seeds")]
    ingest(paths, db, progress=False, prose=False, workers=1)
    summary = ingest(paths, db, progress=False, prose=True, workers=1)
    assert summary.failed == 0 and summary.changed > 0
    conn = connect(db)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    stale = conn.execute(
        "SELECT count(*) FROM side_actors s JOIN aliases a ON a.kind='actor' AND a.name=s.name "
        "WHERE s.actor_id != a.entity_id"
    ).fetchone()[0]
    assert stale == 0
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] > 0  # the prose is in
