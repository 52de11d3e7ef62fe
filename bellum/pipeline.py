"""The per-article pipeline: read -> normalize fields -> read prose -> the extraction record.

`extract(article)` is a pure function of one article (no I/O but the lazily loaded
gazetteer), so it parallelizes trivially. `read_inputs` walks files, directories and stdin
and turns every bad input into one-line errors instead of exceptions.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bellum.article import Article, InfoboxField
from bellum.fields.dates import read_date
from bellum.fields.figures import Claim, read_figures
from bellum.fields.kind import read_kind, read_part_of
from bellum.fields.result import SideNames, SideState, by_elimination, read_result, side_names
from bellum.fields.sides import read_belligerents, read_commanders, read_units
from bellum.flags import Flag
from bellum.geo.geocode import geocode
from bellum.ids import slug
from bellum.prose import ProseContext, read_prose
from bellum.sources import ReadError
from bellum.sources.detect import read_articles

SIDE_KEY = re.compile(r"^(?P<what>combatant|commander|units|strength|casualties)(?P<n>[1-9])(?P<sub>[a-z]?)$")
"""`combatant1`, `combatant1a`, `casualties3`: the per-side parameters."""

ARTICLE_SUFFIXES = (".txt", ".wiki", ".wikitext", ".mediawiki", ".mw")
"""Files taken from a directory; a file named explicitly is read whatever its name."""


@dataclass(frozen=True, slots=True)
class SideFields:
    """The infobox fields of one side, gathered by index (`combatant1`, `combatant1a`, ...)."""

    index: int
    fields: dict[str, list[InfoboxField]] = field(default_factory=dict)

    def text(self, what: str) -> str | None:
        """The side's `what` text, sub-rows (`combatant1a`, `1b`) joined by ", "."""
        fs = self.fields.get(what)
        return None if not fs else ", ".join(f.text for f in fs if f.text)

    def all(self, what: str) -> list[InfoboxField]:
        """Every field of this kind for the side."""
        return self.fields.get(what, [])


def gather_sides(article: Article) -> dict[int, SideFields]:
    """Side index -> its fields, in input order within each kind."""
    sides: dict[int, SideFields] = {}
    for f in article.infobox:
        m = SIDE_KEY.match(f.key)
        if m is None:
            continue
        n = int(m.group("n"))
        sides.setdefault(n, SideFields(n)).fields.setdefault(m.group("what"), []).append(f)
    return sides


def _no_vanished_items(text: str) -> bool:
    """`MNLA,` yes (a trailing leftover); `, Afghanistan` no: a name vanished with its flag."""
    pieces = [p.strip() for p in text.split(",")]
    while pieces and not pieces[-1]:
        pieces.pop()
    return all(pieces)


def _is_losses_only(side: SideFields) -> bool:
    """`casualties3` with no third side: civilian or overall losses (INFOBOX.md)."""
    return set(side.fields) == {"casualties"}


def extract(article: Article, *, prose: bool = True) -> dict[str, Any]:
    """The extraction record of one article (SCHEMA.md), every key present.

    `prose=False` reads the infobox only (`bellum extract --fields-only`): claims and events
    stay empty lists.
    """
    flags: list[Flag] = []
    title = article.title
    date_text = article.value("date")
    date = read_date(date_text) if date_text else None
    place_text = article.value("place")
    place = (
        geocode(place_text, article.coordinates, title=title)
        if (place_text or article.coordinates)
        else None
    )

    gathered = gather_sides(article)
    other_losses: list[Claim] = []
    if gathered:
        top = max(gathered)
        if top >= 3 and _is_losses_only(gathered[top]):
            reading = read_figures(gathered[top].text("casualties") or "", f"casualties{top}")
            other_losses.extend(reading.claims)
            flags.extend(reading.flags)
            del gathered[top]
    sides_json: list[dict[str, Any]] = []
    names: list[SideNames] = []
    states: list[SideState] = []
    infobox_claims: list[tuple[int, Claim]] = []
    for index in range(1, max(gathered, default=0) + 1):
        side = gathered.get(index, SideFields(index))
        combatant_fields = side.all("combatant")
        items = tuple(i for f in combatant_fields for i in f.items)
        bel = read_belligerents(side.text("combatant") or "", f"combatant{index}", items)
        flags.extend(bel.flags)
        markers = tuple(m for f in side.all("commander") for m in f.markers)
        com = read_commanders(side.text("commander") or "", f"commander{index}", markers)
        flags.extend(com.flags)
        units = read_units(side.text("units") or "")
        strength = read_figures(side.text("strength") or "", f"strength{index}")
        losses = read_figures(side.text("casualties") or "", f"casualties{index}")
        flags.extend(strength.flags)
        flags.extend(losses.flags)
        infobox_claims.extend((index, c) for c in (*strength.claims, *losses.claims))
        names.append(side_names(index, bel.actors, com.commanders, units))
        states.append(
            SideState(index, bool(bel.actors), _no_vanished_items(side.text("combatant") or ""))
        )
        sides_json.append(
            {
                "index": index,
                "belligerents": [a.to_json() for a in bel.actors],
                "commanders": [c.to_json() for c in com.commanders],
                "units": list(units),
                "strength": [c.to_json() for c in strength.claims],
                "losses": [c.to_json() for c in losses.claims],
            }
        )
    result_text = article.value("result") or article.value("status")
    result = read_result(result_text, names) if result_text else None
    if result is not None:
        result = by_elimination(result, states)

    told = None
    if prose and article.sections:  # the context is only for the prose reader
        context = ProseContext(
            start=date.start if date else None,
            end=date.end if date else None,
            sides=tuple((n.index, (*n.names, *n.labels)) for n in names),
            infobox_claims=tuple(infobox_claims),
        )
        told = read_prose(article, context)
    if told is not None:
        flags.extend(told.flags)

    return {
        "id": slug(title),
        "title": title,
        "source": {"file": article.source, "format": article.format, "template": article.template},
        "kind": read_kind(title, article.value("conflict")),
        "part_of": list(read_part_of(article.value("partof"))),
        "date": date.to_json() if date else None,
        "place": place.to_json() if place else None,
        "result": result.to_json() if result else None,
        "sides": sides_json,
        "other_losses": [c.to_json() for c in other_losses],
        "claims": [c.to_json() for c in told.claims] if told else [],
        "events": [e.to_json() for e in told.events] if told else [],
        "flags": [f.to_json() for f in flags],
        "infobox": [{"key": f.key, "text": f.text} for f in article.infobox],
    }


@dataclass(frozen=True, slots=True)
class InputError:
    """One input that could not be read: printed as `bellum: SOURCE: message`."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"bellum: {self.source}: {self.message}"


def iter_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files in the order given; directories recursively, sorted, article files only."""
    for p in paths:
        path = Path(p)
        if p != "-" and path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES and not any(
                    part.startswith(".") for part in child.relative_to(path).parts
                ):
                    yield str(child)
        else:
            yield p


def read_inputs(paths: Iterable[str]) -> Iterator[Article | InputError]:
    """Articles from every input, or one InputError per input that fails (never raises)."""
    for p in iter_paths(paths):
        try:
            data = sys.stdin.buffer.read() if p == "-" else Path(p).read_bytes()
        except OSError as exc:
            yield InputError(p, exc.strerror or str(exc))
            continue
        try:
            yield from read_articles(data, "-" if p == "-" else p)
        except ReadError as exc:
            yield InputError(p, str(exc))


def extract_all(
    paths: Iterable[str], *, prose: bool = True
) -> Iterator[tuple[Article, dict[str, Any]] | InputError]:
    """`read_inputs` then `extract`, turning an unexpected failure into an InputError too."""
    for item in read_inputs(paths):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield item, extract(item, prose=prose)
        except Exception as exc:  # a bug must not lose the other articles
            yield InputError(item.source, f"{item.title}: internal error: {type(exc).__name__}: {exc}")

