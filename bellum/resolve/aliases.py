"""The shipped alias table (bellum/data/aliases.csv): each row a canonical name, an alias, and
where the equivalence comes from. Users extend it with their own CSV of the same columns."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from unidecode import unidecode


@dataclass(frozen=True, slots=True)
class Alias:
    """One row: `Alias("MUJAO", "MOJWA", "actor", "English acronym ...")`."""

    canonical: str
    alias: str
    kind: str
    provenance: str


def fold(name: str) -> str:
    """The comparison key of a name: ASCII, lowercase, single spaces (`Ménaka ` -> `menaka`)."""
    return " ".join(unidecode(name).lower().split())


def read_aliases(path: Path) -> list[Alias]:
    """Rows of an alias CSV with columns canonical, alias, kind, provenance."""
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            Alias(r["canonical"], r["alias"], r.get("kind") or "actor", r.get("provenance") or "")
            for r in csv.DictReader(fh)
        ]


@cache
def shipped_aliases() -> tuple[Alias, ...]:
    """The table bundled with bellum."""
    ref = resources.files("bellum") / "data" / "aliases.csv"
    with resources.as_file(ref) as p:
        return tuple(read_aliases(p))


class AliasTable:
    """Folded name -> canonical name, for one kind or all kinds."""

    def __init__(self, rows: Iterable[Alias] = ()) -> None:
        self._canon: dict[str, str] = {}
        self._names: dict[str, set[str]] = {}
        for row in rows:
            self.add(row.canonical, row.alias)

    def add(self, canonical: str, alias: str) -> None:
        """Declare `alias` another name of `canonical` (transitively through canonical)."""
        root = self.canonical(canonical)
        for n in (canonical, alias):
            self._canon.setdefault(fold(n), root)
        self._names.setdefault(fold(root), {root}).update({canonical, alias})

    def canonical(self, name: str) -> str:
        """`MOJWA` -> `MUJAO`; an unknown name is its own canonical name."""
        return self._canon.get(fold(name), name)

    def names_for(self, name: str) -> frozenset[str]:
        """Every known name of the entity `name` denotes, itself included."""
        root = self.canonical(name)
        return frozenset(self._names.get(fold(root), set()) | {name, root})


@cache
def default_table() -> AliasTable:
    """The shipped table, built once per process."""
    return AliasTable(shipped_aliases())
