"""Split prose into sentences that survive abbreviations, initials, quotes and list items.

`"Gen. Lt. Col. Smith arrived. The U.S. Army left."` gives two sentences; each keeps its
section heading and its offset in the section text. One pass over the text (linear time).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from bellum.article import Article

ABBREVIATIONS = frozenset(
    str.split(
        """
    gen lt col maj capt cpt sgt cpl pvt adm brig cmdr cdr cmdt comdt gov pres sen rep rev
    dr mr mrs ms prof st ste mt ft fr hon no nos vol vols pp p c ca approx est cf fig vs
    jr sr inc ltd co corp dept div bn regt bde sq sqn jan feb mar apr jun jul aug sep sept
    oct nov dec al e.g i.e etc viz u.s u.k u.n u.s.a u.s.s.r r.n h.m.s
    """
    )
)
"""Lowercased words that end with a period without ending the sentence (`Lt.`, `c.`, `U.S.`)."""

SPLITTABLE_INITIALISMS = frozenset({"b.c", "a.d", "b.c.e", "c.e"})
"""Initialisms that usually end a sentence when a capital follows (`in 48 B.C. The...`)."""

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_LINE = re.compile(r"[^\n]*\n?")
_LIST_MARKER = re.compile(r"[ \t]*(?:[-*•#]+|\d{1,3}[.)])[ \t]+")
_CANDIDATE = re.compile(r"[.!?]+[\"”’')\]]*\s+")
"""End punctuation, closing quotes/brackets, then the space before the next sentence."""
_WORD_BEFORE = re.compile(r"[\w.]{1,20}$")
_OPENERS = "\"“‘'([¿¡"
_SPACES = re.compile(r"\s+")
_MAX_QUOTE = 1500
"""A straight quote left open longer than this is a stray one: stop honouring it."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: `text` (whitespace collapsed), its `section` heading, `offset` in the
    section text, the `paragraph` number in the section, and its `index` in the article."""

    text: str
    section: str
    offset: int
    paragraph: int = 0
    index: int = 0

    def to_json(self) -> dict[str, Any]:
        """`{"text", "section", "offset"}`."""
        return {"text": self.text, "section": self.section, "offset": self.offset}


def _blocks(text: str) -> Iterator[tuple[int, int, bool]]:
    """Yield (start, end, is_list_item) for paragraphs and list items of a section text.

    Blank lines end a paragraph; a line starting with `- `, `* `, `• ` or `1. ` is a list
    item on its own (the marker excluded from the span).
    """
    start = -1
    end = -1
    for m in _LINE.finditer(text):
        line = m.group()
        if not line:
            break
        if not line.strip():
            if start >= 0:
                yield start, end, False
                start = -1
            continue
        marker = _LIST_MARKER.match(line)
        if marker is not None:
            if start >= 0:
                yield start, end, False
                start = -1
            yield m.start() + marker.end(), m.start() + len(line.rstrip()), True
            continue
        if start < 0:
            start = m.start() + (len(line) - len(line.lstrip()))
        end = m.start() + len(line.rstrip())
    if start >= 0:
        yield start, end, False


def _is_abbreviation(block: str, dot: int) -> bool:
    """True when the period at `dot` belongs to an abbreviation or an initial (`Gen.`, `T.`)."""
    if block[dot] != ".":
        return False
    m = _WORD_BEFORE.search(block, max(0, dot - 20), dot)
    if m is None:
        return False
    word = m.group().lstrip(".")
    if not word:
        return False
    low = word.lower()
    if low in SPLITTABLE_INITIALISMS:
        return False
    if low in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():
        return True  # an initial: Richard T. Knowles
    # initialisms with inner periods: U.S, N.A.T.O
    return "." in word and all(len(p) <= 2 for p in word.split(".") if p)


def _next_starts_sentence(block: str, pos: int) -> bool:
    """True when the character at `pos` (after optional opening quotes) can begin a sentence."""
    n = len(block)
    while pos < n and block[pos] in _OPENERS:
        pos += 1
    if pos >= n:
        return False
    ch = block[pos]
    return ch.isupper() or ch.isdigit()


def _split_block(block: str) -> Iterator[tuple[int, int]]:
    """Sentence spans of one paragraph: (start, end) with end excluding trailing space."""
    start = 0
    quote_open_at = -1  # offset of an unclosed straight quote, -1 when none
    curly = 0
    scanned = 0
    for m in _CANDIDATE.finditer(block):
        # update quote state over block[scanned:m.end()] (closing quotes included)
        seg_end = m.end()
        i = block.find('"', scanned, seg_end)
        while i >= 0:
            quote_open_at = i if quote_open_at < 0 else -1
            i = block.find('"', i + 1, seg_end)
        curly += block.count("“", scanned, seg_end) - block.count("”", scanned, seg_end)
        curly = max(curly, 0)
        scanned = seg_end
        if quote_open_at >= 0 and m.start() - quote_open_at < _MAX_QUOTE:
            continue
        if curly > 0:
            continue
        if not _next_starts_sentence(block, m.end()):
            continue
        if _is_abbreviation(block, m.start()) and m.group()[0] == "." and len(
            m.group().rstrip()
        ) == 1:
            continue
        end = m.end() - (len(m.group()) - len(m.group().rstrip()))
        yield start, end
        start = m.end()
    if start < len(block):
        yield start, len(block.rstrip())


def split_sentences(text: str, section: str = "", first_index: int = 0) -> list[Sentence]:
    """Sentences of one section's text, in order.

    `split_sentences("Lt. Col. A. Smith left. He came back.")` -> two sentences.
    """
    out: list[Sentence] = []
    for para, (b_start, b_end, _is_item) in enumerate(_blocks(text)):
        block = text[b_start:b_end]
        for s, e in _split_block(block):
            piece = block[s:e].strip()
            if not piece:
                continue
            lead = len(block[s:e]) - len(block[s:e].lstrip())
            flat = _SPACES.sub(" ", piece) if "\n" in piece or "  " in piece else piece
            out.append(Sentence(flat, section, b_start + s + lead, para, first_index + len(out)))
    return out


def article_sentences(article: Article) -> list[Sentence]:
    """Every sentence of every section of an article, indexed in reading order."""
    out: list[Sentence] = []
    for section in article.sections:
        out.extend(split_sentences(section.text, section.heading, len(out)))
    return out
