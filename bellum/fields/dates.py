"""Infobox dates -> `DateSpan`: `22–23 February 2013, ()` -> 2013-02-22 .. 2013-02-23, day.

The reading is a small grammar over tokens, not one big regex:

1. `_TOKEN` cuts the text into numbers (`23`, `3rd`, `1590s`), ISO dates (`1745-05-11`),
   words (`February`, `c.`, `B.C.`), dashes and single symbols. Every pattern is linear.
2. `_Scanner` walks the tokens once and builds *points* (day/month/year/season/decade/
   century/millennium, each with its qualifiers), separated by connectors (`–`, `to`,
   `and`, `until`). Parenthesized and bracketed text (`(26 Ramadan 658 H)`, `(1 day)`,
   `[O.S. 26 August]`) is never read as the date; it only contributes calendar hints and
   uncertainty. Reading stops at the first comma, colon or unknown word after a point that
   has its year: `13 June–27 November 2018, ()), Second phase: 9–16 September 2018` is
   the first span only. A point that repeats a part the current one already has starts
   a new point, which recovers lost dashes (`4 June20 September 1916`).
3. `_resolve` fills the gaps between points (`22–23 February` shares the month and year,
   `November 14–18, 1965` the month forward and the year backward, `December – January
   1945` wraps to 1944, `48–44 BC` shares the era, `1941–42` expands the year).
4. `DateSpan` holds the first point's start and the last point's end, each truncated to its
   own precision; `precision` is the coarser of the two.

Conventions (also in the docstrings below):
- BCE years are astronomical: 44 BC -> -0043, 48 BC -> -0047 (1 BC is 0000).
- `calendar` is "julian" when the text says so (`26 August 1812 (O.S.)`, `(Julian)`) and
  "gregorian" when the text says so (`N.S.`, or an O.S. alternative in brackets as in
  `7 September [O.S. 26 August] 1812`, whose main date is the New Style one); otherwise
  "julian" when the start is before 15 October 1582 (the Gregorian reform) and
  "gregorian" from that day on. The dates themselves are never converted.
- `date_prec` (UCDP GED) from the span length in days L, first day of the start to last day
  of the end, when both ends are day or month precise: L = 1 -> 1; 2-6 -> 2; 7-10 -> 3
  (about a week); 11-31 -> 4 (about a month); longer -> 5. Seasons, years and anything
  coarser, and open-ended spans (`2011–present`), are 5. None when there is no start.
- Centuries are the ordinal ones: `10th century` is 0901 .. 1000; `1500s` is 1500 .. 1599
  (a `00s` plural is read as that hundred years, any other `0s` plural as a decade).
- `early`/`mid`/`late` keep the point's full extent and are reported in `part`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import pairwise
from types import MappingProxyType
from typing import Any, Final, Literal

Precision = Literal["day", "month", "season", "year", "decade", "century", "millennium"]
Calendar = Literal["gregorian", "julian"]

_PRECISION_RANK: Final[Mapping[str, int]] = MappingProxyType(
    {"day": 0, "month": 1, "season": 2, "year": 3, "decade": 4, "century": 5, "millennium": 6}
)

MONTHS: Final[Mapping[str, int]] = MappingProxyType(
    {
        **{
            name: number
            for number, name in enumerate(
                (
                    "january", "february", "march", "april", "may", "june", "july",
                    "august", "september", "october", "november", "december",
                ),
                start=1,
            )
        },
        **{
            abbrev: number
            for number, abbrev in enumerate(
                ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                 "dec"),
                start=1,
            )
        },
        "sept": 9,
    }
)
"""Lowercase English month names and abbreviations (without the dot) -> 1..12."""

SEASONS: Final[Mapping[str, int]] = MappingProxyType(
    {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
)
"""Season words -> their EDTF (ISO 8601-2) codes: `Winter, 208 AD` is `0208-24`."""

_ERAS: Final[Mapping[str, str]] = MappingProxyType(
    {"bc": "bc", "bce": "bc", "ad": "ad", "ce": "ad"}
)
_APPROXIMATE: Final[frozenset[str]] = frozenset(
    {"c", "ca", "circa", "circ", "around", "about", "approximately", "approx", "roughly",
     "estimated", "est"}
)
_UNCERTAIN: Final[frozenset[str]] = frozenset(
    {"possibly", "probably", "perhaps", "disputed", "uncertain", "unclear", "likely",
     "presumably", "reportedly", "unconfirmed"}
)
_PARTS: Final[Mapping[str, str]] = MappingProxyType(
    {"early": "early", "beginning": "early", "mid": "mid", "middle": "mid", "late": "late",
     "end": "late"}
)
_CONNECTORS: Final[frozenset[str]] = frozenset(
    {"to", "until", "till", "through", "thru", "and", "or"}
)
_OPEN_END: Final[frozenset[str]] = frozenset({"present", "ongoing", "now", "today"})
_CALENDAR_WORDS: Final[Mapping[str, str]] = MappingProxyType(
    {"os": "julian", "julian": "julian", "ns": "gregorian", "gregorian": "gregorian"}
)
_DURATION_WORDS: Final[frozenset[str]] = frozenset(
    {"day", "days", "week", "weeks", "month", "months", "year", "years", "hours"}
)
_CENTURY_WORDS: Final[frozenset[str]] = frozenset({"century", "centuries"})
_MILLENNIUM_WORDS: Final[frozenset[str]] = frozenset({"millennium", "millennia"})

# Token patterns, one small pattern per kind; joined into one alternation for one pass.
_ISO = r"(?P<iso>\d{4}-\d{2}-\d{2})(?!\d)"  # 1745-05-11
_NUMBER = r"(?P<num>\d+)(?P<sfx>(?:st|nd|rd|th|s)(?![^\W\d_]))?"  # 23, 3rd, 1590s
_WORD = r"(?P<word>[^\W\d_]+(?:\.[^\W\d_]+)*\.?)"  # February, c., B.C., O.S.
_DASH = r"(?P<dash>[-‐‑‒–—―−]+)"  # – or lost-spacing runs like --
_SYMBOL = r"(?P<sym>[?~()\[\],;:/])"
_TOKEN: Final = re.compile("|".join((_ISO, _NUMBER, _WORD, _DASH, _SYMBOL)), re.IGNORECASE)

_MAX_CHARS: Final = 4000
"""Only this much of a value is read: real dates are under 200 characters, and leaked
footnotes come after the date. The grammar is linear anyway; this bounds the constant."""

_MAX_POINTS: Final = 8
"""No real date has more than a handful of points; the cap bounds work on hostile input."""

_GREGORIAN_REFORM: Final = (1582, 10, 15)


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date or span read from an infobox `Date` value.

    `start`/`end` are ISO 8601 strings truncated to each end's precision (`1346-08`,
    `-0047-08-09`); `precision` is the coarser end's; see the module docstring for
    `calendar` and `date_prec`. `read_date("22–23 February 2013, ()")` gives start
    `2013-02-22`, end `2013-02-23`, precision day, date_prec 2, edtf
    `2013-02-22/2013-02-23`.
    """

    text: str
    start: str | None
    end: str | None
    precision: Precision
    approximate: bool = False
    uncertain: bool = False
    calendar: Calendar | None = None
    date_prec: int | None = None
    edtf: str | None = None
    part: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The schema's `date` object (plus `part` when early/mid/late was said)."""
        out: dict[str, Any] = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "precision": self.precision,
            "approximate": self.approximate,
            "uncertain": self.uncertain,
            "calendar": self.calendar,
            "date_prec": self.date_prec,
            "edtf": self.edtf,
        }
        if self.part is not None:
            out["part"] = self.part
        return out


# --------------------------------------------------------------------------- tokens

_Token = tuple[str, str, int, str, str]
"""(kind, key, number, suffix, raw): kind is iso/num/word/dash/sym; key is the lowercase word
without dots (`b.c.` -> `bc`) or the symbol; number is the value of a short number, else -1;
raw is the matched text as written."""


def _tokens(text: str) -> Iterator[_Token]:
    """Lazily cut `text` into tokens: `4 June20 September` -> 4, june, 20, september."""
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        raw = match.group(0)
        if kind == "sfx":
            kind = "num"
        if kind == "num":
            digits = match.group("num")
            value = int(digits) if len(digits) <= 8 else -1  # never int() a huge run
            yield ("num", digits, value, (match.group("sfx") or "").lower(), raw)
        elif kind == "word":
            yield ("word", raw.lower().replace(".", ""), -1, "", raw)
        elif kind == "iso":
            yield ("iso", raw, -1, "", raw)
        elif kind == "dash":
            yield ("dash", "-", -1, "", raw)
        else:
            yield ("sym", raw, -1, "", raw)


def month_number(word: str) -> int | None:
    """`February`, `feb.`, `Sept` -> 2, 2, 9; anything else -> None."""
    return MONTHS.get(word.lower().rstrip("."))


def parse_day_month(text: str) -> tuple[int | None, int | None]:
    """The first day and month a phrase names, for prose anchoring.

    `on November 17` -> (17, 11); `the 18th of June` -> (18, 6); `On the 17th` -> (17, None);
    `in March` -> (None, 3); no day or month -> (None, None). A lowercase `may` is the verb,
    not the month. Only the first 4,000 characters are looked at.
    """
    previous_day: int | None = None
    ordinal_day: int | None = None
    month: int | None = None
    for kind, key, value, suffix, raw in _tokens(text[:_MAX_CHARS]):
        if kind == "word" and key == "may" and raw[0] == "m":
            kind = "verb"
        if kind == "num":
            is_day = 1 <= value <= 31 and len(key) <= 2 and suffix != "s"
            if month is not None:
                return (value if is_day else None), month
            if is_day:
                previous_day = value
                if suffix in ("st", "nd", "rd", "th") and ordinal_day is None:
                    ordinal_day = value
            else:
                previous_day = None
        elif kind == "word" and key in MONTHS:
            if month is not None:
                break
            month = MONTHS[key]
            if previous_day is not None:
                return previous_day, month
        elif kind == "word" and key in ("of", "the"):
            continue
        elif month is not None:
            break
        else:
            previous_day = None
    return (ordinal_day if month is None else None), month


# --------------------------------------------------------------------------- points


class _Point:
    """One end (or middle) of a span while it is being read; mutable, internal."""

    __slots__ = (
        "approx",
        "borrowed_year",
        "century",
        "day",
        "decade",
        "era",
        "hundreds",
        "millennium",
        "month",
        "open",
        "ordinal",
        "part",
        "season",
        "uncertain",
        "year",
        "year_digits",
    )

    def __init__(self) -> None:
        self.day: int | None = None
        self.month: int | None = None
        self.year: int | None = None
        self.year_digits = 0
        self.era: str | None = None
        self.season: int | None = None
        self.decade: int | None = None
        self.hundreds: int | None = None  # `1500s`: the years 1500..1599
        self.century: int | None = None
        self.millennium: int | None = None
        self.ordinal: int | None = None
        self.open = False
        self.part: str | None = None
        self.approx = False
        self.uncertain = False
        self.borrowed_year = False

    def has_content(self) -> bool:
        """Whether any date part has been read (qualifiers alone do not count)."""
        return (
            self.day is not None
            or self.month is not None
            or self.year is not None
            or self.season is not None
            or self.has_coarse()
            or self.ordinal is not None
            or self.open
        )

    def has_coarse(self) -> bool:
        """A decade, hundred years, century or millennium was read."""
        return (
            self.decade is not None
            or self.hundreds is not None
            or self.century is not None
            or self.millennium is not None
        )

    def complete(self) -> bool:
        """The point has its year (or a coarser anchor): what follows may end the date."""
        return self.year is not None or self.has_coarse() or self.open


class _Scan:
    """The outcome of one pass over the tokens: the points and the calendar hint."""

    __slots__ = ("calendar", "points")

    def __init__(self) -> None:
        self.points: list[_Point] = []
        self.calendar: str | None = None


class _Scanner:
    """Walk the tokens once, building points (see the module docstring, step 2)."""

    __slots__ = ("cur", "pending_approx", "pending_era", "pending_uncertain", "scan")

    def __init__(self) -> None:
        self.scan = _Scan()
        self.cur = _Point()
        self.pending_era: str | None = None
        self.pending_approx = False
        self.pending_uncertain = False

    # -- helpers
    def _close(self) -> bool:
        """Move the current point (if it has content) to the list; False when the cap is hit."""
        if self.cur.has_content():
            self.scan.points.append(self.cur)
            self.cur = _Point()
        return len(self.scan.points) < _MAX_POINTS

    def _target(self, new: bool) -> _Point | None:
        """The point to write into: a fresh one when `new` (a lost dash), else the current."""
        if new and not self._close():
            return None
        point = self.cur
        if self.pending_approx:
            point.approx, self.pending_approx = True, False
        if self.pending_uncertain:
            point.uncertain, self.pending_uncertain = True, False
        return point

    def _last(self) -> _Point | None:
        """The most recent point with content (for a trailing `?` or `(O.S.)`)."""
        if self.cur.has_content():
            return self.cur
        return self.scan.points[-1] if self.scan.points else None

    def _set_year(self, value: int, digits: int) -> bool:
        """Give the current point its year (`1812`), or start a new point if it has one."""
        cur = self.cur
        point = self._target(cur.year is not None or cur.has_coarse() or cur.open)
        if point is None:
            return False
        point.year, point.year_digits = value, digits
        if self.pending_era is not None:
            point.era, self.pending_era = self.pending_era, None
        return True

    # -- the walk
    def run(self, text: str, transparent: bool) -> _Scan:
        """Read `text`; with `transparent`, parenthesized text is read like the rest."""
        depth = 0
        paren_dates = False
        paren_calendar: str | None = None
        tokens = _tokens(text)
        token = next(tokens, None)
        while token is not None:
            following = next(tokens, None)
            kind, key, value, suffix, _raw = token
            token = following
            if not transparent and kind == "sym" and key in "([":
                depth += 1
                if depth == 1:
                    paren_dates, paren_calendar = False, None
                continue
            if not transparent and kind == "sym" and key in ")]":
                if depth == 0:
                    continue
                depth -= 1
                if depth == 0 and paren_calendar is not None:
                    self._paren_calendar(paren_calendar, paren_dates)
                continue
            if depth > 0:
                if kind in ("num", "iso") or (kind == "word" and key in MONTHS):
                    paren_dates = True
                elif kind == "word" and key in _CALENDAR_WORDS:
                    paren_calendar = _CALENDAR_WORDS[key]
                elif (kind == "word" and key in _UNCERTAIN) or key == "?":
                    last = self._last()
                    if last is not None:
                        last.uncertain = True
                continue
            if not self._step(kind, key, value, suffix, following):
                break
        self._close()
        return self.scan

    def _paren_calendar(self, calendar: str, has_dates: bool) -> None:
        """`(O.S.)` marks the date before it; `[O.S. 26 August]` makes the main date N.S."""
        if has_dates and calendar == "julian":
            self.scan.calendar = "gregorian"
        elif not has_dates:
            self.scan.calendar = calendar

    def _step(
        self, kind: str, key: str, value: int, suffix: str, following: _Token | None
    ) -> bool:
        """Read one token outside parentheses; False ends the date."""
        cur = self.cur
        if kind == "iso":
            point = self._target(cur.has_content())
            if point is None:
                return False
            year, month, day = (int(part) for part in key.split("-"))
            if 1 <= month <= 12:
                point.year, point.year_digits, point.month = year, 4, month
                point.day = day if 1 <= day <= 31 else None
            return True
        if kind == "num":
            return self._number(key, value, suffix, following)
        if kind == "dash" or (kind == "sym" and key == "/"):
            return self._connector()
        if kind == "word":
            return self._word(key)
        if key == "?":
            last = self._last()
            if last is None:
                self.pending_uncertain = True
            else:
                last.uncertain = True
            return True
        if key == "~":
            self.pending_approx = True
            return True
        # , ; : and anything else: a separator
        return not cur.complete()

    def _connector(self) -> bool:
        """`–`, `to`, `and`: close the current point so the next one starts."""
        if self.cur.has_content():
            return self._close()
        return True

    def _number(self, key: str, value: int, suffix: str, following: _Token | None) -> bool:
        """A day (`23`, `3rd`), a year (`1812`, `48` before `BC`), a decade (`1590s`)."""
        cur = self.cur
        if value < 0:  # a run of more than 8 digits is never a date
            return not cur.complete()
        if len(key) == 8 and not suffix:  # 19141918: two years whose dash was lost
            first, second = int(key[:4]), int(key[4:])
            if first > second:
                return not cur.complete()
            return self._set_year(first, 4) and self._connector() and self._set_year(second, 4)
        if suffix == "s":
            if value % 10 or len(key) < 3:
                return not cur.complete()
            point = self._target(cur.has_content())
            if point is None:
                return False
            if value % 100 == 0 and len(key) == 4:
                point.hundreds = value
            else:
                point.decade = value
            if self.pending_era is not None:
                point.era, self.pending_era = self.pending_era, None
            return True
        era_follows = (
            following is not None and following[0] == "word" and following[1] in _ERAS
        )
        if suffix:  # 3rd, 10th: a day, or a century once `century` follows
            point = self._target(cur.ordinal is not None or cur.day is not None
                                 or cur.complete())
            if point is None:
                return False
            point.ordinal = value
            if value <= 31:
                point.day = value
            return True
        small = len(key) <= 2 and 1 <= value <= 31
        if small and not era_follows and self.pending_era is None:
            point = self._target(cur.day is not None or cur.complete())
            if point is None:
                return False
            point.day = value
            return True
        if len(key) > 4 or (value == 0 and len(key) < 4):
            return not cur.complete()
        return self._set_year(value, len(key))

    def _word(self, key: str) -> bool:
        """Months, seasons, eras, qualifiers, connectors; an unknown word may end the date."""
        cur = self.cur
        if key in MONTHS:
            point = self._target(cur.month is not None or cur.season is not None)
            if point is None:
                return False
            point.month = MONTHS[key]
            return True
        if key in SEASONS:
            point = self._target(cur.has_content())
            if point is None:
                return False
            point.season = SEASONS[key]
            return True
        if key in _ERAS:
            era = _ERAS[key]
            if cur.era is None and (cur.year is not None or cur.has_coarse()):
                cur.era = era
            else:
                self.pending_era = era
            return True
        if key in _CONNECTORS:
            if key == "or":
                last = self._last()
                if last is not None:
                    last.uncertain = True
                self.pending_uncertain = True
            return self._connector()
        if key in _APPROXIMATE:
            self.pending_approx = True
            return True
        if key in _UNCERTAIN:
            last = self._last()
            if last is not None and cur.complete():
                last.uncertain = True
            else:
                self.pending_uncertain = True
            return True
        if key in _PARTS and not cur.has_content():
            cur.part = _PARTS[key]
            return True
        if key in _CENTURY_WORDS or key in _MILLENNIUM_WORDS:
            if cur.ordinal is not None and cur.month is None and not cur.complete():
                if key in _CENTURY_WORDS:
                    cur.century = cur.ordinal
                else:
                    cur.millennium = cur.ordinal
                cur.day = None
                if self.pending_era is not None:
                    cur.era, self.pending_era = self.pending_era, None
            return True
        if key in _DURATION_WORDS and cur.day is not None and cur.month is None:
            self.cur = _Point()  # `6 days: 5–10 June 1967`: a length, not a day
            return True
        if key in _OPEN_END and self.scan.points and not cur.has_content():
            cur.open = True
            return True
        if key in _CALENDAR_WORDS:
            self.scan.calendar = _CALENDAR_WORDS[key]
            return True
        return not cur.complete()


# --------------------------------------------------------------------------- resolving


def _resolve(points: list[_Point]) -> None:
    """Fill each point's missing parts from its neighbours (module docstring, step 3)."""
    if any(p.century is not None for p in points):
        for p in points:
            if p.ordinal is not None and p.month is None and not p.has_coarse():
                p.century, p.day = p.ordinal, None
    if any(p.millennium is not None for p in points):
        for p in points:
            if p.ordinal is not None and p.month is None and not p.has_coarse():
                p.millennium, p.day = p.ordinal, None
    if all(p.month is None for p in points):
        for p in points:  # `1914–18`: small numbers without any month are years
            if p.day is not None and p.year is None and p.ordinal is None and not p.has_coarse():
                p.year, p.year_digits = p.day, len(str(p.day))
            p.day = None
    _share_months(points)
    _share_eras(points)
    _expand_short_years(points)
    _share_years(points)
    for p in points:
        if p.era == "bc" and p.year is not None:
            p.year = 1 - p.year  # astronomical: 48 BC -> -47
        _check_day(p)


def _share_months(points: list[_Point]) -> None:
    """`22–23 February`: a day without a month takes the next month (or the previous)."""
    previous: int | None = None
    following: list[int | None] = [None] * len(points)
    upcoming: int | None = None
    for i in range(len(points) - 1, -1, -1):
        following[i] = upcoming
        if points[i].month is not None:
            upcoming = points[i].month
    for i, p in enumerate(points):
        if p.day is not None and p.month is None:
            if i > 0 and previous is not None:
                p.month = previous
            else:
                p.month = following[i]
        if p.month is not None:
            previous = p.month


def _share_eras(points: list[_Point]) -> None:
    """`48–44 BC`: an earlier point without an era takes a later BC."""
    later_bc = False
    for p in reversed(points):
        if p.era == "bc":
            later_bc = True
        elif p.era == "ad":
            later_bc = False
        elif later_bc:
            p.era = "bc"


def _expand_short_years(points: list[_Point]) -> None:
    """`1941–42` -> 1942: a two-digit year after a longer one shares its century."""
    for before, p in pairwise(points):
        if (
            p.year is not None
            and p.year_digits <= 2
            and p.era is None
            and before.year is not None
            and before.year >= 100
            and before.era != "bc"
        ):
            year = before.year // 100 * 100 + p.year
            p.year = year + 100 if year < before.year else year


def _share_years(points: list[_Point]) -> None:
    """A point without a year takes the next point's (or the previous one's)."""
    upcoming: _Point | None = None
    for p in reversed(points):
        if p.year is None and not p.has_coarse() and not p.open and upcoming is not None:
            year = upcoming.year
            if p.era is None:
                p.era = upcoming.era
            if year is not None and (p.month or 0, p.day or 0) > (
                upcoming.month or 13,
                upcoming.day or 32,
            ):
                year += -1 if p.era != "bc" else 1  # December – January 1945: 1944
            p.year, p.borrowed_year = year, True
        if p.year is not None:
            upcoming = p
    previous: _Point | None = None
    for p in points:
        if p.year is None and not p.has_coarse() and not p.open and previous is not None:
            p.year, p.era, p.borrowed_year = previous.year, previous.era, True
        if p.year is not None:
            previous = p


def _check_day(p: _Point) -> None:
    """Drop a day its month cannot have (`31 February`; any year: 29), and a day with no month."""
    if p.day is None:
        return
    if p.month is None or p.day > _days_in_month(2000 if p.year is None else p.year, p.month):
        p.day = None


def _days_in_month(year: int, month: int) -> int:
    """Proleptic Gregorian month lengths, astronomical years (0 is a leap year)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _day_number(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 in the proleptic Gregorian calendar; works for year <= 0."""
    y = year - (month <= 2)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


# --------------------------------------------------------------------------- output


def _iso_year(year: int) -> str:
    """-47 -> `-0047`, 208 -> `0208`."""
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def _precision(p: _Point) -> Precision:
    """The finest part a point has: `August 1346` -> month."""
    if p.millennium is not None:
        return "millennium"
    if p.century is not None or p.hundreds is not None:
        return "century"
    if p.decade is not None:
        return "decade"
    if p.season is not None:
        return "season"
    if p.month is not None and p.day is not None:
        return "day"
    if p.month is not None:
        return "month"
    return "year"


def _year_bounds(p: _Point) -> tuple[int, int] | None:
    """The astronomical years a point covers: `10th century` -> (901, 1000)."""
    bc = p.era == "bc"
    if p.millennium is not None:
        m = p.millennium
        return (1 - m * 1000, -(m - 1) * 1000) if bc else ((m - 1) * 1000 + 1, m * 1000)
    if p.century is not None:
        c = p.century
        return (1 - c * 100, -(c - 1) * 100) if bc else ((c - 1) * 100 + 1, c * 100)
    if p.hundreds is not None or p.decade is not None:
        base, width = (p.hundreds, 99) if p.hundreds is not None else (p.decade, 9)
        assert base is not None
        return (1 - base - width, 1 - base) if bc else (base, base + width)
    if p.year is None:
        return None
    return p.year, p.year


def _bounds(p: _Point) -> tuple[str, str] | None:
    """The ISO start and end of one point, at its own precision."""
    years = _year_bounds(p)
    if years is None or abs(years[0]) > 9999 or abs(years[1]) > 9999:
        return None
    low, high = _iso_year(years[0]), _iso_year(years[1])
    if p.has_coarse() or p.season is not None or p.month is None:
        return low, high
    low += f"-{p.month:02d}"
    if p.day is not None:
        low += f"-{p.day:02d}"
    return low, low


def _qualifier(p: _Point) -> str:
    """The EDTF qualifier: `~` approximate, `?` uncertain, `%` both."""
    if p.approx and p.uncertain:
        return "%"
    return "~" if p.approx else "?" if p.uncertain else ""


def _edtf_single(p: _Point, low: str, high: str) -> str:
    """One point in EDTF: `1346-08`, `0208-24`, `159X`, `0901/1000`, `-1273~`."""
    mark = _qualifier(p)
    if p.season is not None and not p.has_coarse():
        return f"{low}-{p.season}{mark}"
    if p.decade is not None and p.era != "bc" and p.decade >= 0:
        return f"{low[:3]}X{mark}"
    if p.hundreds is not None and p.era != "bc":
        return f"{low[:2]}XX{mark}"
    if low == high:
        return f"{low}{mark}"
    return f"{low}{mark}/{high}{mark}"


def _edtf_end(p: _Point, iso: str) -> str:
    """One end of an interval: the season code is kept, coarse points give their year."""
    if p.season is not None and not p.has_coarse():
        iso = f"{iso}-{p.season}"
    return iso + _qualifier(p)


def _day_range(p: _Point) -> tuple[int, int] | None:
    """First and last day a day- or month-precise point covers (for date_prec)."""
    if p.year is None or p.month is None or p.has_coarse() or p.season is not None:
        return None
    if p.day is not None:
        n = _day_number(p.year, p.month, p.day)
        return n, n
    first = _day_number(p.year, p.month, 1)
    return first, first + _days_in_month(p.year, p.month) - 1


def _date_prec(first: _Point, last: _Point) -> int:
    """UCDP GED date_prec from the span length (module docstring)."""
    start, end = _day_range(first), _day_range(last)
    if start is None or end is None or last.open:
        return 5
    length = end[1] - start[0] + 1
    if length <= 1:
        return 1
    if length <= 6:
        return 2
    if length <= 10:
        return 3
    return 4 if length <= 31 else 5


def _calendar(scan: _Scan, first: _Point) -> Calendar | None:
    """Explicit O.S./N.S. wins; else the Gregorian reform date decides (module docstring)."""
    if scan.calendar == "julian":
        return "julian"
    if scan.calendar == "gregorian":
        return "gregorian"
    years = _year_bounds(first)
    if years is None:
        return None
    key = (years[0], first.month or 1, first.day or 1) if not first.has_coarse() else (
        years[0], 1, 1
    )
    return "julian" if key < _GREGORIAN_REFORM else "gregorian"


def _span(text: str, scan: _Scan) -> DateSpan | None:
    """Resolve the scanned points into one DateSpan (first point's start, last one's end)."""
    points = [p for p in scan.points if p.has_content()]
    if not points:
        return None
    _resolve(points)
    real = [p for p in points if not p.open]
    if not real:
        return None
    first = real[0]
    last = points[-1] if points[-1].open else real[-1]
    end_point = real[-1]
    precision = max(
        (_precision(first), _precision(end_point)), key=lambda name: _PRECISION_RANK[name]
    )
    approximate = any(p.approx for p in points)
    uncertain = any(p.uncertain for p in points)
    part = first.part or end_point.part
    first_bounds = _bounds(first)
    if first_bounds is None:
        return DateSpan(text, None, None, precision, approximate, uncertain, part=part)
    end_bounds = _bounds(end_point)
    start = first_bounds[0]
    end: str | None = None if last.open or end_bounds is None else end_bounds[1]
    if last.open or end is None:
        edtf = f"{_edtf_end(first, start)}/.."
    elif first is end_point:
        edtf = _edtf_single(first, *first_bounds)
    else:
        edtf = f"{_edtf_end(first, start)}/{_edtf_end(end_point, end)}"
    return DateSpan(
        text=text,
        start=start,
        end=end,
        precision=precision,
        approximate=approximate,
        uncertain=uncertain,
        calendar=_calendar(scan, first),
        date_prec=_date_prec(first, last),
        edtf=edtf,
        part=part,
    )


def read_date(text: str) -> DateSpan | None:
    """Read an infobox date; None only when the text holds no date at all.

    `7 November – 23 December 2004` -> 2004-11-07 .. 2004-12-23 (day, date_prec 5);
    `c. 1274 BC` -> `-1273`, year, approximate; `Unknown` -> None. Parenthesized text is
    only read when nothing outside it is a date (`Unknown (probably 1250)`).
    """
    head = text[:_MAX_CHARS]
    scan = _Scanner().run(head, transparent=False)
    if not any(p.has_content() for p in scan.points):
        scan = _Scanner().run(head, transparent=True)
    return _span(text, scan)
