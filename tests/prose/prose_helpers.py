"""Shared test helpers for the prose reader: a small two-side context and a reader of text."""

from __future__ import annotations

from bellum.prose import ProseContext, ProseReading, ProseSide, read_sentences, split_sentences

SIDES = (
    ProseSide(1, ("MNLA", "Northern Front"), ("Karim Dalla",), ("Desert Brigade",)),
    ProseSide(2, ("MOJWA", "AQIM"), ("Idris Tamal", "Sidi Ould Bakar")),
)
CONTEXT = ProseContext("2012-11-16", "2012-11-16", SIDES)


def read(text: str, context: ProseContext = CONTEXT) -> ProseReading:
    """Read `text` as one lead section under the heading "Battle"."""
    return read_sentences(split_sentences(text, "Battle"), context)


def figures(
    text: str, context: ProseContext = CONTEXT
) -> list[tuple[int | None, str, int | None, int | None]]:
    """(side, category, low, high) of every figure read from `text`, in order."""
    return [
        (c.side, f.category, f.low, f.high) for c in read(text, context).claims for f in c.figures
    ]
