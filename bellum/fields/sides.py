"""Sides of a battle: belligerents, commanders (with their fates) and units.

Infobox values arrive with the markup leftovers INFOBOX.md lists: flag sizes (`25px Ansar Dine`,
`23px|border|link`), fate templates glued to names (`Abu DardarKIA`), list separators that
survived as text (`----`, ` | `, `*`, `•`). Each reader below turns one field value into typed,
frozen values; anything it had to throw away is said in a `Flag`.

Documented choices:
- `Ansar al-Sharia (Mali)`: a capitalized parenthesis that is not an acronym is a
  *disambiguator*: the name is `Ansar al-Sharia` (as EXAMPLES.md reads it), the parenthesis is
  kept as `qualifier`, and the id keeps it (`ansar-al-sharia-mali`), distinct from other
  groups of that name. A lowercase parenthesis
  (`Russia (denied)`, `Security Forces (pro-Saleh)`) is a `note` and leaves the name.
- Unit text after a commander's name (`Richard T. Knowles 1st Air Cavalry Division Fwd CP`,
  `Harold G. Moore, 1st Battalion, 7th Cavalry`) becomes that commander's `role`: the name ends
  at the first word that starts with a digit or is a code such as `B3`.
- A detached marker (`Vladimir Shamanov, KIA`) gives its fate to the commander just before it
  when that one has none; otherwise it is dropped with a `dropped` flag.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from bellum.article import Marker
from bellum.flags import Flag
from bellum.ids import slug
from bellum.resolve.aliases import default_table, fold

Fate = Literal["killed", "wounded", "captured", "executed", "suicide", "missing"]

FATES: dict[str, Fate] = {
    "KIA": "killed",
    "DOW": "killed",
    "WIA": "wounded",
    "POW": "captured",
    "MIA": "missing",
    "EXE": "executed",
}
"""Fate marker -> the schema's `fate` (died of wounds counts as killed)."""

# --- markup leftovers ---------------------------------------------------------------------------
# `25px`, `border|23px`, `23px|border|link`, `22px|`: a flag icon's size arguments.
_FLAG_GAP = "\x1f"
"""Put where a flag icon sat: a bare marker after it lost its name (`23px KIA`)."""
_PX = re.compile(r"(?:\b(?:border|link)\|)*\d{1,4}px(?:\|(?:border|link)\b)*\|?")
_NPH = re.compile(r"\bNph\b")
# Separators that survived as text; `|` alone too (after `px` leftovers are gone).
_SEP = re.compile(r"</?(?:br|hr)\b[^<>]{0,12}>|-{3,}|[,;|•\n]|(?:^|\s)\*+")
_SPACES = re.compile(r"\s+")
_ALNUM = re.compile(r"[^\W_]")
_EDGE_JUNK = " \t,;|*•-–—./" + _FLAG_GAP

# --- names ---------------------------------------------------------------------------------------
# `Arab Movement of Azawad (MAA)`: a trailing parenthesis; its content is read apart.
_TRAILING_PAREN = re.compile(r"\(([^()]*)\)\s*$")
_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9&.\-]{1,11}")
_UPPER = re.compile(r"[A-Z]")
# `Islamists groups: 25px Ansar Dine`, `Supported by:`, `Tokugawa Ieyasu: Overall commander`.
_LABEL = re.compile(r"^([^:]{1,60}):\s*(.*)$", re.DOTALL)
_ROLE_LABELS: dict[str, str] = {
    "supported by": "support",
    "support": "support",
    "supports": "support",
    "support by": "support",
    "in support": "support",
    "allies": "support",
}
_EMPTY_WORDS = frozenset(
    {"unknown", "none", "n/a", "na", "no specific units", "various", "unknown units", "see"}
)

# --- commanders ----------------------------------------------------------------------------------
_MARKER = re.compile(r"\(?(KIA|WIA|POW|DOW|MIA|EXE)\)?(?![A-Za-z])")
_RANKS = (
    "Lt. Col.", "Lt. Gen.", "Maj. Gen.", "Brig. Gen.", "Brig. Gen", "Lieutenant Colonel",
    "Lieutenant General", "Major General", "Brigadier General", "Field Marshal",
    "Grand Marshal", "Grand Master", "Rear Admiral", "Vice Admiral", "1st Lt.", "2nd Lt.",
    "Gen.", "Gen", "Col.", "Colonel", "Cpt.", "Capt.", "Captain", "Lt.", "Lieutenant",
    "Maj.", "Major", "Brig.", "Brigadier", "General", "Admiral", "Adm.", "Sgt.", "Sergeant",
    "Marshal", "Commander", "Cdr.",
)  # fmt: skip
_RANK = re.compile(
    r"^(?:" + "|".join(re.escape(r) for r in sorted(_RANKS, key=len, reverse=True)) + r")(?=\s)"
)
# A word that starts a unit/role description after a name: `1st`, `8/66`, `B3`.
_UNIT_WORD = re.compile(r"\s(?=\d|[A-Z]\d)")
# A noble title inside one item that starts a second person the lost separator had split:
# `King Edward II Earl of Hereford` -> `King Edward II` | `Earl of Hereford`.
_MID_TITLE = re.compile(r"(?<=[a-zà-ÿA-Z.I])\s+(?=(?:Earl|Duke|Baron|Count|Sir|Lord|King)\s+[A-Zo])")
_MID_TITLES = ("Earl", "Duke", "Baron", "Count", "Sir", "Lord", "King")
"""Every `_MID_TITLE` match is followed by one of these."""
_NO_SPLIT_BEFORE = frozenset({"the", "of", "grand", "great", "and"})
_TITLE_ITEM = re.compile(
    r"^(?:Count|Duke|Earl|Lord|Prince|Emir|Baron|Marquis|Margrave|Khan|Shah|Bishop|Archbishop)"
    r"\s+of\s"
)
_ROMAN = re.compile(r"^[IVX]+$")
# Lowercase words inside names (`Gerhard von Scharnhorst`, `Walter the Steward`).
_PARTICLES = frozenset(
    {
        "von", "van", "de", "du", "der", "da", "di", "la", "le", "ibn", "bin", "bint", "ben",
        "al", "del", "of", "the", "y", "and", "zu", "den", "des", "dos", "das",
    }
)  # fmt: skip
_ROLE_NOUNS = frozenset({"commander", "commissar", "chief", "co", "po", "officer", "leader"})
# A footnote sentence leaked after a name: `Yakov Zhilinsky Not actually involved in the battle.`
_FOOTNOTE = re.compile(r"\s[A-Z][a-z]+\s([a-z]{2,})\s([a-z]{2,})")


@dataclass(frozen=True, slots=True)
class Actor:
    """One belligerent: `Arab Movement of Azawad (MAA)` -> name, id `maa`, aliases (MAA,)."""

    name: str
    id: str
    text: str
    role: str | None = None
    aliases: tuple[str, ...] = ()
    qualifier: str | None = None
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The schema's Actor (name, id, text) plus role, aliases, qualifier, note."""
        return {
            "name": self.name,
            "id": self.id,
            "text": self.text,
            "role": self.role,
            "aliases": list(self.aliases),
            "qualifier": self.qualifier,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class SideNamesReading:
    """What `read_belligerents` found: actors in order, and flags."""

    actors: tuple[Actor, ...]
    flags: tuple[Flag, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """Actors and flags as records."""
        return {
            "belligerents": [a.to_json() for a in self.actors],
            "flags": [f.to_json() for f in self.flags],
        }


@dataclass(frozen=True, slots=True)
class Commander:
    """One commander: `Colonel Bouna Ag TahibKIA` -> name `Bouna Ag Tahib`, rank, fate killed."""

    name: str
    id: str
    fate: Fate | None = None
    rank: str | None = None
    role: str | None = None
    marker: str | None = None
    group: str | None = None
    text: str = ""

    def to_json(self) -> dict[str, Any]:
        """The schema's Commander (name, id, fate) plus rank, role, marker, group."""
        return {
            "name": self.name,
            "id": self.id,
            "fate": self.fate,
            "rank": self.rank,
            "role": self.role,
            "marker": self.marker,
            "group": self.group,
        }


@dataclass(frozen=True, slots=True)
class CommandersReading:
    """What `read_commanders` found: commanders in order, and flags."""

    commanders: tuple[Commander, ...]
    flags: tuple[Flag, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        """Commanders and flags as records."""
        return {
            "commanders": [c.to_json() for c in self.commanders],
            "flags": [f.to_json() for f in self.flags],
        }


# --- shared helpers ------------------------------------------------------------------------------
def strip_leftovers(text: str) -> str:
    """Remove flag-icon size leftovers, keeping a separator where they sat.

    `Col. Ag Moussa25px Iyad Ag Ghaly` -> `Col. Ag Moussa, Iyad Ag Ghaly`;
    `23px|border|link National Guard` -> `, National Guard`.
    """
    if "px" in text:  # every `_PX` match holds `px`, every `_NPH` one `Nph`: skip clean text
        text = _PX.sub(", " + _FLAG_GAP, text)
    return _NPH.sub(", ", text) if "Nph" in text else text


def _clean(piece: str) -> str:
    """Single spaces, no separator debris at either end: ` * Tripoli Brigade ,` -> `Tripoli Brigade`."""
    # str.split() and `\s` agree on what is whitespace; the edges are stripped either way
    return " ".join(piece.split()).strip(_EDGE_JUNK)


def _balanced(pieces: Iterable[str], joiner: str) -> list[str]:
    """Glue back pieces a separator split inside parentheses (`Liu Qi (Liu Biao's son, X)`)."""
    out: list[str] = []
    pending: list[str] = []
    depth = 0
    for p in pieces:
        pending.append(p)
        depth += p.count("(") - p.count(")")
        if depth <= 0:
            out.append(joiner.join(pending))
            pending = []
            depth = 0
    if pending:
        out.extend(pending)  # never closed: the parenthesis was debris, keep pieces apart
    return out


def split_items(text: str) -> list[str]:
    """A field value into raw list items on every surviving separator, parentheses kept whole.

    `Gen. Curtis Scaparrotti | Col. Randy George (4-4ID TF Mountain Warrior)` -> 2 items.
    """
    return _balanced(_SEP.split(strip_leftovers(text)), ", ")


def _is_empty(piece: str) -> bool:
    """Nothing but punctuation and spaces: `, , ,`, `* |`."""
    return _ALNUM.search(piece) is None


def _acronym_of(paren: str) -> str | None:
    """`MAA` is an acronym; `Mali`, `pro-Saleh`, `Liu Biao's son` are not."""
    if " " in paren or not _ACRONYM.fullmatch(paren):
        return None
    return paren if len(_UPPER.findall(paren)) >= 2 else None


@lru_cache(maxsize=65536)
def _canonical_id(name: str, aliases: tuple[str, ...] = ()) -> str:
    """`MOJWA` -> `mujao`; `Oumar Ould Hamaha` -> `omar-ould-hamaha` (cached: names repeat)."""
    table = default_table()
    canon = table.canonical(name)
    if canon == name:
        for alias in aliases:
            other = table.canonical(alias)
            if other != alias:
                canon = other
                break
    return slug(canon)


def _label(piece: str) -> tuple[str | None, str]:
    """`Islamists groups: Ansar Dine` -> (`Islamists groups`, `Ansar Dine`); no colon -> (None, piece)."""
    m = _LABEL.match(piece) if ":" in piece else None
    if not m:
        return None, piece
    return _clean(m.group(1)), m.group(2)


def _role_of(label: str) -> str:
    return _ROLE_LABELS.get(fold(label), label)


# --- belligerents --------------------------------------------------------------------------------
def _actor(piece: str, role: str | None) -> Actor | None:
    """One belligerent item: `Arab Movement of Azawad (MAA)` -> Actor(name, alias MAA)."""
    text = _clean(piece)
    if _is_empty(text) or text.lower() in _EMPTY_WORDS:
        return None
    name = text
    aliases: tuple[str, ...] = ()
    qualifier = note = None
    m = _TRAILING_PAREN.search(text, max(0, text.rfind("(")))
    if m:
        inner = _clean(m.group(1))
        head = _clean(text[: m.start()])
        acro = _acronym_of(inner)
        if not head:
            name = inner  # `(Union)`: the flag vanished, the parenthesis is all that is left
        elif acro:
            name, aliases = head, (acro,)
        elif inner and inner[0].isupper() and all(w[0].isupper() for w in inner.split()):
            name, qualifier = head, inner  # disambiguator: kept in the id, not the name
        else:
            name, note = head, inner or None
    if _is_empty(name):
        return None
    ident = _canonical_id(f"{name} ({qualifier})" if qualifier else name, aliases)
    return Actor(name, ident, text, role, aliases, qualifier, note)


def read_belligerents(text: str, field: str = "combatant1", items: tuple[str, ...] = ()) -> SideNamesReading:
    """Belligerents of one side: `Islamists groups: 25px Ansar Dine, MOJWA, AQIM, Boko Haram` ->
    four actors with role `Islamists groups`; `,` -> no actor and a `missing` flag."""
    # When the source delimited its list, an item may hold a comma (`Charles II, Count of X`).
    pieces = [_PX.sub(" ", item) for item in items] if items else split_items(text)
    actors: list[Actor] = []
    role: str | None = None
    for piece in pieces:
        label, rest = _label(piece)
        if label is not None:
            if _is_empty(rest) or len(label.split()) <= 4:
                role = _role_of(label)
            else:  # a colon inside a long name: keep the whole item
                rest = piece
        if _is_empty(rest):
            continue
        if actors and rest.strip().startswith("(") and _TRAILING_PAREN.fullmatch(rest.strip()):
            continue  # `(commanded by Brig. Gen B. Varner)`: a note about the item before
        actor = _actor(rest, role)
        if actor is not None:
            actors.append(actor)
    flags: tuple[Flag, ...] = ()
    if not actors:
        flags = (Flag("missing", field, text, "no belligerent named (flag icons only?)"),)
    return SideNamesReading(tuple(actors), flags)


# --- units ---------------------------------------------------------------------------------------
def read_units(text: str) -> tuple[str, ...]:
    """Units of one side: `14th Army| 5th Army` -> (`14th Army`, `5th Army`); `Unknown` -> ()."""
    out: list[str] = []
    for piece in split_items(text):
        name = _clean(piece).rstrip(":").strip()
        if _is_empty(name) or name.lower() in _EMPTY_WORDS:
            continue
        out.append(name)
    return tuple(out)


# --- commanders ----------------------------------------------------------------------------------
@dataclass(slots=True)
class _Draft:
    """A commander being assembled (mutable while reading one field)."""

    name: str
    text: str
    fate: Fate | None = None
    marker: str | None = None
    roles: list[str] = field(default_factory=list)
    group: str | None = None


def _split_rank(name: str) -> tuple[str | None, str]:
    """`Maj. Gen. Jaafar Mohammed Saad` -> (`Maj. Gen.`, `Jaafar Mohammed Saad`)."""
    m = _RANK.match(name)
    if not m:
        return None, name
    return m.group(0), name[m.end() :].strip()


def _marker_at(piece: str, m: re.Match[str]) -> bool:
    """Is this `KIA`/`WIA`... a fate marker (not the end of a capitalised name such as `AKIA`)?"""
    start = m.start()
    if piece[start] == "(":
        return piece[m.end() - 1] == ")"
    if start == 0:
        return True
    before = piece[start - 1]
    if before.isspace() or before in ",(.)/" or before.islower() or before.isdigit():
        return True
    # `King Philip VIWIA`: glued to a regnal number, itself after a name
    word_start = piece.rfind(" ", 0, start) + 1
    return word_start > 0 and bool(_ROMAN.match(piece[word_start:start]))


def _mid_title_split(piece: str) -> list[str]:
    """`King Edward II Earl of Hereford Earl of Pembroke` -> three people (separators lost)."""
    for title in _MID_TITLES:
        if title in piece:
            break
    else:
        return [piece]  # the common case: no title word at all
    parts: list[str] = []
    last = 0
    for m in _MID_TITLE.finditer(piece):
        before = piece[last : m.start()].split()
        if len(before) < 2 or before[-1].lower() in _NO_SPLIT_BEFORE:
            continue
        parts.append(piece[last : m.start()])
        last = m.end()
    parts.append(piece[last:])
    return parts


@lru_cache(maxsize=65536)
def _is_role_piece(piece: str) -> bool:
    """`supreme commander`, `Lithuanian commander`, `1st Battalion`, `B3 Front Fwd CP commissar`.

    Cached: a pure classification of one item, and items recur across articles."""
    words = piece.split()
    if not words or _RANK.match(piece):
        return False
    first = words[0]
    if first[0].isdigit() or (len(first) > 1 and first[0].isupper() and first[1].isdigit()):
        return True
    if first[0].islower() and first not in _PARTICLES and len(words) >= 2:
        return True
    return words[-1].lower() in _ROLE_NOUNS and len(words) <= 4


def _can_take_title(prev: _Draft) -> bool:
    """Does `Charles II` (before `, Count of Alençon`) look like a first name wanting its title?"""
    if prev.fate or prev.roles:
        return False
    words = prev.name.split()
    if not words or len(words) > 2 or words[0] in {"Sir", "King", "Queen"}:
        return False
    if any(w.lower() in _PARTICLES for w in words):
        return False
    return len(words) == 1 or bool(_ROMAN.match(words[-1])) or len(words) == 2


def _name_and_role(segment: str) -> tuple[str, list[str]]:
    """`Col. Randy George (4-4ID TF Mountain Warrior)` -> name part and its roles."""
    name, roles = _name_and_roles(segment)
    return name, list(roles)


@lru_cache(maxsize=65536)
def _name_and_roles(segment: str) -> tuple[str, tuple[str, ...]]:
    """`_name_and_role`, cached (a pure function of one item; commanders recur across articles)."""
    roles: list[str] = []
    text = segment.strip()
    for _ in range(3):  # bounded: `()()()...` must not cost one search per group
        m = _TRAILING_PAREN.search(text, max(0, text.rfind("(")))
        if not m:
            break
        inner = _clean(m.group(1))
        if inner:
            roles.insert(0, inner)
        text = text[: m.start()].rstrip()
    label, rest = _label(text)
    if label is not None and rest.strip():
        text, roles = label, [_clean(rest), *roles]  # `Tokugawa Ieyasu: Overall commander`
    m2 = _FOOTNOTE.search(text)  # `Yakov Zhilinsky Not actually involved in the battle.`
    if m2 and not {m2.group(1), m2.group(2)} & _PARTICLES:
        roles.append(_clean(text[m2.start() :]))
        text = text[: m2.start()]
    m3 = _UNIT_WORD.search(text)
    if m3 and len(text[: m3.start()].split()) >= 2:
        roles.insert(0, _clean(text[m3.end() :]))
        text = text[: m3.start()]
    return _clean(text), tuple(r for r in roles if r)


def read_commanders(
    text: str, field: str = "commander1", markers: tuple[Marker, ...] = ()
) -> CommandersReading:
    """Commanders of one side with fates: `Bilal Ag AcherifWIA, Colonel Bouna Ag TahibKIA` ->
    Bilal Ag Acherif (wounded), Bouna Ag Tahib (rank Colonel, killed)."""
    drafts: list[_Draft] = []
    flags: list[Flag] = []
    group: str | None = None
    # `last` is the draft a detached marker or a role may still attach to.
    last: _Draft | None = None

    def drop(fragment: str, why: str) -> None:
        flags.append(Flag("dropped", field, fragment, why))

    for raw in split_items(text):
        piece = _clean(raw)
        if _is_empty(piece):
            continue
        if piece.lower() in _EMPTY_WORDS:
            last = None
            continue
        label, rest = _label(piece)
        if label is not None and _is_empty(rest):
            group, last = label, None  # `Jena:`, `Defected:`
            continue
        if piece.startswith("(") and _TRAILING_PAREN.fullmatch(piece):
            inner = _clean(piece[1:-1])
            if inner in FATES:
                if last is not None and last.fate is None:
                    last.fate, last.marker = FATES[inner], inner
                else:
                    drop(piece, "fate marker with no commander")
            elif last is not None:
                last.roles.append(inner)  # `(Iraq Army Third Corps commander)`
            elif inner:
                drop(piece, "parenthesis with no commander")
            continue
        if piece in FATES:
            after_flag = _FLAG_GAP in raw
            if last is not None and last.fate is None and not after_flag:
                last.fate, last.marker = FATES[piece], piece
            else:
                drop(piece, "fate marker with no commander")
            continue
        if last is not None and _TITLE_ITEM.match(piece) and _can_take_title(last):
            piece = f"{last.name}, {piece}"  # `Charles II, Count of AlençonKIA`
            drafts.pop()
        elif last is not None and _is_role_piece(piece) and not _MARKER.search(piece):
            last.roles.append(piece)
            continue
        for sub in _mid_title_split(piece):
            last = _read_piece(sub, group, drafts, drop) or last
    for mk in markers:
        key = fold(mk.name)
        for d in drafts:
            if d.fate is None and (fold(d.name) == key or fold(d.name).endswith(" " + key)):
                fate = FATES.get(mk.marker.upper())
                if fate:
                    d.fate, d.marker = fate, mk.marker
                break
    return CommandersReading(tuple(_finish(d) for d in drafts), tuple(flags))


def _read_piece(piece: str, group: str | None, drafts: list[_Draft], drop: Any) -> _Draft | None:
    """One item, cut after each fate marker: `Earl of GloucesterKIA Baron CliffordKIA Henry`."""
    last: _Draft | None = None
    start = 0
    for m in _MARKER.finditer(piece):
        if not _marker_at(piece, m):
            continue
        segment = piece[start : m.start()]
        code = m.group(1)
        start = m.end()
        name, roles = _name_and_role(segment)
        if _is_empty(name):
            if last is not None and last.fate is None:
                last.fate, last.marker = FATES[code], code
            else:
                drop(piece, f"{code} with no commander name")
            continue
        last = _Draft(name, piece, FATES[code], code, roles, group)
        drafts.append(last)
    tail = piece[start:]
    if not _is_empty(tail):
        stripped = tail.strip()
        if last is not None and stripped.startswith("(") and _TRAILING_PAREN.fullmatch(stripped):
            last.roles.append(_clean(stripped[1:-1]))  # `al-MuhammadiKIA (November 2004)`
        else:
            name, roles = _name_and_role(tail)
            if not _is_empty(name):
                last = _Draft(name, piece, roles=roles, group=group)
                drafts.append(last)
            elif last is not None:
                last.roles.extend(roles)
    return last


def _finish(d: _Draft) -> Commander:
    """`Gen. Curtis Scaparrotti` -> rank apart; a rank with no name after it stays the name."""
    rank, name, ident = _rank_name_id(d.name)
    role = "; ".join(d.roles) or None
    return Commander(name, ident, d.fate, rank, role, d.marker, d.group, d.text)


@lru_cache(maxsize=65536)
def _rank_name_id(text: str) -> tuple[str | None, str, str]:
    """A commander's rank, name and id from the name text (cached: names recur)."""
    rank, name = _split_rank(text)
    name = _clean(name)
    if _is_empty(name):
        rank, name = None, text
    return rank, name, _canonical_id(name)
