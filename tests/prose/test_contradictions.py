"""Contradictions between prose and infobox figures, and the conservative rule around them."""

from __future__ import annotations

import pytest
from prose.prose_helpers import SIDES, read

from bellum.fields.figures import Claim, Figure
from bellum.prose import ProseContext
from bellum.prose.contradictions import interval


def killed(n: int, source: str | None = None, side: int = 2) -> tuple[int, Claim]:
    fig = Figure(category="killed", unit="personnel", low=n, high=n, approximate=False,
                 bound=None, subject=None, text=f"{n} killed")
    return side, Claim(text=f"{n} killed", source=source, scope="side", figures=(fig,))


def vehicles(n: int, side: int = 2) -> tuple[int, Claim]:
    fig = Figure(category="strength", unit="vehicles", low=n, high=n, approximate=False,
                 bound=None, subject="vehicles", text=f"{n} vehicles")
    return side, Claim(text=f"{n} vehicles", source=None, scope="side", figures=(fig,))


def flags(text: str, *infobox: tuple[int, Claim]) -> list[str]:
    ctx = ProseContext("2012-11-16", "2012-11-16", SIDES, tuple(infobox))
    return [f.field for f in read(text, ctx).flags]


def test_a_larger_prose_count_contradicts_the_infobox() -> None:
    text = "The MOJWA admitted that 5 of its fighters were killed."
    assert flags(text, killed(3)) == ["casualties2"]


def test_the_flag_names_both_readings_and_keeps_the_sentence() -> None:
    text = "The MOJWA admitted that 5 of its fighters were killed."
    ctx = ProseContext("2012-11-16", None, SIDES, (killed(3),))
    flag = read(text, ctx).flags[0]
    assert flag.kind == "contradiction"
    assert flag.text == text
    assert "killed 5" in flag.message and "killed 3" in flag.message


@pytest.mark.parametrize(
    "text",
    [
        "The MOJWA admitted that 3 of its fighters were killed.",  # equal
        "The MOJWA admitted that 2 of its fighters were killed.",  # a part of the total
        "The MOJWA admitted that about 4 of its fighters were killed.",  # approximate
        "The MOJWA admitted that up to 5 of its fighters were killed.",  # a bound covering 3
    ],
)
def test_compatible_counts_raise_no_flag(text: str) -> None:
    assert flags(text, killed(3)) == []


def test_a_bound_covering_the_infobox_is_not_a_contradiction() -> None:
    text = "The MOJWA admitted that more than 100 of its fighters were killed."
    assert flags(text, killed(100)) == []


def test_around_thirty_vehicles_agrees_with_32() -> None:
    text = "The MOJWA attacked with around thirty armored vehicles."
    assert flags(text, vehicles(32)) == []


def test_fifty_vehicles_contradicts_32() -> None:
    assert flags("The MOJWA attacked with 50 armored vehicles.", vehicles(32)) == ["strength2"]


def test_a_claim_by_another_named_source_is_not_compared() -> None:
    text = "According to the MNLA, 40 MUJAO fighters were killed."
    assert flags(text, killed(3, source="MUJAO"), killed(20, source="ICRC")) == []


def test_the_same_source_through_an_alias_is_compared() -> None:
    text = "According to the MNLA, 40 MUJAO fighters were killed."
    assert flags(text, killed(3, source="MUJAO"), killed(20, source="MNLA")) == ["casualties2"]


def test_another_side_or_civilians_are_not_compared() -> None:
    assert flags("The MNLA admitted that 9 of its fighters were killed.", killed(3)) == []
    assert flags("The MOJWA raid killed 9 civilians.", killed(3)) == []


def test_interval_widens_approximate_figures() -> None:
    fig = Figure(category="strength", unit="vehicles", low=30, high=30, approximate=True,
                 bound=None, subject=None, text="around thirty")
    low, high = interval(fig)
    assert low <= 24 and high >= 36
