"""Attributed figures in prose: who says how many of whom were killed, wounded, captured.

`According to the army, 12 rebels were killed.` -> a `ProseClaim` with source `army` and a
figure `killed personnel 12`. The grammar is a set of small word tables and patterns:
attribution (`according to X`, `X said/claimed/admitted ... that`, `per X`, `X sources`,
`witnesses`), the category of a number (the words after it, or the verb before it), and the
side it counts (a side name in its noun phrase, `for X`, `its fighters` -> the speaker's side,
`12 Islamists` -> the side of the Islamist groups, `X lost N` / `with a loss of N` -> X).

Numbers that count nothing (kilometres, years, times, percentages, ages, `33rd Regiment`)
yield no figure: a number needs a category word, a loss/kill verb or a military noun.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from typing import Any, Protocol, cast

from bellum.fields.figures import CATEGORY_WORDS as FIELD_CATEGORY_WORDS
from bellum.fields.figures import Category, Claim, Figure, Unit
from bellum.fields.numbers import (
    GROUP_WORDS,
    NUMBER_WORDS,
    SCALE_WORDS,
    VAGUE_PLURALS,
    Quantity,
    find_quantities,
)
from bellum.fields.result import ISLAMIST_GROUPS
from bellum.prose.sentences import Sentence
from bellum.resolve.aliases import default_table
from bellum.resolve.aliases import fold as _fold_name

# --- context -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProseSide:
    """One side as the prose reader needs it: `ProseSide(2, ("MOJWA", "AQIM"), ("Abdoul Hakim",))`.

    `names` are belligerents (first = the side's main name) and any aliases; `commanders` and
    `units` are optional (a plain `(index, names)` tuple is accepted wherever a side is).
    """

    index: int
    names: tuple[str, ...]
    commanders: tuple[str, ...] = ()
    units: tuple[str, ...] = ()


class SideLike(Protocol):
    """Anything with a side `index` and its `names` (bellum.fields.result.SideNames does)."""

    @property
    def index(self) -> int: ...

    @property
    def names(self) -> tuple[str, ...]: ...


SideInput = SideLike | tuple[int, tuple[str, ...]]
"""A side as callers give it: a ProseSide, a SideNames, or a plain `(index, names)` tuple."""


@dataclass(frozen=True, slots=True)
class ProseContext:
    """What the prose reader knows from the infobox: the battle's dates (ISO), its sides, and
    the infobox claims per side (`(2, Claim(...))`) the prose is checked against."""

    start: str | None = None
    end: str | None = None
    sides: tuple[SideInput, ...] = ()
    infobox_claims: tuple[tuple[int, Claim], ...] = ()


@dataclass(frozen=True, slots=True)
class ProseClaim:
    """One attributed statement of figures about one side, from one sentence."""

    text: str
    source: str | None
    side: int | None
    date: str | None
    section: str
    figures: tuple[Figure, ...]
    speaker: str | None = None

    def to_json(self) -> dict[str, Any]:
        """`{"text", "source", "side", "date", "section", "figures", "speaker"}`."""
        return {
            "text": self.text,
            "source": self.source,
            "side": self.side,
            "date": self.date,
            "section": self.section,
            "figures": [f.to_json() for f in self.figures],
            "speaker": self.speaker,
        }


@lru_cache(maxsize=8192)
def fold(name: str) -> str:
    """bellum.resolve.aliases.fold, cached (it transliterates, which is slow per call)."""
    return _fold_name(name)


def _words(text: str) -> frozenset[str]:
    """A word table written as one string: `_words("a b")` -> {"a", "b"}."""
    return frozenset(text.split())


# --- word tables ---------------------------------------------------------------------------------

PROSE_ONLY_CATEGORIES: dict[str, Category] = {
    "bodies": "killed", "injuries": "wounded", "hurt": "wounded", "detained": "captured",
    "arrested": "captured",
}  # fmt: skip
"""Words prose uses for a count that infobox values do not."""

INFOBOX_ONLY_WORDS = frozenset({"lost", "abandoned", "losses", "evacuated", "missed"})
"""Infobox words whose prose meaning differs (`lost 3 fighters` is killed, not materiel lost)."""

CATEGORY_WORDS: dict[str, Category] = {
    **{w: cast(Category, c) for w, c in FIELD_CATEGORY_WORDS.items() if w not in INFOBOX_ONLY_WORDS},
    **PROSE_ONLY_CATEGORIES,
}
"""A word after a number that says what it counts: `10 killed`, `6 seriously wounded`."""

VERB_CATEGORIES: dict[str, Category] = {
    "killing": "killed", "killed": "killed", "kill": "killed", "kills": "killed",
    "wounding": "wounded", "wounded": "wounded", "injuring": "wounded", "injured": "wounded",
    "capturing": "captured", "captured": "captured", "took": "captured", "taken": "captured",
    "taking": "captured", "seized": "captured", "seizing": "captured",
    "destroying": "destroyed", "destroyed": "destroyed", "executing": "executed",
    "executed": "executed", "sank": "sunk", "sinking": "sunk",
    "lost": "lost", "losing": "lost", "lose": "lost", "loss": "lost", "losses": "lost",
    "suffered": "casualties", "suffering": "casualties", "toll": "killed",
}  # fmt: skip
"""A verb before a number: `killing 5`, `lost 3 fighters` (lost + personnel -> killed)."""

CLAUSE_BREAKS = frozenset(
    {",", ";", ":", "(", ")", ".", '"', "while", "whereas", "but", "and", "against", "when",
     "after", "before", "as"}
)  # fmt: skip
"""Where the search for a verb before a number stops: `lost 7 men while 3 were wounded`."""
TAKING_VERBS = frozenset({"took", "taken", "taking", "seized", "seizing"})
"""Verbs that count captives only when a noun or a list says so (`took 30 villages`)."""
SIDE_PREPOSITIONS = frozenset({"for", "among", "on", "of", "belonging"})
"""After a count, these introduce the side it belongs to: `100 dead for MNLA forces`."""
NOUNS_BEFORE: dict[str, Category] = {
    "casualties": "casualties", "deaths": "killed", "fatalities": "killed", "dead": "killed",
    "numbered": "strength", "numbering": "strength", "totalled": "strength",
    "totaled": "strength", "strength": "strength",
}  # fmt: skip
"""A noun (or `numbered`) shortly before a number that says what it counts."""
LOSS_VERBS = frozenset({"lost", "losing", "lose", "loss", "losses", "suffered", "suffering"})
"""Verbs whose subject is the side that counts the figure: `the MNLA lost 10 fighters`."""

PERSONNEL_NOUNS = _words(
    """fighters fighter men man soldiers soldier troops troop people persons militants militant
    rebels rebel insurgents combatants civilians civilian jihadists jihadist islamists islamist
    guerrillas guerrillas members policemen police gunmen attackers terrorists warriors sailors
    pilots pilot officers officer personnel marines paratroopers mercenaries volunteers
    militiamen recruits defenders assailants elements children women villagers residents
    hostages"""
)  # fmt: skip
NON_COMBATANT = frozenset(
    {"civilians", "civilian", "children", "women", "villagers", "residents", "hostages",
     "people", "persons"}
)  # fmt: skip
"""Personnel nouns that do not make a strength figure (`three women`, `20 people`)."""
UNIT_NOUNS: dict[str, Unit] = {
    "vehicles": "vehicles", "vehicle": "vehicles", "pickups": "vehicles", "pick-ups": "vehicles",
    "trucks": "vehicles", "cars": "vehicles", "technicals": "vehicles", "apcs": "vehicles",
    "tanks": "tanks", "tank": "tanks", "aircraft": "aircraft", "planes": "aircraft",
    "airplanes": "aircraft", "jets": "aircraft", "helicopters": "helicopters",
    "helicopter": "helicopters", "ships": "ships", "boats": "ships", "vessels": "ships",
    "guns": "guns", "cannons": "guns", "cannon": "guns",
}  # fmt: skip
"""Materiel nouns -> the schema's unit (`32 armoured vehicles` -> vehicles)."""

NOT_COUNTS = _words(
    """km kilometers kilometres kilometre kilometer miles mile metres meters m mi yards feet
    percent per cent hours hour minutes minute am pm a.m p.m o'clock years year days day weeks
    week months month times st nd rd th"""
)
"""Words after a number that make it a distance, a time, a share or an age, never a count."""

PASSIVE = frozenset(
    {"were", "was", "had", "have", "has", "been", "being", "be", "reportedly", "all", "later",
     "also", "then", "allegedly", "seriously", "severely", "lightly", "badly", "critically",
     "mortally", "slightly", "reported", "confirmed", "believed", "said", "to", "of", "its",
     "their", "his", "her", "our", "the", "own", "who", "which", "are", "is"}
)  # fmt: skip
"""Small words allowed between a number and its category word: `12 Islamists were killed`."""

POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})
LIST_GLUE = re.compile(r"\s*(?:,\s*|\s(?:and|or|plus|including|with)\s)(?:and\s|including\s)?")

GROUP_LABELS: dict[str, frozenset[str]] = {
    "islamist": ISLAMIST_GROUPS,
    "tuareg": frozenset({"mnla", "ansar dine", "hcua", "gatia", "mia"}),
}  # fmt: skip
"""Collective labels -> the groups they name (folded canonical names): `12 Islamists`."""
LABEL_WORDS: dict[str, str] = {
    "islamist": "islamist", "islamists": "islamist", "jihadist": "islamist",
    "jihadists": "islamist", "tuareg": "tuareg", "tuaregs": "tuareg",
}
_LABEL_RE = re.compile(r"\b(?:[Ii]slamists?|[Jj]ihadists?|Tuaregs?)\b")
_ISLAMIST_HINT = re.compile(r"(?i)\b(?:islamic|ansar|al-qa[e']?ida|jihad)")

# --- attribution ---------------------------------------------------------------------------------

SPEECH_VERBS = _words(
    """said says say stated states claimed claims claim reported reports announced announces
    admitted admits denied denies declared declares told tells confirmed confirms acknowledged
    acknowledges asserted asserts alleged alleges estimated estimates added mentioned mention
    mentions insisted"""
)  # fmt: skip
"""Verbs that make their subject the source of what follows (`the MAA admitted that ...`)."""
SOURCE_NOUNS = _words(
    """sources source witnesses witness residents officials official spokesman spokesperson
    spokeswoman press media newspaper radio agency army military police government
    authorities ministry commander leader statement report reports testimonies testimony
    observers monitors doctors hospital communique rebels insurgents militants
    governor mayor minister president spokesmen prefect"""
)  # fmt: skip
"""Nouns that can head a source phrase: `Xinhua News Agency sources`, `a security source`."""
SOURCE_MODIFIERS = _words(
    """security local military medical hospital diplomatic government official other
    various several unnamed anonymous regional western french malian same these"""
)  # fmt: skip
NAME_CONNECTORS = frozenset(
    {"ag", "ould", "bin", "ben", "ibn", "al", "el", "de", "du", "da", "van", "von", "of", "la"}
)
ADVERBS = _words(
    """also then later immediately officially publicly reportedly had has have further
    subsequently quickly first initially again both once allegedly previously earlier
    himself itself themselves"""
)  # fmt: skip
ROLE_NOUNS = _words(
    """spokesman spokeswoman spokesperson commander leader official chief head representative
    general colonel officer secretary minister envoy negotiator"""
)
"""Roles before a name that tie the speaker to an organisation: `MNLA spokesman X`."""
PRONOUNS_PERSON = frozenset({"he", "she", "him", "her"})
PRONOUNS_GROUP = frozenset({"it", "they", "them"})
_SAME_SOURCE = re.compile(
    r"^(?:the\s)?(?:same|these|those|this|that|said)\s(?:sources?|reports?|witnesses)$"
    r"|^(?:him|her|them|it)$",
    re.IGNORECASE,
)

_ACCORDING = re.compile(r"\b[Aa]ccording\sto\s(?P<x>[^,.;:\"“”()]{1,120})")
_PER = re.compile(r"\b[Pp]er\s(?P<x>(?:the\s)?[A-Z][^,.;:\"“”()]{0,80})")
_SPEECH = re.compile(r"\b(?P<v>" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")\b")
_STANDALONE = re.compile(r"\b(?:sources|officials|witnesses)\b", re.IGNORECASE)
_STANDALONE_WORDS = frozenset({"sources", "officials", "witnesses"})
_TOKEN = re.compile(r"[A-Za-zÀ-ÿ0-9][\w'’.-]*|[,.;:!?()\"“”]")
_WORD_TAIL = re.compile(r"[\w'’.-]+$")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|is|are|be|being)\s$")
_ORG_WORDS = re.compile(
    r"\b(?:Movement|Army|Forces?|Front|Party|Brigade|Group|Agency|Committee|Ministry|"
    r"Government|Republic|Kingdom|Empire|State|Union|Council|Organi[sz]ation|Alliance|"
    r"Coalition|Battalion|Regiment|Division|Corps|Navy|Air|Police|Guard|Radio|News)\b"
)
TRIGGER_PREFIXES: tuple[str, ...] = (
    "kill", "dead", "death", "died", "dies", "wound", "injur", "captur", "prisoner", "missing",
    "execut", "surrender", "desert", "destroy", "damag", "sunk", "sank", "casualt", "defect",
    "displac", "lost", "lose", "losing", "loss", "suffer", "toll", "fatalit", "slain", "bodies",
    "body", "fighter", "men", "soldier", "troop", "vehicle", "tank", "aircraft", "plane", "jet",
    "helicopter", "ship", "boat", "gun", "pickup", "truck", "militant", "militia", "rebel",
    "insurgent", "jihadist", "islamist", "guerrill", "member", "personnel", "people", "person",
    "taken", "took", "seiz", "arrest", "detain", "civilian", "women", "children", "hostage",
    "policem", "officer", "warrior", "attacker", "marine", "sailor", "pilot", "terrorist",
    "numbered", "numbering", "strength", "total",
)  # fmt: skip
"""Word beginnings a figure needs (killed, fighters, vehicles, took ...): a sentence with none
of them cannot hold a figure, and the quantity grammar is not run on it."""
_LOWER_WORD = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d[\d,.]*")
_CONTEXT = 48
"""Characters read on each side of a digit run (the quantity grammar looks 40 back)."""


@dataclass(frozen=True, slots=True)
class Scan:
    """What every stage asks of a sentence, computed once: its lowercase words, digits."""

    text: str
    lower: str
    words: frozenset[str]
    digit: bool


def scan(text: str) -> Scan:
    """`scan("12 Islamists were killed")`: words {"islamists", "were", "killed"}, digit True."""
    lower = text.lower()
    if len(lower) != len(text):  # `İ` lowercases to two characters: keep offsets aligned
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return Scan(text, lower, frozenset(_LOWER_WORD.findall(lower)), _DIGIT.search(text) is not None)


def _may_hold_figures(sc: Scan) -> bool:
    """Cheap gate: a number (digit or number word) and a category/unit word."""
    if not sc.digit and NUMBER_TRIGGERS.isdisjoint(sc.words):
        return False
    return any(w.startswith(TRIGGER_PREFIXES) for w in sc.words)


_NEXT_WORD = re.compile(r"\s?([A-Za-z]+)")


def _number_starts(sc: Scan, dates: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Spans of digit runs and number words (`12`, `thirty`, `dozens`) in a sentence, without
    the digits of dates and of distances, times and shares (`80 kilometers`, `5 pm`)."""
    spans: list[tuple[int, int]] = []
    for m in _DIGIT_RUN.finditer(sc.text):
        if any(s <= m.start() < e for s, e in dates):
            continue
        nxt = _NEXT_WORD.match(sc.text, m.end())
        if nxt is not None and nxt.group(1).lower() in NOT_COUNTS:
            continue
        spans.append((m.start(), m.end()))
    lower = sc.lower
    for word in NUMBER_TRIGGERS.intersection(sc.words):
        i = lower.find(word)
        while i >= 0:
            end = i + len(word)
            if (i == 0 or not lower[i - 1].isalpha()) and (
                end >= len(lower) or not lower[end].isalpha()
            ):
                spans.append((i, end))
            i = lower.find(word, end)
    spans.sort()
    return spans


def _quantities(sc: Scan, dates: Sequence[tuple[int, int]] = ()) -> list[Quantity]:
    """find_quantities on the stretches around numbers that also hold a category or unit word
    (merged windows): most of a sentence is never read by the quantity grammar."""
    text = sc.text
    windows: list[list[int]] = []
    for s_, e_ in _number_starts(sc, dates):
        start = text.rfind(" ", 0, max(0, s_ - _CONTEXT)) + 1
        end = text.find(" ", min(len(text), e_ + _CONTEXT))
        end = len(text) if end < 0 else end
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(end, windows[-1][1])
        else:
            windows.append([start, end])
    out: list[Quantity] = []
    for start, end in windows:
        lower = sc.lower[start:end]
        if not any(w.startswith(TRIGGER_PREFIXES) for w in _LOWER_WORD.findall(lower)):
            continue
        piece = text[start:end]
        for q in find_quantities(piece):
            out.append(q if start == 0 else replace(q, start=q.start + start, end=q.end + start))
    return out

NUMBER_TRIGGERS = frozenset(
    [*NUMBER_WORDS, *SCALE_WORDS, *GROUP_WORDS, *VAGUE_PLURALS, "tens", "dozen", "score"]
)
"""Words that may make a number without digits (`thirty`, `a dozen`, `dozens`)."""

# --- matching side names -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    """A side name, alias, commander or label found in a sentence."""

    start: int
    end: int
    text: str
    side: int | None
    person: bool
    actor: str | None  # the context's name for the side's belligerent, when it is one


def _side_fields(s: SideInput) -> ProseSide:
    """Any accepted side form as a ProseSide (`labels` of a SideNames count as names)."""
    if isinstance(s, ProseSide):
        return s
    if isinstance(s, tuple):
        return ProseSide(s[0], tuple(s[1]))
    labels = tuple(getattr(s, "labels", ()))
    return ProseSide(s.index, tuple(s.names) + labels)


def _looks_personal(name: str) -> bool:
    """`Abdoul Hakim` is a person; `MNLA`, `Arab Movement of Azawad`, `French Air Force` not."""
    words = name.split()
    if len(words) < 2 or _ORG_WORDS.search(name):
        return False
    if any(w.isupper() and len(w) > 1 for w in words):
        return False
    return all(w[:1].isupper() or w.lower() in NAME_CONNECTORS for w in words)


class SideMatcher:
    """Finds the sides' names (with their aliases), commanders and group labels in a sentence.

    Built once per article: `SideMatcher(context.sides).mentions("MUJAO attacked")` gives a
    mention of side 2 when side 2 lists `MOJWA` (MUJAO is an alias).
    """

    def __init__(self, sides: Iterable[SideInput]) -> None:
        table = default_table()
        self.sides = [_side_fields(s) for s in sides]
        self._by_fold: dict[str, tuple[int, bool, str | None]] = {}
        self._by_surface: dict[str, tuple[int, bool, str | None]] = {}
        self._primary: dict[int, str] = {}
        surface: set[str] = set()
        for side in self.sides:
            if side.names:
                self._primary[side.index] = side.names[0]
            commanders = set(side.commanders)
            for name in (*side.names, *side.units, *side.commanders):
                name = name.strip()
                if len(name) < 2:
                    continue
                person = name in commanders or (not commanders and _looks_personal(name))
                actor = None if person or name in side.units else name
                for variant in table.names_for(name) | {name}:
                    key = fold(variant)
                    if key and key not in self._by_fold:
                        self._by_fold[key] = (side.index, person, actor)
                    if key and variant not in self._by_surface:
                        self._by_surface[variant] = self._by_fold[key]
                        surface.add(variant)
        self._labels: dict[str, int] = {}
        for label, groups in GROUP_LABELS.items():
            hits = {s.index for s in self.sides if any(self._in_group(n, label, groups)
                                                       for n in s.names)}
            if len(hits) == 1:
                self._labels[label] = hits.pop()
        parts = sorted(surface, key=len, reverse=True)
        firsts = "".join(sorted({re.escape(p[0]) for p in parts}))
        # the leading class of first letters lets the regex engine skip ahead quickly
        self._pattern: re.Pattern[str] | None = (
            re.compile(
                f"(?=[{firsts}])(?<![\\w-])(?:"
                + "|".join(re.escape(p) for p in parts)
                + r")(?![\w-])"
            )
            if parts
            else None
        )

    @staticmethod
    def _in_group(name: str, label: str, groups: frozenset[str]) -> bool:
        """True when `name` (`MOJWA`) is one of the groups a label (`islamist`) names."""
        table = default_table()
        if fold(table.canonical(name)) in groups or fold(name) in groups:
            return True
        return label == "islamist" and _ISLAMIST_HINT.search(name) is not None

    def primary(self, side: int) -> str | None:
        """The side's main name as the context gives it (`MOJWA`)."""
        return self._primary.get(side)

    def is_person(self, name: str) -> bool:
        """True when `name` is one of the context's commanders (or a person-like name)."""
        hit = self._by_fold.get(fold(name))
        return hit is not None and hit[1]

    def side_of(self, name: str) -> int | None:
        """The side a name (or alias, or commander) belongs to, else None."""
        hit = self._by_fold.get(fold(name))
        if hit is None:
            hit = self._by_fold.get(fold(re.sub(r"^(?:the|The)\s", "", name)))
        return None if hit is None else hit[0]

    def mentions(self, text: str) -> list[Mention]:
        """Every name and label mention in `text`, in order."""
        out: list[Mention] = []
        if self._pattern is not None:
            for m in self._pattern.finditer(text):
                side, person, actor = self._by_surface[m.group()]
                out.append(Mention(m.start(), m.end(), m.group(), side, person, actor))
        if self._labels and ("slamist" in text or "ihadist" in text or "Tuareg" in text):
            for m in _LABEL_RE.finditer(text):
                label = LABEL_WORDS[m.group().lower()]
                if label in self._labels:
                    out.append(Mention(m.start(), m.end(), m.group(), self._labels[label],
                                       False, None))
            out.sort(key=lambda x: x.start)
        return out


# --- attribution ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a stretch of a sentence is attributed to; `at` is where the attribution is."""

    source: str
    speaker: str | None
    side: int | None
    at: int


@dataclass(slots=True)
class _State:
    """What carries from one sentence to the next: the last attribution (for `according to
    him`, `the same source`)."""

    last: Attribution | None = None
    last_person: Attribution | None = None


def _strip_article(text: str) -> str:
    """`the MNLA` -> `MNLA`, `a security source` -> `security source`."""
    text = text.strip(" \t'’\"")
    for art in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(art):
            return text[len(art) :].strip()
    return text


def _tokens_before(text: str, end: int) -> list[str]:
    """Words before `end` (up to 120 characters back), nearest last."""
    return [t.group() for t in _TOKEN.finditer(text, max(0, end - 120), end)]


def _name_run(words: list[str]) -> str | None:
    """The proper name or source phrase ending the word list: `... Abdoul Hakim` -> that;
    `... Xinhua News Agency sources` -> that; `... a security source` -> `security source`."""
    if not words:
        return None
    last = words[-1]
    low = last.lower().rstrip(".")
    i = len(words) - 1
    if low in SOURCE_NOUNS:
        while i > 0:
            prev = words[i - 1]
            if prev[:1].isupper() or prev.lower() in SOURCE_MODIFIERS:
                i -= 1
                continue
            break
        return " ".join(words[i:])
    if not (last[:1].isupper() or last[:1].isdigit()) or last in ("The", "A", "An"):
        return None
    while i > 0:
        prev = words[i - 1]
        capital = prev[:1].isupper() and prev not in ("The", "A", "An", "On", "In", "By", "After")
        connector = prev.lower() in NAME_CONNECTORS and i > 1 and words[i - 2][:1].isupper()
        if capital or connector:
            i -= 1
        else:
            break
    while i < len(words) and words[i].lower() in NAME_CONNECTORS:
        i += 1
    run = " ".join(words[i:])
    return run or None


class Attributor:
    """Finds attributions in sentences, keeping the last speaker for `according to him`."""

    def __init__(self, matcher: SideMatcher) -> None:
        self.matcher = matcher
        self.state = _State()

    def _make(self, raw: str, at: int, appositive: str | None = None) -> Attribution | None:
        """An attribution from a source phrase; pronouns and `the same source` look back."""
        phrase = _strip_article(raw)
        if not phrase:
            return None
        low = phrase.lower()
        if _SAME_SOURCE.match(phrase):
            prev = self.state.last_person if low in PRONOUNS_PERSON else self.state.last
            if low in ("him", "her") and prev is None:
                return None
            if prev is None:
                prev = self.state.last
            return None if prev is None else Attribution(prev.source, prev.speaker, prev.side, at)
        if low in PRONOUNS_PERSON:
            prev = self.state.last_person
            return None if prev is None else Attribution(prev.source, prev.speaker, prev.side, at)
        if low in PRONOUNS_GROUP:
            prev = self.state.last
            return None if prev is None else Attribution(prev.source, prev.speaker, prev.side, at)
        side = self.matcher.side_of(phrase)
        org: str | None = None
        if appositive:
            for m in reversed(self.matcher.mentions(appositive)):
                if not m.person:
                    org, side = _strip_article(m.text), m.side
                    break
        person = (side is not None and self._is_person(phrase)) or (
            org is not None and _looks_personal(phrase)
        )
        if person:
            source = org or (self._side_source(side) if side is not None else None)
            return Attribution(source or phrase, phrase, side, at)
        if side is None and _looks_personal(phrase) and appositive is None:
            return Attribution(phrase, phrase, None, at)
        return Attribution(phrase, None, side, at)

    def _is_person(self, phrase: str) -> bool:
        return self.matcher.is_person(phrase)

    def _side_source(self, side: int) -> str | None:
        """The source name for a side's spokesman: its main name, canonical (`MOJWA` -> `MUJAO`)."""
        primary = self.matcher.primary(side)
        return None if primary is None else default_table().canonical(primary)

    def _subject(self, text: str, verb_start: int) -> tuple[str, str | None] | None:
        """The phrase before a speech verb, and an appositive between commas:
        `Abdoul Hakim, a commander of MUJAO, told` -> (`Abdoul Hakim`, `a commander of MUJAO`)."""
        if _PASSIVE_BEFORE.search(text, max(0, verb_start - 7), verb_start):
            return None
        words = _tokens_before(text, verb_start)
        while words and words[-1].lower() in ADVERBS:
            words.pop()
        appositive: str | None = None
        if words and words[-1] == ",":
            try:
                k = len(words) - 2 - words[-2::-1].index(",")
            except ValueError:
                return None
            appositive = " ".join(words[k + 1 : -1])
            if len(appositive) > 100:
                return None
            words = words[:k]
        if not words:
            return None
        low = words[-1].lower()
        if low in PRONOUNS_PERSON or low in PRONOUNS_GROUP:
            return low, appositive
        run = _name_run(words)
        if run is None:
            return None
        k = len(words) - len(run.split())
        if appositive is None and k > 0 and words[k - 1].lower() in ROLE_NOUNS:
            # `MNLA spokesman Moussa Ag Assarid said`: the role's organisation
            appositive = " ".join(words[max(0, k - 5) : k])
        return run, appositive

    def find(self, text: str, sc: Scan | None = None) -> list[Attribution]:
        """Attributions of one sentence in order of position."""
        sc = sc or scan(text)
        found: list[Attribution] = []
        lowered = sc.lower
        if "ccording" in text:
            for m in _ACCORDING.finditer(text):
                phrase = " ".join(m.group("x").split()[:8])
                att = self._make(phrase, m.start())
                if att is not None:
                    found.append(att)
        if "per " in lowered:
            for m in _PER.finditer(text):
                att = self._make(m.group("x"), m.start())
                if att is not None:
                    found.append(att)
        words = sc.words
        speech = () if SPEECH_VERBS.isdisjoint(words) else _SPEECH.finditer(text)
        for m in speech:
            subject = self._subject(text, m.start())
            if subject is None:
                continue
            att = self._make(subject[0], m.start(), subject[1])
            if att is not None:
                found.append(att)
        if not found and not _STANDALONE_WORDS.isdisjoint(words):
            for m in _STANDALONE.finditer(text):
                run = _name_run(_tokens_before(text, m.end()))
                if run:
                    att = self._make(run, m.start())
                    if att is not None:
                        found.append(att)
                        break
        found.sort(key=lambda a: a.at)
        for att in found:
            self.state.last = att
            if att.speaker is not None:
                self.state.last_person = att
        return found


# --- figures -------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Reading:
    """What the words around one number say (mutable while a sentence's list is resolved):
    `lost 3 fighters` -> category killed, subject fighters, loss_verb, from_verb."""

    quantity: Quantity
    category: Category | None
    unit: Unit
    subject: str | None
    side: int | None
    possessive: bool
    tail_end: int
    for_side: bool = False
    loss_verb: bool = False
    weak: bool = False
    from_verb: bool = False


def _words_after(text: str, pos: int, limit: int = 8) -> list[re.Match[str]]:
    """The first `limit` tokens after `pos` (within 90 characters): the number's noun phrase."""
    out: list[re.Match[str]] = []
    for t in _TOKEN.finditer(text, pos, min(len(text), pos + 90)):
        out.append(t)
        if len(out) >= limit:
            break
    return out


_AGE_OR_TIME = re.compile(r"\b(?:aged|age\sof)\s$")


def _excluded(text: str, q: Quantity, dates: Sequence[tuple[int, int]]) -> bool:
    """A number inside a date, or a distance, time, share, age, year or ordinal."""
    for s, e in dates:
        if s < q.end and q.start < e:
            return True
    nxt = text[q.end : q.end + 12].lstrip()
    if nxt[:1] in ("%", ":") or (nxt[:1].isalpha() and text[q.end : q.end + 1].isalpha()):
        return True
    word = re.match(r"[\w.'’-]+", nxt)
    if word is not None:
        w = word.group().lower().rstrip(".")
        if w in NOT_COUNTS or w.endswith("-year-old") or w.startswith(("year", "-year")):
            return True
    if text[q.end : q.end + 1] == "-" and text[q.end + 1 : q.end + 5].lower() == "year":
        return True
    before = text[max(0, q.start - 12) : q.start].lower()
    if _AGE_OR_TIME.search(before):
        return True
    year = q.low is not None and q.low == q.high and 1000 <= q.low <= 2100
    return year and before.endswith(("in ", "since ", "until ", "of ", "by "))


def _next_is(tokens: Sequence[re.Match[str]], i: int, word: str) -> bool:
    """True when the token after `tokens[i]` is `word` (a trailing period ignored)."""
    return i + 1 < len(tokens) and tokens[i + 1].group().lower().rstrip(".") == word


def _read_quantity(text: str, q: Quantity, mentions: dict[int, Mention]) -> _Reading:
    """Category, unit, subject and side of one number from the words around it."""
    category: Category | None = None
    unit: Unit = "personnel"
    subject: str | None = None
    side: int | None = None
    possessive = False
    for_side = False
    noun_seen = False
    tail_end = q.end
    tokens = _words_after(text, q.end)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        w = tok.group()
        low = w.lower().rstrip(".")
        mention = mentions.get(tok.start())
        if mention is not None:
            if side is None:
                side = mention.side
            if mention.actor is None and not mention.person and not noun_seen:
                subject, noun_seen = low, True  # a label: `12 Islamists`
            # skip the tokens of a multi-word name
            while i + 1 < len(tokens) and tokens[i + 1].start() < mention.end:
                i += 1
            tail_end = mention.end
            i += 1
            continue
        if low in CATEGORY_WORDS and (category is None or category == "captured"):
            category = CATEGORY_WORDS[low]
            tail_end = tok.end()
        elif low == "taken" and _next_is(tokens, i, "prisoner"):
            category = "captured"
            tail_end = tokens[i + 1].end()
            i += 1
        elif low == "shot" and _next_is(tokens, i, "down"):
            category = "shot_down"
            tail_end = tokens[i + 1].end()
            i += 1
        elif low in UNIT_NOUNS and not noun_seen:
            unit, subject, noun_seen = UNIT_NOUNS[low], low, True
            tail_end = tok.end()
        elif low in PERSONNEL_NOUNS and not noun_seen:
            subject, noun_seen = low, True
            tail_end = tok.end()
        elif low in POSSESSIVES:
            possessive = True
        elif low in SIDE_PREPOSITIONS and i + 1 < len(tokens):
            # `12 dead for the MNLA`, `20 vehicles belonging to MUJAO`, `5 of the AQIM men`
            j = i + 1
            while j < len(tokens) and tokens[j].group().lower() in ("to", "the", "both"):
                j += 1
            ment = None
            if j < len(tokens):
                ment = mentions.get(tokens[j].start())
            if ment is not None and side is None:
                side, for_side = ment.side, low != "of"
                tail_end = ment.end
            if low != "of" or ment is not None:
                break
        elif low in PERSONNEL_NOUNS or low in UNIT_NOUNS:
            tail_end = tok.end()  # a second noun: `3 Tuareg rebels`
        elif low in PASSIVE or low in ("armored", "armoured", "seriously", "more", "other"):
            pass
        elif w[:1].isupper() and not noun_seen:
            pass  # an unknown proper adjective: `French soldiers`
        else:
            break
        if low in ("and", "or", ",", "against", "including", "while", "but"):
            break
        i += 1
    reading = _Reading(q, category, unit, subject, side, possessive, tail_end, for_side)
    # the verb before: `killing 5`, `lost 3 fighters`, `a loss of 10 killed`
    before = [t.group().lower() for t in _TOKEN.finditer(text, max(0, q.start - 40), q.start)]
    before = before[-4:]
    for w in reversed(before):
        if w in CLAUSE_BREAKS:
            break
        if w in NOUNS_BEFORE and reading.category is None:
            reading.category = NOUNS_BEFORE[w]  # `casualties were estimated at 200`
            break
        if w in VERB_CATEGORIES or w == "downed" or (w == "down" and "shot" in before):
            verb_cat = VERB_CATEGORIES.get(w, "shot_down")
            reading.loss_verb = w in LOSS_VERBS
            if reading.category is None:
                if verb_cat == "lost":
                    verb_cat = "killed" if unit == "personnel" else "lost"
                reading.category, reading.from_verb = verb_cat, True
                # `took 30` alone may be villages: it needs a noun or a list it continues
                reading.weak = w in TAKING_VERBS and subject is None
            break
    return reading


def _figure(r: _Reading) -> Figure:
    """The schema Figure of a reading; no category left means a strength count."""
    q = r.quantity
    return Figure(
        category=r.category or "strength",
        unit=r.unit,
        low=q.low,
        high=q.high,
        approximate=q.approximate,
        bound=q.bound,
        subject=r.subject,
        text=q.text,
    )


def _possessor(att: Attribution | None, mentions: Sequence[Mention], pos: int) -> int | None:
    """Whose `its fighters` / `his troops`: the speaker's side, else the first actor named."""
    if att is not None and att.side is not None:
        return att.side
    for m in mentions:
        if m.start < pos and m.side is not None:
            return m.side
    return None


_POSSESSIVE_BEFORE = re.compile(
    r"\b(?:its|his|their|her|our)\s(?:own\s)?(?:troops|fighters|forces|men|soldiers|side|"
    r"army|ranks|units|group|movement|losses)\b"
)


MAX_SENTENCE = 3000
"""A "sentence" longer than this is a run-on list or markup debris, not prose: no figures are
read from it (real sentences with figures are a few hundred characters)."""


def read_figures(
    sentence: Sentence,
    mentions: Sequence[Mention],
    attributions: Sequence[Attribution],
    dates: Sequence[tuple[int, int]],
    sc: Scan | None = None,
) -> list[tuple[Figure, int | None, Attribution | None]]:
    """Figures of one sentence with the side they count and the attribution that covers them."""
    text = sentence.text
    sc = sc or scan(text)
    if len(text) > MAX_SENTENCE or not _may_hold_figures(sc):
        return []
    readings: list[_Reading] = []
    by_start = {m.start: m for m in mentions}
    for q in _quantities(sc, dates):
        if (q.low is not None or q.high is not None) and not _excluded(text, q, dates):
            readings.append(_read_quantity(text, q, by_start))
    glued = [False] + [
        LIST_GLUE.fullmatch(text, a.tail_end, b.quantity.start) is not None
        for a, b in pairwise(readings)
    ]
    # backwards: `25 Islamists and 4 MNLA fighters were killed` -> both killed
    for i in range(len(readings) - 2, -1, -1):
        r, nxt = readings[i], readings[i + 1]
        if (r.category is None and glued[i + 1] and nxt.category is not None
                and not nxt.from_verb and nxt.unit == r.unit and nxt.subject is not None):
            r.category = nxt.category
    out: list[tuple[Figure, int | None, Attribution | None]] = []
    previous: _Reading | None = None
    for i, r in enumerate(readings):
        q = r.quantity
        joined = glued[i] and previous is not None and previous is readings[i - 1]
        if previous is not None and (joined or r.for_side):
            if r.category is None or r.weak:
                r.category, r.weak = previous.category, False
                if previous.loss_verb and previous.from_verb:  # `lost 8 men and 3 vehicles`
                    r.category = "killed" if r.unit == "personnel" else "lost"
            if joined and r.subject is None:
                r.unit, r.subject = previous.unit, previous.subject
        if joined and r.side is None and previous is not None:
            r.side = previous.side
        if r.weak:
            r.category = None  # `took 30` with nothing saying what was taken
        att = _covering(attributions, q.start)
        if r.side is None and (
            r.possessive or _POSSESSIVE_BEFORE.search(text, max(0, q.start - 60), q.start)
        ):
            r.side = _possessor(att, mentions, q.start)
        if r.side is None and r.loss_verb:
            r.side = _subject_side(text, mentions, q.start)
        if r.category is None:
            military = r.subject is not None and r.subject not in NON_COMBATANT
            if not military:
                previous = None
                continue
        if r.side is None and r.category in (None, "strength"):
            r.side = _subject_side(text, mentions, q.start, strength=True)
        out.append((_figure(r), r.side, att))
        previous = r
    return out


_OPPOSED = re.compile(
    r"[,;:]|\b(?:against|by|faced|facing|engaged|(?:clashed|fought|battled)\swith)\b"
)
"""Words between an actor and a strength figure that make the figure the opponent's."""


def _subject_side(
    text: str, mentions: Sequence[Mention], pos: int, strength: bool = False
) -> int | None:
    """The side of the nearest actor named before `pos` in the same clause (the subject of
    `the MNLA was routed ... with a loss of 10`)."""
    best: Mention | None = None
    for m in mentions:
        if m.end <= pos and m.side is not None:
            best = m
    if best is None:
        return None
    between = text[best.end : pos]
    if strength and _OPPOSED.search(between):
        return None
    return best.side


def _covering(attributions: Sequence[Attribution], pos: int) -> Attribution | None:
    """The nearest attribution before `pos`, else the first after it."""
    before = [a for a in attributions if a.at <= pos]
    if before:
        return before[-1]
    return attributions[0] if attributions else None


def group_claims(
    sentence: Sentence,
    figures: Sequence[tuple[Figure, int | None, Attribution | None]],
    date: str | None,
) -> list[ProseClaim]:
    """One ProseClaim per (attribution, side) of a sentence, figures in reading order."""
    groups: dict[tuple[str | None, str | None, int | None], list[Figure]] = {}
    for fig, side, att in figures:
        key = (att.source if att else None, att.speaker if att else None, side)
        groups.setdefault(key, []).append(fig)
    return [
        ProseClaim(sentence.text, source, side, date, sentence.section, tuple(figs), speaker)
        for (source, speaker, side), figs in groups.items()
    ]
