"""Article kind from the title, and part_of from the `Partof` field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bellum.fields.kind import read_kind, read_part_of

EXAMPLES = Path(__file__).resolve().parents[2] / "bellum" / "examples"
SCHEMA_KINDS = {"battle", "siege", "campaign", "war", "operation", "massacre", "raid",
                "conflict", "other"}


@pytest.mark.parametrize(
    ("title", "conflict", "kind"),
    [
        ("Siege of Tessalit", None, "siege"),
        ("Second Battle of Fallujah", None, "battle"),
        ("Battle of Grozny (1994–1995)", None, "battle"),
        ("Operation Serval", None, "operation"),
        ("Kamdesh", "Battle of Kamdesh", "battle"),
        ("Kamdesh", None, "other"),
        ("Tet Offensive", None, "campaign"),
        ("War of the Fourth Coalition", None, "war"),
        ("Mali War", None, "war"),
        ("Northern Mali conflict", None, "conflict"),
        ("Warsaw Uprising", None, "conflict"),
        ("Battle of Warsaw (1920)", None, "battle"),
        ("Srebrenica massacre", None, "massacre"),
        ("Raid on Entebbe", None, "raid"),
        ("Ambush of Tagarangabotte", None, "battle"),
        ("Siege of Sarajevo during the Bosnian War", None, "siege"),
        ("Normandy landings", None, "operation"),
        ("Battle of In-Delimane (2012)", "Battle of In-Delimane", "battle"),
    ],
)
def test_read_kind(title: str, conflict: str | None, kind: str) -> None:
    assert read_kind(title, conflict) == kind


def test_every_corpus_title_has_a_sensible_kind(corpus_infoboxes: list[dict[str, Any]]) -> None:
    kinds: dict[str, str] = {}
    for row in corpus_infoboxes:
        conflict = dict(row["infobox"]).get("Conflict")
        kind = read_kind(row["title"], conflict)
        assert kind in SCHEMA_KINDS
        kinds[row["title"]] = kind
        if "Battle" in row["title"]:
            assert kind == "battle", row["title"]
        if "Siege" in row["title"]:
            assert kind == "siege", row["title"]
    assert kinds["Siege of Tessalit"] == "siege"
    assert kinds["Second Battle of Fallujah"] == "battle"
    assert kinds["Battle of Kamdesh"] == "battle"
    assert "other" not in kinds.values()


def _seed_partof(name: str) -> str:
    for line in (EXAMPLES / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("- Partof:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"{name} has no Partof")


def test_seed_part_of() -> None:
    assert read_part_of(_seed_partof("battle_of_in_delimane.txt")) == ("Malian Civil War",)
    assert read_part_of(_seed_partof("battle_of_in_khalil.txt")) == ("Northern Mali conflict",)


# Partof values from the corpus (and a few of our own) -> the conflicts, main one first
PART_OF_ROWS = [
    ("the Malian Civil War", ("Malian Civil War",)),
    ("the Vietnam War , (Operation Silver Bayonet I, Pleiku campaign 1965)",
     ("Vietnam War", "Operation Silver Bayonet I", "Pleiku campaign 1965")),
    ("the Tuareg rebellion (2012)", ("Tuareg rebellion (2012)",)),
    ("the Tuareg rebellion (2012) and Mali War", ("Tuareg rebellion (2012)", "Mali War")),
    ("the Iraq War and the war on terror", ("Iraq War", "war on terror")),
    ("the Angolan Civil War, and the South African Border War",
     ("Angolan Civil War", "South African Border War")),
    ("the War in Donbas during the Russo–Ukrainian War", ("War in Donbas", "Russo–Ukrainian War")),
    ("the Taliban insurgency within the War in Afghanistan (2001–2021)",
     ("Taliban insurgency", "War in Afghanistan (2001–2021)")),
    ("the Yemeni Civil War, the Al Hudaydah offensive, and the Saudi Arabian-led intervention "
     "in Yemen",
     ("Yemeni Civil War", "Al Hudaydah offensive", "Saudi Arabian-led intervention in Yemen")),
    ("the Yemeni Civil War (2014–present) and the Saudi Arabian-led intervention in Yemen",
     ("Yemeni Civil War (2014–present)", "Saudi Arabian-led intervention in Yemen")),
    ("the East Prussian campaign of the , Eastern Front in World War I",
     ("East Prussian campaign of the Eastern Front in World War I",)),
    ("the Thirty Years' War and the, Franco-Spanish War (1635–1659)",
     ("Thirty Years' War", "Franco-Spanish War (1635–1659)")),
    ("the Battles of the Isonzo (World War I)", ("Battles of the Isonzo", "World War I")),
    ("Operation U-Go during the Burma campaign, the South-East Asian theatre of World War II, "
     "the China Burma India Theater and the Pacific Theater of World War II",
     ("Operation U-Go", "Burma campaign", "South-East Asian theatre of World War II",
      "China Burma India Theater", "Pacific Theater of World War II")),
    ("the Crécy campaign of the Edwardian phase of the Hundred Years' War",
     ("Crécy campaign of the Edwardian phase of the Hundred Years' War",)),
    ("Part of the Mali War", ("Mali War",)),
    ("25px the Mali War, ()", ("Mali War",)),
    ("the War in Bosnia and Herzegovina", ("War in Bosnia and Herzegovina",)),
    ("Mali War | Operation Serval", ("Mali War", "Operation Serval")),
    ("the Mali War, the Mali War", ("Mali War",)),
    ("the Sengoku period", ("Sengoku period",)),
    ("Mali War<br>Operation Serval", ("Mali War", "Operation Serval")),
    ("Mali War<hr />Operation Serval", ("Mali War", "Operation Serval")),
    ("the French Revolutionary and Napoleonic Wars", ("French Revolutionary and Napoleonic Wars",)),
]


@pytest.mark.parametrize(("text", "expected"), PART_OF_ROWS)
def test_read_part_of(text: str, expected: tuple[str, ...]) -> None:
    assert read_part_of(text) == expected


@pytest.mark.parametrize("text", [None, "", " ", ", ()", "()", "25px", "----"])
def test_empty_part_of(text: str | None) -> None:
    assert read_part_of(text) == ()


def test_every_corpus_part_of_is_clean(corpus_infoboxes: list[dict[str, Any]]) -> None:
    for row in corpus_infoboxes:
        value = dict(row["infobox"]).get("Partof")
        if value is None:
            continue
        items = read_part_of(value)
        assert items, value
        for item in items:
            assert item == item.strip()
            assert not item.lower().startswith(("the ", "part of", "and ")), item
            assert not item.endswith((",", "(", ")")) or (item.endswith(")") and "(" in item)
            assert "()" not in item
