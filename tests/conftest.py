"""Shared fixtures: the repo's bundled seeds and, when present, ../shared (skipped otherwise)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "bellum" / "examples"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared, or skip the test when this checkout has none beside it."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared/corpus is not present")
    return SHARED


@pytest.fixture(scope="session")
def corpus_infoboxes(shared_dir: Path) -> list[dict[str, Any]]:
    """The rows of ../shared/corpus/infoboxes.jsonl."""
    path = shared_dir / "corpus" / "infoboxes.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
