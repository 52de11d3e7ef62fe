"""Name variants: are two spellings one actor, person, place or conflict?

`name_key` folds a name to a comparison key (`Gen. Oumar Ould Hamaha` -> `omar ould hamaha`);
`same_name` decides, in this order, and says which rule decided:

1. **identical after folding** — the same ASCII-folded, lowercased, punctuation-free words
   (`Ménaka` ~ `Menaka`, `Königgrätz` ~ `Koniggratz`).
2. **alias table** — both names have one canonical name in bellum/data/aliases.csv, among
   the rows of their kind (`MOJWA` ~ `MUJAO` as actors).
3. **acronym** (actors) — one name is an acronym of three letters or more spelling the
   other's initials (`SWATF` ~ `South West African Territorial Force`), or the other carries
   it (`Arab Movement of Azawad (MAA)` ~ `MAA`).
4. **same key** — for persons after dropping ranks, titles and notes (`Gen. Bernard Barrera` ~
   `Bernard Barrera`), for all after the visible table `TRANSLITERATIONS` (`Oumar` -> `omar`,
   `Abdoul` -> `abdul`, `Mohamed` -> `muhammad`), the article rule (`al-`, `el-`, `ad-` are
   dropped) and spacing (`Tinzaouaten` ~ `Tin Zaouaten`): "transliteration variant (...)".
5. **veto** — words that tell entities apart must agree: ordinals and numbers
   (`Second Battle of Kidal` vs `Battle of Kidal`), regnal numbers (`Charles II` vs
   `Charles I`), admin-unit words for places (`Kidal` vs `Kidal Region`), parenthesized
   qualifiers for actors (`Ansar al-Sharia (Mali)` vs `Ansar al-Sharia (Libya)`), two
   different acronyms (`FAPLA` vs `FALA`), two different middle initials.
6. **qualified place** — `Gao` ~ `Gao, Mali` (qualifiers of the shorter all in the longer).
7. **initials** (persons) — same surname and compatible initials (`A. V. Zakharchenko` ~
   `Alexander Zakharchenko`).
8. **token similarity** — a weighted soft Dice score (see `similarity`) at or above
   `THRESHOLD`, which was tuned on the labelled pairs in bellum/data/name_pairs.csv
   (`benchmarks/resolve.py` prints precision/recall there at several thresholds).
9. **subset** — words left out (`Levin von Bennigsen` ~ `Levin August von Bennigsen`,
   `Kingdom of Scotland` ~ `Scotland`); see `_subset_rule` for its limits.

The similarity measure (no rapidfuzz needed): the keys' words are weighted (1 for a content
word, 0.25 for a particle or generic word such as `abu`, `ag`, `ould`, `battle`, `army`,
`kingdom`); each word of the shorter key is paired with its best unused partner in the other
key when their character ratio (difflib) is >= 0.85 and they share first and last letters
(`Belmokhtar` ~ `Belmoktar`), both compared under SPELLING_FOLDS; score = 2 x (matched
weight x ratio) / (total weight of both). So `Omar Ould Hamaha` vs `Omar Bongo` scores 0.47
and `Mokhtar Belmokhtar` vs `Moktar Belmoktar` scores 1.0.

Known misses on the labelled list (kept there, not tuned away): names that drop a given name
(`Pierre Augereau`), title forms (`Cumberland` ~ `Duke of Cumberland`), vowel changes at a
word's edge (`Haftar` ~ `Hifter`, `Debaltseve` ~ `Debaltsevo`); a known false link: the
spelling folds make `Konna` (Mali) and `Kona` (Hawaii) one word.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, cast

from unidecode import unidecode

from bellum.resolve.acronyms import acronym_letters, initials_match, is_acronym, split_defined
from bellum.resolve.aliases import AliasTable, fold, shipped_aliases

Kind = Literal["actor", "person", "place", "conflict"]

# The decision threshold for rule 8, tuned on bellum/data/name_pairs.csv (benchmarks/resolve.py
# prints precision/recall at this and neighbouring thresholds). 0.80 scores a slightly higher F1
# (by 0.002) but sits exactly on labelled pairs of both classes (0.80); 0.85 keeps a margin and
# puts precision first: a false link merges two entities in the store, a missed link only
# leaves a duplicate that one alias-table row fixes.
THRESHOLD = 0.85
TOKEN_RATIO = 0.85  # two words are variants of each other at this difflib ratio or above
MAX_NAME_CHARS = 300  # longer values are not names: only folding and the alias table apply

# Transliteration variants, spelling -> the canonical spelling used in keys. Keys are folded
# (ASCII, lowercase) single words; add a row when a new variant turns up.
TRANSLITERATIONS: dict[str, str] = {
    # Arabic given names in French / English / older spellings
    "oumar": "omar", "umar": "omar", "omer": "omar",
    "abdoul": "abdul", "abdel": "abdul", "abdal": "abdul", "abd": "abdul",
    "abdoulaye": "abdullah", "abdallah": "abdullah", "abdellah": "abdullah",
    "abdulla": "abdullah",
    "mohammed": "muhammad", "mohamed": "muhammad", "mohammad": "muhammad",
    "muhammed": "muhammad", "mohamad": "muhammad", "mouhamed": "muhammad",
    "mahamat": "muhammad",
    "ahmed": "ahmad", "ahmet": "ahmad",
    "moktar": "mokhtar", "mukhtar": "mokhtar", "belmoktar": "belmokhtar",
    "youssef": "yusuf", "yousef": "yusuf", "youssouf": "yusuf", "yousouf": "yusuf",
    "yousuf": "yusuf", "youcef": "yusuf", "yusef": "yusuf",
    "hussein": "husayn", "hussain": "husayn", "husain": "husayn", "houssein": "husayn",
    "hossein": "husayn",
    "abou": "abu", "aboul": "abu",
    "moussa": "musa", "mousa": "musa",
    "ibrahima": "ibrahim", "brahim": "ibrahim", "ebrahim": "ibrahim",
    "oussama": "usama", "osama": "usama",
    "moustapha": "mustafa", "mostafa": "mustafa", "mustapha": "mustafa",
    "khaled": "khalid", "saeed": "said", "sayed": "said",
    "zeid": "zayd", "zaid": "zayd", "eyad": "iyad",
    "aboubakar": "abubakar", "aboubacar": "abubakar", "boubacar": "abubakar",
    "abubakr": "abubakar",
    "qaddafi": "gaddafi", "kadhafi": "gaddafi", "gadhafi": "gaddafi", "kaddafi": "gaddafi",
    "bin": "ibn", "wuld": "ould",
    # European given names across languages and transliterations
    "aleksandr": "alexander", "aleksander": "alexander", "alexandre": "alexander",
    "oleksandr": "alexander",
    "aleksey": "alexei", "alexey": "alexei", "aleksei": "alexei", "oleksiy": "alexei",
    "yevgeny": "evgeny", "yevgeniy": "evgeny", "sergey": "sergei", "serhiy": "sergei",
    "yuriy": "yury", "yuri": "yury", "valeriy": "valery", "valerii": "valery",
    "dmitry": "dmitri", "dmytro": "dmitri", "semen": "semyon",
    "pyotr": "peter", "piotr": "peter", "wilhelm": "william", "friedrich": "frederick",
    # abbreviations
    "st": "saint", "mt": "mount", "ft": "fort",
}  # fmt: skip

# Words dropped from person keys: ranks, honorifics (`Gen.`, `Colonel`, `Sir`). A title word
# followed by `of` stays (`Prince of Hohenlohe` is a name, not a title).
PERSON_TITLES: frozenset[str] = frozenset(
    {
        "gen", "general", "lt", "lieutenant", "col", "colonel", "maj", "major", "brig",
        "brigadier", "cpt", "capt", "captain", "cpl", "corporal", "sgt", "sergeant", "adm",
        "admiral", "cmdr", "commander", "marshal", "field", "sir", "dr", "mr", "mrs",
        "sheikh", "shaykh", "cheikh", "maulavi", "mullah", "emir", "imam", "hajji", "shri",
        "king", "queen", "emperor", "sultan", "prince", "princess", "grand", "master",
        "pvt", "private", "rear", "vice", "chief",
    }
)  # fmt: skip

# The Arabic article as a hyphenated prefix, sun-letter forms too (`al-Targui`, `ad-Din`):
# split off as `al`, then dropped from keys.
_ARTICLE_PREFIX = re.compile(r"\b(?:al|el|ad|ar|as|ash|at|az|an|ul)-", re.IGNORECASE)
_ARTICLES: frozenset[str] = frozenset({"al", "el"})
_APOSTROPHE = re.compile(r"['’ʼ`‘]")
_PAREN = re.compile(r"\(([^()]*)\)")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_ROMAN = re.compile(r"[ivx]{1,5}")
_NUMBER = re.compile(r"\d+(?:st|nd|rd|th)?")
# `abdul` glued to what follows (`Abdelhakim` -> abdul + hakim), but not `Abdullah`.
_ABDUL_GLUED = re.compile(r"(?:abdel|abdoul|abdul|abdal)(?!la)([a-z]{3,})")

# Spelling folds used only when comparing two words (rule 8), applied in order: French `ou`
# is `u`, `o`~`u`, `kh`~`k`, `q`~`k`, hard `c`~`k`, `ph`~`f`, `dh`~`d`, `y`~`i`, a final
# `ah`/`eh` is `a` (Sunnah~Sunna, Karameh~Karama), a final mute `e` goes, doubled letters
# are single (Moussa~Musa), a final plural `s` goes (Brigades~Brigade).
SPELLING_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"ou"), "u"),
    (re.compile(r"o"), "u"),
    (re.compile(r"kh"), "k"),
    (re.compile(r"q"), "k"),
    (re.compile(r"c(?![eiy])"), "k"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"dh"), "d"),
    (re.compile(r"y"), "i"),
    (re.compile(r"[ae]h$"), "a"),
    (re.compile(r"(?<=[a-z]{4})s$"), ""),
    (re.compile(r"(?<=[a-z]{3})e$"), ""),
    (re.compile(r"([a-z])\1"), r"\1"),
)

# Low-weight words: particles of names and generic words of group, place and battle names.
PARTICLES: frozenset[str] = frozenset(
    {
        "abu", "ag", "ould", "ibn", "bint", "al", "abdul", "de", "da", "di", "du", "del",
        "della", "van", "von", "der", "den", "of", "the", "la", "le", "les", "y", "and",
        "for", "on", "pro", "en", "in",
    }
)  # fmt: skip
PLACE_CONTENT: frozenset[str] = frozenset({"in"})  # `In Khalil`: a Tuareg place-name word
GENERIC: frozenset[str] = frozenset(
    {
        "army", "armed", "forces", "force", "movement", "front", "brigade", "brigades",
        "kingdom", "empire", "republic", "peoples", "people", "national", "liberation",
        "state", "islamic", "resistance", "committee", "committees", "party", "union", "group",
        "clan", "dynasty", "fleet", "navy", "guard", "guards", "special", "security",
        "popular", "revolutionary", "democratic", "united", "battle", "siege", "war", "wars",
        "campaign", "offensive", "operation", "conflict", "rebellion", "invasion", "raid",
        "massacre", "civil", "city", "town", "international", "sultanate", "caliphate",
        "duchy", "county", "principality", "khanate", "regiment", "division", "battalion",
        "company", "corps", "task", "unit", "duke", "earl", "count", "baron", "lord",
        "marquis",
    }
)  # fmt: skip
LOW_WEIGHT = 0.25
# What an actor's name may leave out and stay the same actor (`Kingdom of Scotland`).
STATEHOOD: frozenset[str] = frozenset(
    {
        "kingdom", "empire", "duchy", "grand", "republic", "principality", "sultanate",
        "caliphate", "khanate", "emirate", "county", "state", "clan", "dynasty", "tribe",
        "of", "the", "and",
    }
)  # fmt: skip
# Particles that make a longer name another person (`Utba ibn Rabi'a` is not
# `Al-Walid ibn Utba ibn Rabi'a`): the subset rule never skips them.
PATRONYMICS: frozenset[str] = frozenset({"ibn", "bint", "ould", "ag", "mint", "son"})

# Words that tell two entities apart and must agree when present in either name.
ORDINALS: frozenset[str] = frozenset(
    {
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th",
    }
)  # fmt: skip
ADMIN_WORDS: frozenset[str] = frozenset(
    {
        "region", "province", "oblast", "district", "governorate", "county", "prefecture",
        "state", "department", "municipality", "cercle", "commune", "raion", "krai",
        "north", "south", "east", "west", "northern", "southern", "eastern", "western",
        "upper", "lower", "new", "old", "greater", "little", "gulf", "strait", "bay",
        "river", "island", "islands", "mount", "lake", "valley", "airport", "bridge",
    }
)  # fmt: skip
PERSON_SUFFIXES: frozenset[str] = frozenset({"jr", "sr", "junior", "senior", "elder", "younger"})


@dataclass(frozen=True, slots=True)
class Match:
    """Why two names are one: `Match(score=1.0, rule="alias table (MOJWA -> MUJAO)")`."""

    score: float
    rule: str

    def to_json(self) -> dict[str, Any]:
        """`{"score": 1.0, "rule": "alias table (MOJWA -> MUJAO)"}`."""
        return {"score": round(self.score, 4), "rule": self.rule}


@lru_cache(maxsize=65536)
def _basic_tuple(name: str) -> tuple[str, ...]:
    """Cached `_basic_words`."""
    text = _APOSTROPHE.sub("", unidecode(_APOSTROPHE.sub("", name)))
    text = _ARTICLE_PREFIX.sub("al ", text)
    return tuple(w for w in _NON_WORD.split(text.lower()) if w)


def _basic_words(name: str) -> list[str]:
    """ASCII-folded lowercase words, apostrophes out, the Arabic article split off:
    `Abu Mus'ab al-Zarqawi` -> abu, musab, al, zarqawi."""
    return list(_basic_tuple(name))


def _strip_titles(words: list[str]) -> list[str]:
    """Person words without ranks and titles: `gen bernard barrera` -> bernard, barrera."""
    out: list[str] = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w in PERSON_TITLES and nxt != "of" and len(words) - i > 1:
            continue
        if w in ORDINALS and nxt in PERSON_TITLES and len(words) - i > 2:
            continue  # `1st Lt. Andrew Bundermann`
        out.append(w)
    return out or words


def _join_abdul(words: list[str]) -> list[str]:
    """`abdul malik` -> `abdulmalik`, `abdelhakim` -> `abdulhakim`: one given name."""
    out: list[str] = []
    for w in words:
        m = _ABDUL_GLUED.fullmatch(w)
        if m:
            w = "abdul" + m.group(1)
        if out and out[-1] == "abdul" and w not in PARTICLES:
            out[-1] = "abdul" + w
        else:
            out.append(w)
    return out


@lru_cache(maxsize=65536)
def _words(name: str, kind: str) -> tuple[str, ...]:
    """The key's words: folded, titles dropped (persons), variants mapped, articles dropped."""
    if kind == "person":
        words = _strip_titles(_basic_words(_PAREN.sub(" ", name)))
    else:
        words = _basic_words(name)
        if kind in ("conflict", "place") and len(words) > 1 and words[0] == "the":
            words = words[1:]
    mapped = [TRANSLITERATIONS.get(w, w) for w in words]
    kept = [w for w in mapped if w not in _ARTICLES] or mapped
    return tuple(_join_abdul(kept))


def name_key(name: str, kind: Kind) -> str:
    """The blocking/comparison key of a name.

    `name_key("Gen. Oumar Ould Hamaha", "person")` -> `omar ould hamaha`;
    `name_key("Ansar al-Sharia (Mali)", "actor")` -> `ansar sharia mali`;
    `name_key("the Malian Civil War", "conflict")` -> `malian civil war`.
    """
    return " ".join(_words(name, kind))


def _weight(word: str, kind: str) -> float:
    """1 for a content word, LOW_WEIGHT for a particle or generic word (initials too)."""
    if kind == "place" and word in PLACE_CONTENT:
        return 1.0
    if word in PARTICLES or word in GENERIC or len(word) == 1:
        return LOW_WEIGHT
    return 1.0


@lru_cache(maxsize=262144)
def spelling_fold(word: str) -> str:
    """A word under SPELLING_FOLDS: `belmokhtar` -> `belmuktar`, `sunnah` -> `suna`."""
    for pattern, repl in SPELLING_FOLDS:
        word = pattern.sub(repl, word)
    return word


@lru_cache(maxsize=262144)
def _ratio(a: str, b: str) -> float:
    """Character similarity of two words after spelling folds, 0 unless their first and last
    letters agree; a shared `abdul` prefix is set aside first (`abdulmalik` vs `abdulkhaliq`
    compares `malik` with `khaliq`)."""
    if a == b:
        return 1.0
    if a.startswith("abdul") and b.startswith("abdul") and len(a) > 5 and len(b) > 5:
        a, b = a[5:], b[5:]
    fa, fb = spelling_fold(a), spelling_fold(b)
    if fa == fb:
        return 1.0
    if len(fa) < 3 or len(fb) < 3 or fa[0] != fb[0] or fa[-1] != fb[-1]:
        return 0.0
    return SequenceMatcher(None, fa, fb, autojunk=False).ratio()


def _pairing(
    a: tuple[str, ...], b: tuple[str, ...]
) -> tuple[list[tuple[int, int, float]], tuple[str, ...], tuple[str, ...]]:
    """Greedy one-to-one pairing of the shorter list's words with the longer's (ratio >=
    TOKEN_RATIO): (i_short, j_long, ratio) triples, the shorter and the longer list."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    used = [False] * len(long)
    pairs: list[tuple[int, int, float]] = []
    for i, w in enumerate(short):
        best, best_j = 0.0, -1
        for j, v in enumerate(long):
            if used[j]:
                continue
            r = _ratio(w, v)
            if r > best:
                best, best_j = r, j
                if r == 1.0:
                    break
        if best_j >= 0 and best >= TOKEN_RATIO:
            used[best_j] = True
            pairs.append((i, best_j, best))
    return pairs, short, long


def _soft_dice(a: tuple[str, ...], b: tuple[str, ...], kind: str) -> float:
    """Weighted soft Dice of two word lists (see the module docstring)."""
    if not a or not b:
        return 0.0
    pairs, short, long = _pairing(a, b)
    matched = sum(min(_weight(short[i], kind), _weight(long[j], kind)) * r for i, j, r in pairs)
    total = sum(_weight(w, kind) for w in a) + sum(_weight(w, kind) for w in b)
    return 2.0 * matched / total


def similarity(a: str, b: str, kind: Kind) -> float:
    """Token similarity of two names in [0, 1] (rule 8 of the module docstring).

    `similarity("Mokhtar Belmokhtar", "Moktar Belmoktar", "person")` -> 1.0 (table);
    `similarity("Omar Ould Hamaha", "Omar Bongo", "person")` -> about 0.47.
    """
    return _soft_dice(_words(a, kind), _words(b, kind), kind)


def _distinguishers(words: tuple[str, ...], kind: str, raw: str) -> frozenset[str]:
    """Words that tell entities apart (rule 5): numbers, ordinals, regnal numbers, admin words,
    actor qualifiers in parentheses."""
    out = {w for w in words if w in ORDINALS or _NUMBER.fullmatch(w)}
    if kind == "person":
        # a regnal number follows a name word (`Edward III`), not an initial (`A. V. Smith`)
        out |= {
            w
            for prev, w in itertools.pairwise(words)
            if (_ROMAN.fullmatch(w) and len(prev) > 1) or w in PERSON_SUFFIXES
        }
    elif kind == "place":
        out |= {w for w in words if w in ADMIN_WORDS}
    elif kind == "actor":
        for m in _PAREN.finditer(raw):
            out |= {"(" + w for w in _basic_words(m.group(1))}
    return frozenset(out)


def _vetoed(a: str, b: str, wa: tuple[str, ...], wb: tuple[str, ...], kind: str) -> bool:
    """Rule 5: distinguishing words disagree, two different acronyms (`FAPLA` vs `FALA`), or
    (persons) both give different middle initials (`Keith J. Stalder` vs `Keith M. Stalder`)."""
    if _distinguishers(wa, kind, a) != _distinguishers(wb, kind, b):
        return True
    if is_acronym(a.strip()) and is_acronym(b.strip()):
        return True  # equal acronyms were caught by the key comparison already
    if kind == "person":
        ia = {w for w in wa[1:-1] if len(w) == 1}
        ib = {w for w in wb[1:-1] if len(w) == 1}
        long_a = [w for w in wa[:-1] if len(w) > 1]
        long_b = [w for w in wb[:-1] if len(w) > 1]
        if ia and ib and ia != ib and long_a and long_b:
            return True
    return False


def _variant_rule(a: str, b: str, kind: str) -> str:
    """Name the rule that made two different spellings share a key."""
    wa, wb = _basic_words(a), _basic_words(b)
    if wa == wb:
        return "identical after folding"
    if "".join(wa) == "".join(wb):
        return "identical after folding (spacing)"
    if kind == "person":
        ta, tb = (
            _strip_titles(_basic_words(_PAREN.sub(" ", a))),
            _strip_titles(_basic_words(_PAREN.sub(" ", b))),
        )
        if ta == tb:
            dropped = sorted(set(wa) ^ set(wb))
            return f"identical after dropping titles and notes ({', '.join(dropped)})"
        wa, wb = ta, tb
    pairs = [f"{x.capitalize()}~{y.capitalize()}" for x, y in zip(wa, wb, strict=False) if x != y]
    if len(wa) != len(wb):
        pairs = [*pairs[:2], "article or spacing"]
    return f"transliteration variant ({', '.join(pairs)})"


def _initials_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """`a v zakharchenko` vs `alexander zakharchenko`: surnames equal, one side's given names
    are all initials, and each initial matches the other side's given name at that place."""
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-1] or len(a[-1]) < 3:
        return False
    ga, gb = a[:-1], b[:-1]
    if all(len(w) == 1 for w in gb):
        ga, gb = gb, ga
    if not all(len(w) == 1 for w in ga) or any(len(w) == 1 for w in gb):
        return False
    return all(gb[i][0] == ga[i] for i in range(min(len(ga), len(gb))))


def _subset_rule(wa: tuple[str, ...], wb: tuple[str, ...], kind: str) -> str | None:
    """The shorter name is the longer one with words left out, in order.

    Persons: the same first word, at least two content words kept, at most three words left
    out, none of them a patronymic (`ibn`, `ould`, `ag`), and the surname kept unless what is
    left out is a trailing `of ...` (`Levin von Bennigsen` ~ `Levin August von Bennigsen`,
    `Béla IV` ~ `Béla IV of Hungary`; not `Frederick William` ~ `Friedrich Wilhelm von
    Schmettau`). Actors: only words of statehood left out (`Kingdom of Scotland` ~
    `Scotland`; not `Iraq` ~ `Islamic Army in Iraq`). Not used for places and conflicts.
    """
    if kind not in ("person", "actor") or len(wa) == len(wb):
        return None
    pairs, short, long = _pairing(wa, wb)
    if not pairs or len(pairs) != len(short):
        return None
    js = [j for _, j, _ in pairs]
    if js != sorted(js):
        return None
    extra = [w for j, w in enumerate(long) if j not in set(js)]
    content = [w for w in short if _weight(w, kind) == 1.0]
    if kind == "person":
        if js[0] != 0 or len(content) < 2 or len(extra) > 3:
            return None
        if any(w in PATRONYMICS for w in extra):
            return None
        tail = long[js[-1] + 1 :]
        if tail and tail[0] != "of":
            return None
    elif not content or any(w not in STATEHOOD for w in extra):
        return None
    return f"subset ({' '.join(extra)} left out)"


def _qualified_place(a: str, b: str) -> str | None:
    """`Gao` ~ `Gao, Mali`: the same first part, and the shorter one's qualifiers all in the
    longer one's (`Tripoli, Libya` is not `Tripoli, Lebanon`)."""
    pa = [name_key(p, "place") for p in a.split(",") if p.strip()]
    pb = [name_key(p, "place") for p in b.split(",") if p.strip()]
    if len(pa) == len(pb) or not pa or not pb:
        return None
    short, long = (pa, pb) if len(pa) < len(pb) else (pb, pa)
    if short[0] == long[0] and set(short[1:]) <= set(long[1:]):
        return f"same place, qualified ({', '.join(long[1:])})"
    return None


def _acronym_rule(a: str, b: str) -> str | None:
    """`("MAA", "Arab Movement of Azawad (MAA)")` -> "acronym (...)"; None when unrelated.
    Initials alone link only acronyms of three letters or more that the alias table does not
    already expand (`MK` is Umkhonto we Sizwe there, never `Mewar Kingdom`)."""
    table = kind_table("actor")
    for x, y in ((a.strip(), b.strip()), (b.strip(), a.strip())):
        if not is_acronym(x) or is_acronym(y):
            continue
        defined = split_defined(y)
        if defined and fold(defined[1]) == fold(x):
            return f"acronym ({x} defined in {y!r})"
        if fold(table.canonical(x)) != fold(x) or table.names_for(x) != {x}:
            continue  # the alias table already says what this acronym stands for
        if len(acronym_letters(x)) >= 3 and initials_match(x, y):
            return f"acronym ({x} = initials of {y})"
    return None


@lru_cache(maxsize=8)
def kind_table(kind: str) -> AliasTable:
    """The shipped alias rows of one kind (`Azawad` is the MNLA as an actor, not as a place)."""
    return AliasTable(row for row in shipped_aliases() if row.kind == kind)


@lru_cache(maxsize=8)
def _provenance(kind: str) -> dict[str, str]:
    """Folded alias -> the provenance of its row, for one kind."""
    out: dict[str, str] = {}
    for row in shipped_aliases():
        if row.kind == kind:
            out.setdefault(fold(row.alias), row.provenance)
    return out


def _alias_rule(a: str, b: str, kind: str) -> str | None:
    """`("MOJWA", "MUJAO")` -> "alias table (MOJWA -> MUJAO: English acronym of ...)" when
    the table links them."""
    table = kind_table(kind)
    ca, cb = table.canonical(a.strip()), table.canonical(b.strip())
    if fold(ca) != fold(cb) or (fold(ca) == fold(a) and fold(cb) == fold(b)):
        return None
    steps = []
    for n, c in ((a.strip(), ca), (b.strip(), cb)):
        if fold(n) != fold(c):
            why = _provenance(kind).get(fold(n))
            steps.append(f"{n} -> {c}: {why}" if why else f"{n} -> {c}")
    return f"alias table ({'; '.join(steps)})"


def match_names(a: str, b: str, kind: Kind, threshold: float = THRESHOLD) -> Match | None:
    """`same_name` with another threshold for rule 8 (the benchmark's table uses it)."""
    if not a.strip() or not b.strip():
        return None
    if _basic_words(a) == _basic_words(b) and _basic_words(a):
        return Match(1.0, "identical after folding")
    rule = _alias_rule(a, b, kind)
    if rule:
        return Match(1.0, rule)
    if len(a) > MAX_NAME_CHARS or len(b) > MAX_NAME_CHARS:
        return None  # not a name: only the exact rules above apply
    if kind == "actor":
        rule = _acronym_rule(a, b)
        if rule:
            return Match(0.95, rule)
        for x, y in ((a, b), (b, a)):
            defined = split_defined(x)
            if defined and name_key(defined[0], kind) == name_key(y, kind):
                return Match(1.0, f"identical after folding ({x.strip()} is {defined[0]})")
    wa, wb = _words(a, kind), _words(b, kind)
    if not wa or not wb:
        return None
    if wa == wb or "".join(wa) == "".join(wb):
        return Match(1.0, _variant_rule(a, b, kind))
    if _vetoed(a, b, wa, wb, kind):
        return None
    if kind == "place":
        rule = _qualified_place(a, b)
        if rule:
            return Match(0.95, rule)
    if kind == "person" and _initials_compatible(wa, wb):
        return Match(0.9, f"initials compatible ({a.strip()} ~ {b.strip()})")
    score = _soft_dice(wa, wb, kind)
    if score >= threshold:
        return Match(score, f"token similarity {score:.2f} >= {threshold:.2f}")
    rule = _subset_rule(wa, wb, kind)
    if rule:
        return Match(max(score, 0.9), rule)
    return None


def same_name(a: str, b: str, kind: Kind) -> Match | None:
    """Do `a` and `b` name one entity of `kind`? The Match says which rule decided, or None.

    `same_name("Oumar Ould Hamaha", "Omar Ould Hamaha", "person")` ->
    `Match(1.0, "alias table (Oumar Ould Hamaha -> Omar Ould Hamaha)")`;
    `same_name("Battle of Gao", "Battle of Kidal", "conflict")` -> None.
    """
    return match_names(a, b, kind, THRESHOLD)


@dataclass(frozen=True, slots=True)
class LabelledPair:
    """One row of bellum/data/name_pairs.csv: two names, their kind, and whether they are one
    entity (`same`), with a note saying why."""

    name_a: str
    name_b: str
    kind: Kind
    same: bool
    note: str


def load_pairs(path: Path | None = None) -> list[LabelledPair]:
    """The labelled pairs shipped in bellum/data/name_pairs.csv (or another CSV like it)."""
    if path is None:
        text = (resources.files("bellum") / "data" / "name_pairs.csv").read_text("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    out: list[LabelledPair] = []
    for row in csv.DictReader(io.StringIO(text)):
        kind = row["kind"].strip()
        if kind not in ("actor", "person", "place", "conflict"):
            raise ValueError(f"name_pairs: unknown kind {kind!r} in {row}")
        out.append(
            LabelledPair(
                row["name_a"], row["name_b"], cast(Kind, kind), row["same"].strip() == "1",
                row.get("note") or "",
            )
        )  # fmt: skip
    return out
