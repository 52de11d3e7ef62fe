"""`bellum export`: jsonl (schema-valid, KB ids), csv, geojson, ged columns, parquet."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from helpers import schema_errors
from kbfixtures import ingest_records

from bellum.store.export import GED_COLUMNS, ExportError, export
from bellum.store.sqlite import connect


@pytest.fixture()
def conn(tmp_path: Path):  # type: ignore[no-untyped-def]
    ingest_records(tmp_path / "kb.db")
    c = connect(tmp_path / "kb.db")
    yield c
    c.close()


def run(conn, fmt: str) -> str:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    export(conn, fmt, out)
    return out.getvalue()


def test_jsonl_records_validate_and_every_alias_carries_the_merged_id(conn) -> None:  # type: ignore[no-untyped-def]
    recs = [json.loads(line) for line in run(conn, "jsonl").splitlines()]
    assert len(recs) == 4
    for rec in recs:
        assert schema_errors(rec) == [], rec["title"]
    by_title = {r["title"]: r for r in recs}
    delimane, khalil = by_title["Battle of In-Delimane (2012)"], by_title["Battle of In Khalil"]
    assert delimane["sides"][1]["belligerents"][0]["id"] == "mujao"  # written MOJWA
    assert khalil["sides"][2]["belligerents"][0]["id"] == "mujao"
    assert khalil["sides"][2]["commanders"][0] == {
        "name": "Oumar Ould Hamaha",
        "id": "omar-ould-hamaha",
        "fate": None,
    }
    assert delimane["kb"]["conflict_ids"] == ["mali-war"]
    claim_ids = {v_id for v in delimane["kb"]["views"] for v_id in v["claim_ids"]}
    assert claim_ids and all(c.startswith("battle-of-in-delimane-2012#") for c in claim_ids)


def test_csv_has_one_flat_row_per_battle_with_side_columns(conn) -> None:  # type: ignore[no-untyped-def]
    rows = list(csv.DictReader(io.StringIO(run(conn, "csv"))))
    assert len(rows) == 4
    row = next(r for r in rows if r["id"] == "battle-of-in-khalil")
    assert row["side_3"] == "MUJAO; Ansar al-Sharia (Mali)"
    assert row["side_3_ids"] == "mujao; ansar-al-sharia-mali"
    assert row["date_start"] == "2013-02-22" and row["date_prec"] == "2"
    assert row["side_1_commanders"] == "Bilal Ag Acherif"


def test_geojson_has_points_in_lon_lat_order_for_battles_with_coordinates(conn) -> None:  # type: ignore[no-untyped-def]
    fc = json.loads(run(conn, "geojson"))
    assert fc["type"] == "FeatureCollection"
    points = {f["id"]: f["geometry"]["coordinates"] for f in fc["features"]}
    assert points == {"battle-of-in-delimane-2012": [1.45, 15.79], "battle-of-in-khalil": [-4.0, 17.0]}


def test_ged_uses_ucdp_column_names_and_side_deaths(conn) -> None:  # type: ignore[no-untyped-def]
    reader = csv.DictReader(io.StringIO(run(conn, "ged")))
    assert tuple(reader.fieldnames or ()) == GED_COLUMNS
    row = next(r for r in reader if r["id"] == "battle-of-in-delimane-2012")
    assert row["side_a"] == "MNLA" and row["side_b"] == "MUJAO; AQIM"
    assert row["where_prec"] == "5" and row["country"] == "ML" and row["year"] == "2012"
    if row["deaths_b"]:  # views exist once bellum.reconcile is installed
        assert row["deaths_b"] == "17"  # the ICRC's count: the neutral source
        assert int(row["best"]) >= 117  # the overall count is at least 117
        assert row["high"] == ""  # ... with no upper end, so the total has none either


def test_parquet_needs_an_output_file(conn) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ExportError, match="-o FILE"):
        export(conn, "parquet", io.StringIO())


def test_parquet_without_pyarrow_says_what_to_install(conn, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    try:
        import pyarrow.parquet as pq
    except ImportError:
        with pytest.raises(ExportError, match="pip install pyarrow"):
            export(conn, "parquet", None, tmp_path / "kb.parquet")
        return
    export(conn, "parquet", None, tmp_path / "kb.parquet")
    assert pq.read_table(tmp_path / "kb.parquet").num_rows == 4


def test_unknown_format_is_refused(conn) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ExportError, match="unknown format"):
        export(conn, "xml", io.StringIO())
