"""Stable entity ids across articles: one id for `MOJWA`, `MUJAO` and `Movement for Oneness and
Jihad in West Africa`, one for `Omar Ould Hamaha` and `Oumar Ould Hamaha`.

A `Resolver` keeps, per kind (actor, person, place, conflict), every name it has seen and the
links between them. A link has a reason: the alias table (with its provenance), an acronym
defined in ingested text (`Arab Movement of Azawad (MAA)`), or a `same_name` rule. Entities
are the connected groups of linked names, so the grouping does not depend on the order names
arrive in: each new name is compared with every earlier name sharing a blocking key with it
(its key, its joined key, a word stem, its initials), which is the same set of pairs in any
order.

**The canonical name and the id** of an entity are chosen from the whole group by this rule:
1. names that are canonical in the alias table rows of that kind (`MUJAO`, `Omar Ould
   Hamaha`), else
2. short forms of acronyms defined in ingested text (`MAA`), else
3. every name of the group;
among those, the first by (has a rank or title, ASCII-folded name, name) -- so `Bernard
Barrera` wins over `Gen. Bernard Barrera` and `Mokhtar Belmokhtar` over `Moktar Belmoktar`.
The id is `bellum.ids.slug` of it: `mujao`, `omar-ould-hamaha`.

Because a later name can join a group and change its canonical name (rule 3: an earlier
sorted name arrives), an id handed out earlier can change: `Resolver.renames` maps every
such old id to the current one, and `id_of` always gives the current id. With the alias
table covering the seeds, their ids never change.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast, get_args

from bellum.ids import slug
from bellum.resolve.acronyms import FUNCTION_WORDS, find_acronyms, is_acronym, split_defined
from bellum.resolve.aliases import Alias, AliasTable, fold, read_aliases, shipped_aliases
from bellum.resolve.names import (
    PERSON_TITLES,
    Kind,
    _basic_words,
    _weight,
    _words,
    name_key,
    same_name,
    spelling_fold,
)

KINDS: tuple[str, ...] = get_args(Kind)

Node = tuple[str, str]  # (kind, folded name)


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why two names share an id: `Explanation("MOJWA", "MUJAO", "mujao", "mujao",
    ("MOJWA -> MUJAO: alias table (English acronym of the same group ...)",))`."""

    a: str
    b: str
    id_a: str
    id_b: str
    steps: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """`{"a", "b", "id_a", "id_b", "steps": [...]}`."""
        return {
            "a": self.a,
            "b": self.b,
            "id_a": self.id_a,
            "id_b": self.id_b,
            "steps": list(self.steps),
        }


@dataclass(frozen=True, slots=True)
class Link:
    """One recorded link: `Link("actor", "MOJWA", "MUJAO", "alias table (...)")`."""

    kind: str
    a: str
    b: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        """`{"row": "link", "kind", "a", "b", "reason"}` (a `to_rows` row)."""
        return {"row": "link", "kind": self.kind, "a": self.a, "b": self.b, "reason": self.reason}


def _clean(name: str, kind: str = "") -> str:
    """A name as stored: outer spaces and stray commas off (`MNLA,` -> `MNLA`); a conflict
    loses its leading `the` (`the Malian Civil War` -> `Malian Civil War`)."""
    s = " ".join(name.split()).strip(" ,;")
    if kind == "conflict" and s[:4].lower() == "the " and len(s) > 4:
        s = s[4:]
    return s


def _check_kind(kind: str) -> None:
    """Refuse a kind outside actor/person/place/conflict."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}: expected one of {', '.join(KINDS)}")


def _has_title(name: str) -> bool:
    """`Gen. Bernard Barrera` -> True: such names sort after untitled ones."""
    words = _basic_words(name)
    return len(words) > 1 and words[0] in PERSON_TITLES


def _stem(word: str) -> str:
    """First and last letter after spelling folds: two words can only be variants of each
    other (`_ratio` > 0) when these agree, so blocking on them loses no match."""
    f = spelling_fold(word)
    return f[0] + f[-1] if f else ""


def _length_bucket(word: str) -> int:
    """Words whose lengths differ by more than a factor 1.35 cannot reach TOKEN_RATIO."""
    return int(math.log(max(len(spelling_fold(word)), 1)) / math.log(1.35))


def _blocks(name: str, kind: str) -> set[str]:
    """Blocking keys: two names are compared only when they share one.

    Every way `same_name` can link two names leaves them a shared key: the whole key (`k:`),
    the key without spaces (`j:`), a pair of content-word stems (`p:`; a soft match above the
    threshold needs at least two shared content words when both names have two), a single
    content word's stem and length bucket (`1:`), the full surname of a person (`s:`, for
    initials), the first part of a place (`f:`, for `Gao, Mali`) and initials (`i:`, for
    acronyms). No key is built from one common word alone (`Muhammad`), which would make
    resolution quadratic.
    `Mokhtar Belmokhtar` -> {k:mokhtar belmokhtar, j:mokhtarbelmokhtar, p:br|mr, s:belmokhtar}.
    """
    words = _words(name, kind)
    out = {"k:" + " ".join(words), "j:" + "".join(words)}
    content = [w for w in words if _weight(w, kind) == 1.0]
    stems = sorted({_stem(w) for w in content[:6]} - {""})
    if len(content) >= 2 and len(stems) >= 2:
        out.update(f"p:{a}|{b}" for i, a in enumerate(stems) for b in stems[i + 1 :])
    elif len(content) >= 2 and stems:
        out.add(f"p:{stems[0]}|{stems[0]}")
    elif content and stems:
        out.add(f"1:{stems[0]}:{_length_bucket(content[0])}")
    if kind == "person" and len(words) > 1:
        out.add("s:" + words[-1])
    if kind == "place":
        out.add("f:" + name_key(name.split(",", 1)[0], "place"))
    raw = [w for w in name.replace("-", " ").split() if w[:1].isalnum()]
    if is_acronym(name.strip()):
        out.add("i:" + "".join(c for c in fold(name) if c.isalnum()))
    elif 1 < len(raw) <= 14:
        folded = [fold(w) for w in raw]
        out.add("i:" + "".join(w[0] for w in folded))
        out.add("i:" + "".join(w[0] for w in folded if w not in FUNCTION_WORDS))
        capitalized = (
            f[0] for f, r in zip(folded, raw, strict=True) if r[0].isupper() or f not in FUNCTION_WORDS
        )
        out.add("i:" + "".join(capitalized))
    return out


def _queries(name: str, kind: str) -> set[str]:
    """The keys a new name looks up: its own blocks plus the neighbouring length buckets of a
    one-word name (`1:ao:6` also asks `1:ao:5` and `1:ao:7`)."""
    out = _blocks(name, kind)
    for key in [k for k in out if k.startswith("1:")]:
        head, bucket = key.rsplit(":", 1)
        out |= {f"{head}:{int(bucket) - 1}", f"{head}:{int(bucket) + 1}"}
    return out


class Resolver:
    """Names -> stable ids, growing as articles are ingested.

    >>> r = Resolver()
    >>> r.resolve("MOJWA", "actor"), r.resolve("Oumar Ould Hamaha", "person")
    ('mujao', 'omar-ould-hamaha')
    """

    def __init__(self, alias_paths: Iterable[Path] = ()) -> None:
        rows: list[Alias] = list(shipped_aliases())
        for path in alias_paths:
            rows.extend(read_aliases(Path(path)))
        self._alias_paths = tuple(str(p) for p in alias_paths)
        self._tables = {k: AliasTable(r for r in rows if r.kind == k) for k in KINDS}
        self._provenance: dict[tuple[str, str], str] = {}
        for row in rows:
            self._provenance.setdefault((row.kind, fold(row.alias)), row.provenance)
        self._alias_canon = {
            (r.kind, fold(self._tables[r.kind].canonical(r.canonical)))
            for r in rows
            if r.kind in self._tables
        }
        self._acronyms: dict[str, dict[str, str]] = {}  # folded name -> partner -> definition
        self._shorts: set[str] = set()  # folded short forms of text-defined acronyms
        self._acronym_rows: dict[tuple[str, str], tuple[str, str, str]] = {}
        self._names: dict[Node, set[str]] = {}
        self._parent: dict[Node, Node] = {}
        self._members: dict[Node, set[Node]] = {}
        self._edges: dict[Node, list[tuple[Node, str]]] = {}
        self._links: list[Link] = []
        self._index: dict[tuple[str, str], set[Node]] = {}
        self._ids: dict[Node, str] = {}  # root -> current id
        self._issued: set[str] = set()  # ids handed out by resolve()
        self.renames: dict[str, str] = {}  # an id handed out earlier -> its current id

    # --- union-find -------------------------------------------------------------------
    def _find(self, n: Node) -> Node:
        root = n
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[n] != root:
            self._parent[n], n = root, self._parent[n]
        return root

    def _canonical(self, root: Node) -> str:
        """The canonical name of root's group (rule in the module docstring)."""
        names = [name for m in self._members[root] for name in self._names[m]]
        chosen = [n for n in names if (root[0], fold(n)) in self._alias_canon] or [
            n for n in names if fold(n) in self._shorts
        ]
        return min(chosen or names, key=lambda n: (_has_title(n), fold(n), n))

    def _refresh_id(self, root: Node, old_ids: Sequence[str]) -> None:
        new = slug(self._canonical(root))
        self._ids[root] = new
        for old in old_ids:
            if old != new and old in self._issued:
                self.renames[old] = new
        for k, v in self.renames.items():
            if v in old_ids and v != new:
                self.renames[k] = new
        self.renames.pop(new, None)

    def _link(self, a: Node, b: Node, reason: str) -> None:
        """Record the link a-b with its reason and merge their groups."""
        if a == b:
            return
        self._edges.setdefault(a, []).append((b, reason))
        self._edges.setdefault(b, []).append((a, reason))
        self._links.append(Link(a[0], min(self._names[a]), min(self._names[b]), reason))
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return
        old = [self._ids[ra], self._ids[rb]]
        if len(self._members[ra]) < len(self._members[rb]):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._members[ra] |= self._members.pop(rb)
        self._ids.pop(rb)
        self._refresh_id(ra, old)

    # --- nodes ------------------------------------------------------------------------
    def _add_node(self, name: str, kind: str) -> tuple[Node, bool]:
        """The node of `name` (created if new, without linking); True when it is new."""
        node = (kind, fold(name))
        if node in self._names:
            if name not in self._names[node]:
                self._names[node].add(name)
                self._refresh_id(self._find(node), [self._ids[self._find(node)]])
            return node, False
        self._names[node] = {name}
        self._parent[node] = node
        self._members[node] = {node}
        self._ids[node] = slug(name)
        self._refresh_id(node, [])
        for block in _blocks(name, kind):
            self._index.setdefault((kind, block), set()).add(node)
        return node, True

    def _node_for(self, name: str, kind: str) -> Node:
        """Add `name` of `kind` and link it by alias table, acronyms and same_name."""
        node, new = self._add_node(name, kind)
        if new:
            self._link_new(node, name, kind)
        return node

    def _link_new(self, node: Node, name: str, kind: str) -> None:
        """Link a new node: alias table first, then acronyms, then same_name on candidates."""
        canon = self._tables[kind].canonical(name)
        if fold(canon) != fold(name):
            why = self._provenance.get((kind, fold(name)), "")
            other, other_new = self._add_node(canon, kind)
            self._link(node, other, f"alias table ({why})" if why else "alias table")
            if other_new:
                self._link_new(other, canon, kind)
        defined = split_defined(name)
        if defined is not None:  # `Arab Movement of Azawad (MAA)`: one name carrying two
            for part in defined:
                other, other_new = self._add_node(part, kind)
                self._link(node, other, f"the name carries its acronym: {name}")
                if other_new:
                    self._link_new(other, part, kind)
        for partner, definition in sorted(self._acronyms.get(fold(name), {}).items()):
            other, other_new = self._add_node(partner, kind)
            self._link(node, other, f"acronym defined in text: {definition}")
            if other_new:
                self._link_new(other, partner, kind)
        candidates: set[Node] = set()
        for block in _queries(name, kind):
            candidates |= self._index.get((kind, block), set())
        candidates.discard(node)
        for cand in sorted(candidates):
            if self._find(cand) == self._find(node):
                continue  # already one entity: no comparison needed
            other_name = min(self._names[cand])
            x, y = sorted((name, other_name))
            match = same_name(x, y, cast(Kind, kind))
            if match is not None:
                self._link(node, cand, match.rule)

    # --- public API -------------------------------------------------------------------
    def add_acronyms(self, text: str) -> None:
        """Learn every acronym defined in `text` (`Arab Movement of Azawad (MAA)`) and link
        the two forms wherever either has been seen already (and later, when one arrives)."""
        for acr in find_acronyms(text):
            short, long = _clean(acr.short), _clean(acr.long)
            if (fold(short), fold(long)) in self._acronym_rows or fold(short) == fold(long):
                continue
            self._remember_acronym(short, long, f"{long} ({short})")
            for kind in KINDS:
                ns, nl = (kind, fold(short)), (kind, fold(long))
                if ns in self._names and nl in self._names:
                    self._link(ns, nl, f"acronym defined in text: {long} ({short})")
                elif ns in self._names:
                    self._node_for(long, kind)
                elif nl in self._names:
                    self._node_for(short, kind)
                if ns in self._names:  # rule 2 of the canonical choice may now apply
                    root = self._find(ns)
                    self._refresh_id(root, [self._ids[root]])

    def _remember_acronym(self, short: str, long: str, definition: str) -> None:
        self._acronyms.setdefault(fold(short), {})[long] = definition
        self._acronyms.setdefault(fold(long), {})[short] = definition
        self._shorts.add(fold(short))
        self._acronym_rows[(fold(short), fold(long))] = (short, long, definition)

    def resolve(self, name: str, kind: str) -> str:
        """The stable id of `name` as a `kind`, linking it to entities seen before.

        `resolve("MOJWA", "actor")` -> `mujao`; `resolve("Oumar Ould Hamaha", "person")` ->
        `omar-ould-hamaha`.
        """
        _check_kind(kind)
        cleaned = _clean(name, kind)
        if not cleaned:
            return slug("")
        found = self._ids[self._find(self._node_for(cleaned, kind))]
        self._issued.add(found)
        return found

    def id_of(self, name: str, kind: str) -> str | None:
        """The current id of a name already resolved, without adding it; None if unseen."""
        node = (kind, fold(_clean(name, kind)))
        return self._ids[self._find(node)] if node in self._names else None

    def canonical_name(self, name: str, kind: str) -> str | None:
        """The canonical name of the entity `name` belongs to (`MOJWA` -> `MUJAO`)."""
        node = (kind, fold(_clean(name, kind)))
        return self._canonical(self._find(node)) if node in self._names else None

    def entities(self, kind: str) -> dict[str, tuple[str, ...]]:
        """id -> every name seen for it, sorted: `{"mujao": ("MOJWA", "MUJAO", ...)}`."""
        out: dict[str, tuple[str, ...]] = {}
        for root, members in self._members.items():
            if root[0] == kind:
                names = sorted(n for m in members for n in self._names[m])
                out[self._ids[root]] = tuple(names)
        return dict(sorted(out.items()))

    def links(self) -> list[Link]:
        """Every recorded link, in the order made."""
        return list(self._links)

    def _path(self, a: Node, b: Node) -> list[str]:
        """The chain of link reasons from a to b (breadth-first: the fewest links)."""
        prev: dict[Node, tuple[Node, str] | None] = {a: None}
        queue = deque([a])
        while queue:
            n = queue.popleft()
            if n == b:
                break
            for m, reason in self._edges.get(n, []):
                if m not in prev:
                    prev[m] = (n, reason)
                    queue.append(m)
        steps: list[str] = []
        n = b
        while (step := prev.get(n)) is not None:
            p, reason = step
            steps.append(f"{min(self._names[p])} -> {min(self._names[n])}: {reason}")
            n = p
        return steps[::-1]

    def why_same(self, a: str, b: str, kind: str | None = None) -> Explanation | None:
        """Why `a` and `b` have one id, as the chain of rules linking them; None if they do
        not. `why_same("MOJWA", "Movement for Oneness and Jihad in West Africa")` ->
        steps `("MOJWA -> MUJAO: alias table (...)", "MUJAO -> Movement for ...: alias ...")`.
        Names not seen yet are compared with the acronyms learnt from text, then directly
        with `same_name`.
        """
        kinds = [kind] if kind is not None else list(KINDS)
        ca, cb = _clean(a), _clean(b)
        for k in kinds:
            na, nb = (k, fold(_clean(a, k))), (k, fold(_clean(b, k)))
            if na in self._names and nb in self._names:
                if self._find(na) != self._find(nb):
                    continue
                ida = self._ids[self._find(na)]
                return Explanation(a, b, ida, ida, tuple(self._path(na, nb)))
        definition = self._acronyms.get(fold(ca), {}).get(cb) or next(
            (d for p, d in self._acronyms.get(fold(ca), {}).items() if fold(p) == fold(cb)), None
        )
        if definition is not None:
            k = kinds[0] if len(kinds) == 1 else "actor"
            ida = self.id_of(ca, k) or slug(ca)
            idb = self.id_of(cb, k) or slug(cb)
            return Explanation(a, b, ida, idb, (f"{ca} -> {cb}: acronym defined in text: {definition}",))
        for k in kinds:
            if (k, fold(_clean(a, k))) in self._names and (k, fold(_clean(b, k))) in self._names:
                continue  # both seen and not linked: they are different entities here
            match = same_name(ca, cb, cast(Kind, k))
            if match is not None:
                ida = self.id_of(ca, k) or slug(ca)
                idb = self.id_of(cb, k) or slug(cb)
                return Explanation(a, b, ida, idb, (f"{ca} -> {cb}: {match.rule}",))
        return None

    # --- persistence ------------------------------------------------------------------
    def to_rows(self) -> list[dict[str, str]]:
        """The state as flat rows for SQLite: `name` rows (kind, name, id), `link` rows
        (kind, a, b, reason) and `acronym` rows (short, long, definition)."""
        rows: list[dict[str, str]] = []
        for node in sorted(self._names):
            for name in sorted(self._names[node]):
                rows.append({"row": "name", "kind": node[0], "name": name, "id": self._ids[self._find(node)]})
        rows.extend({k: str(v) for k, v in link.to_json().items()} for link in self._links)
        for short, long, definition in self._acronym_rows.values():
            rows.append({"row": "acronym", "short": short, "long": long, "definition": definition})
        rows.extend({"row": "rename", "old": o, "new": n} for o, n in sorted(self.renames.items()))
        return rows

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, str]], alias_paths: Iterable[Path] = ()) -> Resolver:
        """Rebuild a resolver from `to_rows()` output (links are replayed, not recomputed)."""
        r = cls(alias_paths)
        rows = list(rows)
        for row in rows:
            if row["row"] == "acronym":
                r._remember_acronym(row["short"], row["long"], row["definition"])
        for row in rows:
            if row["row"] == "name":
                r._add_node(row["name"], row["kind"])
        for row in rows:
            if row["row"] == "link":
                a, _ = r._add_node(row["a"], row["kind"])
                b, _ = r._add_node(row["b"], row["kind"])
                r._link(a, b, row["reason"])
        r._issued = {row["id"] for row in rows if row["row"] == "name"}
        r.renames = {row["old"]: row["new"] for row in rows if row["row"] == "rename"}
        r._issued |= set(r.renames)
        return r
