"""Sentence splitting: abbreviations, initials, quotes, list items, offsets and headings."""

from __future__ import annotations

import pytest

from bellum.article import Article, Section
from bellum.prose.sentences import article_sentences, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gen. Harlan Voss led the column. It reached the river.",
            ["Gen. Harlan Voss led the column.", "It reached the river."],
        ),
        (
            "Lt. Col. Amadou Keita held the ridge. The enemy withdrew.",
            ["Lt. Col. Amadou Keita held the ridge.", "The enemy withdrew."],
        ),
        (
            "The U.S. Army sent two companies. They arrived late.",
            ["The U.S. Army sent two companies.", "They arrived late."],
        ),
        (
            "The fort was built c. 1200 by monks. It fell later.",
            ["The fort was built c. 1200 by monks.", "It fell later."],
        ),
        (
            "Troops marched from St. Albans at dawn. Rain slowed them.",
            ["Troops marched from St. Albans at dawn.", "Rain slowed them."],
        ),
        (
            "Major Richard T. Knowles ordered a retreat. Nobody argued.",
            ["Major Richard T. Knowles ordered a retreat.", "Nobody argued."],
        ),
        (
            'The envoy wrote "We hold the pass. Send food." The reply came.',
            ['The envoy wrote "We hold the pass. Send food."', "The reply came."],
        ),
        (
            "Did the garrison surrender? No, it held! The siege went on.",
            ["Did the garrison surrender?", "No, it held!", "The siege went on."],
        ),
        (
            "Casualties were light (about 3.5 per cent). Morale held.",
            ["Casualties were light (about 3.5 per cent).", "Morale held."],
        ),
    ],
)
def test_split_keeps_abbreviations_initials_and_quotes(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


def test_list_items_are_sentences_of_their_own() -> None:
    text = "The column had:\n- two tanks\n- a mortar team\nThe march began."
    assert [s.text for s in split_sentences(text)] == [
        "The column had:",
        "two tanks",
        "a mortar team",
        "The march began.",
    ]


def test_wrapped_lines_join_and_blank_lines_split_paragraphs() -> None:
    got = split_sentences("The town was\ntaken at noon.\n\nThen came rain.")
    assert [s.text for s in got] == ["The town was taken at noon.", "Then came rain."]
    assert [s.paragraph for s in got] == [0, 1]


def test_offsets_point_into_the_section_text() -> None:
    text = "First part ended. Second part began here."
    for s in split_sentences(text):
        assert text[s.offset : s.offset + len(s.text)] == s.text


def test_article_sentences_keep_their_heading_and_global_index() -> None:
    article = Article(
        "T",
        "t.txt",
        "plaintext",
        sections=(Section("", 1, "Lead one. Lead two."), Section("Aftermath", 2, "After.")),
    )
    got = article_sentences(article)
    assert [(s.section, s.index) for s in got] == [("", 0), ("", 1), ("Aftermath", 2)]


def test_lowercase_after_period_does_not_split() -> None:
    assert len(split_sentences("They reached Mt. something else. Then stopped.")) == 2
