"""Name matching: bellum's `same_name` against exact matching, on the labelled pairs.

Reads bellum/data/name_pairs.csv (name_a, name_b, kind, same, note), prints precision,
recall and F1 of `same_name` at the shipped threshold and at a few others, beside the
baseline a user would start from (exact match after lowercasing), measured in the same run;
then the pairs the shipped threshold gets wrong, per-kind scores and the speed of both.

    .venv/bin/python benchmarks/resolve.py
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from bellum.resolve.names import THRESHOLD, LabelledPair, load_pairs, match_names

THRESHOLDS = (0.70, 0.75, 0.80, THRESHOLD, 0.90, 0.95)


def scores(pairs: Sequence[LabelledPair], decide: Callable[[LabelledPair], bool]) -> tuple[
    float, float, float, int, int, int
]:  # fmt: skip
    """(precision, recall, F1, true positives, false positives, false negatives)."""
    tp = fp = fn = 0
    for p in pairs:
        said = decide(p)
        tp += said and p.same
        fp += said and not p.same
        fn += (not said) and p.same
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, tp, fp, fn


def baseline(p: LabelledPair) -> bool:
    """Exact match after lowercasing and trimming."""
    return p.name_a.strip().lower() == p.name_b.strip().lower()


def bellum_at(threshold: float) -> Callable[[LabelledPair], bool]:
    """`same_name` with rule 7 at `threshold`."""
    return lambda p: match_names(p.name_a, p.name_b, p.kind, threshold) is not None


def row(label: str, s: tuple[float, float, float, int, int, int]) -> str:
    p, r, f, tp, fp, fn = s
    return f"{label:<28} {p:>9.3f} {r:>7.3f} {f:>6.3f} {tp:>5} {fp:>4} {fn:>4}"


def pairs_per_second(pairs: Sequence[LabelledPair], decide: Callable[[LabelledPair], bool]) -> float:
    """Decisions per second over the labelled list, caches cleared first (a cold run)."""
    from bellum.resolve import names

    for fn in (names._words, names._ratio, names.spelling_fold):
        fn.cache_clear()
    start = time.perf_counter()
    for p in pairs:
        decide(p)
    return len(pairs) / (time.perf_counter() - start)


def main() -> None:
    pairs = load_pairs()
    positives = sum(p.same for p in pairs)
    print(f"labelled pairs: {len(pairs)} ({positives} same, {len(pairs) - positives} different)")
    print(f"{'matcher':<28} {'precision':>9} {'recall':>7} {'F1':>6} {'TP':>5} {'FP':>4} {'FN':>4}")
    print(row("baseline: exact, lowercased", scores(pairs, baseline)))
    for t in THRESHOLDS:
        mark = "  <- shipped" if t == THRESHOLD else ""
        print(row(f"bellum same_name @ {t:.2f}", scores(pairs, bellum_at(t))) + mark)

    print(f"\nper kind at {THRESHOLD:.2f} (bellum | baseline):")
    for kind in ("person", "actor", "place", "conflict"):
        sub = [p for p in pairs if p.kind == kind]
        b, e = scores(sub, bellum_at(THRESHOLD)), scores(sub, baseline)
        print(f"  {kind:<9} n={len(sub):<4} P {b[0]:.3f} R {b[1]:.3f} | P {e[0]:.3f} R {e[1]:.3f}")

    print(f"\nwrong at {THRESHOLD:.2f}:")
    for p in pairs:
        m = match_names(p.name_a, p.name_b, p.kind, THRESHOLD)
        if (m is not None) != p.same:
            what = f"linked by {m.rule}" if m else "missed"
            print(f"  {'FP' if m else 'FN'} [{p.kind}] {p.name_a!r} ~ {p.name_b!r}: {what} ({p.note})")

    ours = pairs_per_second(pairs, bellum_at(THRESHOLD))
    theirs = pairs_per_second(pairs, baseline)
    print(f"\nspeed: bellum {ours:,.0f} pairs/s (cold caches), baseline {theirs:,.0f} pairs/s")


if __name__ == "__main__":
    main()
