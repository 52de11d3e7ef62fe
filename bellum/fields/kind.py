"""What an article is about and what it is part of, from the title and the `Partof` field.

`read_kind("Siege of Tessalit")` -> "siege"; `read_part_of("the Malian Civil War")` ->
("Malian Civil War",). Both are word tables plus a few literal splits: no regex here
can backtrack, so a 200,000-character value is read in linear time.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, Literal

Kind = Literal[
    "battle", "siege", "campaign", "war", "operation", "massacre", "raid", "conflict", "other"
]

_MAX_CHARS: Final = 4000
"""Only this much of a value or title is read (real ones are under 300 characters); every
step is linear anyway, the cap bounds the constant on hostile input."""

KIND_WORDS: Final[Mapping[str, Kind]] = MappingProxyType(
    {
        **dict.fromkeys(
            ("battle", "battles", "skirmish", "engagement", "clash", "clashes", "ambush",
             "assault", "storming", "capture", "action"),
            "battle",
        ),
        **dict.fromkeys(("siege", "sieges", "blockade", "encirclement"), "siege"),
        **dict.fromkeys(
            ("campaign", "campaigns", "offensive", "invasion", "expedition", "conquest",
             "counteroffensive", "counter-offensive"),
            "campaign",
        ),
        **dict.fromkeys(("war", "wars"), "war"),
        **dict.fromkeys(("operation", "landing", "landings"), "operation"),
        **dict.fromkeys(("massacre", "massacres", "pogrom", "killings"), "massacre"),
        **dict.fromkeys(
            ("raid", "raids", "attack", "attacks", "bombing", "bombings", "sack", "incursion"),
            "raid",
        ),
        **dict.fromkeys(
            ("conflict", "insurgency", "rebellion", "uprising", "revolt", "revolution",
             "intervention", "crisis", "insurrection", "mutiny"),
            "conflict",
        ),
    }
)
"""Title words -> kind; the first such word in the title decides (`Battle of X War` is a
battle, `War of the Fourth Coalition` a war)."""

_WORDS: Final = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # words, keeping `counter-offensive`
_PARENTHESIS: Final = re.compile(r"\([^()]*\)")  # `Battle of Grozny (1994–1995)`


def _kind_of(name: str) -> Kind | None:
    """The first kind word in `name`, outside parentheses: `Operation Serval` -> operation."""
    for match in _WORDS.finditer(_PARENTHESIS.sub(" ", name)):
        kind = KIND_WORDS.get(match.group(0).lower())
        if kind is not None:
            return kind
    return None


def read_kind(title: str, conflict: str | None = None) -> Kind:
    """The schema `kind` from the title, else from the infobox `Conflict` name, else "other".

    `Second Battle of Fallujah` -> battle; `Kamdesh` with conflict `Battle of Kamdesh` ->
    battle; `Operation Serval` -> operation; `Tet Offensive` -> campaign.
    """
    kind = _kind_of(title[:_MAX_CHARS])
    if kind is None and conflict:
        kind = _kind_of(conflict[:_MAX_CHARS])
    return kind or "other"


# --------------------------------------------------------------------------- part_of

_HEAD_WORDS: Final[frozenset[str]] = frozenset(
    {"war", "wars", "campaign", "campaigns", "conflict", "rebellion", "insurgency",
     "intervention", "offensive", "invasion", "operation", "battle", "battles", "theater",
     "theatre", "front", "crisis", "revolution", "uprising", "revolt", "expedition",
     "conquest", "contention", "occupation", "siege", "emergency", "troubles", "crusade",
     "crusades", "mutiny", "insurrection", "conquests", "invasions", "period", "phase"}
)
"""Words that name a conflict: both sides of `X and Y` must hold one for a split."""

_LEFTOVER: Final = re.compile(r"\b\d{1,4}px\b|\[\[|\]\]|\{\{|\}\}|<[^<>]{0,20}>")
"""Template traces: `25px`, `[[`, `{{`, `<hr>`."""
_SEPARATORS: Final = re.compile(r"[|;•*]|-{4,}|<[bh]r */?>", re.IGNORECASE)
"""List separators left by templates and lists: `|`, `*`, `----`, `<br>`, `<hr />`."""
_SPACES: Final = re.compile(r"\s+")
_NESTING: Final = re.compile(r" (?:during|within|as part of|in the course of) ", re.IGNORECASE)
_YEARS: Final = re.compile(r"\d{3,4}(?: ?[-–—] ?(?:\d{2,4}|present))?")
"""A parenthesis that only dates the name keeps to it: `Tuareg rebellion (2012)`."""
_DANGLING: Final[frozenset[str]] = frozenset(
    {"of", "the", "in", "and", "during", "within", "on", "at", "for", "a", "an", "to"}
)
_PREFIXES: Final = ("part of ", "and ", "the ", "also ")
_STRIP: Final = " ,.:|*•-–—"


def _has_head(text: str) -> bool:
    """Whether `text` names a conflict: `the Iraq War` yes, `Herzegovina` no."""
    return any(match.group(0).lower() in _HEAD_WORDS for match in _WORDS.finditer(text))


def _split_parentheses(text: str) -> tuple[str, list[str]]:
    """Take out parenthesized lists of further conflicts, keep dating ones in place.

    `the Vietnam War , (Operation Silver Bayonet I, Pleiku campaign 1965)` ->
    (`the Vietnam War , `, [`Operation Silver Bayonet I, Pleiku campaign 1965`]).
    One pass with a depth counter; unbalanced brackets are just dropped.
    """
    kept: list[str] = []
    extras: list[str] = []
    depth = 0
    start = 0
    for i, char in enumerate(text):
        if char == "(":
            if depth == 0:
                kept.append(text[start:i])
                start = i + 1
            depth += 1
        elif char == ")":
            if depth == 0:
                kept.append(text[start:i])
                start = i + 1
                continue
            depth -= 1
            if depth == 0:
                inner = text[start:i].strip()
                start = i + 1
                if _YEARS.fullmatch(inner) or (inner and not _has_head(inner)):
                    kept.append(f" ({inner})")
                elif inner:
                    extras.append(inner)
    if depth == 0:
        kept.append(text[start:])
    else:
        kept.append(" " + text[start:].replace("(", " "))
    return "".join(kept), extras


def _join_dangling(pieces: list[str]) -> list[str]:
    """Mend commas that a dropped link left inside a name.

    [`the East Prussian campaign of the `, ` Eastern Front in World War I`] -> one piece.
    """
    groups: list[list[str]] = []
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if groups and groups[-1][-1].rsplit(" ", 1)[-1].lower() in _DANGLING:
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return [" ".join(group) for group in groups]


def _split_and(piece: str) -> list[str]:
    """`the Iraq War and the war on terror` -> two; `War in Bosnia and Herzegovina` -> one."""
    parts = piece.split(" and ")
    groups = [[parts[0]]]
    head = _has_head(parts[0])  # whether the group being built names a conflict
    for part in parts[1:]:
        part_head = _has_head(part)
        if head and part_head:
            groups.append([part])
        else:
            groups[-1].append(part)
            head = head or part_head
    return [" and ".join(group) for group in groups]


def _clean(item: str) -> str:
    """Strip leftovers and leading `part of`/`the`: ` the Malian Civil War,` -> the name."""
    item = item.replace("()", "").strip(_STRIP)  # `, ()` leftovers first: `()The War`
    lowered = item.lower()
    pos = 0
    while True:  # an index, not repeated slicing: `the the the ...` stays linear
        prefix = next((p for p in _PREFIXES if lowered.startswith(p, pos)), None)
        if prefix is None:
            break
        pos += len(prefix)
        while pos < len(lowered) and lowered[pos] in _STRIP:
            pos += 1
    item = item[pos:].strip(_STRIP)
    return "" if item.lower() in ("border", "link", "the", "and") else item


def _items(text: str) -> list[str]:
    """Comma pieces, mended, then split at `during`/`within` and `and`."""
    out: list[str] = []
    for piece in _join_dangling(text.split(",")):
        for nested in _NESTING.split(piece):
            out.extend(_split_and(nested))
    return out


def read_part_of(text: str | None) -> tuple[str, ...]:
    """The larger conflicts an article belongs to, the main (most specific) one first.

    `the Malian Civil War` -> (`Malian Civil War`,);
    `the Vietnam War , (Operation Silver Bayonet I, Pleiku campaign 1965)` ->
    (`Vietnam War`, `Operation Silver Bayonet I`, `Pleiku campaign 1965`);
    `the War in Donbas during the Russo–Ukrainian War` -> both, the War in Donbas first.
    """
    if not text:
        return ()
    text = _SEPARATORS.sub(",", text[:_MAX_CHARS])
    text = _SPACES.sub(" ", _LEFTOVER.sub(" ", text))
    main, extras = _split_parentheses(text)
    seen: set[str] = set()
    result: list[str] = []
    for raw in [*_items(main), *(item for extra in extras for item in _items(extra))]:
        item = _SPACES.sub(" ", _clean(raw)).strip()
        if item and item.lower() not in seen:
            seen.add(item.lower())
            result.append(item)
    return tuple(result)
