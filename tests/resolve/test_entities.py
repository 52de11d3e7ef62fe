"""The Resolver: stable ids, links with reasons, acronyms from text, explanations, persistence."""

from __future__ import annotations

from pathlib import Path

import pytest

from bellum.resolve.entities import Explanation, Resolver


def test_seed_identities() -> None:
    r = Resolver()
    assert r.resolve("MOJWA", "actor") == "mujao"
    assert r.resolve("MUJAO", "actor") == "mujao"
    assert r.resolve("Movement for Oneness and Jihad in West Africa", "actor") == "mujao"
    assert r.resolve("Omar Ould Hamaha", "person") == "omar-ould-hamaha"
    assert r.resolve("Oumar Ould Hamaha", "person") == "omar-ould-hamaha"
    assert r.resolve("MNLA,", "actor") == "mnla"  # the stray comma of `Combatant1: MNLA,`
    assert r.resolve("Arab Movement of Azawad (MAA)", "actor") == "maa"
    assert r.resolve("Ménaka", "place") == r.resolve("Menaka", "place") == "menaka"


def test_variants_link_and_different_people_do_not() -> None:
    r = Resolver()
    a = r.resolve("Mokhtar Belmokhtar", "person")
    assert r.resolve("Moktar Belmoktar", "person") == a == "mokhtar-belmokhtar"
    assert r.resolve("Abdoul Hakim", "person") == r.resolve("Abdul Hakim", "person")
    assert r.resolve("Omar Bongo", "person") != r.resolve("Omar Ould Hamaha", "person")
    assert r.resolve("Abu Dardar", "person") != r.resolve("Abu Walid Sahraoui", "person")
    assert r.resolve("Ansar Dine", "actor") != r.resolve("Ansar al-Sharia", "actor")


def test_kinds_are_kept_apart() -> None:
    r = Resolver()
    assert r.resolve("Azawad", "actor") == "mnla"
    assert r.resolve("Azawad", "place") == "azawad"
    with pytest.raises(ValueError, match="unknown kind"):
        r.resolve("Gao", "city")


def test_canonical_name_prefers_untitled_then_sorted() -> None:
    r = Resolver()
    first = r.resolve("Gen. Bernard Barrera", "person")
    assert first == "gen-bernard-barrera"
    assert r.resolve("Bernard Barrera", "person") == "bernard-barrera"
    assert r.id_of("Gen. Bernard Barrera", "person") == "bernard-barrera"
    assert r.renames == {"gen-bernard-barrera": "bernard-barrera"}
    assert r.canonical_name("Gen. Bernard Barrera", "person") == "Bernard Barrera"


def test_acronyms_from_text_link_in_either_order() -> None:
    before = Resolver()
    before.add_acronyms("Troops of the South West African Territorial Force (SWATF) moved.")
    assert before.resolve("South West African Territorial Force", "actor") == "swatf"
    after = Resolver()
    long_id = after.resolve("Tripoli Revolutionaries Brigade", "actor")
    assert after.resolve("TRB", "actor") != long_id or long_id == "trb"
    after.add_acronyms("The Tripoli Revolutionaries Brigade (TRB) entered the city.")
    assert after.id_of("Tripoli Revolutionaries Brigade", "actor") == "trb"
    assert after.id_of("TRB", "actor") == "trb"
    assert after.renames.get("tripoli-revolutionaries-brigade") == "trb"


def test_why_same_gives_the_chain_of_rules() -> None:
    r = Resolver()
    r.resolve("MOJWA", "actor")
    r.resolve("MUJAO", "actor")
    e = r.why_same("MOJWA", "MUJAO")
    assert isinstance(e, Explanation)
    assert e.id_a == e.id_b == "mujao"
    assert e.steps[0].startswith("MOJWA -> MUJAO: alias table (English acronym")
    r.resolve("Moktar Belmoktar", "person")
    r.resolve("Mokhtar Belmokhtar", "person")
    e2 = r.why_same("Mokhtar Belmokhtar", "Moktar Belmoktar", "person")
    assert e2 is not None and "transliteration variant" in e2.steps[0]
    assert r.why_same("MOJWA", "MNLA") is None
    assert e.to_json()["steps"] == list(e.steps)


def test_why_same_for_names_not_seen_yet() -> None:
    r = Resolver()
    r.add_acronyms("The Tripoli Revolutionaries Brigade (TRB) entered the city.")
    e = r.why_same("TRB", "Tripoli Revolutionaries Brigade", "actor")
    assert e is not None and "acronym" in e.steps[0]
    e2 = r.why_same("Ménaka", "Menaka", "place")
    assert e2 is not None and e2.steps == ("Ménaka -> Menaka: identical after folding",)
    assert r.why_same("Gao", "Kidal", "place") is None


def test_chains_through_several_links() -> None:
    r = Resolver()
    for name in ("MOJWA", "Movement for Oneness and Jihad in West Africa", "MUJAO"):
        r.resolve(name, "actor")
    e = r.why_same("MOJWA", "Movement for Oneness and Jihad in West Africa", "actor")
    assert e is not None and e.steps and all(" -> " in s for s in e.steps)
    assert r.entities("actor")["mujao"] == (
        "MOJWA",
        "MUJAO",
        "Movement for Oneness and Jihad in West Africa",
    )


def test_rows_round_trip(tmp_path: Path) -> None:
    r = Resolver()
    r.add_acronyms("The Tripoli Revolutionaries Brigade (TRB) entered the city.")
    names = [("MOJWA", "actor"), ("Oumar Ould Hamaha", "person"), ("Gen. Bernard Barrera", "person"),
             ("Bernard Barrera", "person"), ("TRB", "actor"), ("Ménaka", "place")]  # fmt: skip
    for name, kind in names:
        r.resolve(name, kind)
    rows = r.to_rows()
    assert {row["row"] for row in rows} == {"name", "link", "acronym", "rename"}
    back = Resolver.from_rows(rows)
    assert back.to_rows() == rows
    assert back.resolve("Tripoli Revolutionaries Brigade", "actor") == "trb"
    assert back.why_same("MOJWA", "MUJAO") is not None


def test_user_alias_csv(tmp_path: Path) -> None:
    csv_path = tmp_path / "mine.csv"
    csv_path.write_text(
        "canonical,alias,kind,provenance\nMali War,Mali conflict,conflict,my reading list\n",
        encoding="utf-8",
    )
    r = Resolver([csv_path])
    assert r.resolve("Mali conflict", "conflict") == "mali-war"
    assert r.resolve("the Malian Civil War", "conflict") == "mali-war"  # shipped row
    e = r.why_same("Mali conflict", "Mali War", "conflict")
    assert e is not None and "my reading list" in e.steps[0]


def test_resolver_finds_every_link_same_name_finds_on_the_labelled_pairs() -> None:
    from bellum.resolve.names import load_pairs, same_name

    for p in load_pairs():
        r = Resolver()
        r.resolve(p.name_a, p.kind)
        r.resolve(p.name_b, p.kind)
        same_id = r.id_of(p.name_a, p.kind) == r.id_of(p.name_b, p.kind)
        linked = same_name(p.name_a, p.name_b, p.kind) is not None
        assert same_id == linked, (p.name_a, p.name_b)


def test_hostile_names_resolve_quickly() -> None:
    import time

    r = Resolver()
    start = time.perf_counter()
    for h in ("1," * 100_000, "-" * 200_000, "(" * 200_000, "Ould " * 40_000, "A. " * 60_000):
        r.resolve(h, "person")
        r.resolve(h + "x", "actor")
    assert time.perf_counter() - start < 5.0
    assert r.resolve("-" * 10, "place") == "unnamed"
