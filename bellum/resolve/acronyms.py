"""Acronyms defined in text: `Arab Movement of Azawad (MAA)` and `the MAA (Arab Movement of Azawad)`.

A definition is accepted only when the short form's letters are the initials of the long
form's words, in order, where function words (`of`, `and`, `for`, `the`, `in`, `de`, `du`,
`la`, `pour`, `l'` ...) may be skipped or may give their letter. `Al-Qaeda in the Islamic
Maghreb (AQIM)` passes (hyphens split words); `Ansar al-Sharia (Mali)` does not (`Mali` is not
an acronym). One documented exception: a pair the shipped alias table already links is
accepted even when the letters come from another language's word order, so
`Movement for Oneness and Jihad in West Africa (MUJAO)` (French initials) is read with
`rule="alias table"`.

Linear time: one scan for parentheses; each candidate looks back over a bounded window.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from bellum.resolve.aliases import default_table, fold

# `(...)` with no nested parentheses, bounded length: the candidate definitions.
_PAREN = re.compile(r"\(([^()\n]{1,120})\)")
# A word of a long form: letters/digits with inner apostrophes (l'Ouest, People's).
_WORD = re.compile(r"[^\W_][\w']*")
# What ends the look-back window before `(`: clause punctuation.
_CLAUSE_END = re.compile(r"[.,;:!?()\[\]\n]")
# An acronym-looking token: starts upper, 2-10 letters/digits, at least two capitals.
_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9&-]{1,9}")
# The word just before `(` in `the MAA (Arab Movement of Azawad)`.
_LAST_TOKEN = re.compile(r"([A-Za-z0-9&-]+)\s*$")
# Elided articles glued to a word: l'Azawad, d'Afrique.
_ELISION = re.compile(r"^(?:l|d|qu)'", re.IGNORECASE)

FUNCTION_WORDS: frozenset[str] = frozenset(
    {
        "of", "and", "for", "the", "in", "on", "at", "to", "a", "an", "de", "du", "des",
        "la", "le", "les", "pour", "et", "en", "l", "d", "y", "del", "da", "do", "dos",
        "das", "e", "al", "el", "und", "der", "die", "von", "fur", "against",
    }
)  # fmt: skip

LOOK_BACK_WORDS = 24  # at most this many words before `(` can form a long form
LOOK_BACK_CHARS = 240


@dataclass(frozen=True, slots=True)
class Acronym:
    """`Acronym(long="Arab Movement of Azawad", short="MAA", start=0)`; start is where the
    definition begins in the text (the long form for `LONG (SHORT)`, the short form for
    `SHORT (LONG)`). `rule` says why it was accepted: "initials" or "alias table"."""

    long: str
    short: str
    start: int
    rule: str = "initials"

    def to_json(self) -> dict[str, Any]:
        """`{"long": ..., "short": ..., "start": ..., "rule": ...}`."""
        return {"long": self.long, "short": self.short, "start": self.start, "rule": self.rule}


def is_acronym(token: str) -> bool:
    """`MAA`, `AQIM`, `UNA-UNSO`, `DoD` -> True; `Mali`, `A` -> False."""
    if not _ACRONYM.fullmatch(token):
        return False
    return sum(c.isupper() for c in token) >= 2


def acronym_letters(short: str) -> str:
    """The letters an acronym spells, lowercased ASCII: `UNA-UNSO` -> `unaunso`."""
    return "".join(c for c in fold(short) if c.isalnum())


def _words(long: str) -> list[str]:
    """Folded words of a long form, hyphens and elisions split: `Al-Qaeda` -> `al`, `qaeda`."""
    out: list[str] = []
    for w in _WORD.findall(fold(long).replace("-", " ")):
        m = _ELISION.match(w)
        if m:
            out.append(m.group(0)[:-1])
            w = w[m.end() :]
        if w:
            out.append(w)
    return out


def initials_match(short: str, long: str) -> bool:
    """Does `short` spell the initials of `long`, function words optional?

    `initials_match("MAA", "Arab Movement of Azawad")` -> True;
    `initials_match("MUJAO", "Movement for Oneness and Jihad in West Africa")` -> False.
    Every content word must give its first letter; a function word may give its first letter
    or be skipped. A small dynamic program over (word, letter): at most 24 x 10 states.
    """
    letters = acronym_letters(short)
    words = _words(long)
    if not letters or not words or len(words) > LOOK_BACK_WORDS + 4:
        return False
    # reach[j]: the first j letters are spelled by the words read so far.
    reach = {0}
    for w in words:
        nxt: set[int] = set()
        for j in reach:
            if j < len(letters) and w[0] == letters[j]:
                nxt.add(j + 1)
            if w in FUNCTION_WORDS:
                nxt.add(j)
        if not nxt:
            return False
        reach = nxt
    return len(letters) in reach


def _alias_linked(short: str, long: str) -> bool:
    """Does the shipped alias table already say `short` and `long` name one entity?"""
    table = default_table()
    return fold(table.canonical(short)) == fold(table.canonical(long)) and fold(short) != fold(long)


def _long_before(prefix: str, short: str) -> str | None:
    """The shortest tail of `prefix` (words before `(`) spelling `short`, else None.

    `("the South West African Territorial Force ", "SWATF")` -> `South West African
    Territorial Force`; the tail starts at a content or capitalized word, so a leading
    lowercase `the` is left out while `Al-Qaeda ...` keeps its `Al`.
    """
    starts = [m.start() for m in _WORD.finditer(prefix)][-LOOK_BACK_WORDS:]
    letters = acronym_letters(short)
    for start in reversed(starts):
        text = prefix[start:].strip()
        words = _words(text)
        if not words or (words[0] in FUNCTION_WORDS and not text[0].isupper()):
            continue
        if len(words) >= len(letters) and initials_match(short, text):
            return text
        if len([w for w in words if w not in FUNCTION_WORDS]) > len(letters):
            break  # more content words than letters: no longer tail can match
    return None


def _alias_long_before(prefix: str, short: str) -> str | None:
    """The tail of `prefix` that the alias table links to `short` (the MUJAO exception)."""
    starts = [m.start() for m in _WORD.finditer(prefix)][-LOOK_BACK_WORDS:]
    for start in starts:  # longest first
        text = prefix[start:].strip()
        if text[0].isupper() and _alias_linked(short, text):
            return text
    return None


def find_acronyms(text: str) -> list[Acronym]:
    """Every acronym definition in `text`, in order of appearance.

    `find_acronyms("fighters of the Arab Movement of Azawad (MAA) attacked")` ->
    `[Acronym("Arab Movement of Azawad", "MAA", 15)]`; `Ansar al-Sharia (Mali)` -> `[]`.
    """
    found: list[Acronym] = []
    ends = [c.start() for c in _CLAUSE_END.finditer(text)]  # one pass, then bisect
    for m in _PAREN.finditer(text):
        inner = m.group(1).strip()
        k = bisect_left(ends, m.start())
        offset = max(ends[k - 1] + 1 if k else 0, m.start() - LOOK_BACK_CHARS)
        prefix = text[offset : m.start()]
        if is_acronym(inner):
            long = _long_before(prefix, inner)
            rule = "initials"
            if long is None:
                long = _alias_long_before(prefix, inner)
                rule = "alias table"
            if long is not None:
                start = offset + prefix.rindex(long)
                found.append(Acronym(long, inner, start, rule))
                continue
        last = _LAST_TOKEN.search(prefix)
        if last and is_acronym(last.group(1)):
            short = last.group(1)
            if initials_match(short, inner):
                found.append(Acronym(inner, short, offset + last.start(1)))
            elif _alias_linked(short, inner):
                found.append(Acronym(inner, short, offset + last.start(1), "alias table"))
    return found


def split_defined(name: str) -> tuple[str, str] | None:
    """A name that carries its own acronym: `Arab Movement of Azawad (MAA)` -> (long, short);
    `Ansar al-Sharia (Mali)` -> None."""
    found = find_acronyms(name)
    if len(found) != 1:
        return None
    a = found[0]
    return a.long, a.short
