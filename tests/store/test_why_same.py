"""`bellum why-same A B`: the resolver's chain of reasons, with the KB's ids."""

from __future__ import annotations

from pathlib import Path

import pytest
from kbfixtures import ingest_records

from bellum.store import query
from bellum.store.sqlite import connect

pytest.importorskip("bellum.resolve.entities")


def _kb(tmp_path: Path):  # type: ignore[no-untyped-def]
    from bellum.resolve.entities import Resolver

    ingest_records(tmp_path / "kb.db", resolver=Resolver)
    return connect(tmp_path / "kb.db")


def test_alias_table_link_is_explained_with_the_merged_id(tmp_path: Path) -> None:
    data = query.why_same(_kb(tmp_path), "MOJWA", "Movement for Oneness and Jihad in West Africa")
    assert data is not None
    assert data["id_a"] == data["id_b"] == "mujao"
    assert any("alias table" in step for step in data["steps"])


def test_acronym_defined_in_an_article_is_a_stored_reason(tmp_path: Path) -> None:
    conn = _kb(tmp_path)
    reasons = [r[0] for r in conn.execute("SELECT reason FROM resolution_links")]
    assert any("Arab Movement of Azawad (MAA)" in r for r in reasons)
    data = query.why_same(conn, "MAA", "Arab Movement of Azawad", "actor")
    assert data is not None and data["id_a"] == data["id_b"]


def test_different_entities_have_no_explanation(tmp_path: Path) -> None:
    assert query.why_same(_kb(tmp_path), "MNLA", "AQIM", "actor") is None
