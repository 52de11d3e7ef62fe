"""bellum's copy of the record schema only extends the shared contract."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from helpers import REPO

OURS = REPO / "bellum" / "schema" / "battle.schema.json"


def test_our_schema_extends_the_shared_one_without_changing_it(shared_dir: Path) -> None:
    shared: dict[str, Any] = json.loads((shared_dir / "schema" / "battle.schema.json").read_text())
    ours: dict[str, Any] = json.loads(OURS.read_text())
    for key, value in shared.items():
        if key != "$defs":
            assert ours[key] == value, key
    for name, definition in shared["$defs"].items():
        assert ours["$defs"][name] == definition, name
    # The three definitions the shared file references but lacks:
    assert {"Flag", "ProseClaim", "Event"} <= set(ours["$defs"]) - set(shared["$defs"])
