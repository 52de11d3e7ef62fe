"""Dates in prose: absolute ones completed from the battle's date, relative ones anchored.

`On 23 February` in a battle of 2013 -> 2013-02-23; `A day later` after `on 4 March` ->
2013-03-05; `On the 17th` after November 16 -> the 17th of the same month. Relative dates
resolve against the last date mentioned (the battle's start before any is mentioned).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from bellum.fields.dates import MONTHS

MONTH_NAMES: dict[str, int] = {name.capitalize(): n for name, n in MONTHS.items()}
"""Capitalized month names and abbreviations from `bellum.fields.dates.MONTHS` (in prose a
lowercase `march` or `may` is a verb)."""

_MONTH = r"(?P<m>" + "|".join(sorted(MONTH_NAMES, key=len, reverse=True)) + r")\b\.?"
_SUFFIX = r"(?:st|nd|rd|th)?"
_YEAR_TAIL = (
    r"(?:,?\s(?P<y>\d{4}(?!\d)|\d{1,3}(?=\s?(?:BC|BCE|AD|CE)\b))(?:\s?(?P<era>BC|BCE|AD|CE)\b)?)?"
)

DAY_MONTH = re.compile(
    r"\b(?:the\s)?(?P<d>\d{1,2})" + _SUFFIX + r"(?:\s?[–-]\s?\d{1,2}" + _SUFFIX + r")?"
    r"\s(?:of\s)?" + _MONTH + _YEAR_TAIL
)
"""`23 February`, `22–23 February 2013`, `the 17th of November`."""
MONTH_DAY = re.compile(
    r"\b" + _MONTH + r"\s(?P<d>\d{1,2})" + _SUFFIX + r"(?!\d)(?:\s?[–-]\s?\d{1,2}(?!\d))?"
    r"(?!\s?%|\.\d)" + _YEAR_TAIL
)
"""`November 17`, `November 14–18, 1965`."""
MONTH_ONLY = re.compile(
    r"\b(?:[Ii]n|[Dd]uring|[Bb]y|[Uu]ntil|[Ss]ince|[Ee]arly|[Ll]ate|[Mm]id)[\s-]"
    r"(?:(?:early|late|mid)[\s-])?" + _MONTH + r"(?![ \t]?\d)"
)
"""`in March`, `by late May`, `mid-March`: month precision, the year completed as for days."""
MONTH_YEAR = re.compile(
    r"\b" + _MONTH + r"\s(?P<y>\d{3,4})(?!\d)"
    r"(?:\s?(?P<era>BC|BCE|AD|CE)\b)?"
)
"""`February 2013`, `(late) March 1863`: month precision."""
YEAR = re.compile(
    r"\b(?:[Ii]n|[Bb]y|[Dd]uring|[Ss]ince|[Uu]ntil|[Ff]rom|[Oo]f)\s"
    r"(?:(?P<q>early|mid|late)[\s-])?(?P<y>1\d{3}|20\d\d)(?![\d,.]\d)"
    r"(?!\s(?:men|soldiers|troops|fighters|people|vehicles|km|kilometers|kilometres)\b)"
)
"""`in early 1863`, `during 1944`: year precision (four digits, not a count of men)."""
ORDINAL_DAY = re.compile(
    r"\b(?:[Oo]n|[Bb]y|[Uu]ntil|[Tt]ill|[Ff]rom|[Ss]ince)\sthe\s(?P<d>\d{1,2})(?:st|nd|rd|th)\b"
    r"(?!\s(?:[Cc]entur|[Rr]egiment|[Bb]attalion|[Bb]rigade|[Dd]ivision|[Aa]rmy|[Cc]orps|"
    r"[Ii]nfantry|[Cc]avalry|[Aa]rmou?red|[Aa]irborne|[Mm]arine|[Pp]anzer|[Gg]uards|"
    r"[Ff]leet|[Ss]quadron|[Ww]ing|[Gg]roup|[Cc]ompany|[Rr]ifle|[Tt]ank|[Aa]rtillery|"
    r"[Mm]echani[sz]ed|[Mm]otori[sz]ed|[Aa]nniversar|[Pp]arallel|[Ff]loor))"
)
"""`On the 17th`: a day of the month last mentioned (not `the 33rd Regiment`)."""

_RELATIVE_WORDS: tuple[tuple[str, int], ...] = (
    (r"the\s(?:very\s)?same\s(?:day|night|morning|evening|afternoon)", 0),
    (r"(?:later\s)?that\s(?:same\s)?(?:day|night|morning|evening|afternoon)", 0),
    (r"the\s(?:next|following)\s(?:day|morning|evening|night|afternoon)", 1),
    (r"the\sday\safter(?!\stomorrow)", 1),
    (r"the\s(?:previous|preceding)\s(?:day|night|evening|morning)", -1),
    (r"the\sday\sbefore", -1),
)
RELATIVE = re.compile(
    "|".join(f"(?P<r{i}>\\b{p}\\b)" for i, (p, _) in enumerate(_RELATIVE_WORDS)), re.IGNORECASE
)
"""Fixed relative phrases and their offsets in days from the last date mentioned."""
COUNTED = re.compile(
    r"\b(?P<n>an?|\d{1,3}|[a-z]{3,9})\s(?P<u>days?|nights?|weeks?)\s"
    r"(?P<dir>later|after|afterwards?|earlier|before|prior)\b",
    re.IGNORECASE,
)
"""`A day later`, `two days later`, `3 weeks earlier`."""
NTH_DAY = re.compile(
    r"\bthe\s(?P<o>first|second|third|fourth|fifth|sixth|seventh)\sday\b", re.IGNORECASE
)
"""`the first day` (of the battle): counted from the battle's start."""

ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                 "seventh": 7}  # fmt: skip

_ISO = re.compile(r"(-?\d{1,4})(?:-(\d\d)(?:-(\d\d))?)?")
_SAME_YEAR_DAYS = 270
"""A yearless date stays in the anchor's year unless it lies farther than this from it."""


@dataclass(frozen=True, slots=True)
class When:
    """A date with its precision: day and month may be None (`When(1863, None, None)`)."""

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        """`2013-03-05`, `1863-02`, `1863`; negative years as `-0047`."""
        y = f"-{-self.year:04d}" if self.year < 0 else f"{self.year:04d}"
        if self.month is None:
            return y
        if self.day is None:
            return f"{y}-{self.month:02d}"
        return f"{y}-{self.month:02d}-{self.day:02d}"

    def as_date(self) -> date | None:
        """The calendar day, when the precision is a day and the year is AD."""
        if self.month is None or self.day is None or self.year < 1:
            return None
        try:
            return date(self.year, self.month, self.day)
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date phrase of a sentence and what it resolved to (`when` None: unresolvable)."""

    text: str
    start: int
    end: int
    when: When | None
    relative: bool


def parse_iso(text: str | None) -> When | None:
    """`2012-11-16` -> When(2012, 11, 16); `-0047-08` -> When(-47, 8); garbage -> None."""
    if not text:
        return None
    m = _ISO.fullmatch(text.strip())
    if m is None:
        return None
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if month is not None and not 1 <= month <= 12:
        return None
    return When(int(m.group(1)), month, day)


def _from_date(d: date) -> When:
    """A calendar day as a When."""
    return When(d.year, d.month, d.day)


def _complete_year(month: int, day: int | None, anchor: When | None) -> int | None:
    """The year of a yearless `23 February`: the anchor's, or the next/previous one when that
    is much closer (a December battle followed by `3 January`)."""
    if anchor is None:
        return None
    year = anchor.year
    ref = anchor.as_date()
    if ref is None or year < 2:
        return year
    best = year
    try:
        cand = date(year, month, day or 15)
    except ValueError:
        return year
    gap = abs((cand - ref).days)
    if gap <= _SAME_YEAR_DAYS:
        return year
    for y in (year - 1, year + 1):
        try:
            other = abs((date(y, month, day or 15) - ref).days)
        except ValueError:
            continue
        if other < gap:
            best, gap = y, other
    return best


def _year_of(m: re.Match[str]) -> int | None:
    """The explicit year of a date match (`48 BC` -> -47), else None."""
    y = m.group("y")
    if not y:
        return None
    year = int(y)
    if m.group("era") in ("BC", "BCE"):
        year = 1 - year
    return year


def _count_value(word: str) -> int | None:
    """`a` -> 1, `3` -> 3, `two` -> 2 (number words through bellum.fields.numbers)."""
    low = word.lower()
    if low in ("a", "an"):
        return 1
    if low.isdigit():
        return int(low)
    from bellum.fields.numbers import find_quantities

    for q in find_quantities(low):
        if q.low is not None and q.high == q.low:
            return int(q.low)
    return None


def _shift(anchor: When | None, days: int) -> When | None:
    """The anchor moved by `days` (None unless the anchor is a day)."""
    if anchor is None:
        return None
    d = anchor.as_date()
    if d is None:
        return None
    try:
        return _from_date(d + timedelta(days=days))
    except OverflowError:
        return None


_DIGIT = re.compile(r"\d")
_LOWER_WORD = re.compile(r"[a-z]+")
_MONTH_WORDS = frozenset(m.lower() for m in MONTH_NAMES)
_YEAR_DIGITS = re.compile(r"\d{4}")
_ORDINAL_DIGITS = re.compile(r"\d(?:st|nd|rd|th)\b")
_WITH_MONTH: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("day_month", DAY_MONTH),
    ("month_day", MONTH_DAY),
    ("month_year", MONTH_YEAR),
)
"""Patterns that need a digit and a month name; the year and ordinal patterns need their own
digits; the relative ones below need one of `_RELATIVE_HINTS`. Cheap gates keep the
regexes off sentences they cannot match."""
_RELATIVE_HINTS = ("day", "night", "morning", "evening", "afternoon", "week")
_FIXED_HINTS = ("same", "that", "next", "following", "previous", "preceding", "day after",
                "day before")  # fmt: skip
_COUNTED_HINTS = ("later", "after", "earlier", "before", "prior")


def _candidates(
    text: str, lower: str | None = None, words: frozenset[str] | None = None
) -> list[tuple[int, int, str, re.Match[str]]]:
    """All date-phrase matches of a sentence, overlapping ones removed (first, then longest)."""
    found: list[tuple[int, int, str, re.Match[str]]] = []
    patterns: list[tuple[str, re.Pattern[str]]] = []
    low = text.lower() if lower is None else lower
    if words is None:
        words = frozenset(_LOWER_WORD.findall(low))
    has_month = not _MONTH_WORDS.isdisjoint(words)
    if has_month:
        patterns.append(("month", MONTH_ONLY))
    if _DIGIT.search(text) is not None:
        if has_month:
            patterns.extend(_WITH_MONTH)
        if _YEAR_DIGITS.search(text) is not None:
            patterns.append(("year", YEAR))
        if _ORDINAL_DIGITS.search(text) is not None:
            patterns.append(("ordinal", ORDINAL_DAY))
    if any(w in low for w in _RELATIVE_HINTS):
        if any(w in low for w in _FIXED_HINTS):
            patterns.append(("relative", RELATIVE))
        if any(w in low for w in _COUNTED_HINTS):
            patterns.append(("counted", COUNTED))
        if " day" in low and any(w in low for w in ORDINAL_WORDS):
            patterns.append(("nth", NTH_DAY))
    for kind, pattern in patterns:
        for m in pattern.finditer(text):
            found.append((m.start(), m.end(), kind, m))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    kept: list[tuple[int, int, str, re.Match[str]]] = []
    last_end = -1
    for item in found:
        if item[0] >= last_end:
            kept.append(item)
            last_end = item[1]
    return kept


def find_dates(
    text: str,
    anchor: When | None,
    battle_start: When | None,
    lower: str | None = None,
    words: frozenset[str] | None = None,
) -> list[DateMention]:
    """Date phrases of one sentence, resolved in order (each one re-anchors the next).

    `find_dates("A day later they left.", When(2013, 3, 4), None)` -> [2013-03-05].
    """
    out: list[DateMention] = []
    for start, end, kind, m in _candidates(text, lower, words):
        when: When | None = None
        relative = kind in ("relative", "counted", "nth", "ordinal")
        if kind in ("day_month", "month_day"):
            month = MONTH_NAMES[m.group("m")]
            day = int(m.group("d"))
            if not 1 <= day <= 31:
                continue
            year = _year_of(m)
            if year is None:
                year = _complete_year(month, day, anchor or battle_start)
            when = None if year is None else When(year, month, day)
        elif kind == "month":
            month = MONTH_NAMES[m.group("m")]
            year = _complete_year(month, None, anchor or battle_start)
            when = None if year is None else When(year, month)
        elif kind == "month_year":
            year = _year_of(m)
            when = None if year is None else When(year, MONTH_NAMES[m.group("m")])
        elif kind == "year":
            when = When(int(m.group("y")))
        elif kind == "ordinal":
            day = int(m.group("d"))
            if anchor is not None and anchor.month is not None and 1 <= day <= 31:
                month, year = anchor.month, anchor.year
                if anchor.day is not None and day < anchor.day - 10:
                    month, year = (1, year + 1) if month == 12 else (month + 1, year)
                when = When(year, month, day)
        elif kind == "relative":
            offset = next(
                _RELATIVE_WORDS[i][1]
                for i in range(len(_RELATIVE_WORDS))
                if m.group(f"r{i}") is not None
            )
            when = anchor if offset == 0 else _shift(anchor, offset)
        elif kind == "counted":
            n = _count_value(m.group("n"))
            if n is None:
                continue
            if m.group("u").lower().startswith("week"):
                n *= 7
            sign = 1 if m.group("dir").lower().startswith(("later", "after")) else -1
            when = _shift(anchor, sign * n)
        elif kind == "nth":
            when = _shift(battle_start, ORDINAL_WORDS[m.group("o").lower()] - 1)
        if when is not None and when.as_date() is None and when.day is not None:
            continue  # 31 February
        out.append(DateMention(m.group(), start, end, when, relative))
        if when is not None:
            anchor = when
    return out
