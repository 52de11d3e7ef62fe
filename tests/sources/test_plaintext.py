"""The plain-text reader: title, template line, `- Key: Value` fields, sections."""

from __future__ import annotations

from pathlib import Path

import pytest

from bellum.article import normalize_key
from bellum.sources import ReadError
from bellum.sources.plaintext import read_plaintext

INVENTED = """= Battle of Lower Fennick =

Infobox
- Partof: the Fennick Uprising
- Conflict: Battle of Lower Fennick
- Date: 3–4 May 1901
- Map Type: Fennick
- Combatant2: River Guard,
- Combatant1: Free Companies
- Casualties1: 12 killed, 30 wounded (according to the Guard)

The battle was fought at a ford below the mill.

==Background==
Both companies had wintered near the ford.

=== The night march ===
On the night of 2 May, the Guard crossed.
It rained.

==Aftermath==
"""


def test_title_template_and_fields_in_input_order() -> None:
    [a] = read_plaintext(INVENTED, "lower_fennick.txt")
    assert a.title == "Battle of Lower Fennick"
    assert a.template == "Infobox"
    assert [f.key for f in a.infobox] == [
        "partof", "conflict", "date", "map_type", "combatant2", "combatant1", "casualties1"
    ]
    assert a.value("combatant2") == "River Guard,"  # the text is kept exactly, leftovers too
    assert a.value("Casualties1") == "12 killed, 30 wounded (according to the Guard)"
    assert a.value("strength1") is None


def test_sections_keep_headings_levels_and_text() -> None:
    [a] = read_plaintext(INVENTED, "x.txt")
    assert [(s.heading, s.level) for s in a.sections] == [
        ("", 0), ("Background", 2), ("The night march", 3), ("Aftermath", 2)
    ]
    assert a.sections[2].text == "On the night of 2 May, the Guard crossed. It rained."
    assert "ford below the mill" in a.prose


@pytest.mark.parametrize(
    ("key", "expected"),
    [("Combatant1", "combatant1"), ("Partof", "partof"), ("Map Type", "map_type"),
     ("Image Upright", "image_upright"), ("Combatants Header", "combatants_header")],
)
def test_keys_are_normalized_to_template_parameters(key: str, expected: str) -> None:
    assert normalize_key(key) == expected


def test_several_articles_in_one_stream() -> None:
    two = INVENTED + "\n= Siege of Upper Fennick =\nInfobox\n- Date: 1902\n- Result: Stalemate\n"
    arts = read_plaintext(two, "-")
    assert [a.title for a in arts] == ["Battle of Lower Fennick", "Siege of Upper Fennick"]
    assert arts[1].value("result") == "Stalemate"


def test_no_title_line_falls_back_to_conflict_then_file_name() -> None:
    [a] = read_plaintext("Infobox\n- Conflict: Raid on Harl\n- Date: 1650\n", "x.txt")
    assert a.title == "Raid on Harl"
    [b] = read_plaintext("- Date: 1650\n", "Battle_of_Harl.txt")
    assert b.title == "Battle of Harl"


def test_caption_line_instead_of_infobox() -> None:
    [a] = read_plaintext("= Battle of Harl =\nInfobox military conflict\n- Date: 1650\n", "x")
    assert a.template == "Infobox military conflict"


def test_no_infobox_is_a_read_error() -> None:
    with pytest.raises(ReadError, match="no infobox"):
        read_plaintext("= Battle of Harl =\n\nJust some prose about it.\n", "x.txt")


def test_truncated_infobox_is_read_and_said() -> None:
    [a] = read_plaintext("= Battle of Harl =\nInfobox\n- Date: 1650\n- Casualties1:", "x")
    assert a.value("date") == "1650"
    assert any("truncated" in p for p in a.problems)


def test_seeds_read(shared_dir: Path) -> None:
    for path in sorted((shared_dir / "seeds").glob("*.txt")):
        [a] = read_plaintext(path.read_text(encoding="utf-8"), str(path))
        assert a.get("combatant1") is not None
        assert len(a.sections) >= 1
