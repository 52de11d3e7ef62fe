"""From bytes to articles: decode, detect the format from the content, dispatch to a reader.

Bad input never raises anything but ReadError, whose message is one line; recoverable
problems (undecodable bytes, a truncated infobox) travel in `Article.problems`.
"""

from __future__ import annotations

import dataclasses
import re

from bellum.article import Article
from bellum.sources import ReadError
from bellum.sources.plaintext import looks_like_plaintext, read_plaintext

MAX_BYTES = 20_000_000
"""Larger inputs are cut here (an article is a few hundred KB at most) and the cut is said."""

_WIKI_INFOBOX = re.compile(
    r"\{\{\s*(?:template:\s*)?(?:infobox[ _]+(?:military[ _]+conflict|battle)|warbox)\b", re.I
)


def decode(data: bytes) -> tuple[str, list[str]]:
    """UTF-8 text (BOM dropped) and the problems met; binary input raises ReadError."""
    if not data.strip():
        raise ReadError("empty file")
    if b"\x00" in data[:8192]:
        raise ReadError("binary file (NUL bytes), not an article")
    problems: list[str] = []
    if len(data) > MAX_BYTES:
        problems.append(f"input is {len(data):,} bytes; only the first {MAX_BYTES:,} were read")
        data = data[:MAX_BYTES]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8-sig", errors="replace")
        bad = text.count("\ufffd")
        if bad > max(16, len(text) // 10):
            raise ReadError(f"not text: {bad} undecodable bytes (first at byte {exc.start})") from None
        problems.append(
            f"not valid UTF-8 (first bad byte at offset {exc.start}); "
            f"{bad} undecodable byte(s) replaced with U+FFFD"
        )
    return text, problems


def detect_format(text: str) -> str:
    """`wikitext` when an infobox template is present, else `plaintext`, else ReadError."""
    if _WIKI_INFOBOX.search(text):
        return "wikitext"
    if looks_like_plaintext(text):
        return "plaintext"
    if "{{" in text and "|" in text:
        return "wikitext"
    raise ReadError("no infobox found (neither '- Key: Value' lines nor an {{Infobox ...}})")


def read_articles(data: bytes, source: str) -> list[Article]:
    """Every article in one input (a file or stdin), with decoding problems attached."""
    text, problems = decode(data)
    fmt = detect_format(text)
    if fmt == "wikitext":
        from bellum.sources.wikitext import read_wikitext

        articles = [read_wikitext(text, source)]
    else:
        articles = read_plaintext(text, source)
    if problems:
        articles = [
            dataclasses.replace(a, problems=(*problems, *a.problems)) for a in articles
        ]
    return articles
