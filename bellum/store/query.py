"""Read the knowledge base: find a battle by (fuzzy) title, a battle's page, FTS search,
actors, persons, the conflict tree, and why two names are one entity.

Every function takes an open connection and returns plain JSON-able dicts, so the CLI, the
Python API (bellum.kb) and a future REST layer render the same data.
"""

from __future__ import annotations

import difflib
import json
import re
import sqlite3
from typing import Any

from bellum.ids import slug
from bellum.resolve.aliases import default_table, fold

_FTS_TOKEN = re.compile(r"\w+", re.UNICODE)
"""Words of a search query; everything else (quotes, operators) is dropped, not interpreted."""


def _dicts(cur: sqlite3.Cursor) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


# --------------------------------------------------------------------------- finding


def find_battle(conn: sqlite3.Connection, title: str) -> str | None:
    """The id of the battle best matching `title`: exact (any case), id, prefix, words, fuzzy.

    `Battle of In-Delimane` finds `Battle of In-Delimane (2012)` by prefix; `battle of in
    khalil` by case; `Batle of Gao` by fuzzy match.
    """
    t = title.strip()
    if not t:
        return None
    row = conn.execute("SELECT id FROM battles WHERE title = ? COLLATE NOCASE", (t,)).fetchone()
    if row is None:
        row = conn.execute("SELECT id FROM battles WHERE id = ?", (slug(t),)).fetchone()
    if row is None:
        row = conn.execute(
            "SELECT id FROM battles WHERE title LIKE ? ESCAPE '\\' ORDER BY length(title), title LIMIT 1",
            (_like_prefix(t),),
        ).fetchone()
    if row is None:
        row = conn.execute(
            "SELECT id FROM battles WHERE id LIKE ? ESCAPE '\\' ORDER BY length(id), id LIMIT 1",
            (_like_prefix(slug(t)),),
        ).fetchone()
    if row is not None:
        return str(row[0])
    hits = search(conn, t, limit=1, fields=("title",))
    if hits:
        return str(hits[0]["battle_id"])
    titles = {fold(r[1]): r[0] for r in conn.execute("SELECT id, title FROM battles")}
    close = difflib.get_close_matches(fold(t), list(titles), n=1, cutoff=0.8)
    return titles[close[0]] if close else None


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def suggest_battles(conn: sqlite3.Connection, title: str, n: int = 5) -> list[str]:
    """Titles close to `title`, for a 'did you mean' line."""
    titles = {fold(r[0]): r[0] for r in conn.execute("SELECT title FROM battles")}
    return [titles[k] for k in difflib.get_close_matches(fold(title), list(titles), n=n)]


def find_entity(conn: sqlite3.Connection, kind: str, name: str) -> str | None:
    """The entity id a name denotes: an alias as written, folded, the id itself, a prefix,
    then a fuzzy match over every alias of that kind (`Oumar Ould Hamaha` -> `omar-ould-hamaha`)."""
    n = name.strip()
    if not n:
        return None
    row = (
        conn.execute("SELECT entity_id FROM aliases WHERE kind=? AND name=?", (kind, n)).fetchone()
        or conn.execute(
            "SELECT entity_id FROM aliases WHERE kind=? AND folded=? ORDER BY entity_id LIMIT 1",
            (kind, fold(n)),
        ).fetchone()
    )
    canonical = default_table().canonical(n)
    if row is None and canonical != n:  # a name the alias table knows but no article wrote
        row = conn.execute(
            "SELECT entity_id FROM aliases WHERE kind=? AND folded=? ORDER BY entity_id LIMIT 1",
            (kind, fold(canonical)),
        ).fetchone()
    for key in (slug(n), slug(canonical)):
        if row is None:
            row = conn.execute(
                "SELECT entity_id FROM aliases WHERE kind=? AND entity_id=? LIMIT 1", (kind, key)
            ).fetchone()
    if row is None:
        row = conn.execute(
            "SELECT entity_id FROM aliases WHERE kind=? AND folded LIKE ? ESCAPE '\\' "
            "ORDER BY length(folded), folded LIMIT 1",
            (kind, _like_prefix(fold(n))),
        ).fetchone()
    if row is not None:
        return str(row[0])
    folded = {r[0]: r[1] for r in conn.execute("SELECT folded, entity_id FROM aliases WHERE kind=?", (kind,))}
    close = difflib.get_close_matches(fold(n), list(folded), n=1, cutoff=0.75)
    return folded[close[0]] if close else None


# --------------------------------------------------------------------------- a battle


def _figures(conn: sqlite3.Connection, battle_id: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for f in _dicts(
        conn.execute(
            "SELECT claim_id, category, unit, low, high, approximate, bound, subject, text "
            "FROM figures WHERE battle_id=? ORDER BY claim_id, pos",
            (battle_id,),
        )
    ):
        cid = f.pop("claim_id")
        f["approximate"] = bool(f["approximate"])
        out.setdefault(cid, []).append(f)
    return out


def battle(conn: sqlite3.Connection, battle_id: str) -> dict[str, Any] | None:
    """Everything the KB holds about one battle, sides with their claims and views.

    Shape: {id, title, kind, date, place, result, conflicts, sides: [{index, victor,
    belligerents: [{name, id, actor}], commanders: [{name, id, person, fate}], units,
    claims, views}], other_claims, prose_claims, views, flags, events, infobox, source}.
    """
    b = conn.execute("SELECT * FROM battles WHERE id=?", (battle_id,)).fetchone()
    if b is None:
        return None
    art = conn.execute(
        "SELECT source, format, record, ingested_at FROM articles WHERE id=?", (battle_id,)
    ).fetchone()
    record = json.loads(art["record"]) if art else {}
    figs = _figures(conn, battle_id)
    claims = _dicts(
        conn.execute(
            "SELECT id, origin, side_idx, scope, source, source_actor_id, speaker, date, "
            "section, text FROM claims WHERE battle_id=? ORDER BY rowid",
            (battle_id,),
        )
    )
    for c in claims:
        c["figures"] = figs.get(c["id"], [])
    views = _dicts(
        conn.execute(
            "SELECT id, side_idx, scope, category, unit, low, best, high, rule, claim_ids "
            "FROM views WHERE battle_id=? ORDER BY rowid",
            (battle_id,),
        )
    )
    for v in views:
        v["claim_ids"] = json.loads(v["claim_ids"])
    sides = []
    for s in conn.execute(
        "SELECT idx, victor FROM sides WHERE battle_id=? ORDER BY idx", (battle_id,)
    ).fetchall():
        idx = s["idx"]
        sides.append(
            {
                "index": idx,
                "victor": bool(s["victor"]),
                "belligerents": _dicts(
                    conn.execute(
                        "SELECT s.name, s.actor_id AS id, a.name AS actor, s.aliases "
                        "FROM side_actors s JOIN actors a ON a.id=s.actor_id "
                        "WHERE s.battle_id=? AND s.side_idx=? ORDER BY s.pos",
                        (battle_id, idx),
                    )
                ),
                "commanders": _dicts(
                    conn.execute(
                        "SELECT c.name, c.person_id AS id, p.name AS person, c.fate "
                        "FROM side_commanders c JOIN persons p ON p.id=c.person_id "
                        "WHERE c.battle_id=? AND c.side_idx=? ORDER BY c.pos",
                        (battle_id, idx),
                    )
                ),
                "units": [
                    r[0]
                    for r in conn.execute(
                        "SELECT name FROM side_units WHERE battle_id=? AND side_idx=? ORDER BY pos",
                        (battle_id, idx),
                    )
                ],
                "claims": [c for c in claims if c["side_idx"] == idx and c["origin"] != "prose"],
                "views": [v for v in views if v["side_idx"] == idx],
            }
        )
        for a in sides[-1]["belligerents"]:
            a["aliases"] = json.loads(a["aliases"])
    conflicts = _dicts(
        conn.execute(
            "SELECT bc.conflict_id AS id, c.name, bc.name AS as_written FROM battle_conflicts bc "
            "JOIN conflicts c ON c.id=bc.conflict_id WHERE bc.battle_id=? ORDER BY bc.pos",
            (battle_id,),
        )
    )
    return {
        "id": b["id"],
        "title": b["title"],
        "kind": b["kind"],
        "source": art["source"] if art else None,
        "ingested_at": art["ingested_at"] if art else None,
        "date": {
            "text": b["date_text"],
            "start": b["date_start"],
            "end": b["date_end"],
            "precision": b["date_precision"],
            "date_prec": b["date_prec"],
            "approximate": bool(b["date_approximate"]),
            "calendar": b["calendar"],
        }
        if b["date_text"] is not None or b["date_start"] is not None
        else None,
        "place": {
            "text": b["place_text"],
            "name": b["place_name"],
            "id": b["place_id"],
            "relation": b["place_relation"],
            "country": b["country"],
            "lat": b["latitude"],
            "lon": b["longitude"],
            "where_prec": b["where_prec"],
        }
        if b["place_text"] is not None or b["latitude"] is not None
        else None,
        "result": {
            "text": b["result_text"],
            "outcome": b["outcome"],
            "victor_sides": json.loads(b["victor_sides"] or "[]"),
        }
        if b["result_text"] is not None
        else None,
        "conflicts": conflicts,
        "sides": sides,
        "other_claims": [c for c in claims if c["origin"] == "other_losses"],
        "prose_claims": [c for c in claims if c["origin"] == "prose"],
        "views": views,
        "flags": _dicts(
            conn.execute(
                "SELECT kind, field, text, message FROM flags WHERE battle_id=? ORDER BY pos",
                (battle_id,),
            )
        ),
        "events": [
            {**e, "actors": json.loads(e["actors"] or "[]")}
            for e in _dicts(
                conn.execute(
                    "SELECT date, date_text, text, section, actors FROM events WHERE battle_id=? "
                    "ORDER BY pos",
                    (battle_id,),
                )
            )
        ],
        "infobox": record.get("infobox", []),
    }


def battles(
    conn: sqlite3.Connection,
    *,
    conflict: str | None = None,
    actor: str | None = None,
    person: str | None = None,
    country: str | None = None,
    kind: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Battle summaries (id, title, kind, date_start, date_end, country, outcome), filtered.

    `conflict` includes the conflict's sub-conflicts; `actor` and `person` match any alias;
    `since`/`until` compare ISO dates as text (`since="2012"`). Unknown names match nothing.
    """
    where: list[str] = []
    args: list[Any] = []
    if conflict is not None:
        cid = find_entity(conn, "conflict", conflict)
        ids = sorted(_subtree_ids(conn, cid)) if cid else []
        where.append(
            f"b.id IN (SELECT battle_id FROM battle_conflicts WHERE conflict_id IN "
            f"({','.join('?' * len(ids)) or 'NULL'}))"
        )
        args += ids
    if actor is not None:
        where.append("b.id IN (SELECT battle_id FROM side_actors WHERE actor_id=?)")
        args.append(find_entity(conn, "actor", actor))
    if person is not None:
        where.append("b.id IN (SELECT battle_id FROM side_commanders WHERE person_id=?)")
        args.append(find_entity(conn, "person", person))
    if country is not None:
        where.append("b.country = ?")
        args.append(country.upper())
    if kind is not None:
        where.append("b.kind = ?")
        args.append(kind)
    if since is not None:
        where.append("coalesce(b.date_end, b.date_start) >= ?")
        args.append(since)
    if until is not None:
        where.append("b.date_start <= ?")
        args.append(until)
    sql = (
        "SELECT b.id, b.title, b.kind, b.date_start, b.date_end, b.place_text, b.country, "
        "b.latitude, b.longitude, b.outcome FROM battles b"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY b.date_start IS NULL, b.date_start, b.title"
    )
    if limit is not None:
        sql += " LIMIT ?"
        args.append(int(limit))
    return _dicts(conn.execute(sql, args))


# --------------------------------------------------------------------------- search


def fts_query(text: str, *, fields: tuple[str, ...] = ()) -> str | None:
    """A safe FTS5 query: every word quoted, the last one as a prefix (`gao bat` ->
    `"gao" "bat"*`); None when the text has no word. `fields` limits the columns searched."""
    words = _FTS_TOKEN.findall(text)
    if not words:
        return None
    q = " ".join(f'"{w}"' for w in words) + "*"
    if fields:
        q = "{" + " ".join(fields) + "}: (" + q + ")"
    return q


RANKED_MATCHES = 1000
"""A query matching more battles is ranked among its first 1,000 matches (ingest order):
bm25 costs about a microsecond per match, and a word in every title (`battle`) would
otherwise take 25 ms on a 25,000-battle KB."""


def search(
    conn: sqlite3.Connection, text: str, *, limit: int = 20, fields: tuple[str, ...] = ()
) -> list[dict[str, Any]]:
    """Full-text search over titles, names and prose: [{battle_id, title, snippet, rank}],
    best first (bm25; a title match weighs 10, a name 5, prose 1)."""
    q = fts_query(text, fields=fields)
    if q is None:
        return []
    try:
        first = conn.execute(
            "SELECT rowid FROM search WHERE search MATCH ? ORDER BY rowid LIMIT 1 OFFSET ?",
            (q, RANKED_MATCHES - 1),
        ).fetchone()
        bound = first[0] if first is not None else None
        return _dicts(
            conn.execute(
                "SELECT battle_id, title, snippet(search, -1, '[', ']', '…', 12) AS snippet, "
                "bm25(search, 10.0, 5.0, 1.0) AS rank FROM search WHERE search MATCH ? "
                "AND rowid <= coalesce(?, rowid) ORDER BY rank LIMIT ?",
                (q, bound, limit),
            )
        )
    except sqlite3.OperationalError:
        return []


# --------------------------------------------------------------------------- entities


def actor(conn: sqlite3.Connection, name: str) -> dict[str, Any] | None:
    """An actor across spellings: {id, name, aliases, battles: [{battle_id, title, date_start,
    side, as_written, victor, outcome}]}; None when no alias matches."""
    aid = find_entity(conn, "actor", name)
    if aid is None:
        return None
    row = conn.execute("SELECT id, name FROM actors WHERE id=?", (aid,)).fetchone()
    if row is None:
        return None
    return {
        "id": row["id"],
        "name": row["name"],
        "aliases": [
            r[0]
            for r in conn.execute(
                "SELECT name FROM aliases WHERE kind='actor' AND entity_id=? ORDER BY name", (aid,)
            )
        ],
        "battles": [
            {**r, "victor": bool(r["victor"])}
            for r in _dicts(
                conn.execute(
                    "SELECT s.battle_id, b.title, b.date_start, s.side_idx AS side, "
                    "s.name AS as_written, sd.victor, b.outcome FROM side_actors s "
                    "JOIN battles b ON b.id=s.battle_id "
                    "JOIN sides sd ON sd.battle_id=s.battle_id AND sd.idx=s.side_idx "
                    "WHERE s.actor_id=? ORDER BY b.date_start IS NULL, b.date_start, b.title",
                    (aid,),
                )
            )
        ],
    }


def person(conn: sqlite3.Connection, name: str) -> dict[str, Any] | None:
    """A commander across spellings: {id, name, aliases, battles: [{battle_id, title,
    date_start, side, as_written, fate, allies}]}; None when no alias matches."""
    pid = find_entity(conn, "person", name)
    if pid is None:
        return None
    row = conn.execute("SELECT id, name FROM persons WHERE id=?", (pid,)).fetchone()
    if row is None:
        return None
    rows = _dicts(
        conn.execute(
            "SELECT c.battle_id, b.title, b.date_start, c.side_idx AS side, c.name AS as_written, "
            "c.fate FROM side_commanders c JOIN battles b ON b.id=c.battle_id "
            "WHERE c.person_id=? ORDER BY b.date_start IS NULL, b.date_start, b.title",
            (pid,),
        )
    )
    for r in rows:
        r["allies"] = [
            x[0]
            for x in conn.execute(
                "SELECT a.name FROM side_actors s JOIN actors a ON a.id=s.actor_id "
                "WHERE s.battle_id=? AND s.side_idx=? ORDER BY s.pos",
                (r["battle_id"], r["side"]),
            )
        ]
    return {
        "id": row["id"],
        "name": row["name"],
        "aliases": [
            r[0]
            for r in conn.execute(
                "SELECT name FROM aliases WHERE kind='person' AND entity_id=? ORDER BY name", (pid,)
            )
        ],
        "battles": rows,
    }


def _subtree_ids(conn: sqlite3.Connection, root: str) -> set[str]:
    """`root` and every conflict below it (cycle-safe)."""
    children: dict[str, list[str]] = {}
    for cid, parent in conn.execute("SELECT id, parent_id FROM conflicts"):
        if parent:
            children.setdefault(parent, []).append(cid)
    seen: set[str] = set()
    todo = [root]
    while todo:
        c = todo.pop()
        if c in seen:
            continue
        seen.add(c)
        todo += children.get(c, [])
    return seen


def conflict(conn: sqlite3.Connection, name: str) -> dict[str, Any] | None:
    """The part-of tree around a conflict: {id, name, ancestors: [{id, name}], tree: {id,
    name, battle_id, battles: [{id, title, date_start}], children: [...]}}."""
    cid = find_entity(conn, "conflict", name)
    if cid is None:
        bid = find_battle(conn, name)
        if bid is not None:
            row = conn.execute(
                "SELECT conflict_id FROM battle_conflicts WHERE battle_id=? ORDER BY pos LIMIT 1",
                (bid,),
            ).fetchone()
            cid = row[0] if row else None
    if cid is None:
        return None
    nodes = {r["id"]: r for r in _dicts(conn.execute("SELECT id, name, parent_id, battle_id FROM conflicts"))}
    if cid not in nodes:
        return None
    children: dict[str, list[str]] = {}
    for n in sorted(nodes.values(), key=lambda n: n["name"]):
        if n["parent_id"]:
            children.setdefault(n["parent_id"], []).append(n["id"])
    in_conflict: dict[str, list[dict[str, Any]]] = {}
    for r in _dicts(
        conn.execute(
            "SELECT bc.conflict_id, b.id, b.title, b.date_start FROM battle_conflicts bc "
            "JOIN battles b ON b.id=bc.battle_id ORDER BY b.date_start IS NULL, b.date_start, b.title"
        )
    ):
        in_conflict.setdefault(r.pop("conflict_id"), []).append(r)

    ancestors = []
    seen = {cid}
    up = nodes[cid]["parent_id"]
    while up and up in nodes and up not in seen:
        seen.add(up)
        ancestors.append({"id": up, "name": nodes[up]["name"]})
        up = nodes[up]["parent_id"]

    def tree(c: str, path: frozenset[str]) -> dict[str, Any]:
        node = nodes[c]
        return {
            "id": c,
            "name": node["name"],
            "battle_id": node["battle_id"],
            "battles": [
                b
                for b in in_conflict.get(c, [])
                if b["id"] != node["battle_id"]
                and b["id"] not in {nodes[k]["battle_id"] for k in children.get(c, [])}
            ],
            "children": [tree(k, path | {k}) for k in children.get(c, []) if k not in path],
        }

    return {
        "id": cid,
        "name": nodes[cid]["name"],
        "ancestors": list(reversed(ancestors)),
        "tree": tree(cid, frozenset({cid})),
    }


def why_same(conn: sqlite3.Connection, a: str, b: str, kind: str | None = None) -> dict[str, Any] | None:
    """Why the KB treats `a` and `b` as one entity: the resolver's steps plus the stored
    aliases of the id; None when they are different entities.

    Uses bellum.resolve.entities.Resolver.why_same on the resolver state the last ingest
    stored (names, links with their reasons, acronyms defined in the articles).
    """
    from bellum.store.ingest import stored_resolver

    expl = stored_resolver(conn).why_same(a, b, kind=kind)
    if expl is None:
        return None
    steps = [str(s) for s in getattr(expl, "steps", ())]
    stored = []
    for k in (kind,) if kind else ("actor", "person", "place", "conflict"):
        for name in (a, b):
            eid = find_entity(conn, k, name)
            if eid is not None:
                stored.append({"kind": k, "name": name, "id": eid})
    kb_id = {s["name"]: s["id"] for s in reversed(stored)}  # the KB's id wins over a slug
    id_a = kb_id.get(a, getattr(expl, "id_a", None))
    id_b = kb_id.get(b, getattr(expl, "id_b", None))
    return {"a": a, "b": b, "id_a": id_a, "id_b": id_b, "steps": steps, "stored": stored}
