"""`bellum show TITLE`: finding the battle (exact, prefix, case, fuzzy) and its page."""

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


@pytest.mark.parametrize(
    ("asked", "found"),
    [
        ("Battle of In-Delimane (2012)", "battle-of-in-delimane-2012"),
        ("Battle of In-Delimane", "battle-of-in-delimane-2012"),  # prefix
        ("battle of in khalil", "battle-of-in-khalil"),  # case
        ("battle-of-in-khalil", "battle-of-in-khalil"),  # id
        ("Batle of In Kalil", "battle-of-in-khalil"),  # fuzzy
        ("In-Delimane", "battle-of-in-delimane-2012"),  # words of the title
        ("Battle of Hastings", None),
        ("", None),
    ],
)
def test_find_battle(conn, asked: str, found: str | None) -> None:  # type: ignore[no-untyped-def]
    assert query.find_battle(conn, asked) == found


def test_page_has_sides_commanders_fates_and_every_claim_with_its_source(conn) -> None:  # type: ignore[no-untyped-def]
    page = query.battle(conn, "battle-of-in-delimane-2012")
    assert page is not None
    side1, side2 = page["sides"]
    assert side2["victor"] and not side1["victor"]
    assert [a["id"] for a in side2["belligerents"]] == ["mujao", "aqim"]
    assert {"name": "Abu Dardar", "id": "abu-dardar", "person": "Abu Dardar", "fate": "killed"} in side2[
        "commanders"
    ]
    losses = [
        (c["side_idx"], c["source"]) for s in page["sides"] for c in s["claims"] if c["origin"] == "losses"
    ]
    assert losses == [(1, "MNLA"), (1, "MUJAO"), (2, "MUJAO"), (2, "MNLA"), (2, "ICRC")]
    assert page["other_claims"][0]["figures"][0]["bound"] == "at_least"
    assert page["prose_claims"][0]["date"] == "2012-11-17"
    assert page["place"]["relation"] == "between"
    assert page["date"]["date_prec"] == 1
    assert page["conflicts"] == [{"id": "mali-war", "name": "Mali War", "as_written": "Malian Civil War"}]
    assert page["events"][0]["actors"] == ["MUJAO"]
    assert page["flags"][0]["field"] == "casualties3"


def test_unknown_battle_has_no_page(conn) -> None:  # type: ignore[no-untyped-def]
    assert query.battle(conn, "no-such-battle") is None
    assert query.suggest_battles(conn, "Battle of In Kalil")[0] == "Battle of In Khalil"
