"""The quantity grammar (bellum.fields.numbers): counts, ranges, bounds, words, lost dashes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bellum.fields.numbers import NUMBER_WORDS, VAGUE_PLURALS, Quantity, find_quantities


def reading(q: Quantity) -> str:
    """`low..high` with `~` for approximate and the bound, as EXAMPLES.md writes figures."""
    out = f"{'' if q.low is None else q.low}..{'' if q.high is None else q.high}"
    if q.approximate:
        out += " ~"
    if q.bound:
        out += f" {q.bound}"
    return out


CASES: list[tuple[str, list[str]]] = [
    # plain numbers and thousands grouping
    ("3 killed", ["3..3"]),
    ("4,064", ["4064..4064"]),
    ("220,984", ["220984..220984"]),
    ("1 500 men", ["1500..1500"]),
    ("1.500 hommes", ["1500..1500"]),
    # ranges: en dash, em dash, hyphen, spaced dashes, `to`, `between ... and`
    ("500–1,000 men", ["500..1000"]),
    ("1,200—1,400", ["1200..1400"]),
    ("6-8 wounded", ["6..8"]),
    ("28– 33 dead, 69 – 161 wounded", ["28..33", "69..161"]),
    ("~5,000 to 6,000 infantry", ["5000..6000 ~"]),
    ("between 5 and 6", ["5..6"]),
    ("between ten thousand and twenty thousand men", ["10000..20000"]),
    ("2–3 million", ["2000000..3000000"]),
    # lost dashes, recovered from the digit grouping
    ("7,2687,389 killed", ["7268..7389"]),
    ("130,833133,000", ["130833..133000"]),
    ("8,00015,000", ["8000..15000"]),
    ("5,3636,268 killed", ["5363..6268"]),
    # a dash that lost the number before it
    ("–8,000 killed", ["..8000 at_most"]),
    # bounds
    ("At least 117 killed", ["117.. at_least"]),
    ("over 100", ["100.. at_least"]),
    ("more than 30 ships", ["30.. at_least"]),
    ("60 + injured", ["60.. at_least"]),
    ("20+ wounded", ["20.. at_least"]),
    (">25,000+ civilians", ["25000.. at_least"]),
    ("1,000 or more", ["1000.. at_least"]),
    ("up to 3,000", ["..3000 at_most"]),
    ("fewer than 20,000 casualties", ["..20000 at_most"]),
    ("less than 50", ["..50 at_most"]),
    ("Up to 6,000–10,000 killed", ["6000..10000 at_most"]),
    ("nearly 30,000", ["..30000 ~ at_most"]),
    ("41,000–54,000+", ["41000..54000 at_least"]),
    # approximation
    ("~50 vehicles", ["50..50 ~"]),
    ("~ 11,000 killed", ["11000..11000 ~"]),
    ("≈3,700–4,000", ["3700..4000 ~"]),
    ("c. 300", ["300..300 ~"]),
    ("ca. 300", ["300..300 ~"]),
    ("about 30,000 dead", ["30000..30000 ~"]),
    ("around 100 casualties", ["100..100 ~"]),
    ("approximately 4,000", ["4000..4000 ~"]),
    ("Estimated 1,200 fighters", ["1200..1200 ~"]),
    ("some 300 men", ["300..300 ~"]),
    ("3,000~ (Khamis Brigade)", ["3000..3000 ~"]),
    ("5,000 (estimated)", ["5000..5000 ~"]),
    ("~2 million civilians", ["2000000..2000000 ~"]),
    ("2.5 million", ["2500000..2500000"]),
    # number words
    ("Four planes shot down", ["4..4"]),
    ("thirty killed", ["30..30"]),
    ("twenty-five wounded", ["25..25"]),
    ("a dozen prisoners", ["12..12"]),
    ("two hundred men", ["200..200"]),
    ("two hundred and fifty men", ["250..250"]),
    ("three thousand troops", ["3000..3000"]),
    ("a hundred horses", ["100..100"]),
    ("At least seven stone throwers", ["7.. at_least"]),
    ("around thirty armored vehicles", ["30..30 ~"]),
    # vague plurals: a lower bound, approximate
    ("Dozens killed", ["24.. ~ at_least"]),
    ("Hundreds wounded", ["200.. ~ at_least"]),
    ("thousands fled", ["2000.. ~ at_least"]),
    ("scores of dead", ["40.. ~ at_least"]),
    ("Several hundred Malians", ["200.. ~ at_least"]),
    ("Few hundreds", ["200.. ~ at_least"]),
    ("tens of thousands", ["20000.. ~ at_least"]),
    # alternatives are two quantities, not one range
    ("15,000 or 40,000–60,000", ["15000..15000", "40000..60000"]),
    ("120,000 initially,, 81,890 by the time of battle", ["120000..120000", "81890..81890"]),
    # words that give no number, and digits that name things
    ("Unknown", []),
    ("Heavy", []),
    ("many fighters", []),
    ("several helicopters", []),
    ("Light, mostly spearmen", []),
    ("2nd armored division", []),
    ("T-72s", []),
    ("BRDM-2", []),
    ("Mirage 2000D", []),
    ("12.7 mm", []),
    ("~50% of troop strength", []),
    ("a man", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_find_quantities(text: str, expected: list[str]) -> None:
    assert [reading(q) for q in find_quantities(text)] == expected


def test_span_and_text_cover_modifiers() -> None:
    [q] = find_quantities("killed: at least 117 (ICRC)")
    assert q.text == "at least 117"
    assert "killed: at least 117 (ICRC)"[q.start : q.end] == q.text


def test_between_is_part_of_the_span() -> None:
    [q] = find_quantities("with between ten thousand and twenty thousand men")
    assert q.text == "between ten thousand and twenty thousand"


def test_works_on_free_prose() -> None:
    """The prose reader uses the same grammar on sentences (written for this test)."""
    text = "The garrison of some 400 men lost nearly fifty dead and dozens of wounded."
    assert [reading(q) for q in find_quantities(text)] == [
        "400..400 ~", "..50 ~ at_most", "24.. ~ at_least",
    ]


def test_word_tables_are_public() -> None:
    assert NUMBER_WORDS["thirty"] == 30
    assert VAGUE_PLURALS["dozens"] == 24


def test_descending_pair_is_not_a_range() -> None:
    """`300-20` is not a range from 300 down to 20."""
    assert [reading(q) for q in find_quantities("300-20")] == ["300..300", "20..20"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789,.-–— +~()<>≈cakilledtoandbetween"))))
def test_never_raises_on_number_like_text(text: str) -> None:
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
        assert q.low is None or q.high is None or q.low <= q.high


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    find_quantities(text)


HOSTILE = {
    "digits": "9" * 200_000,
    "commas": "1," * 100_000,
    "dashes": "1-" * 100_000,
    "spaces": "1 " * 100_000,
    "parens": "(" * 100_000 + "1)" * 50_000,
    "grouped": "1,000" * 40_000,
    "lost_dashes": "7,2687,389 " * 18_000,
    "words": "two hundred and " * 12_500,
    "articles": "a " * 100_000,
}


@pytest.mark.timeout(10)
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_200k_value_has_no_catastrophic_backtracking(name: str) -> None:
    text = HOSTILE[name]
    assert len(text) >= 180_000
    find_quantities(text)
