"""Prose figures that cannot hold together with the infobox's: `contradiction` flags.

`the MAA admitted 5 of its fighters were killed` against an infobox `Casualties2: 3 killed`
is a contradiction; `around thirty armored vehicles` against `32 armoured vehicles` is not
(approximate), nor is `more than 100 killed` against `100 killed` (a bound that covers it).

The rule is conservative, because a sentence often counts one attack, one camp or one day
while the infobox counts the whole battle:
1. Same side, same category and unit; the prose figure counts combatants (no civilian subject)
   and the infobox claim has scope `side`.
2. Same source: when an infobox claim for that side has the prose claim's source (aliases
   folded: MUJAO = MOJWA), only those are compared; when the infobox claims all lack a
   source, they are compared; when they have other sources, the disagreement is already on
   record (two named sources may differ) and nothing is flagged.
3. Only a prose count *above* everything the infobox allows is flagged (prose low > infobox
   high): a part can be smaller than the whole, never larger. Approximate figures are widened
   by 20 % (at least 2) each way; `at_least` has no upper end, `at_most` no lower one.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from bellum.fields.figures import Claim, Figure
from bellum.flags import Flag
from bellum.prose.claims import ProseClaim, fold
from bellum.resolve.aliases import default_table

COMPARED = frozenset(
    {"killed", "wounded", "captured", "missing", "casualties", "strength", "lost", "destroyed",
     "executed", "surrendered", "deserted"}
)  # fmt: skip
"""Categories a prose figure is checked against the infobox for."""
CIVILIAN_SUBJECTS = frozenset(
    {"civilians", "civilian", "people", "persons", "women", "children", "villagers",
     "residents", "hostages"}
)  # fmt: skip
TOLERANCE = 0.2
"""Relative widening of an approximate figure (`around thirty` covers 24..36)."""


def interval(fig: Figure) -> tuple[float, float]:
    """The counts a figure allows: `3` -> (3, 3); `more than 100` -> (100, inf);
    `around thirty` -> (24, 36)."""
    low: float = fig.low if fig.low is not None else 0
    high: float = fig.high if fig.high is not None else math.inf
    if fig.bound == "at_least" or (fig.high is None and fig.low is not None):
        high = math.inf
    if fig.bound == "at_most":
        low = 0
    if fig.approximate:
        low = max(0.0, min(low * (1 - TOLERANCE), low - 2))
        if high != math.inf:
            high = max(high * (1 + TOLERANCE), high + 2)
    return low, high


def _same_source(a: str | None, b: str | None) -> bool:
    """`MUJAO` and `the MOJWA` are the same source (folded, article dropped, aliases)."""
    if a is None or b is None:
        return False
    table = default_table()
    fa, fb = fold(a), fold(b)
    for art in ("the ",):
        fa = fa.removeprefix(art)
        fb = fb.removeprefix(art)
    return fa == fb or fold(table.canonical(fa)) == fold(table.canonical(fb))


def _field(category: str, side: int) -> str:
    """The infobox field a category of side N lives in: `strength2`, `casualties2`."""
    return f"strength{side}" if category == "strength" else f"casualties{side}"


def _describe(fig: Figure) -> str:
    """`killed 5`, `strength vehicles ~30`, `killed 100..` for flag messages."""
    if fig.low is not None and fig.high is not None and fig.low != fig.high:
        number = f"{fig.low}..{fig.high}"
    elif fig.low is None:
        number = f"..{fig.high}"
    elif fig.high is None:
        number = f"{fig.low}.."
    else:
        number = str(fig.low)
    unit = "" if fig.unit == "personnel" else f" {fig.unit}"
    approx = "~" if fig.approximate else ""
    return f"{fig.category}{unit} {approx}{number}"


def _comparable(pc: ProseClaim, fig: Figure) -> bool:
    """Rule 1: a side, a compared category, combatants, a number."""
    return (
        pc.side is not None
        and fig.category in COMPARED
        and (fig.subject or "").lower() not in CIVILIAN_SUBJECTS
        and (fig.low is not None or fig.high is not None)
    )


def _candidates(
    pc: ProseClaim, infobox: Sequence[tuple[int, Claim]]
) -> list[Claim]:
    """The infobox claims a prose claim may be compared with (rule 2)."""
    same_side = [c for s, c in infobox if s == pc.side and c.scope == "side"]
    matching = [c for c in same_side if _same_source(c.source, pc.source)]
    if matching:
        return matching
    if same_side and all(c.source is None for c in same_side):
        return same_side
    return []


def find_contradictions(
    prose: Iterable[ProseClaim], infobox: Sequence[tuple[int, Claim]]
) -> list[Flag]:
    """`contradiction` flags for prose figures above every count the infobox allows."""
    flags: list[Flag] = []
    for pc in prose:
        claims = _candidates(pc, infobox) if pc.side is not None else []
        if not claims:
            continue
        for fig in pc.figures:
            if not _comparable(pc, fig):
                continue
            others = [
                g
                for c in claims
                for g in c.figures
                if g.category == fig.category and g.unit == fig.unit
                and (g.subject or "").lower() not in CIVILIAN_SUBJECTS
            ]
            if not others:
                continue
            low, _high = interval(fig)
            if all(low > interval(g)[1] for g in others):
                side = pc.side
                assert side is not None
                said = "; ".join(
                    f"{_describe(g)}" + (f" ({c.source})" if c.source else "")
                    for c in claims
                    for g in c.figures
                    if g in others
                )
                who = f" ({pc.source})" if pc.source else ""
                flags.append(
                    Flag(
                        "contradiction",
                        _field(fig.category, side),
                        pc.text,
                        f"prose says {_describe(fig)}{who} for side {side}; "
                        f"the infobox says {said}",
                    )
                )
    return flags
