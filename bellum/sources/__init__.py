"""Readers: raw input (plain text, wikitext) -> `bellum.article.Article`."""

from __future__ import annotations


class ReadError(Exception):
    """Input that cannot become an article; the message is one line, for `bellum: FILE: ...`."""
