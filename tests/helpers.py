"""Helpers shared by tests: running the CLI and validating records."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "bellum" / "examples"
SCHEMA = REPO / "bellum" / "schema" / "battle.schema.json"


@cache
def validator() -> jsonschema.Draft202012Validator:
    """A validator for bellum's schema (the shared contract plus the defs it lacks)."""
    return jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def schema_errors(record: dict[str, Any]) -> list[str]:
    """Every schema violation of one record, as `path: message`."""
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator().iter_errors(record)]


def run_bellum(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """`bellum ARGS...` in a subprocess, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "bellum", *args], input=stdin, capture_output=True, timeout=120
    )


def records(stdout: bytes) -> list[dict[str, Any]]:
    """The JSON lines of `bellum extract`."""
    return [json.loads(line) for line in stdout.decode("utf-8").splitlines() if line.strip()]
