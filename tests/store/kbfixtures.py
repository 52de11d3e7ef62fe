"""Hand-written records and articles for the store tests (no dependency on the field readers).

The records follow EXAMPLES.md's readings of the two seeds; the prose sentences are our own.
`TableResolver` stands in for bellum.resolve.entities.Resolver where a test must not depend
on it: the shipped alias table plus `Long Name (ACR)` definitions.
"""

from __future__ import annotations

import copy
import os
import re
import sqlite3
from pathlib import Path
from typing import Any

from bellum.article import Article, InfoboxField, Section
from bellum.ids import slug
from bellum.resolve.aliases import AliasTable, default_table, fold, shipped_aliases
from bellum.store.ingest import ingest_articles

_DEF = re.compile(r"([A-Z][\w' -]{3,80}?) \(([A-Z]{2,8})\)")


class TableResolver:
    """Alias table + acronym definitions; ids are slugs of the canonical name."""

    def __init__(self) -> None:
        self.table = AliasTable(shipped_aliases())
        self.seen: set[str] = set()

    def add_acronyms(self, text: str) -> None:
        for m in _DEF.finditer(text):
            long, short = m.group(1).strip(), m.group(2)
            if self.table.canonical(long) == long and fold(short) != fold(long):
                self.table.add(short, long)

    def resolve(self, name: str, kind: str) -> str:
        self.seen.add(self.table.canonical(name))
        return slug(self.table.canonical(name))

    def id_of(self, name: str, kind: str) -> str | None:
        canonical = self.table.canonical(name)
        return slug(canonical) if canonical in self.seen else None


def fig(category: str, low: int | None, high: int | None = None, **kw: Any) -> dict[str, Any]:
    """A Figure: `fig("killed", 3)` is killed personnel 3..3."""
    unit = kw.pop("unit", "personnel")
    return {
        "category": category,
        "unit": unit,
        "low": low,
        "high": low if high is None and kw.get("bound") is None else high,
        "approximate": kw.pop("approximate", False),
        "bound": kw.pop("bound", None),
        **kw,
    }


def claim(text: str, source: str | None, *figures: dict[str, Any], scope: str = "side") -> dict[str, Any]:
    """An infobox Claim."""
    return {"text": text, "source": source, "scope": scope, "figures": list(figures)}


def actor(name: str, *aliases: str) -> dict[str, Any]:
    return {"name": name, "id": slug(default_table().canonical(name)), "text": name, "aliases": list(aliases)}


def commander(name: str, fate: str | None = None) -> dict[str, Any]:
    return {"name": name, "id": slug(name), "fate": fate}


def side(
    index: int,
    actors: list[dict[str, Any]],
    commanders: list[dict[str, Any]],
    *,
    units: list[str] | None = None,
    strength: list[dict[str, Any]] | None = None,
    losses: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    return {
        "index": index,
        "belligerents": actors,
        "commanders": commanders,
        "units": units or [],
        "strength": strength or [],
        "losses": losses or [],
    }


IN_DELIMANE: dict[str, Any] = {
    "id": "battle-of-in-delimane-2012",
    "title": "Battle of In-Delimane (2012)",
    "source": {"file": "in_delimane.txt", "format": "plaintext", "template": "Infobox"},
    "kind": "battle",
    "part_of": ["the Malian Civil War"],
    "date": {
        "text": "16 November 2012",
        "start": "2012-11-16",
        "end": "2012-11-16",
        "edtf": "2012-11-16",
        "precision": "day",
        "approximate": False,
        "uncertain": False,
        "calendar": "gregorian",
        "date_prec": 1,
    },
    "place": {
        "text": "Between Ansongo and Ménaka, Mali",
        "names": ["Ansongo", "Ménaka"],
        "relation": "between",
        "country": "ML",
        "lat": 15.79,
        "lon": 1.45,
        "where_prec": 5,
    },
    "result": {"text": "Islamist victory", "outcome": "victory", "victor_sides": [2]},
    "sides": [
        side(
            1,
            [actor("MNLA")],
            [commander("Machkanani Ag Balla"), commander("Moulay Ag Sidi Molla")],
            strength=[claim("500 men", None, fig("strength", 500))],
            losses=[
                claim(
                    "1 killed, 4 wounded, (according to the MNLA)",
                    "MNLA",
                    fig("killed", 1),
                    fig("wounded", 4),
                ),
                claim(
                    "100 killed, 20 captured, (according to MUJAO)",
                    "MUJAO",
                    fig("killed", 100),
                    fig("captured", 20),
                ),
            ],
        ),
        side(
            2,
            [actor("MOJWA"), actor("AQIM")],
            [
                commander("Mokhtar Belmokhtar"),
                commander("Omar Ould Hamaha"),
                commander("Abu Walid Sahraoui"),
                commander("Abu Dardar", "killed"),
                commander("Abdoul Hakim"),
            ],
            strength=[claim("500–1,000 men", None, fig("strength", 500, 1000))],
            losses=[
                claim(
                    "3 killed, 6 wounded, (according to MUJAO)", "MUJAO", fig("killed", 3), fig("wounded", 6)
                ),
                claim("65 killed, (according to the MNLA)", "MNLA", fig("killed", 65)),
                claim("17 killed, (according to the ICRC)", "ICRC", fig("killed", 17)),
            ],
        ),
    ],
    "other_losses": [
        claim(
            "At least 117 killed overall (according to ICRC)",
            "ICRC",
            fig("killed", 117, None, bound="at_least"),
            scope="overall",
        )
    ],
    "claims": [
        {
            "text": "Security sources said the MNLA lost ten fighters on 17 November.",
            "source": "security sources in Mali",
            "speaker": None,
            "side": 1,
            "date": "2012-11-17",
            "section": "The battle",
            "figures": [fig("killed", 10)],
        }
    ],
    "events": [
        {
            "date": "2012-11-17",
            "date_text": "On the 17th",
            "text": "Reinforcements reached the MUJAO column.",
            "section": "The battle",
            "actors": ["MUJAO"],
        }
    ],
    "flags": [
        {"kind": "unparsed", "field": "casualties3", "text": "overall", "message": "a word no rule read"}
    ],
    "infobox": [{"key": "combatant2", "text": "MOJWA, AQIM"}],
}

IN_KHALIL: dict[str, Any] = {
    "id": "battle-of-in-khalil",
    "title": "Battle of In Khalil",
    "source": {"file": "in_khalil.txt", "format": "plaintext", "template": "Infobox"},
    "kind": "battle",
    "part_of": ["Northern Mali conflict"],
    "date": {
        "text": "22–23 February 2013, ()",
        "start": "2013-02-22",
        "end": "2013-02-23",
        "edtf": "2013-02-22/2013-02-23",
        "precision": "day",
        "approximate": False,
        "uncertain": False,
        "calendar": "gregorian",
        "date_prec": 2,
    },
    "place": {
        "text": "In Khalil, Mali",
        "names": ["In Khalil"],
        "relation": "at",
        "country": "ML",
        "lat": 17.0,
        "lon": -4.0,
        "where_prec": 6,
    },
    "result": {"text": "French-Azawad victory", "outcome": "victory", "victor_sides": [1]},
    "sides": [
        side(
            1,
            [actor("MNLA")],
            [commander("Bilal Ag Acherif")],
            units=["French Air Force"],
            losses=[claim("3 killed, 4 wounded", None, fig("killed", 3), fig("wounded", 4))],
        ),
        side(
            2,
            [actor("Arab Movement of Azawad", "MAA")],
            [commander("Boubacar Taleb")],
            strength=[claim("32 armoured vehicles", None, fig("strength", 32, unit="vehicles"))],
            losses=[claim("3 killed, 9 captured", None, fig("killed", 3), fig("captured", 9))],
        ),
        side(
            3,
            [actor("MOJWA"), actor("Ansar al-Sharia (Mali)")],
            [commander("Oumar Ould Hamaha"), commander("Hussein Ghoulam")],
        ),
    ],
    "other_losses": [],
    "claims": [],
    "events": [],
    "flags": [],
    "infobox": [{"key": "combatant2", "text": "Arab Movement of Azawad (MAA)"}],
}

MALI_WAR: dict[str, Any] = {
    "id": "mali-war",
    "title": "Mali War",
    "source": {"file": "mali.txt", "format": "plaintext", "template": "Infobox"},
    "kind": "war",
    "part_of": ["Insurgency in the Maghreb"],
    "date": None,
    "place": None,
    "result": None,
    "sides": [],
    "other_losses": [],
    "claims": [],
    "events": [],
    "flags": [],
    "infobox": [],
}

INSURGENCY: dict[str, Any] = {
    **copy.deepcopy(MALI_WAR),
    "id": "insurgency-in-the-maghreb",
    "title": "Insurgency in the Maghreb",
    "kind": "conflict",
    "source": {"file": "maghreb.txt", "format": "plaintext", "template": "Infobox"},
    "part_of": ["the War on terror"],
}

RECORDS = {r["title"]: r for r in (IN_DELIMANE, IN_KHALIL, MALI_WAR, INSURGENCY)}


def article_for(
    record: dict[str, Any], *, source: str | None = None, prose: str = "", version: str = ""
) -> Article:
    """An Article whose content (hence hash) follows the record; `version` alters it."""
    infobox = tuple(InfoboxField(f["key"], f["text"]) for f in record.get("infobox", ()))
    infobox += (InfoboxField("conflict", record["title"] + version),)
    sections = (Section("", 1, prose),) if prose else ()
    return Article(
        title=record["title"],
        source=source or record["source"]["file"],
        format="plaintext",
        template="Infobox",
        infobox=infobox,
        sections=sections,
    )


def fake_extract(article: Article) -> dict[str, Any]:
    """The hand-written record of an article built by `article_for`."""
    record = copy.deepcopy(RECORDS[article.title])
    record["source"] = {"file": article.source, "format": "plaintext", "template": "Infobox"}
    return record


def ingest_records(db: Path, *titles: str, resolver: type = TableResolver, **kw: Any) -> Any:
    """Ingest the hand-written records named by title (all four when none are named)."""
    chosen = titles or tuple(RECORDS)
    return ingest_articles(
        [article_for(RECORDS[t]) for t in chosen], db, extract=fake_extract, resolver_factory=resolver, **kw
    )


_FIRST_INT = re.compile(r"\d[\d,]*")


def synthetic_extract(article: Article) -> dict[str, Any]:
    """A minimal valid record read straight from the infobox (combatantN, commanderN,
    casualtiesN: first number = killed): lets store tests run any article without the
    field readers."""
    sides = []
    for n in range(1, 10):
        comb = article.value(f"combatant{n}")
        if comb is None:
            break
        cas = article.value(f"casualties{n}") or ""
        m = _FIRST_INT.search(cas)
        losses = [claim(cas, None, fig("killed", int(m.group(0).replace(",", ""))))] if m else []
        names = [x.strip() for x in comb.split(",") if x.strip()]
        coms = [x.strip() for x in (article.value(f"commander{n}") or "").split(",") if x.strip()]
        sides.append(side(n, [actor(x) for x in names], [commander(x) for x in coms], losses=losses))
    part_of = article.value("partof")
    return {
        "id": slug(article.title),
        "title": article.title,
        "source": {"file": article.source, "format": article.format, "template": article.template},
        "kind": "battle",
        "part_of": [part_of] if part_of else [],
        "date": None,
        "place": None,
        "result": None,
        "sides": sides,
        "other_losses": [],
        "claims": [],
        "events": [],
        "flags": [],
        "infobox": [{"key": f.key, "text": f.text} for f in article.infobox],
    }


def write_variants(sources: list[Path], out: Path, n: int) -> list[Path]:
    """`n` plain-text articles under `out`, cycling over `sources` with numbered titles."""
    out.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8") for p in sources]
    paths = []
    for i in range(n):
        text = texts[i % len(texts)]
        head, _, rest = text.partition("\n")  # the title line: `= Battle of X =`
        text = f"= {head.strip(' =')} (variant {i}) =\n{rest}"
        p = out / f"a{i:05d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def pipeline_works() -> bool:
    """True when bellum.pipeline.extract reads the bundled seeds (the field readers landed)."""
    try:
        from bellum.pipeline import extract_all
    except Exception:
        return False
    try:
        from bellum.resolve.entities import Resolver  # noqa: F401
    except Exception:
        return False
    examples = Path(__file__).resolve().parents[2] / "bellum" / "examples"
    items = list(extract_all([str(examples)]))
    return len(items) == 2 and all(isinstance(i, tuple) for i in items)


def pid_extract(article: Article) -> dict[str, Any]:
    """`synthetic_extract` plus a flag naming the process that extracted (workers tests)."""
    record = synthetic_extract(article)
    record["flags"] = [{"kind": "error", "field": "pid", "text": str(os.getpid()), "message": None}]
    return record


def crashing_extract(article: Article) -> dict[str, Any]:
    """`synthetic_extract`, except that it raises on variants 7, 17, 27, ... (a reader bug)."""
    if re.search(r"\(variant \d*7\)$", article.title):
        raise ValueError("reader bug")
    return synthetic_extract(article)


def slow_extract(article: Article) -> dict[str, Any]:
    """`synthetic_extract` taking 20 ms an article (a run long enough to be killed)."""
    import time

    time.sleep(0.02)
    return synthetic_extract(article)


def dump_db(db: Path, *, in_order: bool = False) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, `ingested_at` dropped: the database's content.

    `in_order=False` compares content only (rows sorted, fts row numbers dropped: they depend
    on order); `in_order=True` keeps rowid order and the fts row numbers, for builds that must
    match row for row (1 vs N workers).
    """
    volatile = {"ingested_at"} if in_order else {"ingested_at", "fts_rowid"}
    conn = sqlite3.connect(db)
    out: dict[str, list[tuple[object, ...]]] = {}
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'search_%' "
            "AND name NOT LIKE 'sqlite_%'"
        )
    ]
    for t in tables:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({t})") if r[1] not in volatile]
        if t == "search":
            cols = ["battle_id", "title", "names", "prose"]
            if in_order:
                cols.insert(0, "rowid")
        rows = conn.execute(f"SELECT {', '.join(cols)} FROM {t} ORDER BY rowid").fetchall()
        out[t] = rows if in_order else sorted(rows, key=repr)
    conn.close()
    return out
