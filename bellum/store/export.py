"""`bellum export`: the knowledge base as JSON lines, CSV, GeoJSON, Parquet or UCDP GED columns.

- jsonl: one extraction record per battle (the schema's shape) with the KB's resolved ids:
  every alias carries the merged id (`MOJWA` -> `mujao`), plus a `kb` key (conflict ids,
  reconciled views with their claim ids).
- csv / parquet: one flat row per battle (`flat_rows`).
- geojson: a FeatureCollection of the battles that have coordinates.
- ged: UCDP GED column names where they apply (`ged_rows`); deaths are `killed` views only.
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

_YEAR = re.compile(r"-?\d{4}")

FORMATS = ("jsonl", "csv", "geojson", "parquet", "ged")

GED_COLUMNS = (
    "id",
    "year",
    "conflict_name",
    "dyad_name",
    "side_a",
    "side_a_id",
    "side_b",
    "side_b_id",
    "side_other",
    "date_start",
    "date_end",
    "date_prec",
    "where_description",
    "latitude",
    "longitude",
    "geom_wkt",
    "where_prec",
    "country",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "low",
    "best",
    "high",
    "source_article",
    "source_original",
)
"""UCDP GED 23.1 names (id .. high) plus side_other for a third side GED has no column for."""


class ExportError(Exception):
    """An export that cannot be made (a missing optional dependency, a bad format)."""


def _battle_ids(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT id FROM battles ORDER BY id")]


def _side_names(conn: sqlite3.Connection) -> dict[str, dict[int, list[tuple[str, str]]]]:
    """battle -> side -> [(actor display name, actor id)] in infobox order."""
    out: dict[str, dict[int, list[tuple[str, str]]]] = {}
    for bid, idx, name, aid in conn.execute(
        "SELECT s.battle_id, s.side_idx, a.name, s.actor_id FROM side_actors s "
        "JOIN actors a ON a.id=s.actor_id ORDER BY s.battle_id, s.side_idx, s.pos"
    ):
        out.setdefault(bid, {}).setdefault(idx, []).append((name, aid))
    return out


def _commanders(conn: sqlite3.Connection) -> dict[str, dict[int, list[str]]]:
    out: dict[str, dict[int, list[str]]] = {}
    for bid, idx, name, fate in conn.execute(
        "SELECT c.battle_id, c.side_idx, p.name, c.fate FROM side_commanders c "
        "JOIN persons p ON p.id=c.person_id ORDER BY c.battle_id, c.side_idx, c.pos"
    ):
        out.setdefault(bid, {}).setdefault(idx, []).append(f"{name} ({fate})" if fate else name)
    return out


def _conflicts(conn: sqlite3.Connection) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for bid, cid, name in conn.execute(
        "SELECT bc.battle_id, bc.conflict_id, c.name FROM battle_conflicts bc "
        "JOIN conflicts c ON c.id=bc.conflict_id ORDER BY bc.battle_id, bc.pos"
    ):
        out.setdefault(bid, []).append((cid, name))
    return out


def _killed(conn: sqlite3.Connection) -> dict[str, dict[str, tuple[int | None, ...]]]:
    """battle -> 'side N' | 'civilians' | 'overall' -> (low, best, high) of killed personnel."""
    out: dict[str, dict[str, tuple[int | None, ...]]] = {}
    for bid, side, scope, low, best, high in conn.execute(
        "SELECT battle_id, side_idx, scope, low, best, high FROM views "
        "WHERE category='killed' AND unit='personnel' ORDER BY battle_id, rowid"
    ):
        key = f"side {side}" if side is not None and scope == "side" else scope
        out.setdefault(bid, {}).setdefault(key, (low, best, high))
    return out


# --------------------------------------------------------------------------- jsonl


def records(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Each battle's extraction record with the KB's ids written into every actor and
    commander (and a `kb` key): validates against the extraction schema."""
    actor_ids = {r[0]: r[1] for r in conn.execute("SELECT name, entity_id FROM aliases WHERE kind='actor'")}
    person_ids = {r[0]: r[1] for r in conn.execute("SELECT name, entity_id FROM aliases WHERE kind='person'")}
    conflicts = _conflicts(conn)
    views: dict[str, list[dict[str, Any]]] = {}
    for r in conn.execute(
        "SELECT battle_id, side_idx, scope, category, unit, low, best, high, rule, claim_ids "
        "FROM views ORDER BY battle_id, rowid"
    ):
        views.setdefault(r[0], []).append(
            {
                "side": r[1],
                "scope": r[2],
                "category": r[3],
                "unit": r[4],
                "low": r[5],
                "best": r[6],
                "high": r[7],
                "rule": r[8],
                "claim_ids": json.loads(r[9]),
            }
        )
    places = {r[0]: r[1] for r in conn.execute("SELECT id, place_id FROM battles WHERE place_id IS NOT NULL")}
    for bid, text in conn.execute(
        "SELECT b.id, a.record FROM battles b JOIN articles a ON a.id=b.id ORDER BY b.id"
    ):
        rec: dict[str, Any] = json.loads(text)
        rec["id"] = bid
        for side in rec.get("sides") or ():
            for a in side.get("belligerents") or ():
                a["id"] = actor_ids.get(a["name"], a.get("id"))
            for c in side.get("commanders") or ():
                c["id"] = person_ids.get(c["name"], c.get("id"))
        rec["kb"] = {
            "battle_id": bid,
            "conflict_ids": [cid for cid, _ in conflicts.get(bid, [])],
            "place_id": places.get(bid),
            "views": views.get(bid, []),
        }
        yield rec


# --------------------------------------------------------------------------- flat rows


def flat_rows(conn: sqlite3.Connection) -> tuple[list[str], list[dict[str, Any]]]:
    """(columns, rows): one row per battle, sides as `side_N` / `side_N_ids` /
    `side_N_commanders` / `side_N_killed_best` columns up to the largest side index."""
    sides = _side_names(conn)
    commanders = _commanders(conn)
    conflicts = _conflicts(conn)
    killed = _killed(conn)
    top = conn.execute("SELECT max(idx) FROM sides").fetchone()[0] or 0
    columns = [
        "id", "title", "kind", "conflict", "conflict_ids", "date_text", "date_start",
        "date_end", "date_precision", "date_prec", "place", "place_id", "country",
        "latitude", "longitude", "where_prec", "result", "outcome", "victor_sides",
    ]  # fmt: skip
    for i in range(1, top + 1):
        columns += [f"side_{i}", f"side_{i}_ids", f"side_{i}_commanders", f"side_{i}_killed_best"]
    columns += ["killed_overall_best", "source"]
    rows = []
    for r in conn.execute("SELECT b.*, a.source FROM battles b JOIN articles a ON a.id=b.id ORDER BY b.id"):
        bid = r["id"]
        row: dict[str, Any] = {
            "id": bid,
            "title": r["title"],
            "kind": r["kind"],
            "conflict": "; ".join(n for _, n in conflicts.get(bid, [])),
            "conflict_ids": "; ".join(c for c, _ in conflicts.get(bid, [])),
            "date_text": r["date_text"],
            "date_start": r["date_start"],
            "date_end": r["date_end"],
            "date_precision": r["date_precision"],
            "date_prec": r["date_prec"],
            "place": r["place_text"],
            "place_id": r["place_id"],
            "country": r["country"],
            "latitude": r["latitude"],
            "longitude": r["longitude"],
            "where_prec": r["where_prec"],
            "result": r["result_text"],
            "outcome": r["outcome"],
            "victor_sides": "; ".join(str(v) for v in json.loads(r["victor_sides"] or "[]")),
            "killed_overall_best": (killed.get(bid, {}).get("overall") or (None, None))[1],
            "source": r["source"],
        }
        for i in range(1, top + 1):
            actors = sides.get(bid, {}).get(i, [])
            row[f"side_{i}"] = "; ".join(n for n, _ in actors)
            row[f"side_{i}_ids"] = "; ".join(a for _, a in actors)
            row[f"side_{i}_commanders"] = "; ".join(commanders.get(bid, {}).get(i, []))
            row[f"side_{i}_killed_best"] = (killed.get(bid, {}).get(f"side {i}") or (None, None))[1]
        rows.append(row)
    return columns, rows


def _year(date: str | None) -> int | None:
    """`2012-11-16` -> 2012; `-0047-08-09` -> -47 (astronomical); None -> None."""
    if not date:
        return None
    m = _YEAR.match(date)
    return int(m.group(0)) if m else None


def _sum(values: list[int | None]) -> int | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def ged_rows(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """One GED-style row per battle. deaths_a/b are side 1/2 `killed` bests, civilians the
    civilian-scope `killed`, deaths_unknown what an overall count has beyond those parts
    (third sides included); low/best/high are the totals (high None when any part is open:
    `at least 117` has no upper end)."""
    sides = _side_names(conn)
    conflicts = _conflicts(conn)
    killed = _killed(conn)
    out = []
    for r in conn.execute("SELECT b.*, a.source FROM battles b JOIN articles a ON a.id=b.id ORDER BY b.id"):
        bid = r["id"]
        k = killed.get(bid, {})
        bs = sides.get(bid, {})
        side_a = bs.get(1, [])
        side_b = bs.get(2, [])
        other = [a for i, acts in sorted(bs.items()) if i > 2 for a in acts]
        third = [v for key, v in k.items() if key.startswith("side ") and key[5:] not in "12"]
        parts = [p for p in (k.get("side 1"), k.get("side 2"), k.get("civilians"), *third) if p]
        low = _sum([p[0] for p in parts])
        best = _sum([p[1] for p in parts])
        high = None if any(p[2] is None for p in parts) else _sum([p[2] for p in parts])
        unknown = _sum([v[1] for v in third])
        overall = k.get("overall")
        if overall and overall[1] is not None:
            unknown = (unknown or 0) + max(0, overall[1] - (best or 0))
            best = max(best or 0, overall[1])
            low = max(low or 0, overall[0] or 0)
            high = max(high or 0, overall[2]) if overall[2] is not None and high is not None else None
        lat, lon = r["latitude"], r["longitude"]
        name_a = "; ".join(n for n, _ in side_a)
        name_b = "; ".join(n for n, _ in side_b)
        out.append(
            {
                "id": bid,
                "year": _year(r["date_start"]),
                "conflict_name": "; ".join(n for _, n in conflicts.get(bid, [])),
                "dyad_name": f"{name_a} - {name_b}" if name_a or name_b else "",
                "side_a": name_a,
                "side_a_id": "; ".join(a for _, a in side_a),
                "side_b": name_b,
                "side_b_id": "; ".join(a for _, a in side_b),
                "side_other": "; ".join(n for n, _ in other),
                "date_start": r["date_start"],
                "date_end": r["date_end"],
                "date_prec": r["date_prec"],
                "where_description": r["place_text"],
                "latitude": lat,
                "longitude": lon,
                "geom_wkt": f"POINT ({lon} {lat})" if lat is not None and lon is not None else None,
                "where_prec": r["where_prec"],
                "country": r["country"],
                "deaths_a": (k.get("side 1") or (None, None))[1],
                "deaths_b": (k.get("side 2") or (None, None))[1],
                "deaths_civilians": (k.get("civilians") or (None, None))[1],
                "deaths_unknown": unknown,
                "low": low,
                "best": best,
                "high": high,
                "source_article": r["title"],
                "source_original": r["source"],
            }
        )
    return out


def geojson(conn: sqlite3.Connection) -> dict[str, Any]:
    """A FeatureCollection of battles with coordinates (GeoJSON order: lon, lat)."""
    columns, rows = flat_rows(conn)
    del columns
    features = []
    for row in rows:
        lat, lon = row.pop("latitude"), row.pop("longitude")
        if lat is None or lon is None:
            continue
        features.append(
            {
                "type": "Feature",
                "id": row["id"],
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": row,
            }
        )
    return {"type": "FeatureCollection", "features": features}


# --------------------------------------------------------------------------- writing


def export(conn: sqlite3.Connection, fmt: str, out: IO[str] | None, path: Path | None = None) -> int:
    """Write the KB in `fmt` to `out` (text) or `path` (parquet needs a path). Returns the
    number of battles written."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if path is None:
            raise ExportError("parquet is binary: give an output file with -o FILE.parquet")
        return write_parquet(conn, path)
    if out is None:
        raise ExportError("no output")
    if fmt == "jsonl":
        n = 0
        for rec in records(conn):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
        return n
    if fmt == "geojson":
        fc = geojson(conn)
        json.dump(fc, out, ensure_ascii=False)
        out.write("\n")
        return len(fc["features"])
    if fmt == "csv":
        columns, rows = flat_rows(conn)
    else:
        columns, rows = list(GED_COLUMNS), ged_rows(conn)
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return len(rows)


def write_parquet(conn: sqlite3.Connection, path: Path) -> int:
    """The flat rows as a Parquet file (needs pyarrow: `pip install pyarrow`)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError("parquet export needs pyarrow: pip install pyarrow") from None
    columns, rows = flat_rows(conn)
    table = pa.Table.from_pylist(rows)
    pq.write_table(table.select(columns), str(path))
    return len(rows)
