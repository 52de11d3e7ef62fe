"""`bellum actor NAME` / `bellum person NAME`: battles, sides, fates across spellings."""

from __future__ import annotations

from pathlib import Path

import pytest
from kbfixtures import ingest_records

from bellum.store import query
from bellum.store.sqlite import connect


@pytest.fixture()
def conn(tmp_path: Path):  # type: ignore[no-untyped-def]
    ingest_records(tmp_path / "kb.db")
    c = connect(tmp_path / "kb.db")
    yield c
    c.close()


@pytest.mark.parametrize("name", ["MOJWA", "MUJAO", "mojwa", "Movement for Oneness and Jihad in West Africa"])
def test_actor_by_any_of_its_names(conn, name: str) -> None:  # type: ignore[no-untyped-def]
    data = query.actor(conn, name)
    assert data is not None and data["id"] == "mujao" and data["name"] == "MUJAO"
    assert [(b["title"], b["side"], b["victor"]) for b in data["battles"]] == [
        ("Battle of In-Delimane (2012)", 2, True),
        ("Battle of In Khalil", 3, False),
    ]


@pytest.mark.parametrize("name", ["Omar Ould Hamaha", "Oumar Ould Hamaha", "oumar ould hamaha"])
def test_person_across_spellings_with_sides_and_allies(conn, name: str) -> None:  # type: ignore[no-untyped-def]
    data = query.person(conn, name)
    assert data is not None and data["id"] == "omar-ould-hamaha"
    assert data["aliases"] == ["Omar Ould Hamaha", "Oumar Ould Hamaha"]
    assert [(b["battle_id"], b["side"], b["as_written"]) for b in data["battles"]] == [
        ("battle-of-in-delimane-2012", 2, "Omar Ould Hamaha"),
        ("battle-of-in-khalil", 3, "Oumar Ould Hamaha"),
    ]
    assert data["battles"][0]["allies"] == ["MUJAO", "AQIM"]


def test_person_fate_is_reported(conn) -> None:  # type: ignore[no-untyped-def]
    data = query.person(conn, "Abu Dardar")
    assert data is not None and data["battles"][0]["fate"] == "killed"


def test_unknown_names_give_nothing(conn) -> None:  # type: ignore[no-untyped-def]
    assert query.actor(conn, "Roman Legion") is None
    assert query.person(conn, "Julius Caesar") is None
