"""ProseClaim, Event and Flag JSON validate against the package schema's $defs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from prose.prose_helpers import SIDES, read

from bellum.fields.figures import Claim, Figure
from bellum.prose import ProseContext

SCHEMA = Path(__file__).resolve().parents[2] / "bellum" / "schema" / "battle.schema.json"
TEXT = (
    "On 4 March the MOJWA admitted that 5 of its fighters were killed. "
    "A day later, according to the MNLA, around thirty vehicles attacked in early 2013."
)


def validator(name: str) -> jsonschema.Draft202012Validator:
    defs = json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]
    if name not in defs:
        pytest.skip(f"the package schema has no $defs/{name}")
    return jsonschema.Draft202012Validator({"$ref": f"#/$defs/{name}", "$defs": defs})


def reading_json() -> dict[str, Any]:
    fig = Figure(category="killed", unit="personnel", low=3, high=3)
    ctx = ProseContext("2012-11-16", None, SIDES, ((2, Claim("3 killed", None, "side", (fig,))),))
    return read(TEXT, ctx).to_json()


@pytest.mark.parametrize(("key", "name"), [("claims", "ProseClaim"), ("events", "Event"),
                                           ("flags", "Flag")])
def test_items_validate(key: str, name: str) -> None:
    items = reading_json()[key]
    assert items, f"no {key} read"
    v = validator(name)
    for item in items:
        v.validate(item)
