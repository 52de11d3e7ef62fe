"""Low / best / high views over attributed claims, with the rule behind each number.

Claims are grouped by (side, scope, category, unit); each group gives one `View`. Every
claim is first given a **standing** from who made it:

- `neutral`: a third party in `NEUTRAL_SOURCES` (ICRC, Red Cross, UN, UNHCR, OCHA, Amnesty
  International, Human Rights Watch, Iraq Body Count, ...);
- `infobox`: no source at all -- an unattributed infobox figure, read as neutral-ish (the
  encyclopedia's own summary) but ranked below a named neutral body;
- `third party`: a named source whose side is unknown (`security sources in Mali`, `BBC`);
- `own`: the side the figures count speaks about itself (`source_side == side`);
- `enemy`: a side speaking about its enemy's figures (`source_side != side`).

Then, for loss categories (everything but `strength`):

1. **low** = max(floors, min(lows)): the smallest figure anyone gives, raised to the largest
   floor. Floors are a side's admission of its own losses (the losses are at least what
   the side admits) and `at_least` bounds (`at least 117`) from anyone but the enemy; an
   enemy's `at least 100` is an enemy claim, so only a ceiling candidate for `high`.
2. **best** comes from the highest standing present, in the order neutral > infobox >
   third party > own > enemy, as the lower median of that standing's numbers (a range
   claim gives both ends), so `best` is always a number someone reported; an enemy claim
   is `best` only when nobody else gives a figure. With bounds only, best is the largest
   bound. Best is then kept within [low, high].
3. **high** = the largest figure anyone gives, enemy claims included (they are ceiling
   candidates), `at_most` bounds too; other `at_least` bounds never raise `high`. None when
   only open bounds exist.

For `strength` the same rules apply without floors (own strength is not an admission).
`claim_ids` lists every claim of the group, used or not, in input order.

Worked example (In-Delimane, side 2 killed): MUJAO says 3 (own), MNLA says 65 (enemy), ICRC
says 17 (neutral) -> low 3 (own admission, also the smallest figure), best 17 (neutral ICRC),
high 65 (the MNLA's claim about its enemy).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from bellum.resolve.aliases import fold

# Third parties whose figures come first for `best` (folded; matched as whole source names
# or as the name inside a longer one: `the ICRC`, `UN OCHA report`).
NEUTRAL_SOURCES: frozenset[str] = frozenset(
    {
        "icrc", "international committee of the red cross", "red cross", "red crescent",
        "ifrc", "un", "united nations", "unhcr", "ocha", "un ocha", "unama", "unami",
        "minusma", "monusco", "unicef", "who", "world health organization", "ohchr",
        "amnesty", "amnesty international", "hrw", "human rights watch", "iraq body count",
        "ibc", "msf", "medecins sans frontieres", "doctors without borders", "acled", "ucdp",
        "syrian observatory for human rights", "sohr", "airwars", "icg",
        "international crisis group",
    }
)  # fmt: skip
_ARTICLES = ("the ", "a ")

STANDINGS: tuple[str, ...] = ("neutral", "infobox", "third party", "own", "enemy")


@dataclass(frozen=True, slots=True)
class ClaimInput:
    """One attributed figure: `ClaimInput("c1", 2, "side", "ICRC", None, "killed",
    "personnel", 17, 17)`. `side` is None for overall/other losses; `source_side` is the
    side the source belongs to when known; `bound` is "at_least", "at_most" or None."""

    claim_id: str
    side: int | None
    scope: str
    source: str | None
    source_side: int | None
    category: str
    unit: str
    low: float | None
    high: float | None
    approximate: bool = False
    bound: str | None = None


@dataclass(frozen=True, slots=True)
class View:
    """One reconciled figure: low/best/high and the rule that chose each."""

    side: int | None
    scope: str
    category: str
    unit: str
    low: float | None
    best: float | None
    high: float | None
    rule: str
    claim_ids: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """Every field, claim_ids as a list."""
        return {
            "side": self.side,
            "scope": self.scope,
            "category": self.category,
            "unit": self.unit,
            "low": self.low,
            "best": self.best,
            "high": self.high,
            "rule": self.rule,
            "claim_ids": list(self.claim_ids),
        }


def is_neutral(source: str | None) -> bool:
    """`ICRC`, `the Red Cross`, `UN OCHA` -> True; `MNLA`, None -> False."""
    if not source:
        return False
    return _is_neutral_name(source)


@lru_cache(maxsize=4096)
def _is_neutral_name(source: str) -> bool:
    """`is_neutral` of a non-empty source, memoized: sources repeat across claims and battles."""
    s = " ".join(fold(source).replace(".", "").replace(",", " ").split())
    for art in _ARTICLES:
        s = s.removeprefix(art)
    if s in NEUTRAL_SOURCES:
        return True
    words = s.split()
    return any(
        " ".join(words[i : i + n]) in NEUTRAL_SOURCES
        for n in (1, 2, 3, 4, 5)
        for i in range(len(words) - n + 1)
    )


def standing(c: ClaimInput) -> str:
    """Who speaks, relative to the figures (see the module docstring)."""
    if is_neutral(c.source):
        return "neutral"
    if c.source is None or not c.source.strip():
        return "infobox"
    if c.source_side is None or c.side is None:
        return "third party"
    return "own" if c.source_side == c.side else "enemy"


def _who(c: ClaimInput) -> str:
    return c.source or "unattributed"


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _points(c: ClaimInput) -> list[float]:
    """The numbers a non-bound claim reports: `3` -> [3]; `500-1,000` -> [500, 1000]."""
    return [x for x in dict.fromkeys((c.low, c.high)) if x is not None]


def _lower_median(xs: list[float]) -> float:
    ys = sorted(xs)
    return ys[(len(ys) - 1) // 2]


def _view(key: tuple[int | None, str, str, str], claims: list[ClaimInput]) -> View:
    side, scope, category, unit = key
    losses = category != "strength"
    # each claim's standing and numbers, computed once (not once per rule that asks)
    stand = {id(c): standing(c) for c in claims}
    points: list[tuple[ClaimInput, list[float], str]] = []  # (claim, its numbers, standing)
    at_least: list[ClaimInput] = []
    enemy_bounds: list[ClaimInput] = []
    at_most: list[ClaimInput] = []
    for c in claims:
        if c.bound is None:
            pts = _points(c)
            if pts:
                points.append((c, pts, stand[id(c)]))
        elif c.bound == "at_least":
            if c.low is not None:
                (enemy_bounds if stand[id(c)] == "enemy" else at_least).append(c)
        elif c.bound == "at_most" and (c.high or c.low) is not None:
            at_most.append(c)
    parts: list[str] = []

    # low
    floors = [(c.low, f"{_who(c)} at least {_fmt(c.low)}") for c in at_least if c.low is not None]
    if losses:
        floors += [(min(pts), f"own admission by {_who(c)}") for c, pts, st in points if st == "own"]
    low: float | None = None
    low_why = ""
    if points:
        smallest, spts, _ = min(points, key=lambda p: min(p[1]))
        low, low_why = min(spts), f"smallest figure ({_who(smallest)})"
    if floors:
        fv, fwhy = max(floors, key=lambda f: (f[0], f[1]))
        if low is None or fv >= low:
            low_why = fwhy if low is None or fv > low else f"{low_why}; floor: {fwhy}"
            low = fv

    # best
    best: float | None = None
    best_why = ""
    present = {st for _, _, st in points}
    for st in STANDINGS:
        if st not in present:
            continue
        chosen = [(c, pts) for c, pts, s in points if s == st]
        best = _lower_median([x for _, pts in chosen for x in pts])
        who = ", ".join(sorted({_who(c) for c, _ in chosen}))
        best_why = f"{st} ({who})" if st != "infobox" else "unattributed infobox figure"
        if st == "enemy":
            best_why += ", the only figures given"
        break
    if best is None and at_least:
        top = max(at_least, key=lambda c: c.low or 0)
        best, best_why = top.low, f"only bounds: {_who(top)} at least"

    # high
    highs = [(max(pts), _who(c), st) for c, pts, st in points]
    highs += [(c.high if c.high is not None else c.low or 0, _who(c), "at most") for c in at_most]
    highs += [(c.low or 0, _who(c), "enemy, at least") for c in enemy_bounds]
    high: float | None = None
    high_why = ""
    if highs:
        hv, hwho, hst = max(highs, key=lambda h: (h[0], h[1]))
        high, high_why = hv, f"largest figure ({hwho}, {hst})"

    # keep low <= best <= high
    if low is not None and high is not None and high < low:
        high, high_why = low, f"raised to low ({high_why} was below it)"
    if best is not None and low is not None and best < low:
        best, best_why = low, f"raised to low ({best_why} was below it)"
    if best is not None and high is not None and best > high:
        best, best_why = high, f"lowered to high ({best_why} was above it)"

    for name, value, why in (("low", low, low_why), ("best", best, best_why), ("high", high, high_why)):
        parts.append(f"{name} {_fmt(value)}: {why}" if value is not None else f"{name}: none")
    return View(
        side, scope, category, unit, low, best, high, "; ".join(parts), tuple(c.claim_id for c in claims)
    )


def reconcile(claims: Sequence[ClaimInput]) -> list[View]:
    """One View per (side, scope, category, unit), in order of first appearance.

    `reconcile([own 3 @MUJAO, enemy 65 @MNLA, neutral 17 @ICRC])` for side 2 killed ->
    `[View(side=2, scope="side", category="killed", unit="personnel", low=3, best=17,
    high=65, ...)]`.
    """
    groups: dict[tuple[int | None, str, str, str], list[ClaimInput]] = {}
    for c in claims:
        groups.setdefault((c.side, c.scope, c.category, c.unit), []).append(c)
    return [_view(key, group) for key, group in groups.items()]
