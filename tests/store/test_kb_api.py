"""The Python API: `bellum.kb.open(path)` and its queries."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from kbfixtures import ingest_records

from bellum import kb
from bellum.store.sqlite import StoreError


@pytest.fixture()
def base(tmp_path: Path):  # type: ignore[no-untyped-def]
    ingest_records(tmp_path / "kb.db")
    with kb.open(tmp_path / "kb.db") as k:
        yield k


def titles(rows: list[dict[str, object]]) -> list[object]:
    return [r["title"] for r in rows]


def test_battles_filtered_by_actor_person_conflict_and_dates(base) -> None:  # type: ignore[no-untyped-def]
    both = ["Battle of In-Delimane (2012)", "Battle of In Khalil"]
    assert titles(base.battles(actor="MOJWA")) == both
    assert titles(base.battles(actor="Movement for Oneness and Jihad in West Africa")) == both
    assert titles(base.battles(person="Oumar Ould Hamaha")) == both
    assert titles(base.battles(conflict="Northern Mali conflict")) == both
    assert titles(base.battles(since="2013")) == ["Battle of In Khalil"]
    assert titles(base.battles(until="2012-12-31")) == ["Battle of In-Delimane (2012)"]
    assert titles(base.battles(country="ml", kind="battle")) == both
    assert titles(base.battles(actor="Nobody at all")) == []
    assert len(base.battles(limit=1)) == 1


def test_battle_actor_person_by_loose_names(base) -> None:  # type: ignore[no-untyped-def]
    page = base.battle("battle of in-delimane")
    assert page is not None and page["id"] == "battle-of-in-delimane-2012"
    assert base.actor("mujao")["id"] == "mujao"
    assert len(base.person("Omar Ould Hamaha")["battles"]) == 2
    assert base.battle("Battle of Waterloo") is None
    assert base.search("Hamaha")[0]["battle_id"].startswith("battle-of-in-")


def test_records_are_the_jsonl_export(base) -> None:  # type: ignore[no-untyped-def]
    recs = base.records()
    assert [r["id"] for r in recs] == sorted(r["id"] for r in recs)
    assert len(recs) == 4


def test_to_pandas_needs_pandas(base) -> None:  # type: ignore[no-untyped-def]
    if importlib.util.find_spec("pandas") is None:
        with pytest.raises(ImportError, match="pip install pandas"):
            base.to_pandas()
        return
    df = base.to_pandas()
    assert len(df) == 4 and "side_1_ids" in df.columns
    assert len(base.to_pandas("claims")) == 12


def test_opening_a_missing_database_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        kb.open(tmp_path / "nothing.db")
