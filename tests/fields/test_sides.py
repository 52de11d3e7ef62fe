"""Belligerents, commanders (with fates) and units read from infobox values."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from bellum.article import Marker
from bellum.fields.sides import (
    Commander,
    read_belligerents,
    read_commanders,
    read_units,
)


def names(text: str, **kw: Any) -> list[str]:
    return [c.name for c in read_commanders(text, **kw).commanders]


def fates(text: str) -> dict[str, str | None]:
    return {c.name: c.fate for c in read_commanders(text).commanders}


def actor_names(text: str, **kw: Any) -> list[str]:
    return [a.name for a in read_belligerents(text, **kw).actors]


# --- EXAMPLES.md "Names and sides" ---------------------------------------------------------------
def test_five_commanders_one_killed() -> None:
    text = "Mokhtar Belmokhtar, Omar Ould Hamaha, Abu Walid Sahraoui, Abu DardarKIA, Abdoul Hakim"
    got = read_commanders(text, "commander2").commanders
    assert [c.name for c in got] == [
        "Mokhtar Belmokhtar",
        "Omar Ould Hamaha",
        "Abu Walid Sahraoui",
        "Abu Dardar",
        "Abdoul Hakim",
    ]
    assert [c.fate for c in got] == [None, None, None, "killed", None]
    assert got[3].marker == "KIA"


def test_wounded_and_killed_with_rank_kept_apart() -> None:
    got = read_commanders("Bilal Ag AcherifWIA, Colonel Bouna Ag TahibKIA").commanders
    assert (got[0].name, got[0].fate, got[0].rank) == ("Bilal Ag Acherif", "wounded", None)
    assert (got[1].name, got[1].fate, got[1].rank) == ("Bouna Ag Tahib", "killed", "Colonel")


@pytest.mark.parametrize(
    ("text", "name", "fate"),
    [
        ("Yusuf Ag BougaraPOW", "Yusuf Ag Bougara", "captured"),
        ("Duke of BrunswickDOW", "Duke of Brunswick", "killed"),
        ("Krim KIA", "Krim", "killed"),
        ("John Collins (WIA)", "John Collins", "wounded"),
        ("Someone MIA", "Someone", "missing"),
        ("Lê Xuân Phôi 8/66KIA", "Lê Xuân Phôi", "killed"),
    ],
)
def test_marker_forms(text: str, name: str, fate: str) -> None:
    assert fates(text) == {name: fate}


def test_detached_markers_first_attaches_second_dropped() -> None:
    reading = read_commanders("Vladimir Shamanov, KIA, KIA", "commander1")
    assert [(c.name, c.fate) for c in reading.commanders] == [("Vladimir Shamanov", "killed")]
    assert [(f.kind, f.field, f.text) for f in reading.flags] == [("dropped", "commander1", "KIA")]


def test_marker_after_a_fate_is_dropped() -> None:
    reading = read_commanders("Y. M. BerezaWIA, KIA")
    assert [(c.name, c.fate) for c in reading.commanders] == [("Y. M. Bereza", "wounded")]
    assert [f.kind for f in reading.flags] == ["dropped"]


def test_bare_marker_whose_name_was_a_flag_is_dropped() -> None:
    reading = read_commanders("Adam Osmayev, 23px KIA, 23px Dmytro ZahariyaWIA")
    assert [(c.name, c.fate) for c in reading.commanders] == [
        ("Adam Osmayev", None),
        ("Dmytro Zahariya", "wounded"),
    ]
    assert [f.kind for f in reading.flags] == ["dropped"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("25px Iyad Ag Ghaly", ["Iyad Ag Ghaly"]),
        ("Col. Ag Moussa25px Iyad Ag Ghaly", ["Ag Moussa", "Iyad Ag Ghaly"]),
        ("25pxCheikh Ag Aoussa, Abdelkim Kojak", ["Cheikh Ag Aoussa", "Abdelkim Kojak"]),
        ("border|23px Someone, 23px|border|link Other", ["Someone", "Other"]),
        ("Nph Someone, Other", ["Someone", "Other"]),
    ],
)
def test_flag_size_leftovers_removed_and_split(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_glued_px_name_keeps_rank_on_first() -> None:
    got = read_commanders("Col. Ag Moussa25px Iyad Ag Ghaly").commanders
    assert [c.rank for c in got] == ["Col.", None]


def test_title_after_comma_stays_with_the_name() -> None:
    got = read_commanders(
        "King Philip VIWIA, Charles II, Count of AlençonKIA, Rudolph, Duke of LorraineKIA, Antonio DoriaKIA"
    ).commanders
    assert [(c.name, c.fate) for c in got] == [
        ("King Philip VI", "wounded"),
        ("Charles II, Count of Alençon", "killed"),
        ("Rudolph, Duke of Lorraine", "killed"),
        ("Antonio Doria", "killed"),
    ]


def test_title_after_a_full_name_is_another_person() -> None:
    assert names("Gerhard von Scharnhorst, Count of Kalckreuth, Gebhard von Blücher") == [
        "Gerhard von Scharnhorst",
        "Count of Kalckreuth",
        "Gebhard von Blücher",
    ]


def test_pipe_separates_and_parenthesis_is_role() -> None:
    got = read_commanders(
        "Gen. Curtis Scaparrotti | Col. Randy George (4-4ID TF Mountain Warrior)"
    ).commanders
    assert [(c.name, c.rank, c.role) for c in got] == [
        ("Curtis Scaparrotti", "Gen.", None),
        ("Randy George", "Col.", "4-4ID TF Mountain Warrior"),
    ]


@pytest.mark.parametrize(
    ("text", "rank", "name"),
    [
        ("Maj. Gen. Jaafar Mohammed Saad", "Maj. Gen.", "Jaafar Mohammed Saad"),
        ("Brig. Gen. Ali Nasser HadiKIA", "Brig. Gen.", "Ali Nasser Hadi"),
        ("Lt. Col. Robert Brown", "Lt. Col.", "Robert Brown"),
        ("1st Lt. Andrew Bundermann", "1st Lt.", "Andrew Bundermann"),
        ("Cpt. Sékou Traoré", "Cpt.", "Sékou Traoré"),
        ("General Someone Else", "General", "Someone Else"),
        ("Admiral Someone", "Admiral", "Someone"),
        ("Captain Abdel Aziz Hassane AdamKIA", "Captain", "Abdel Aziz Hassane Adam"),
    ],
)
def test_ranks_split_off(text: str, rank: str, name: str) -> None:
    (c,) = read_commanders(text).commanders
    assert (c.rank, c.name) == (rank, name)


def test_separators_survived_as_text() -> None:
    text = "Khalifa Haftar ---- Charles Bouchard • Ahmad Shah * Mark Antony <br> Pompey | | X Y"
    assert names(text) == [
        "Khalifa Haftar", "Charles Bouchard", "Ahmad Shah", "Mark Antony", "Pompey", "X Y",
    ]  # fmt: skip


def test_ia_drang_unit_text_becomes_role() -> None:
    text = (
        "Richard T. Knowles 1st Air Cavalry Division Fwd CP, Thomas W. Brown 3rd Air Cavalry "
        "Brigade, Harold G. Moore, 1st Battalion, 7th Cavalry"
    )
    got = read_commanders(text).commanders
    assert [(c.name, c.role) for c in got] == [
        ("Richard T. Knowles", "1st Air Cavalry Division Fwd CP"),
        ("Thomas W. Brown", "3rd Air Cavalry Brigade"),
        ("Harold G. Moore", "1st Battalion; 7th Cavalry"),
    ]


def test_role_items_attach_to_the_commander_before() -> None:
    got = read_commanders(
        "Nuri Daud Mishal, (Iraq Army Third Corps commander), King Władysław II Jagiełło, "
        "supreme commander, Khan Jalal al-Din, Tatar commander"
    ).commanders
    assert [(c.name, c.role) for c in got] == [
        ("Nuri Daud Mishal", "Iraq Army Third Corps commander"),
        ("King Władysław II Jagiełło", "supreme commander"),
        ("Khan Jalal al-Din", "Tatar commander"),
    ]


def test_group_labels_and_name_colon_role() -> None:
    got = read_commanders("Jena:, Napoleon I, Auerstedt:, Duke of BrunswickDOW").commanders
    assert [(c.name, c.group, c.fate) for c in got] == [
        ("Napoleon I", "Jena", None),
        ("Duke of Brunswick", "Auerstedt", "killed"),
    ]
    (c,) = read_commanders("Tokugawa Ieyasu: Overall commander").commanders
    assert (c.name, c.role) == ("Tokugawa Ieyasu", "Overall commander")


def test_lost_separators_between_titled_people() -> None:
    got = read_commanders(
        "King Edward II Earl of Hereford Earl of GloucesterKIA Baron CliffordKIA Henry de Beaumont"
    ).commanders
    assert [(c.name, c.fate) for c in got] == [
        ("King Edward II", None),
        ("Earl of Hereford", None),
        ("Earl of Gloucester", "killed"),
        ("Baron Clifford", "killed"),
        ("Henry de Beaumont", None),
    ]


def test_leaked_footnote_leaves_the_name() -> None:
    (c,) = read_commanders("Yakov Zhilinsky Not actually involved in the battle.").commanders
    assert c.name == "Yakov Zhilinsky"
    assert c.role == "Not actually involved in the battle"


def test_names_ending_in_capitals_are_not_markers() -> None:
    assert fates("Ali POWELL, Abu KIAN, Ahmed AKIA") == {
        "Ali POWELL": None, "Abu KIAN": None, "Ahmed AKIA": None,
    }  # fmt: skip


def test_unknown_commander_is_none() -> None:
    assert read_commanders("Unknown").commanders == ()


def test_wikitext_markers_apply_to_matching_commander() -> None:
    got = read_commanders("Abu Dardar, Omar Ould Hamaha", markers=(Marker("Abu Dardar", "KIA"),)).commanders
    assert [(c.name, c.fate, c.marker) for c in got] == [
        ("Abu Dardar", "killed", "KIA"),
        ("Omar Ould Hamaha", None, None),
    ]


def test_omar_and_oumar_share_one_person_id() -> None:
    (a,) = read_commanders("Omar Ould Hamaha").commanders
    (b,) = read_commanders("Oumar Ould Hamaha, Hussein Ghoulam").commanders[:1]
    assert a.id == b.id == "omar-ould-hamaha"
    assert b.name == "Oumar Ould Hamaha"  # the text's spelling is kept


# --- belligerents --------------------------------------------------------------------------------
def test_islamist_group_label() -> None:
    reading = read_belligerents("Islamists groups: 25px Ansar Dine, MOJWA, AQIM, Boko Haram")
    assert [a.name for a in reading.actors] == ["Ansar Dine", "MOJWA", "AQIM", "Boko Haram"]
    assert {a.role for a in reading.actors} == {"Islamists groups"}
    assert reading.flags == ()


@pytest.mark.parametrize("text", [",", ", , ,", "", "  ", "* , *", "25px"])
def test_empty_side_is_missing_not_named(text: str) -> None:
    reading = read_belligerents(text, "combatant2")
    assert reading.actors == ()
    assert [(f.kind, f.field) for f in reading.flags] == [("missing", "combatant2")]


def test_mojwa_and_mujao_share_an_id() -> None:
    (a,) = read_belligerents("MOJWA").actors
    (b,) = read_belligerents("MUJAO").actors
    (c,) = read_belligerents("Movement for Oneness and Jihad in West Africa").actors
    assert a.id == b.id == c.id == "mujao"


def test_acronym_in_parenthesis_is_an_alias() -> None:
    (a,) = read_belligerents("Arab Movement of Azawad (MAA)").actors
    assert (a.name, a.aliases, a.id) == ("Arab Movement of Azawad", ("MAA",), "maa")
    (f,) = read_belligerents("Armed Forces for the Liberation of Angola (FALA)").actors
    assert (f.name, f.aliases) == ("Armed Forces for the Liberation of Angola", ("FALA",))


def test_country_in_parenthesis_is_a_qualifier_kept_in_the_name() -> None:
    (a,) = read_belligerents("Ansar al-Sharia (Mali)").actors
    assert (a.name, a.qualifier, a.aliases, a.id) == ("Ansar al-Sharia", "Mali", (), "ansar-al-sharia-mali")
    assert a.id == "ansar-al-sharia-mali"


def test_lowercase_parenthesis_is_a_note() -> None:
    got = read_belligerents("Donetsk People's Republic , Russia (denied), Security Forces (pro-Saleh)").actors
    assert [(a.name, a.note) for a in got] == [
        ("Donetsk People's Republic", None),
        ("Russia", "denied"),
        ("Security Forces", "pro-Saleh"),
    ]


def test_supported_by_label_gives_support_role() -> None:
    got = read_belligerents("Durrani Empire, Supported by:, Kingdom of Rohilkhand").actors
    assert [(a.name, a.role) for a in got] == [
        ("Durrani Empire", None),
        ("Kingdom of Rohilkhand", "support"),
    ]


def test_in_khalil_sides() -> None:
    assert actor_names("MNLA,") == ["MNLA"]
    assert actor_names("MOJWA, Ansar al-Sharia (Mali)") == ["MOJWA", "Ansar al-Sharia"]
    assert [a.id for a in read_belligerents("MOJWA, AQIM").actors] == ["mujao", "aqim"]


def test_list_items_from_wikitext_are_preferred() -> None:
    items = ("Forces of Liu Qi, the son", "Liu Qi")
    assert actor_names("Forces of Liu Qi, the son, Liu Qi", items=items) == [
        "Forces of Liu Qi, the son",
        "Liu Qi",
    ]


def test_leftovers_and_bullets_in_belligerents() -> None:
    text = "Jordan, Palestine Liberation Organization, * , * 21px PLA, 22px| Elements of X"
    assert actor_names(text) == ["Jordan", "Palestine Liberation Organization", "PLA",
                                 "Elements of X"]  # fmt: skip


def test_actor_text_keeps_the_fragment() -> None:
    (a,) = read_belligerents("Arab Movement of Azawad (MAA)").actors
    assert a.text == "Arab Movement of Azawad (MAA)"


# --- units ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("French Air Force", ("French Air Force",)),
        ("Unknown", ()),
        ("No specific units", ()),
        (",", ()),
        ("14th Army| 5th Army", ("14th Army", "5th Army")),
        ("Iraqi 3rd Corps:, 6th Armored Division", ("Iraqi 3rd Corps", "6th Armored Division")),
        ("23px|border|link National Guard, * 2nd Galician Brigade",
         ("National Guard", "2nd Galician Brigade")),
        ('* Air Force, ** "Wild Duck" Detachment', ("Air Force", '"Wild Duck" Detachment')),
        ("Two batteries of artillery (included 24 M2 howitzers, 3 others)",
         ("Two batteries of artillery (included 24 M2 howitzers, 3 others)",)),
    ],
)  # fmt: skip
def test_units(text: str, expected: tuple[str, ...]) -> None:
    assert read_units(text) == expected


# --- record shapes -------------------------------------------------------------------------------
def _def_validator(shared_dir: Path, name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((shared_dir / "schema" / "battle.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator({"$ref": f"#/$defs/{name}", "$defs": schema["$defs"]})


def test_to_json_matches_schema(shared_dir: Path) -> None:
    actors = _def_validator(shared_dir, "Actor")
    commanders = _def_validator(shared_dir, "Commander")
    for a in read_belligerents("Arab Movement of Azawad (MAA), Russia (denied)").actors:
        actors.validate(a.to_json())
    for c in read_commanders("Gen. Abu DardarKIA (Emir), Yusuf Ag BougaraPOW, X Y").commanders:
        commanders.validate(c.to_json())
    assert read_commanders("Abu DardarKIA").to_json()["commanders"][0]["fate"] == "killed"


# --- the whole corpus ----------------------------------------------------------------------------
_BAD_NAME = re.compile(r"px|KIA|WIA|POW|DOW|\|")


def _fields(rows: list[dict[str, Any]], prefix: str) -> list[tuple[str, str, str]]:
    return [
        (row["title"], key.lower(), value)
        for row in rows
        for key, value in row["infobox"]
        if key.lower().startswith(prefix)
    ]


def test_corpus_commander_names_are_clean(corpus_infoboxes: list[dict[str, Any]]) -> None:
    seen: list[Commander] = []
    for title, key, value in _fields(corpus_infoboxes, "commander"):
        for c in read_commanders(value, key).commanders:
            assert not _BAD_NAME.search(c.name), (title, c.name)
            assert any(ch.isalpha() for ch in c.name), (title, c.name)
            assert c.name == c.name.strip(" ,;*|"), (title, c.name)
            seen.append(c)
    assert len(seen) > 400
    killed = {c.name for c in seen if c.fate == "killed"}
    assert {"Abu Dardar", "Duke of Brunswick", "Xiang Yu", "Vladimir Shamanov"} <= killed


def test_corpus_belligerents_are_never_empty(corpus_infoboxes: list[dict[str, Any]]) -> None:
    count = 0
    for title, key, value in _fields(corpus_infoboxes, "combatant"):
        reading = read_belligerents(value, key)
        for a in reading.actors:
            assert any(ch.isalnum() for ch in a.name), (title, value)
            assert a.name == a.name.strip(" ,;*|•-"), (title, a.name)
            assert "px" not in a.name, (title, a.name)
            count += 1
        if not reading.actors:
            assert [f.kind for f in reading.flags] == ["missing"], (title, value)
    assert count > 100


def test_corpus_units_are_clean(corpus_infoboxes: list[dict[str, Any]]) -> None:
    for title, _key, value in _fields(corpus_infoboxes, "units"):
        for unit in read_units(value):
            assert any(ch.isalnum() for ch in unit), (title, value)
            assert not re.search(r"\d+px|^\*|\|", unit), (title, unit)


# --- the seeds, whole ----------------------------------------------------------------------------
SEEDS = Path(__file__).resolve().parents[2] / "bellum" / "examples"


def _seed_fields(name: str) -> dict[str, str]:
    """`- Key: Value` lines of a bundled seed's infobox (keys lowercased)."""
    out: dict[str, str] = {}
    for line in (SEEDS / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("- ") and ":" in line:
            key, _, value = line[2:].partition(":")
            out[key.strip().lower()] = value.strip()
    return out


def test_seed_in_delimane_sides() -> None:
    ib = _seed_fields("battle_of_in_delimane.txt")
    assert actor_names(ib["combatant1"]) == ["MNLA"]
    side2 = read_belligerents(ib["combatant2"], "combatant2").actors
    assert [(a.name, a.id) for a in side2] == [("MOJWA", "mujao"), ("AQIM", "aqim")]
    assert names(ib["commander1"]) == ["Machkanani Ag Balla", "Moulay Ag Sidi Molla"]
    c2 = {c.name: c for c in read_commanders(ib["commander2"], "commander2").commanders}
    assert c2["Abu Dardar"].fate == "killed"
    assert c2["Omar Ould Hamaha"].id == "omar-ould-hamaha"


def test_seed_in_khalil_sides() -> None:
    ib = _seed_fields("battle_of_in_khalil.txt")
    one = read_belligerents(ib["combatant1"], "combatant1")
    assert ([a.name for a in one.actors], one.flags) == (["MNLA"], ())
    (maa,) = read_belligerents(ib["combatant2"]).actors
    assert (maa.name, maa.aliases) == ("Arab Movement of Azawad", ("MAA",))
    assert actor_names(ib["combatant3"]) == ["MOJWA", "Ansar al-Sharia"]
    assert read_units(ib["units1"]) == ("French Air Force",)
    assert read_units(ib["units2"]) == ()
    c3 = read_commanders(ib["commander3"]).commanders
    assert [(c.name, c.id) for c in c3] == [
        ("Oumar Ould Hamaha", "omar-ould-hamaha"),
        ("Hussein Ghoulam", "hussein-ghoulam"),
    ]


def test_parenthesis_alone_is_the_name_when_the_flag_vanished() -> None:
    (a,) = read_belligerents("(Union)").actors
    assert a.name == "Union"


def test_parenthesis_after_a_label_is_a_note_not_an_actor() -> None:
    got = read_belligerents(
        "Donetsk People's Republic, Per Ukraine:, (commanded by Brig. Gen B. Varner)"
    ).actors
    assert [a.name for a in got] == ["Donetsk People's Republic"]


def test_rank_alone_is_kept_as_the_name() -> None:
    (c,) = read_commanders("General").commanders
    assert (c.name, c.rank) == ("General", None)
    (c,) = read_commanders("Gen <").commanders
    assert (c.name, c.rank) == ("Gen <", None)
