"""The knowledge-base commands: ingest, show, search, actor, person, conflict, export, why-same.

Registered on the main app by `bellum.cli_kb.register(app)`; each command is a thin layer
over bellum.store (ingest, query, export) and renders with rich. `--json` prints the same
data the Python API returns, for scripts.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

DB_HELP = "The knowledge base (SQLite file)."
DbOption = Annotated[Path, typer.Option("--db", help=DB_HELP)]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]

err = Console(stderr=True, highlight=False, soft_wrap=True)


@contextmanager
def _open(db: Path) -> Iterator[sqlite3.Connection]:
    from bellum.store.sqlite import StoreError, connect

    try:
        conn = connect(db, create=False)
    except StoreError as exc:
        err.print(f"bellum: {exc}", markup=False)
        raise typer.Exit(2) from None
    try:
        yield conn
    finally:
        conn.close()


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _range(low: int | None, high: int | None, bound: str | None = None) -> str:
    """`500..1000`, `117+`, `≤8000`, `3`."""
    if low is None and high is None:
        return "?"
    if bound == "at_least" or (high is None and low is not None):
        return f"{low:,}+"
    if bound == "at_most" or low is None:
        return f"≤{high:,}" if high is not None else "?"
    return f"{low:,}" if high == low or high is None else f"{low:,}–{high:,}"


def figures_text(figures: list[dict[str, Any]]) -> str:
    """`killed 1, wounded 4` (unit named unless personnel, ~ for approximate)."""
    parts = []
    for f in figures:
        unit = "" if f["unit"] == "personnel" else f" {f['unit']}"
        approx = "~" if f.get("approximate") else ""
        subject = f" ({f['subject']})" if f.get("subject") else ""
        rng = _range(f["low"], f["high"], f.get("bound"))
        parts.append(f"{f['category']}{unit} {approx}{rng}{subject}")
    return ", ".join(parts) or "—"


def _side_label(side: int | None, sides: dict[int, str]) -> str:
    if side is None:
        return "—"
    return f"{side}: {sides.get(side, '?')}"


def render_battle(page: dict[str, Any]) -> Group:
    """The `bellum show` page: header, infobox, sides, claims, reconciled views, flags, events."""
    parts: list[Any] = []
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    date = page["date"] or {}
    if date:
        when = date.get("start") or "?"
        if date.get("end") and date["end"] != date.get("start"):
            when += f" – {date['end']}"
        extra = [x for x in (date.get("precision"), date.get("calendar")) if x]
        if date.get("date_prec"):
            extra.append(f"date_prec {date['date_prec']}")
        head.add_row(
            "date",
            Text(f"{when}  ({', '.join(extra)})  ") + Text(date.get("text") or "", style="dim"),
        )
    place = page["place"] or {}
    if place:
        where = place.get("text") or place.get("name") or ""
        if place.get("lat") is not None:
            where += f"  ({place['lat']:.3f}, {place['lon']:.3f})"
        if place.get("where_prec"):
            where += f"  where_prec {place['where_prec']}"
        if place.get("country"):
            where += f"  {place['country']}"
        head.add_row("place", Text(where))
    result = page["result"] or {}
    if result:
        victors = ", ".join(str(v) for v in result.get("victor_sides") or [])
        head.add_row(
            "result",
            Text(f"{result.get('outcome') or '?'}" + (f" (side {victors})" if victors else ""))
            + Text(f"  {result.get('text') or ''}", style="dim"),
        )
    if page["conflicts"]:
        head.add_row("part of", Text(" / ".join(c["name"] for c in page["conflicts"])))
    head.add_row("kind", page["kind"])
    head.add_row("source", Text(str(page.get("source") or "")))
    parts.append(Panel(head, title=f"[bold]{page['title']}[/]", subtitle=page["id"]))

    if page.get("infobox"):
        box = Table(title="Infobox", show_header=False, title_justify="left", box=None)
        box.add_column(style="cyan")
        box.add_column()
        for f in page["infobox"]:
            box.add_row(f["key"], Text(f["text"]))
        parts.append(box)

    side_names = {s["index"]: ", ".join(a["name"] for a in s["belligerents"]) or "?" for s in page["sides"]}
    if page["sides"]:
        sides = Table(title="Sides", title_justify="left", show_lines=True)
        sides.add_column("")
        for s in page["sides"]:
            mark = " ★" if s["victor"] else ""
            sides.add_column(f"Side {s['index']}{mark}")
        row_bel = [Text("\n".join(_actor_line(a) for a in s["belligerents"])) for s in page["sides"]]
        row_com = [
            Text("\n".join(c["name"] + (f" ({c['fate']})" if c["fate"] else "") for c in s["commanders"]))
            for s in page["sides"]
        ]
        row_units = [Text("\n".join(s["units"])) for s in page["sides"]]
        sides.add_row("belligerents", *row_bel)
        sides.add_row("commanders", *row_com)
        if any(s["units"] for s in page["sides"]):
            sides.add_row("units", *row_units)
        parts.append(sides)

    infobox_claims = [c for s in page["sides"] for c in s["claims"]] + page["other_claims"]
    for title, group in (
        ("Infobox claims (who says what)", infobox_claims),
        ("Prose claims", page["prose_claims"]),
    ):
        if not group:
            continue
        claims = Table(title=title, title_justify="left")
        for col in ("#", "side", "kind", "figures", "according to", "text"):
            claims.add_column(col)
        for c in group:
            kind = c["origin"] if c["scope"] in (None, "side") else f"{c['origin']} ({c['scope']})"
            claims.add_row(
                c["id"].rsplit("#", 1)[-1],
                _side_label(c["side_idx"], side_names),
                kind,
                figures_text(c["figures"]),
                Text(c["source"] or "—", style="bold" if c["source"] else "dim"),
                Text(c["text"], style="dim"),
            )
        parts.append(claims)

    if page["views"]:
        views = Table(title="Reconciled (low / best / high)", title_justify="left")
        for col in ("side", "scope", "category", "low", "best", "high", "rule", "from claims"):
            views.add_column(col)
        for v in page["views"]:
            cat = v["category"] + ("" if v["unit"] == "personnel" else f" {v['unit']}")
            views.add_row(
                _side_label(v["side_idx"], side_names),
                v["scope"],
                cat,
                _num(v["low"]),
                Text(_num(v["best"]), style="bold"),
                _num(v["high"]),
                v["rule"],
                ", ".join("#" + c.rsplit("#", 1)[-1] for c in v["claim_ids"]),
            )
        parts.append(views)

    if page["flags"]:
        flags = Table(title="Flags", title_justify="left")
        for col in ("kind", "field", "text", "message"):
            flags.add_column(col)
        for f in page["flags"]:
            flags.add_row(f["kind"], f["field"], Text(f["text"]), Text(f["message"] or ""))
        parts.append(flags)
    if page["events"]:
        events = Table(title="Events", title_justify="left")
        for col in ("date", "as written", "event"):
            events.add_column(col)
        for e in page["events"]:
            events.add_row(e["date"] or "?", Text(e["date_text"] or ""), Text(e["text"]))
        parts.append(events)
    return Group(*parts)


def _num(n: int | None) -> str:
    return "—" if n is None else f"{n:,}"


def _actor_line(a: dict[str, Any]) -> str:
    line = str(a["name"])
    if a["actor"] != a["name"]:
        line += f" (= {a['actor']})"
    return line + f" [{a['id']}]"


# --------------------------------------------------------------------------- commands


def ingest_cmd(
    paths: Annotated[list[str], typer.Argument(help="Article files or directories (recursive).")],
    db: DbOption = Path("bellum.db"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    fields_only: Annotated[
        bool, typer.Option("--fields-only", help="Read the infobox only; skip the prose.")
    ] = False,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction.")] = 500,
    workers: Annotated[
        int | None,
        typer.Option(help="Extraction processes (default: the usable CPUs, at most 8; 1: none)."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Re-extract unchanged articles too (readers improved).")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Extract articles into the knowledge base: idempotent, incremental, kill-safe.

    Unchanged articles are skipped (content hash); a changed one replaces its rows in one
    transaction. Bad inputs get one line each on stderr; exit status 2 when any failed.
    """
    from bellum.store.ingest import ingest
    from bellum.store.sqlite import StoreError

    try:
        summary = ingest(
            paths,
            db,
            progress=not quiet,
            prose=not fields_only,
            batch_size=batch_size,
            workers=workers,
            on_error=lambda line: err.print(line, markup=False),
            force=force,
        )
    except StoreError as exc:
        err.print(f"bellum: {exc}", markup=False)
        raise typer.Exit(2) from None
    if as_json:
        _print_json(summary.to_json())
    else:
        err.print(f"{db}: {summary.line()}", markup=False)
        rows = ", ".join(f"{k} {v:,}" for k, v in summary.rows.items() if v)
        err.print(f"rows: {rows}", markup=False)
    if summary.failed:
        raise typer.Exit(2)


def show_cmd(
    title: Annotated[str, typer.Argument(help="A battle title; a prefix or near spelling works.")],
    db: DbOption = Path("bellum.db"),
    as_json: JsonOption = False,
) -> None:
    """One battle: infobox, sides and commanders, claims with sources, reconciled views."""
    from bellum.store import query

    with _open(db) as conn:
        bid = query.find_battle(conn, title)
        if bid is None:
            hint = query.suggest_battles(conn, title)
            err.print(f"bellum: no battle matches {title!r}", markup=False)
            if hint:
                err.print("did you mean: " + "; ".join(hint), markup=False)
            raise typer.Exit(1)
        page = query.battle(conn, bid)
    if as_json:
        _print_json(page)
    elif page is not None:
        Console().print(render_battle(page))


def search_cmd(
    text: Annotated[str, typer.Argument(help="Words to find in titles, names and prose.")],
    db: DbOption = Path("bellum.db"),
    limit: Annotated[int, typer.Option(help="At most this many hits.")] = 20,
    as_json: JsonOption = False,
) -> None:
    """Full-text search (SQLite FTS5); the last word matches as a prefix."""
    from bellum.store import query

    with _open(db) as conn:
        hits = query.search(conn, text, limit=limit)
    if as_json:
        _print_json(hits)
        return
    if not hits:
        err.print(f"no match for {text!r}", markup=False)
        raise typer.Exit(1)
    table = Table(title=f"{len(hits)} hits for {text!r}", title_justify="left")
    table.add_column("battle")
    table.add_column("id", style="dim")
    table.add_column("match")
    for h in hits:
        table.add_row(Text(h["title"]), h["battle_id"], Text(h["snippet"] or ""))
    Console().print(table)


def _entity_battles(
    kind: str,
    data: dict[str, Any] | None,
    name: str,
    as_json: bool,
    columns: tuple[str, ...],
    row: Callable[[dict[str, Any]], tuple[str | Text, ...]],
) -> None:
    """The page of an actor or a person: its names, then one row per battle."""
    if data is None:
        err.print(f"bellum: no {kind} matches {name!r}", markup=False)
        raise typer.Exit(1)
    if as_json:
        _print_json(data)
        return
    table = Table(
        title=Text(f"{data['name']} [{data['id']}] — also: {', '.join(data['aliases'])}"),
        title_justify="left",
    )
    for col in columns:
        table.add_column(col)
    for b in data["battles"]:
        table.add_row(*row(b))
    Console().print(table)


def actor_cmd(
    name: Annotated[str, typer.Argument(help="Any spelling or acronym: MOJWA, MUJAO.")],
    db: DbOption = Path("bellum.db"),
    as_json: JsonOption = False,
) -> None:
    """An actor's battles across all its names, with its side and whether it won."""
    from bellum.store import query

    with _open(db) as conn:
        data = query.actor(conn, name)
    _entity_battles(
        "actor", data, name, as_json, ("date", "battle", "side", "as written", "outcome"),
        lambda b: (b["date_start"] or "?", Text(b["title"]), str(b["side"]), Text(b["as_written"]),
                   "won" if b["victor"] else (b["outcome"] or "")),
    )  # fmt: skip


def person_cmd(
    name: Annotated[str, typer.Argument(help="Any spelling: Omar or Oumar Ould Hamaha.")],
    db: DbOption = Path("bellum.db"),
    as_json: JsonOption = False,
) -> None:
    """A commander's battles across spellings: side, allies, fate."""
    from bellum.store import query

    with _open(db) as conn:
        data = query.person(conn, name)
    _entity_battles(
        "person", data, name, as_json, ("date", "battle", "side", "with", "as written", "fate"),
        lambda b: (b["date_start"] or "?", Text(b["title"]), str(b["side"]),
                   Text(", ".join(b["allies"])), Text(b["as_written"]), b["fate"] or ""),
    )  # fmt: skip


def conflict_cmd(
    name: Annotated[str, typer.Argument(help="A conflict (or a battle in it).")],
    db: DbOption = Path("bellum.db"),
    as_json: JsonOption = False,
) -> None:
    """The part-of tree: the conflict's ancestors, sub-conflicts and battles."""
    from bellum.store import query

    with _open(db) as conn:
        data = query.conflict(conn, name)
    if data is None:
        err.print(f"bellum: no conflict matches {name!r}", markup=False)
        raise typer.Exit(1)
    if as_json:
        _print_json(data)
        return
    label = Text(" › ".join(a["name"] for a in data["ancestors"]) + (" › " if data["ancestors"] else ""))
    root = Tree(label + Text(data["name"], style="bold"))

    def grow(node: Tree, sub: dict[str, Any]) -> None:
        for b in sub["battles"]:
            node.add(Text(f"{b['date_start'] or '?'}  {b['title']}"))
        for child in sub["children"]:
            grow(node.add(Text(child["name"], style="bold")), child)

    grow(root, data["tree"])
    Console().print(root)


def export_cmd(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="jsonl | csv | geojson | parquet | ged")
    ] = "jsonl",
    db: DbOption = Path("bellum.db"),
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Output file (default stdout).")
    ] = None,
) -> None:
    """Export battles: JSON lines (the extraction schema with KB ids), CSV, GeoJSON, Parquet,
    or UCDP GED columns."""
    from bellum.store.export import ExportError, export

    with _open(db) as conn:
        try:
            if fmt == "parquet" or output is None:
                n = export(conn, fmt, None if fmt == "parquet" else sys.stdout, output)
            else:
                with output.open("w", encoding="utf-8", newline="") as fh:
                    n = export(conn, fmt, fh, output)
        except ExportError as exc:
            err.print(f"bellum: {exc}", markup=False)
            raise typer.Exit(2) from None
    if output is not None:
        err.print(f"{output}: {n} battles", markup=False)


def why_same_cmd(
    a: Annotated[str, typer.Argument(help="One name: MOJWA.")],
    b: Annotated[str, typer.Argument(help="Another name: MUJAO.")],
    db: DbOption = Path("bellum.db"),
    kind: Annotated[
        str | None, typer.Option(help="actor | person | place | conflict (default: any).")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Explain why two names are the same entity (exit 1 when they are not)."""
    from bellum.store import query

    with _open(db) as conn:
        data = query.why_same(conn, a, b, kind)
    if data is None:
        err.print(f"{a!r} and {b!r} are different entities", markup=False)
        raise typer.Exit(1)
    if as_json:
        _print_json(data)
        return
    out = Console()
    out.print(Text(f"{a} [{data['id_a']}] = {b} [{data['id_b']}]", style="bold"))
    for i, step in enumerate(data["steps"], 1):
        out.print(Text(f"  {i}. {step}"))
    for s in data["stored"]:
        out.print(Text(f"  in the KB: {s['kind']} {s['name']!r} -> {s['id']}", style="dim"))


def register(app: typer.Typer) -> None:
    """Add the knowledge-base commands to the `bellum` app."""
    app.command("ingest")(ingest_cmd)
    app.command("show")(show_cmd)
    app.command("search")(search_cmd)
    app.command("actor")(actor_cmd)
    app.command("person")(person_cmd)
    app.command("conflict")(conflict_cmd)
    app.command("export")(export_cmd)
    app.command("why-same")(why_same_cmd)
