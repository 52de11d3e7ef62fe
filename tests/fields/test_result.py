"""Result: the outcome and the winning sides, matched against what each side is called."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from bellum.fields.result import Result, SideNames, read_result, side_names
from bellum.fields.sides import read_belligerents, read_commanders, read_units

OUTCOMES = {
    "victory", "decisive_victory", "pyrrhic_victory", "tactical_victory", "strategic_victory",
    "inconclusive", "stalemate", "ceasefire", "withdrawal", "ongoing", "other", None,
}  # fmt: skip


def side(index: int, combatant: str = "", commander: str = "", units: str = "") -> SideNames:
    """A side as the pipeline builds it from the three readers."""
    return side_names(
        index,
        read_belligerents(combatant).actors,
        read_commanders(commander).commanders,
        read_units(units),
    )


IN_DELIMANE = (
    side(1, "MNLA", "Machkanani Ag Balla, Moulay Ag Sidi Molla"),
    side(2, "MOJWA, AQIM", "Mokhtar Belmokhtar, Omar Ould Hamaha, Abu DardarKIA"),
)
IN_KHALIL = (
    side(1, "MNLA,", "Bilal Ag Acherif", "French Air Force"),
    side(2, "Arab Movement of Azawad (MAA)", "Boubacar Taleb", "Unknown"),
    side(3, "MOJWA, Ansar al-Sharia (Mali)", "Oumar Ould Hamaha, Hussein Ghoulam", "Unknown"),
)


def read(text: str, sides: tuple[SideNames, ...] = ()) -> Result:
    result = read_result(text, sides)
    assert result is not None
    return result


# --- the seeds and EXAMPLES.md -------------------------------------------------------------------
def test_islamist_victory_in_delimane() -> None:
    r = read("Islamist victory", IN_DELIMANE)
    assert (r.outcome, r.victor_sides) == ("victory", (2,))


def test_french_azawad_victory_in_khalil() -> None:
    r = read("French-Azawad victory", IN_KHALIL)
    assert (r.outcome, r.victor_sides) == ("victory", (1,))
    assert r.winners == ("French", "Azawad")


def test_islamist_by_group_label() -> None:
    sides = (side(1, "Mali"), side(2, "Islamists groups: 25px Ansar Dine, Boko Haram"))
    assert read("Islamist victory", sides).victor_sides == (2,)


def test_decisive_han_victory() -> None:
    sides = (side(1, "Kingdom of Han", "Han Xin, Liu Bang"), side(2, "Kingdom of Western Chu"))
    r = read("Decisive Han victory", sides)
    assert (r.outcome, r.victor_sides) == ("decisive_victory", (1,))


def test_both_sides_claim_victory() -> None:
    r = read("Both sides claim victory", IN_KHALIL)
    assert (r.outcome, r.victor_sides) == ("inconclusive", ())
    assert r.details == ("Both sides claim victory",)


@pytest.mark.parametrize("text", ["See Aftermath", "See", "See aftermath", "See § Aftermath"])
def test_see_aftermath_has_no_outcome(text: str) -> None:
    r = read(text, IN_KHALIL)
    assert (r.outcome, r.victor_sides, r.text) == (None, (), text)


@pytest.mark.parametrize("text", ["", "  ", ", ,"])
def test_empty_result_is_none(text: str) -> None:
    assert read_result(text, IN_KHALIL) is None


# --- demonyms, names, acronyms --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "sides", "victors"),
    [
        ("Prussian victory", (side(1, "Austria"), side(2, "Prussia, Saxony")), (2,)),
        ("French victory", (side(1, "French Empire"), side(2, "Prussia, Saxony")), (1,)),
        ("Mughal victory", (side(1, "Mewar Kingdom"), side(2, "Mughal Empire")), (2,)),
        ("Caesarian victory", (side(1, "Caesarians", "Julius Caesar"), side(2, "Pompeians")), (1,)),
        ("Parliamentarian victory", (side(1, "Parliamentarians"), side(2, "Royalists")), (1,)),
        ("English victory", (side(1, "Kingdom of England"), side(2, "Kingdom of France")), (1,)),
        ("Scottish victory", (side(1, "Scotland"), side(2, "England")), (1,)),
        ("Polish–Lithuanian victory",
         (side(1, "Kingdom of Poland, Grand Duchy of Lithuania"), side(2, "Duchy of Oels")), (1,)),
        ("DPR and LPR victory ,",
         (side(1, "Ukraine"), side(2, "Donetsk People’s Republic , Luhansk People’s Republic")),
         (2,)),
        ("DPR-Russian victory", (side(1, "Ukraine"), side(2, "Donetsk People's Republic")), (2,)),
        ("MNLA victory", (side(1, "Malian Army"), side(2, "MNLA, AQIM, 25px Ansar Dine")), (2,)),
        ("Eastern army victory",
         (side(1, "Western Army: Forces loyal to Ishida Mitsunari"),
          side(2, "Eastern Army: Forces loyal to Tokugawa Ieyasu")), (2,)),
        ("Hadi-led government and coalition victory",
         (side(1, "Houthi fighters", "Ali Abdullah Saleh"),
          side(2, "Security Forces (pro-Hadi)", "Abdrabbuh Mansour Hadi (in exile)")), (2,)),
        ("Victory for Oda Nobunaga and Tokugawa Ieyasu. Weakening of the Takeda clan.",
         (side(1, "Oda clan, Tokugawa clan", "Oda Nobunaga, Tokugawa Ieyasu"),
          side(2, "Takeda clan", "Takeda Katsuyori")), (1,)),
        ("Al-Qaeda in Iraq victory", (side(1, "Iraq"), side(2, "Al-Qaeda in Iraq")), (2,)),
        ("Azawad victory", IN_KHALIL, (1,)),
    ],
)  # fmt: skip
def test_winner_matching(text: str, sides: tuple[SideNames, ...], victors: tuple[int, ...]) -> None:
    r = read(text, sides)
    assert r.outcome in {"victory", "decisive_victory"}
    assert r.victor_sides == victors


def test_unmatched_winner_names_no_side() -> None:
    r = read("Coalition victory", (side(1, "Iraq"), side(2, "Al-Qaeda in Iraq")))
    assert (r.outcome, r.victor_sides, r.winners) == ("victory", (), ("Coalition",))


def test_winner_on_both_sides_is_ambiguous() -> None:
    sides = (side(1, "Turkic mercenaries"), side(2, "Turkic mercenaries"))
    assert read("Turkic victory", sides).victor_sides == ()


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Pyrrhic Roman victory", "pyrrhic_victory"),
        ("Tactical French victory, strategic British victory", "tactical_victory"),
        ("Strategic victory for the Allies", "victory"),
        ("Inconclusive", "inconclusive"),
        ("Stalemate", "stalemate"),
        ("Ceasefire agreed", "ceasefire"),
        ("Ongoing", "ongoing"),
        ("Israeli withdrawal from Karameh", "withdrawal"),
    ],
)
def test_outcomes(text: str, outcome: str) -> None:
    assert read(text).outcome == outcome


def test_other_clauses_are_details() -> None:
    r = read("End of the Italian War of Independence, Armistice of Villafranca")
    assert r.outcome == "other"
    assert r.details == ("End of the Italian War of Independence", "Armistice of Villafranca")
    r = read("Initial American victory; later withdrawal (See aftermath)")
    assert (r.outcome, r.winners) == ("victory", ("American",))
    assert r.details == ("later withdrawal (See aftermath)",)


def test_narrative_result_is_other() -> None:
    r = read("Kidal captured by MNLA, Malian Army forced to withdraw from Kidal.")
    assert r.outcome == "other"
    assert r.details == ("Kidal captured by MNLA", "Malian Army forced to withdraw from Kidal")


def test_to_json_matches_schema(shared_dir: Path) -> None:
    schema = json.loads((shared_dir / "schema" / "battle.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema["properties"]["result"])
    record = read("French-Azawad victory", IN_KHALIL).to_json()
    validator.validate(record)
    assert record["victor_sides"] == [1]
    validator.validate(read("See").to_json())


# --- every Result in the corpus -------------------------------------------------------------------
def _corpus_results(rows: list[dict[str, Any]]) -> dict[str, Result | None]:
    out: dict[str, Result | None] = {}
    for row in rows:
        ib = {k.lower(): v for k, v in row["infobox"]}
        sides = tuple(
            side(i, ib.get(f"combatant{i}", ""), ib.get(f"commander{i}", ""), ib.get(f"units{i}", ""))
            for i in (1, 2, 3)
            if any(f"{p}{i}" in ib for p in ("combatant", "commander", "units"))
        )
        text = ib.get("result") or ib.get("status")
        if text is not None:
            out[row["title"]] = read_result(text, sides)
    return out


EXPECTED_CORPUS = {
    "Battle of In-Delimane (2012)": ("victory", (2,)),
    "Battle of In Khalil": ("victory", (1,)),
    "Battle of Konna": ("other", ()),
    "Siege of Tessalit": ("victory", (2,)),
    "Battle of Kamdesh": (None, ()),
    "Battle of Debaltseve": ("victory", (2,)),
    "Battle of Ia Drang": ("inconclusive", ()),
    "Battle of Aden (2015)": ("victory", (2,)),
    "Battle of Jena–Auerstedt": ("victory", (1,)),
    "Battle of Eylau": (None, ()),
    "Third Battle of Panipat": ("victory", (1,)),
    "Battle of Solferino": ("other", ()),
    "Battle of Pharsalus": ("victory", (1,)),
    "Battle of Gaixia": ("decisive_victory", (1,)),
    "Battle of Crécy": ("victory", (1,)),
    "Battle of Grunwald": ("victory", (1,)),
    "Battle of Sekigahara": ("victory", (2,)),
    "Battle of Nagashino": ("victory", (1,)),
    "Battle of Naseby": ("victory", (1,)),
    "Battle of Haldighati": ("victory", (2,)),
    "Battle of Badr": ("other", ()),
}


def test_corpus_results(corpus_infoboxes: list[dict[str, Any]]) -> None:
    results = _corpus_results(corpus_infoboxes)
    assert len(results) >= 60
    for title, r in results.items():
        assert r is not None, title
        assert r.outcome in OUTCOMES, (title, r.outcome)
        assert all(1 <= i <= 3 for i in r.victor_sides), title
        if r.outcome not in {"victory", "decisive_victory"}:
            assert r.victor_sides == (), title
    got = {t: (results[t].outcome, results[t].victor_sides) for t in EXPECTED_CORPUS}  # type: ignore[union-attr]
    assert got == EXPECTED_CORPUS


def test_seed_results_with_sides_read_from_the_seeds() -> None:
    seeds = Path(__file__).resolve().parents[2] / "bellum" / "examples"
    for name, victors in (("battle_of_in_delimane.txt", (2,)), ("battle_of_in_khalil.txt", (1,))):
        ib: dict[str, str] = {}
        for line in (seeds / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("- ") and ":" in line:
                key, _, value = line[2:].partition(":")
                ib[key.strip().lower()] = value.strip()
        sides = tuple(
            side(i, ib.get(f"combatant{i}", ""), ib.get(f"commander{i}", ""), ib.get(f"units{i}", ""))
            for i in (1, 2, 3)
            if f"combatant{i}" in ib
        )
        r = read(ib["result"], sides)
        assert (r.outcome, r.victor_sides) == ("victory", victors), name


def _elim(text: str, *states: tuple[int, bool, bool]) -> tuple[tuple[int, ...], str | None]:
    from bellum.fields.result import SideState, by_elimination

    names = [SideNames(i, ("Chechen Republic of Ichkeria",) if named else ()) for i, named, _ in states]
    reading = read_result(text, names)
    assert reading is not None
    result = by_elimination(reading, [SideState(*s) for s in states])
    return result.victor_sides, result.victor_rule


def test_the_only_blank_side_wins_when_the_winner_names_no_listed_side() -> None:
    # Combatant1 lost its flag icons (`,`); side 2 is fully named and is not "Russian".
    sides, rule = _elim("Russian victory", (1, False, False), (2, True, True))
    assert sides == (1,) and rule is not None and "elimination" in rule


@pytest.mark.parametrize(
    "states",
    [
        ((1, True, False), (2, False, False)),  # `, Afghanistan`: side 1 lost a name too
        ((1, False, False), (2, False, False)),  # two blank sides
        ((1, False, False), (2, True, True), (3, False, False)),
    ],
)
def test_no_inference_when_another_side_also_lost_names(states: tuple[tuple[int, bool, bool], ...]) -> None:
    assert _elim("American victory", *states) == ((), None)


def test_a_named_winner_or_a_non_victory_is_left_alone() -> None:
    assert _elim("Chechen victory", (1, False, False), (2, True, True))[0] == (2,)
    assert _elim("Inconclusive", (1, False, False), (2, True, True)) == ((), None)
