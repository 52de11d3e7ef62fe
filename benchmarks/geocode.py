"""Benchmark the gazetteer and geocoder on the corpus rows that carry true coordinates.

Prints index build and load times, one cold `bellum.geo.geocode` start-up (a fresh process),
and, over the corpus rows with coordinates (geocoded WITHOUT them): country accuracy, median
distance to the true point, share within 25 km and 100 km, against a baseline measured in
the same run: the first GeoNames match of the first comma part, any country, largest
population. Run: `.venv/bin/python benchmarks/geocode.py` (skips when ../shared is absent).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def _rows() -> list[dict[str, Any]]:
    path = SHARED / "corpus" / "infoboxes.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if r.get("coords") and any(k.lower() == "place" for k, _ in r["infobox"])]


def _place(row: dict[str, Any]) -> str:
    return str(next(v for k, v in row["infobox"] if k.lower() == "place"))


def _score(
    answers: list[tuple[str | None, float | None, float | None]],
    truths: list[tuple[str, float, float]],
) -> dict[str, float]:
    from bellum.geo.gazetteer import distance_km

    right = sum(a[0] == t[0] for a, t in zip(answers, truths, strict=True))
    dists = [
        distance_km(t[1], t[2], a[1], a[2]) if a[1] is not None and a[2] is not None else 20_000.0
        for a, t in zip(answers, truths, strict=True)
    ]
    n = len(truths)
    return {
        "country accuracy": right / n,
        "median km": statistics.median(dists),
        "within 25 km": sum(d <= 25 for d in dists) / n,
        "within 100 km": sum(d <= 100 for d in dists) / n,
    }


def main() -> int:
    if not (SHARED / "corpus").is_dir():
        print("skipped: ../shared/corpus is not present")
        return 0
    sys.path.insert(0, str(REPO))
    from bellum.geo import geocode
    from bellum.geo.gazetteer import Gazetteer, gazetteer

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["BELLUM_CACHE"] = tmp
        start = time.perf_counter()
        Gazetteer.load(rebuild=True)
        build = time.perf_counter() - start
        start = time.perf_counter()
        Gazetteer.load()
        load = time.perf_counter() - start
        code = (
            "import time; t = time.perf_counter(); from bellum.geo import geocode;"
            "geocode('Between Ansongo and Ménaka, Mali'); print(time.perf_counter() - t)"
        )
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=REPO
        )
        process = time.perf_counter() - start
        cold = float(out.stdout.strip())

    g = gazetteer()
    rows = _rows()
    truths: list[tuple[str, float, float]] = []
    for r in rows:
        lat, lon = r["coords"]["lat"], r["coords"]["lon"]
        near = g.nearest(lat, lon)
        truths.append((near.country if near and near.country else "", lat, lon))
    start = time.perf_counter()
    ours = [(p.country, p.lat, p.lon) for p in (geocode(_place(r), title=r["title"]) for r in rows)]
    ours_time = time.perf_counter() - start
    baseline: list[tuple[str | None, float | None, float | None]] = []
    for r in rows:
        hits = g.places(_place(r).split(",")[0].strip(" ()"))
        baseline.append((hits[0].country, hits[0].lat, hits[0].lon) if hits else (None, None, None))

    mine, base = _score(ours, truths), _score(baseline, truths)
    print(f"index build          {build:6.2f} s")
    print(f"index load (cached)  {load:6.2f} s")
    print(f"cold geocode start   {cold:6.2f} s in-process ({process:.2f} s with interpreter)")
    print(f"geocode throughput   {len(rows) / ours_time:8.0f} values/s")
    print(f"\n{len(rows)} corpus rows with coordinates (geocoded without them)")
    print(f"{'metric':18} {'bellum':>9} {'baseline':>9} {'ratio':>7}")
    for key in mine:
        a, b = mine[key], base[key]
        ratio = (b / a if key == "median km" else a / b) if a and b else float("inf")
        fmt = "{:9.1f}" if key == "median km" else "{:9.0%}"
        print(f"{key:18} {fmt.format(a)} {fmt.format(b)} {ratio:6.2f}x")
    print("(ratio > 1: bellum better; median km ratio = baseline / bellum;")
    print(" a value with no answer counts as 20,000 km)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
