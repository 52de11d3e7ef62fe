"""The document model: one `Article` flows through the whole pipeline.

Readers (`bellum.sources`) build it from plain text or wikitext; later stages read its
infobox fields and sections and never go back to the raw input. Everything is frozen so an
article can be shared between stages (and processes) without copies or surprises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MARKERS = ("KIA", "DOW", "WIA", "POW", "MIA", "EXE")
"""Fate markers the wikitext templates {{KIA}}, {{DOW}}... stand for."""

_KEY_SPACES = re.compile(r"[\s_]+")


def normalize_key(key: str) -> str:
    """Map a plain-text or wikitext key to the template's parameter name.

    `Combatant1` -> `combatant1`, `Partof` -> `partof`, `Map Type` -> `map_type`.
    """
    return _KEY_SPACES.sub("_", key.strip()).lower()


@dataclass(frozen=True, slots=True)
class Marker:
    """A fate marker attached to the name before it: `Abu Dardar{{KIA}}` -> (Abu Dardar, KIA)."""

    name: str
    marker: str


@dataclass(frozen=True, slots=True)
class InfoboxField:
    """One infobox parameter.

    `text` is the value as the plain-text form gives it (list items joined by ", ");
    `items` are the list items when the source delimited them (wikitext `<br>`, lists);
    `markers` and `sources` keep what the wikitext templates meant ({{KIA}}, <ref name=...>).
    """

    key: str
    text: str
    items: tuple[str, ...] = ()
    markers: tuple[Marker, ...] = ()
    sources: tuple[str, ...] = ()
    raw: str | None = None


@dataclass(frozen=True, slots=True)
class Section:
    """A block of prose under a heading (the lead: heading "", level 0; `==H==` is level 2)."""

    heading: str
    level: int
    text: str


@dataclass(frozen=True, slots=True)
class Coordinates:
    """A point the article itself gives (wikitext {{coord}})."""

    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class Article:
    """One battle article: title, infobox fields in input order, prose sections."""

    title: str
    source: str
    format: str
    template: str | None = None
    infobox: tuple[InfoboxField, ...] = ()
    sections: tuple[Section, ...] = ()
    coordinates: Coordinates | None = None
    problems: tuple[str, ...] = field(default=())

    def get(self, key: str) -> InfoboxField | None:
        """The first field with this parameter name (`combatant1`), or None."""
        key = normalize_key(key)
        for f in self.infobox:
            if f.key == key:
                return f
        return None

    def value(self, key: str) -> str | None:
        """The text of a field, or None when the field is absent."""
        f = self.get(key)
        return None if f is None else f.text

    @property
    def prose(self) -> str:
        """All section text, in order, separated by blank lines."""
        return "\n\n".join(s.text for s in self.sections if s.text)
