"""Hostile input: the sides and result readers never raise and stay linear-time."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bellum.fields.result import SideNames, read_result
from bellum.fields.sides import read_belligerents, read_commanders, read_units

SIDES = (
    SideNames(1, ("MNLA", "French Air Force"), ("Islamists groups",)),
    SideNames(2, ("MOJWA", "Arab Movement of Azawad", "MAA")),
)

# Characters the grammar cares about, so generated text exercises every branch.
ALPHABET = st.sampled_from(
    [*"aZ (),.:;|*•-–/\\'\"0123456789\x1f\n",
     "KIA", "WIA", "POW", "DOW", "25px", "border|", "Gen. ", "Col. ", "Count of ", "victory",
       "See ", "and ", "Islamist", "----", "<br>", "(MAA)", "Supported by:", "Earl of ", "II"]
)  # fmt: skip
TEXT = st.one_of(st.text(), st.lists(ALPHABET, max_size=60).map("".join))


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_sides_readers_never_raise(text: str) -> None:
    for actor in read_belligerents(text).actors:
        assert any(ch.isalnum() for ch in actor.name)
        assert actor.id
    for c in read_commanders(text).commanders:
        assert any(ch.isalnum() for ch in c.name)
        assert c.fate in {None, "killed", "wounded", "captured", "executed", "missing"}
    for unit in read_units(text):
        assert any(ch.isalnum() for ch in unit)


@settings(max_examples=400, deadline=None)
@given(TEXT, st.lists(st.text(max_size=20), max_size=4))
def test_result_reader_never_raises(text: str, names: list[str]) -> None:
    sides = (*SIDES, SideNames(3, tuple(names)))
    r = read_result(text, sides)
    if r is not None:
        assert set(r.victor_sides) <= {1, 2, 3}
        r.to_json()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=6), TEXT)
def test_belligerent_items_never_raise(items: list[str], text: str) -> None:
    reading = read_belligerents(text, items=tuple(items))
    assert all(a.name.strip() for a in reading.actors)


N = 200_000
HOSTILE = {
    "digits": "1" * N,
    "commas": "," * N,
    "dashes": "-" * N,
    "open parens": "(" * N,
    "paren pairs": "()" * (N // 2),
    "nested": "(" * (N // 2) + ")" * (N // 2),
    "spaces": " " * N + "x",
    "comma space": ", " * (N // 2),
    "digit comma dash": "1,-" * (N // 3),
    "paren words": "(a b) " * (N // 6),
    "words": "Aa a a " * (N // 7),
    "markers": "AbcKIA " * (N // 7),
    "glued markers": "aKIA" * (N // 4),
    "px": "25px" * (N // 4),
    "px pipes": "23px|border|" * (N // 12),
    "colons": "a: " * (N // 3),
    "ranks": "Gen. " * (N // 5),
    "titles": "Aa Bb Earl of " * (N // 14),
    "victory": "victory " * (N // 8),
    "and": "a and " * (N // 6),
    "hyphen names": "A-" * (N // 2),
    "periods": "a. B" * (N // 4),
    "lt": "<" * N,
    "br": "<br" * (N // 3),
}
READERS: dict[str, Callable[[str], object]] = {
    "belligerents": read_belligerents,
    "commanders": read_commanders,
    "units": read_units,
    "result": lambda t: read_result(t, SIDES),
}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_value_is_read_fast(reader: str, kind: str) -> None:
    start = time.perf_counter()
    READERS[reader](HOSTILE[kind])
    assert time.perf_counter() - start < 2.0, (reader, kind)
