"""The context accepts the sides as ProseSide, as `(index, names)` tuples, or as any object
with `index` and `names` (the pipeline's SideNames)."""

from __future__ import annotations

from dataclasses import dataclass

from bellum.prose import ProseContext, read_sentences, split_sentences

TEXT = "On 20 November MUJAO lost 7 fighters while 3 Tuareg rebels were wounded."


@dataclass(frozen=True)
class Named:
    index: int
    names: tuple[str, ...]
    labels: tuple[str, ...] = ()


def sides_read(ctx: ProseContext) -> list[tuple[int | None, str, int | None]]:
    reading = read_sentences(split_sentences(TEXT), ctx)
    return [(c.side, f.category, f.low) for c in reading.claims for f in c.figures]


def test_plain_tuples_are_sides() -> None:
    ctx = ProseContext("2012-11-16", None, ((1, ("MNLA",)), (2, ("MOJWA",))))
    assert sides_read(ctx) == [(2, "killed", 7), (1, "wounded", 3)]


def test_objects_with_index_and_names_are_sides() -> None:
    ctx = ProseContext("2012-11-16", None, (Named(1, ("MNLA",)), Named(2, ("MOJWA",))))
    assert sides_read(ctx) == [(2, "killed", 7), (1, "wounded", 3)]


def test_no_sides_means_no_side_but_still_figures() -> None:
    assert sides_read(ProseContext()) == [(None, "killed", 7), (None, "wounded", 3)]
