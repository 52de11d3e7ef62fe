"""The `bellum` command: each subcommand is a thin layer over one library call."""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from bellum.pipeline import InputError, extract_all

app = typer.Typer(
    name="bellum",
    help="Battle articles into a structured, source-attributed conflict database.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def examples_dir() -> Path:
    """The bundled example articles (the two seeds)."""
    return Path(str(resources.files("bellum") / "examples"))


@app.command()
def extract(
    paths: Annotated[
        list[str], typer.Argument(help="Article files, directories (recursive), or - for stdin.")
    ],
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent each record.")] = False,
    fields_only: Annotated[
        bool, typer.Option("--fields-only", help="Read the infobox only; skip the prose.")
    ] = False,
) -> None:
    """Print one JSON record per article (JSON lines), in input order.

    Bad inputs are reported on stderr as `bellum: FILE: problem`; the others are still
    printed. Exit status: 0 when every input was read cleanly, 2 when any had a problem.
    """
    failed = False
    out = sys.stdout
    for item in extract_all(paths, prose=not fields_only):
        if isinstance(item, InputError):
            err.print(str(item), markup=False)
            failed = True
            continue
        article, record = item
        for problem in article.problems:
            err.print(f"bellum: {article.source}: {article.title}: {problem}", markup=False)
            failed = True
        out.write(json.dumps(record, ensure_ascii=False, indent=2 if pretty else None) + "\n")
    out.flush()
    if failed:
        raise typer.Exit(2)


def _claims_text(claims: list[dict[str, Any]]) -> str:
    """`killed 1, wounded 4 @MNLA; killed 100 @MUJAO` for a summary cell."""
    parts = []
    for c in claims:
        figs = ", ".join(
            f"{f['category']} {f['low'] if f['low'] is not None else ''}"
            + (f"..{f['high'] if f['high'] is not None else ''}" if f["high"] != f["low"] else "")
            for f in c["figures"]
        )
        parts.append(figs + (f" @{c['source']}" if c.get("source") else ""))
    return "; ".join(p for p in parts if p)


def summary_table(records: list[dict[str, Any]]) -> Table:
    """One row per article: date, place, result, sides and their losses."""
    table = Table(title=f"{len(records)} battles", show_lines=True)
    for col in ("battle", "date", "place", "result", "sides and losses"):
        table.add_column(col)
    for r in records:
        date = r["date"] or {}
        place = r["place"] or {}
        result = r["result"] or {}
        sides = "\n".join(
            f"{s['index']}: {', '.join(a['name'] for a in s['belligerents']) or '?'}"
            + (f" — {_claims_text(s['losses'])}" if s["losses"] else "")
            for s in r["sides"]
        )
        when = date.get("start") or ""
        if date.get("end") and date.get("end") != date.get("start"):
            when += f" .. {date['end']}"
        where = place.get("text") or ""
        if place.get("lat") is not None:
            where += f"\n({place['lat']:.2f}, {place['lon']:.2f}) prec {place['where_prec']}"
        outcome = result.get("outcome") or ""
        if result.get("victor_sides"):
            outcome += f" {result['victor_sides']}"
        table.add_row(r["title"], when, where, outcome, sides)
    return table


@app.command()
def demo() -> None:
    """Extract the bundled example articles and print a summary."""
    records = [
        item[1] for item in extract_all([str(examples_dir())]) if not isinstance(item, InputError)
    ]
    Console().print(summary_table(records))


def main() -> None:
    """Entry point for `python -m bellum`."""
    app()
