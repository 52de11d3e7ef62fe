"""Strength and casualties values -> claims of figures (EXAMPLES.md "Numbers and figures")."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from bellum.fields.figures import Claim, Figure, FigureReading, read_figures

SCHEMA = Path(__file__).resolve().parents[2] / "bellum" / "schema" / "battle.schema.json"


def fig(f: Figure) -> str:
    """`killed personnel 50..150 ~ at_least`, as EXAMPLES.md writes figures."""
    out = f"{f.category} {f.unit} {'' if f.low is None else f.low}..{'' if f.high is None else f.high}"
    if f.approximate:
        out += " ~"
    if f.bound:
        out += f" {f.bound}"
    if f.part_of is not None:
        out += f" part_of={f.part_of}"
    return out


def claim(c: Claim) -> str:
    """`side @MNLA: killed personnel 1..1 / wounded personnel 4..4`."""
    return f"{c.scope} @{c.source}: " + " / ".join(fig(f) for f in c.figures)


def claims(r: FigureReading) -> list[str]:
    return [claim(c) for c in r.claims]


@cache
def claim_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/Claim"})


def assert_valid(r: FigureReading) -> None:
    for c in r.claims:
        data: dict[str, Any] = c.to_json()
        errors = [e.message for e in claim_validator().iter_errors(data)]
        assert errors == [], errors


# (field, value, claims); every row of EXAMPLES.md "Numbers and figures"
EXAMPLES: list[tuple[str, str, list[str]]] = [
    ("strength2", "500–1,000 men", ["side @None: strength personnel 500..1000"]),
    ("strength2", "Estimated 1,200 fighters, 300 vehicles",
     ["side @None: strength personnel 1200..1200 ~ / strength vehicles 300..300"]),
    ("strength1",
     "100 French Special Forces, 4 Gazelle helicopters, 1 Tiger helicopter, "
     "6 Mirage 2000D fighter jets",
     ["side @None: strength personnel 100..100 / strength helicopters 4..4"
      " / strength helicopters 1..1 / strength aircraft 6..6"]),
    ("casualties1",
     "58 soldiers killed, 60 + injured (civilian/military estimate) ---- 1 pilot killed, "
     "1 helicopter lost",
     ["side @civilian/military: killed personnel 58..58 / wounded personnel 60.. at_least",
      "side @None: killed personnel 1..1 / lost helicopters 1..1"]),
    ("casualties2", "50–150 dead, ~50 vehicles destroyed",
     ["side @None: killed personnel 50..150 / destroyed vehicles 50..50 ~"]),
    ("casualties3", "15 civilians dead, Total: 149 killed overall",
     ["civilians @None: killed personnel 15..15", "overall @None: killed personnel 149..149"]),
    ("casualties1", "32–49 killed, 20+ wounded, 62–71 captured, 21 vehicles destroyed",
     ["side @None: killed personnel 32..49 / wounded personnel 20.. at_least"
      " / captured personnel 62..71 / destroyed vehicles 21..21"]),
    ("casualties2", "7–17 fighters killed, 6-8 wounded",
     ["side @None: killed personnel 7..17 / wounded personnel 6..8"]),
    ("casualties2", "Dozens killed, 40 vehicles destroyed (Malian Army claim)",
     ["side @Malian Army: killed personnel 24.. ~ at_least / destroyed vehicles 40..40"]),
    ("casualties1", "267 killed , 112–121 captured , 508–668 wounded (Ukrainian claim)",
     ["side @Ukrainian: killed personnel 267..267 / captured personnel 112..121"
      " / wounded personnel 508..668"]),
    ("casualties2",
     "868 killed (Ukrainian claim) , 58 killed (Separatist claim), "
     "70 Russian soldiers killed (Russian opposition claim)",
     ["side @Ukrainian: killed personnel 868..868", "side @Separatist: killed personnel 58..58",
      "side @Russian opposition: killed personnel 70..70"]),
    ("casualties1",
     "366 killed, 429 wounded, 128 captured, 158 missing (acc. Ukrainian military), "
     "420 killed, 13 captured, 40 missing (acc. BBC News Ukrainian), "
     "1,000+ killed (acc. Verkhovna Rada & People's Front)",
     ["side @Ukrainian military: killed personnel 366..366 / wounded personnel 429..429"
      " / captured personnel 128..128 / missing personnel 158..158",
      "side @BBC News Ukrainian: killed personnel 420..420 / captured personnel 13..13"
      " / missing personnel 40..40",
      "side @Verkhovna Rada & People's Front: killed personnel 1000.. at_least"]),
    ("casualties1",
     "Per Russia:, 50+ killed, 300+ wounded<hr>Per Chechens:, 400–1,500 killed, "
     "37+ AFVs destroyed",
     ["side @Russia: killed personnel 50.. at_least / wounded personnel 300.. at_least",
      "side @Chechens: killed personnel 400..1500 / destroyed vehicles 37.. at_least"]),
    ("casualties3",
     "Civilian casualties:, 581–670 killed (Iraq Body Count), 800 killed (Red Cross)",
     ["civilians @Iraq Body Count: killed personnel 581..670",
      "civilians @Red Cross: killed personnel 800..800"]),
    ("casualties1",
     "France: 1,622 killed, Including 117 officers, 8,530 wounded, 1,518 missing, "
     "Sardinia: 691 killed, Including 49 officers, 3,572 wounded, 1,258 missing, "
     "Total:, 17,191",
     ["side @None: killed personnel 1622..1622 / killed personnel 117..117 part_of=0"
      " / wounded personnel 8530..8530 / missing personnel 1518..1518",
      "side @None: killed personnel 691..691 / killed personnel 49..49 part_of=0"
      " / wounded personnel 3572..3572 / missing personnel 1258..1258",
      "overall @None: casualties personnel 17191..17191"]),
    ("casualties1", "7,2687,389 killed, wounded or captured",
     ["side @None: casualties personnel 7268..7389"]),
    ("casualties2", "12,000 killed, wounded, or captured, plus 40 guns lost",
     ["side @None: casualties personnel 12000..12000 / lost guns 40..40"]),
    ("casualties1", "400 killed and wounded", ["side @None: killed_or_wounded personnel 400..400"]),
    ("casualties1", "1,600 dead or wounded (Mewari sources)",
     ["side @Mewari sources: killed_or_wounded personnel 1600..1600"]),
    ("casualties1", "4,064", ["side @None: casualties personnel 4064..4064"]),
    ("strength2", "1 infantry division (15,000–20,000)",
     ["side @None: strength personnel 15000..20000"]),
    ("casualties1", "Unknown", []),
    ("casualties2", "Heavy", []),
    ("casualties2", "High", []),
    ("casualties2", "See § Casualties", []),
    ("casualties2", "----", []),
    ("strength1", "Unknown", []),
    ("casualties1", "–8,000 killed | 4,000 captured | 20,000 deserted",
     ["side @None: killed personnel ..8000 at_most", "side @None: captured personnel 4000..4000",
      "side @None: deserted personnel 20000..20000"]),
    ("strength2", "800,000 (Cao Cao's claim), 220,000–240,000 (Zhou Yu's estimate)",
     ["side @Cao Cao: strength personnel 800000..800000",
      "side @Zhou Yu: strength personnel 220000..240000"]),
    ("strength1", "15,000 or 40,000–60,000",
     ["side @None: strength personnel 15000..15000",
      "side @None: strength personnel 40000..60000"]),
    ("strength1", "120,000 initially,, 81,890 by the time of battle",
     ["side @None: strength personnel 120000..120000 / strength personnel 81890..81890"]),
    # the grammar rules that follow from them
    ("casualties1", "300 killed/wounded", ["side @None: killed_or_wounded personnel 300..300"]),
    ("casualties1", "1,000 killed, 2,000 wounded, 3,000 total",
     ["side @None: killed personnel 1000..1000 / wounded personnel 2000..2000"
      " / casualties personnel 3000..3000"]),
]


@pytest.mark.parametrize(("field", "text", "expected"), EXAMPLES,
                         ids=[f"{f}:{t[:40]}" for f, t, _ in EXAMPLES])
def test_examples(field: str, text: str, expected: list[str]) -> None:
    r = read_figures(text, field)
    assert claims(r) == expected
    assert_valid(r)


# -- the seeds, whole: their strength and casualties values -----------------------------

SEEDS: list[tuple[str, str, list[str]]] = [
    # Battle of In-Delimane
    ("strength1", "500 men", ["side @None: strength personnel 500..500"]),
    ("strength2", "500–1,000 men", ["side @None: strength personnel 500..1000"]),
    ("casualties1",
     "1 killed, 4 wounded, (according to the MNLA), 100 killed, 20 captured, "
     "(according to MUJAO)",
     ["side @MNLA: killed personnel 1..1 / wounded personnel 4..4",
      "side @MUJAO: killed personnel 100..100 / captured personnel 20..20"]),
    ("casualties2",
     "3 killed, 6 wounded, (according to MUJAO), 65 killed, (according to the MNLA), "
     "17 killed, (according to the ICRC)",
     ["side @MUJAO: killed personnel 3..3 / wounded personnel 6..6",
      "side @MNLA: killed personnel 65..65", "side @ICRC: killed personnel 17..17"]),
    ("casualties3", "At least 117 killed overall (according to ICRC)",
     ["overall @ICRC: killed personnel 117.. at_least"]),
    # Battle of In Khalil
    ("strength1", "Unknown", []),
    ("strength2", "Unknown, 32 armoured vehicles", ["side @None: strength vehicles 32..32"]),
    ("strength3", "Unknown", []),
    ("casualties1", "3 killed, 4 wounded",
     ["side @None: killed personnel 3..3 / wounded personnel 4..4"]),
    ("casualties2", "3 killed, 9 captured",
     ["side @None: killed personnel 3..3 / captured personnel 9..9"]),
    ("casualties3", "Unknown", []),
]


@pytest.mark.parametrize(("field", "text", "expected"), SEEDS,
                         ids=[f"{f}:{t[:40]}" for f, t, _ in SEEDS])
def test_seed_values(field: str, text: str, expected: list[str]) -> None:
    r = read_figures(text, field)
    assert claims(r) == expected
    assert r.flags == ()
    assert_valid(r)


# -- what the table cannot say: subjects, includes, labels, flags ------------------------


def test_subjects_of_counted_people() -> None:
    r = read_figures("58 soldiers killed, 60 + injured ---- 1 pilot killed", "casualties1")
    assert [f.subject for c in r.claims for f in c.figures] == ["soldiers", None, "pilot"]


def test_civilians_are_the_subject_and_the_scope() -> None:
    r = read_figures("15 civilians dead, Total: 149 killed overall", "casualties3")
    assert r.claims[0].figures[0].subject == "civilians"
    assert r.claims[0].scope == "civilians"
    assert r.claims[1].scope == "overall"


def test_joint_category_keeps_what_it_includes() -> None:
    [c] = read_figures("12,000 killed, wounded, or captured, plus 40 guns lost", "x2").claims
    assert c.figures[0].includes == ("killed", "wounded", "captured")
    assert read_figures("1,600 wounded or missing", "casualties1").claims[0].figures[
        0].category == "wounded_or_missing"


def test_sub_groups_are_labels_and_parts_are_not_added_twice() -> None:
    text = ("France: 1,622 killed, Including 117 officers, 8,530 wounded, 1,518 missing, "
            "Sardinia: 691 killed, Including 49 officers, 3,572 wounded, 1,258 missing, "
            "Total:, 17,191")
    r = read_figures(text, "casualties1")
    assert [c.label for c in r.claims] == ["France", "Sardinia", "Total"]
    assert r.claims[0].figures[0].subject == "France"
    officers = r.claims[0].figures[1]
    assert officers.subject == "officers" and officers.part_of == 0
    killed = sum(f.low or 0 for c in r.claims[:2] for f in c.figures
                 if f.category == "killed" and f.part_of is None)
    assert killed == 1622 + 691
    assert r.claims[0].to_json()["figures"][1]["part_of"] == 0


def test_formation_with_its_men_is_one_figure() -> None:
    [c] = read_figures("1 infantry division (15,000–20,000)", "strength2").claims
    assert c.figures[0].subject == "1 infantry division"


def test_lost_dash_is_flagged() -> None:
    r = read_figures("–8,000 killed | 4,000 captured | 20,000 deserted", "casualties1")
    assert [(f.kind, f.field, f.text) for f in r.flags] == [("unparsed", "casualties1", "–8,000")]


def test_alternatives_are_numbered() -> None:
    r = read_figures("15,000 or 40,000–60,000", "strength1")
    assert [c.alternative for c in r.claims] == [0, 1]


def test_figure_text_is_the_span_it_was_read_from() -> None:
    text = "58 soldiers killed, 1 helicopter lost"
    r = read_figures(text, "casualties1")
    assert [f.text for f in r.claims[0].figures] == ["58 soldiers killed", "1 helicopter lost"]
    assert r.claims[0].text == text


def test_claim_text_includes_its_attribution() -> None:
    r = read_figures("3 killed, 6 wounded, (according to MUJAO), 65 killed", "casualties2")
    assert r.claims[0].text == "3 killed, 6 wounded, (according to MUJAO)"


def test_materiel_breakdown_in_parentheses_is_part_of_the_total() -> None:
    r = read_figures("24 tanks destroyed, (20 T-72s, 4 T-55s), 2 IFVs destroyed", "casualties2")
    figures = r.claims[0].figures
    assert [fig(f) for f in figures] == [
        "destroyed tanks 24..24", "lost tanks 20..20 part_of=0", "lost tanks 4..4 part_of=0",
        "destroyed vehicles 2..2",
    ]
    assert list(r.accounted) == [(24, 29, "model"), (33, 38, "model")]


def test_parenthesized_number_with_its_own_source_is_its_own_claim() -> None:
    r = read_figures("1,000+ (2,500 according to one estimate)", "strength2")
    assert claims(r) == ["side @None: strength personnel 1000.. at_least",
                         "side @one estimate: strength personnel 2500..2500"]


def test_note_that_is_no_loss_is_flagged_not_read() -> None:
    r = read_figures("20,000–30,000 killed, ~2,000 survived and retreated", "casualties2")
    assert claims(r) == ["side @None: killed personnel 20000..30000"]
    assert [f.text for f in r.flags] == ["~2,000 survived and retreated"]


def test_dates_inside_a_value_are_names_not_counts() -> None:
    r = read_figures("95 killed, 560 wounded (54 killed, 425 wounded from 7–16 November)",
                     "casualties1")
    assert [why for _, _, why in r.accounted] == ["date"]
    assert [fig(f) for f in r.claims[0].figures] == [
        "killed personnel 95..95", "wounded personnel 560..560",
        "killed personnel 54..54 part_of=0", "wounded personnel 425..425 part_of=1",
    ]


def test_reading_to_json_is_claims_and_flags() -> None:
    data = read_figures("–8,000 killed", "casualties1").to_json()
    assert data["claims"][0]["figures"][0]["high"] == 8000
    assert data["flags"][0]["kind"] == "unparsed"


def test_unit_designations_and_models_are_accounted_names() -> None:
    r = read_figures("4-4ID, 6 Mirage 2000D, 2 BRDM-2, 2nd armored division", "strength1")
    assert [why for _, _, why in r.accounted] == ["unit", "model", "model", "ordinal"]
    assert claims(r) == ["side @None: strength aircraft 6..6 / strength vehicles 2..2"]


def test_bulleted_sub_groups_say_what_they_are_within() -> None:
    r = read_figures("Muhajirun: 82, Ansar: 231, * Aws: 61, * Khazraj: 170", "strength1")
    assert [(c.label, c.within) for c in r.claims] == [
        ("Muhajirun", None), ("Ansar", None), ("Aws", "Ansar"), ("Khazraj", "Ansar"),
    ]


def test_unnamed_count_after_materiel_counts_the_same_materiel() -> None:
    r = read_figures("Jordan: 40–84 dead, 28 tanks damaged, 2 captured", "casualties2")
    assert [fig(f) for f in r.claims[0].figures][-1] == "captured tanks 2..2"


def test_qualifier_in_parentheses_is_no_source() -> None:
    r = read_figures("96 captured (official figure), 62 tanks destroyed", "casualties1")
    assert claims(r) == ["side @None: captured personnel 96..96 / destroyed tanks 62..62"]
    assert r.claims[0].figures[0].note == "official figure"


def test_a_source_label_opens_a_claim_until_the_next_label() -> None:
    r = read_figures("U.S. claimed: 1,037–1,745 killed, PAVN report: 554 killed and 669 wounded",
                     "casualties2")
    assert claims(r) == ["side @U.S.: killed personnel 1037..1745",
                         "side @PAVN: killed personnel 554..554 / wounded personnel 669..669"]


CATEGORY_AND_UNIT_WORDS: list[tuple[str, str, str]] = [
    ("casualties1", "12 KIA", "killed personnel 12..12"),
    ("casualties1", "3 died", "killed personnel 3..3"),
    ("casualties1", "30 WIA", "wounded personnel 30..30"),
    ("casualties1", "30 injured", "wounded personnel 30..30"),
    ("casualties1", "20 POWs", "captured personnel 20..20"),
    ("casualties1", "70 prisoners", "captured personnel 70..70"),
    ("casualties1", "4 MIA", "missing personnel 4..4"),
    ("casualties1", "1,152 missed in action", "missing personnel 1152..1152"),
    ("casualties1", "20,000 deserted", "deserted personnel 20000..20000"),
    ("casualties1", "200 captured knights executed", "executed personnel 200..200"),
    ("casualties1", "37 defected", "defected personnel 37..37"),
    ("casualties1", "900 missing or captured", "captured_or_missing personnel 900..900"),
    ("casualties1", "150 wounded or killed", "killed_or_wounded personnel 150..150"),
    ("casualties1", "9,172 killed, wounded, or missing", "casualties personnel 9172..9172"),
    ("casualties1", "~2 million civilians evacuated", "displaced personnel 2000000..2000000 ~"),
    ("casualties1", "Four planes shot down", "shot_down aircraft 4..4"),
    ("casualties1", "9 destroyers sunk", "sunk ships 9..9"),
    ("casualties1", "1 coast guard vessel damaged", "damaged ships 1..1"),
    ("casualties1", "32–44 tanks destroyed or damaged", "lost tanks 32..44"),
    ("casualties1", "4 technicals destroyed", "destroyed vehicles 4..4"),
    ("casualties1", "2 APCs", "lost vehicles 2..2"),
    ("casualties1", "255 planes", "lost aircraft 255..255"),
    ("casualties1", "17 guns captured", "captured guns 17..17"),
    ("strength1", "10 cannon", "strength guns 10..10"),
    ("strength1", "12 artillery pieces", "strength guns 12..12"),
    ("strength1", "3 gunboats", "strength ships 3..3"),
    ("strength1", "8 fleet carriers", "strength ships 8..8"),
    ("strength1", "80+ armoured personnel carriers", "strength vehicles 80.. at_least"),
    ("strength1", "37+ AFVs", "strength vehicles 37.. at_least"),
    ("strength1", "12 multirole fighter aircraft", "strength aircraft 12..12"),
    ("strength1", "13 Olifant tanks", "strength tanks 13..13"),
    ("strength1", "20 T-72s", "strength tanks 20..20"),
    ("strength1", "2 infantry divisions", "strength other 2..2"),
    ("strength1", "Two battalions of artillery", "strength other 2..2"),
    ("strength1", "9,162 cavalry", "strength personnel 9162..9162"),
    ("strength1", "300 troops", "strength personnel 300..300"),
]


@pytest.mark.parametrize(("field", "text", "expected"), CATEGORY_AND_UNIT_WORDS,
                         ids=[t for _, t, _ in CATEGORY_AND_UNIT_WORDS])
def test_category_and_unit_words(field: str, text: str, expected: str) -> None:
    [c] = read_figures(text, field).claims
    assert [fig(f) for f in c.figures] == [expected]


def test_years_inside_a_value_are_names_not_counts() -> None:
    r = read_figures("3,000 (1944), 4,000 in 1945, 200 killed (300 BC)", "strength1")
    assert [why for _, _, why in r.accounted] == ["date", "date", "date"]
    assert [f.low for c in r.claims for f in c.figures] == [3000, 4000, 200]
