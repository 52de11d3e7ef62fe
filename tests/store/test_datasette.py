"""The knowledge base opens in Datasette as it is (README: `datasette bellum.db`)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from helpers import EXAMPLES

from bellum.store.ingest import ingest

datasette_app = pytest.importorskip("datasette.app")


async def _get(db: Path, path: str) -> Any:
    ds = datasette_app.Datasette([str(db)])
    response = await ds.client.get(path)
    assert response.status_code == 200, response.text
    return response.json()


def test_datasette_serves_battles_and_claims_of_the_seeds(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    ingest([str(EXAMPLES)], db, progress=False)
    battles = asyncio.run(_get(db, "/kb/battles.json?_shape=array"))
    assert sorted(b["title"] for b in battles) == ["Battle of In Khalil", "Battle of In-Delimane (2012)"]
    sql = "select count(*) as n from claims"
    [row] = asyncio.run(_get(db, f"/kb.json?sql={sql.replace(' ', '+')}&_shape=array"))
    assert row["n"] > 10  # infobox and prose claims, with their sources, are plain rows
