"""Flags: what could not be trusted, said in the record instead of silently dropped."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

FlagKind = Literal["unparsed", "missing", "contradiction", "dropped", "error"]


@dataclass(frozen=True, slots=True)
class Flag:
    """One problem with one field: `Flag("unparsed", "casualties1", "–8,000", "no first number")`."""

    kind: FlagKind
    field: str
    text: str
    message: str = ""

    def to_json(self) -> dict[str, Any]:
        """The record form (SCHEMA.md `flags[]`)."""
        return {"kind": self.kind, "field": self.field, "text": self.text, "message": self.message}
