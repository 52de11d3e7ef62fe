"""Read the prose of a battle article: sentences, a timeline, attributed claims, contradictions.

`read_prose(article, ProseContext(start="2012-11-16", sides=((1, ("MNLA",)), ...)))` gives
a `ProseReading`: the claims the prose attributes (`ProseClaim`), the dated sentences
(`Event`), and `contradiction` flags where the prose cannot agree with the infobox.
Rule-based and linear in the length of the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bellum.article import Article
from bellum.flags import Flag
from bellum.prose.claims import (
    Attributor,
    Mention,
    ProseClaim,
    ProseContext,
    ProseSide,
    SideMatcher,
    group_claims,
    read_figures,
    scan,
)
from bellum.prose.contradictions import find_contradictions
from bellum.prose.sentences import Sentence, article_sentences, split_sentences
from bellum.prose.timeline import When, find_dates, parse_iso

__all__ = [
    "Event",
    "ProseClaim",
    "ProseContext",
    "ProseReading",
    "ProseSide",
    "Sentence",
    "read_prose",
    "read_sentences",
    "split_sentences",
]


@dataclass(frozen=True, slots=True)
class Event:
    """A dated sentence: `Event("2013-03-05", "A day later", "A day later, ...", "The battle",
    ("MAA",))`; `sides` are the side indexes of the actors."""

    date: str
    date_text: str
    text: str
    section: str
    actors: tuple[str, ...] = ()
    sides: tuple[int, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """`{"date", "date_text", "text", "section", "actors"}` (+ `sides`)."""
        return {
            "date": self.date,
            "date_text": self.date_text,
            "text": self.text,
            "section": self.section,
            "actors": list(self.actors),
            "sides": list(self.sides),
        }


@dataclass(frozen=True, slots=True)
class ProseReading:
    """Everything read from an article's prose."""

    claims: tuple[ProseClaim, ...] = ()
    events: tuple[Event, ...] = ()
    flags: tuple[Flag, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """`{"claims": [...], "events": [...], "flags": [...]}` (the record's keys)."""
        return {
            "claims": [c.to_json() for c in self.claims],
            "events": [e.to_json() for e in self.events],
            "flags": [f.to_json() for f in self.flags],
        }


def _actors(mentions: list[Mention]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Side names a sentence mentions (as the context names them) and their sides."""
    names: list[str] = []
    sides: list[int] = []
    for m in mentions:
        if m.actor is None:
            continue
        if m.actor not in names:
            names.append(m.actor)
        if m.side is not None and m.side not in sides:
            sides.append(m.side)
    return tuple(names), tuple(sides)


def read_sentences(sentences: list[Sentence], context: ProseContext) -> ProseReading:
    """The reading of already split sentences (see `read_prose`)."""
    matcher = SideMatcher(context.sides)
    attributor = Attributor(matcher)
    battle_start: When | None = parse_iso(context.start)
    anchor = battle_start
    claims: list[ProseClaim] = []
    events: list[Event] = []
    paragraph_date: tuple[tuple[str, int], str | None] = (("", -1), None)
    for sentence in sentences:
        text = sentence.text
        sc = scan(text)
        mentions = matcher.mentions(text)
        dates = find_dates(text, anchor, battle_start, sc.lower, sc.words)
        resolved = [d for d in dates if d.when is not None]
        key = (sentence.section, sentence.paragraph)
        if paragraph_date[0] != key:
            paragraph_date = (key, None)
        own: str | None = None
        if resolved:
            first = resolved[0]
            assert first.when is not None
            own = first.when.iso()
            last = resolved[-1].when
            if last is not None:
                anchor = last
            names, sides = _actors(mentions)
            events.append(Event(own, first.text, text, sentence.section, names, sides))
            paragraph_date = (key, resolved[-1].when.iso() if resolved[-1].when else own)
        attributions = attributor.find(text, sc)
        figures = read_figures(
            sentence, mentions, attributions, [(d.start, d.end) for d in dates], sc
        )
        if figures:
            claims.extend(group_claims(sentence, figures, own or paragraph_date[1]))
    flags = find_contradictions(claims, context.infobox_claims)
    return ProseReading(tuple(claims), tuple(events), tuple(flags))


def read_prose(article: Article, context: ProseContext) -> ProseReading:
    """Claims, events and contradiction flags of an article's prose."""
    return read_sentences(article_sentences(article), context)
