"""Dates in prose: absolute ones completed from the battle's date, relative ones anchored."""

from __future__ import annotations

import pytest
from prose.prose_helpers import read

from bellum.prose.timeline import When, find_dates, parse_iso

BATTLE = When(2013, 2, 22)


def first(text: str, anchor: When | None = BATTLE) -> str | None:
    got = [d.when for d in find_dates(text, anchor, BATTLE) if d.when is not None]
    return got[0].iso() if got else None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("On 23 February the rebels regrouped.", "2013-02-23"),
        ("The garrison fell on February 25.", "2013-02-25"),
        ("Reinforcements came on 4 March.", "2013-03-04"),
        ("By 1 March, 1863, the line held.", "1863-03-01"),
        ("The town was retaken on March 3, 2014.", "2014-03-03"),
        ("Fighting resumed in early 1863.", "1863"),
        ("The plan was drawn up in June 2012.", "2012-06"),
        ("The fort fell on the 3rd of March.", "2013-03-03"),
        ("The raid of 22–23 February was costly.", "2013-02-22"),
        ("In late March the rebels regrouped.", "2013-03"),
        ("By May, the town was quiet again.", "2013-05"),
        ("Fighting resumed in mid-April.", "2013-04"),
        ("In March, 300 men arrived.", "2013-03"),
    ],
)
def test_absolute_dates_take_the_battle_year(text: str, iso: str) -> None:
    assert first(text) == iso


def test_a_yearless_january_after_a_december_battle_is_next_year() -> None:
    assert first("On 3 January they withdrew.", When(2012, 12, 20)) == "2013-01-03"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("The same day, the convoy was ambushed.", "2013-03-04"),
        ("A day later, the base was bombed.", "2013-03-05"),
        ("The next morning the patrol returned.", "2013-03-05"),
        ("The next day the rebels fled.", "2013-03-05"),
        ("Two days later the town was quiet.", "2013-03-06"),
        ("The following day a truce was signed.", "2013-03-05"),
        ("That night the guns fell silent.", "2013-03-04"),
        ("On the 17th, more troops arrived.", "2013-03-17"),
        ("Three days earlier the bridge had been mined.", "2013-03-01"),
        ("The previous day scouts had seen them.", "2013-03-03"),
        ("A week later the siege ended.", "2013-03-11"),
    ],
)
def test_relative_dates_resolve_against_the_last_date(text: str, iso: str) -> None:
    assert first(text, When(2013, 3, 4)) == iso


def test_the_first_day_counts_from_the_battle_start() -> None:
    assert first("On the first day the ridge was lost.", When(2013, 3, 9)) == "2013-02-22"


@pytest.mark.parametrize(
    "text",
    [
        "The 33rd Regiment held the left flank.",
        "They advanced 50 kilometres in 2 hours.",
        "Around 1,000 men took part.",
        "the march went on for days.",
    ],
)
def test_non_dates_are_not_dates(text: str) -> None:
    assert first(text) is None


def test_a_chain_of_relative_dates_walks_forward() -> None:
    reading = read(
        "On 4 March the camp was shelled. A day later the rebels left. "
        "Two days later the army entered the town. On the 9th, a truce was signed."
    )
    assert [e.date for e in reading.events] == [
        "2012-03-04",
        "2012-03-05",
        "2012-03-07",
        "2012-03-09",
    ]
    assert reading.events[1].date_text == "A day later"


def test_relative_date_before_any_mention_uses_the_battle_start() -> None:
    assert [e.date for e in read("The next day the rebels fled.").events] == ["2012-11-17"]


def test_parse_iso_reads_precisions_and_rejects_garbage() -> None:
    assert parse_iso("2012-11-16") == When(2012, 11, 16)
    assert parse_iso("-0047-08") == When(-47, 8)
    assert parse_iso("16 November") is None
    assert When(-47, 8, 9).iso() == "-0047-08-09"
