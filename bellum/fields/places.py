"""Read an infobox `place` value into its parts, without any gazetteer (pure text grammar).

`Near Manzikert, Iberia/Byzantine Armenia, (present-day Malazgirt, Turkey)` reads as relation
`near`, names [Manzikert], context parts [Iberia/Byzantine Armenia], present-day parts
[Malazgirt, Turkey]. `bellum.geo.geocode` turns the reading into coordinates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# -- leftovers of dropped templates (INFOBOX.md) -----------------------------------------------
_PX = re.compile(r"\b(?:border\s*\|\s*)?\d{1,4}px\b(?:\s*\|\s*(?:border|link))*", re.IGNORECASE)
_EMPTY_PARENS = re.compile(r"\(\s*\)")
_SEPARATORS = re.compile(r"\s*(?:<hr\s*/?>|-{4,}|\||;|•)\s*", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_COMMAS = re.compile(r"\s*,[\s,]*")
_PAREN_GROUP = re.compile(r"\(([^()]*)\)")
_STRAY_PARENS = re.compile(r"[()\[\]]")

# -- present-day clauses: `(present-day X)`, `(today X)`, `now X`, `modern day X` -------------
_PRESENT_MARK = re.compile(
    r"^(?:in\s+)?(?:the\s+)?(?:(?:present|modern)[- ]?day|today|now|currently|modern)\b[\s:,]*",
    re.IGNORECASE,
)

# -- relations at the start of a part ----------------------------------------------------------
_DIRECTION = r"north[- ]?east|north[- ]?west|south[- ]?east|south[- ]?west|north|south|east|west"
_BETWEEN = re.compile(
    r"^between\s+(?:the\s+)?(?:(?:villages|towns|cities|rivers|settlements)\s+of\s+)?",
    re.IGNORECASE,
)
_RELATION_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("off", re.compile(r"^off\s+(?:the\s+)?(?:(?:coast|shore)s?\s+of\s+)?", re.IGNORECASE)),
    (
        "off",
        re.compile(
            rf"^(?:on\s+|along\s+)?(?:the\s+)?(?:(?P<dir>{_DIRECTION})(?:ern)?\s+)?"
            r"(?:coast|shore)s?\s+of\s+",
            re.IGNORECASE,
        ),
    ),
    ("near", re.compile(r"^(?:near(?:by)?|close\s+to|in\s+the\s+vicinity\s+of)\s+", re.I)),
    ("near", re.compile(r"^outside(?:\s+of)?\s+", re.IGNORECASE)),
    (
        "near",
        re.compile(
            rf"^(?:\d+\s*(?:km|mi|miles|kilometres|kilometers)\s+)?"
            rf"(?P<dir>{_DIRECTION})(?:ern)?\s+of\s+",
            re.IGNORECASE,
        ),
    ),
    ("around", re.compile(r"^(?:in\s+and\s+)?around\s+", re.IGNORECASE)),
    ("in", re.compile(r"^in\s+(?:the\s+)?(?=\S)", re.IGNORECASE)),
)
_OUTSIDE = re.compile(r"^outside", re.IGNORECASE)
_DIR_ONLY = re.compile(rf"^(?:the\s+)?(?P<dir>{_DIRECTION})(?:ern)?\s+", re.IGNORECASE)
_AND = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)
_OR = re.compile(r"\s+or\s+|\s*/\s*", re.IGNORECASE)
_TRAILING_AREA = re.compile(r"\s+(?:area|complex|region|vicinity|environs)$", re.IGNORECASE)
_LANGUAGE_NOTE = re.compile(
    r"^(?:hebrew|arabic|latin|greek|german|turkish|persian|french|polish|russian|"
    r"chinese|japanese|korean|modern|ancient|old|local)(?:\s+name)?$",
    re.IGNORECASE,
)

HISTORICAL: dict[str, tuple[str, ...]] = {
    # Historical states and regions -> today's countries (ISO alpha-2). One code means the
    # whole name maps to one country today; several mean "one of these" (a constraint only).
    "east prussia": ("PL", "RU", "LT"),
    "prussia": ("DE", "PL", "RU", "LT"),
    "german empire": ("DE", "PL", "FR", "RU", "LT", "DK"),
    "austria hungary": ("AT", "HU", "CZ", "SK", "SI", "HR", "BA", "PL", "UA", "RO", "IT", "RS"),
    "austrian empire": ("AT", "HU", "CZ", "SK", "SI", "HR", "PL", "UA", "RO", "IT"),
    "kingdom of lombardy venetia": ("IT",),
    "lombardy venetia": ("IT",),
    "british india": ("IN", "PK", "BD", "MM"),
    "assam province": ("IN",),
    "south vietnam": ("VN",),
    "north vietnam": ("VN",),
    "central highlands": ("VN",),
    "byzantine armenia": ("TR", "AM"),
    "byzantine empire": ("TR", "GR", "BG", "IT", "SY", "EG"),
    "ottoman empire": ("TR", "GR", "BG", "SY", "IQ", "SA", "IL", "JO", "LB", "EG", "RS"),
    "mamluk sultanate": ("EG", "SY", "IL", "PS", "JO", "LB", "SA"),
    "galilee": ("IL",),
    "jezreel valley": ("IL",),
    "hejaz": ("SA",),
    "arabia": ("SA",),
    "scotland": ("GB",),
    "england": ("GB",),
    "wales": ("GB",),
    "northern ireland": ("GB",),
    "picardy": ("FR",),
    "masuria": ("PL",),
    "honshu": ("JP",),
    "mino province": ("JP",),
    "owari province": ("JP",),
    "mikawa": ("JP",),
    "soviet union": ("RU", "UA", "BY", "LT", "LV", "EE", "GE", "AM", "AZ", "KZ", "UZ"),
    "ussr": ("RU", "UA", "BY", "LT", "LV", "EE", "GE", "AM", "AZ", "KZ", "UZ"),
    "yugoslavia": ("RS", "HR", "BA", "SI", "ME", "MK", "XK"),
    "czechoslovakia": ("CZ", "SK"),
    "west germany": ("DE",),
    "east germany": ("DE",),
    "rhodesia": ("ZW",),
    "burma": ("MM",),
    "ceylon": ("LK",),
    "persia": ("IR",),
    "siam": ("TH",),
    "zaire": ("CD",),
    "transoxiana": ("UZ", "TJ", "KZ", "TM"),
    "khorasan": ("IR", "AF", "TM"),
    "chechnya": ("RU",),
    "holy roman empire": ("DE", "AT", "CZ", "IT", "BE", "NL", "FR", "PL", "CH"),
    "kingdom of france": ("FR",),
    "kingdom of england": ("GB",),
    "kingdom of scotland": ("GB",),
    "spanish netherlands": ("BE", "FR", "NL"),
    "austrian netherlands": ("BE",),
    "iberia": (),
}
"""Historical states and regions that are not countries today (documented table)."""

_MAX_PARTS = 32
"""Parts read for relations and historical names; a real value has a handful (hostile ones
have 100,000: the rest are ignored)."""

_KEY_DROP = re.compile(r"[’'`ʼ‘]")
_KEY_NONWORD = re.compile(r"[\W_]+")


def table_key(name: str) -> str:
    """Key for the tables: lowercase words; `Austria-Hungary` -> `austria hungary`."""
    return _KEY_NONWORD.sub(" ", _KEY_DROP.sub("", name.casefold())).strip()


@dataclass(frozen=True, slots=True)
class PlaceText:
    """An infobox place value, read but not geocoded.

    `names` are what the relation is about (two for `between`), `context` the other comma
    parts (region, country...), `present_day` the parts of a present-day clause, `alternates`
    other names in parentheses or after `or`/`/`, `historical` today's countries implied by
    historical states named in the text (from `HISTORICAL`).
    """

    text: str
    relation: str | None
    direction: str | None
    names: tuple[str, ...]
    context: tuple[str, ...]
    context_near: tuple[str, ...]
    present_day: tuple[str, ...]
    alternates: tuple[str, ...]
    historical: tuple[tuple[str, ...], ...]

    def to_json(self) -> dict[str, Any]:
        """The reading as JSON (a debugging view; the schema's `place` comes from geocode)."""
        return {
            "text": self.text,
            "relation": self.relation,
            "direction": self.direction,
            "names": list(self.names),
            "context": list(self.context),
            "context_near": list(self.context_near),
            "present_day": list(self.present_day),
            "alternates": list(self.alternates),
            "historical": [list(h) for h in self.historical],
        }


def clean_place(text: str) -> str:
    """Drop template leftovers: `25px Gao, ()` -> `Gao`; `a | b` -> `a, b`."""
    t = _SPACES.sub(" ", text)  # first: the patterns below then never see runs of spaces
    if "px" in t.lower():  # every `_PX` match holds `px` (no case trap folds to p or x)
        t = _PX.sub(" ", t)
    if "(" in t:
        t = _EMPTY_PARENS.sub(" ", t)
    t = _SEPARATORS.sub(", ", t)
    t = _COMMAS.sub(", ", _SPACES.sub(" ", t))
    return t.strip(" ,.*")


def _split_parts(text: str) -> list[str]:
    return [p.strip(" .*") for p in text.split(",") if p.strip(" .*")]


def _relation(part: str) -> tuple[str | None, str | None, str]:
    """(relation, direction, rest) for the start of one part: `near Muhi` -> (near, None, Muhi)."""
    for rel, pat in _RELATION_WORDS:
        m = pat.match(part)
        if m is None:
            continue
        if rel == "in" and not part[:1].islower() and part[3:7].lower() != "the ":
            continue  # `In Khalil`, `In Amenas`: a name, not the word "in"
        direction = m.groupdict().get("dir")
        if direction is None and _OUTSIDE.match(part):
            direction = "outside"
        rest = part[m.end() :].strip()
        if rest:
            d = _DIR_ONLY.match(rest) if rel == "off" and direction is None else None
            if d is not None:
                direction, rest = d.group("dir"), rest[d.end() :]
            return rel, direction.lower().replace(" ", "-") if direction else None, rest
    return None, None, part


def _strip_area(name: str) -> str:
    return _TRAILING_AREA.sub("", name).strip()


def read_place(text: str) -> PlaceText:
    """Read a place value: `Between Ansongo and Ménaka, Mali` -> between [Ansongo, Ménaka].

    Pure and total: any string gives a reading (possibly empty), never an exception.
    """
    cleaned = clean_place(text)
    present: list[str] = []
    alternates: list[str] = []
    context_near: list[str] = []

    # Parenthesized groups: present-day clauses, relations (`(near Nathdwara)`), or alternates.
    def _paren(m: re.Match[str]) -> str:
        inner = m.group(1).strip(" ,")
        if not inner:
            return " "
        pm = _PRESENT_MARK.match(inner)
        if pm is not None:
            present.extend(_split_parts(inner[pm.end() :]))
            return ", "
        rel, _, rest = _relation(inner)
        if rel is not None and rel != "in":
            context_near.append(rest)
        elif not _LANGUAGE_NOTE.match(inner):
            alternates.extend(_split_parts(inner))
        return " "

    body = _PAREN_GROUP.sub(_paren, cleaned) if "(" in cleaned else cleaned
    if "(" in body or ")" in body or "[" in body or "]" in body:
        body = _STRAY_PARENS.sub(" ", body)
    body = _COMMAS.sub(", ", _SPACES.sub(" ", body)).strip(" ,")
    parts = _split_parts(body)

    # An unparenthesized `present-day X, Y` clause runs to the end of the value.
    for i, part in enumerate(parts):
        pm = _PRESENT_MARK.match(part)
        if pm is not None and part[pm.end() :].strip():
            present = [part[pm.end() :].strip(), *parts[i + 1 :], *present]
            parts = parts[:i]
            break

    relation: str | None = None
    direction: str | None = None
    names: list[str] = []
    context: list[str] = []
    if parts:
        first = parts[0]
        bm = _BETWEEN.match(first)
        if bm is not None:
            relation = "between"
            names = [n.strip() for n in _AND.split(first[bm.end() :], maxsplit=1) if n.strip()]
        else:
            relation, direction, first = _relation(first)
            if relation is None and _AND.search(first):
                relation = "multiple"
                names = [n.strip() for n in _AND.split(first) if n.strip()]
            else:
                names = [first]
        for part in parts[1:_MAX_PARTS]:
            rel, _, rest = _relation(part)
            if rel is not None and rel != "in":
                context_near.append(rest)
            else:
                context.append(part)

    # `Taraz or Talas`, `Sekigahara / Aonogahara Mino Province`: the first is the name.
    split_names: list[str] = []
    for n in names:
        options = [o.strip() for o in _OR.split(n) if o.strip()]
        if options:
            split_names.append(_strip_area(options[0]))
            alternates.extend(_strip_area(o) for o in options[1:])
    historical: list[tuple[str, ...]] = []
    for part in (*context, *names)[:_MAX_PARTS]:
        for option in _OR.split(part):
            codes = HISTORICAL.get(table_key(option))
            if codes:
                historical.append(codes)
    return PlaceText(
        text=cleaned,
        relation=relation,
        direction=direction,
        names=tuple(split_names),
        context=tuple(context),
        context_near=tuple(context_near),
        present_day=tuple(present),
        alternates=tuple(alternates),
        historical=tuple(historical),
    )
