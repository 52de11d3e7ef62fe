"""No silent loss: every run of digits in a strength/casualties value is read, named or flagged.

A digit run must fall inside a figure's span, an `unparsed` flag's text, or an `accounted`
span (ordinals, models, unit designations, dates, calibres: names, not counts).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from bellum.fields.figures import FigureReading, read_figures

EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "bellum" / "examples"
FIGURE_KEY = re.compile(r"^(?:strength|casualties)\d*[a-z]?$", re.I)
DIGITS = re.compile(r"\d+")
ACCOUNTED_REASONS = {"ordinal", "model", "unit", "date", "calibre"}


def unread_digits(text: str, r: FigureReading) -> list[str]:
    """The digit runs of `text` that nothing in the reading covers."""
    spans = [(f.start, f.end) for c in r.claims for f in c.figures]
    spans += [(s, e) for s, e, _ in r.accounted]
    for flag in r.flags:
        if flag.kind == "unparsed" and flag.text:
            spans += [(m.start(), m.end()) for m in re.finditer(re.escape(flag.text), text)]
    out = []
    for m in DIGITS.finditer(text):
        if not any(s <= m.start() and m.end() <= e for s, e in spans):
            out.append(text[max(0, m.start() - 20) : m.end() + 20])
    return out


def seed_values() -> list[tuple[str, str, str]]:
    """(article, key, value) of the bundled seeds' strength/casualties lines."""
    out = []
    for path in sorted(EXAMPLES_DIR.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            m = re.match(r"^- ([^:]+): (.*)$", line)
            if m and FIGURE_KEY.match(m.group(1).replace(" ", "")):
                out.append((path.stem, m.group(1), m.group(2)))
    return out


def corpus_values(rows: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    return [
        (row["title"], key, value)
        for row in rows
        for key, value in row["infobox"]
        if FIGURE_KEY.match(key.replace(" ", ""))
    ]


def test_seeds_lose_no_digit() -> None:
    values = seed_values()
    assert len(values) == 11  # 5 from In-Delimane, 6 from In Khalil
    for title, key, value in values:
        r = read_figures(value, key.lower())
        assert unread_digits(value, r) == [], (title, key, value)


def test_corpus_loses_no_digit(corpus_infoboxes: list[dict[str, Any]]) -> None:
    values = corpus_values(corpus_infoboxes)
    assert len(values) > 200
    lost = []
    for title, key, value in values:
        r = read_figures(value, key.lower())
        lost += [(title, key, frag) for frag in unread_digits(value, r)]
    assert lost == []


def test_accounted_is_only_for_names(corpus_infoboxes: list[dict[str, Any]]) -> None:
    """Names, years and models only: a corpus-wide share well below the digits read."""
    accounted = figures = 0
    for _, key, value in corpus_values(corpus_infoboxes):
        r = read_figures(value, key.lower())
        for s, e, why in r.accounted:
            assert why in ACCOUNTED_REASONS
            assert re.search(r"[A-Za-z]", value[s:e]), value[s:e]  # a name has letters
        accounted += len(r.accounted)
        figures += sum(len(c.figures) for c in r.claims)
    assert figures > 10 * accounted


@pytest.mark.parametrize(
    "value",
    ["Only 2 bodies were found", "(~50% of troop strength)", "12 x 3 y 4 z 1/2"],
)
def test_what_no_rule_reads_is_flagged(value: str) -> None:
    r = read_figures(value, "casualties1")
    assert unread_digits(value, r) == []
