"""The prose expectations of both seeds (EXAMPLES.md, "The seeds, whole"), read from the
package's copy of the seeds with a context built by hand from the infobox readings."""

from __future__ import annotations

from pathlib import Path

import pytest

from bellum.article import Article, Section
from bellum.fields.figures import Category, Claim, Figure, Unit
from bellum.prose import ProseClaim, ProseContext, ProseReading, ProseSide, read_prose

EXAMPLES = Path(__file__).resolve().parents[2] / "bellum" / "examples"


def load(name: str) -> Article:
    """The seed's prose sections (a tiny reader: `==Heading==` lines split sections)."""
    lines = (EXAMPLES / name).read_text(encoding="utf-8").splitlines()
    body = lines[next(i for i, line in enumerate(lines) if i > 2 and not line.startswith("- ")
                      and not line.startswith("Infobox") and line.strip() == "") :]
    sections: list[Section] = []
    heading, buf = "", list[str]()
    for line in body:
        if line.startswith("==") and line.endswith("=="):
            sections.append(Section(heading, 2, "\n".join(buf).strip()))
            heading, buf = line.strip("= "), []
        else:
            buf.append(line)
    sections.append(Section(heading, 2, "\n".join(buf).strip()))
    return Article(name, name, "plaintext", sections=tuple(s for s in sections if s.text))


def fig(category: Category, n: int, unit: Unit = "personnel") -> Figure:
    return Figure(category=category, unit=unit, low=n, high=n, approximate=False, bound=None,
                  subject=None, text=str(n))


def claim(source: str | None, *figs: Figure) -> Claim:
    return Claim(text="", source=source, scope="side", figures=figs)


@pytest.fixture(scope="module")
def delimane() -> ProseReading:
    ctx = ProseContext(
        "2012-11-16",
        "2012-11-16",
        (
            ProseSide(1, ("MNLA",), ("Machkanani Ag Balla", "Moulay Ag Sidi Molla")),
            ProseSide(2, ("MOJWA", "AQIM"), ("Mokhtar Belmokhtar", "Omar Ould Hamaha",
                                             "Abu Walid Sahraoui", "Abu Dardar", "Abdoul Hakim")),
        ),
        (
            (1, claim("MNLA", fig("killed", 1), fig("wounded", 4))),
            (1, claim("MUJAO", fig("killed", 100), fig("captured", 20))),
            (2, claim("MUJAO", fig("killed", 3), fig("wounded", 6))),
            (2, claim("MNLA", fig("killed", 65))),
            (2, claim("ICRC", fig("killed", 17))),
        ),
    )
    return read_prose(load("battle_of_in_delimane.txt"), ctx)


@pytest.fixture(scope="module")
def khalil() -> ProseReading:
    ctx = ProseContext(
        "2013-02-22",
        "2013-02-23",
        (
            ProseSide(1, ("MNLA",), ("Bilal Ag Acherif",), ("French Air Force",)),
            ProseSide(2, ("Arab Movement of Azawad", "MAA"), ("Boubacar Taleb",)),
            ProseSide(3, ("MOJWA", "Ansar al-Sharia (Mali)"),
                      ("Oumar Ould Hamaha", "Hussein Ghoulam")),
        ),
        (
            (1, claim(None, fig("killed", 3), fig("wounded", 4))),
            (2, claim(None, fig("killed", 3), fig("captured", 9))),
            (2, claim(None, fig("strength", 32, "vehicles"))),
        ),
    )
    return read_prose(load("battle_of_in_khalil.txt"), ctx)


def summary(c: ProseClaim) -> list[tuple[str, int | None, int | None, str | None]]:
    return [(f.category, f.low, f.high, f.bound) for f in c.figures]


def test_on_the_17th_resolves_to_november_17(delimane: ProseReading) -> None:
    event = next(e for e in delimane.events if e.date_text == "On the 17th")
    assert event.date == "2012-11-17"
    assert set(event.actors) >= {"MOJWA", "AQIM"}  # MUJAO in the text is MOJWA's alias


def test_routed_mnla_claim(delimane: ProseReading) -> None:
    c = next(c for c in delimane.claims if "routed" in c.text)
    assert (c.side, c.date, c.source) == (1, "2012-11-17", "security sources in Mali")
    assert summary(c) == [("killed", 10, 10, None)]


def test_abdoul_hakim_statement_is_a_mujao_claim(delimane: ProseReading) -> None:
    claims = [c for c in delimane.claims if "Abdoul Hakim" in c.text]
    assert {c.source for c in claims} == {"MUJAO"}
    assert {c.speaker for c in claims} == {"Abdoul Hakim"}
    by_side = {c.side: summary(c) for c in claims}
    assert by_side[2] == [("killed", 3, 3, None), ("wounded", 6, 6, None)]
    assert by_side[1] == [("killed", 100, None, "at_least")]
    assert all(c.date == "2012-11-17" for c in claims)


def test_delimane_raises_no_contradiction(delimane: ProseReading) -> None:
    assert delimane.flags == ()


def test_a_day_later_follows_4_march(khalil: ProseReading) -> None:
    dates = {e.date_text: e.date for e in khalil.events}
    assert dates["4 March"] == "2013-03-04"
    assert dates["A day later"] == "2013-03-05"


def test_maa_admission_and_its_contradiction(khalil: ProseReading) -> None:
    c = next(c for c in khalil.claims if "admitted" in c.text)
    assert (c.side, c.source, c.date) == (2, "MAA", "2013-03-04")
    assert summary(c) == [("killed", 5, 5, None)]
    assert [(f.kind, f.field, f.text) for f in khalil.flags] == [
        ("contradiction", "casualties2", c.text)
    ]


def test_around_thirty_vehicles_is_no_contradiction(khalil: ProseReading) -> None:
    c = next(c for c in khalil.claims if "thirty" in c.text)
    f = c.figures[0]
    assert (f.category, f.unit, f.low, f.approximate) == ("strength", "vehicles", 30, True)
    assert all(fl.field != "strength2" for fl in khalil.flags)
