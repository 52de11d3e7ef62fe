"""Reader for the plain-text article form the seeds and many datasets ship.

    = Battle of In Khalil =          <- title
    Infobox                          <- template name (or a stray caption)
    - Combatant1: MNLA,              <- `- Key: Value`, keys in any order, values kept exactly
    The Battle of ... took place     <- lead prose
    ==Background==                   <- sections (`=== Sub ===` nests)

Several articles may follow each other in one stream (`cat *.txt | bellum extract -`).
"""

from __future__ import annotations

import re
from pathlib import Path

from bellum.article import Article, InfoboxField, Section, normalize_key
from bellum.sources import ReadError

TITLE_LINE = re.compile(r"^=(?!=)\s*(?P<title>[^=\n]*?)\s*=\s*$")
"""`= Battle of In Khalil =` (one `=` each side; `==Heading==` is a section)."""

HEADING_LINE = re.compile(r"^(?P<bar>={2,6})\s*(?P<heading>[^=\n]*?)\s*={2,6}\s*$")
"""`==The battle==`, `=== Sub ===`."""

FIELD_LINE = re.compile(r"^-\s*(?P<key>[A-Za-z][A-Za-z0-9 _]{0,60}?)\s*:(?:\s(?P<value>.*))?$")
"""`- Combatant1: MNLA,` (the value may be empty: `- Combatant1:`)."""

TEMPLATE_LINE = re.compile(r"^(?:Template:)?\s*(?P<name>[A-Za-z][\w ]{0,80})$")
"""The line after the title: `Infobox`, `Infobox military conflict`, or a stray caption."""


def looks_like_plaintext(text: str) -> bool:
    """True when the text has a `= Title =` line or `- Key: Value` infobox lines."""
    for line in text.splitlines()[:200]:
        s = line.strip()
        if TITLE_LINE.match(s) or FIELD_LINE.match(s):
            return True
    return False


def _split_articles(lines: list[str]) -> list[list[str]]:
    """Cut a stream into articles at each `= Title =` line (text before the first is kept)."""
    chunks: list[list[str]] = [[]]
    for line in lines:
        if TITLE_LINE.match(line.strip()) and any(s.strip() for s in chunks[-1]):
            chunks.append([])
        chunks[-1].append(line)
    return [c for c in chunks if any(s.strip() for s in c)]


def read_plaintext(text: str, source: str) -> list[Article]:
    """Every article in a plain-text stream; raises ReadError when none has an infobox."""
    articles: list[Article] = []
    errors: list[str] = []
    for chunk in _split_articles(text.splitlines()):
        try:
            articles.append(_read_one(chunk, source))
        except ReadError as exc:
            errors.append(str(exc))
    if not articles:
        raise ReadError(errors[0] if errors else "empty file")
    return articles


def _read_one(lines: list[str], source: str) -> Article:
    """One article from its lines."""
    title: str | None = None
    template: str | None = None
    fields: list[InfoboxField] = []
    problems: list[str] = []
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i < len(lines) and (m := TITLE_LINE.match(lines[i].strip())):
        title = m.group("title")
        i += 1
    # The template line and the infobox block: `- Key: Value` lines, blank lines allowed.
    in_box = False
    while i < len(lines):
        s = lines[i].strip()
        if not s:
            i += 1
            continue
        if (m := FIELD_LINE.match(lines[i].lstrip().rstrip("\r\n"))) is not None:
            in_box = True
            # The value is kept exactly as given, trailing spaces included.
            fields.append(InfoboxField(key=normalize_key(m.group("key")), text=m.group("value") or ""))
            i += 1
            continue
        if s.startswith("- ") and in_box:
            problems.append(f"infobox line {i + 1} has no 'Key: Value': {s[:60]!r}")
            i += 1
            continue
        t = TEMPLATE_LINE.match(s) if not in_box and template is None else None
        if t is not None and len(s) <= 60 and not s.endswith("."):
            template = t.group("name").strip()
            i += 1
            continue
        break
    if not fields:
        raise ReadError(f"{title or 'article'}: no infobox found")
    if title is None:
        title = _fallback_title(fields, source)
    sections = _read_sections(lines[i:])
    if not fields[-1].text.strip() and not sections:
        problems.append(f"infobox may be truncated: last field {fields[-1].key!r} is empty")
    return Article(
        title=title,
        source=source,
        format="plaintext",
        template=template,
        infobox=tuple(fields),
        sections=tuple(sections),
        problems=tuple(problems),
    )


def _fallback_title(fields: list[InfoboxField], source: str) -> str:
    """No title line: the `Conflict` field, else the file name (`Battle_of_Gao.txt`)."""
    for f in fields:
        if f.key in ("conflict", "name") and f.text:
            return f.text
    return Path(source).stem.replace("_", " ") if source != "-" else "untitled"


def _read_sections(lines: list[str]) -> list[Section]:
    """Prose after the infobox, cut at `==Heading==` lines; the lead has heading "" and level 0."""
    sections: list[Section] = []
    heading, level = "", 0
    buf: list[str] = []
    for line in lines:
        m = HEADING_LINE.match(line.strip())
        if m is not None:
            if any(b.strip() for b in buf):
                sections.append(Section(heading, level, _join(buf)))
            heading, level, buf = m.group("heading"), len(m.group("bar")), []
        else:
            buf.append(line)
    if any(b.strip() for b in buf) or heading:
        sections.append(Section(heading, level, _join(buf)))
    return sections


def _join(lines: list[str]) -> str:
    """Paragraphs separated by one blank line, trailing space trimmed."""
    paras: list[str] = []
    cur: list[str] = []
    for line in lines:
        if line.strip():
            cur.append(line.strip())
        elif cur:
            paras.append(" ".join(cur))
            cur = []
    if cur:
        paras.append(" ".join(cur))
    return "\n\n".join(paras)
