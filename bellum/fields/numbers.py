"""The quantity grammar: counts, ranges, bounds and approximations in free text.

`find_quantities("500–1,000 men, at least 117 killed")` gives two `Quantity` values
(500..1000 and 117.. at_least). Used by the infobox figure reader (`bellum.fields.figures`)
and by the prose reader, so nothing here knows about infobox fields.

Decisions (documented because the text does not decide them):
- `nearly`/`almost N` are approximate *and* `at_most` (the count is close to N, below it).
- `over`/`more than`/`+`/`>`/`or more` are `at_least` (low = N, high None), not N+1.
- `up to`/`fewer than`/`less than`/`under`/`<` are `at_most` (low None, high N); with a
  range (`Up to 6,000–10,000`) the range is kept and the bound says `at_most`.
- Vague plurals give a lower bound, approximate: `dozens` 24, `scores` 40, `hundreds`
  (also `several hundred`, `a few hundred`) 200, `thousands` 2,000, `tens of thousands`
  20,000, `hundreds of thousands` 200,000, `millions` 2,000,000.
- `several`, `many`, `few`, `heavy`, `light`, `unknown`, `half` alone give no number.
- Decimals count only with a scale word (`2.5 million`); `12.7 mm` and `50%` are not counts.
- A digit run glued to letters (`2nd`, `2000D`, `T-72`, `BRDM-2`, `4ID`) is a name, not a
  count; so is a run touching `/` (`T-55/62`, `7/16`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

Bound = Literal["at_least", "at_most"]

NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
"""Cardinal words below one hundred: `four` -> 4, `thirty` -> 30 (`twenty-five` composes)."""

SCALE_WORDS: dict[str, int] = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
}  # fmt: skip
"""Multipliers after a number: `two hundred`, `3 thousand`, `2.5 million`."""

GROUP_WORDS: dict[str, int] = {"dozen": 12, "score": 20}
"""Counted groups: `a dozen` 12, `two dozen` 24, `three score` 60."""

VAGUE_PLURALS: dict[str, int] = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000,
}  # fmt: skip
"""Vague plurals -> the lower bound they imply (approximate, at_least): `dozens` -> 24.."""

VAGUE_OF: dict[tuple[str, str], int] = {
    ("tens", "thousands"): 20_000, ("hundreds", "thousands"): 200_000,
    ("tens", "millions"): 20_000_000, ("dozens", "thousands"): 24_000,
}  # fmt: skip
"""`tens of thousands` -> 20,000.. and friends."""

NO_NUMBER_WORDS: frozenset[str] = frozenset(
    {"unknown", "heavy", "light", "many", "several", "few", "high", "low", "some", "half",
     "most", "numerous", "undisclosed", "none"}
)  # fmt: skip
"""Words that say something about a count but give no number (`Heavy`, `many`)."""

APPROX_PREFIXES: tuple[str, ...] = (
    "about", "around", "approximately", "approx.", "roughly", "circa", "ca.", "c.", "some",
    "estimated", "an estimated", "est.", "reportedly", "~", "≈",
)  # fmt: skip
AT_LEAST_PREFIXES: tuple[str, ...] = (
    "at least", "more than", "over", "in excess of", "upwards of", "no fewer than",
    "no less than", ">", "≥", ">=",
)  # fmt: skip
AT_MOST_PREFIXES: tuple[str, ...] = (
    "up to", "fewer than", "less than", "under", "at most", "no more than", "not more than",
    "<", "≤", "<=",
)  # fmt: skip
NEAR_PREFIXES: tuple[str, ...] = ("nearly", "almost", "just under", "close to")
"""`nearly 100`: approximate and at_most (see the module docstring)."""


@dataclass(frozen=True, slots=True)
class Quantity:
    """One count read from text: `60 +` -> low 60, high None, bound at_least.

    `start`/`end` is the span in the input (modifiers included), `text` that span's text.
    """

    low: int | None
    high: int | None
    approximate: bool
    bound: Bound | None
    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        """Plain dict, the Figure number keys plus the span."""
        return {
            "low": self.low, "high": self.high, "approximate": self.approximate,
            "bound": self.bound, "text": self.text, "start": self.start, "end": self.end,
        }  # fmt: skip


class _Atom(NamedTuple):
    """A number before modifiers: `1,000`, `two hundred`, `dozens`, or a lost-dash range.

    A named tuple: made for every number read, so cheap to build.
    """

    start: int
    end: int
    low: int
    high: int
    scaled: int  # the scale word that ended it (`3 million` -> 1_000_000), else 1
    vague: bool
    joinable: bool  # may be one end of a range


_DIGIT_RUN = re.compile(r"\d[\d,]*")
_SCALE_AFTER = re.compile(r"[ \u00a0](hundred|thousand|million|billion)\b", re.I)
_DECIMAL_SCALE = re.compile(r"\.(\d{1,3})[ \u00a0]?(million|billion|thousand)\b", re.I)
_SPACE_GROUP = re.compile(r"[ \u00a0\u202f.](\d{3})(?![\d,])")
_WORD = re.compile(r"[A-Za-z]+")
_WORD_START = re.compile(
    r"\b(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r"|an|a)\b", re.I
)
_ARTICLE_NEXT = re.compile(r"[ \u00a0]+(?:hundred|thousand|million|billion|dozen|score)\b", re.I)
_MAX_NUMBER_WORDS = 12  # `three hundred and seventy-five thousand two hundred and ninety`
_VAGUE = re.compile(
    r"\b(?:(?P<few>(?:a\s+)?few|several|many)\s+(?P<fewof>hundreds?|thousands?|dozens?)"
    r"|(?P<tens>tens|hundreds|dozens)\s+of\s+(?P<tensof>thousands|millions)"
    r"|(?P<plural>dozens|scores|hundreds|thousands|millions))\b",
    re.I,
)
_VAGUE_NEEDS: frozenset[str] = frozenset(
    {"dozen", "dozens", "scores", "hundred", "hundreds", "thousand", "thousands", "millions"})
"""Every `_VAGUE` match holds one of these as a whole word."""
_WORD_NEEDS: frozenset[str] = frozenset({*NUMBER_WORDS, *SCALE_WORDS, *GROUP_WORDS})
"""Every number-word atom holds one of these as a whole word (`a`/`an` alone is no number)."""
_ASCII_WORD = re.compile(r"[a-z]+")
_RANGE_GAP = re.compile(r"[ \u00a0]*[–—-][ \u00a0]*|[ \u00a0]+to[ \u00a0]+", re.I)
_AND_GAP = re.compile(r"[ \u00a0]+and[ \u00a0]+", re.I)
_DANGLING_DASH = re.compile(r"(?:^|[\s,(:|;])[–—-][ \u00a0]*$")
_SUFFIX_PLUS = re.compile(r"[ \u00a0]*\+(?![ \u00a0]*\d)")
_SUFFIX_TILDE = re.compile(r"~")
_SUFFIX_MORE = re.compile(r"[ \u00a0]+or[ \u00a0]+(?P<more>more|so)\b", re.I)
_SUFFIX_START = frozenset(" \u00a0+~")
_SUFFIX_EST = re.compile(r"[ \u00a0]*\((?:est\.?|estimated|approx\.?|approximately)\)", re.I)

_AFTER_NUMBER = frozenset(" \u00a0\u202f.")  # what may extend a number (`1 500`, `2.5`)
_SCALE_START = frozenset(" \u00a0")
_MAX_DIGITS = 15  # longer runs are not counts (and int() of huge strings is slow)
_WINDOW = 40  # how far back modifiers are looked for


def _glued(text: str, start: int, end: int) -> bool:
    """A digit run that is part of a name: `2nd`, `2000D`, `T-72`, `BRDM-2`, `55/62`."""
    if end < len(text) and (text[end].isalpha() or text[end] == "/"):
        return True
    if start > 0:
        before = text[start - 1]
        if before.isalpha() or before in "/.":
            return True
        if before == "-" and start > 1 and text[start - 2].isalpha():
            return True
    return False


def _valid_grouping(groups: list[str]) -> bool:
    """`["1", "000"]` is one thousands-grouped number; `["53", "42"]` is not."""
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def _digit_atoms(text: str) -> list[_Atom]:
    """Digit numbers, with thousands grouping, scale words and lost dashes resolved."""
    atoms: list[_Atom] = []
    for m in _DIGIT_RUN.finditer(text):
        run = m.group().rstrip(",")
        start = m.start()
        if atoms and start < atoms[-1].end:
            continue  # already read as a `15 000` group or a `2.5 million`
        if "," not in run:  # the common case: a plain run of digits
            if len(run) <= _MAX_DIGITS and (
                    atom := _single_atom(text, start, start + len(run), int(run))) is not None:
                atoms.append(atom)
            continue
        doubled = run.find(",,")
        if doubled >= 0:
            run = run[:doubled]
        end = start + len(run)
        groups = run.split(",")
        if not all(groups) or max(map(len, groups)) > _MAX_DIGITS:
            continue
        if len(groups) == 1 or _valid_grouping(groups):
            if (atom := _single_atom(text, start, end, int("".join(groups)))) is not None:
                atoms.append(atom)
            continue
        split = _lost_dash(groups)
        if split is not None:
            low, high = split
            if not _glued(text, start, end):
                atoms.append(_Atom(start, end, low, high, 1, False, False))
            continue
        pos = start  # an invalid grouping (`53,42`): each group on its own
        for g in groups:
            atom = _single_atom(text, pos, pos + len(g), int(g), allow_groups=False)
            if atom is not None:
                atoms.append(atom)
            pos += len(g) + 1
    return atoms


def _lost_dash(groups: list[str]) -> tuple[int, int] | None:
    """`7,2687,389` -> (7268, 7389): a group longer than 3 hides where a dash was."""
    for i in range(1, len(groups) - 1):
        g = groups[i]
        if len(g) > 3:
            first, second = [*groups[:i], g[:3]], [g[3:], *groups[i + 1 :]]
            if _valid_grouping(first) and _valid_grouping(second):
                low, high = int("".join(first)), int("".join(second))
                if low <= high:
                    return low, high
            return None
    return None


def _single_atom(
    text: str, start: int, end: int, value: int, allow_groups: bool = True
) -> _Atom | None:
    """One plain digit number, extended by `15 000` grouping or a scale (`2.5 million`);
    None when the digits are not a count."""
    scaled = 1
    after = text[end : end + 1]
    if after in _AFTER_NUMBER and text[end + 1 : end + 2].isdigit():
        if allow_groups and value < 1000:
            while value < 10**_MAX_DIGITS:
                g = _SPACE_GROUP.match(text, end)
                if g is None or text[g.end() : g.end() + 1].isalpha():
                    break
                value, end = value * 1000 + int(g.group(1)), g.end()
        dec = _DECIMAL_SCALE.match(text, end) if text[end : end + 1] == "." else None
        if dec is not None:
            frac = dec.group(1)
            scaled = SCALE_WORDS[word_key(dec.group(2))]
            value = (value * 10 ** len(frac) + int(frac)) * scaled // 10 ** len(frac)
            end = dec.end()
        after = text[end : end + 1]
    if after in _SCALE_START and text[end + 1 : end + 2].lower() in "htmb":
        sc = _SCALE_AFTER.match(text, end)
        if sc is not None:
            scaled = SCALE_WORDS[word_key(sc.group(1))]
            value, end = value * scaled, sc.end()
            after = text[end : end + 1]
    if after and (after.isalpha() or after == "/" or after == "%"):
        return None  # `2000D`, `55/62`, `50%`
    if after == "." and text[end + 1 : end + 2].isdigit():
        return None  # 12.7 (a decimal, not a count)
    if start > 0:
        before = text[start - 1]
        if before.isalpha() or before in "/.":
            return None
        if before == "-" and start > 1 and text[start - 2].isalpha():
            return None  # `T-72`
    return _Atom(start, end, value, value, scaled, False, True)


_CASE_TRAPS = "\u0130\u0131\u017f\u212a"
"""The only non-ASCII characters IGNORECASE matches to an ASCII letter (`İ ı ſ K`)."""

_TRAP_FOLD = str.maketrans({"\u017f": "s", "\u0131": "i", "\u0307": "", "\u212a": "k"})


def word_key(word: str) -> str:
    """The table key of a word an IGNORECASE pattern matched: `Dozens` -> `dozens`, and
    `dozenſ` (long s, which IGNORECASE takes for `s`) -> `dozens` too."""
    return word.lower().translate(_TRAP_FOLD)


def folds_plainly(text: str) -> bool:
    """Is case-insensitive matching of ASCII words in `text` the same as `in text.lower()`?
    True unless the text holds one of the `_CASE_TRAPS`."""
    return text.isascii() or not any(c in text for c in _CASE_TRAPS)


def _ascii_words(text: str) -> frozenset[str] | None:
    """The lowercased ASCII letter runs of a text (None when `folds_plainly` is false): a
    cheap, exact test of which whole words a case-insensitive `\\b...\\b` pattern could
    match, used to skip the word patterns on values that hold none of their words."""
    if not folds_plainly(text):
        return None
    return frozenset(_ASCII_WORD.findall(text.lower()))


def _vague_atoms(text: str, vocab: frozenset[str] | None = None) -> list[_Atom]:
    """`dozens` -> 24.., `several hundred` -> 200.., `tens of thousands` -> 20,000.."""
    atoms: list[_Atom] = []
    if vocab is not None and vocab.isdisjoint(_VAGUE_NEEDS):
        return atoms
    for m in _VAGUE.finditer(text):
        if m.group("plural"):
            value = VAGUE_PLURALS[word_key(m.group("plural"))]
        elif m.group("tens"):
            value = VAGUE_OF[(word_key(m.group("tens")), word_key(m.group("tensof")))]
        else:
            word = word_key(m.group("fewof")).rstrip("s")
            value = 2 * (SCALE_WORDS.get(word) or GROUP_WORDS[word])
        atoms.append(_Atom(m.start(), m.end(), value, value, 1, True, False))
    return atoms


def _word_atoms(
    text: str, consumed: list[tuple[int, int]], vocab: frozenset[str] | None = None
) -> list[_Atom]:
    """Number words: `four`, `twenty-five`, `two hundred and fifty`, `a dozen`."""
    atoms: list[_Atom] = []
    if vocab is not None and vocab.isdisjoint(_WORD_NEEDS):
        return atoms
    k = 0  # consumed spans are sorted and disjoint: walk them alongside the candidates
    last_end = -1
    for m in _WORD_START.finditer(text):
        if m.start() < last_end:
            continue
        while k < len(consumed) and consumed[k][1] <= m.start():
            k += 1
        if k < len(consumed) and consumed[k][0] <= m.start():
            continue
        if m.group().lower() in ("a", "an") and _ARTICLE_NEXT.match(text, m.end()) is None:
            continue  # `a man`: not a number
        words = []
        for w in _WORD.finditer(text, m.start()):
            words.append(w)
            if len(words) >= _MAX_NUMBER_WORDS:
                break
        got = _parse_words(text, words, 0)
        if got is None:
            continue
        j, value, scaled = got
        atoms.append(_Atom(m.start(), words[j].end(), value, value, scaled, False, True))
        last_end = words[j].end()
    return atoms


def _is_number_word(w: str) -> bool:
    return w in NUMBER_WORDS or w in SCALE_WORDS or w in GROUP_WORDS


def _parse_words(text: str, words: list[re.Match[str]], i: int) -> tuple[int, int, int] | None:
    """Read a number word sequence starting at words[i]: (last index, value, scale)."""
    first = word_key(words[i].group())
    article = first in ("a", "an")
    if not article and first not in NUMBER_WORDS:
        return None
    if article:
        if i + 1 >= len(words) or text[words[i].end() : words[i + 1].start()].strip():
            return None
        nxt = word_key(words[i + 1].group())
        if nxt not in SCALE_WORDS and nxt not in GROUP_WORDS:
            return None
    total, current, last_scale, j = 0, 1 if article else NUMBER_WORDS[first], 1, i
    if article:
        j = i  # the article stands for "one"; the scale follows
    k = j + 1
    prev = first
    while k < len(words):
        gap = text[words[k - 1].end() : words[k].start()]
        w = word_key(words[k].group())
        if w == "and" and prev == "hundred" and k + 1 < len(words):
            after = word_key(words[k + 1].group())
            gap2 = text[words[k].end() : words[k + 1].start()]
            if after in NUMBER_WORDS and _AND_GAP.fullmatch(gap + "and" + gap2):
                k, w = k + 1, after
                gap = " "
        if gap == "" or gap.strip(" -\u00a0"):
            break
        if w in SCALE_WORDS:
            scale = SCALE_WORDS[w]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
            last_scale = scale
        elif w in GROUP_WORDS:
            current = max(current, 1) * GROUP_WORDS[w]
        elif w in NUMBER_WORDS and (prev in SCALE_WORDS or (
                NUMBER_WORDS.get(prev, 0) >= 20 and NUMBER_WORDS[w] < 10
                and NUMBER_WORDS[prev] % 10 == 0)):
            current += NUMBER_WORDS[w]
            last_scale = 1
        else:
            break
        prev = w
        j = k
        k += 1
    if article and j == i:
        return None
    return j, total + current, last_scale


_PREFIX_KIND: dict[str, str] = {
    **{w: "near" for w in NEAR_PREFIXES},
    **{w: "least" for w in AT_LEAST_PREFIXES},
    **{w: "most" for w in AT_MOST_PREFIXES},
    **{w: "approx" for w in APPROX_PREFIXES},
}
"""Every modifier (lowercase, single-spaced) -> near / least / most / approx."""
_SYMBOLS = sorted((w for w in _PREFIX_KIND if not w[0].isalpha()), key=len, reverse=True)
_SYMBOL_END = frozenset("." + "".join(w[-1] for w in _SYMBOLS))
_TOKEN = re.compile(r"\S+")
_OPENERS = "([{\"'*:;,•|"


def _prefix_before(text: str, start: int) -> tuple[int, str] | None:
    """The modifier that ends just before `start` (spaces aside): (its start, its kind)."""
    end = start
    while end > 0 and text[end - 1] in " \u00a0":
        end -= 1
    if end == 0 or not (text[end - 1].isalpha() or text[end - 1] in _SYMBOL_END):
        return None
    for sym in _SYMBOLS:
        if text.endswith(sym, max(0, end - len(sym)), end):
            return end - len(sym), _PREFIX_KIND[sym]
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text, max(0, end - _WINDOW), end)]
    for n in (3, 2, 1):
        if len(tokens) < n:
            continue
        first_at, first = tokens[-n]
        stripped = first.lstrip(_OPENERS)
        words = [stripped, *(t for _, t in tokens[len(tokens) - n + 1 :])]
        kind = _PREFIX_KIND.get(" ".join(words).lower())
        if kind is not None and stripped:
            at = first_at + len(first) - len(stripped)
            if at > 0 and text[at - 1].isalnum():
                continue
            return at, kind
    return None


def _prefixes(text: str, start: int) -> tuple[int, bool, Bound | None, int | None]:
    """Modifiers before a number: (new start, approximate, bound, start of `between`)."""
    approximate = False
    bound: Bound | None = None
    end = start
    while end > 0 and text[end - 1] in " \u00a0":
        end -= 1
    if end == 0 or not (text[end - 1].isalpha() or text[end - 1] in _SYMBOL_END):
        return start, approximate, bound, None  # no modifier (nor `between`) ends here
    for _ in range(3):
        found = _prefix_before(text, start)
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


def _suffixes(text: str, end: int) -> tuple[int, bool, Bound | None]:
    """Modifiers after a number: `+`, `~`, `or more`, `(estimated)`."""
    approximate = False
    bound: Bound | None = None
    if text[end : end + 1] not in _SUFFIX_START:
        return end, approximate, bound
    for _ in range(3):
        j = end  # a cheap look at what follows the spaces: every suffix needs one of these
        while text[j : j + 1] in _SCALE_START:  # spaces, no-break spaces
            j += 1
        c = text[j : j + 1]
        if not (c == "+" or c == "(" or (j > end and c in ("o", "O"))
                or text[end : end + 1] == "~"):
            break
        if (m := _SUFFIX_PLUS.match(text, end)) is not None:
            bound = "at_least"
        elif (m := _SUFFIX_TILDE.match(text, end)) is not None:
            approximate = True
        elif (m := _SUFFIX_MORE.match(text, end)) is not None:
            if m.group("more").lower() == "more":
                bound = "at_least"
            else:
                approximate = True
        elif (m := _SUFFIX_EST.match(text, end)) is not None:
            approximate = True
        else:
            break
        end = m.end()
    return end, approximate, bound


def _atoms(text: str) -> list[_Atom]:
    vocab = _ascii_words(text)
    vague = _vague_atoms(text, vocab)
    consumed = [(a.start, a.end) for a in vague]
    digits = _digit_atoms(text)
    words = _word_atoms(text, consumed, vocab)
    if not vague and not words:
        return digits  # already in order
    atoms = vague + digits + words
    atoms.sort(key=lambda a: a.start)
    return atoms


def _could_be_range_gap(gap: str) -> bool:
    """Every `_RANGE_GAP` holds a dash or `to` (no case trap folds to `t` or `o`)."""
    return "-" in gap or "–" in gap or "—" in gap or "to" in gap.lower()


def find_quantities(text: str) -> list[Quantity]:
    """Every count in `text`, in order: `15,000 or 40,000–60,000` -> [15000, 40000..60000].

    Ranges (`500–1,000`, `6-8`, `5 to 6`, `between five and six`), lost dashes
    (`7,2687,389` -> 7268..7389), bounds (`at least 117`, `60 +`, `up to 6,000`),
    approximations (`~50`, `c. 300`, `about thirty`), number words and vague plurals.
    """
    atoms = _atoms(text)
    out: list[Quantity] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        start, approximate, bound, between = _prefixes(text, a.start)
        low: int | None = a.low
        high: int | None = a.high
        end = a.end
        if a.vague:
            approximate, bound = True, bound or "at_least"
            high = None
        joined = False
        if a.joinable and i + 1 < len(atoms) and atoms[i + 1].joinable:
            b = atoms[i + 1]
            gap = text[a.end : b.start]
            by_and = between is not None and _AND_GAP.fullmatch(gap) is not None
            if by_and or (_could_be_range_gap(gap) and _RANGE_GAP.fullmatch(gap)):
                lo = a.low
                if b.scaled > 1 and a.scaled == 1 and lo * b.scaled <= b.low:
                    lo *= b.scaled  # `2–3 million`
                if lo <= b.low:
                    low, high, end, joined = lo, b.high, b.end, True
                    if by_and and between is not None:
                        start = min(start, between)
        dash = None
        if not joined and not a.vague:
            before = text[max(0, start - 2) : start]
            if "-" in before or "–" in before or "—" in before:
                dash = _DANGLING_DASH.search(text, max(0, start - 3), start)
        if dash is not None:
            low, bound = None, "at_most"  # `–8,000`: the first number was lost
            start = dash.start() if text[dash.start()] in "–—-" else dash.start() + 1
        end, s_approx, s_bound = _suffixes(text, end)
        approximate = approximate or s_approx
        if s_bound is not None:
            bound = s_bound
        if bound == "at_least" and not a.vague and low == high:
            high = None
        elif bound == "at_most" and low == high:
            low = None
        out.append(Quantity(low, high, approximate, bound, start, end, text[start:end]))
        i += 2 if joined else 1
    return out
