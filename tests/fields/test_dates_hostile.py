"""Dates, kind and part_of never raise and never backtrack, whatever the value holds."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bellum.fields.dates import _tokens, parse_day_month, read_date
from bellum.fields.kind import read_kind, read_part_of

ISO = re.compile(r"^-?\d{4}(-\d{2}(-\d{2})?)?$")
PRECISIONS = {"day", "month", "season", "year", "decade", "century", "millennium"}

# Pieces that date values are made of, so generated text reaches deep into the grammar.
DATE_PIECES = st.sampled_from(
    ["1", "12", "31", "48", "208", "1812", "19141918", "1590s", "10th", "3rd", "0", "99999",
     "January", "May", "Dec.", "Winter", "BC", "AD", "CE", "c.", "circa", "?", "~", "–", "-",
     " to ", " and ", " or ", "(", ")", "[", "]", "O.S.", "N.S.", ",", ", ()", ":", "century",
     "millennium", "present", "early", "mid-", "late", "the", "of", " ", "1745-05-11",
     "2013-02-30", "Second phase", "25px", "|", "<hr>", "----"]
)
DATE_LIKE = st.lists(DATE_PIECES, max_size=30).map("".join)


def _check_span(text: str) -> None:
    span = read_date(text)
    if span is None:
        return
    assert span.text == text
    assert span.precision in PRECISIONS
    for end in (span.start, span.end):
        assert end is None or ISO.match(end), end
    assert span.date_prec is None or 1 <= span.date_prec <= 5
    assert (span.start is None) == (span.date_prec is None)
    assert span.calendar in (None, "julian", "gregorian")
    assert set(span.to_json()) >= {"text", "start", "end", "precision", "approximate",
                                   "uncertain"}


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_read_date_never_raises_on_any_text(text: str) -> None:
    _check_span(text)


@settings(max_examples=500, deadline=None)
@given(DATE_LIKE)
def test_read_date_never_raises_on_date_like_text(text: str) -> None:
    _check_span(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200) | DATE_LIKE)
def test_parse_day_month_gives_valid_parts(text: str) -> None:
    day, month = parse_day_month(text)
    assert day is None or 1 <= day <= 31
    assert month is None or 1 <= month <= 12


PART_PIECES = st.sampled_from(
    ["the ", "War", " war", "Operation X", " and ", " during ", " within ", ",", ", ()", "(",
     ")", "(2012)", "25px", "|", "Part of ", "of the ", " ", "campaign", "Herzegovina", "*"]
)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=200) | st.lists(PART_PIECES, max_size=30).map("".join))
def test_read_part_of_never_raises(text: str) -> None:
    items = read_part_of(text)
    assert isinstance(items, tuple)
    for item in items:
        assert item and item == item.strip()
        assert not item.lower().startswith("the ")
    assert len({item.lower() for item in items}) == len(items)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.none() | st.text(max_size=100))
def test_read_kind_is_always_a_schema_kind(title: str, conflict: str | None) -> None:
    assert read_kind(title, conflict) in {
        "battle", "siege", "campaign", "war", "operation", "massacre", "raid", "conflict",
        "other",
    }


N = 200_000
HOSTILE = [
    "1" * N,
    "1," * (N // 2),
    "–" * N,
    "-1" * (N // 2),
    "(" * N,
    ")" * N,
    "(1" * (N // 2),
    " " * N,
    "1, -( " * (N // 6),
    "12 " * (N // 3),
    "May " * (N // 4),
    "1st " * (N // 4),
    "c. " * (N // 3),
    "a." * (N // 2),
    " and" * (N // 4),
    "the " * (N // 4),
    "of the," * (N // 7),
    "war and " * (N // 8),
    "1745-05-1" * (N // 9),
    "1" * N + "px",
    "<" * N,
]


@pytest.mark.timeout(60)
@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_values_read_quickly(text: str) -> None:
    began = time.perf_counter()
    _check_span(text)
    read_part_of(text)
    read_kind(text, text)
    parse_day_month(text)
    assert time.perf_counter() - began < 10  # real cost is a few ms; generous for busy CI


@pytest.mark.timeout(60)
@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_tokenizer_is_linear_on_the_whole_value(text: str) -> None:
    """The 4,000-character cap is not what keeps us fast: the token pattern is linear."""
    began = time.perf_counter()
    count = sum(1 for _ in _tokens(text))
    assert count <= len(text)
    assert time.perf_counter() - began < 20


def test_a_date_leading_a_long_value_is_found() -> None:
    text = "16 November 2012" + ", (" * 50_000
    span = read_date(text)
    assert span is not None and span.start == "2012-11-16"
