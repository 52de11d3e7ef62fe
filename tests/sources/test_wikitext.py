"""The wikitext reader: infobox values read as the plain-text form would hold them, plus what
that form lost (items, fate markers, ref names, coordinates), prose sections, broken input."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bellum.sources.wikitext as wikitext
from bellum.article import Article, Coordinates, InfoboxField, Marker, normalize_key
from bellum.sources import ReadError
from bellum.sources.wikitext import flag_countries, looks_like_wikitext, read_wikitext

DATA = Path(__file__).resolve().parent.parent / "data" / "wikitext"


def fixture(name: str) -> Article:
    path = DATA / name
    return read_wikitext(path.read_text(encoding="utf-8"), str(path))


def value(wikitext_value: str) -> InfoboxField:
    """Read one parameter `x` of an otherwise empty infobox."""
    article = read_wikitext(
        "{{Infobox military conflict\n| conflict = Test\n| x = " + wikitext_value + "\n}}",
        "test.wiki",
    )
    f = article.get("x")
    assert f is not None, article.infobox
    return f


def field(article: Article, key: str) -> InfoboxField:
    f = article.get(key)
    assert f is not None, f"{key} missing from {[x.key for x in article.infobox]}"
    return f


# --------------------------------------------------------------------------- plain-text form

DELIMANE_PLAIN = {
    "Conflict": "Battle of In-Delimane",
    "Partof": "the Malian Civil War",
    "Date": "16 November 2012",
    "Place": "Between Ansongo and Ménaka, Mali",
    "Result": "Islamist victory",
    "Combatant1": "MNLA",
    "Combatant2": "MOJWA, AQIM",
    "Commander1": "Machkanani Ag Balla, Moulay Ag Sidi Molla",
    "Strength1": "500 men",
    "Strength2": "500–1,000 men",
    "Casualties1": "1 killed, 4 wounded, (according to the MNLA), 100 killed, 20 captured, "
    "(according to MUJAO)",
    "Casualties2": "3 killed, 6 wounded, (according to MUJAO), 65 killed, (according to the "
    "MNLA), 17 killed, (according to the ICRC)",
    "Casualties3": "At least 117 killed overall (according to ICRC)",
}


@pytest.mark.parametrize(("key", "plain"), sorted(DELIMANE_PLAIN.items()))
def test_mirror_fields_read_as_the_plain_text_form(key: str, plain: str) -> None:
    assert field(fixture("delimane_mirror.wiki"), key).text == plain


def test_mirror_matches_the_corpus_row(corpus_infoboxes: list[dict[str, Any]]) -> None:
    row = next(r for r in corpus_infoboxes if r["title"] == "Battle of In-Delimane (2012)")
    article = fixture("delimane_mirror.wiki")
    for key, plain in row["infobox"]:
        text = field(article, key).text
        # the one deliberate difference: {{KIA}} renders " (KIA)" where plain text glued "KIA"
        assert text.replace(" (KIA)", "KIA") == plain, key
    assert {f.key for f in article.infobox} == {normalize_key(k) for k, _ in row["infobox"]}


def test_mirror_keeps_what_plain_text_lost() -> None:
    article = fixture("delimane_mirror.wiki")
    assert article.format == "wikitext"
    assert article.template == "Infobox military conflict"
    assert article.title == "Battle of In-Delimane"
    assert field(article, "combatant2").items == ("MOJWA", "AQIM")
    assert field(article, "commander2").markers == (Marker("Abu Dardar", "KIA"),)
    assert field(article, "commander2").text.endswith("Abu Dardar (KIA), Abdoul Hakim")
    assert field(article, "casualties1").sources == ("mnla", "mujao")
    assert field(article, "casualties2").sources == ("mujao", "mnla")
    assert field(article, "strength2").sources == ("combat",)
    assert article.get("image") is None  # only a comment: no field
    assert article.problems == ()


def test_raw_is_the_original_value_with_its_refs() -> None:
    article = fixture("delimane_mirror.wiki")
    assert field(article, "strength1").raw == '500 men<ref name="combat">Invented citation one.</ref>'
    assert "{{cite web |title=Invented |url=http://example.org/a}}" in (
        field(article, "casualties1").raw or ""
    )


# --------------------------------------------------------------------------- every template

KARVO = {
    "partof": "the War of the Three Rivers",
    "date": "9 March 1788 – April 1788",
    "place": "Near Karvo Ford, 8 km east of Lirnau",
    "coordinates": "47.5°N 12.25°W",
    "result": "Decisive Vellan victory",
    "territory": "c. 300 villages change hands – the river becomes the border",
    "combatant1": "Vellania",
    "combatant1a": "Ostrian Army, Ostria",
    "combatant1b": "Kelmar",
    "combatant2": "Dravians",
    "commander1": "Ilse Varn (WIA), Piotr Kell (DOW), Colonel Marek Adlo (POW)",
    "commander2": "Oskar Brandt (EXE), Hans Ulm (MIA), Count Leo, Duke of Tarn (KIA)",
    "units1": "1st Vellan Lancers, Karvo Militia",
    "units2": "Dravian Guard, Red Hussars",
    "strength1": "4,000 infantry, 600 cavalry",
    "strength2": "7,000 men, 20 guns",
    "casualties1": "c. 200 killed, 350–400 wounded ---- 1 colour lost",
    "casualties2": "1,200 killed—or more",
    "casualties3": "Unknown civilians disparus plain words",
    "notes": "Rain fell all day.",
}


@pytest.mark.parametrize(("key", "text"), sorted(KARVO.items()))
def test_karvo_ford_field_text(key: str, text: str) -> None:
    assert field(fixture("karvo_ford.wiki"), key).text == text


def test_karvo_ford_items_markers_sources() -> None:
    article = fixture("karvo_ford.wiki")
    assert article.template == "Infobox Military Conflict"
    assert field(article, "commander1").items == (
        "Ilse Varn (WIA)", "Piotr Kell (DOW)", "Colonel Marek Adlo (POW)",
    )
    assert field(article, "commander1").markers == (
        Marker("Ilse Varn", "WIA"), Marker("Piotr Kell", "DOW"), Marker("Marek Adlo", "POW"),
    )
    assert field(article, "commander2").markers == (
        Marker("Oskar Brandt", "EXE"), Marker("Hans Ulm", "MIA"),
        Marker("Count Leo, Duke of Tarn", "KIA"),
    )
    assert field(article, "casualties1").items == (
        "c. 200 killed", "350–400 wounded", "1 colour lost",
    )
    # a named ref once, however often it is cited; an unnamed ref names nothing
    assert field(article, "casualties1").sources == ("orlov",)
    assert field(article, "casualties2").sources == ("orlov",)
    assert article.coordinates == Coordinates(47.5, -12.25)
    assert article.problems == ()


@pytest.mark.parametrize(
    ("wiki", "text", "items"),
    [
        # flags: an icon alone names its country; beside a name it adds nothing
        ("{{flagicon|France}}", "France", ("France",)),
        ("{{flagicon|France}} [[French Army]]", "French Army", ("French Army",)),
        ("{{Flagicon|France}}<br>{{flagicon|Mali}} [[Malian Army]]", "France, Malian Army",
         ("France", "Malian Army")),
        ("{{flagdeco|Mali}}", "Mali", ("Mali",)),
        ("{{flag|Mali}}", "Mali", ("Mali",)),
        ("{{flag|France|1790}}", "France", ("France",)),
        ("{{flagcountry|Chad}} and allies", "Chad and allies", ("Chad and allies",)),
        ("{{flagicon image|Flag of Azawad.svg}} [[MNLA]]", "MNLA", ("MNLA",)),
        # list forms
        ("A<br>B<br/>C<br />D", "A, B, C, D", ("A", "B", "C", "D")),
        ("{{plainlist|\n* A\n* [[B]]\n}}", "A, B", ("A", "B")),
        ("{{Plainlist|\n*A\n*B}}", "A, B", ("A", "B")),
        ("{{ubl|A|B}}", "A, B", ("A", "B")),
        ("{{unbulleted list|A|B|C}}", "A, B, C", ("A", "B", "C")),
        ("{{hlist|A|B}}", "A, B", ("A", "B")),
        ("{{flatlist|\n* A\n* B\n}}", "A, B", ("A", "B")),
        ("\n* A\n* B", "A, B", ("A", "B")),
        ("A{{·}}B", "A, B", ("A", "B")),
        ("A, B", "A, B", ("A, B",)),
        ("[[MNLA]],<br>", "MNLA", ("MNLA",)),
        ("58 killed<hr>1 pilot killed", "58 killed ---- 1 pilot killed",
         ("58 killed", "1 pilot killed")),
        ("58 killed\n----\n1 pilot killed", "58 killed ---- 1 pilot killed",
         ("58 killed", "1 pilot killed")),
        # links
        ("[[Ansar Dine|Ansar Dine fighters]]", "Ansar Dine fighters", None),
        ("[[Ansar Dine]]", "Ansar Dine", None),
        ("[[Ansar_Dine]]s", "Ansar Dines", None),
        ("[[Ansar Dine (group)|]]", "Ansar Dine", None),
        ("[[File:Flag.svg|25px|border]] Ansar Dine", "Ansar Dine", None),
        ("[[Category:X]]Gao", "Gao", None),
        ("[http://example.org Official report] says 3", "Official report says 3", None),
        # refs and notes
        ("3 killed<ref>x</ref>", "3 killed", None),
        ("3 killed<ref name=a/>", "3 killed", None),
        ("3 killed{{efn|a long footnote sentence}}", "3 killed", None),
        ("3 killed{{efn-ua|a note}}", "3 killed", None),
        ("3 killed{{sfn|Smith|2005|p=3}}", "3 killed", None),
        ("3 killed{{citation needed|date=May 2020}}", "3 killed", None),
        ("3 killed{{cn}}", "3 killed", None),
        ("3 killed<!-- see talk -->", "3 killed", None),
        # dates
        ("{{start date|2012|11|16}}", "16 November 2012", None),
        ("{{Start date|2012|11|16|df=y}}", "16 November 2012", None),
        ("{{start date and age|2013|02|22}}", "22 February 2013", None),
        ("{{end date|2013|2}}", "February 2013", None),
        ("{{start date|1346|August|26}}", "26 August 1346", None),
        ("{{start date|1346}}", "1346", None),
        # words and numbers
        ("{{circa|1274 BC}}", "c. 1274 BC", None),
        ("{{c.|500}} men", "c. 500 men", None),
        ("{{nowrap|500 men}}", "500 men", None),
        ("{{convert|8|km|mi}}", "8 km", None),
        ("{{cvt|8|km}}", "8 km", None),
        ("{{convert|5|to|10|km|mi}}", "5 to 10 km", None),
        ("{{convert|5|-|10|km|mi}}", "5–10 km", None),
        ("7,268{{snd}}7,389", "7,268 – 7,389", None),
        ("500{{ndash}}1,000", "500–1,000", None),
        ("many{{mdash}}most", "many—most", None),
        ("500&nbsp;men", "500 men", None),
        ("500&ndash;1,000", "500–1,000", None),
        ("'''Decisive''' ''Han'' victory", "Decisive Han victory", None),
        ("'''Decisive victory", "Decisive victory", None),
        ("People's Army", "People's Army", None),
        ("<small>(alleged)</small> 3", "(alleged) 3", None),
        ("10<sup>th</sup> Army", "10th Army", None),
        ("{{small|about}} 50", "about 50", None),
        ("{{lang|fr|Armée}}", "Armée", None),
        ("{{ill|Jean Dupont|fr}}", "Jean Dupont", None),
        ("{{sortname|Jean|Dupont}}", "Jean Dupont", None),
        # unknown templates: one plain argument kept, anything else dropped
        ("{{Uncertain template|Ansar Dine}}", "Ansar Dine", None),
        ("{{Unknown template|a|b}} Gao", "Gao", None),
        ("{{Unknown template|25px}} Gao", "Gao", None),
        ("{{Unknown template|Flag of Mali.svg}} Gao", "Gao", None),
        ("{{Main|Battle of Gao}} Gao", "Gao", None),
        ("{{Campaignbox Mali}}", "Campaignbox Mali", None),
    ],
)
def test_value_templates(wiki: str, text: str, items: tuple[str, ...] | None) -> None:
    f = value(wiki)
    assert f.text == text
    if items is not None:
        assert f.items == items


@pytest.mark.parametrize(
    ("wiki", "markers", "text"),
    [
        ("Abu Dardar{{KIA}}", [("Abu Dardar", "KIA")], "Abu Dardar (KIA)"),
        ("[[Abu Dardar]] {{KIA}}", [("Abu Dardar", "KIA")], "Abu Dardar (KIA)"),
        ("Colonel [[Bouna Ag Tahib]]{{KIA}}", [("Bouna Ag Tahib", "KIA")],
         "Colonel Bouna Ag Tahib (KIA)"),
        ("[[Charles II, Count of Alençon]]{{KIA}}", [("Charles II, Count of Alençon", "KIA")],
         "Charles II, Count of Alençon (KIA)"),
        ("A, B{{WIA}}", [("B", "WIA")], "A, B (WIA)"),
        ("Yusuf Ag Bougara{{POW}}<br>Duke of Brunswick{{DOW}}",
         [("Yusuf Ag Bougara", "POW"), ("Duke of Brunswick", "DOW")],
         "Yusuf Ag Bougara (POW), Duke of Brunswick (DOW)"),
        ("X{{Executed}}", [("X", "EXE")], "X (EXE)"),
        ("X{{MIA}}", [("X", "MIA")], "X (MIA)"),
        ("{{nowrap|[[Abu Dardar]]{{KIA}}}}", [("Abu Dardar", "KIA")], "Abu Dardar (KIA)"),
        # no name before the marker: nothing to attach it to
        ("{{KIA}}<br>Gao", [], "Gao"),
    ],
)
def test_fate_markers(wiki: str, markers: list[tuple[str, str]], text: str) -> None:
    f = value(wiki)
    assert f.markers == tuple(Marker(n, m) for n, m in markers)
    assert f.text == text


def test_ref_names_become_sources_in_order_once() -> None:
    f = value('1<ref name="b">x</ref> 2<ref name=a/> 3<ref name="b"/> 4<ref>y</ref>{{r|c}}')
    assert f.sources == ("b", "a", "c")
    assert f.text == "1 2 3 4"


def test_flag_countries_pairs_each_flag_with_its_item() -> None:
    raw = "{{flagicon|France}} [[French Army]]<br>{{flagicon|Mali}}"
    assert flag_countries(raw) == (("France", "French Army"), ("Mali", "Mali"))
    assert flag_countries("{{flagicon|") == ()


# --------------------------------------------------------------------------- coordinates

@pytest.mark.parametrize(
    ("coord", "lat", "lon"),
    [
        ("{{coord|15.79|1.45}}", 15.79, 1.45),
        ("{{coord|-15.16389|19.17306|display=title}}", -15.16389, 19.17306),
        ("{{coord|15.79|N|1.45|E}}", 15.79, 1.45),
        ("{{coord|15.79|S|1.45|W}}", -15.79, -1.45),
        ("{{coord|15|47|N|1|27|E}}", 15 + 47 / 60, 1 + 27 / 60),
        ("{{coord|15|47|24|N|1|27|0|E|region:ML_type:city}}", 15.79, 1.45),
        ("{{Coord|50|34|10|N|3|28|30|E|type:event|display=inline,title}}",
         50 + 34 / 60 + 10 / 3600, 3 + 28 / 60 + 30 / 3600),
        ("{{coord|43|19|N|45|43|W|region:RU_type:city(1000000)|display=title}}",
         43 + 19 / 60, -(45 + 43 / 60)),
        ("{{coord|12.8|N|45.033333|E|format=dms}}", 12.8, 45.033333),
    ],
)
def test_coord_forms(coord: str, lat: float, lon: float) -> None:
    article = read_wikitext(
        "{{Infobox military conflict\n| conflict = T\n| coordinates = " + coord + "\n}}", "t"
    )
    assert article.coordinates is not None
    assert article.coordinates.lat == pytest.approx(lat, abs=1e-4)
    assert article.coordinates.lon == pytest.approx(lon, abs=1e-4)


def test_coordinates_found_anywhere_in_the_article() -> None:
    text = (
        "{{Infobox military conflict\n| conflict = T\n| place = Gao\n}}\nProse "
        "{{coord|1|2}} here.\n\n== Notes ==\n{{coord|16.27|N|0.04|W|display=title}}\n"
    )
    article = read_wikitext(text, "t")
    assert article.coordinates == Coordinates(16.27, -0.04)  # display=title wins
    article = read_wikitext(text.replace("|display=title", ""), "t")
    assert article.coordinates == Coordinates(1.0, 2.0)


@pytest.mark.parametrize(
    "coord", ["{{coord|95|1}}", "{{coord|abc|def}}", "{{coord|10|N|20}}", "{{coord|10|61|N|1|E}}"]
)
def test_unreadable_coordinates_are_a_problem_not_an_error(coord: str) -> None:
    article = read_wikitext(
        "{{Infobox military conflict\n| conflict = T\n| coordinates = " + coord + "\n}}", "t"
    )
    assert article.coordinates is None
    assert any(p.startswith("unreadable coordinates in coordinates") for p in article.problems)


# --------------------------------------------------------------------------- the article


@pytest.mark.parametrize(
    "opening",
    [
        "{{Infobox military conflict",
        "{{Infobox Military Conflict",
        "{{infobox military conflict",
        "{{Infobox_military_conflict",
        "{{ Template:Infobox military conflict",
        "{{Warbox",
        "{{warbox",
        "{{Infobox battle",
        "{{Infobox Battle",
    ],
)
def test_infobox_name_variants(opening: str) -> None:
    article = read_wikitext(f"Intro.\n{opening}\n| conflict = Battle of X\n| date = 1800\n}}}}", "t")
    assert article.value("date") == "1800"
    assert article.template is not None


def test_other_infoboxes_are_not_battles() -> None:
    with pytest.raises(ReadError, match="no infobox found"):
        fixture("no_infobox.wiki")
    with pytest.raises(ReadError, match="no infobox found"):
        read_wikitext("{{Infobox military conflicts\n| a = b\n}}", "t")


@pytest.mark.parametrize(("text", "message"), [("", "empty input"), ("  \n<!-- x -->", "empty input")])
def test_empty_input_is_a_read_error(text: str, message: str) -> None:
    with pytest.raises(ReadError, match=message):
        read_wikitext(text, "t")


def test_non_text_input_is_a_read_error() -> None:
    with pytest.raises(ReadError, match="not text"):
        read_wikitext(b"{{Infobox battle}}", "t")  # type: ignore[arg-type]


def test_truncated_infobox_reads_what_is_there() -> None:
    article = fixture("truncated.wiki")
    assert article.template == "Infobox battle"
    assert article.value("conflict") == "Siege of Tolmarch"
    assert article.value("combatant1") == "Order of the Lantern, Free City of Sarn"
    assert article.value("casualties1") == "Unknown"
    assert "infobox is truncated (it never closes); read what is there" in article.problems
    assert all("\n" not in p for p in article.problems)


def test_truncated_infobox_followed_by_prose_stops_at_the_prose() -> None:
    text = "{{Infobox battle\n| conflict = X\n| date = 1800\n\nThe battle was short.\n"
    article = read_wikitext(text, "t")
    assert article.value("date") == "1800"
    assert article.sections[0].text == "The battle was short."


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("= Battle of Y =\n{{Warbox\n| conflict = Battle of Z\n}}", "Battle of Y"),
        ("<title>Battle of W</title>\n{{Warbox\n| conflict = Battle of Z\n}}", "Battle of W"),
        ("{{Warbox\n| conflict = Battle of [[Z]]\n}}", "Battle of Z"),
        ("{{Warbox\n| date = 1800\n}}", "Battle of Q (1800)"),
    ],
)
def test_title_precedence(text: str, title: str) -> None:
    assert read_wikitext(text, "some/dir/Battle_of_Q_(1800).wiki").title == title


def test_sections_are_split_and_stripped() -> None:
    article = fixture("sections.wiki")
    assert article.title == "Battle of Elder Pass"
    assert article.template == "Warbox"
    assert [(s.heading, s.level) for s in article.sections] == [
        ("", 0), ("Background", 2), ("Approach", 3), ("Aftermath", 2), ("References", 2),
    ]
    lead, background, approach, aftermath, references = article.sections
    assert lead.text == (
        "The Battle of Elder Pass was an invented clash between two mountain companies.\n"
        "It lasted 3 km of marching and one long night."
    )
    assert background.text == "The pass had been closed since the winter floods."
    # the table is dropped, the list items stay as lines
    assert approach.text == (
        "The first company arrived at noon.\nThe second company arrived at dusk."
    )
    assert aftermath.text == "Both companies withdrew.\nNobody held the pass."
    assert references.text == ""  # {{Reflist}}, the category and the interwiki are gone
    assert "Invented battles" not in article.prose and "Schlacht" not in article.prose


def test_prose_false_skips_the_sections() -> None:
    article = read_wikitext((DATA / "sections.wiki").read_text(encoding="utf-8"), "t", prose=False)
    assert article.sections == ()
    assert article.value("conflict") == "Action at the Elder Pass"


def test_duplicate_parameter_the_last_one_wins() -> None:
    article = read_wikitext("{{Warbox\n| date = 1800\n| place = A\n| date = 1801\n}}", "t")
    assert article.value("date") == "1801"
    assert "parameter date is given twice; the last one is used" in article.problems


def test_oversized_input_is_cut_with_a_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wikitext, "MAX_CHARS", 60)
    text = "{{Warbox\n| date = 1800\n}}\n" + "Long prose. " * 50
    article = read_wikitext(text, "t")
    assert article.value("date") == "1800"
    assert article.problems[0] == f"input is {len(text)} characters; read the first 60"


@pytest.mark.parametrize(
    "broken",
    [
        "[[Gao",
        "{{flagicon|Mali",
        "[[Gao|{{nowrap|x]]",
        "<ref name=a>never closed",
        "<small>open",
        "[http://example.org never closed",
        "]]</ref></small>",
    ],
)
def test_broken_markup_in_a_value_does_not_break_the_infobox(broken: str) -> None:
    article = read_wikitext(
        "{{Infobox battle\n| conflict = X\n| place = " + broken + "\n| date = 1800\n}}\nProse.", "t"
    )
    assert article.value("date") == "1800"
    assert article.value("conflict") == "X"
    for f in article.infobox:
        assert "\ue000" not in f.text and "\ue001" not in f.text and "\ue002" not in f.text


def test_broken_markup_keeps_the_raw_value() -> None:
    article = read_wikitext("{{Warbox\n| place = [[Gao\n| date = 1800\n}}", "t")
    assert field(article, "place").raw == "[[Gao"
    assert article.value("place") == "Gao"


@pytest.mark.parametrize(
    "unit",
    ["{{a|", "<x>", "[[a|{{", "<ref>", "[http://x ", "\n{|\n", "{{", "|", "<br>", "\n*",
     "{{KIA}}", "&amp;", "{{{", "1,2-3 (", "<!--", "{{a|<nowiki>}}</nowiki>", "'''''", "\n\n|",
     "\n}}\n{{a|"],
)
def test_hostile_values_are_read_quickly(unit: str) -> None:
    junk = unit * (200_000 // len(unit))
    for text in (
        "{{Infobox military conflict\n| conflict = X\n| casualties1 = " + junk + "\n}}\nEnd.",
        "{{Infobox military conflict\n| conflict = X\n}}\n" + junk,
    ):
        start = time.perf_counter()
        article = read_wikitext(text, "t")
        # generous for slow CI machines; about half a second on a laptop
        assert time.perf_counter() - start < 8
        assert article.value("conflict") == "X"


def test_deep_nesting_is_read_or_refused_cleanly() -> None:
    deep = "{{a|" * 3000 + "x" + "}}" * 3000
    article = read_wikitext("{{Warbox\n| conflict = X\n| place = " + deep + "\n}}", "t")
    assert article.value("conflict") == "X"


# --------------------------------------------------------------------------- detection


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{{Infobox military conflict\n| conflict = X\n}}", True),
        ("{{Short description|x}}\n'''Battle of X''' was", True),
        ("{{a}} [[Gao]]", True),
        ("= Battle of X =\n\nInfobox\n- Conflict: X\n\n==The battle==\nText.", False),
        ("Just a sentence | with a bar = sign.", False),
    ],
)
def test_looks_like_wikitext(text: str, expected: bool) -> None:
    assert looks_like_wikitext(text) is expected


def test_plain_text_seed_is_not_wikitext(shared_dir: Path) -> None:
    for path in sorted((shared_dir / "seeds").glob("*.txt")):
        assert not looks_like_wikitext(path.read_text(encoding="utf-8")), path.name


# --------------------------------------------------------------------------- fuzzing

_FRAGMENTS = [
    "{{", "}}", "[[", "]]", "|", "=", "\n", "<ref>", "</ref>", "<ref name=a/>", "<br>", "<hr>",
    "'''", "{{KIA}}", "{{flagicon|X}}", "{{coord|1|2}}", "{{coord|1|N|", "*", "==", "<!--",
    "-->", "&nbsp;", "&bogus;", "[http://x ", "]", "{|", "|}", "<small>", "{{{", "}}}", "Gao ",
    "1,000", "<nowiki>", "File:", "{{plainlist|", "{{start date|", "{{convert|", "{{ubl|",
    "{{r|", "<li>", "\r\n", "{{Infobox battle\n", "| date = ",
]


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=60), st.booleans())
def test_any_markup_soup_reads_cleanly_or_is_a_read_error(parts: list[str], boxed: bool) -> None:
    text = ("{{Infobox military conflict\n| conflict = X\n| place = " if boxed else "") + "".join(
        parts
    )
    try:
        article = read_wikitext(text, "soup.wiki")
    except ReadError as exc:
        assert "\n" not in str(exc)
        assert "could not read" not in str(exc)  # only the named, expected errors
        return
    texts = [article.title, *article.problems, *(s.text for s in article.sections)]
    for f in article.infobox:
        texts += [f.text, *f.items, *f.sources, *(m.name for m in f.markers), f.raw or ""]
    private = set("\ue000\ue001\ue002\ue010\ue011")
    assert not any(ch in private for t in texts for ch in t)
    assert all("\n" not in p for p in article.problems)
