"""Geocode an infobox place value with honest precision (UCDP GED where_prec).

`geocode("Between Ansongo and Ménaka, Mali")` -> between [Ansongo, Ménaka], ML, the midpoint,
where_prec 5. A name only matches inside the country the text names or implies (a present-day
clause wins over historical names); an unknown village in a named country gives the country
(where_prec 6), never a same-named town elsewhere. Precision: 1 the article's own coordinates,
2 a populated place (GeoNames points stand for the named place: "within ~25 km"), 4 admin1,
5 between places, 6 country, 7 water body.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bellum.article import Coordinates
from bellum.fields.places import HISTORICAL, PlaceText, read_place, table_key
from bellum.geo.gazetteer import Entry, Gazetteer, gazetteer, normalize_name

_OR_SPLIT = ("/", " or ")
_MAX_PARTS = 12
"""Look at most this many parts of each kind: a real place value has a handful."""
_MAX_NAME = 150
"""A longer "name" is prose or garbage: never looked up."""
_SUFFIXES = (" castle", " bridge", " airport", " international airport", " fortress", " fort")


@dataclass(frozen=True, slots=True)
class Place:
    """The schema's `place` object: where, how precisely, and how it was found."""

    text: str
    names: tuple[str, ...]
    relation: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    where_prec: int | None
    geocoder: str | None
    direction: str | None = None
    matched: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Exactly the schema's `place` keys, plus `direction` and `matched` (what matched)."""
        return {
            "text": self.text,
            "names": list(self.names),
            "relation": self.relation,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "where_prec": self.where_prec,
            "geocoder": self.geocoder,
            "direction": self.direction,
            "matched": self.matched,
        }


def _bounded(pt: PlaceText) -> PlaceText:
    """The reading with at most `_MAX_PARTS` short parts of each kind (hostile input stays fast)."""

    def keep(parts: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(p for p in parts[:_MAX_PARTS] if len(p) <= _MAX_NAME)

    return PlaceText(
        text=pt.text,
        relation=pt.relation,
        direction=pt.direction,
        names=keep(pt.names),
        context=keep(pt.context),
        context_near=keep(pt.context_near),
        present_day=keep(pt.present_day),
        alternates=keep(pt.alternates),
        historical=pt.historical[:_MAX_PARTS],
    )


def _options(part: str) -> list[str]:
    out = [part]
    for sep in _OR_SPLIT:
        if sep in part:
            out.extend(p.strip() for p in part.split(sep) if p.strip())
    return out


def _countries(g: Gazetteer, pt: PlaceText) -> tuple[frozenset[str] | None, str | None]:
    """(allowed countries, the country itself) implied by the text; None = anywhere."""
    for part in reversed(pt.present_day):
        code = g.country(part)
        if code:
            return frozenset({code}), code
    for part in reversed((*pt.names, *pt.context)):
        for option in _options(part):
            code = g.country(option)
            if code and table_key(option) not in HISTORICAL:
                return frozenset({code}), code
    allowed: frozenset[str] | None = None
    for codes in pt.historical:
        s = frozenset(codes)
        allowed = s if allowed is None else (allowed & s or allowed)
    # present-day admin units (`present-day Haryana`) imply their country when unambiguous
    for part in pt.present_day:
        hits = {e.country for e in g.admin1(part, allowed) if e.country}
        if len(hits) == 1:
            code = hits.pop()
            return frozenset({code}), code
    if allowed is not None and len(allowed) == 1:
        only = next(iter(allowed))
        return allowed, only
    return allowed, None


def _place(
    g: Gazetteer, name: str, allowed: frozenset[str] | None, admin: frozenset[tuple[str, str]]
) -> Entry | None:
    for option in _options(name):
        hits = g.places(option, allowed, admin)
        if hits:
            return hits[0]
        low = option.lower()
        for suffix in _SUFFIXES:
            if low.endswith(suffix) and len(option) > len(suffix) + 1:
                hits = g.places(option[: -len(suffix)], allowed, admin)
                if hits:
                    return hits[0]
    return None


def _admin_units(g: Gazetteer, parts: tuple[str, ...], allowed: frozenset[str] | None) -> list[Entry]:
    out: list[Entry] = []
    for part in parts:
        if g.country(part):
            continue
        hits = g.admin1(part, allowed)
        if len(hits) == 1 or (hits and allowed is not None):
            out.append(hits[0])
    return out


def _names_in(name: str, title: str) -> bool:
    """`Talas` in `Battle of Talas` (whole words, diacritics and case folded)."""
    key = normalize_name(name)
    return bool(key) and f" {key} " in f" {normalize_name(title)} "


def geocode(
    text: str | None, coordinates: Coordinates | None = None, *, title: str | None = None
) -> Place:
    """Geocode a place value; the article's own `coordinates` win (where_prec 1).

    `geocode("Leyte Gulf, Philippines")` -> water, PH, where_prec 7. Never raises on text.
    `title` (the article's) settles `Taraz or Talas` in two countries: the alternative the
    title names (`Battle of Talas`) wins; without such a hint there is no guess.
    """
    pt = _bounded(read_place(text or ""))
    g = gazetteer()
    allowed, country = _countries(g, pt)
    admins = _admin_units(g, (*pt.present_day, *pt.context, *pt.names), allowed)
    if country is None and allowed is None and admins:
        codes = {a.country for a in admins if a.country}
        if len(codes) == 1:
            country = codes.pop()
            allowed = frozenset({country})
    admin_codes = frozenset((a.country, a.admin1) for a in admins if a.country and a.admin1)
    admin_name = admins[0].name if admins else None

    def done(
        entry: Entry | None,
        prec: int | None,
        how: str | None,
        relation: str | None = pt.relation,
        names: tuple[str, ...] = pt.names,
        lat: float | None = None,
        lon: float | None = None,
    ) -> Place:
        c = country or (entry.country if entry else None)
        a1 = admin_name
        if entry is not None and entry.kind == "admin1":
            a1 = entry.name
        elif entry is not None and entry.kind == "place" and entry.country and entry.admin1:
            a1 = g.admin1_name(entry.country, entry.admin1) or a1
        if lat is None and entry is not None:
            lat, lon = entry.lat, entry.lon
        if coordinates is not None:
            lat, lon, prec, how = coordinates.lat, coordinates.lon, 1, "coord"
            if c is None:
                near = g.nearest(lat, lon)
                c = near.country if near else None
        return Place(
            text=pt.text,
            names=names,
            relation=relation,
            country=c,
            admin1=a1,
            lat=lat,
            lon=lon,
            where_prec=prec,
            geocoder=how,
            direction=pt.direction,
            matched=entry.name if entry else None,
        )

    if pt.relation == "between" and len(pt.names) == 2:
        ends = [_place(g, n, allowed, admin_codes) for n in pt.names]
        alt = list(pt.alternates)
        for i, e in enumerate(ends):
            if e is None and alt:
                ends[i] = _place(g, alt.pop(0), allowed, admin_codes)
        found = [e for e in ends if e is not None]
        if len(found) == 2:
            a, b = found
            if a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None:
                if country is None and a.country == b.country:
                    country = a.country
                return done(a, 5, "midpoint", lat=(a.lat + b.lat) / 2, lon=(a.lon + b.lon) / 2)
        if found:
            return done(found[0], 5, "gazetteer")

    # the first name is where it happened: a water body there is the answer (naval battles)
    if pt.names:
        water = g.water(pt.names[0], allowed)
        if water:
            return done(water[0], 7, "water", relation=pt.relation or "at")

    # `Taraz or Talas` with no country named: two readings in two countries is no answer
    if country is None and pt.alternates and pt.names and pt.relation is None:
        readings = [_place(g, n, allowed, admin_codes) for n in (pt.names[0], *pt.alternates)]
        codes = {r.country for r in readings if r is not None and r.country}
        if len(codes) > 1:
            candidates = (pt.names[0], *pt.alternates)
            named = [
                r for n, r in zip(candidates, readings, strict=True)
                if r is not None and title and _names_in(n, title)
            ]  # fmt: skip
            if len(named) == 1:
                return done(named[0], 2, "gazetteer", relation="multiple", names=candidates)
            return done(None, None, None, relation="multiple", names=candidates)

    present_names = tuple(p for p in pt.present_day if not g.country(p) and not g.admin1(p, allowed))
    tries: list[tuple[str, str | None]] = [(n, None) for n in present_names]
    tries += [(n, None) for n in pt.names] + [(n, None) for n in pt.alternates]
    tries += [(n, "near") for n in pt.context_near]
    for name, rel in tries:
        if g.country(name) or table_key(name) in HISTORICAL:
            continue
        hit = _place(g, name, allowed, admin_codes)
        if hit is not None:
            names = pt.names + tuple(n for n in present_names if n not in pt.names)
            return done(hit, 2, "gazetteer", relation=pt.relation or rel or "at", names=names)
    for name in pt.context_near:
        water = g.water(name, allowed)
        if water:
            return done(water[0], 7, "water", relation="near")
    # context parts that are towns (`Fontenoy, Antoing, Belgium`): near that town
    for name in pt.context:
        if g.country(name) or table_key(name) in HISTORICAL or g.admin1(name, allowed):
            continue
        hit = _place(g, name, allowed, admin_codes) if allowed is not None else None
        if hit is not None:
            return done(hit, 2, "gazetteer", relation=pt.relation or "near")
    if admins:
        return done(admins[0], 4, "admin", relation=pt.relation or "in")
    if country is not None:
        entry = g.country_entry(country)
        return done(entry, 6, "country", relation=pt.relation or "in")
    return done(None, None, None)
