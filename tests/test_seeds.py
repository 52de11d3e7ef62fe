"""EXAMPLES.md "The seeds, whole": both bundled seeds through the real pipeline, record level."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from helpers import EXAMPLES, schema_errors

from bellum.pipeline import extract
from bellum.sources.plaintext import read_plaintext


@cache
def record(name: str) -> dict[str, Any]:
    path = EXAMPLES / name
    [article] = read_plaintext(path.read_text(encoding="utf-8"), str(path))
    return extract(article)


def delimane() -> dict[str, Any]:
    return record("battle_of_in_delimane.txt")


def khalil() -> dict[str, Any]:
    return record("battle_of_in_khalil.txt")


def figs(claim: dict[str, Any]) -> list[tuple[Any, ...]]:
    """`killed 1, wounded 4` as [(category, unit, low, high, bound)]."""
    return [(f["category"], f["unit"], f["low"], f["high"], f["bound"]) for f in claim["figures"]]


def claims(side: dict[str, Any], key: str) -> list[tuple[str | None, list[tuple[Any, ...]]]]:
    return [(c["source"], figs(c)) for c in side[key]]


@pytest.mark.parametrize("name", ["battle_of_in_delimane.txt", "battle_of_in_khalil.txt"])
def test_seed_records_are_schema_valid(name: str) -> None:
    assert schema_errors(record(name)) == []


def test_delimane_when_where_what() -> None:
    r = delimane()
    assert (r["date"]["start"], r["date"]["end"], r["date"]["precision"], r["date"]["date_prec"]) == (
        "2012-11-16", "2012-11-16", "day", 1)
    assert (r["kind"], r["part_of"]) == ("battle", ["Malian Civil War"])
    p = r["place"]
    assert (p["relation"], p["names"], p["country"], p["where_prec"]) == (
        "between", ["Ansongo", "Ménaka"], "ML", 5)
    assert abs(p["lat"] - 15.79) < 0.05 and abs(p["lon"] - 1.45) < 0.05
    assert (r["result"]["outcome"], r["result"]["victor_sides"]) == ("victory", [2])


def test_delimane_sides_and_commanders() -> None:
    s1, s2 = delimane()["sides"]
    assert [a["name"] for a in s1["belligerents"]] == ["MNLA"]
    assert [c["name"] for c in s1["commanders"]] == ["Machkanani Ag Balla", "Moulay Ag Sidi Molla"]
    assert claims(s1, "strength") == [(None, [("strength", "personnel", 500, 500, None)])]
    assert [a["name"] for a in s2["belligerents"]] == ["MOJWA", "AQIM"]
    fates = {c["name"]: c["fate"] for c in s2["commanders"]}
    assert fates["Abu Dardar"] == "killed" and "Omar Ould Hamaha" in fates
    assert claims(s2, "strength") == [(None, [("strength", "personnel", 500, 1000, None)])]


def test_delimane_losses_are_claims_by_source() -> None:
    r = delimane()
    s1, s2 = r["sides"]
    assert claims(s1, "losses") == [
        ("MNLA", [("killed", "personnel", 1, 1, None), ("wounded", "personnel", 4, 4, None)]),
        ("MUJAO", [("killed", "personnel", 100, 100, None), ("captured", "personnel", 20, 20, None)]),
    ]
    assert claims(s2, "losses") == [
        ("MUJAO", [("killed", "personnel", 3, 3, None), ("wounded", "personnel", 6, 6, None)]),
        ("MNLA", [("killed", "personnel", 65, 65, None)]),
        ("ICRC", [("killed", "personnel", 17, 17, None)]),
    ]
    [other] = r["other_losses"]
    assert (other["source"], other["scope"], figs(other)) == (
        "ICRC", "overall", [("killed", "personnel", 117, None, "at_least")])


def test_mojwa_in_infobox_and_mujao_in_sources_are_one_actor() -> None:
    s2 = delimane()["sides"][1]
    mojwa = next(a for a in s2["belligerents"] if a["name"] == "MOJWA")
    assert mojwa["id"] == "mujao"
    assert {c["source"] for c in s2["losses"]} >= {"MUJAO"}


def test_delimane_prose() -> None:
    r = delimane()
    assert any(e["date"] == "2012-11-17" and e["text"].startswith("On the 17th") for e in r["events"])
    routed = [c for c in r["claims"] if "routed on November 17" in c["text"]]
    assert [(c["side"], c["date"], c["source"], figs(c)) for c in routed] == [
        (1, "2012-11-17", "security sources in Mali", [("killed", "personnel", 10, 10, None)])]
    radio = [c for c in r["claims"] if "Nata radio" in c["text"]]
    assert sorted((c["source"], c["side"], figs(c)) for c in radio) == [
        ("MUJAO", 1, [("killed", "personnel", 100, None, "at_least")]),
        ("MUJAO", 2, [("killed", "personnel", 3, 3, None), ("wounded", "personnel", 6, 6, None)]),
    ]


def test_khalil_when_where_what() -> None:
    r = khalil()
    d = r["date"]
    assert (d["start"], d["end"], d["precision"], d["date_prec"]) == ("2013-02-22", "2013-02-23", "day", 2)
    assert r["place"]["country"] == "ML" and r["place"]["names"] == ["In Khalil"]
    # Too small for the gazetteer: the honest answer is the country, never a town elsewhere.
    assert r["place"]["where_prec"] == 6
    assert (r["result"]["outcome"], r["result"]["victor_sides"]) == ("victory", [1])


def test_khalil_sides() -> None:
    s1, s2, s3 = khalil()["sides"]
    assert [a["name"] for a in s1["belligerents"]] == ["MNLA"]
    assert s1["units"] == ["French Air Force"]
    assert [a["name"] for a in s2["belligerents"]] == ["Arab Movement of Azawad"]
    assert "MAA" in s2["belligerents"][0]["aliases"]
    assert [a["name"] for a in s3["belligerents"]] == ["MOJWA", "Ansar al-Sharia"]
    assert claims(s2, "strength") == [(None, [("strength", "vehicles", 32, 32, None)])]
    assert claims(s1, "losses") == [
        (None, [("killed", "personnel", 3, 3, None), ("wounded", "personnel", 4, 4, None)])]
    assert claims(s2, "losses") == [
        (None, [("killed", "personnel", 3, 3, None), ("captured", "personnel", 9, 9, None)])]
    assert s3["losses"] == []


def test_oumar_and_omar_ould_hamaha_are_one_person() -> None:
    omar = next(c for c in delimane()["sides"][1]["commanders"] if c["name"] == "Omar Ould Hamaha")
    oumar = next(c for c in khalil()["sides"][2]["commanders"] if c["name"] == "Oumar Ould Hamaha")
    assert omar["id"] == oumar["id"]


def test_khalil_prose_dates_and_the_maa_contradiction() -> None:
    r = khalil()
    assert any(e["date"] == "2013-03-05" and e["text"].startswith("A day later") for e in r["events"])
    contradictions = [f for f in r["flags"] if f["kind"] == "contradiction"]
    assert [(f["field"], "5" in f["message"] and "3" in f["message"]) for f in contradictions] == [
        ("casualties2", True)]
    assert "MAA" in contradictions[0]["text"]
    vehicles = [c for c in r["claims"] if "thirty armored vehicles" in c["text"]]
    assert vehicles and not any("thirty" in f["text"] for f in contradictions)
