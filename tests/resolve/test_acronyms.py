"""Acronyms defined in text: `Long Form (SHORT)` and `SHORT (Long Form)`."""

from __future__ import annotations

import time

import pytest

from bellum.resolve.acronyms import Acronym, find_acronyms, initials_match, is_acronym


@pytest.mark.parametrize(
    ("text", "long", "short", "rule"),
    [
        ("Fighters of the Arab Movement of Azawad (MAA) entered the town.",
         "Arab Movement of Azawad", "MAA", "alias table"),
        ("Later the MAA (Arab Movement of Azawad) denied it.",
         "Arab Movement of Azawad", "MAA", "alias table"),
        ("The Movement for Oneness and Jihad in West Africa (MUJAO) claimed the attack.",
         "Movement for Oneness and Jihad in West Africa", "MUJAO", "alias table"),
        ("The Movement for Oneness and Jihad in West Africa (MOJWA) claimed it.",
         "Movement for Oneness and Jihad in West Africa", "MOJWA", "initials"),
        ("A statement by Al-Qaeda in the Islamic Maghreb (AQIM) followed.",
         "Al-Qaeda in the Islamic Maghreb", "AQIM", "initials"),
        ("Units of the South West African Territorial Force (SWATF) moved north.",
         "South West African Territorial Force", "SWATF", "initials"),
        ("Le Mouvement pour l'unicité et le jihad en Afrique de l'Ouest (MUJAO) a revendiqué.",
         "Mouvement pour l'unicité et le jihad en Afrique de l'Ouest", "MUJAO", "initials"),
    ],
)  # fmt: skip
def test_defined_forms(text: str, long: str, short: str, rule: str) -> None:
    found = find_acronyms(text)
    assert [(a.long, a.short, a.rule) for a in found] == [(long, short, rule)]
    a = found[0]
    assert text[a.start :].startswith(long if text.index(long) < text.index(short) else short)


@pytest.mark.parametrize(
    "text",
    [
        "Fighters of Ansar al-Sharia (Mali) joined them.",
        "The convoy (about 30 vehicles) left at dawn.",
        "Gao (Mali) fell on the 26th.",
        "The Big Army of Mali (XYZ) is not a real group.",
        "Unknown (A)",
        "",
    ],
)
def test_rejected_forms(text: str) -> None:
    assert find_acronyms(text) == []


def test_several_definitions_in_one_text_in_order() -> None:
    text = (
        "People's Liberation Army of Namibia (PLAN) fighters and the Palestine Liberation "
        "Organization (PLO) were both named; so was the FAPLA (People's Armed Forces of "
        "Liberation of Angola)."
    )
    assert [a.short for a in find_acronyms(text)] == ["PLAN", "PLO", "FAPLA"]


def test_initials_match_and_is_acronym() -> None:
    assert initials_match("MOJWA", "Movement for Oneness and Jihad in West Africa")
    assert not initials_match("MUJAO", "Movement for Oneness and Jihad in West Africa")
    assert initials_match("AQIM", "Al-Qaeda in the Islamic Maghreb")
    assert not initials_match("AQI", "Al-Qaeda in the Islamic Maghreb")
    assert is_acronym("MAA") and is_acronym("UNA-UNSO") and not is_acronym("Mali")
    assert Acronym("Arab Movement of Azawad", "MAA", 0).to_json()["short"] == "MAA"


@pytest.mark.parametrize(
    "hostile",
    ["(AB)" * 50_000, "(" * 200_000, "A (B" * 50_000, "The Big Cat (TBC) " * 11_000,
     "a b c d e f g h i j k l m n o p q r s t u v w x y z (ABCDEFGHIJ) " * 3_000,
     "1," * 100_000, "-" * 200_000, " " * 200_000],
)  # fmt: skip
def test_hostile_text_is_linear(hostile: str) -> None:
    start = time.perf_counter()
    find_acronyms(hostile)
    assert time.perf_counter() - start < 1.0
