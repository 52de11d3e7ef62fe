"""Infobox field reading: bellum against the libraries a user would pick, in the same run.

Baselines: dateparser.search.search_dates for dates, quantulum3 for figures. Prints strings
per second for each, the speed ratio, and accuracy on the cases of ../shared/EXAMPLES.md
(parsed from that file at run time, so the gold standard is the shared one, not ours), then
`extract --fields-only` articles per second on one core.

    .venv/bin/python benchmarks/fields.py [--seconds 2]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"

CODE = re.compile(r"`([^`]+)`")
ISO = re.compile(r"-?\d{4}(?:-\d{2}){0,2}")
INT = re.compile(r"\d[\d,]*")
PARENS = re.compile(r"\([^()]*\)")


def table_rows(markdown: str, heading: str) -> list[tuple[str, str]]:
    """(input cell, reading cell) of the table under `## heading` in EXAMPLES.md."""
    section = markdown.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if line.startswith("| `") and len(cells) == 2:
            rows.append((cells[0], cells[1]))
    return rows


def date_cases(markdown: str) -> list[tuple[str, str, str]]:
    """(input, start, end) from the Dates table."""
    cases = []
    for cell, reading in table_rows(markdown, "Dates"):
        found = ISO.findall(reading.split(";")[0].split("(")[0])
        if found:
            for text in CODE.findall(cell):
                cases.append((text, found[0], found[-1] if len(found) > 1 else found[0]))
    return cases


WORD_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4}
CLAIM_COUNT = re.compile(r"\b(one|two|three|four) claims?\b")


def figure_cases(markdown: str) -> list[tuple[str, str, frozenset[int] | None, int | None]]:
    """(input, field, the numbers the reading gives, or the number of claims it names).

    A reading either lists figures (scored on their numbers) or describes how the value
    splits into attributed claims ("three claims, each with its source", "claim @Russia;
    claim @Chechens"), scored on the number of claims, which no generic library can give.
    """
    cases: list[tuple[str, str, frozenset[int] | None, int | None]] = []
    for cell, reading in table_rows(markdown, "Numbers and figures"):
        if "…" in cell + reading:
            continue  # an elided value cannot be scored
        plain = PARENS.sub(" ", reading.replace("\\|", "|"))
        numbers = frozenset(int(n.replace(",", "")) for n in INT.findall(plain))
        field = "strength1" if ("strength" in reading or "Strength" in cell) else "casualties1"
        n_claims = None
        if (m := CLAIM_COUNT.search(reading)) is not None:
            n_claims = WORD_COUNTS[m.group(1)]
        elif reading.count("@") >= 2:
            n_claims = reading.count("@")
        for text in CODE.findall(cell):
            has_digits = any(ch.isdigit() for ch in text)
            if n_claims is not None and (not numbers or reading.count("@") >= 2):
                cases.append((text.replace("\\|", "|"), field, None, n_claims))
            elif numbers or not has_digits:
                cases.append((text.replace("\\|", "|"), field, numbers, None))
    return cases


def corpus_strings() -> tuple[list[str], list[tuple[str, str]]]:
    """Every Date value and every (field, value) of Strength*/Casualties* in the corpus."""
    dates, figures = [], []
    for line in (SHARED / "corpus" / "infoboxes.jsonl").read_text(encoding="utf-8").splitlines():
        for key, value in json.loads(line)["infobox"]:
            k = key.lower()
            if k == "date":
                dates.append(value)
            elif k.startswith(("strength", "casualties")):
                figures.append((k, value))
    return dates, figures


def rate(fn: Callable[[], object], n_items: int, seconds: float) -> float:
    """Items per second of `fn` (which processes n_items), repeated for about `seconds`."""
    fn()  # warm caches and imports
    runs, start = 0, time.perf_counter()
    while True:
        fn()
        runs += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return runs * n_items / elapsed


# --- the readers under test -------------------------------------------------------------


def bellum_date(text: str) -> tuple[str | None, str | None]:
    from bellum.fields.dates import read_date

    d = read_date(text)
    return (d.start, d.end) if d else (None, None)


def bellum_numbers(text: str, field: str) -> frozenset[int]:
    """Every number bellum reads into a figure of the value."""
    return frozenset(v for f in bellum_figures(text, field) for v in (f.low, f.high) if v is not None)


def bellum_figures(text: str, field: str) -> list[Any]:
    from bellum.fields.figures import read_figures

    return [f for claim in read_figures(text, field).claims for f in claim.figures]


def bellum_claims(text: str, field: str) -> int:
    from bellum.fields.figures import read_figures

    return len(read_figures(text, field).claims)


def bellum_figure_case(text: str, field: str, numbers: frozenset[int] | None, n: int | None) -> bool:
    if numbers is not None:
        return bellum_numbers(text, field) == numbers and (n is None or bellum_claims(text, field) == n)
    return bellum_claims(text, field) == n


def quantulum_figure_case(text: str, numbers: frozenset[int] | None) -> bool:
    """quantulum3 has no notion of claims or sources: only the number rows can be right."""
    return numbers is not None and quantulum_numbers(text) == numbers


def dateparser_date(text: str, like: str) -> tuple[str | None, str | None]:
    from dateparser.search import search_dates

    found = search_dates(text, languages=["en"]) or []
    if not found:
        return (None, None)
    iso = [d.date().isoformat()[: len(like.lstrip("-"))] for _, d in found]
    return (iso[0], iso[-1])


def quantulum_numbers(text: str) -> frozenset[int]:
    from quantulum3 import parser

    out: set[int] = set()
    for q in parser.parse(text):
        unc = getattr(q, "uncertainty", None) or 0
        for v in ((q.value - unc, q.value + unc) if unc else (q.value,)):
            if float(v).is_integer():
                out.add(int(v))
    return frozenset(out)


def accuracy(results: Iterable[bool]) -> str:
    r = list(results)
    return f"{sum(r)}/{len(r)} ({100 * sum(r) / max(1, len(r)):.0f}%)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="time per measurement")
    args = parser.parse_args()
    if not (SHARED / "corpus").is_dir():
        print("benchmarks/fields.py: ../shared/corpus is absent; nothing to measure")
        return 0
    warnings.filterwarnings("ignore")
    md = (SHARED / "EXAMPLES.md").read_text(encoding="utf-8")
    dcases, fcases = date_cases(md), figure_cases(md)
    dates, figures = corpus_strings()

    b_date_acc = [bellum_date(t) == (s, e) for t, s, e in dcases]
    p_date_acc = [dateparser_date(t, s) == (s, e) for t, s, e in dcases]
    b_fig_acc = [bellum_figure_case(t, f, nums, n) for t, f, nums, n in fcases]
    q_fig_acc = [quantulum_figure_case(t, nums) for t, _, nums, _ in fcases]

    s = args.seconds
    b_dates = rate(lambda: [bellum_date(t) for t in dates], len(dates), s)
    p_dates = rate(lambda: [dateparser_date(t, "0000-00-00") for t in dates], len(dates), s)
    b_figs = rate(lambda: [bellum_numbers(t, k) for k, t in figures], len(figures), s)
    q_figs = rate(lambda: [quantulum_numbers(t) for _, t in figures], len(figures), s)

    print(f"corpus: {len(dates)} date strings, {len(figures)} figure strings; "
          f"EXAMPLES.md: {len(dcases)} date cases, {len(fcases)} figure cases\n")
    print("| strings | reader | strings/s | speed ratio | accuracy on EXAMPLES.md |")
    print("|---|---|---:|---:|---|")
    print(f"| dates | bellum | {b_dates:,.0f} | {b_dates / p_dates:,.0f}x | {accuracy(b_date_acc)} |")
    print(f"| dates | dateparser.search_dates | {p_dates:,.0f} | 1x | {accuracy(p_date_acc)} |")
    print(f"| figures | bellum | {b_figs:,.0f} | {b_figs / q_figs:,.0f}x | {accuracy(b_fig_acc)} |")
    print(f"| figures | quantulum3 | {q_figs:,.0f} | 1x | {accuracy(q_fig_acc)} |")
    misses = [t for (t, _, _), ok in zip(dcases, b_date_acc, strict=True) if not ok]
    misses += [t for (t, *_), ok in zip(fcases, b_fig_acc, strict=True) if not ok]
    if misses:
        print("\nbellum misses:", *misses, sep="\n  ")

    # --- whole articles, infobox only, one core --------------------------------------
    from bellum.pipeline import extract, read_inputs

    paths = [str(p) for p in sorted((SHARED / "corpus" / "articles").glob("*.txt"))]
    articles = [a for a in read_inputs(paths) if not isinstance(a, Exception)]
    arts: list[Any] = [a for a in articles if hasattr(a, "infobox")]
    extract(arts[0], prose=False)  # load the gazetteer once, as a long run would
    per_art = rate(lambda: [extract(a, prose=False) for a in arts], len(arts), s)
    def generic(a: Any) -> object:
        """What a user would assemble: dateparser on the date, quantulum3 on each figure field."""
        return [dateparser_date(f.text, "0000-00-00") if f.key == "date" else quantulum_numbers(f.text)
                for f in a.infobox if f.key == "date" or f.key.startswith(("strength", "casualties"))]

    baseline = rate(lambda: [generic(a) for a in arts], len(arts), s)
    print(f"\nextract --fields-only: {per_art:,.0f} articles/s on one core (target 2,000); "
          f"dateparser + quantulum3 on the same fields: {baseline:,.1f} articles/s "
          f"(bellum {per_art / baseline:,.0f}x faster)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
