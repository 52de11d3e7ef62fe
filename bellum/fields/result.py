"""The Result field: an outcome from the schema's list and the sides that won.

`French-Azawad victory` -> outcome `victory`, winners `French` and `Azawad`, both matched against
what each side is called (belligerents, units, commanders, group labels): `French` names the
French Air Force of side 1, `Azawad` is the MNLA by the alias table, so `victor_sides` is [1].
Clauses that are not the outcome (`Armistice of Villafranca`) are kept as `details`.

Documented choices:
- The first clause that names a victory decides; later clauses (`later withdrawal`) are details.
- Without a victory, a short clause saying `inconclusive`, `stalemate`, `ceasefire` or
  `withdrawal` decides (`Armistice of Villafranca` is a detail, not a ceasefire outcome).
  A result that only narrates (`Capture of Tripoli by rebel forces, ...`) is outcome `other`
  with every clause in `details`; `See Aftermath` is outcome None.
- A winner that matches no side, or several sides equally well, adds no index (it stays in
  `winners`): `Coalition victory` with no side called a coalition gives `victor_sides` [].
- `Islamist` matches the side whose group label says Islamist (`Islamists groups:`) or whose
  belligerents are in `ISLAMIST_GROUPS`, a small table of well-known groups.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from bellum.fields.sides import Actor, Commander
from bellum.resolve.aliases import default_table, fold

Outcome = Literal[
    "victory",
    "decisive_victory",
    "pyrrhic_victory",
    "tactical_victory",
    "strategic_victory",
    "inconclusive",
    "stalemate",
    "ceasefire",
    "withdrawal",
    "ongoing",
    "other",
]

ISLAMIST_GROUPS = frozenset(
    fold(n)
    for n in (
        "MUJAO", "MOJWA", "AQIM", "Al-Qaeda in the Islamic Maghreb", "Ansar Dine",
        "Ansar al-Sharia", "Ansar al-Sharia (Mali)", "Ansar al-Sharia (Libya)", "Boko Haram",
        "ISIL", "ISIS", "Islamic State", "Daesh", "al-Shabaab", "Taliban", "al-Qaeda",
        "Al-Qaeda in Iraq", "Islamic Army in Iraq", "Ansar al-Sunnah", "Al-Mulathameen",
        "Al-Mourabitoun", "Jama'at Nasr al-Islam wal Muslimin", "JNIM", "Ansaru",
        "Movement for Oneness and Jihad in West Africa", "Islamic Movement of Uzbekistan",
        "Hizbul Islam", "al-Nusra Front", "Tahrir al-Sham", "Hamas",
    )
)  # fmt: skip
"""Groups an `Islamist victory` can name (folded); extend with care, it decides winners."""

DEMONYMS: dict[str, tuple[str, ...]] = {
    "american": ("United States", "USA", "U.S.", "US"),
    "afghan": ("Afghanistan",),
    "austrian": ("Austria", "Austrian Empire"),
    "azawad": ("Azawad",),
    "british": ("United Kingdom", "Britain", "Great Britain", "British Empire"),
    "byzantine": ("Byzantine Empire",),
    "caesarian": ("Caesar", "Caesarians", "Julius Caesar"),
    "chadian": ("Chad",),
    "chechen": ("Chechnya", "Chechen Republic of Ichkeria", "Ichkeria"),
    "chinese": ("China",),
    "cuban": ("Cuba",),
    "egyptian": ("Egypt",),
    "english": ("England", "Kingdom of England"),
    "french": ("France", "Kingdom of France", "French Empire"),
    "german": ("Germany", "German Empire"),
    "greek": ("Greece",),
    "hungarian": ("Hungary",),
    "indian": ("India",),
    "iraqi": ("Iraq",),
    "israeli": ("Israel",),
    "italian": ("Italy",),
    "japanese": ("Japan",),
    "jordanian": ("Jordan",),
    "korean": ("Korea", "Joseon"),
    "libyan": ("Libya",),
    "lithuanian": ("Lithuania",),
    "malian": ("Mali", "Malian Army"),
    "mughal": ("Mughal Empire",),
    "ottoman": ("Ottoman Empire",),
    "persian": ("Persia",),
    "polish": ("Poland",),
    "pompeian": ("Pompey", "Pompeians"),
    "portuguese": ("Portugal",),
    "prussian": ("Prussia", "Kingdom of Prussia"),
    "roman": ("Rome", "Roman Republic", "Roman Empire"),
    "russian": ("Russia", "Russian Empire", "Soviet Union"),
    "sardinian": ("Sardinia",),
    "saudi": ("Saudi Arabia",),
    "scottish": ("Scotland", "Kingdom of Scotland"),
    "soviet": ("Soviet Union", "USSR"),
    "spanish": ("Spain", "Spanish Empire"),
    "swedish": ("Sweden",),
    "turkish": ("Turkey", "Ottoman Empire"),
    "ukrainian": ("Ukraine",),
    "vietnamese": ("Vietnam", "North Vietnam"),
    "yemeni": ("Yemen",),
}
"""Adjective in a result -> names a side may carry (`Prussian victory` -> Prussia)."""

_ADJ_OUTCOME: dict[str, Outcome] = {
    "decisive": "decisive_victory",
    "pyrrhic": "pyrrhic_victory",
    "tactical": "tactical_victory",
    "strategic": "strategic_victory",
}
_VICTORY_WORDS = r"(?:victory|victories|victorious|triumph|win|wins)"
# `Decisive Han victory`, `French-Azawad victory`, `DPR and LPR victory`
_WINNER_BEFORE = re.compile(r"^(?P<who>.*?)\s*\b" + _VICTORY_WORDS + r"\b", re.IGNORECASE)
# `Victory for Oda Nobunaga and Tokugawa Ieyasu`
_WINNER_AFTER = re.compile(r"\b(?:victory|win)\s+(?:for|of|to)\s+(?P<who>[^;.]*)", re.IGNORECASE)
_ADJ = re.compile(
    r"^(?:(?:decisive|pyrrhic|tactical|strategic|major|minor|overwhelming|initial|"
    r"marginal|limited|partial|crushing|narrow|costly|ultimate|eventual|final)\b[\s,]*)+",
    re.IGNORECASE,
)
_BOTH_CLAIM = re.compile(r"\bboth\s+sides?\s+claim", re.IGNORECASE)
_SEE = re.compile(r"^see\b", re.IGNORECASE)
_SHORT_OUTCOMES: tuple[tuple[re.Pattern[str], Outcome], ...] = (
    (re.compile(r"\binconclusive\b|\bindecisive\b|\bdraw\b", re.IGNORECASE), "inconclusive"),
    (re.compile(r"\bstalemate\b", re.IGNORECASE), "stalemate"),
    (re.compile(r"\bcease-?fire\b|\btruce\b", re.IGNORECASE), "ceasefire"),
    (re.compile(r"\bwithdr[ae]w(?:al|s|n)?\b|\bretreat", re.IGNORECASE), "withdrawal"),
    (re.compile(r"\bongoing\b", re.IGNORECASE), "ongoing"),
)
_SHORT_CLAUSE_WORDS = 6
# Clause separators: commas, semicolons, bullets, `----`, sentence ends before a capital.
_CLAUSE_SEP = re.compile(r"[,;•\n]|-{3,}|</?(?:br|hr)\b[^<>]{0,12}>|(?<=[a-z)])\.\s+(?=[A-Z])")
# Winner parts: `French-Azawad`, `British–Egyptian`, `French/Chadian`, `DPR and LPR`.
_WINNER_SEP = re.compile(r"\s*[–—/&+]\s*|\s+and\s+", re.IGNORECASE)
# `French-Azawad`, `DPR-Russian`: a hyphen between two names (not `Al-Qaeda` when that matches).
_NAME_HYPHEN = re.compile(r"(?<=\w)-(?=[A-Z])")
_LED = re.compile(r"^(?P<who>\S+?)-led\b", re.IGNORECASE)
_WORDS = re.compile(r"[a-z0-9]+")
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "in", "de", "la", "s"})


@dataclass(frozen=True, slots=True)
class SideNames:
    """What one side is called, as strings: belligerents, units, commanders, aliases.

    `labels` are group labels (`Islamists groups`, `Eastern Army`), read like names and also
    searched for `Islamist`.
    """

    index: int
    names: tuple[str, ...]
    labels: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Result:
    """`Islamist victory` -> outcome victory, victor_sides (2,), winners (`Islamist`,)."""

    text: str
    outcome: Outcome | None
    victor_sides: tuple[int, ...] = ()
    details: tuple[str, ...] = ()
    winners: tuple[str, ...] = ()
    victor_rule: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The schema's result object (text, outcome, victor_sides, details) plus winners and,
        when the victor was inferred rather than named, `victor_rule`."""
        out: dict[str, Any] = {
            "text": self.text,
            "outcome": self.outcome,
            "victor_sides": list(self.victor_sides),
            "details": list(self.details),
            "winners": list(self.winners),
        }
        if self.victor_rule:
            out["victor_rule"] = self.victor_rule
        return out


@dataclass(frozen=True, slots=True)
class SideState:
    """What elimination needs to know of a side: does it have names, and did any vanish?"""

    index: int
    named: bool
    complete: bool


def by_elimination(result: Result, sides: Sequence[SideState]) -> Result:
    """A winner that matches no side, when exactly one side's names all vanished (flag icons
    dropped by the plain-text form) and every other side is fully named: that blank side.

    `Russian victory`, side 1 `,` (blank), side 2 `Chechen Republic of Ichkeria` -> [1].
    Not when another side also lost a name (`, Afghanistan`): then nothing is inferred.
    """
    if result.victor_sides or not result.winners or result.outcome is None:
        return result
    if "victory" not in result.outcome:
        return result
    blank = [s for s in sides if not s.named]
    others = [s for s in sides if s.named]
    if len(blank) != 1 or not others or not all(s.complete for s in others):
        return result
    return dataclasses.replace(
        result,
        victor_sides=(blank[0].index,),
        victor_rule="elimination: the winner names no listed side; the only side whose names vanished",
    )


def _clean(text: str) -> str:
    """` *One of the factors.` -> `One of the factors`: no debris, no sentence stop."""
    out = " ".join(text.split()).strip(" ,;*•-–—|")
    return out[:-1] if out.endswith(".") and out[-3:-1].isalpha() and out[-2].islower() else out


def _clauses(text: str) -> list[str]:
    """`End of the Italian War of Independence, Armistice of Villafranca` -> two clauses."""
    out: list[str] = []
    depth = 0
    pending: list[str] = []
    for piece in _CLAUSE_SEP.split(text):
        pending.append(piece)
        depth += piece.count("(") - piece.count(")")
        if depth <= 0:
            joined = _clean(", ".join(pending))
            if joined:
                out.append(joined)
            pending, depth = [], 0
    out.extend(c for c in (_clean(p) for p in pending) if c)
    return out


@lru_cache(maxsize=65536)
def _words(name: str) -> tuple[str, ...]:
    """`Luhansk People’s Republic` -> (luhansk, people, s, republic): folded word tokens."""
    return tuple(_WORDS.findall(fold(name)))


def _singular(words: tuple[str, ...]) -> tuple[str, ...]:
    """`Parliamentarians` -> `parliamentarian`: side names are often plural demonyms."""
    if words and len(words[-1]) > 3 and words[-1].endswith("s"):
        return (*words[:-1], words[-1][:-1])
    return words


@lru_cache(maxsize=65536)
def _acronym(name: str) -> str:
    """`Luhansk People's Republic` -> `lpr` (initials of the significant words)."""
    words = [w for w in _words(name) if w not in _ACRONYM_SKIP]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


_MAX_PHRASE = 8


@lru_cache(maxsize=65536)
def _ngrams(words: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    """Every run of up to 8 consecutive words: `kingdom of han` holds `han`, `of han`..."""
    n = len(words)
    return frozenset(words[i:j] for i in range(n) for j in range(i + 1, min(n, i + _MAX_PHRASE) + 1))


@lru_cache(maxsize=65536)
def _name_keys(name: str) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...], bool]:
    """Every alias of `name` as word tuples, their acronyms, and whether it is an Islamist group."""
    table = default_table()
    words: list[tuple[str, ...]] = []
    acronyms: list[str] = []
    islamist = False
    for n in table.names_for(name):
        w = _words(n)
        if not w:
            continue
        words.append(w)
        acro = _acronym(n)
        if acro:
            acronyms.append(acro)
        islamist = islamist or fold(n) in ISLAMIST_GROUPS
    return tuple(words), tuple(acronyms), islamist


@dataclass(frozen=True, slots=True)
class _SideIndex:
    """One side's names, pre-folded for matching."""

    index: int
    exact: frozenset[tuple[str, ...]]
    acronyms: frozenset[str]
    phrases: frozenset[tuple[str, ...]]
    islamist: bool


@lru_cache(maxsize=65536)
def _name_index(
    name: str,
) -> tuple[frozenset[tuple[str, ...]], tuple[str, ...], frozenset[tuple[str, ...]], bool]:
    """What one name adds to a `_SideIndex`: exact word tuples, acronyms, phrases, Islamist?
    (cached: the same names recur across sides and articles)."""
    words, acros, is_islamist = _name_keys(name)
    exact: set[tuple[str, ...]] = set()
    phrases: set[tuple[str, ...]] = set()
    for w in words:
        exact.update((w, _singular(w)))
        phrases.update(_ngrams(w), _ngrams(_singular(w)))
    return frozenset(exact), acros, frozenset(phrases), is_islamist


def _side_index(side: SideNames) -> _SideIndex:
    exact: set[tuple[str, ...]] = set()
    acronyms: set[str] = set()
    phrases: set[tuple[str, ...]] = set()
    islamist = any("islamist" in fold(label) for label in side.labels)
    for name in (*side.names, *side.labels):
        if not name:
            continue
        n_exact, acros, n_phrases, is_islamist = _name_index(name)
        exact.update(n_exact)
        phrases.update(n_phrases)
        acronyms.update(acros)
        islamist = islamist or is_islamist
    return _SideIndex(side.index, frozenset(exact), frozenset(acronyms), frozenset(phrases), islamist)


@lru_cache(maxsize=4096)
def _expansions(term: str) -> tuple[tuple[str, ...], ...]:
    """`French` -> French, France, Kingdom of France...; `Azawad` -> MNLA by the alias table."""
    names = {term}
    demonym = DEMONYMS.get(fold(term))
    if demonym:
        names.update(demonym)
    table = default_table()
    for n in list(names):
        names.update(table.names_for(n))
    return tuple(sorted({w for w in map(_words, names) if w}))


def _score(side: _SideIndex, term: str) -> int:
    """2: a name of the side; 1: a phrase inside one of its names (`Han` in `Kingdom of Han`)."""
    if fold(term) in {"islamist", "islamists", "islamic", "jihadist", "jihadists"}:
        return 2 if side.islamist else 0
    best = 0
    for w in _expansions(term):
        if w in side.exact or _singular(w) in side.exact:
            return 2
        if len(w) == 1 and w[0] in side.acronyms:
            return 2
        if w in side.phrases or _singular(w) in side.phrases:
            best = 1
    return best


_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _winner_terms(who: str) -> list[str]:
    """`Hadi-led government and coalition` -> [Hadi, coalition]; `French-Azawad` -> 2 terms."""
    who = _ADJ.sub("", _clean(who))
    terms: list[str] = []
    for part in _WINNER_SEP.split(who):
        part = _clean(part)
        led = _LED.match(part)
        if led:
            part = led.group("who")
        part = _LEADING_THE.sub("", part)
        if part and fold(part) not in {"forces", "side", "army"}:
            terms.append(part)
    return terms


def _split_hyphens(terms: Iterable[str], sides: Sequence[_SideIndex]) -> list[str]:
    """`French-Azawad` names nothing whole, so it is two winners; `Al-Qaeda in Iraq` stays."""
    out: list[str] = []
    for term in terms:
        parts = _NAME_HYPHEN.split(term)
        if len(parts) > 1 and not any(_score(s, term) for s in sides):
            out.extend(p for p in parts if p)
        else:
            out.append(term)
    return out


def _victors(terms: Iterable[str], sides: Sequence[_SideIndex]) -> tuple[int, ...]:
    won: list[int] = []
    for term in terms:
        scores = [(_score(s, term), s.index) for s in sides]
        top = max((sc for sc, _ in scores), default=0)
        if top == 0:
            continue
        best = [i for sc, i in scores if sc == top]
        if len(best) == 1 and best[0] not in won:
            won.append(best[0])
    return tuple(sorted(won))


def _victory(clause: str) -> tuple[Outcome, str] | None:
    """`Decisive Han victory` -> (decisive_victory, `Decisive Han`); no victory -> None."""
    m = _WINNER_AFTER.search(clause)
    if m:
        return "victory", m.group("who")
    m = _WINNER_BEFORE.search(clause)
    if not m:
        return None
    who = m.group("who")
    outcome: Outcome = "victory"
    adj = _ADJ.match(_clean(who))
    if adj:
        for word in _words(adj.group(0)):
            outcome = _ADJ_OUTCOME.get(word, outcome)
    return outcome, who


def read_result(text: str, sides: Sequence[SideNames]) -> Result | None:
    """`French-Azawad victory` with side 1 = MNLA + French Air Force -> victory, [1];
    `Both sides claim victory` -> inconclusive; `See Aftermath` -> outcome None; `` -> None."""
    clean = _clean(text)
    if not clean:
        return None
    if _SEE.match(clean):
        return Result(clean, None)
    if _BOTH_CLAIM.search(clean):
        return Result(clean, "inconclusive", details=(clean,))
    clauses = _clauses(clean)
    index: list[_SideIndex] | None = None
    for i, clause in enumerate(clauses):
        found = _victory(clause)
        if found is None:
            continue
        outcome, who = found
        if index is None:
            index = [_side_index(s) for s in sides]
        terms = _split_hyphens(_winner_terms(who), index)
        details = tuple(c for j, c in enumerate(clauses) if j != i)
        return Result(clean, outcome, _victors(terms, index), details, tuple(terms))
    for i, clause in enumerate(clauses):
        if len(clause.split()) > _SHORT_CLAUSE_WORDS:
            continue
        for pattern, short in _SHORT_OUTCOMES:
            if pattern.search(clause):
                details = tuple(c for j, c in enumerate(clauses) if j != i)
                return Result(clean, short, (), details)
    return Result(clean, "other", (), tuple(clauses))


def side_names(
    index: int,
    actors: Iterable[Actor] = (),
    commanders: Iterable[Commander] = (),
    units: Iterable[str] = (),
) -> SideNames:
    """The `SideNames` of one side from what `bellum.fields.sides` read: names, aliases and
    group labels (`Islamists groups`) of its actors, its commanders and units."""
    names: list[str] = []
    labels: list[str] = []
    for a in actors:
        names.append(a.name)
        names.extend(a.aliases)
        if a.qualifier and a.name.endswith(f"({a.qualifier})"):
            names.append(a.name[: -len(a.qualifier) - 2].strip())
        if a.role and a.role not in labels:
            labels.append(a.role)
    for c in commanders:
        names.append(c.name)
        if c.group and c.group not in labels:
            labels.append(c.group)
    names.extend(units)
    return SideNames(index, tuple(names), tuple(labels))
