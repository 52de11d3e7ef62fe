"""Benchmark: ingest a 25,000-article KB and query it, against baselines measured in the same run.

    .venv/bin/python benchmarks/ingest.py [--articles 25000] [--batch 500] [--workers N] [--keep DIR]

Articles are generated from ../shared/corpus/infoboxes.jsonl (infobox-only): each variant
gets a numbered title, its strength/casualty numbers scaled and its years shifted, and is
written as a plain-text file, so the run covers the whole user path (read, extract, resolve,
store, settle). Printed:
- ingest articles/s with ONE worker (extraction in the writer's process: the target,
  >= 1,000/s on one core), then with N extraction workers (`--workers`, default: the CPUs)
  into a fresh file, and the ratio N/1 (the same run's baseline); extraction alone on a
  sample (the field readers' share of it);
- store-only articles/s of a sample, batched (one transaction per batch of N articles) vs a
  naive baseline (one commit per row) on the same sample: the ratio;
- p95 latency of show / search / actor queries (target < 20 ms), and FTS search vs a naive
  LIKE scan finding every match over the same text (FTS ranks every match too): the ratio.
Skips (exit 0) when ../shared is absent.

Kill safety of the batch size: a batch is ONE transaction holding whole articles (their
`articles` row with the content hash included), so `kill -9` loses at most the batch in
flight; the rerun finds those articles without a hash and ingests them again.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

_NUMBER = re.compile(r"\d[\d,]*")
_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
_SCALED_KEYS = re.compile(r"^(strength|casualties)\d", re.I)


def variant(row: dict[str, Any], i: int) -> str:
    """Plain-text article `i`: numbered title, scaled numbers, shifted years."""
    factor = 1 + (i % 9) / 10
    shift = i % 40
    title = f"{row['title']} (variant {i})"
    lines = [f"= {title} =", "", "Infobox"]
    for key, value in row["infobox"]:
        if key.lower() == "conflict":
            value = title
        elif _SCALED_KEYS.match(key):
            value = _NUMBER.sub(lambda m: f"{int(int(m.group(0).replace(',', '')) * factor):,}", value)
        elif key.lower() == "date":
            value = _YEAR.sub(lambda m: str(int(m.group(0)) + shift), value)
        lines.append(f"- {key}: {value}")
    return "\n".join(lines) + "\n"


def generate(out: Path, n: int) -> list[dict[str, Any]]:
    """Write n variant files under out; return the corpus rows used."""
    rows = [
        json.loads(line)
        for line in (SHARED / "corpus" / "infoboxes.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (out / f"a{i:06d}.txt").write_text(variant(rows[i % len(rows)], i), encoding="utf-8")
    return rows


def p95(samples: list[float]) -> float:
    """95th percentile in milliseconds."""
    return statistics.quantiles(samples, n=20)[-1] * 1000 if len(samples) > 1 else samples[0] * 1000


def naive_store(records: list[tuple[Any, dict[str, Any]]], db: Path) -> float:
    """Baseline: the same rows, one INSERT and one COMMIT per row. Returns articles/s."""
    from bellum.store.ingest import INSERTS, RowBuilder, content_hash, default_resolver
    from bellum.store.sqlite import connect

    conn = connect(db)
    builder = RowBuilder(default_resolver())
    started = time.perf_counter()
    for rowid, (article, record) in enumerate(records, 1):
        rows = builder.build(article, record, fts_rowid=rowid, chash=content_hash(article))
        for table, sql in INSERTS.items():
            for r in rows.tables.get(table, []):
                conn.execute("BEGIN")
                conn.execute(sql, r)
                conn.execute("COMMIT")
    rate = len(records) / (time.perf_counter() - started)
    conn.close()
    return rate


def batched_store(records: list[tuple[Any, dict[str, Any]]], db: Path, batch: int) -> float:
    """The ingest's own store path on pre-extracted records. Returns articles/s."""
    from bellum.store.ingest import ingest_articles

    by_title = {a.title: r for a, r in records}
    started = time.perf_counter()
    ingest_articles(
        [a for a, _ in records],
        db,
        extract=lambda a: by_title[a.title],
        batch_size=batch,
        on_error=lambda line: None,
    )
    return len(records) / (time.perf_counter() - started)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=25_000)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--workers", type=int, default=0, help="extraction processes (0: the CPUs)")
    ap.add_argument("--sample", type=int, default=1000, help="articles in the store baselines")
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--keep", type=Path, help="keep the generated files and database here")
    args = ap.parse_args()
    if not (SHARED / "corpus" / "infoboxes.jsonl").is_file():
        print("benchmarks/ingest.py: skipped: ../shared/corpus is not present")
        return 0

    from bellum.pipeline import extract, read_inputs
    from bellum.store import query
    from bellum.store.ingest import default_workers, ingest
    from bellum.store.sqlite import connect

    work = args.keep or Path(tempfile.mkdtemp(prefix="bellum-bench-"))
    src = work / "articles"
    t0 = time.perf_counter()
    rows = generate(src, args.articles)
    print(
        f"generated {args.articles:,} articles from {len(rows)} corpus infoboxes "
        f"in {time.perf_counter() - t0:.1f}s"
    )

    workers = args.workers or default_workers()
    rates: dict[int, float] = {}
    db = work / "bench.db"
    for n in dict.fromkeys((1, workers)):  # the last run's file is the one queried below
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        summary = ingest([str(src)], db, progress=False, batch_size=args.batch, prose=False, workers=n)
        rates[n] = rate = summary.rate
        print(f"ingest, {n} worker{'s' if n > 1 else ''}: {summary.line()}")
        if n == 1:
            verdict = "ok" if rate >= 1000 else "BELOW TARGET"
            print(f"ingest rate, one core: {rate:,.0f} articles/s (target >= 1,000/s: {verdict})")
    if workers > 1:
        print(
            f"ingest rate, {workers} workers: {rates[workers]:,.0f} articles/s "
            f"(x{rates[workers] / rates[1]:.2f} vs one worker, {default_workers()} CPUs usable)"
        )
    t1 = time.perf_counter()
    again = ingest([str(src)], db, progress=False, batch_size=args.batch, prose=False, workers=workers)
    print(
        f"re-ingest (all unchanged): {again.rate:,.0f} articles/s "
        f"({again.unchanged:,} unchanged, {time.perf_counter() - t1:.1f}s)"
    )

    files = sorted(src.iterdir())[: args.sample]
    articles = [a for a in read_inputs(str(p) for p in files) if hasattr(a, "title")]
    t2 = time.perf_counter()
    sample = [(a, extract(a, prose=False)) for a in articles]  # type: ignore[arg-type]
    extract_rate = len(sample) / (time.perf_counter() - t2)
    print(f"extract alone (bellum.pipeline, infobox only): {extract_rate:,.0f} articles/s")
    base_rate = naive_store(sample, work / "naive.db")
    fast_rate = batched_store(sample, work / "batched.db", args.batch)
    print(
        f"store only, {len(sample)} articles: batched {fast_rate:,.0f}/s vs one commit per row "
        f"{base_rate:,.0f}/s: x{fast_rate / base_rate:.1f}"
    )

    conn = connect(db, create=False)
    rng = random.Random(7)
    titles = [r[0] for r in conn.execute("SELECT title FROM battles")]
    actors = [r[0] for r in conn.execute("SELECT name FROM aliases WHERE kind='actor'")]
    words = [w for r in rows for w in r["title"].split() if len(w) > 4]
    timings: dict[str, list[float]] = {"show": [], "search": [], "actor": [], "like": []}
    for _ in range(args.queries):
        t = rng.choice(titles)
        s = time.perf_counter()
        bid = query.find_battle(conn, t)
        query.battle(conn, bid or "")
        timings["show"].append(time.perf_counter() - s)
        w = rng.choice(words)
        s = time.perf_counter()
        query.search(conn, w, limit=20)
        timings["search"].append(time.perf_counter() - s)
        s = time.perf_counter()
        conn.execute(
            "SELECT battle_id, title FROM search WHERE title LIKE ? OR names LIKE ? OR prose LIKE ?",
            (f"%{w}%",) * 3,
        ).fetchall()
        timings["like"].append(time.perf_counter() - s)
        a = rng.choice(actors)
        s = time.perf_counter()
        query.actor(conn, a)
        timings["actor"].append(time.perf_counter() - s)
    for name in ("show", "search", "actor"):
        v = p95(timings[name])
        print(f"p95 {name}: {v:.2f} ms (target < 20 ms: {'ok' if v < 20 else 'ABOVE TARGET'})")
    print(
        f"p95 search FTS5 {p95(timings['search']):.2f} ms vs LIKE scan "
        f"{p95(timings['like']):.2f} ms: x{p95(timings['like']) / p95(timings['search']):.1f}"
    )
    conn.close()
    if args.keep is None:
        print(f"(files and database in {work}; pass --keep DIR to choose)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
