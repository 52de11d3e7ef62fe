"""Acceptance with the real pipeline: the seeds (bellum/examples) and ../shared/corpus."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import schema_errors
from kbfixtures import pipeline_works

from bellum.store import export, query
from bellum.store.ingest import ingest
from bellum.store.sqlite import connect, row_counts

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "bellum" / "examples"

pytestmark = pytest.mark.skipif(not pipeline_works(), reason="the field readers cannot read the seeds yet")


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("seeds") / "kb.db"
    summary = ingest([str(EXAMPLES)], db, progress=False)
    assert (summary.new, summary.failed) == (2, 0)
    return db


def test_mojwa_mujao_is_one_actor_in_both_seed_battles(seeds_db: Path) -> None:
    data = query.actor(connect(seeds_db), "MUJAO")
    assert data is not None and data["id"] == "mujao"
    assert {b["title"] for b in data["battles"]} == {"Battle of In-Delimane (2012)", "Battle of In Khalil"}
    assert "MOJWA" in data["aliases"]


def test_omar_and_oumar_ould_hamaha_are_one_person_with_two_battles(seeds_db: Path) -> None:
    conn = connect(seeds_db)
    omar, oumar = query.person(conn, "Omar Ould Hamaha"), query.person(conn, "Oumar Ould Hamaha")
    assert omar is not None and omar == oumar
    assert [b["as_written"] for b in omar["battles"]] == ["Omar Ould Hamaha", "Oumar Ould Hamaha"]


def test_show_in_delimane_has_five_casualty_claims_and_views_per_side(seeds_db: Path) -> None:
    conn = connect(seeds_db)
    bid = query.find_battle(conn, "Battle of In-Delimane")
    page = query.battle(conn, bid or "")
    assert page is not None
    losses = [
        (c["side_idx"], c["source"]) for s in page["sides"] for c in s["claims"] if c["origin"] == "losses"
    ]
    assert losses == [(1, "MNLA"), (1, "MUJAO"), (2, "MUJAO"), (2, "MNLA"), (2, "ICRC")]
    killed = {v["side_idx"]: v for v in page["views"] if v["category"] == "killed" and v["scope"] == "side"}
    assert set(killed) == {1, 2}
    for v in killed.values():
        assert v["low"] is not None and v["best"] is not None and v["claim_ids"]


def test_show_command_prints_sources_and_reconciled_figures(seeds_db: Path) -> None:
    code = (
        "import typer, sys; from bellum.cli_kb import register; app = typer.Typer(); "
        "register(app); app.callback()(lambda: None); app()"
    )
    r = subprocess.run(
        [sys.executable, "-c", code, "show", "Battle of In-Delimane", "--db", str(seeds_db)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        env={**os.environ, "COLUMNS": "220"},
    )
    assert r.returncode == 0, r.stderr
    for text in (
        "(according to the MNLA)",
        "(according to MUJAO)",
        "(according to the ICRC)",
        "Reconciled (low / best / high)",
    ):
        assert text in r.stdout


def test_jsonl_export_of_real_records_validates(seeds_db: Path) -> None:
    recs = list(export.records(connect(seeds_db)))
    assert len(recs) == 2
    for rec in recs:
        assert schema_errors(rec) == []
    ids = {a["name"]: a["id"] for r in recs for s in r["sides"] for a in s["belligerents"]}
    assert ids["MOJWA"] == "mujao"


def test_corpus_plus_seeds_twice_gives_the_rows_of_once(shared_dir: Path, tmp_path: Path) -> None:
    inputs = [str(shared_dir / "corpus" / "articles"), str(EXAMPLES)]
    once = tmp_path / "once.db"
    first = ingest(inputs, once, progress=False)
    assert first.failed == 0
    counts = row_counts(connect(once))
    again = ingest(inputs, once, progress=False)
    assert again.new == again.changed == 0
    assert row_counts(connect(once)) == counts
    twice = tmp_path / "twice.db"
    ingest(inputs + inputs, twice, progress=False)
    assert row_counts(connect(twice)) == counts
    distinct = connect(once).execute("SELECT count(DISTINCT title) FROM battles").fetchone()[0]
    assert counts["battles"] == distinct == 63  # In-Delimane and In Khalil: seeds win
    assert (again.unchanged, again.duplicate) == (63, 2)
