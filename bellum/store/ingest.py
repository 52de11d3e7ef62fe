"""`bellum ingest`: extraction records into the SQLite knowledge base, idempotent and kill-safe.

Each article is keyed by the slug of its title and a content hash: an unchanged article is
skipped before extraction, a changed one has its rows replaced. Articles are written in
batches of N, ONE transaction per batch (its delete of old rows, its inserts, its entity
rows and reconciled views together). Why that is kill-safe: SQLite in WAL mode commits a
transaction atomically, so after `kill -9` the file holds whole batches only; an article of
the lost batch has no `articles` row (hence no hash), so the next run ingests it again and
nothing is duplicated because every row is keyed by the article. The closing `settle` pass
(one transaction too) re-resolves every name with the acronyms of ALL stored articles, so
ids do not depend on ingest order, and runs again on the next ingest if it was killed.

Extraction is a pure function of one article: with `workers` > 1 it runs (with the building
of the article's rows) in a process pool while this process reads, hashes and writes; the
rows come back in input order and this process alone writes them, so the file does not
depend on the number of workers.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from bellum import __version__
from bellum.article import Article
from bellum.ids import slug
from bellum.resolve.aliases import default_table, fold
from bellum.store.sqlite import SCHEMA_VERSION, Checkpointer, connect, row_counts

if TYPE_CHECKING:
    from bellum.pipeline import InputError

EXTRACTOR_TAG = f"bellum {__version__} / store schema {SCHEMA_VERSION}"
"""Part of every content hash: a new bellum re-extracts articles stored by an older one."""

BATCH_SIZE = 500
"""Articles per transaction: big enough to amortize the commit, small enough to lose little."""

CONFLICT_KINDS = frozenset({"war", "conflict", "campaign"})
"""Article kinds that are also nodes of the part-of tree (their battles hang below them)."""


class Resolver(Protocol):
    """What the store needs of bellum.resolve.entities.Resolver."""

    def add_acronyms(self, text: str) -> Any:
        """Learn `Long Name (ACR)` definitions from a text."""

    def resolve(self, name: str, kind: str) -> str:
        """The stable id of `name` (`MOJWA`, "actor" -> `mujao`), remembering the name."""

    def id_of(self, name: str, kind: str) -> str | None:
        """The current id of a name already resolved, without adding it; None if unseen."""


ResolverFactory = Callable[[], Resolver]
Extractor = Callable[[Article], dict[str, Any]]


def default_resolver() -> Resolver:
    """A fresh bellum.resolve.entities.Resolver (imported late: it is a sibling module)."""
    from bellum.resolve.entities import Resolver as EntityResolver

    resolver: Resolver = EntityResolver()
    return resolver


class ProvisionalResolver:
    """Ingest-time ids: the alias table's canonical name, slugged (`MOJWA` -> `mujao`).

    The real resolution (acronyms from every stored article, same-name rules) runs once per
    distinct name in `settle`, which moves any id this one got wrong; until then every row
    still points at an existing entity, so a killed ingest leaves a consistent file.
    """

    def __init__(self) -> None:
        self._table = default_table()

    def add_acronyms(self, text: str) -> None:
        """Acronyms wait for `settle` (they are kept in `acronym_texts`)."""
        del text

    def resolve(self, name: str, kind: str) -> str:
        """`slug(canonical(name))`."""
        del kind
        return slug(self._table.canonical(name.strip(" ,;")))

    def id_of(self, name: str, kind: str) -> str | None:
        """Same as `resolve`: every name is known provisionally."""
        return self.resolve(name, kind)


def strip_article(name: str) -> str:
    """`the Malian Civil War` -> `Malian Civil War`: part-of and source names drop `the`."""
    s = name.strip()
    return s[4:].strip() if s[:4].lower() == "the " else s


@dataclass(slots=True)
class IngestSummary:
    """What one ingest did: articles new/changed/unchanged/duplicate/failed and rows after."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    duplicate: int = 0
    failed: int = 0
    seconds: float = 0.0
    rows: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def articles(self) -> int:
        """Every article met (duplicates and failures included)."""
        return self.new + self.changed + self.unchanged + self.duplicate + self.failed

    @property
    def rate(self) -> float:
        """Articles per second over the whole run."""
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    def to_json(self) -> dict[str, Any]:
        """`{"new": 2, "changed": 0, ..., "rows": {"battles": 2, ...}}`."""
        return {
            "new": self.new,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "duplicate": self.duplicate,
            "failed": self.failed,
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.rate, 1),
            "rows": dict(self.rows),
        }

    def line(self) -> str:
        """`65 articles: 65 new, 0 changed, 0 unchanged, 0 duplicate, 0 failed (812/s)`."""
        return (
            f"{self.articles} articles: {self.new} new, {self.changed} changed, "
            f"{self.unchanged} unchanged, {self.duplicate} duplicate, {self.failed} failed "
            f"({self.rate:,.0f}/s)"
        )


# --------------------------------------------------------------------------- hashing


def content_hash(article: Article, *, prose: bool = True) -> str:
    """sha256 of everything extraction reads (title, infobox, sections) plus EXTRACTOR_TAG."""
    h = hashlib.sha256()
    parts: list[str] = [EXTRACTOR_TAG, "prose" if prose else "fields", article.title]
    parts += [article.format, article.template or ""]
    if article.coordinates is not None:
        parts.append(f"{article.coordinates.lat},{article.coordinates.lon}")
    for f in article.infobox:
        parts += [f.key, f.text, "\x1f".join(f.items), "\x1f".join(f.sources)]
        parts += [f"{m.name}\x1f{m.marker}" for m in f.markers]
    if prose:
        for s in article.sections:
            parts += [s.heading, str(s.level), s.text]
    h.update("\x1e".join(parts).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def article_size(article: Article) -> int:
    """Characters of infobox values and prose: the tie-break between two same-title inputs."""
    return sum(len(f.text) for f in article.infobox) + sum(len(s.text) for s in article.sections)


def acronym_texts(article: Article, record: dict[str, Any]) -> list[str]:
    """Texts that may define an acronym (`Arab Movement of Azawad (MAA)`): infobox values and
    prose paragraphs with a parenthesis, and `Name (ALIAS)` for aliases the reader found."""
    texts = [f.text for f in article.infobox if "(" in f.text]
    for s in article.sections:
        texts += [p for p in s.text.split("\n") if "(" in p]
    for side in record.get("sides", []):
        for a in side.get("belligerents", []):
            texts += [f"{a['name']} ({al})" for al in a.get("aliases") or () if al != a["name"]]
    return texts


# --------------------------------------------------------------------------- rows


@dataclass(slots=True)
class Rows:
    """The rows one article adds, table -> tuples in column order (see INSERTS)."""

    tables: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)

    def add(self, table: str, row: tuple[Any, ...]) -> None:
        """Queue one row for `table`."""
        self.tables.setdefault(table, []).append(row)

    def extend(self, other: Rows) -> None:
        """Append another article's rows (a batch is the union of its articles)."""
        for t, rs in other.tables.items():
            self.tables.setdefault(t, []).extend(rs)

    def place(self, fts_rowid: int) -> None:
        """Give the article its row in `search` (rows built in a worker get it at write time,
        where the single writer numbers articles in input order)."""
        for table, col in (("articles", ARTICLE_ROWID_COL), ("search", 0)):
            self.tables[table] = [(*r[:col], fts_rowid, *r[col + 1 :]) for r in self.tables.get(table, ())]


INSERTS: dict[str, str] = {
    "articles": "INSERT INTO articles (id, title, source, format, template, content_hash, "
    "has_prose, size, record, fts_rowid, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
    "acronym_texts": "INSERT INTO acronym_texts (article_id, pos, text) VALUES (?,?,?)",
    "actors": "INSERT OR IGNORE INTO actors (id, name) VALUES (?,?)",
    "persons": "INSERT OR IGNORE INTO persons (id, name) VALUES (?,?)",
    "places": "INSERT OR IGNORE INTO places (id, name, country, lat, lon, where_prec) VALUES (?,?,?,?,?,?)",
    "conflicts": "INSERT OR IGNORE INTO conflicts (id, name) VALUES (?,?)",
    "aliases": "INSERT OR IGNORE INTO aliases (kind, name, folded, entity_id) VALUES (?,?,?,?)",
    "battles": "INSERT INTO battles (id, title, kind, date_text, date_start, date_end, "
    "date_precision, date_prec, date_approximate, calendar, place_text, place_name, place_id, "
    "place_relation, country, latitude, longitude, where_prec, result_text, outcome, "
    "victor_sides) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "battle_conflicts": "INSERT INTO battle_conflicts (battle_id, pos, name, conflict_id) VALUES (?,?,?,?)",
    "sides": "INSERT INTO sides (battle_id, idx, victor) VALUES (?,?,?)",
    "side_actors": "INSERT INTO side_actors (battle_id, side_idx, pos, name, aliases, actor_id) "
    "VALUES (?,?,?,?,?,?)",
    "side_commanders": "INSERT INTO side_commanders (battle_id, side_idx, pos, name, person_id, "
    "fate) VALUES (?,?,?,?,?,?)",
    "side_units": "INSERT INTO side_units (battle_id, side_idx, pos, name) VALUES (?,?,?,?)",
    "claims": "INSERT INTO claims (id, battle_id, origin, side_idx, scope, source, "
    "source_actor_id, speaker, date, section, text) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
    "figures": "INSERT INTO figures (claim_id, pos, battle_id, category, unit, low, high, "
    "approximate, bound, subject, text) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
    "views": "INSERT INTO views (id, battle_id, side_idx, scope, category, unit, low, best, high, "
    "rule, claim_ids) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
    "view_claims": "INSERT OR IGNORE INTO view_claims (view_id, claim_id) VALUES (?,?)",
    "events": "INSERT INTO events (battle_id, pos, date, date_text, text, section, actors) "
    "VALUES (?,?,?,?,?,?,?)",
    "flags": "INSERT INTO flags (battle_id, pos, kind, field, text, message) VALUES (?,?,?,?,?,?)",
    "search": "INSERT INTO search (rowid, battle_id, title, names, prose) VALUES (?,?,?,?,?)",
}
"""Insert order matters: entities before the rows that reference them."""

ARTICLE_ROWID_COL = 9
"""Position of `fts_rowid` in an `articles` row (see INSERTS)."""


_RECORD_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def _list_json(items: Sequence[Any]) -> str:
    """`[]` without the encoder for the common empty list; else compact JSON."""
    return _RECORD_JSON.encode(list(items)) if items else "[]"


ENTITY_KEYS = {"actors": 1, "persons": 1, "places": 1, "conflicts": 1, "aliases": 2}
"""Shared rows (INSERT OR IGNORE) and the width of their key: written once per run."""


def place_name(place: dict[str, Any]) -> str | None:
    """The name a place entity is resolved from: `Ansongo / Ménaka` for a between-place."""
    names = [n for n in place.get("names") or () if n]
    if names:
        return " / ".join(names)
    text = (place.get("text") or "").split(",")[0].strip()
    return text or None


class RowBuilder:
    """Turns one record into rows, resolving names through a memoized resolver."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self._memo: dict[tuple[str, str], str] = {}
        self._folds: dict[str, str] = {}
        self._actor_sides: dict[str, int] = {}

    def fold(self, name: str) -> str:
        """`fold`, memoized (names repeat across articles)."""
        got = self._folds.get(name)
        if got is None:
            got = self._folds[name] = fold(name)
        return got

    def resolve(self, name: str, kind: str) -> str:
        """`resolver.resolve`, memoized; falls back to the slug."""
        key = (kind, name)
        got = self._memo.get(key)
        if got is None:
            got = self.resolver.resolve(name, kind) or slug(name)
            self._memo[key] = got
        return got

    def lookup(self, name: str, kind: str) -> str | None:
        """The id of a name seen before (a claim's source as an actor), never adding it."""
        return self.resolver.id_of(name, kind)

    def _entity(self, rows: Rows, kind: str, name: str) -> str:
        eid = self.resolve(name, kind)
        rows.add("aliases", (kind, name, self.fold(name), eid))
        return eid

    def build(self, article: Article, record: dict[str, Any], *, fts_rowid: int, chash: str) -> Rows:
        """Every row of one article; pure apart from the resolver's memo."""
        rows = Rows()
        bid = record.get("id") or slug(record["title"])
        title = record["title"]
        rows.add(
            "articles",
            (
                bid,
                title,
                article.source,
                article.format,
                article.template,
                chash,
                int(bool(article.sections)),
                article_size(article),
                _RECORD_JSON.encode(record),
                fts_rowid,
                datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )
        for i, t in enumerate(acronym_texts(article, record)):
            rows.add("acronym_texts", (bid, i, t))

        names: list[str] = []
        place = record.get("place") or {}
        pname = place_name(place) if place else None
        place_id = None
        if pname:
            place_id = self._entity(rows, "place", pname)
            rows.add(
                "places",
                (
                    place_id,
                    pname,
                    place.get("country"),
                    place.get("lat"),
                    place.get("lon"),
                    place.get("where_prec"),
                ),
            )
            names.append(place.get("text") or pname)
        date = record.get("date") or {}
        result = record.get("result") or {}
        victors = [v for v in result.get("victor_sides") or () if isinstance(v, int)]
        rows.add(
            "battles",
            (
                bid,
                title,
                record.get("kind") or "other",
                date.get("text"),
                date.get("start"),
                date.get("end"),
                date.get("precision"),
                date.get("date_prec"),
                int(bool(date.get("approximate"))) if date else None,
                date.get("calendar"),
                place.get("text"),
                pname,
                place_id,
                place.get("relation"),
                place.get("country"),
                place.get("lat"),
                place.get("lon"),
                place.get("where_prec"),
                result.get("text"),
                result.get("outcome"),
                _list_json(victors),
            ),
        )
        seen_conflicts: set[str] = set()
        for pos, raw in enumerate(record.get("part_of") or ()):
            cname = strip_article(raw)
            if not cname:
                continue
            cid = self._entity(rows, "conflict", cname)
            if cid in seen_conflicts:
                continue
            seen_conflicts.add(cid)
            rows.add("conflicts", (cid, cname))
            rows.add("battle_conflicts", (bid, pos, cname, cid))
            names.append(cname)
        if record.get("kind") in CONFLICT_KINDS:
            cid = self._entity(rows, "conflict", title)
            rows.add("conflicts", (cid, title))

        side_actor_ids: dict[int, set[str]] = {}
        seen_sides: set[int] = set()
        for side in record.get("sides") or ():
            idx = int(side["index"])
            if idx in seen_sides:
                continue
            seen_sides.add(idx)
            rows.add("sides", (bid, idx, int(idx in victors)))
            ids = side_actor_ids.setdefault(idx, set())
            for pos, a in enumerate(side.get("belligerents") or ()):
                aid = self._entity(rows, "actor", a["name"])
                aliases = [al for al in a.get("aliases") or () if al and al != a["name"]]
                for al in aliases:
                    self._entity(rows, "actor", al)
                ids.add(aid)
                rows.add("actors", (aid, a["name"]))
                rows.add("side_actors", (bid, idx, pos, a["name"], _list_json(aliases), aid))
                names += [a["name"], *aliases]
            for pos, c in enumerate(side.get("commanders") or ()):
                pid = self._entity(rows, "person", c["name"])
                rows.add("persons", (pid, c["name"]))
                rows.add("side_commanders", (bid, idx, pos, c["name"], pid, c.get("fate")))
                names.append(c["name"])
            for pos, u in enumerate(side.get("units") or ()):
                rows.add("side_units", (bid, idx, pos, u))
                names.append(u)

        self._actor_sides = {}
        for idx in sorted(side_actor_ids, reverse=True):
            self._actor_sides.update(dict.fromkeys(side_actor_ids[idx], idx))
        n = 0
        for side in record.get("sides") or ():
            idx = int(side["index"])
            for origin in ("strength", "losses"):
                for c in side.get(origin) or ():
                    n += 1
                    self._claim(rows, bid, n, origin, idx, c.get("scope"), c)
        for c in record.get("other_losses") or ():
            n += 1
            self._claim(rows, bid, n, "other_losses", None, c.get("scope") or "overall", c)
        for c in record.get("claims") or ():
            n += 1
            side_idx = c.get("side")
            scope = c.get("scope") or ("side" if side_idx is not None else "overall")
            self._claim(rows, bid, n, "prose", side_idx, scope, c)

        vrows, links = view_rows(
            bid, rows.tables.get("claims", []), rows.tables.get("figures", []), self._actor_sides
        )
        for r in vrows:
            rows.add("views", r)
        for link in links:
            rows.add("view_claims", link)
        for pos, e in enumerate(record.get("events") or ()):
            rows.add(
                "events",
                (
                    bid,
                    pos,
                    e.get("date"),
                    e.get("date_text"),
                    e["text"],
                    e.get("section"),
                    _list_json(e.get("actors") or []),
                ),
            )
        for pos, f in enumerate(record.get("flags") or ()):
            rows.add("flags", (bid, pos, f["kind"], f["field"], f["text"], f.get("message")))
        rows.add("search", (fts_rowid, bid, title, " | ".join(dict.fromkeys(names)), article.prose))
        return rows

    def _claim(
        self,
        rows: Rows,
        bid: str,
        n: int,
        origin: str,
        side_idx: int | None,
        scope: str | None,
        c: dict[str, Any],
    ) -> None:
        cid = f"{bid}#{n}"
        source = c.get("source")
        src_actor = self.lookup(strip_article(source), "actor") if source else None
        if src_actor not in self._actor_sides:  # only a belligerent of this battle has a side
            src_actor = None
        rows.add(
            "claims",
            (
                cid,
                bid,
                origin,
                side_idx,
                scope,
                source,
                src_actor,
                c.get("speaker"),
                c.get("date"),
                c.get("section"),
                c.get("text") or "",
            ),
        )
        for pos, f in enumerate(c.get("figures") or ()):
            rows.add(
                "figures",
                (
                    cid,
                    pos,
                    bid,
                    f["category"],
                    f["unit"],
                    f.get("low"),
                    f.get("high"),
                    int(bool(f.get("approximate"))),
                    f.get("bound"),
                    f.get("subject"),
                    f.get("text"),
                ),
            )


# --------------------------------------------------------------------------- views


def view_rows(
    battle_id: str,
    claims: Sequence[tuple[Any, ...]],
    figures: Sequence[tuple[Any, ...]],
    side_of: dict[str, int],
) -> tuple[list[tuple[Any, ...]], list[tuple[str, str]]]:
    """The `views` and `view_claims` rows of one battle from its claim and figure rows (in
    INSERTS column order), through bellum.reconcile.

    A claim's `source_side` is the side whose belligerents include the claim's source
    (`side_of`: actor id -> side), so a side's own count of its losses can be told from its
    enemy's. No rows when bellum.reconcile is not installed: the claims stay readable.
    """
    try:
        from bellum.reconcile import ClaimInput, reconcile
    except ImportError:
        return [], []
    by_id = {c[0]: c for c in claims}
    inputs = []
    for f in figures:
        c = by_id[f[0]]
        side, scope, source, src_actor = c[3], c[4], c[5], c[6]
        inputs.append(
            ClaimInput(
                claim_id=c[0],
                side=side,
                scope=scope or ("side" if side is not None else "overall"),
                source=source,
                source_side=side_of.get(src_actor) if src_actor else None,
                category=f[3],
                unit=f[4],
                low=f[5],
                high=f[6],
                approximate=bool(f[7]),
                bound=f[8],
            )
        )
    if not inputs:
        return [], []
    vrows: list[tuple[Any, ...]] = []
    links: list[tuple[str, str]] = []
    for i, v in enumerate(reconcile(inputs), 1):
        vid = f"{battle_id}/{i}"
        ids = list(dict.fromkeys(v.claim_ids))
        vrows.append(
            (
                vid,
                battle_id,
                v.side,
                v.scope,
                v.category,
                v.unit,
                v.low,
                v.best,
                v.high,
                v.rule,
                _list_json(ids),
            )
        )
        links += [(vid, cid) for cid in ids]
    return vrows, links


def compute_views(conn: sqlite3.Connection, battle_id: str) -> int:
    """Replace the stored views of one battle (after its ids moved); returns views written."""
    side_of: dict[str, int] = {}
    for idx, aid in conn.execute(
        "SELECT side_idx, actor_id FROM side_actors WHERE battle_id=? ORDER BY side_idx DESC",
        (battle_id,),
    ):
        side_of[aid] = idx
    claims = conn.execute(
        "SELECT id, battle_id, origin, side_idx, scope, source, source_actor_id FROM claims "
        "WHERE battle_id=? ORDER BY rowid",
        (battle_id,),
    ).fetchall()
    order = {c[0]: i for i, c in enumerate(claims)}
    figures = sorted(
        conn.execute(
            "SELECT claim_id, pos, battle_id, category, unit, low, high, approximate, bound "
            "FROM figures WHERE battle_id=?",
            (battle_id,),
        ).fetchall(),
        key=lambda f: (order[f[0]], f[1]),
    )
    vrows, links = view_rows(battle_id, claims, figures, side_of)
    conn.execute("DELETE FROM views WHERE battle_id=?", (battle_id,))
    conn.executemany(INSERTS["views"], vrows)
    conn.executemany(INSERTS["view_claims"], links)
    return len(vrows)


# --------------------------------------------------------------------------- settle


def build_resolver(conn: sqlite3.Connection, factory: ResolverFactory) -> Resolver:
    """A resolver that knows the acronyms of every stored article, fed in article-id order."""
    resolver = factory()
    for (text,) in conn.execute("SELECT text FROM acronym_texts ORDER BY article_id, pos"):
        resolver.add_acronyms(text)
    return resolver


def _display_names(
    uses: dict[tuple[str, str], int], ids: dict[tuple[str, str], str]
) -> dict[tuple[str, str], str]:
    """(kind, id) -> display name: the alias whose slug is the id, else the most used one."""
    table = default_table()
    best: dict[tuple[str, str], tuple[int, int, str]] = {}
    for (kind, written), eid in ids.items():
        canonical = table.canonical(written)
        for name in dict.fromkeys((written, canonical)):
            key = (kind, eid)
            score = (int(slug(name) == eid), uses.get((kind, written), 0), name)
            cur = best.get(key)
            if (
                cur is None
                or (score[0], score[1]) > (cur[0], cur[1])
                or ((score[0], score[1]) == (cur[0], cur[1]) and name < cur[2])
            ):
                best[key] = score
    return {k: v[2] for k, v in best.items()}


def settle(conn: sqlite3.Connection, factory: ResolverFactory = default_resolver) -> int:
    """Re-resolve every stored name with all acronyms known; one transaction, idempotent.

    Makes ids independent of ingest order (an early article benefits from a later acronym
    definition), drops entities nothing refers to, rebuilds the conflict tree and recomputes
    the views of battles whose actors changed. Returns the number of aliases that moved.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        moved = _settle(conn, RowBuilder(build_resolver(conn, factory)))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return moved


def _settle(conn: sqlite3.Connection, builder: RowBuilder) -> int:
    """The body of `settle`, inside its transaction."""
    uses: dict[tuple[str, str], int] = {}

    def use(kind: str, name: str | None) -> None:
        if name:
            uses[(kind, name)] = uses.get((kind, name), 0) + 1

    for name, aliases in conn.execute("SELECT name, aliases FROM side_actors"):
        use("actor", name)
        for al in json.loads(aliases):
            use("actor", al)
    for (name,) in conn.execute("SELECT name FROM side_commanders"):
        use("person", name)
    for (name,) in conn.execute("SELECT place_name FROM battles WHERE place_name IS NOT NULL"):
        use("place", name)
    for (name,) in conn.execute("SELECT name FROM battle_conflicts"):
        use("conflict", name)
    kinds = ",".join("?" * len(CONFLICT_KINDS))
    conflict_articles = conn.execute(
        f"SELECT id, title FROM battles WHERE kind IN ({kinds}) ORDER BY id",
        sorted(CONFLICT_KINDS),
    ).fetchall()
    for _, title in conflict_articles:
        use("conflict", title)

    for kind, name in sorted(uses):  # first every name (a later one can rename a group) ...
        builder.resolve(name, kind)
    wanted = {  # ... then the ids as they stand with all names known
        (kind, name): builder.lookup(name, kind) or builder.resolve(name, kind) for kind, name in sorted(uses)
    }
    stored = {(r[0], r[1]): r[2] for r in conn.execute("SELECT kind, name, entity_id FROM aliases")}
    moved = [(k, v) for k, v in wanted.items() if stored.get(k) != v]
    gone = [k for k in stored if k not in wanted]
    names = _display_names(uses, wanted)
    places: dict[str, tuple[Any, ...]] = {}
    if any(k[0] == "place" for k in wanted):
        for r in conn.execute(
            "SELECT place_name, country, latitude, longitude, where_prec FROM battles "
            "WHERE place_name IS NOT NULL ORDER BY latitude IS NULL, id"
        ):
            pid = wanted[("place", r[0])]
            places.setdefault(pid, (r[1], r[2], r[3], r[4]))

    conn.executemany(
        "INSERT INTO aliases (kind, name, folded, entity_id) VALUES (?,?,?,?) "
        "ON CONFLICT (kind, name) DO UPDATE SET entity_id=excluded.entity_id",
        [(k[0], k[1], fold(k[1]), v) for k, v in moved],
    )
    conn.executemany("DELETE FROM aliases WHERE kind=? AND name=?", gone)
    for kind, table in (("actor", "actors"), ("person", "persons"), ("conflict", "conflicts")):
        rows = [(eid, n) for (k, eid), n in names.items() if k == kind]
        conn.executemany(
            f"INSERT INTO {table} (id, name) VALUES (?,?) ON CONFLICT (id) DO UPDATE "
            "SET name=excluded.name WHERE name != excluded.name",
            rows,
        )
    conn.executemany(
        "INSERT INTO places (id, name, country, lat, lon, where_prec) VALUES (?,?,?,?,?,?) "
        "ON CONFLICT (id) DO UPDATE SET name=excluded.name, country=excluded.country, "
        "lat=excluded.lat, lon=excluded.lon, where_prec=excluded.where_prec",
        [(pid, names[("place", pid)], *vals) for pid, vals in places.items()],
    )
    changed_battles: set[str] = set()
    # Every run, not only when aliases moved: the rows must point where their alias points,
    # whoever wrote the alias (an ingest batch may store final ids for names the settle of an
    # earlier run had already placed). The updates touch only rows that differ.
    for (bid,) in conn.execute(
        "SELECT DISTINCT s.battle_id FROM side_actors s JOIN aliases a "
        "ON a.kind='actor' AND a.name=s.name WHERE s.actor_id != a.entity_id"
    ).fetchall():
        changed_battles.add(bid)
    conn.execute(
        "UPDATE side_actors SET actor_id=a.entity_id FROM aliases a WHERE a.kind='actor' "
        "AND a.name=side_actors.name AND side_actors.actor_id != a.entity_id"
    )
    conn.execute(
        "UPDATE side_commanders SET person_id=a.entity_id FROM aliases a "
        "WHERE a.kind='person' AND a.name=side_commanders.name "
        "AND side_commanders.person_id != a.entity_id"
    )
    conn.execute(
        "UPDATE battles SET place_id=a.entity_id FROM aliases a WHERE a.kind='place' "
        "AND a.name=battles.place_name AND battles.place_id IS NOT a.entity_id"
    )
    conn.execute(
        "UPDATE battle_conflicts SET conflict_id=a.entity_id FROM aliases a "
        "WHERE a.kind='conflict' AND a.name=battle_conflicts.name "
        "AND battle_conflicts.conflict_id != a.entity_id"
    )
    src_updates = []
    battle_actors: dict[str, set[str]] = {}
    for bid, aid in conn.execute("SELECT battle_id, actor_id FROM side_actors"):
        battle_actors.setdefault(bid, set()).add(aid)
    for cid, bid, source, old in conn.execute(
        "SELECT id, battle_id, source, source_actor_id FROM claims WHERE source IS NOT NULL"
    ).fetchall():
        new = builder.lookup(strip_article(source), "actor")
        if new not in battle_actors.get(bid, ()):  # only a belligerent of this battle
            new = None
        if new != old:
            src_updates.append((new, cid))
            changed_battles.add(bid)
    conn.executemany("UPDATE claims SET source_actor_id=? WHERE id=?", src_updates)

    # the part-of tree: a conflict's parent is the first part_of of its own article
    conflict_ids = {eid for (k, eid) in names if k == "conflict"}
    parents: dict[str, tuple[str | None, str]] = {}
    titled = conn.execute("SELECT id, title FROM battles ORDER BY id").fetchall()
    for bid, title in titled:
        cid = builder.lookup(title, "conflict")
        if cid not in conflict_ids or (cid in parents and parents[cid][0] is not None):
            continue  # the first article (by id) that names a parent decides
        first = conn.execute(
            "SELECT conflict_id FROM battle_conflicts WHERE battle_id=? AND conflict_id != ? "
            "ORDER BY pos LIMIT 1",
            (bid, cid),
        ).fetchone()
        if first is not None or cid not in parents:
            parents[cid] = (first[0] if first else None, bid)
    current = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, parent_id, battle_id FROM conflicts")}
    conn.executemany(
        "UPDATE conflicts SET parent_id=?, battle_id=? WHERE id=?",
        [
            (*parents.get(cid, (None, None)), cid)
            for cid in conflict_ids
            if current.get(cid) != parents.get(cid, (None, None))
        ],
    )
    for table, kind in (("actors", "actor"), ("persons", "person")):
        keep = {eid for (k, eid) in names if k == kind}
        stale = [(i,) for (i,) in conn.execute(f"SELECT id FROM {table}") if i not in keep]
        conn.executemany(f"DELETE FROM {table} WHERE id=?", stale)
    keep_places = set(places)
    conn.executemany(
        "DELETE FROM places WHERE id=?",
        [(i,) for (i,) in conn.execute("SELECT id FROM places") if i not in keep_places],
    )
    conn.executemany(
        "DELETE FROM conflicts WHERE id=?",
        [(i,) for (i,) in conn.execute("SELECT id FROM conflicts") if i not in conflict_ids],
    )
    for bid in sorted(changed_battles):
        compute_views(conn, bid)
    _store_resolver_state(conn, builder.resolver)
    return len(moved)


def _store_resolver_state(conn: sqlite3.Connection, resolver: Resolver) -> None:
    """Keep the resolver's links and acronyms in their tables (rewritten only on change)."""
    to_rows = getattr(resolver, "to_rows", None)
    if to_rows is None:
        return
    rows: list[dict[str, str]] = to_rows()
    links = [
        (i, r["kind"], r["a"], r["b"], r["reason"])
        for i, r in enumerate((r for r in rows if r.get("row") == "link"), 1)
    ]
    acronyms = sorted({(r["short"], r["long"], r["definition"]) for r in rows if r.get("row") == "acronym"})
    for table, cols, new in (
        ("resolution_links", "pos, kind, a, b, reason", links),
        ("acronyms", "short, long, definition", acronyms),
    ):
        old = [tuple(r) for r in conn.execute(f"SELECT {cols} FROM {table} ORDER BY {cols}")]
        if old != sorted(new):
            conn.execute(f"DELETE FROM {table}")
            marks = ",".join("?" * len(cols.split(",")))
            conn.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", new)


def stored_resolver(conn: sqlite3.Connection) -> Any:
    """The resolver as the last ingest left it (names, links, acronyms from the tables), for
    `why-same`; rebuilt from the acronym texts when the resolver cannot load rows."""
    from bellum.resolve.entities import Resolver as EntityResolver

    rows: list[dict[str, str]] = []
    rows += [
        {"row": "acronym", "short": r[0], "long": r[1], "definition": r[2]}
        for r in conn.execute("SELECT short, long, definition FROM acronyms ORDER BY short, long")
    ]
    rows += [
        {"row": "name", "kind": r[0], "name": r[1], "id": r[2]}
        for r in conn.execute("SELECT kind, name, entity_id FROM aliases ORDER BY kind, name")
    ]
    rows += [
        {"row": "link", "kind": r[0], "a": r[1], "b": r[2], "reason": r[3]}
        for r in conn.execute("SELECT kind, a, b, reason FROM resolution_links ORDER BY pos")
    ]
    return EntityResolver.from_rows(rows)


# --------------------------------------------------------------------------- extraction (workers)

Job = tuple[str, Article, str]
"""One article to extract: (id, article, content hash)."""

Outcome = tuple[str, Any]
"""What extraction and row building gave one Job: ("rows", Rows.tables) or ("internal" |
"bad", message). Plain tuples and dicts: cheap to send back from a worker process."""

PARALLEL_CHUNK = 32
"""Articles per task sent to a worker: big enough to amortize the round trip, small enough
to keep every worker busy within one batch."""


def default_workers() -> int:
    """Extraction processes for `ingest`: the CPUs this process may use (at most 8)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 8))


def _pipeline_extract(prose: bool) -> Extractor:
    from bellum.pipeline import extract

    def run(article: Article) -> dict[str, Any]:
        return extract(article, prose=prose)

    return run


def extract_rows(jobs: Sequence[Job], extract: Extractor, builder: RowBuilder) -> list[Outcome]:
    """Extract each article and build its rows (fts_rowid 0 until `Rows.place`), in order.

    A pure function of the articles (the builder's provisional resolver is the alias table),
    so it runs the same in a worker process as in the writer's own.
    """
    out: list[Outcome] = []
    for bid, article, chash in jobs:
        try:
            record = extract(article)
        except Exception as exc:  # a reader bug must not lose the other articles
            out.append(("internal", f"internal error: {type(exc).__name__}: {exc}"))
            continue
        record.setdefault("id", bid)
        if record["id"] != bid:
            record["id"] = bid
        try:
            rows = builder.build(article, record, fts_rowid=0, chash=chash)
        except (KeyError, TypeError, ValueError) as exc:
            out.append(("bad", f"bad record: {type(exc).__name__}: {exc}"))
            continue
        out.append(("rows", rows.tables))
    return out


_WORKER: dict[tuple[bool, Any], tuple[Extractor, RowBuilder]] = {}
"""Per worker process: the extractor and row builder (memoized names), made once."""


def _worker_init(parent: int) -> None:
    """In each worker: end when the writer is gone. A `kill -9` of the writer must not leave
    workers waiting for tasks forever (a forked worker holds the task pipe open itself)."""
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, name="bellum-orphan-watch", daemon=True).start()


def _worker_run(jobs: list[Job], prose: bool, extract: Extractor | None) -> list[Outcome]:
    """The task a worker process runs: `extract_rows` with its own extractor and builder."""
    key = (prose, extract)
    got = _WORKER.get(key)
    if got is None:
        got = _WORKER[key] = (extract or _pipeline_extract(prose), RowBuilder(ProvisionalResolver()))
    return extract_rows(jobs, *got)


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True, slots=True)
class Stored:
    """What the database already holds for one article id."""

    source: str
    content_hash: str
    has_prose: bool
    size: int
    fts_rowid: int


def _wins(new: Stored, old: Stored) -> bool:
    """Two inputs with one title: the one with prose, then the longer, then the first path."""
    a = (new.has_prose, new.size)
    b = (old.has_prose, old.size)
    return a > b or (a == b and new.source < old.source)


@dataclass(slots=True)
class _Batch:
    """Articles of one transaction, their extraction done in place or pending in workers."""

    jobs: list[Job] = field(default_factory=list)
    futures: list[Future[list[Outcome]]] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    submitted: int = 0  # jobs[:submitted] are in `futures`


class Ingestor:
    """Writes articles batch by batch into an open knowledge base.

    With `workers` > 1, extraction (and row building) runs in a process pool, in chunks of
    PARALLEL_CHUNK articles, while this process reads, hashes and writes; the rows come back
    in input order and this process alone writes them, so the file is the same as with one
    worker. The pool starts with the first full chunk (a small ingest never starts it).
    A custom `extract` must be picklable (a module-level function) to run in workers.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        extract: Extractor | None = None,
        resolver_factory: ResolverFactory = default_resolver,
        batch_size: int = BATCH_SIZE,
        prose: bool = True,
        on_error: Callable[[str], None] | None = None,
        force: bool = False,
        workers: int = 1,
    ) -> None:
        self.conn = conn
        self.force = force
        self.custom_extract = extract
        self.extract = extract or _pipeline_extract(prose)
        self.resolver_factory = resolver_factory
        self.batch_size = max(1, batch_size)
        self.prose = prose
        self.workers = max(1, workers)
        if self.workers > 1 and extract is not None:
            try:
                pickle.dumps(extract)
            except Exception as exc:
                raise TypeError(
                    f"extract must be picklable (a module-level function) to run in {workers} workers: {exc}"
                ) from None
        self.chunk = max(1, min(PARALLEL_CHUNK, -(-self.batch_size // self.workers)))
        self.on_error = on_error or (lambda line: print(line, file=sys.stderr))
        self.summary = IngestSummary()
        self.builder = RowBuilder(ProvisionalResolver())
        self.stored: dict[str, Stored] = {
            r[0]: Stored(r[1], r[2], bool(r[3]), r[4], r[5])
            for r in conn.execute("SELECT id, source, content_hash, has_prose, size, fts_rowid FROM articles")
        }
        top = conn.execute("SELECT max(rowid) FROM search").fetchone()[0]
        self.next_rowid = int(top or 0) + 1
        self.known: set[tuple[Any, ...]] = set()  # entity/alias keys committed in this run
        self._batch = _Batch()
        self._inflight: list[_Batch] = []  # closed batches whose extraction runs in workers
        self._pending_ids: set[str] = set()  # ids queued or in flight, not yet written
        self._pool: ProcessPoolExecutor | None = None
        self._checkpointer = Checkpointer(conn)

    def error(self, line: str) -> None:
        """Report one bad input (one line) and count it."""
        self.summary.failed += 1
        self.summary.errors.append(line)
        self.on_error(line)

    def add(self, item: Article | InputError) -> None:
        """Plan one article: skip it when unchanged, else queue it for extraction."""
        if not isinstance(item, Article):
            self.error(str(item))
            return
        article = item
        for problem in article.problems:  # read with damage (bad bytes, cut): said, still stored
            self.on_error(f"bellum: {article.source}: {article.title}: {problem}")
        bid = slug(article.title)
        if bid in self._pending_ids:  # same title twice: decide against the first one stored
            self.flush()
        chash = content_hash(article, prose=self.prose)
        old = self.stored.get(bid)
        if old is not None and old.content_hash == chash and not self.force:
            self.summary.unchanged += 1
            return
        new = Stored(article.source, chash, bool(article.sections), article_size(article), 0)
        if old is not None and old.source != article.source and not _wins(new, old):
            self.summary.duplicate += 1
            return
        batch = self._batch
        batch.jobs.append((bid, article, chash))
        self._pending_ids.add(bid)
        if self.workers > 1 and len(batch.jobs) - batch.submitted >= self.chunk:
            self._submit(batch)
        if len(batch.jobs) >= self.batch_size:
            self._close_batch()

    def _submit(self, batch: _Batch) -> None:
        """Send the batch's unsubmitted jobs to the pool (started on first use)."""
        if self._pool is None:
            self._checkpointer.stop()  # no thread while the workers fork (see _mp_context)
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=_mp_context(), initializer=_worker_init, initargs=(os.getpid(),)
            )
        for i in range(batch.submitted, len(batch.jobs), self.chunk):
            chunk = batch.jobs[i : i + self.chunk]
            batch.futures.append(self._pool.submit(_worker_run, chunk, self.prose, self.custom_extract))
        batch.submitted = len(batch.jobs)

    def _close_batch(self) -> None:
        """End the current batch: extract it here, or let the workers finish it while the
        previous batch is written (one batch in flight keeps the workers busy)."""
        batch, self._batch = self._batch, _Batch()
        if not batch.jobs:
            return
        if self._pool is not None:
            self._submit(batch)
            self._inflight.append(batch)
            while len(self._inflight) > 1:
                self._complete(self._inflight.pop(0))
        else:
            batch.outcomes = extract_rows(batch.jobs, self.extract, self.builder)
            self._complete(batch)

    def _complete(self, batch: _Batch) -> None:
        """Wait for a batch's extraction, report its failures, write the rest."""
        if batch.futures:
            try:
                for fut in batch.futures:
                    batch.outcomes += fut.result()
            except BrokenProcessPool:  # a worker died (out of memory...): go on in this process
                self._stop_pool()
                batch.outcomes = extract_rows(batch.jobs, self.extract, self.builder)
            batch.futures = []
        pending: list[tuple[str, Article, str, Rows | None]] = []
        for (bid, article, chash), (kind, value) in zip(batch.jobs, batch.outcomes, strict=True):
            if kind == "rows":
                pending.append((bid, article, chash, Rows(value)))
            elif kind == "bad":  # extracted, so it took its fts row number, like a stored one
                pending.append((bid, article, chash, None))
                self.error(f"bellum: {article.source}: {article.title}: {value}")
            else:
                self.error(f"bellum: {article.source}: {article.title}: {value}")
        self._pending_ids.difference_update(bid for bid, _, _ in batch.jobs)
        if not pending:
            return
        try:
            self._write(pending)
        except sqlite3.Error:
            for item in pending:  # isolate the bad article; the others still go in
                if item[3] is None:
                    continue
                try:
                    self._write([item])
                except sqlite3.Error as exc:
                    self.error(f"bellum: {item[1].source}: {item[1].title}: not stored: {exc}")

    def flush(self) -> None:
        """Write every queued article: the open batch in ONE transaction, after those in flight."""
        self._close_batch()
        while self._inflight:
            self._complete(self._inflight.pop(0))

    def _write(self, pending: list[tuple[str, Article, str, Rows | None]]) -> None:
        conn = self.conn
        batch = Rows()
        plan: list[tuple[str, Stored, bool]] = []
        next_rowid = self.next_rowid
        try:
            for bid, article, chash, rows in pending:
                rowid = next_rowid
                next_rowid += 1
                if rows is None:  # a bad record (said when extracted): no rows
                    continue
                rows.place(rowid)
                batch.extend(rows)
                stored = Stored(article.source, chash, bool(article.sections), article_size(article), rowid)
                plan.append((bid, stored, bid in self.stored))
            self._checkpointer.start()
            conn.execute("BEGIN IMMEDIATE")
            for bid, _, existed in plan:
                if existed:
                    old = self.stored[bid]
                    conn.execute("DELETE FROM search WHERE rowid=?", (old.fts_rowid,))
                    conn.execute("DELETE FROM articles WHERE id=?", (bid,))
            fresh: list[tuple[Any, ...]] = []
            for table, sql in INSERTS.items():
                rs = batch.tables.get(table)
                if rs and table in ENTITY_KEYS:  # INSERT OR IGNORE: skip what is known
                    width = ENTITY_KEYS[table]
                    keep = {}
                    for r in rs:
                        key = (table, *r[:width])
                        if key not in self.known and key not in keep:
                            keep[key] = r
                    fresh += keep
                    rs = list(keep.values())
                if rs:
                    conn.executemany(sql, rs)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        self._checkpointer.committed()
        self.next_rowid = next_rowid
        self.known.update(fresh)
        for bid, stored, existed in plan:
            self.stored[bid] = stored
            if existed:
                self.summary.changed += 1
            else:
                self.summary.new += 1

    def _stop_pool(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def close(self) -> None:
        """Stop the worker processes and the checkpoint thread (the queued articles are
        dropped: call `finish` first)."""
        self._stop_pool()
        self._checkpointer.stop()

    def finish(self) -> IngestSummary:
        """Flush, settle the ids across articles, count rows."""
        try:
            self.flush()
        finally:
            self.close()
        settle(self.conn, self.resolver_factory)
        self.summary.rows = row_counts(self.conn)
        return self.summary


def _mp_context() -> Any:
    """How worker processes start: a fork on Linux (cheap, and a script without the
    `if __name__ == "__main__"` guard still works), the platform's default elsewhere.

    A fork copies this process: the open database (the workers never touch it; they end
    with `os._exit`, which does not close it) and only the calling thread, so nothing here
    runs a thread while workers start (the progress bar refreshes from the ingest loop).
    """
    import multiprocessing

    return multiprocessing.get_context("fork" if sys.platform == "linux" else None)


def ingest_articles(
    items: Iterable[Article | InputError],
    db_path: str | Path,
    *,
    extract: Extractor | None = None,
    resolver_factory: ResolverFactory = default_resolver,
    batch_size: int = BATCH_SIZE,
    prose: bool = True,
    on_error: Callable[[str], None] | None = None,
    force: bool = False,
    workers: int | None = None,
) -> IngestSummary:
    """Ingest already-read articles (the library core of `bellum ingest`); `force`
    re-extracts articles whose content is unchanged (after the readers improved).

    `workers`: extraction processes; None is `default_workers()` with bellum's own
    extractor and 1 with a custom `extract` (which must be picklable to use more).
    """
    started = time.perf_counter()
    if workers is None:
        workers = default_workers() if extract is None else 1
    conn = connect(db_path)
    try:
        ing = Ingestor(
            conn,
            extract=extract,
            resolver_factory=resolver_factory,
            batch_size=batch_size,
            prose=prose,
            on_error=on_error,
            force=force,
            workers=workers,
        )
        try:
            for item in items:
                ing.add(item)
            summary = ing.finish()
        finally:
            ing.close()
    finally:
        conn.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _progress_items(
    files: list[str], read: Callable[[list[str]], Iterator[Article | InputError]], bar: Any
) -> Iterator[Article | InputError]:
    task = bar.add_task("ingest", total=len(files))
    shown = time.monotonic()
    for f in files:
        yield from read([f])
        bar.advance(task)
        if time.monotonic() - shown >= 0.1:  # the bar has no refresh thread (see _mp_context)
            shown = time.monotonic()
            bar.refresh()
    bar.refresh()


def ingest(
    paths: Iterable[str],
    db_path: str | Path,
    progress: bool = True,
    *,
    prose: bool = True,
    batch_size: int = BATCH_SIZE,
    extract: Extractor | None = None,
    resolver_factory: ResolverFactory = default_resolver,
    on_error: Callable[[str], None] | None = None,
    force: bool = False,
    workers: int | None = None,
) -> IngestSummary:
    """Read files/directories (`bellum/examples/`), extract, store into `db_path`.

    `progress` draws a rich bar with rate and ETA on stderr, only when stderr is a terminal.
    Bad inputs are reported through `on_error` (default: one line on stderr) and skipped.
    `workers` extraction processes (see `ingest_articles`; 1 extracts in this process).
    """
    from bellum.pipeline import iter_paths, read_inputs

    files = list(iter_paths(paths))
    show = progress and sys.stderr.isatty()
    if not show:
        return ingest_articles(
            read_inputs(files),
            db_path,
            extract=extract,
            resolver_factory=resolver_factory,
            batch_size=batch_size,
            prose=prose,
            on_error=on_error,
            force=force,
            workers=workers,
        )
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """`812 files/s`."""

        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:,.0f} files/s" if speed else "-- files/s", style="cyan")

    console = Console(stderr=True)
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        auto_refresh=False,
    ) as bar:

        def report(line: str) -> None:
            (on_error or (lambda s: console.print(s, markup=False, highlight=False)))(line)

        return ingest_articles(
            _progress_items(files, lambda fs: read_inputs(fs), bar),
            db_path,
            extract=extract,
            resolver_factory=resolver_factory,
            batch_size=batch_size,
            prose=prose,
            on_error=report,
            force=force,
            workers=workers,
        )
