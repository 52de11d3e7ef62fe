"""The `bellum` command: each subcommand is a thin layer over one library call."""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from bellum.cli_kb import register as register_kb
from bellum.pipeline import InputError, extract_all

app = typer.Typer(
    name="bellum",
    help="Battle articles into a structured, source-attributed conflict database.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)
register_kb(app)


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


@app.command()
def demo(
    db: Annotated[Path, typer.Option("--db", help="Where to build the demo knowledge base.")] = Path(
        "bellum-demo.db"
    ),
) -> None:
    """Build a knowledge base from the bundled example articles and show each battle."""
    from bellum.cli_kb import render_battle
    from bellum.store import query
    from bellum.store.ingest import ingest
    from bellum.store.sqlite import connect

    summary = ingest([str(examples_dir())], db, progress=False)
    console = Console()
    console.print(f"[bold]{db}[/bold]: {summary.line()}")
    conn = connect(db, create=False)
    try:
        for row in query.battles(conn):
            page = query.battle(conn, row["id"])
            if page is not None:
                console.print(render_battle(page))
    finally:
        conn.close()
    console.print(
        "\nNext: [bold]bellum show[/bold] TITLE, [bold]bellum search[/bold] TEXT, "
        "[bold]bellum person[/bold] 'Oumar Ould Hamaha', [bold]bellum export --format ged[/bold] "
        f"(each with --db {db}); or open {db} in Datasette.",
        highlight=False,
    )


def main() -> None:
    """Entry point for `python -m bellum`."""
    app()
