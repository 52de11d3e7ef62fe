"""The prose reader never raises and stays linear on hostile input."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from prose.prose_helpers import read

from bellum.prose import split_sentences

ALPHABET = st.sampled_from(
    [
        *"0123456789 ,.-–()\"'?!:;\n",
        *("killed ", "MNLA ", "On the 17th", "Gen. ", "according to ", "said ", "March "),
        "lost ",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_never_raises_on_fragments(text: str) -> None:
    reading = read(text)
    for claim in reading.claims:
        claim.to_json()
    for event in reading.events:
        event.to_json()


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_any_text(text: str) -> None:
    read(text)


@pytest.mark.parametrize(
    "unit",
    ["1" * 7 + ",", "9, ", "- ", "(", "  ", "Gen. ", "A. ", '"', "17 killed, ", "the next day ",
     "according to ", "x said that "],
)
def test_200k_hostile_input_is_fast(unit: str) -> None:
    text = unit * (200_000 // len(unit))
    started = time.process_time()
    split_sentences(text)
    read(text)
    assert time.process_time() - started < 3.0


@pytest.mark.parametrize("unit", ["MNLA 5 killed, ", "MNLA said 5 killed ", "On 1 May 2012, "])
def test_dense_long_sentences_are_fast(unit: str) -> None:
    sentence = unit * (2990 // len(unit)) + ". "
    text = sentence * (200_000 // len(sentence))
    started = time.process_time()
    read(text)
    assert time.process_time() - started < 3.0
