"""Infobox dates: EXAMPLES.md "Dates", the seeds, the whole corpus, and the grammar's edges."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from bellum.fields.dates import MONTHS, DateSpan, month_number, parse_day_month, read_date

EXAMPLES = Path(__file__).resolve().parents[2] / "bellum" / "examples"
ISO = re.compile(r"^-?\d{4}(-\d{2}(-\d{2})?)?$")


def _read(text: str) -> DateSpan:
    span = read_date(text)
    assert span is not None, text
    return span


# EXAMPLES.md "Dates": input -> (start, end, precision)
EXAMPLE_ROWS = [
    ("22–23 February 2013, ()", "2013-02-22", "2013-02-23", "day"),
    ("18 January–11 March 2012, ()", "2012-01-18", "2012-03-11", "day"),
    ("November 14–18, 1965, ()", "1965-11-14", "1965-11-18", "day"),
    ("7 November – 23 December 2004", "2004-11-07", "2004-12-23", "day"),
    ("1745-05-11", "1745-05-11", "1745-05-11", "day"),
    ("9 August 48 BC", "-0047-08-09", "-0047-08-09", "day"),
    ("December 203 BC", "-0202-12", "-0202-12", "month"),
    ("Winter, 208 AD", "0208", "0208", "season"),
    ("3 September 1260 (26 Ramadan 658 H)", "1260-09-03", "1260-09-03", "day"),
    ("Intermittently between 14 August 1987 – 23 March 1988, ()", "1987-08-14", "1988-03-23",
     "day"),
    ("13 June–27 November 2018, ()), Second phase: 9–16 September 2018", "2018-06-13",
     "2018-11-27", "day"),
]


@pytest.mark.parametrize(("text", "start", "end", "precision"), EXAMPLE_ROWS)
def test_examples_md_dates(text: str, start: str, end: str, precision: str) -> None:
    span = _read(text)
    assert (span.start, span.end, span.precision) == (start, end, precision)
    assert span.text == text


def test_pharsalus_is_julian_and_red_cliffs_is_a_winter_season() -> None:
    assert _read("9 August 48 BC").calendar == "julian"
    winter = _read("Winter, 208 AD")
    assert winter.edtf == "0208-24"
    assert winter.date_prec == 5


def test_schema_md_readings() -> None:
    khalil = _read("22–23 February 2013, ()")
    assert khalil.edtf == "2013-02-22/2013-02-23"
    crecy = _read("August 1346")
    assert (crecy.start, crecy.end, crecy.precision, crecy.edtf) == (
        "1346-08", "1346-08", "month", "1346-08",
    )
    ramesses = _read("c. 1274 BC")
    assert (ramesses.start, ramesses.precision, ramesses.approximate) == ("-1273", "year", True)
    assert ramesses.edtf == "-1273~"


def _seed_value(name: str, key: str) -> str:
    """One `- Key: value` line of a bundled seed article."""
    for line in (EXAMPLES / name).read_text(encoding="utf-8").splitlines():
        if line.startswith(f"- {key}:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"{name} has no {key}")


def test_seed_in_delimane_is_one_exact_day() -> None:
    span = _read(_seed_value("battle_of_in_delimane.txt", "Date"))
    assert (span.start, span.end, span.precision, span.date_prec) == (
        "2012-11-16", "2012-11-16", "day", 1,
    )
    assert span.calendar == "gregorian"
    assert span.edtf == "2012-11-16"


def test_seed_in_khalil_is_a_two_day_span_ignoring_the_leftover() -> None:
    span = _read(_seed_value("battle_of_in_khalil.txt", "Date"))
    assert (span.start, span.end, span.precision, span.date_prec) == (
        "2013-02-22", "2013-02-23", "day", 2,
    )


# More of the brief's cases: input -> (start, end, precision)
GRAMMAR_ROWS = [
    ("December 1944 – January 1945", "1944-12", "1945-01", "month"),
    ("December – January 1945", "1944-12", "1945-01", "month"),
    ("28 December – 2 January 1945", "1944-12-28", "1945-01-02", "day"),
    ("4 June20 September 1916", "1916-06-04", "1916-09-20", "day"),
    ("19141918", "1914", "1918", "year"),
    ("1415", "1415", "1415", "year"),
    ("10th century", "0901", "1000", "century"),
    ("5th century BC", "-0499", "-0400", "century"),
    ("1590s", "1590", "1599", "decade"),
    ("Spring 1453", "1453", "1453", "season"),
    ("Late 1863", "1863", "1863", "year"),
    ("Summer of 1812", "1812", "1812", "season"),
    ("the 3rd of June 1812", "1812-06-03", "1812-06-03", "day"),
    ("July 1st, 1863", "1863-07-01", "1863-07-01", "day"),
    ("May 23, 1040", "1040-05-23", "1040-05-23", "day"),
    ("May–September 751", "0751-05", "0751-09", "month"),
    ("13 March 624 CE (17 Ramadan 2 AH)", "0624-03-13", "0624-03-13", "day"),
    ("AD 9", "0009", "0009", "year"),
    ("44 BC – AD 14", "-0043", "0014", "year"),
    ("48–44 BC", "-0047", "-0043", "year"),
    ("1914–18", "1914", "1918", "year"),
    ("22 December 1994 – 6 March 1995, (3 months and 2 weeks)", "1994-12-22", "1995-03-06",
     "day"),
    ("6–24 March 2000, (2 weeks and 4 days)", "2000-03-06", "2000-03-24", "day"),
    ("1 July 1916 – November 1916", "1916-07-01", "1916-11", "month"),
    ("14 January – 20 February 2015 ()", "2015-01-14", "2015-02-20", "day"),
    ("16 November 2012 (1 day)", "2012-11-16", "2012-11-16", "day"),
    ("2011–present", "2011", None, "year"),
    ("Unknown (probably 1250)", "1250", "1250", "year"),
    ("31 February 1900", "1900-02", "1900-02", "month"),
    ("6 days: 5–10 June 1967", "1967-06-05", "1967-06-10", "day"),
    ("June the 4th, 1812", "1812-06-04", "1812-06-04", "day"),
    ("20 June [O.S. 9 June] 1709", "1709-06-20", "1709-06-20", "day"),
    ("1944-10-23 – 1944-10-26", "1944-10-23", "1944-10-26", "day"),
    ("Between 1100 and 1050 BC", "-1099", "-1049", "year"),
    ("12th–13th centuries", "1101", "1300", "century"),
    ("2nd millennium BC", "-1999", "-1000", "millennium"),
    ("Late August 1346", "1346-08", "1346-08", "month"),
    ("Spring–Summer 1453", "1453", "1453", "season"),
    ("Sunday 7 December 1941", "1941-12-07", "1941-12-07", "day"),
]


@pytest.mark.parametrize(("text", "start", "end", "precision"), GRAMMAR_ROWS)
def test_grammar(text: str, start: str, end: str | None, precision: str) -> None:
    span = _read(text)
    assert (span.start, span.end, span.precision) == (start, end, precision)


@pytest.mark.parametrize(
    ("text", "calendar"),
    [
        ("7 September [O.S. 26 August] 1812", "gregorian"),
        ("7 September 1812 [O.S. 26 August]", "gregorian"),  # wikitext {{OldStyleDate}}
        ("26 August 1812 (O.S.)", "julian"),
        ("8 September 1812 (N.S.)", "gregorian"),
        ("4 October 1582", "julian"),
        ("15 October 1582", "gregorian"),
        ("14 June 1645", "gregorian"),
        ("1346", "julian"),
    ],
)
def test_calendar(text: str, calendar: str) -> None:
    assert _read(text).calendar == calendar


def test_old_style_alternative_keeps_the_new_style_date() -> None:
    span = _read("7 September [O.S. 26 August] 1812")
    assert (span.start, span.end) == ("1812-09-07", "1812-09-07")


@pytest.mark.parametrize(
    ("text", "date_prec"),
    [
        ("16 November 2012", 1),
        ("22–23 February 2013", 2),
        ("16–21 May 2014", 2),
        ("10–18 January 2013, ()", 3),
        ("14–20 January 2013", 3),
        ("6–24 March 2000", 4),
        ("August 1346", 4),
        ("18 January–11 March 2012", 5),
        ("May–September 751", 5),
        ("1415", 5),
        ("Spring 1453", 5),
        ("2011–present", 5),
    ],
)
def test_date_prec_follows_the_span_length(text: str, date_prec: int) -> None:
    assert _read(text).date_prec == date_prec


@pytest.mark.parametrize(
    ("text", "approximate", "uncertain", "edtf"),
    [
        ("c. 1274 BC", True, False, "-1273~"),
        ("circa 1200", True, False, "1200~"),
        ("ca. 1200", True, False, "1200~"),
        ("around 1200", True, False, "1200~"),
        ("~1200", True, False, "1200~"),
        ("1066?", False, True, "1066?"),
        ("possibly 1415", False, True, "1415?"),
        ("1415 (disputed)", False, True, "1415?"),
        ("c. 1200?", True, True, "1200%"),
        ("1415", False, False, "1415"),
    ],
)
def test_qualifiers(text: str, approximate: bool, uncertain: bool, edtf: str) -> None:
    span = _read(text)
    assert (span.approximate, span.uncertain, span.edtf) == (approximate, uncertain, edtf)


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("1590s", "159X"),
        ("1500s", "15XX"),
        ("10th century", "0901/1000"),
        ("Spring 1453", "1453-21"),
        ("Summer of 1812", "1812-22"),
        ("autumn 1066", "1066-23"),
        ("2011–present", "2011/.."),
        ("December 1944 – January 1945", "1944-12/1945-01"),
    ],
)
def test_edtf(text: str, edtf: str) -> None:
    assert _read(text).edtf == edtf


def test_early_mid_late_are_kept_as_part() -> None:
    assert _read("Late 1863").part == "late"
    mid = _read("mid-14th century")
    assert (mid.start, mid.end, mid.part) == ("1301", "1400", "mid")
    assert _read("Late 1863").to_json()["part"] == "late"


@pytest.mark.parametrize("text", ["", "Unknown", "See Aftermath", "()", ", ()", "----"])
def test_no_date_at_all_is_none(text: str) -> None:
    assert read_date(text) is None


def test_a_date_without_a_year_has_no_start() -> None:
    span = _read("16 November")
    assert (span.start, span.end, span.date_prec, span.calendar) == (None, None, None, None)
    assert span.precision == "day"


def test_to_json_has_every_schema_key() -> None:
    data = _read("22–23 February 2013, ()").to_json()
    assert data == {
        "text": "22–23 February 2013, ()",
        "start": "2013-02-22",
        "end": "2013-02-23",
        "precision": "day",
        "approximate": False,
        "uncertain": False,
        "calendar": "gregorian",
        "date_prec": 2,
        "edtf": "2013-02-22/2013-02-23",
    }


def _date_schema(shared_dir: Path) -> dict[str, Any]:
    schema = json.loads((shared_dir / "schema" / "battle.schema.json").read_text("utf-8"))
    date: dict[str, Any] = schema["properties"]["date"]
    return date


def test_every_corpus_date_reads_to_a_start(
    corpus_infoboxes: list[dict[str, Any]], shared_dir: Path
) -> None:
    validator = jsonschema.Draft202012Validator(_date_schema(shared_dir))
    seen = 0
    for row in corpus_infoboxes:
        for key, value in row["infobox"]:
            if key != "Date":
                continue
            seen += 1
            span = read_date(value)
            assert span is not None, (row["title"], value)
            assert span.start is not None and span.end is not None, (row["title"], value)
            assert ISO.match(span.start) and ISO.match(span.end)
            assert span.start[:5] <= span.end[:5] or span.start.startswith("-")
            assert span.date_prec in (1, 2, 3, 4, 5)
            assert list(validator.iter_errors(span.to_json())) == [], value
    assert seen >= 60


def test_corpus_dates_outside_the_examples(corpus_infoboxes: list[dict[str, Any]]) -> None:
    dates = {
        row["title"]: value
        for row in corpus_infoboxes
        for key, value in row["infobox"]
        if key == "Date"
    }
    myeongnyang = _read(dates["Battle of Myeongnyang"])
    assert (myeongnyang.start, myeongnyang.end) == ("1597-10-26", "1597-10-26")
    talas = _read(dates["Battle of Talas"])
    assert (talas.start, talas.end, talas.precision) == ("0751-05", "0751-09", "month")
    grozny = _read(dates["Battle of Grozny (1994–1995)"])
    assert (grozny.start, grozny.end) == ("1994-12-22", "1995-03-06")
    grunwald = _read(dates["Battle of Grunwald"])
    assert (grunwald.start, grunwald.calendar) == ("1410-07-15", "julian")


def test_months_table() -> None:
    assert MONTHS["february"] == 2
    assert MONTHS["sept"] == 9
    assert month_number("Feb.") == 2
    assert month_number("Ramadan") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On the 17th, reinforcements arrived", (17, None)),
        ("the MNLA was routed on November 17", (17, 11)),
        ("On 23 February, the MAA attacked", (23, 2)),
        ("on the 18th of June", (18, 6)),
        ("in March they withdrew", (None, 3)),
        ("March 1863", (None, 3)),
        ("they may have left on the 3rd", (3, None)),
        ("twelve fighters were killed", (None, None)),
    ],
)
def test_parse_day_month(text: str, expected: tuple[int | None, int | None]) -> None:
    assert parse_day_month(text) == expected
