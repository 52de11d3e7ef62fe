"""geocode: EXAMPLES.md place rows, the corpus's true coordinates, fallbacks, hostile text."""

from __future__ import annotations

import time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bellum.article import Coordinates
from bellum.geo import Place, geocode
from bellum.geo.gazetteer import distance_km, gazetteer


def test_between_ansongo_and_menaka() -> None:
    p = geocode("Between Ansongo and Ménaka, Mali")
    assert p.relation == "between" and p.names == ("Ansongo", "Ménaka")
    assert p.country == "ML" and p.where_prec == 5 and p.geocoder == "midpoint"
    assert p.lat is not None and p.lon is not None
    assert distance_km(p.lat, p.lon, 15.79, 1.45) < 5


def test_manzikert_geocodes_by_its_present_day_name() -> None:
    p = geocode("Near Manzikert, Iberia/Byzantine Armenia, (present-day Malazgirt, Turkey)")
    assert p.relation == "near" and p.country == "TR" and p.where_prec == 2
    assert "Malazgirt" in p.names and p.matched == "Malazgirt"


def test_panipat_present_day_clause() -> None:
    p = geocode("Panipat (present-day Haryana, India)")
    assert p.country == "IN" and p.where_prec == 2 and p.admin1 == "Haryana"


def test_leyte_gulf_is_water() -> None:
    p = geocode("Leyte Gulf, Philippines")
    assert (p.country, p.where_prec, p.geocoder) == ("PH", 7, "water")


def test_unknown_village_gives_the_country_never_a_town_elsewhere() -> None:
    p = geocode("In Khalil, Mali")
    assert (p.country, p.where_prec, p.geocoder) == ("ML", 6, "country")
    assert p.lat is not None and p.lon is not None
    near = gazetteer().nearest(p.lat, p.lon)
    assert near is not None and near.country == "ML"


@pytest.mark.parametrize(
    ("text", "country", "prec", "how"),
    [
        ("Tessalit, Kidal Region, Mali", "ML", 2, "gazetteer"),
        ("Adrar des Ifoghas, Kidal Region, Mali", "ML", 4, "admin"),
        ("Konar Province, Afghanistan", "AF", 4, "admin"),
        ("Preussisch Eylau, East Prussia (today Bagrationovsk, Russia)", "RU", 2, "gazetteer"),
        ("Allenstein, East Prussia, German Empire (present-day Poland)", "PL", 2, "gazetteer"),
        ("Hradec Králové, Königgrätz, Austrian Empire (modern day Czech Republic)", "CZ", 2, "gazetteer"),
        ("Kobarid, Austria-Hungary, (present day Slovenia)", "SI", 2, "gazetteer"),
        ("Chu Pong-Ia Drang complex, Central Highlands, South Vietnam", "VN", 6, "country"),
        ("Yangtze River, China", "CN", 7, "water"),
        ("Gaixia (in present-day Guzhen County, Anhui)", "CN", 4, "admin"),
        ("Koniggratz", "CZ", 2, "gazetteer"),
        ("25px Gao, ()", "ML", 2, "gazetteer"),
    ],
)
def test_readings(text: str, country: str, prec: int, how: str) -> None:
    p = geocode(text)
    assert (p.country, p.where_prec, p.geocoder) == (country, prec, how)


def test_a_name_matches_only_inside_the_named_country() -> None:
    # There are towns called Tripoli in Lebanon and Greece too.
    assert geocode("Tripoli, Libya").country == "LY"
    assert geocode("Tripoli, Lebanon").country == "LB"


def test_two_readings_in_two_countries_are_not_guessed() -> None:
    p = geocode("Taraz or Talas")  # Taraz is in Kazakhstan, Talas in Kyrgyzstan
    assert p.country is None and p.lat is None and p.relation == "multiple"
    assert p.names == ("Taraz", "Talas")
    # A title that names neither reading does not settle it either.
    assert geocode("Taraz or Talas", title="Battle of the River").country is None


def test_the_article_title_settles_two_readings() -> None:
    talas = geocode("Taraz or Talas", title="Battle of Talas")
    assert (talas.country, talas.relation, talas.where_prec) == ("KG", "multiple", 2)
    assert geocode("Taraz or Talas", title="Siege of Taraz").country == "KZ"


def test_article_coordinates_win_but_names_are_read() -> None:
    p = geocode("Timbuktu, Mali", Coordinates(16.7667, -3.0))
    assert (p.lat, p.lon, p.where_prec, p.geocoder) == (16.7667, -3.0, 1, "coord")
    assert p.country == "ML" and p.names == ("Timbuktu",)
    # no country in the text: the coordinates' own country
    assert geocode("Horns of Hattin", Coordinates(32.80361, 35.44444)).country == "IL"


def test_nothing_gives_an_empty_place() -> None:
    for text in (None, "", "Unknown"):
        p = geocode(text)
        assert p.lat is None and p.where_prec is None


def test_to_json_matches_the_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    data = geocode("Between Ansongo and Ménaka, Mali").to_json()
    schema = {
        "type": "object",
        "required": ["text", "names", "relation", "country", "lat", "lon", "where_prec"],
        "properties": {
            "relation": {"enum": ["at", "near", "between", "off", "in", "around", "multiple", None]},
            "country": {"type": ["string", "null"], "pattern": "^[A-Z]{2}$"},
            "where_prec": {"type": ["integer", "null"], "minimum": 1, "maximum": 7},
        },
    }
    jsonschema.validate(data, schema)


def _place_value(row: dict[str, Any]) -> str:
    return str(next(v for k, v in row["infobox"] if k.lower() == "place"))


def _coord_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in rows if r.get("coords") and any(k.lower() == "place" for k, _ in r["infobox"])]


def test_corpus_country_is_right_for_every_row_with_coordinates(
    corpus_infoboxes: list[dict[str, Any]],
) -> None:
    # The true country is the country of the GeoNames populated place nearest the article's
    # own coordinates (a reverse geocode through our gazetteer).
    g = gazetteer()
    rows = _coord_rows(corpus_infoboxes)
    assert len(rows) >= 20
    wrong = []
    for row in rows:
        truth = g.nearest(row["coords"]["lat"], row["coords"]["lon"])
        assert truth is not None
        place = geocode(_place_value(row), title=row["title"])  # WITHOUT the coordinates
        if place.country != truth.country:
            wrong.append((row["title"], place.country, truth.country))
    assert wrong == []


def test_corpus_no_record_geocodes_outside_its_true_country(
    corpus_infoboxes: list[dict[str, Any]],
) -> None:
    g = gazetteer()
    for row in _coord_rows(corpus_infoboxes):
        place = geocode(_place_value(row))
        if place.lat is None or place.lon is None:
            continue
        truth = g.nearest(row["coords"]["lat"], row["coords"]["lon"])
        found = g.nearest(place.lat, place.lon)
        assert truth is not None and found is not None
        assert found.country == truth.country, row["title"]


def test_every_corpus_place_geocodes_without_error(
    corpus_infoboxes: list[dict[str, Any]],
) -> None:
    for row in corpus_infoboxes:
        for key, value in row["infobox"]:
            if key.lower() == "place":
                assert isinstance(geocode(value), Place)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=120))
def test_geocode_never_raises(text: str) -> None:
    geocode(text)


@pytest.mark.parametrize(
    "hostile", ["1" * 200_000, "1," * 100_000, "a or " * 40_000, "x (y) " * 30_000, "Mali, " * 30_000]
)
def test_hostile_value_geocodes_fast(hostile: str) -> None:
    geocode("Gao")  # load the index first: the timing is for the value
    start = time.perf_counter()
    geocode(hostile)
    assert time.perf_counter() - start < 2.0
