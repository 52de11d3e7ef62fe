"""Stable ids: lowercase ASCII slugs of names (`Omar Ould Hamaha` -> `omar-ould-hamaha`)."""

from __future__ import annotations

import re

from unidecode import unidecode

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """`Ménaka` -> `menaka`; `Ansar al-Sharia (Mali)` -> `ansar-al-sharia-mali`; "" -> "unnamed"."""
    s = _NON_ALNUM.sub("-", unidecode(name).lower()).strip("-")
    return s or "unnamed"
