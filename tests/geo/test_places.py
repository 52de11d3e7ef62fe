"""read_place: the grammar of infobox place values, without a gazetteer."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bellum.fields.places import clean_place, read_place


@pytest.mark.parametrize(
    ("text", "relation", "names", "present_day"),
    [
        ("Between Ansongo and Ménaka, Mali", "between", ("Ansongo", "Ménaka"), ()),
        (
            "Near Manzikert, Iberia/Byzantine Armenia, (present-day Malazgirt, Turkey)",
            "near",
            ("Manzikert",),
            ("Malazgirt", "Turkey"),
        ),
        ("Panipat (present-day Haryana, India)", None, ("Panipat",), ("Haryana", "India")),
        (
            "Preussisch Eylau, East Prussia (today Bagrationovsk, Russia)",
            None,
            ("Preussisch Eylau",),
            ("Bagrationovsk", "Russia"),
        ),
        (
            "Kohima, Naga Hills District, Assam Province, British India (now Nagaland, India)",
            None,
            ("Kohima",),
            ("Nagaland", "India"),
        ),
        (
            "Sekigahara / Aonogahara Mino Province, present-day Gifu Prefecture, Japan",
            None,
            ("Sekigahara",),
            ("Gifu Prefecture", "Japan"),
        ),
        ("Kobarid, Austria-Hungary, (present day Slovenia)", None, ("Kobarid",), ("Slovenia",)),
        ("In Khalil, Mali", None, ("In Khalil",), ()),
        ("Jena and Auerstedt, Germany", "multiple", ("Jena", "Auerstedt"), ()),
        ("The eastern coast of Hansan Island", "off", ("Hansan Island",), ()),
        ("off the coast of Aden, Yemen", "off", ("Aden",), ()),
        ("outside Kidal, Mali", "near", ("Kidal",), ()),
        ("30 km north of Gao, Mali", "near", ("Gao",), ()),
        ("around Misrata, Libya", "around", ("Misrata",), ()),
        ("in the Kunar valley, Afghanistan", "in", ("Kunar valley",), ()),
        (
            "Between villages of Grunwald (Grünfelde) and Łodwigowo (Ludwigsdorf), Poland",
            "between",
            ("Grunwald", "Łodwigowo"),
            (),
        ),
    ],
)
def test_relation_names_and_present_day(
    text: str, relation: str | None, names: tuple[str, ...], present_day: tuple[str, ...]
) -> None:
    reading = read_place(text)
    assert reading.relation == relation
    assert reading.names == names
    assert reading.present_day == present_day


def test_direction_and_outside_are_kept() -> None:
    assert read_place("north-east of Gao, Mali").direction == "north-east"
    assert read_place("outside Kidal").direction == "outside"
    assert read_place("The eastern coast of Hansan Island").direction == "east"


def test_context_parts_and_nearby_places() -> None:
    reading = read_place("Bannockburn, south of Stirling, Scotland")
    assert reading.names == ("Bannockburn",)
    assert reading.context_near == ("Stirling",)
    assert reading.context == ("Scotland",)
    assert read_place("Khamnor (Haldighati), Rajasthan (near Nathdwara)").context_near == ("Nathdwara",)


def test_alternate_names_from_or_slash_and_parentheses() -> None:
    assert read_place("Taraz or Talas").alternates == ("Talas",)
    reading = read_place("Near Ma'ayan Harod (Hebrew) or Ayn Jalut (Arabic), Jezreel Valley")
    assert reading.names == ("Ma'ayan Harod",)
    assert reading.alternates == ("Ayn Jalut",)  # "(Hebrew)" is a language note, not a name


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Allenstein, East Prussia, German Empire", ("PL", "RU", "LT")),
        ("Solferino, Kingdom of Lombardy–Venetia", ("IT",)),
        ("Chu Pong-Ia Drang complex, Central Highlands, South Vietnam", ("VN",)),
        ("Horns of Hattin, Galilee", ("IL",)),
    ],
)
def test_historical_states_map_through_the_table(text: str, codes: tuple[str, ...]) -> None:
    assert codes in read_place(text).historical


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        (", Cuito Cuanavale, Angola", "Cuito Cuanavale, Angola"),
        ("25px Gao, ()", "Gao"),
        ("border|23px Kidal,, Mali", "Kidal, Mali"),
        ("Tessalit <hr> Kidal Region | Mali", "Tessalit, Kidal Region, Mali"),
    ],
)
def test_leftovers_are_dropped(text: str, cleaned: str) -> None:
    assert clean_place(text) == cleaned


def test_to_json_has_the_reading() -> None:
    data = read_place("Between Ansongo and Ménaka, Mali").to_json()
    assert data["relation"] == "between"
    assert data["names"] == ["Ansongo", "Ménaka"]
    assert data["context"] == ["Mali"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ,()-/|0123456789pxnearbtwd&")), max_size=80))
def test_never_raises_on_place_like_text(text: str) -> None:
    read_place(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_never_raises_on_any_text(text: str) -> None:
    read_place(text)


@pytest.mark.parametrize(
    "hostile",
    [
        "1" * 200_000,
        "," * 200_000,
        "-" * 200_000,
        "(" * 200_000,
        " " * 200_000,
        "1, ( -" * 33_000,
        "between a and " * 14_000,
        "near " * 40_000,
        "(present-day " * 15_000,
    ],
)
def test_hostile_value_is_read_fast(hostile: str) -> None:
    start = time.perf_counter()
    read_place(hostile)
    assert time.perf_counter() - start < 1.0
