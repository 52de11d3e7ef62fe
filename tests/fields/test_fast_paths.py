"""The readers' cheap pre-tests skip work, never change a reading.

Each guarded helper is checked against the plain, unguarded form it replaced, on text built
from the pieces the guards look for (month names, eras, years, models, number words, the
non-ASCII letters IGNORECASE folds to ASCII: `İ ı ſ K`, suffixes, flag leftovers, titles).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from bellum.fields import figures, numbers, sides

PIECES = [
    " ", "  ", "\u00a0", ",", ";", "(", ")", "-", "–", "/", ".", ":", "|", "+", "~", "\n",
    "0", "7", "12", "300", "1,000", "1945", "2021", "12.7", "2.5",
    "Jan", "January", "Sept", "May", "AD", "BC", "BCE", "CE", "mm", "in", "c.", "T-72", "2nd",
    "4-4ID", "Mirage", "2000D", "st", "th", "s", "D", "ID",
    "one", "six", "twenty", "a", "an", "hundred", "hundreds", "thousands", "dozen", "dozens",
    "scores", "few", "several", "tens", "of", "millions", "and", "or", "more", "so", "est.",
    "(est.)", "(approx.)", "killed", "men", "İ", "ı", "ſ", "\u212a", "ſix", "hundred\u212a",
    "dozenſ", "é", "px", "25px", "border|", "|link", "Nph", "Earl", "King", "Sir", "Count",
    "Lord", "of", "Edward", "II", "x",
]  # fmt: skip
TEXT = st.lists(st.sampled_from(PIECES), max_size=24).map("".join)


def accounted_reference(text: str) -> list[tuple[int, int, str]]:
    """accounted_spans as it was before its pre-tests: every pattern over every value."""
    spans: list[tuple[int, int, str]] = []
    taken = figures._Coverage(len(text))
    for reason, pattern, _ in figures._ACCOUNTED:
        for m in pattern.finditer(text):
            if not any(ch.isdigit() for ch in m.group()) or taken.any(m.start(), m.end()):
                continue
            spans.append((m.start(), m.end(), reason))
            taken.mark(m.start(), m.end())
    spans.sort()
    return spans


def suffixes_reference(text: str, end: int) -> tuple[int, bool, numbers.Bound | None]:
    """numbers._suffixes without its look-ahead pre-test."""
    approximate = False
    bound: numbers.Bound | None = None
    if text[end : end + 1] not in numbers._SUFFIX_START:
        return end, approximate, bound
    for _ in range(3):
        if (m := numbers._SUFFIX_PLUS.match(text, end)) is not None:
            bound = "at_least"
        elif (m := numbers._SUFFIX_TILDE.match(text, end)) is not None:
            approximate = True
        elif (m := numbers._SUFFIX_MORE.match(text, end)) is not None:
            approximate, bound = (approximate, "at_least") if m.group("more").lower() == "more" \
                else (True, bound)
        elif (m := numbers._SUFFIX_EST.match(text, end)) is not None:
            approximate = True
        else:
            break
        end = m.end()
    return end, approximate, bound


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_accounted_spans_pre_tests_change_nothing(text: str) -> None:
    assert figures.accounted_spans(text) == accounted_reference(text)


def outcome(fn: Callable[[], object]) -> object:
    """What a call gives, or the type of what it raises (a guard must not change either)."""
    try:
        return fn()
    except Exception as exc:  # compared, not hidden
        return type(exc)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_word_guards_change_nothing(text: str) -> None:
    vocab = numbers._ascii_words(text)
    vague = outcome(lambda: numbers._vague_atoms(text, None))
    assert outcome(lambda: numbers._vague_atoms(text, vocab)) == vague
    consumed = [(a.start, a.end) for a in vague] if isinstance(vague, list) else []
    assert numbers._word_atoms(text, consumed, vocab) == numbers._word_atoms(text, consumed, None)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_including_guard_changes_nothing(text: str) -> None:
    assert figures._has_including(text) == (figures._INCLUDING.search(text) is not None)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_suffix_pre_test_changes_nothing(text: str) -> None:
    for end in range(len(text) + 1):
        assert numbers._suffixes(text, end) == suffixes_reference(text, end)


_SPACES = re.compile(r"\s+")


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_side_helpers_match_their_regex_forms(text: str) -> None:
    assert sides._clean(text) == _SPACES.sub(" ", text).strip(sides._EDGE_JUNK + " ")
    assert sides.strip_leftovers(text) == sides._NPH.sub(
        ", ", sides._PX.sub(", " + sides._FLAG_GAP, text))
    assert sides._label(text)[0] == (
        sides._clean(m.group(1)) if (m := sides._LABEL.match(text)) else None)


def test_the_case_traps_are_all_there_are() -> None:
    """Only these non-ASCII letters match an ASCII letter under IGNORECASE (Python's re)."""
    letter = re.compile(r"[a-z]", re.I)
    found = [chr(c) for c in range(128, 0x3000) if letter.fullmatch(chr(c))]
    found += [chr(c) for c in range(0x3000, 0x10000) if letter.fullmatch(chr(c))]
    assert "".join(found) == numbers._CASE_TRAPS


def prefixes_reference(text: str, start: int) -> tuple[int, bool, numbers.Bound | None, int | None]:
    """numbers._prefixes without its early exit."""
    approximate = False
    bound: numbers.Bound | None = None
    for _ in range(3):
        found = numbers._prefix_before(text, start)
        if found is None:
            break
        start, kind = found
        if kind == "near":
            approximate, bound = True, bound or "at_most"
        elif kind == "least":
            bound = bound or "at_least"
        elif kind == "most":
            bound = bound or "at_most"
        else:
            approximate = True
    between = None
    end = start
    while end > 0 and text[end - 1] in " \u00a0":
        end -= 1
    if end < start and text[max(0, end - 7) : end].lower() == "between" and (
            end < 8 or not text[end - 8].isalnum()):
        between = end - 7
    return start, approximate, bound, between


MODIFIERS = st.lists(st.sampled_from(
    [*PIECES, "about", "at least", "up to", "nearly", "between", "Between", ">", "≥", "<=", "~",
     "c.", "ca.", "est.", "more than", "no fewer than", "to", "TO", "T\u00d8"]), max_size=16).map("".join)


@settings(max_examples=400, deadline=None)
@given(MODIFIERS)
def test_prefix_and_range_pre_tests_change_nothing(text: str) -> None:
    for start in range(len(text) + 1):
        assert numbers._prefixes(text, start) == prefixes_reference(text, start)
    for i in range(len(text) + 1):
        for j in range(i, min(len(text), i + 8) + 1):
            gap = text[i:j]
            assert numbers._could_be_range_gap(gap) or not numbers._RANGE_GAP.fullmatch(gap)
