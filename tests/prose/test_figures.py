"""Figures in prose: category, unit, number words, bounds, and the side each figure counts."""

from __future__ import annotations

import pytest
from prose.prose_helpers import figures, read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nine soldiers were killed in the ambush.", [(None, "killed", 9, 9)]),
        (
            "The raid left 14 dead and 20 wounded.",
            [(None, "killed", 14, 14), (None, "wounded", 20, 20)],
        ),
        ("About thirty rebels were captured.", [(None, "captured", 30, 30)]),
        ("The army took 45 prisoners at the ford.", [(None, "captured", 45, 45)]),
        ("A dozen militants surrendered at dawn.", [(None, "surrendered", 12, 12)]),
        ("Dozens of fighters died in the fire.", [(None, "killed", 24, None)]),
        ("At least 117 people were killed.", [(None, "killed", 117, None)]),
        ("Up to 40 soldiers were missing.", [(None, "missing", None, 40)]),
        ("The shelling killed 5 to 7 villagers.", [(None, "killed", 5, 7)]),
        ("The blast injured twenty-five guards.", [(None, "wounded", 25, 25)]),
    ],
)
def test_categories_and_number_words(
    text: str, expected: list[tuple[int | None, str, int | None, int | None]]
) -> None:
    assert figures(text) == expected


def test_lost_fighters_are_killed_and_lost_vehicles_are_lost() -> None:
    reading = read("The MNLA lost 8 fighters and 3 vehicles.")
    figs = [(f.category, f.unit, f.low) for c in reading.claims for f in c.figures]
    assert figs == [("killed", "personnel", 8), ("lost", "vehicles", 3)]
    assert {c.side for c in reading.claims} == {1}


def test_bounds_and_approximations_are_kept() -> None:
    fig = read("More than 100 rebels were killed.").claims[0].figures[0]
    assert (fig.low, fig.high, fig.bound) == (100, None, "at_least")
    fig = read("Around forty jihadists were wounded.").claims[0].figures[0]
    assert (fig.low, fig.approximate) == (40, True)


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Seven MNLA fighters were killed.", 1),
        ("The raid killed 9 AQIM fighters.", 2),
        ("The strike killed 4 MUJAO militants.", 2),  # alias of MOJWA
        ("The clashes left 12 dead for the MNLA.", 1),
        ("The MNLA lost 6 men in the assault.", 1),
        ("Twelve Islamists were killed near the wells.", 2),
        ("The Northern Front was routed with a loss of 15 killed.", 1),
        ("The MNLA said that 3 of its fighters were killed.", 1),
        ("Karim Dalla said his troops had lost 5 men.", 1),
        ("Fighters of the Desert Brigade killed 8 jihadists.", 2),
    ],
)
def test_side_assignment(text: str, side: int) -> None:
    claims = read(text).claims
    assert [c.side for c in claims] == [side]


def test_a_breakdown_by_side_inherits_the_category() -> None:
    text = "The fighting killed 60 people, 20 for MUJAO and 40 for the MNLA."
    assert figures(text) == [
        (None, "killed", 60, 60),
        (2, "killed", 20, 20),
        (1, "killed", 40, 40),
    ]


def test_a_list_after_a_loss_verb_keeps_the_side() -> None:
    text = "Idris Tamal said his troops lost 3 fighters and 6 wounded against 50 dead for the MNLA."
    assert figures(text) == [(2, "killed", 3, 3), (2, "wounded", 6, 6), (1, "killed", 50, 50)]


def test_materiel_strength_is_read_with_its_unit() -> None:
    reading = read("The MNLA attacked with around thirty armoured vehicles.")
    fig = reading.claims[0].figures[0]
    assert (fig.category, fig.unit, fig.low, fig.approximate) == ("strength", "vehicles", 30, True)


def test_a_claim_carries_the_sentence_date() -> None:
    claim = read("On 18 November, 4 MNLA fighters were killed.").claims[0]
    assert claim.date == "2012-11-18"
    assert claim.section == "Battle"


@pytest.mark.parametrize(
    "text",
    [
        "The camp lies 80 kilometres from the town.",
        "The base is 8 km from the border.",
        "In 2012 the movement declared independence.",
        "The 33rd Regiment held the left flank.",
        "The attack began at 5 pm near the river.",
        "Turnout reached 40% in the northern towns.",
        "The leader, aged 45, fled north.",
        "He was a 32-year-old teacher.",
        "The siege lasted 11 days.",
        "Three women were questioned by the police.",
        "The convoy drove on 2 roads.",
    ],
)
def test_numbers_that_count_nothing_yield_no_claim(text: str) -> None:
    assert read(text).claims == ()


def test_claim_json_has_the_record_shape() -> None:
    claim = read("According to the MNLA, 9 jihadists were killed on 17 November.").claims[0]
    data = claim.to_json()
    assert set(data) >= {"text", "source", "side", "date", "section", "figures", "speaker"}
    assert data["figures"][0]["category"] == "killed"
    assert data["date"] == "2012-11-17"


def test_shot_down_helicopters() -> None:
    fig = read("The rebels claimed to have shot down 2 helicopters.").claims[0].figures[0]
    assert (fig.category, fig.unit, fig.low) == ("shot_down", "helicopters", 2)


def test_belonging_to_names_the_side() -> None:
    claims = read("The French jets destroyed 12 vehicles belonging to the MOJWA.").claims
    assert [(c.side, c.figures[0].category, c.figures[0].unit) for c in claims] == [
        (2, "destroyed", "vehicles")
    ]


def test_a_category_after_a_list_covers_the_whole_list() -> None:
    assert figures("At least 25 Islamists and 4 MNLA fighters were killed.") == [
        (2, "killed", 25, None),
        (1, "killed", 4, 4),
    ]


def test_taking_counts_captives_only_when_a_noun_says_so() -> None:
    assert read("The army took 30 villages.").claims == ()
    reading = read("They took 40 prisoners and 3 tanks.")
    got = [(f.category, f.unit, f.low) for c in reading.claims for f in c.figures]
    assert got == [("captured", "personnel", 40), ("captured", "tanks", 3)]


def test_a_second_verb_with_a_bare_number() -> None:
    assert figures("Government troops killed 45 rebels and captured 12.") == [
        (None, "killed", 45, 45),
        (None, "captured", 12, 12),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Casualties were estimated at 200.", [(None, "casualties", 200, 200)]),
        ("The dead included 14 soldiers.", [(None, "killed", 14, 14)]),
        ("MNLA forces numbered 500.", [(1, "strength", 500, 500)]),
        ("Nearly 1,000 men were taken prisoner.", [(None, "captured", None, 1000)]),
        (
            "Of the 300 MNLA fighters, 40 were killed.",
            [(1, "strength", 300, 300), (1, "killed", 40, 40)],
        ),
    ],
)
def test_nouns_before_and_subsets(
    text: str, expected: list[tuple[int | None, str, int | None, int | None]]
) -> None:
    assert figures(text) == expected


def test_long_sentences_keep_modifiers_and_dates_aside() -> None:
    text = (
        "After a long march through the desert that lasted well into the evening of "
        "18 November and exhausted every unit of the column, at least 40 MNLA soldiers were "
        "killed and about 12 were wounded near the wells 30 km north of the town."
    )
    assert figures(text) == [(1, "killed", 40, None), (1, "wounded", 12, 12)]
    fig = read(text).claims[0].figures[1]
    assert fig.approximate
