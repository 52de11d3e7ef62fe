"""Who says it: according to X, X said/claimed/admitted ... that, per X, X sources, witnesses."""

from __future__ import annotations

import pytest
from prose.prose_helpers import read


def source_of(text: str) -> tuple[str | None, str | None, int | None]:
    """(source, speaker, side) of the last claim read from `text`."""
    claims = read(text).claims
    assert claims, f"no claim read from {text!r}"
    c = claims[-1]
    return c.source, c.speaker, c.side


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("According to the Red Crescent, 40 fighters were killed.", "Red Crescent"),
        ("According to local officials, 9 soldiers were wounded.", "local officials"),
        ("The army said that 14 rebels were killed.", "army"),
        ("The governor stated that 8 policemen had been wounded.", "governor"),
        ("Radio Kayes reported that 11 gunmen were captured.", "Radio Kayes"),
        ("The ministry announced that 25 militants were killed.", "ministry"),
        ("The MNLA admitted that 6 of its fighters died.", "MNLA"),
        ("The MNLA claimed 30 jihadists were killed.", "MNLA"),
        ("The rebels denied that 50 of their men had been captured.", "rebels"),
        ("The army declared that 70 insurgents were killed.", "army"),
        ("Per the Red Crescent, 13 soldiers were killed.", "Red Crescent"),
        ("Hospital sources put the toll at 21 dead.", "Hospital sources"),
        ("French military sources counted 35 jihadists killed.", "French military sources"),
        ("Witnesses saw 12 bodies near the well.", "Witnesses"),
        ("A security source told reporters that 7 soldiers were killed.", "security source"),
        ("Five soldiers were killed, the army said.", "army"),
    ],
)
def test_attribution_forms(text: str, source: str | None) -> None:
    assert source_of(text)[0] == source


def test_a_commander_speaks_for_his_side() -> None:
    src, speaker, side = source_of("Idris Tamal said that his troops lost 4 fighters.")
    assert (src, speaker, side) == ("MUJAO", "Idris Tamal", 2)


def test_an_appositive_names_the_speaker_organisation() -> None:
    text = "Omar Sangare, a spokesman of the MNLA, told reporters that 20 jihadists were killed."
    assert source_of(text) == ("MNLA", "Omar Sangare", 2)


def test_according_to_him_refers_to_the_last_named_speaker() -> None:
    text = (
        "Karim Dalla declared that the camp was safe. "
        "According to him, 15 Islamists were killed near the camp."
    )
    assert source_of(text) == ("MNLA", "Karim Dalla", 2)


def test_the_same_source_refers_to_the_last_source() -> None:
    text = (
        "According to a hospital source, the wards were full. "
        "According to the same source, 30 soldiers were wounded."
    )
    assert source_of(text)[0] == "hospital source"


def test_the_nearest_speaker_wins_over_an_outer_according_to() -> None:
    text = (
        "According to traders in Gao, Sidi Ould Bakar, a commander of MUJAO, told a radio "
        "station that 2 of his men were killed."
    )
    assert source_of(text) == ("MUJAO", "Sidi Ould Bakar", 2)


def test_an_unattributed_figure_has_no_source() -> None:
    assert source_of("Eleven soldiers were killed in the ambush.")[0] is None


def test_passive_reported_is_not_a_speaker() -> None:
    claims = read("Eleven soldiers were reported killed in the ambush.").claims
    assert [c.source for c in claims] == [None]


def test_a_role_before_the_name_gives_the_organisation() -> None:
    text = "MNLA spokesman Omar Sangare said 9 soldiers died."
    assert source_of(text) == ("MNLA", "Omar Sangare", None)
