"""Strength and casualties fields -> source-attributed Claims of Figures (SCHEMA.md).

`read_figures("1 killed, 4 wounded, (according to the MNLA), 100 killed", "casualties1")`
gives two claims: `killed 1, wounded 4 @MNLA` and `killed 100` (unattributed).

How a value is read:
1. Spans of digits that belong to names are set aside first (`accounted`): ordinals
   (`2nd`), models (`T-72s`, `Mirage 2000D`, `BRDM-2`), unit designations (`4-4ID`),
   dates and years (`7–16 November`, `February, 1988`, `(1944)`, `in 1945`, `300 BC`) and
   calibres (`12.7 mm`). Nothing else is ever accounted.
2. The value is cut into groups at hard separators (`----`, `<hr>`, `|`, newlines) and
   groups into items at commas, `;`, `•`, `,,` and sentence ends, never inside parentheses.
3. Each item may open with a label (`France:`, `Per Russia:`, `Total:`), hold quantities
   (`bellum.fields.numbers`) each followed by a phrase saying what is counted
   (`soldiers killed`, `vehicles destroyed`, `killed, wounded or captured`), and
   parentheses that attribute (`(according to the MNLA)`, `(Ukrainian claim)`), qualify
   (`(Jena)`) or break a figure down (`(20 T-72s, 4 T-55s)`).
4. Items join into claims: a closing attribution ends the claim it attributes, a label
   starts a new one; `15,000 or 40,000–60,000` gives one claim per alternative.

Parts are never added twice: a figure that is part of another (`Including 117 officers`,
`of which 28,000`, a parenthesized breakdown, a `•`/`*` sub-item) carries `part_of`, the index
of the figure it belongs to in the same claim; anyone summing a category must skip those.
Totals (`Total:, 17,191`, `N total`) are kept beside the parts with scope `overall` or the
extra key `total: true`. Every run of digits ends up in a figure, in `accounted`, or in an
`unparsed` flag: nothing is dropped silently.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Literal

from bellum.fields.numbers import Quantity, find_quantities, folds_plainly
from bellum.flags import Flag

Category = Literal[
    "strength", "killed", "wounded", "captured", "missing", "casualties", "killed_or_wounded",
    "wounded_or_missing", "captured_or_missing", "killed_or_missing", "deserted", "executed",
    "surrendered", "lost", "destroyed", "damaged", "sunk", "shot_down", "defected", "displaced",
]  # fmt: skip
Unit = Literal[
    "personnel", "vehicles", "tanks", "aircraft", "helicopters", "ships", "guns", "other"
]
Scope = Literal["side", "overall", "civilians", "other"]

# -- word tables -------------------------------------------------------------------------

CATEGORY_WORDS: dict[str, str] = {
    "killed": "killed", "dead": "killed", "deaths": "killed", "death": "killed",
    "died": "killed", "kia": "killed", "drowned": "killed", "slain": "killed",
    "fatalities": "killed", "wounded": "wounded", "injured": "wounded", "wia": "wounded",
    "captured": "captured", "prisoners": "captured", "prisoner": "captured",
    "pows": "captured", "pow": "captured", "missing": "missing", "mia": "missing",
    "missed": "missing", "deserted": "deserted", "deserters": "deserted",
    "executed": "executed", "surrendered": "surrendered", "defected": "defected",
    "casualties": "casualties", "losses": "casualties", "lost": "lost",
    "abandoned": "lost", "destroyed": "destroyed", "damaged": "damaged", "sunk": "sunk",
    "evacuated": "displaced", "displaced": "displaced",
}  # fmt: skip
"""One word -> its category (`KIA` -> killed, `POWs` -> captured, `losses` -> casualties)."""

CATEGORY_PHRASES: dict[str, str] = {
    "shot down": "shot_down", "left behind": "lost", "taken prisoner": "captured",
    "missing in action": "missing", "missed in action": "missing",
    "killed in action": "killed", "died of wounds": "killed",
}  # fmt: skip
"""Several words -> a category (`shot down` -> shot_down)."""

JOINT_CATEGORIES: dict[frozenset[str], str] = {
    frozenset({"killed", "wounded"}): "killed_or_wounded",
    frozenset({"wounded", "missing"}): "wounded_or_missing",
    frozenset({"captured", "missing"}): "captured_or_missing",
    frozenset({"killed", "missing"}): "killed_or_missing",
    frozenset({"destroyed", "damaged"}): "lost",
}
"""Joint counts that stay joint: `dead or wounded` -> killed_or_wounded, never split."""

_PERSONNEL_CATEGORIES = frozenset({"killed", "wounded", "captured", "missing"})

UNIT_WORDS: dict[str, str] = {
    "tank": "tanks", "tanks": "tanks",
    "vehicle": "vehicles", "vehicles": "vehicles", "apc": "vehicles", "apcs": "vehicles",
    "afv": "vehicles", "afvs": "vehicles", "ifv": "vehicles", "ifvs": "vehicles",
    "aav": "vehicles", "aavs": "vehicles", "technicals": "vehicles", "technical": "vehicles",
    "cars": "vehicles", "car": "vehicles", "trucks": "vehicles", "pickups": "vehicles",
    "mrls": "vehicles", "mrl": "vehicles", "carriers": "ships", "carrier": "ships",
    "aircraft": "aircraft", "planes": "aircraft", "plane": "aircraft", "jets": "aircraft",
    "jet": "aircraft", "airplanes": "aircraft", "bombers": "aircraft", "bomber": "aircraft",
    "helicopter": "helicopters", "helicopters": "helicopters", "ships": "ships",
    "ship": "ships", "warships": "ships", "warship": "ships", "gunboats": "ships",
    "gunboat": "ships", "battleships": "ships", "battleship": "ships", "cruisers": "ships",
    "cruiser": "ships", "destroyers": "ships", "destroyer": "ships", "vessel": "ships",
    "vessels": "ships", "boat": "ships", "boats": "ships", "submarines": "ships",
    "submarine": "ships", "frigates": "ships", "frigate": "ships", "guns": "guns",
    "gun": "guns", "cannon": "guns", "cannons": "guns", "howitzers": "guns",
    "howitzer": "guns", "artillery": "guns", "mortars": "guns", "throwers": "guns",
    "catapults": "guns", "trebuchets": "guns",
    "elephants": "other", "horses": "other", "camels": "other", "buildings": "other",
    "sorties": "other", "missions": "other",
}  # fmt: skip
"""Materiel words -> unit. Anything else counted (men, troops, cavalry) is personnel."""

MODEL_UNITS: dict[str, str] = {
    "t": "tanks", "brdm": "vehicles", "bmp": "vehicles", "btr": "vehicles", "ratel": "vehicles",
    "ratels": "vehicles", "shilka": "vehicles", "imr": "vehicles", "olifant": "tanks",
    "grad": "vehicles", "mirage": "aircraft", "rafale": "aircraft", "su": "aircraft",
    "sukhoi": "aircraft", "mig": "aircraft", "gazelle": "helicopters", "tiger": "helicopters",
    "mi": "helicopters", "galeb": "aircraft", "patton": "tanks",
}  # fmt: skip
"""Model names -> unit when no unit word is given: `20 T-72s` -> tanks."""

FORMATION_WORDS: frozenset[str] = frozenset({
    "division", "divisions", "brigade", "brigades", "battalion", "battalions", "regiment",
    "regiments", "corps", "battery", "batteries", "company", "companies", "troop", "army",
    "armies", "squadron", "squadrons", "platoon", "platoons", "fleet", "fleets",
})  # fmt: skip
"""Formations counted as formations (`2 infantry divisions`): unit other."""

QUALIFIERS: frozenset[str] = frozenset({
    "initially", "at first", "originally", "later", "eventually", "at the start", "at peak",
    "at most", "at the end", "in total", "total", "engaged", "present",
})  # fmt: skip
"""Words after a number that qualify it rather than name what it counts (a `note`)."""

NOT_LOSS_WORDS: frozenset[str] = frozenset({"survived", "retreated", "escaped", "fled"})
"""Under casualties, a count of these is not a loss: flagged, not read."""

KNOWN_SOURCES: tuple[str, ...] = (
    "Red Cross", "ICRC", "Iraq Body Count", "UN", "U.N.", "United Nations", "Amnesty",
    "Human Rights Watch", "HRW", "SOHR", "Airwars",
)
"""Parentheses naming only one of these are attributions: `(Iraq Body Count)`."""

_MONTH_NAMES = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
)
_MONTHS = _MONTH_NAMES + r"\b\.?"
_MONTH_PREFIXES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                   "Dec")
"""Every month name above starts with one of these: a value without any has no month."""
_NEEDS_MONTH = "month"
_NEEDS_ERA = "era"
_NEEDS_YEAR = "year"
_NEEDS_PAREN_YEAR = "paren_year"
_NEEDS_DIGIT_LETTER = "digit_letter"
_NEEDS_MM = "mm"
_NEEDS_LETTER_DIGIT = "letter_digit"
_ACCOUNTED: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("date", re.compile(r"\b\d{1,2}(?:[ \u00a0]*[–—-][ \u00a0]*\d{1,2})?[ \u00a0]+" + _MONTHS
                        + r"(?:,?[ \u00a0]+\d{3,4}\b)?"), _NEEDS_MONTH),
    ("date", re.compile(r"\b" + _MONTHS + r",?[ \u00a0]+\d{1,4}\b(?:[–—-]\d{1,2}\b)?"
                        r"(?:,?[ \u00a0]+\d{3,4}\b)?"), _NEEDS_MONTH),
    ("date", re.compile(r"\b\d{1,4}[ \u00a0]?(?:AD|BC|BCE|CE)\b"), _NEEDS_ERA),
    ("date", re.compile(r"\b(?:in|by|since|until|from|after|before|during)[ \u00a0]+"
                        r"(?:1\d{3}|20\d{2})\b(?![,.]\d)", re.I), _NEEDS_YEAR),
    ("date", re.compile(r"\((?:c\.[ \u00a0]?)?(?:1\d{3}|20\d{2})\)"), _NEEDS_PAREN_YEAR),
    ("ordinal", re.compile(r"\b\d+(?:st|nd|rd|th)\b", re.I), _NEEDS_DIGIT_LETTER),
    ("unit", re.compile(r"\b\d+-\d+[A-Za-z]+\b"), _NEEDS_DIGIT_LETTER),
    ("calibre", re.compile(r"\b\d+(?:\.\d+)?[ \u00a0]?mm\b"), _NEEDS_MM),
    ("model", re.compile(r"\b[A-Za-z]+-?\d+[A-Za-z0-9]*(?:/\d+[A-Za-z]*)?"), _NEEDS_LETTER_DIGIT),
    ("model", re.compile(r"\b\d+[A-Za-z]+\b"), _NEEDS_DIGIT_LETTER),
)  # fmt: skip
"""Digit runs that name something rather than count: (reason, pattern, what any match needs).

The last element names a cheap test (`_passed`) that every match of the pattern passes, so a
value that fails it skips the pattern: most figure values hold no month, year, era or model.
"""
_DIGIT_LETTER = re.compile(r"\d[A-Za-z]", re.I)
_LETTER_DIGIT = re.compile(r"[A-Za-z]-?\d")
_YEAR_DIGITS = re.compile(r"\d{4}")


def _passed(text: str) -> set[str]:
    """The `_NEEDS_*` tests `text` passes (each a necessary condition of some pattern)."""
    out = set()
    for m in _MONTH_PREFIXES:
        if m in text:
            out.add(_NEEDS_MONTH)
            break
    if "AD" in text or "BC" in text or "CE" in text:
        out.add(_NEEDS_ERA)
    if _YEAR_DIGITS.search(text) is not None:
        out.add(_NEEDS_YEAR)
        if "(" in text:
            out.add(_NEEDS_PAREN_YEAR)
    if _DIGIT_LETTER.search(text) is not None:
        out.add(_NEEDS_DIGIT_LETTER)
    if "mm" in text:
        out.add(_NEEDS_MM)
    if _LETTER_DIGIT.search(text) is not None:
        out.add(_NEEDS_LETTER_DIGIT)
    return out


_DIGITS = re.compile(r"\d+")
_FORMATION = re.compile(r"\b(?:" + "|".join(sorted(FORMATION_WORDS)) + r")\b", re.I)
_SEPARATOR = re.compile(r"-{3,}|<\s*hr\s*/?\s*>|[|\n();•]|,(?!\d)|\.(?=\s+[A-Z])")
_HARD = frozenset("|\n")
_LABEL = re.compile(r"([^\d:()\n]{1,80}):[ \u00a0]*")
_MID_LABEL = re.compile(r"\s([A-Z][^\d:(),;\n]{0,40}):")
_WORDS = re.compile(r"[A-Za-z][\w'’.-]*")
_ATTRIB_PREFIX = re.compile(
    r"^(?:according\s+to|acc\.|acc\s|per|as\s+per|citing|source:|sources:)\s*(?:the\s+)?(?P<who>.+)$",
    re.I,
)
_ATTRIB_SUFFIX = re.compile(
    r"^(?P<who>.+?)(?:'s|’s)?\s+(?P<what>claims?|claimed|estimates?|estimations?|"
    r"reports?|reported|sources?|records?|figures?|count|says|memoirs|testimony|account)$",
    re.I,
)
_TOTAL = re.compile(r"^(?:total|overall|grand\s+total|combined|in\s+total)\b", re.I)
_CIVILIAN = re.compile(r"\bcivilian", re.I)
_OVERALL = re.compile(r"\b(?:overall|both\s+sides|combined)\b", re.I)
_TOTAL_AFTER = re.compile(r"^\s*(?:total|in\s+total)\b", re.I)
_TOTAL_WORD = re.compile(r"^[^,;(]{0,30}\b(?:in\s+)?total\b", re.I)
_INCLUDING = re.compile(r"\b(?:including|incl\.|of\s+which|of\s+whom|among\s+them|of\s+them)\b",
                        re.I)
_OR_GAP = re.compile(r"\s+or\s+", re.I)
_OUT_OF = re.compile(r"\s+out\s+of\s+", re.I)
_PHRASE_STOP = re.compile(
    r"\s(?:of\s+which|including|incl\.|out\s+of|by\s+the|by|from|in(?!\s+action)|while|"
    r"with|at|on|during|after|before|for|aboard|plus|and\s+\d)\b",
    re.I,
)
_ESTIMATE_NOTES = frozenset({"estimated", "est", "estimate", "approx", "approximate", "approximately"})
_CACHE_SIZE = 4096
"""Entries of each small-helper cache (phrases, words, attributions)."""
_CACHE_MAX_CHARS = 160
"""Phrases longer than this are read uncached (leaked prose does not repeat)."""
MAX_VALUE_CHARS = 10_000
"""Longer values are leaked pages, not infobox values: read this much, flag the rest."""
_PROSE_WORDS = 9  # a phrase longer than this is leaked prose, not a subject


@dataclass(frozen=True, slots=True)
class Figure:
    """One count: `58 soldiers killed` -> killed personnel 58..58, subject `soldiers`.

    `part_of` is the index (in the same claim) of the figure this one is a part of
    (`Including 117 officers`), so a sum over a category must skip it. `start`/`end` is the
    span of the field value this figure was read from (not in the JSON).
    """

    category: Category
    unit: Unit
    low: int | None
    high: int | None
    approximate: bool = False
    bound: Literal["at_least", "at_most"] | None = None
    subject: str | None = None
    text: str = ""
    includes: tuple[str, ...] = ()
    part_of: int | None = None
    total: bool = False
    note: str | None = None
    start: int = 0
    end: int = 0

    def to_json(self) -> dict[str, Any]:
        """The schema's Figure, with `part_of`, `total` and `note` when they are set."""
        out: dict[str, Any] = {
            "category": self.category, "unit": self.unit, "low": self.low, "high": self.high,
            "approximate": self.approximate, "bound": self.bound, "subject": self.subject,
            "text": self.text, "includes": list(self.includes),
        }  # fmt: skip
        if self.part_of is not None:
            out["part_of"] = self.part_of
        if self.total:
            out["total"] = True
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True, slots=True)
class Claim:
    """One attributed statement: `3 killed, 6 wounded, (according to MUJAO)` @MUJAO.

    `label` is a sub-group the text names (`France:`), `alternative` numbers the readings
    of `15,000 or 40,000–60,000` (0, 1, ...), `within` the label of an enclosing sub-group.
    """

    text: str
    source: str | None
    scope: Scope
    figures: tuple[Figure, ...]
    label: str | None = None
    alternative: int | None = None
    within: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The schema's Claim, with the extra keys when they are set."""
        out: dict[str, Any] = {
            "text": self.text, "source": self.source, "scope": self.scope,
            "figures": [f.to_json() for f in self.figures],
        }  # fmt: skip
        if self.label is not None:
            out["label"] = self.label
        if self.alternative is not None:
            out["alternative"] = self.alternative
        if self.within is not None:
            out["within"] = self.within
        return out


@dataclass(frozen=True, slots=True)
class FigureReading:
    """What one strength/casualties value says: claims, flags, and digit spans that are names."""

    claims: tuple[Claim, ...]
    flags: tuple[Flag, ...]
    accounted: tuple[tuple[int, int, str], ...]

    def to_json(self) -> dict[str, Any]:
        """Claims and flags in record form."""
        return {
            "claims": [c.to_json() for c in self.claims],
            "flags": [f.to_json() for f in self.flags],
        }


# -- step 1: digit runs that are names ---------------------------------------------------


def accounted_spans(text: str) -> list[tuple[int, int, str]]:
    """Spans of digits that name rather than count: `20 T-72s` -> [(3, 8, "model")]."""
    spans: list[tuple[int, int, str]] = []
    if _DIGITS.search(text) is None:
        return spans  # every pattern needs a digit
    passed = _passed(text)
    taken: _Coverage | None = None
    for reason, pattern, need in _ACCOUNTED:
        if need not in passed:
            continue
        for m in pattern.finditer(text):  # every pattern's match holds a digit
            s, e = m.span()
            if taken is None:
                taken = _Coverage(len(text))
            elif taken.any(s, e):
                continue
            spans.append((s, e, reason))
            taken.mark(s, e)
    spans.sort()
    return spans


class _Quantities:
    """The quantities of a value, sorted by start, to take those inside a span quickly."""

    __slots__ = ("items", "starts")

    def __init__(self, items: list[Quantity]) -> None:
        self.items = items
        self.starts = [q.start for q in items]

    def within(self, start: int, end: int) -> list[Quantity]:
        """The quantities wholly inside text[start:end], in order."""
        out = []
        i = bisect_left(self.starts, start)
        while i < len(self.items) and self.items[i].start < end:
            if self.items[i].end <= end:
                out.append(self.items[i])
            i += 1
        return out


class _Coverage:
    """Which characters of a text some span covers; marks and queries in O(span length)."""

    __slots__ = ("covered",)

    def __init__(self, size: int) -> None:
        self.covered = bytearray(size + 1)

    def mark(self, start: int, end: int) -> None:
        """Cover text[start:end]."""
        self.covered[start:end] = b"\x01" * (end - start)

    def any(self, start: int, end: int) -> bool:
        """Is any character of text[start:end] covered?"""
        return 1 in self.covered[start:end]

    def at(self, pos: int) -> bool:
        """Is text[pos] covered?"""
        return self.covered[pos] == 1


# -- step 2: groups and items ------------------------------------------------------------


@dataclass(slots=True)
class _Item:
    """A comma-separated piece of one group (span in the value), paren-aware."""

    start: int
    end: int
    group: int
    bullet: bool = False


def _items(text: str) -> list[_Item]:
    """Cut the value into items; parentheses keep their commas (`(20 T-72s, 4 T-55s)`)."""
    items: list[_Item] = []
    depth, begin, group = 0, 0, 0
    for m in _SEPARATOR.finditer(text):
        sep = m.group()
        if sep == "(":
            depth += 1
            continue
        if sep == ")":
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        if sep == "." and not _sentence_end(text, m.start()):
            continue
        _push(items, text, begin, m.start(), group)
        if sep in _HARD or len(sep) > 1:
            group += 1
        begin = m.end()
    _push(items, text, begin, len(text), group)
    if "•" in text:
        for i in range(len(items) - 1):
            if "•" in text[items[i].end : items[i + 1].start]:
                items[i + 1].bullet = True
    return items


def _sentence_end(text: str, dot: int) -> bool:
    """`... approached 30,000. Other sources` ends a sentence; `U.S. cavalry` does not."""
    before = text[max(0, dot - 3) : dot]
    return len(before) == 3 and ((before.isalpha() and before.islower()) or before.isdigit())


def _push(items: list[_Item], text: str, start: int, end: int, group: int) -> None:
    """Trim an item (spaces, list stars, a leading colon) and keep it when it says something."""
    bullet = False
    while start < end and (text[start].isspace() or text[start] in "*:"):
        bullet = bullet or text[start] == "*"
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        items.append(_Item(start, end, group, bullet))


# -- step 3: reading one item ------------------------------------------------------------


@dataclass(slots=True)
class _Paren:
    start: int
    end: int  # after the closing paren (or the item end when it never closes)
    inner_start: int
    inner_end: int


@dataclass(slots=True)
class _Draft:
    """A figure before it joins a claim."""

    figure: Figure
    scope: Scope
    alternative: int | None = None
    part_of_previous: bool = False
    source: str | None = None  # an attribution inside its own parentheses (own claim)
    said: bool = True  # the text named a category or a unit for it


@dataclass(slots=True)
class _ItemReading:
    drafts: list[_Draft] = field(default_factory=list)
    label: str | None = None
    label_source: str | None = None
    label_scope: Scope | None = None
    closing_source: str | None = None
    opening_source: str | None = None
    notes: list[str] = field(default_factory=list)
    opens_including: bool = False


_PAREN_CHARS = re.compile(r"[()]")


def _parens(text: str, start: int, end: int) -> list[_Paren]:
    """Top-level parentheses of text[start:end]; an unclosed one runs to the end."""
    out: list[_Paren] = []
    first = text.find("(", start, end)
    if first < 0:
        return out  # the common case: no parenthesis at all
    depth, open_at = 0, -1
    for m in _PAREN_CHARS.finditer(text, first, end):
        i = m.start()
        ch = text[i]
        if ch == "(":
            if depth == 0:
                open_at = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                out.append(_Paren(open_at, i + 1, open_at + 1, i))
    if depth:
        out.append(_Paren(open_at, end, open_at + 1, end))
    return out


@lru_cache(maxsize=_CACHE_SIZE)
def attribution(text: str) -> str | None:
    """Who a phrase attributes to: `according to the MNLA` -> `MNLA`, `Ukrainian claim` ->
    `Ukrainian`, `Mewari sources` -> `Mewari sources`, `Iraq Body Count` -> itself."""
    t = text.strip(" ,;:.\u00a0")
    if not t:
        return None
    for known in KNOWN_SOURCES:
        if t.lower() == known.lower():
            return t
    m = _ATTRIB_PREFIX.match(t)
    if m:
        return m.group("who").strip(" ,;:.") or None
    m = _ATTRIB_SUFFIX.match(t)
    if m:
        who = m.group("who").strip(" ,;:")
        if who.lower().startswith("the "):
            who = who[4:]
        what = m.group("what").lower()
        if who.lower() == "official":
            return None
        if what.startswith("source") or who.lower() in {"other", "another", "one", "modern",
                                                        "some", "alternative"}:
            return t
        if len(who.split()) > 6:
            return None
        return who or None
    return None


def _label_kind(label: str) -> tuple[str | None, Scope | None]:
    """`Per Russia` -> (source Russia, None); `Total` -> (None, overall); `France` -> (None, None)."""
    if _TOTAL.match(label):
        return None, "overall"
    if _CIVILIAN.search(label):
        return None, "civilians"
    return attribution(label), None


_Words = tuple[tuple[int, int, str], ...]
"""Lowercased words of a phrase with their spans: what `_words` gives."""


@lru_cache(maxsize=_CACHE_SIZE)
def _words(s: str) -> _Words:
    """Lowercased words with spans; a glued footnote mark is dropped (`woundedefn`).

    Cached (a pure function of a short phrase; phrases like ` killed` repeat across values).
    """
    out = []
    for m in _WORDS.finditer(s):
        w = m.group().lower().rstrip(".")
        if w.endswith("efn") and w[:-3] in CATEGORY_WORDS:
            w = w[:-3]
        out.append((m.start(), m.end(), w))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class _Phrase:
    """What follows a number: category, unit, subject and where it ends."""

    category: str | None
    includes: tuple[str, ...]
    unit: str
    subject: str | None
    end: int  # offset (in the tail) just after what was used
    total: bool = False
    overall: bool = False
    not_loss: bool = False
    unit_word: bool = False
    note: str | None = None


def _category_at(words: _Words, k: int, tail: str) -> tuple[str, int] | None:
    """The category starting at word k: (category, index of its last word) or None."""
    w = words[k][2]
    if k + 1 < len(words):
        two = w + " " + words[k + 1][2]
        if two in CATEGORY_PHRASES and not tail[words[k][1] : words[k + 1][0]].strip():
            last = k + 1
            if k + 2 < len(words) and two + " " + words[k + 2][2] in CATEGORY_PHRASES:
                last = k + 2
            return CATEGORY_PHRASES[two], last
        if k + 2 < len(words):
            three = two + " " + words[k + 2][2]
            if three in CATEGORY_PHRASES:
                return CATEGORY_PHRASES[three], k + 2
    if w in CATEGORY_WORDS:
        if w == "missed" and not (k + 2 < len(words) and words[k + 2][2] == "action"):
            return None
        if w == "missed":
            return "missing", k + 2
        return CATEGORY_WORDS[w], k
    return None


def _category_run(
    words: _Words, k: int, tail: str
) -> tuple[list[str], int] | None:
    """`killed, wounded, or captured` from word k: ([killed, wounded, captured], last word)."""
    first = _category_at(words, k, tail)
    if first is None:
        return None
    cats, last = [first[0]], first[1]
    while last + 1 < len(words):
        gap = tail[words[last][1] : words[last + 1][0]]
        nxt = last + 1
        if words[nxt][2] in ("or", "and") and not gap.strip(" ,/"):
            if nxt + 1 >= len(words):
                break
            gap2 = tail[words[nxt][1] : words[nxt + 1][0]]
            if gap2.strip():
                break
            nxt += 1
        elif gap.strip(" ,/") or not gap:
            break
        got = _category_at(words, nxt, tail)
        if got is None:
            break
        cats.append(got[0])
        last = got[1]
    return cats, last


def _joint(cats: list[str]) -> tuple[str, tuple[str, ...]]:
    """[killed, wounded] -> killed_or_wounded; three or more personnel ones -> casualties."""
    uniq = list(dict.fromkeys(cats))
    if len(uniq) == 1:
        return uniq[0], ()
    joint = JOINT_CATEGORIES.get(frozenset(uniq))
    if joint is not None:
        return joint, tuple(uniq)
    return "casualties", tuple(uniq)


def _unit_of(words: _Words) -> tuple[str, bool]:
    """The unit the words name: (unit, named?). The head noun decides: the last unit or
    formation word before any `of` (`artillery batteries` and `battalions of artillery` are
    formations, `Ratel infantry fighting vehicles` vehicles, `personnel carriers` vehicles)."""
    for k, (_, _, w) in enumerate(words):
        if w == "of":
            words = words[:k]
            break
    for k in range(len(words) - 1, -1, -1):
        w = words[k][2]
        if w in ("carriers", "carrier") and k and words[k - 1][2] == "personnel":
            return "vehicles", True
        if w in UNIT_WORDS:
            return UNIT_WORDS[w], True
        if w in FORMATION_WORDS:
            return "other", True
    for _, _, w in words:
        base = w.split("-")[0]
        if base in MODEL_UNITS:
            return MODEL_UNITS[base], True
    return "personnel", False


def _read_phrase(tail: str) -> _Phrase:
    """Read `soldiers killed (x)`, `vehicles destroyed`, `killed, wounded or captured`.

    Cached for short tails: a pure function of the phrase, and the same phrases (` killed`,
    ` wounded`, ` men`) recur across values and articles.
    """
    return _read_phrase_cached(tail) if len(tail) <= _CACHE_MAX_CHARS else _read_phrase_text(tail)


def _read_phrase_text(tail: str) -> _Phrase:
    """`_read_phrase`, uncached."""
    stop = _PHRASE_STOP.search(tail)
    head = tail[: stop.start()] if stop else tail
    words = _words(head)
    for k in range(len(words)):
        run = _category_run(words, k, head)
        if run is None:
            continue
        cats, last = run
        # `captured knights executed`: a category used as an adjective gives way to a later one
        if last + 1 < len(words) and k + 4 > last + 1:
            for k2 in range(last + 2, min(len(words), last + 4)):
                later = _category_run(words, k2, head)
                if later is not None:
                    k, (cats, last) = k2, later
                    break
        category, includes = _joint(cats)
        before = words[:k]
        unit, named = _unit_of(before)
        subject_words = head[before[0][0] : before[-1][1]] if before else ""
        return _Phrase(
            category, includes, unit, _subject(subject_words), words[last][1],
            total=_TOTAL_WORD.match(tail) is not None, overall=_OVERALL.search(tail) is not None,
            unit_word=named,
        )
    unit, named = _unit_of(words)
    total = _TOTAL_WORD.match(tail) is not None
    if _TOTAL_AFTER.match(tail):
        head = ""
    subject = _subject(head)
    notes = []
    if subject is not None and subject.lower() in QUALIFIERS:
        notes.append(subject)
        subject = None
    after = tail[stop.start() :].strip(" ,;:.") if stop else ""
    if 2 <= len(after.split()) <= 8 and not _DIGITS.search(after):
        notes.append(after)
    digit = _DIGITS.search(tail)
    end = len(tail.rstrip(" ,;:")) if notes else len(head.rstrip(" ,;:"))
    if digit is not None:
        end = min(end, digit.start())
    return _Phrase(
        None, (), unit, subject, end, total=total,
        overall=_OVERALL.search(tail) is not None, unit_word=named,
        not_loss=any(w in NOT_LOSS_WORDS for _, _, w in words),
        note="; ".join(notes) or None,
    )


_read_phrase_cached = lru_cache(maxsize=_CACHE_SIZE)(_read_phrase_text)


_SUBJECT_EDGE = re.compile(r"^(?:(?:and|or|plus)\s+)+|(?:\s+(?:and|or|plus))+$", re.I)


def _subject(s: str) -> str | None:
    """A short noun phrase (`French Special Forces`), or None for nothing or leaked prose."""
    s = _SUBJECT_EDGE.sub("", s.strip(" ,;:.*\"'\u00a0")).strip(" ,;:.*")
    if not s or len(s.split()) > _PROSE_WORDS or '"' in s:
        return None
    return s


def _read_item(text: str, item: _Item, strength: bool, accounted: list[tuple[int, int, str]],
               quantities: _Quantities) -> _ItemReading:
    """Read one item: its label, figures, attributions and notes."""
    out = _ItemReading()
    start, end = item.start, item.end
    lab = _LABEL.match(text, start, end) if text.find(":", start, end) >= 0 else None
    if lab is not None and lab.group(1).strip():
        label = lab.group(1).strip(" *•")
        source, scope = _label_kind(label)
        out.label, out.label_source, out.label_scope = label, source, scope
        start = lab.end()
    parens = _parens(text, start, end)
    # whole item in parentheses: its parts are items of their own, one level down
    if len(parens) == 1 and parens[0].start == start and parens[0].end >= end - 1:
        p = parens[0]
        _read_inner(text, p.inner_start, p.inner_end, strength, accounted, quantities, out,
                    whole=True)
        return out
    core_qs = quantities.within(start, end)
    if parens:  # only the quantities outside every parenthesis
        pstarts = [p.start for p in parens]
        core_qs = [q for q in core_qs if (k := bisect_right(pstarts, q.start) - 1) < 0
                   or q.start >= parens[k].end]
    if not core_qs and not parens:
        who = attribution(text[start:end])
        if who is not None and lab is None:
            out.opening_source = who
        elif text[start:end].rstrip().endswith(":") and _INCLUDING.search(text, start, end):
            out.opens_including = True
        return out
    _read_core(text, start, end, parens, core_qs, strength, out)
    n_core = len(out.drafts)
    for p in parens:
        _read_inner(text, p.inner_start, p.inner_end, strength, accounted, quantities, out,
                    whole=False)
    if strength and n_core == 1 and len(out.drafts) == n_core + 1:
        outer, inner = out.drafts
        if (outer.figure.unit == "other" and inner.figure.subject is None
                and _FORMATION.search(outer.figure.text)):
            # `1 infantry division (15,000–20,000)`: the men of one formation
            out.drafts = [_Draft(replace(
                inner.figure, subject=outer.figure.text, text=text[item.start : item.end],
                start=item.start, end=item.end), outer.scope)]
    if text[start:end].rstrip(" :").lower().endswith(
            ("including", "incl.", "of which")) and _INCLUDING.search(text, start, end):
        out.opens_including = True
    return out


def _read_core(text: str, start: int, end: int, parens: list[_Paren], qs: list[Quantity],
               strength: bool, out: _ItemReading) -> None:
    """The figures of an item outside its parentheses."""
    alternative = 0 if len(qs) > 1 and any(
        _OR_GAP.fullmatch(text[a.end : b.start]) for a, b in itertools.pairwise(qs)
    ) else None
    pstarts = [p.start for p in parens]
    i = 0
    while i < len(qs):
        q = qs[i]
        limit = _paren_limit(pstarts, q.end, qs[i + 1].start if i + 1 < len(qs) else end)
        out_of = None
        if i + 1 < len(qs) and _OUT_OF.fullmatch(text[q.end : qs[i + 1].start]):
            out_of = qs[i + 1]  # `203–211 out of 270 brothers killed`
            limit = _paren_limit(pstarts, out_of.end, qs[i + 2].start if i + 2 < len(qs) else end)
        tail_from = out_of.end if out_of else q.end
        phrase = _read_phrase(text[tail_from:limit])
        head = text[start if i == 0 else qs[i - 1].end : q.start]
        fig_start = start if i == 0 else q.start
        fig_end = tail_from + phrase.end if phrase.category else max(q.end, tail_from)
        fig_end = max(fig_end, q.end)
        if phrase.category is None:
            fig_end = max(q.end, tail_from + phrase.end)
        draft = _draft(text, q, phrase, strength, fig_start, fig_end, out_of)
        if draft is None:
            i += 2 if out_of else 1
            continue
        after = text[q.end : limit]
        draft.part_of_previous = _has_including(head) or (
            "of them" in after.lower() and _INCLUDING.search(after) is not None)
        if alternative is not None:
            draft.alternative = alternative
            if i + 1 < len(qs) and _OR_GAP.fullmatch(text[q.end : qs[i + 1].start]):
                alternative += 1
        out.drafts.append(draft)
        i += 2 if out_of else 1


def _has_including(s: str) -> bool:
    """`_INCLUDING.search(s)`, skipped when the text holds none of its words (every match
    holds `incl`, `of` or `among`)."""
    if not s:
        return False
    if folds_plainly(s):
        low = s.lower()
        if "of" not in low and "incl" not in low and "among" not in low:
            return False
    return _INCLUDING.search(s) is not None


def _paren_limit(pstarts: list[int], after: int, limit: int) -> int:
    """Where a number's phrase ends: the next parenthesis after it, or `limit`."""
    k = bisect_left(pstarts, after)
    return min(limit, pstarts[k]) if k < len(pstarts) else limit


def _draft(text: str, q: Quantity, phrase: _Phrase, strength: bool, start: int, end: int,
           out_of: Quantity | None) -> _Draft | None:
    """Figure from a quantity and its phrase; None when it counts no loss (`2,000 survived`)."""
    if phrase.not_loss and not strength:
        return None
    unit = phrase.unit
    if strength:
        category = "strength"
    elif phrase.category is not None:
        category = phrase.category
    elif unit != "personnel":
        category = "lost"
    else:
        category = "casualties"
    subject = phrase.subject
    scope: Scope = "side"
    if subject and _CIVILIAN.search(subject):
        scope = "civilians"
    elif phrase.overall:
        scope = "overall"
    note = phrase.note or None
    if out_of is not None:
        note = f"{note}; out of {out_of.text}" if note else f"out of {out_of.text}"
    fig = Figure(
        category=category,  # type: ignore[arg-type]
        unit=unit,  # type: ignore[arg-type]
        low=q.low, high=q.high, approximate=q.approximate, bound=q.bound, subject=subject,
        text=text[start:end].strip(" ,;"), includes=phrase.includes, total=phrase.total,
        note=note, start=start, end=end,
    )
    said = phrase.category is not None or phrase.unit_word or phrase.subject is None
    return _Draft(fig, scope, said=said)


_INNER_SEP = re.compile(r"[;,]")
_OWN_SOURCE = re.compile(r"\b(?:according\s+to|acc\.|per)\s", re.I)


def _read_inner(text: str, start: int, end: int, strength: bool,
                accounted: list[tuple[int, int, str]], quantities: _Quantities,
                out: _ItemReading, whole: bool) -> None:
    """A parenthesis: attribution, qualifier, or figures of its own (a breakdown)."""
    parts: list[tuple[int, int]] = []
    begin = start
    for sep in _INNER_SEP.finditer(text, start, end):
        i = sep.start()
        if text[i] == ";" or not text[i + 1 : i + 2].isdigit():  # not the comma of `1,500`
            parts.append((begin, i))
            begin = i + 1
    parts.append((begin, end))
    for s, e in parts:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        piece = text[s:e]
        qs = quantities.within(s, e)
        if not qs:
            who = attribution(piece)
            if who is not None:
                out.closing_source = who
            elif not strength and _CIVILIAN.search(piece) and not out.drafts:
                out.label_scope = out.label_scope or "civilians"
                out.notes.append(piece)
            else:
                out.notes.append(piece)
            continue
        # `(2,500 according to one estimate)`: a number with its own source is its own claim
        m = _OWN_SOURCE.search(piece)
        own_source = attribution(piece[m.start() :]) if m else None
        if own_source is not None and m is not None:
            e = s + m.start()
            qs = [q for q in qs if q.end <= e]
        sub = _ItemReading()
        _read_core(text, s, e, [], qs, strength, sub)
        for d in sub.drafts:
            if not strength and not d.said and own_source is None:
                continue  # `(Only 2 bodies were found)`: left for an unparsed flag
            if own_source is not None:
                d.source = own_source
            else:  # a breakdown: the builder finds the figure it belongs to, if any
                d.part_of_previous = True
            out.drafts.append(d)


# -- step 4: claims ----------------------------------------------------------------------


@dataclass(slots=True)
class _Open:
    """The claim being built."""

    start: int
    end: int
    figures: list[Figure] = field(default_factory=list)
    scope: Scope = "side"
    source: str | None = None
    label: str | None = None
    alternative: int | None = None
    within: str | None = None


class _Builder:
    """Collects figures into claims as items arrive (see the module docstring, step 4)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.claims: list[Claim] = []
        self.current: _Open | None = None
        self.ctx_source: str | None = None
        self.ctx_label: str | None = None
        self.ctx_scope: Scope | None = None
        self.ctx_within: str | None = None
        self.ctx_subject: str | None = None  # a sub-group label names who is counted
        self.including: int | None = None  # figure index a `including:` list belongs to
        self.last_closed: int | None = None  # claim index an attribution may still name

    def reset(self) -> None:
        """A hard separator: nothing carries over."""
        self.close()
        self.ctx_source = self.ctx_label = self.ctx_scope = self.ctx_within = None
        self.ctx_subject = None
        self.including = None
        self.last_closed = None

    def close(self) -> None:
        """End the claim being built (kept only when it has figures)."""
        c = self.current
        if c is not None and c.figures:
            self.claims.append(Claim(
                text=self.text[c.start : c.end].strip(" ,;"), source=c.source, scope=c.scope,
                figures=tuple(c.figures), label=c.label, alternative=c.alternative,
                within=c.within,
            ))  # fmt: skip
            self.last_closed = len(self.claims) - 1
        self.current = None
        self.including = None

    def open(self, start: int, scope: Scope, alternative: int | None = None) -> _Open:
        """Start a new claim at `start` with the current context (source, label, within)."""
        self.close()
        self.current = _Open(
            start, start, scope=scope, source=self.ctx_source, label=self.ctx_label,
            alternative=alternative, within=self.ctx_within,
        )
        return self.current

    def add(self, item: _Item, d: _Draft, bullet_parent: int | None) -> None:
        """Put a figure in the right claim: a new one when scope, alternative or source differ;
        mark it `part_of` its parent (`Including 117 officers`, `• 8,000 men-at-arms`)."""
        scope: Scope = self.ctx_scope or d.scope
        if d.part_of_previous and self.current is not None and self.current.figures:
            scope = self.current.scope
        elif d.scope == "civilians":
            scope = "civilians"
        elif d.scope == "overall" and scope == "side":
            scope = "overall"
        c = self.current
        if (c is None or (c.figures and (c.scope != scope or c.alternative != d.alternative))
                or (d.source is not None)):
            if d.source is not None:
                saved = self.ctx_source
                self.ctx_source = d.source
                c = self.open(d.figure.start, scope, d.alternative)
                self.ctx_source = saved
            else:
                c = self.open(item.start, scope, d.alternative)
        c.scope = scope
        fig = d.figure
        parent = None
        if d.part_of_previous and c.figures:
            parent = _parent(c.figures, fig)
        elif self.including is not None and self.including < len(c.figures):
            parent = self.including
        elif bullet_parent is not None and bullet_parent < len(c.figures):
            parent = bullet_parent
        if parent is not None:
            fig = replace(fig, part_of=parent)
            if fig.category == "casualties" and c.figures[parent].category != "casualties":
                fig = replace(fig, category=c.figures[parent].category)
        elif (c.figures and fig.unit == "personnel" and fig.subject is None
              and c.figures[-1].unit not in ("personnel", "other")):
            # `28 tanks damaged, 2 captured`: an unnamed count after materiel is materiel
            fig = replace(fig, unit=c.figures[-1].unit)
        if fig.subject is None and self.ctx_subject and fig.unit == "personnel":
            fig = replace(fig, subject=self.ctx_subject)  # `France: 1,622 killed`
        if fig.category == "lost" and fig.unit == "personnel":
            fig = replace(fig, category="casualties")  # `3 men lost`
        c.figures.append(fig)
        c.end = max(c.end, item.end)
        if d.source is not None:
            self.close()


def _parent(figures: list[Figure], fig: Figure) -> int | None:
    """The figure a part belongs to: the last of the same category and unit, else the last
    of the same unit; None when nothing counts the same kind of thing."""
    for i in range(len(figures) - 1, -1, -1):
        f = figures[i]
        if f.part_of is None and f.category == fig.category and f.unit == fig.unit:
            return i
    for i in range(len(figures) - 1, -1, -1):
        if figures[i].part_of is None and figures[i].unit == fig.unit:
            return i
    return None


def read_figures(text: str, field: str) -> FigureReading:
    """Read a `strength1`/`casualties2`/... value into claims: see the module docstring.

    `read_figures("500–1,000 men", "strength2")` -> one claim, `strength personnel 500..1000`.
    A value longer than MAX_VALUE_CHARS (no real infobox value is) is read up to a separator
    near that length; the rest is one `unparsed` flag, not read.
    """
    if len(text) > MAX_VALUE_CHARS:
        cut = max(text.rfind(",", 0, MAX_VALUE_CHARS), text.rfind("|", 0, MAX_VALUE_CHARS))
        cut = cut if cut > 0 else MAX_VALUE_CHARS
        head = _read(text[:cut], field)
        rest = text[cut:]
        excerpt = rest[:200] + ("…" if len(rest) > 200 else "")
        flag = Flag("unparsed", field, excerpt,
                    f"value too long: {len(rest)} characters after the first {cut} not read")
        return replace(head, flags=(*head.flags, flag))
    return _read(text, field)


def _read(text: str, field: str) -> FigureReading:
    """read_figures on a value of reasonable length."""
    strength = field.lower().startswith("strength")
    accounted = accounted_spans(text)
    acc_pairs = [(s, e) for s, e, _ in accounted]
    found = find_quantities(text)
    if acc_pairs:
        names = _Coverage(len(text))
        for s, e in acc_pairs:
            names.mark(s, e)
        found = [q for q in found if not names.any(q.start, q.end)]
    quantities = _Quantities(found)
    items = _merge_continuations(text, _items(_split_mid_labels(text)))
    flags: list[Flag] = []
    b = _Builder(text)
    group = -1
    bullet_parent: int | None = None
    for item in items:
        if item.group != group:
            b.reset()
            group = item.group
        r = _read_item(text, item, strength, accounted, quantities)
        if r.label is not None:
            b.close()
            if item.bullet and b.ctx_label and not b.ctx_within:
                b.ctx_within = b.ctx_label
            elif not item.bullet:
                b.ctx_within = None
            b.ctx_label = r.label if r.label_source is None else None
            b.ctx_subject = r.label if r.label_source is None and r.label_scope is None else None
            b.ctx_source = r.label_source
            b.ctx_scope = r.label_scope
            b.open(item.start, r.label_scope or "side")
        if r.opening_source is not None:
            b.close()
            b.ctx_source = r.opening_source
        if not item.bullet and b.current is not None and b.current.figures:
            bullet_parent = len(b.current.figures)
        elif not item.bullet:
            bullet_parent = 0 if r.drafts else None
        for d in r.drafts:
            if r.label_scope and d.scope == "side":
                d.scope = r.label_scope
            b.add(item, d, bullet_parent if item.bullet else None)
            if d.figure.low is None and d.figure.bound == "at_most" and \
                    d.figure.text.lstrip()[:1] in "–—-":
                flags.append(Flag("unparsed", field, d.figure.text.split()[0],
                                  "a dash lost the number before it"))
        if not item.bullet and r.drafts and b.current is not None:
            bullet_parent = len(b.current.figures) - len(
                [d for d in r.drafts if d.source is None])
        if r.notes and b.current is not None and b.current.figures:
            last = b.current.figures[-1]
            if any(n.lower().strip(".") in _ESTIMATE_NOTES for n in r.notes):
                last = replace(last, approximate=True)  # `5,000 children (estimated)`
            note = "; ".join(r.notes)
            if (last.subject is None and not r.closing_source and len(note.split()) <= 4
                    and note[:1].isupper() and not _DIGITS.search(note)):  # `(Jena)`
                b.current.figures[-1] = replace(last, subject=note)
            else:
                b.current.figures[-1] = replace(
                    last, note=f"{last.note}; {note}" if last.note else note)
            b.current.end = max(b.current.end, item.end)
        if r.opens_including and b.current is not None and b.current.figures:
            b.including = len(b.current.figures) - 1
        elif b.including is not None and r.drafts and any(
                d.figure.category not in ("casualties", "lost", "strength") for d in r.drafts):
            b.including = None
        if r.closing_source is not None:
            c = b.current
            if c is not None and c.figures:
                c.source = r.closing_source if c.source is None else c.source
                c.end = max(c.end, item.end)
                b.close()
            elif b.last_closed is not None and b.claims[b.last_closed].source is None:
                b.claims[b.last_closed] = replace(b.claims[b.last_closed],
                                                  source=r.closing_source)
        elif b.current is not None and b.current.figures:
            b.current.end = max(b.current.end, item.end)
    b.close()
    flags.extend(_unread(text, b.claims, acc_pairs, field))
    return FigureReading(tuple(b.claims), tuple(flags), tuple(accounted))


_JOINERS = frozenset({"or", "and", "in", "action"})
_CONTINUATION_STOP = re.compile(r"[\d(]")


def _merge_continuations(text: str, items: list[_Item]) -> list[_Item]:
    """`12,000 killed`, `wounded`, `or captured` are one item: a joint category list."""
    out: list[_Item] = []
    for item in items:
        prev = out[-1] if out else None
        if prev is not None and prev.group == item.group:
            stop = _CONTINUATION_STOP.search(text, item.start, item.end)
            head = text[item.start : stop.start() if stop else item.end]
            words = _words(head)
            if (words and words[-1][2] in CATEGORY_WORDS
                    and all(w in CATEGORY_WORDS or w in _JOINERS for _, _, w in words)):
                before = _words(text[max(prev.start, prev.end - 20) : prev.end])
                if before and before[-1][2] in CATEGORY_WORDS:
                    prev.end = item.end
                    continue
        out.append(item)
    return out


_LABEL_BREAK = re.compile(r"[,;(|>:]")


def _split_mid_labels(text: str) -> str:
    """`... 7,000 captured Total casualties:, 12,000` -> a label starts a new item (a comma)."""
    if ":" not in text:
        return text
    out = []
    last = 0
    for m in _MID_LABEL.finditer(text):
        window = text[max(last, m.start() - 60) : m.start()]
        since = _LABEL_BREAK.split(window)[-1]
        if _DIGITS.search(since) and not since.endswith(","):
            out.append(text[last : m.start()])
            out.append(",")  # same length change: we keep offsets by replacing the space
            last = m.start() + 1
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def _unread(text: str, claims: list[Claim], accounted: list[tuple[int, int]],
            field: str) -> list[Flag]:
    """An `unparsed` flag for each fragment whose digits no figure or name took."""
    covered = _Coverage(len(text))
    for c in claims:
        for f in c.figures:
            covered.mark(f.start, f.end)
    for s, e in accounted:
        covered.mark(s, e)
    new: list[Flag] = []
    taken_until = -1  # fragments grow left to right
    marks = covered.covered  # read directly: this loop runs for every digit run of the value
    for m in _DIGITS.finditer(text):
        start = m.start()
        if marks[start] == 1 or start < taken_until:
            continue
        s, e = _fragment(text, start, m.end())
        taken_until = e
        new.append(Flag("unparsed", field, text[s:e], "no rule read this number"))
    return new


def _fragment_edge(text: str, i: int) -> bool:
    """A separator, but not the comma of `1,500`."""
    ch = text[i]
    if ch == ",":
        return not text[i + 1 : i + 2].isdigit()
    return ch in ";|()\n"


def _fragment(text: str, start: int, end: int) -> tuple[int, int]:
    """The item around a digit run: from the previous separator to the next one."""
    s = start
    while s > 0 and not _fragment_edge(text, s - 1) and start - s < 80:
        s -= 1
    e = end
    while e < len(text) and not _fragment_edge(text, e) and e - end < 80:
        e += 1
    while s < e and text[s].isspace():
        s += 1
    return s, e
