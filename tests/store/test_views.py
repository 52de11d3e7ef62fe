"""Reconciled low/best/high per battle, side and category, traceable to claim ids."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from kbfixtures import RECORDS, TableResolver, article_for, ingest_records

from bellum.store.ingest import ingest_articles
from bellum.store.sqlite import connect

pytest.importorskip("bellum.reconcile")


def test_views_are_stored_per_side_and_category_and_point_at_their_claims(tmp_path: Path) -> None:
    ingest_records(tmp_path / "kb.db")
    conn = connect(tmp_path / "kb.db")
    rows = conn.execute(
        "SELECT id, side_idx, scope, category, low, best, high, rule, claim_ids FROM views "
        "WHERE battle_id='battle-of-in-delimane-2012' AND category='killed'"
    ).fetchall()
    by_side = {(r["side_idx"], r["scope"]): r for r in rows}
    side2 = by_side[(2, "side")]
    assert (side2["low"], side2["best"], side2["high"]) == (3, 17, 65)
    assert "own" in side2["rule"]  # MUJAO's count of its own losses: source_side resolved
    claims = json.loads(side2["claim_ids"])
    texts = [conn.execute("SELECT source FROM claims WHERE id=?", (c,)).fetchone()[0] for c in claims]
    assert texts == ["MUJAO", "MNLA", "ICRC"]
    linked = {r[0] for r in conn.execute("SELECT claim_id FROM view_claims WHERE view_id=?", (side2["id"],))}
    assert linked == set(claims)
    overall = by_side[(None, "overall")]
    assert overall["low"] == 117 and overall["high"] is None


def test_views_follow_a_changed_article(tmp_path: Path) -> None:
    ingest_records(tmp_path / "kb.db")
    title = "Battle of In-Delimane (2012)"
    fewer = copy.deepcopy(RECORDS[title])
    fewer["sides"][1]["losses"] = fewer["sides"][1]["losses"][:1]  # MUJAO's own count only
    ingest_articles(
        [article_for(RECORDS[title], version=" v2")],
        tmp_path / "kb.db",
        extract=lambda a: copy.deepcopy(fewer),
        resolver_factory=TableResolver,
    )
    conn = connect(tmp_path / "kb.db")
    row = conn.execute(
        "SELECT low, best, high, claim_ids FROM views WHERE battle_id=? AND side_idx=2 AND category='killed'",
        ("battle-of-in-delimane-2012",),
    ).fetchone()
    assert (row[0], row[1], row[2]) == (3, 3, 3)
    assert len(json.loads(row[3])) == 1
    orphan = conn.execute("SELECT count(*) FROM view_claims WHERE claim_id NOT IN (SELECT id FROM claims)")
    assert orphan.fetchone()[0] == 0
