"""Wikitext reader: a raw MediaWiki battle article -> `bellum.article.Article`.

`read_wikitext("{{Infobox military conflict\\n| conflict = Battle of X\\n...}}", "x.wiki")`
finds the battle infobox, reads every parameter into an `InfoboxField` whose `text` is what
the plain-text form would hold (`MOJWA, AQIM`), and keeps what that form lost: list items
(`<br>`, `{{plainlist}}`, `*`), fate markers (`{{KIA}}`), `<ref name=...>` names and
`{{coord}}` coordinates. The prose after the infobox becomes `Section`s with markup stripped.

Rendering rules (the decisions the brief left open):
- `{{flagicon|X}}` / `{{flagdeco|X}}` draw only an icon: when the list item they sit in names
  something else (`{{flagicon|France}} [[French Army]]`) the item reads `French Army` (as the
  plain-text form does); when nothing else names it, the country (`France`) becomes the item.
  `flag_countries(raw)` gives the (country, item) pairs of a value for callers that want them.
  `{{flag|X}}`, `{{flagcountry|X}}`, `{{flagu|X}}` render `X`. Flag codes (`FRA`) stay as given.
- `{{KIA}}` `{{DOW}}` `{{WIA}}` `{{POW}}` `{{MIA}}` `{{Executed}}` render ` (KIA)` ... ` (EXE)` and
  add `Marker(name, code)`: the name is the link label right before the marker when there is one
  (`Colonel [[Bouna Ag Tahib]]{{KIA}}` -> `Bouna Ag Tahib`), else the text of the item since the
  last comma or semicolon. A marker with no name before it is dropped.
- Items: `<br>`, `*`/`#`/`;`/`:` lines, a plain newline, list templates' arguments, `{{·}}`
  separate items; `text` is the items joined by ", ". `<hr>` and `----` separate groups:
  groups are joined by " ---- " in `text` (`items` holds every item, without separators).
- Unknown templates are dropped, except that one with exactly one positional argument and no
  named one keeps that argument's text when it has a letter, is not a file name or an image
  size, and the template is not page furniture (hatnotes, citations, footnotes, maintenance).
- `raw` is the value's wikitext with HTML comments removed (comments are removed first, as
  MediaWiki does).

Safety: mwparserfromhell backtracks quadratically on unclosed markup (a flat run of `{{a|` or
`<x>` takes seconds per 16 KB), so every piece is first balanced by a linear scan that turns
unclosed openers into private-use placeholders (mapped back in `raw`, dropped from text).
Input is capped at `MAX_CHARS`; only `ReadError` ever leaves `read_wikitext`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePath

import mwparserfromhell
from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from bellum.article import Article, Coordinates, InfoboxField, Marker, Section, normalize_key
from bellum.sources import ReadError

MAX_CHARS = 2_000_000
"""Longest input read (MediaWiki's own page limit is 2 MiB); the rest is cut with a problem."""

INFOBOX_BUDGET = 6_000
"""Most markup characters (`{ [ < & |` and newlines) parsed in one infobox: mwparserfromhell
builds its tree at tens of microseconds a node, so a giant hostile value is cut, with a problem."""

PROSE_BUDGET = 20_000
"""Most markup characters parsed in the prose of one article (refs are hidden before counting)."""

MAX_COORD_SCAN = 20
"""How many `{{coord}}` templates outside the infobox are looked at for the article's point."""

# --------------------------------------------------------------------------- grammar

_INFOBOX_START = re.compile(
    r"\{\{[ \t\n]*(?:template[ \t]*:[ \t]*)?"
    r"(infobox[ _]+military[ _]+conflict|warbox|infobox[ _]+battle)"
    r"[ \t\n]*(?=[|}])",
    re.IGNORECASE,
)
"""`{{Infobox military conflict`, `{{ Template:Infobox_battle`, `{{warbox` (any case)."""

_CLOSE_LINE = re.compile(r"\n\}\}[ \t]*$", re.MULTILINE)
"""A line holding only `}}`: where an infobox with unbalanced braces most likely ends."""

_NON_SPACE = re.compile(r"\S")
_BRACES = re.compile(r"\{\{|\}\}")
"""Template openers and closers, for finding where a template ends (`{{a|{{b}}}}`)."""

_XML_TITLE = re.compile(r"<title>([^<\n]{1,500})</title>")
"""A dump page's `<title>Battle of X</title>`."""

_HEADING_LINE = re.compile(r"^=[^\n]*", re.MULTILINE)
"""A candidate heading line (`== The battle ==`); its levels are counted in Python."""

_COORD_START = re.compile(r"\{\{[ \t]*coord[ \t]*\|", re.IGNORECASE)
"""Where a `{{coord|...}}` begins anywhere in the article."""

_PARAM_LINE = re.compile(r"^[ \t]*\|[ \t]*\w[\w \t]{0,40}=", re.MULTILINE)
"""A template parameter line: `| combatant1 = ...`."""

_STRUCT = re.compile(
    r"\{\{|\}\}|\[\[|\]\]|\[(?=(?:https?:|ftp:)?//)|\]|\n[ \t]*\{\||\n[ \t]*\|\}|\n"
    r"|<(/?)([A-Za-z][A-Za-z0-9]*)(?![A-Za-z0-9])[^<>]*>"
)
"""The markup a parser must match: templates, links, external links, tables, tags, newlines."""

_SPACES = re.compile(r"\s+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_LINE_BREAK = re.compile(r"[\n\x00]")
_BROKEN = re.compile(
    r"\ue002/?[A-Za-z][^<>\n]*>|\ue010\d*\ue011|[\ue000\ue001\ue002\ue010\ue011]"
)
"""What is left of neutralized (unclosed) markup: placeholders and a neutralized tag."""
_PRIVATE = "\ue000\ue001\ue002\ue010\ue011"
_LEFTOVER = re.compile(r"\{\{|\}\}|\[\[|\]\]|''+")
"""Markup the parser left as text: unmatched braces, brackets, bold/italic quotes."""
_FILE_NAME = re.compile(r"\.(?:svg|png|jpe?g|gif|tiff?|webp)\s*$", re.IGNORECASE)
_IMAGE_SIZE = re.compile(r"^(?:\d+(?:x\d+)?px|border|left|right|center|thumb|link=.*)$")
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
_INTERWIKI = re.compile(r"^[a-z]{2,3}(?:-[a-z]{2,8})?$")
_ITEM_EDGE_LEFT = "*#•·:; \t"
_ITEM_EDGE_RIGHT = ",; \t"

_PLACEHOLDER_OPEN = {"{": "\ue000", "[": "\ue001", "<": "\ue002"}
_UNPLACEHOLD = str.maketrans({"\ue000": "{", "\ue001": "[", "\ue002": "<"})
_SCRUB_INPUT = str.maketrans(dict.fromkeys("\ue000\ue001\ue002\ue010\ue011", "\ufffd"))
_REF_OPEN = re.compile(r"<ref(?![A-Za-z0-9])[^<>]*>", re.IGNORECASE)
"""A `<ref ...>` opening tag; its content is hidden before parsing (never rendered)."""
_BR_TAG = re.compile(r"<br(?:[ \t]*/)?[ \t]*>", re.IGNORECASE)
"""`<br>`, `<br/>`, `<br />`: in prose simply a line break (cheaper than a parsed tag)."""
_NAME_SPLIT = re.compile(r"[,;]")
"""Where the name a fate marker follows begins: `A, B{{KIA}}` -> `B`."""
_LIST_BULLET = re.compile(r"^[*#:;]+", re.MULTILINE)
"""List and indent markup at a line start: in prose simply a new line."""
_HIDDEN = re.compile(r"\ue010(\d+)\ue011")
_MARKUP_CHAR = re.compile(r"[{\[<&|\n]")

_VOID_TAGS = frozenset({"br", "hr", "wbr", "img", "meta", "link", "references", "section"})
_RAW_TAGS = frozenset(
    {"nowiki", "pre", "math", "syntaxhighlight", "source", "score", "timeline", "chem",
     "ce", "graph", "templatedata", "mapframe", "maplink", "gallery", "imagemap"}
)
"""Tags whose content MediaWiki does not parse as wikitext."""

_DROP_TAGS = frozenset(
    {"ref", "math", "gallery", "timeline", "score", "syntaxhighlight", "source", "references",
     "graph", "imagemap", "templatedata", "mapframe", "maplink", "inputbox", "categorytree",
     "includeonly", "s", "del", "strike", "chem", "ce", "style", "script", "section"}
)
_BLOCK_TAGS = frozenset({"div", "p", "center", "blockquote", "poem", "ul", "ol", "dl"})
_ITEM_TAGS = frozenset({"li", "dt", "dd", "tr", "td", "th"})
_DROP_NAMESPACES = frozenset({"file", "image", "category", "media"})

_MARKER_TEMPLATES = {
    "kia": "KIA", "killed in action": "KIA", "dow": "DOW", "died of wounds": "DOW",
    "wia": "WIA", "wounded in action": "WIA", "pow": "POW", "prisoner of war": "POW",
    "mia": "MIA", "missing in action": "MIA", "executed": "EXE",
}
_FLAG_ICONS = frozenset({"flagicon", "flag icon", "flagdeco", "flag deco"})
_FLAG_NAMES = frozenset({"flag", "flagcountry", "flag country", "flagu", "flagg", "flag u"})
_LIST_TEMPLATES = frozenset(
    {"plainlist", "plain list", "flatlist", "flat list", "hlist", "ubl", "ubil",
     "unbulleted list", "unbulleted indent list", "bulleted list", "bulletedlist", "blist",
     "ordered list", "collapsible list", "clist", "bulleted"}
)
_DATE_TEMPLATES = frozenset({"start date", "start date and age", "end date", "end date and age"})
_CIRCA = frozenset({"circa", "c.", "c", "ca", "ca.", "circa."})
_CONVERT = frozenset({"convert", "cvt"})
_COORD = frozenset({"coord", "coor", "coor d", "coor dm", "coor dms"})
_TEXT_TEMPLATES = {
    "snd": " – ", "spaced ndash": " – ", "spnd": " – ", "sndash": " – ", "spaced en dash": " – ",
    "dash": " – ", "ndash": "–", "en dash": "–", "mdash": "—", "em dash": "—",
    "spaced mdash": " — ", "nbsp": " ", "thinsp": " ", "!": "|", "=": "=", "'": "'",
    "-": "", "zwsp": "", "shy": "",
}
_SEPARATOR_TEMPLATES = frozenset({"·", "dot", "middot", "bull", "•", "dot separator", "nbsp·"})
_FIRST_ARG = frozenset(
    {"nowrap", "nobr", "nobreak", "no wrap", "small", "smaller", "big", "larger", "large",
     "nobold", "noitalic", "sic", "abbr", "tooltip", "hover title", "abbrlink", "ill",
     "interlanguage link", "illm", "interlanguage link multi", "ill2", "link-interwiki",
     "val", "nihongo", "quote", "blockquote", "cquote", "quotation", "'\"", "\"", "bold",
     "strong", "em", "italic", "nastaliq", "wikt-lang", "keypress", "uncertain", "ussc"}
)
_LAST_ARG = frozenset({"resize", "font color", "transl", "transliteration", "font"})
_SECOND_ARG = frozenset({"lang", "langx", "native name", "native phrase", "sort"})
_REF_TEMPLATES = frozenset({"r", "rp"})
_FURNITURE = frozenset(
    {"short description", "main", "main article", "see also", "further", "further information",
     "about", "redirect", "redirect-distinguish", "distinguish", "for", "other uses", "hatnote",
     "details", "anchor", "anchors", "portal", "portal bar", "commons", "commons category",
     "wiktionary", "wikisource", "reflist", "notelist", "clear", "citation needed", "cn", "fact",
     "dubious", "clarify", "when", "who", "which", "by whom", "according to whom",
     "better source needed", "failed verification", "verification needed", "page needed",
     "full citation needed", "update inline", "webarchive", "increase", "decrease", "steady",
     "coord missing", "good article", "featured article", "use dmy dates", "use mdy dates",
     "authority control", "defaultsort", "div col", "div col end", "refbegin", "refend",
     "ref", "refn", "note", "note label", "ref label", "notetag", "cite", "citation",
     "flagicon image", "flagdeco image", "image", "multiple image", "location map", "efn",
     "sfn", "sfnp", "sfnm", "harvnb", "harv", "harvp", "harvtxt", "sic?", "circa?", "lang?",
     "self-reference", "selfref", "main list", "year needed", "date needed", "vague",
     "specify", "disputed inline", "original research inline", "or", "unreliable source?",
     "dead link", "cbignore", "bots", "toc limit", "tocright", "clarification needed"}
)
_FURNITURE_PREFIXES = (
    "cite ", "citation", "efn", "sfn", "harv", "infobox", "use ", "pp-", "campaignbox",
    "navbox", "portal", "wikiproject", "taxo", "ipa", "commons", "ref ", "#",
)
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
_RANGE_WORDS = {
    "-": "–", "–": "–", "to": " to ", "and": " and ", "or": " or ", "x": " × ", "by": " by ",
    "+/-": " ± ", "to(-)": " to ", "&ndash;": "–", "and(-)": " and ",
}


# --------------------------------------------------------------------------- balancing


def _strip_comments(text: str) -> str:
    """Remove `<!-- ... -->` comments (an unclosed one runs to the end, as in MediaWiki).

    A linear `find` loop rather than a lazy regex, which would rescan after every unclosed
    `<!--`: `a<!-- x -->b` -> `ab`.
    """
    if "<!--" not in text:
        return text
    out: list[str] = []
    pos = 0
    while True:
        start = text.find("<!--", pos)
        if start < 0:
            out.append(text[pos:])
            break
        out.append(text[pos:start])
        end = text.find("-->", start + 4)
        if end < 0:
            break
        pos = end + 3
    return "".join(out)


def _balance(text: str) -> tuple[str, int]:
    """Neutralize unclosed markup so the parser never backtracks: `{{a|[[b}}` -> `{{a|__b}}`.

    One pass with a stack: a closer pops the nearest opener of its kind (openers above it are
    unclosed); openers left at the end are unclosed too. Unclosed openers have their opening
    characters swapped for same-length placeholders, so offsets and `raw` survive.
    Returns the balanced text and how many openers were neutralized.
    """
    stack: list[tuple[str, int, int]] = []  # (kind, start, length of the opener chars)
    counts: dict[str, int] = {}
    bad: list[tuple[int, int]] = []
    lower: str | None = None
    raw_close: dict[str, int] = {}
    skip_to = -1

    def push(kind: str, start: int, length: int) -> None:
        stack.append((kind, start, length))
        counts[kind] = counts.get(kind, 0) + 1

    def close(kind: str) -> bool:
        if not counts.get(kind):
            return False
        while stack:
            k, s, n = stack.pop()
            counts[k] -= 1
            if k == kind:
                return True
            bad.append((s, n))
        return False  # pragma: no cover - counts guarantee a match

    def drop_ext() -> None:
        if not counts.get("ext"):
            return
        keep = []
        for k, s, n in stack:
            if k == "ext":
                bad.append((s, n))
            else:
                keep.append((k, s, n))
        stack[:] = keep
        counts["ext"] = 0

    for m in _STRUCT.finditer(text):
        start = m.start()
        if start < skip_to:
            continue
        tok = m.group(0)
        if tok == "{{":
            push("tpl", start, 2)
        elif tok == "}}":
            close("tpl")
        elif tok == "[[":
            push("link", start, 2)
        elif tok == "]]":
            if not close("link"):
                close("ext")
        elif tok == "[":
            push("ext", start, 1)
        elif tok == "]":
            close("ext")
        elif tok == "\n":
            drop_ext()
        elif tok.endswith("{|"):
            drop_ext()
            push("table", m.end() - 2, 1)
        elif tok.endswith("|}"):
            drop_ext()
            close("table")
        else:  # a tag
            name = (m.group(2) or "").lower()
            if m.group(1):
                close("tag:" + name)
            elif name in _VOID_TAGS or tok.endswith("/>"):
                continue
            elif name in _RAW_TAGS:
                if lower is None:
                    lower = text.lower()
                closer = "</" + name
                last = raw_close.get(name)
                if last is None:
                    last = raw_close[name] = lower.rfind(closer)
                end = lower.find(closer, m.end()) if last >= m.end() else -1
                if end < 0:
                    bad.append((start, 1))
                else:
                    skip_to = end + len(closer)
            else:
                push("tag:" + name, start, 1)
    bad.extend((s, n) for _, s, n in stack)
    if not bad:
        return text, 0
    chars = list(text)
    for s, n in bad:
        for i in range(s, s + n):
            chars[i] = _PLACEHOLDER_OPEN.get(chars[i], chars[i])
    return "".join(chars), len(bad)


def _hide_refs(text: str) -> tuple[str, list[str]]:
    """Replace each `<ref>` content by `\\ue010N\\ue011`: `<ref name=a>{{cite}}</ref>` ->
    `<ref name=a>\\ue0100\\ue011</ref>`, so the parser skips citations we never render.

    The contents come back in `raw` through `_unhide`. Unclosed refs are left for `_balance`.
    """
    lower = text.lower()
    last_close = lower.rfind("</ref")
    if last_close < 0:
        return text, []
    out: list[str] = []
    hidden: list[str] = []
    pos = 0
    for m in _REF_OPEN.finditer(text):
        if m.start() < pos or m.group(0).endswith("/>") or m.end() > last_close:
            continue
        close = lower.find("</ref", m.end())
        out.append(text[pos:m.end()])
        out.append(f"\ue010{len(hidden)}\ue011")
        hidden.append(text[m.end():close])
        pos = close
    out.append(text[pos:])
    return "".join(out), hidden


def _unhide(text: str, hidden: list[str]) -> str:
    """Undo placeholders and hidden refs: the original wikitext of a value."""
    text = text.translate(_UNPLACEHOLD)
    if hidden and "\ue010" in text:
        text = _HIDDEN.sub(lambda m: hidden[int(m.group(1))], text)
    return text


def _budget(text: str, limit: int) -> tuple[str, bool]:
    """Cut `text` before its `limit`-th markup character: (text, whether it was cut)."""
    if len(text) <= limit:
        return text, False
    for n, m in enumerate(_MARKUP_CHAR.finditer(text), start=1):
        if n >= limit:
            return text[:m.start()], True
    return text, False


def _parse(text: str) -> tuple[Wikicode, int]:
    """Balance then parse: the only way text reaches mwparserfromhell."""
    balanced, broken = _balance(text)
    return mwparserfromhell.parse(balanced, skip_style_tags=False), broken


# --------------------------------------------------------------------------- rendering


def _tname(tpl: Template) -> str:
    """A template's name as a lookup key: `Template:Flag_icon ` -> `flag icon`."""
    name = _SPACES.sub(" ", str(tpl.name).replace("_", " ")).strip().lower()
    for prefix in ("template:", "subst:", "safesubst:"):
        if name.startswith(prefix):
            name = name[len(prefix):].strip()
    return name


def _args(tpl: Template) -> tuple[list[Wikicode], dict[str, Wikicode]]:
    """Positional arguments in order (`1`, `2`...) and named ones (`display`, `lt`...)."""
    named: dict[str, Wikicode] = {}
    for p in tpl.params:
        named[str(p.name).strip()] = p.value
    positional: list[Wikicode] = []
    i = 1
    while str(i) in named:
        positional.append(named.pop(str(i)))
        i += 1
    for key in [k for k in named if k.isdigit()]:
        named.pop(key)
    return positional, named


def _clean(text: str) -> str:
    """Collapse whitespace and drop markup leftovers: `  [[ A ]]\\u00a0B ` -> `A B`."""
    if any(ch in text for ch in _PRIVATE):
        text = _BROKEN.sub("", text)
    if "{{" in text or "}}" in text or "[[" in text or "]]" in text or "''" in text:
        text = _LEFTOVER.sub("", text)
    return _SPACES.sub(" ", text).strip()


def _strip_parenthetical(title: str) -> str:
    """The pipe trick's label: `Ansar Dine (group)` -> `Ansar Dine`."""
    if title.endswith(")"):
        start = title.rfind("(")
        if start > 0:
            return title[:start].rstrip()
    return title


def _has_word(text: str) -> bool:
    """Whether the text names anything: `,` and `----` do not, `3` and `Gao` do."""
    return any(ch.isalnum() for ch in text)


@dataclass(slots=True)
class _Item:
    """One list item being rendered: text pieces, flag countries, where the last link ended."""

    pieces: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    link_end: int = -1
    link_label: str = ""
    name_start: int = 0


class _Renderer:
    """Walks parsed wikitext into items (infobox values) or lines (prose)."""

    def __init__(self, prose: bool) -> None:
        self.prose = prose
        self.groups: list[list[str]] = [[]]
        self.item = _Item()
        self.markers: list[Marker] = []
        self.sources: list[str] = []
        self.coords: list[Coordinates | None] = []
        self.coord_display: list[str] = []
        self.flag_pairs: list[tuple[str, str]] = []
        self.lines: list[str] = []

    # ---- output primitives

    def text(self, s: str) -> None:
        """Append rendered text to the current item or line."""
        if s:
            self.item.pieces.append(s)

    def brk(self) -> None:
        """End the current item (infobox) or line (prose)."""
        item = self.item
        self.item = _Item()
        raw = "".join(item.pieces)
        if self.prose:
            self.lines.append(raw)
            return
        text = _clean(raw).lstrip(_ITEM_EDGE_LEFT).rstrip(_ITEM_EDGE_RIGHT)
        if _has_word(text):
            self.groups[-1].append(text)
            self.flag_pairs.extend((c, text) for c in item.flags)
        else:
            for country in item.flags:
                self.groups[-1].append(country)
                self.flag_pairs.append((country, country))

    def group(self) -> None:
        """A group separator (`<hr>`, `----`): ends the item and starts a new group."""
        self.brk()
        if self.prose:
            self.lines.append("")
        elif self.groups[-1]:
            self.groups.append([])

    def link(self, label: Wikicode | str) -> None:
        """Append a link label, remembering it: a fate marker right after names that label."""
        start = len(self.item.pieces)
        if isinstance(label, str):
            self.text(label)
        else:
            self.walk(label)
        if self.item.pieces[start:]:
            self.item.link_end = len(self.item.pieces)
            self.item.link_label = "".join(self.item.pieces[start:])

    def marker(self, code: str) -> None:
        """`[[Abu Dardar]]{{KIA}}`: append ` (KIA)` and record Marker("Abu Dardar", "KIA")."""
        item = self.item
        after_link = item.link_end >= 0 and not _clean("".join(item.pieces[item.link_end:]))
        if after_link and item.link_end > item.name_start:
            name = _clean(item.link_label)
        else:
            before = "".join(item.pieces[item.name_start:])
            name = _clean(_NAME_SPLIT.split(before)[-1]) if before else ""
        name = name.lstrip(_ITEM_EDGE_LEFT).rstrip(_ITEM_EDGE_RIGHT)
        if not _has_word(name):
            return
        self.markers.append(Marker(name, code))
        item.pieces.append(f" ({code})")
        item.name_start = len(item.pieces)

    # ---- results

    def items(self) -> tuple[tuple[str, ...], str]:
        """Finish: (all items, text with items joined by ", " and groups by " ---- ")."""
        self.brk()
        groups = [g for g in self.groups if g]
        flat = tuple(i for g in groups for i in g)
        return flat, " ---- ".join(", ".join(g) for g in groups)

    def prose_text(self) -> str:
        """Finish: paragraphs (split at blank lines) of lines (split at newlines and breaks)."""
        self.brk()
        stream = "\x00".join(self.lines)
        paragraphs = []
        for block in _BLANK_LINE.split(stream):
            lines = (_clean(line).lstrip("*#:; \t") for line in _LINE_BREAK.split(block))
            kept = [line for line in lines if _has_word(line)]
            if kept:
                paragraphs.append("\n".join(kept))
        return "\n\n".join(paragraphs)

    # ---- the walk

    def walk(self, code: Wikicode | None) -> None:
        """Render every node of a parsed piece of wikitext, in order."""
        if code is None:
            return
        for node in code.nodes:
            self.node(node)

    def plain(self, code: Wikicode | None) -> str:
        """The text of a template argument, rendered on its own: `[[A|B]]` -> `B`."""
        if code is None:
            return ""
        sub = _Renderer(prose=True)
        sub.walk(code)
        sub.brk()
        self.markers.extend(sub.markers)
        self.sources.extend(sub.sources)
        self.coords.extend(sub.coords)
        return _clean(" ".join(sub.lines))

    def node(self, node: Node) -> None:
        """Render one node; in infobox values a newline ends an item (`A\\nB` -> A, B)."""
        if isinstance(node, Text):
            value = node.value
            if "\n" in value and not self.prose:
                parts = value.split("\n")
                for i, part in enumerate(parts):
                    if i:
                        self.brk()
                    self.text(part)
            else:
                self.text(value)
        elif isinstance(node, Template):
            self.template(node)
        elif isinstance(node, Wikilink):
            self.wikilink(node)
        elif isinstance(node, Tag):
            self.tag(node)
        elif isinstance(node, HTMLEntity):
            self.entity(node)
        elif isinstance(node, ExternalLink):
            if node.brackets and node.title is not None:
                self.walk(node.title)
        elif isinstance(node, Heading):
            self.brk()
            self.walk(node.title)
            self.brk()
        elif isinstance(node, Argument):
            self.walk(node.default)
        elif isinstance(node, Comment):
            return

    def entity(self, node: HTMLEntity) -> None:
        """`&nbsp;` -> space, `&ndash;` -> `–`, `&amp;` -> `&`."""
        value = str(node.value)
        if value in ("nbsp", "thinsp", "ensp", "emsp", "#160"):
            self.text(" ")
            return
        try:
            self.text(node.normalize())
        except (ValueError, KeyError, OverflowError):
            return

    def wikilink(self, node: Wikilink) -> None:
        """`[[A|B]]` -> B, `[[A]]` -> A; files, categories and interwiki links vanish."""
        title = _clean(str(node.title).translate(_UNPLACEHOLD)).replace("_", " ")
        colon = title.startswith(":")
        title = title.lstrip(":").strip()
        prefix, sep, rest = title.partition(":")
        ns = prefix.strip().lower()
        if not colon and sep and ns in _DROP_NAMESPACES:
            return
        if node.text is None and not colon and sep and _INTERWIKI.match(ns):
            return
        if node.text is not None:
            if str(node.text).strip():
                self.link(node.text)
            else:  # the pipe trick: [[Ansar Dine (group)|]] -> Ansar Dine
                self.link(_strip_parenthetical(rest if sep else title))
            return
        self.link(title.lstrip("#"))

    def tag(self, node: Tag) -> None:
        """`<ref name=x>` -> source x; `<br>` ends an item, `<hr>` a group; others unwrap."""
        name = _clean(str(node.tag)).lower()
        if name == "ref":
            if node.has("name"):
                ref = _clean(str(node.get("name").value).translate(_UNPLACEHOLD)).strip("\"'")
                if ref:
                    self.sources.append(ref)
            return
        if name == "br":
            self.brk()
            return
        if name == "hr":
            self.group()
            return
        if name in _DROP_TAGS:
            return
        if name == "table" and self.prose:
            self.brk()
            return
        if name in _ITEM_TAGS:
            self.brk()
            if node.contents is not None:
                self.walk(node.contents)
            return
        if name in _BLOCK_TAGS:
            self.brk()
            if node.contents is not None:
                self.walk(node.contents)
            self.brk()
            return
        if node.contents is not None:
            self.walk(node.contents)

    def template(self, tpl: Template) -> None:
        """Dispatch on the template's name: handlers, markers, fixed text, else `unknown`."""
        name = _tname(tpl)
        if ":" in name:
            head, _, rest = name.partition(":")
            if head == "formatnum":
                self.text(str(tpl.name).partition(":")[2].strip())
            elif head == "#tag" and rest.strip() == "ref" and tpl.has("name"):
                self.sources.append(_clean(str(tpl.get("name").value)))
            return
        handler = _HANDLERS.get(name)
        if handler is not None:
            handler(self, tpl)
            return
        code = _MARKER_TEMPLATES.get(name)
        if code is not None:
            self.marker(code)
            return
        fixed = _TEXT_TEMPLATES.get(name)
        if fixed is not None:
            self.text(fixed)
            return
        if name.startswith("campaignbox"):
            self.t_campaignbox(tpl)
            return
        if name.startswith("lang-"):
            positional, _ = _args(tpl)
            if positional:
                self.walk(positional[-1])
            return
        self.unknown(tpl, name)

    def unknown(self, tpl: Template, name: str) -> None:
        """Keep the single plain argument of an unknown, non-furniture template."""
        if name in _FURNITURE or name.startswith(_FURNITURE_PREFIXES):
            return
        positional, named = _args(tpl)
        if len(positional) != 1 or named:
            return
        arg = positional[0]
        flat = _clean(str(arg))
        if not _has_word(flat) or _FILE_NAME.search(flat) or _IMAGE_SIZE.match(flat):
            return
        self.walk(arg)

    # ---- template handlers

    def t_flagicon(self, tpl: Template) -> None:
        """`{{flagicon|France}}`: an icon; the country names the item only if nothing else does."""
        positional, _ = _args(tpl)
        if positional:
            country = self.plain(positional[0])
            if _has_word(country):
                if self.prose:
                    return
                self.item.flags.append(country)

    def t_flag(self, tpl: Template) -> None:
        """`{{flag|Mali}}`, `{{flagcountry|Mali}}` -> `Mali`."""
        positional, _ = _args(tpl)
        if positional:
            self.link(self.plain(positional[0]))

    def t_list(self, tpl: Template) -> None:
        """`{{ubl|A|B}}`, `{{plainlist|* A}}`: each argument is an item."""
        positional, _ = _args(tpl)
        for arg in positional:
            self.brk()
            self.walk(arg)
            self.brk()

    def t_date(self, tpl: Template) -> None:
        """`{{start date|2012|11|16}}` -> `16 November 2012`."""
        positional, _ = _args(tpl)
        self.text(_format_date([self.plain(a) for a in positional[:3]]))

    def t_circa(self, tpl: Template) -> None:
        """`{{circa|1274 BC}}` -> `c. 1274 BC`."""
        positional, _ = _args(tpl)
        self.text("c. ")
        if positional:
            self.walk(positional[0])

    def t_convert(self, tpl: Template) -> None:
        """`{{convert|8|km|mi}}` -> `8 km` (the source value and unit only)."""
        positional, _ = _args(tpl)
        self.text(_format_convert([self.plain(a) for a in positional]))

    def t_coord(self, tpl: Template) -> None:
        """`{{coord|15.79|N|1.45|E}}`: record the point, render `15.79°N 1.45°E`."""
        positional, named = _args(tpl)
        point = _read_coord([self.plain(a) for a in positional])
        self.coords.append(point)
        self.coord_display.append(_clean(str(named.get("display", ""))).lower())
        if point is not None:
            self.text(_format_point(point))

    def t_ref(self, tpl: Template) -> None:
        """`{{r|name}}` cites a named ref like `<ref name=name/>`; `{{rp|12}}` vanishes."""
        positional, _ = _args(tpl)
        if _tname(tpl) == "r":
            for arg in positional:
                ref = _clean(str(arg))
                if ref:
                    self.sources.append(ref)

    def t_separator(self, tpl: Template) -> None:
        """`A{{·}}B`: an inline list separator."""
        if self.prose:
            self.text(" · ")
        else:
            self.brk()

    def t_first(self, tpl: Template) -> None:
        """`{{nowrap|X}}`, `{{ill|X|fr}}`: the first argument (or `lt=`/`text=`)."""
        positional, named = _args(tpl)
        for key in ("lt", "text", "quote"):
            if key in named and str(named[key]).strip():
                self.walk(named[key])
                return
        if positional:
            self.walk(positional[0])

    def t_last(self, tpl: Template) -> None:
        """`{{resize|90%|X}}`, `{{transl|ar|X}}`: the last argument."""
        positional, named = _args(tpl)
        if "text" in named:
            self.walk(named["text"])
        elif positional:
            self.walk(positional[-1])

    def t_second(self, tpl: Template) -> None:
        """`{{lang|fr|X}}`: the second argument."""
        positional, _ = _args(tpl)
        if len(positional) >= 2:
            self.walk(positional[1])
        elif positional and _tname(tpl) == "sort":
            self.walk(positional[0])

    def t_sortname(self, tpl: Template) -> None:
        """`{{sortname|Jean|Dupont}}` -> `Jean Dupont`."""
        positional, _ = _args(tpl)
        self.link(" ".join(self.plain(a) for a in positional[:2]))

    def t_military(self, tpl: Template) -> None:
        """`{{army|France}}` -> `France Army` (the name MediaWiki shows is not known here)."""
        positional, _ = _args(tpl)
        if positional:
            kind = {"army": "Army", "navy": "Navy", "air force": "Air Force"}[_tname(tpl)]
            self.link(f"{self.plain(positional[0])} {kind}")

    def t_campaignbox(self, tpl: Template) -> None:
        """`{{Campaignbox Mali}}` as a value keeps its name: it names the campaign."""
        if not self.prose:
            self.text(_clean(str(tpl.name)))

    def t_oldstyle(self, tpl: Template) -> None:
        """`{{OldStyleDate|9 March|1788|26 February}}` -> `9 March 1788 [O.S. 26 February]`."""
        positional, _ = _args(tpl)
        parts = [self.plain(a) for a in positional[:3]]
        if len(parts) >= 2:
            text = f"{parts[0]} {parts[1]}"
            if len(parts) == 3 and parts[2]:
                text += f" [O.S. {parts[2]}]"
            self.text(text)


_Handler = Callable[[_Renderer, Template], None]
_HANDLERS: dict[str, _Handler] = {}
for _names, _handler in (
    (_FLAG_ICONS, _Renderer.t_flagicon),
    (_FLAG_NAMES, _Renderer.t_flag),
    (_LIST_TEMPLATES, _Renderer.t_list),
    (_DATE_TEMPLATES, _Renderer.t_date),
    (_CIRCA, _Renderer.t_circa),
    (_CONVERT, _Renderer.t_convert),
    (_COORD, _Renderer.t_coord),
    (_REF_TEMPLATES, _Renderer.t_ref),
    (_SEPARATOR_TEMPLATES, _Renderer.t_separator),
    (_FIRST_ARG, _Renderer.t_first),
    (_LAST_ARG, _Renderer.t_last),
    (_SECOND_ARG, _Renderer.t_second),
    (frozenset({"sortname"}), _Renderer.t_sortname),
    (frozenset({"army", "navy", "air force"}), _Renderer.t_military),
    (frozenset({"oldstyledate", "osd"}), _Renderer.t_oldstyle),
):
    for _name in _names:
        _HANDLERS[_name] = _handler


# --------------------------------------------------------------------------- values


def _format_date(parts: list[str]) -> str:
    """`{{start date|2012|11|16}}` arguments -> `16 November 2012` (`2012|11` -> `November 2012`)."""
    year = parts[0] if parts else ""
    month = parts[1] if len(parts) > 1 else ""
    day = parts[2] if len(parts) > 2 else ""
    if month.isdigit() and 1 <= int(month) <= 12:
        month = _MONTHS[int(month) - 1]
    if day.isdigit():
        day = str(int(day))
    return " ".join(p for p in (day, month, year) if p)


def _format_convert(parts: list[str]) -> str:
    """`{{convert|8|km|mi}}` -> `8 km`; `{{convert|8|to|10|km}}` -> `8 to 10 km`."""
    if not parts:
        return ""
    if len(parts) >= 4 and parts[1].lower() in _RANGE_WORDS:
        return f"{parts[0]}{_RANGE_WORDS[parts[1].lower()]}{parts[2]} {parts[3]}"
    if len(parts) >= 2:
        return f"{parts[0]} {parts[1]}"
    return parts[0]


def _number(text: str) -> float | None:
    """A plain decimal (`-15.16`, `−3.5`), or None; never `nan` or `1e9`."""
    text = text.replace("−", "-").strip()
    return float(text) if _NUMBER.match(text) else None


def _dms(parts: list[str], hemisphere: str) -> float | None:
    """Degrees, minutes, seconds and a hemisphere -> signed decimal degrees."""
    values = [_number(p) if p else 0.0 for p in parts]
    if not 1 <= len(values) <= 3 or any(v is None for v in values):
        return None
    nums = [v for v in values if v is not None]
    if any(v < 0 or v >= 60 for v in nums[1:]) or nums[0] < 0:
        return None
    value = nums[0] + sum(v / 60.0**i for i, v in enumerate(nums[1:], start=1))
    return -value if hemisphere in ("S", "W") else value


def _read_coord(parts: list[str]) -> Coordinates | None:
    """`{{coord}}` positional arguments -> a point, in the decimal, d/m and d/m/s forms.

    `15.79|1.45`, `15.79|N|1.45|E`, `15|47|N|1|27|E`, `15|47|24|N|1|27|0|E|region:ML`.
    """
    args = [p.strip() for p in parts if ":" not in p and "=" not in p]
    upper = [a.upper() for a in args]
    ns = next((i for i, a in enumerate(upper) if a in ("N", "S")), None)
    ew = next((i for i, a in enumerate(upper) if a in ("E", "W")), None)
    if ns is not None and ew is not None and ns < ew:
        lat = _dms(args[:ns], upper[ns])
        lon = _dms(args[ns + 1:ew], upper[ew])
    elif ns is None and ew is None and len(args) >= 2:
        lat, lon = _number(args[0]), _number(args[1])
    else:
        return None
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return Coordinates(lat, lon)


def _format_point(point: Coordinates) -> str:
    """`Coordinates(15.79, -1.45)` -> `15.79°N 1.45°W`."""

    def deg(value: float, pos: str, neg: str) -> str:
        text = f"{abs(value):.6f}".rstrip("0").rstrip(".")
        return f"{text}°{pos if value >= 0 else neg}"

    return f"{deg(point.lat, 'N', 'S')} {deg(point.lon, 'E', 'W')}"


@dataclass(frozen=True, slots=True)
class _Value:
    """One rendered infobox value."""

    field: InfoboxField
    coords: tuple[Coordinates | None, ...]
    flag_pairs: tuple[tuple[str, str], ...]


def _render_value(key: str, code: Wikicode, raw: str) -> _Value:
    r = _Renderer(prose=False)
    r.walk(code)
    items, text = r.items()
    f = InfoboxField(
        key=key,
        text=text,
        items=items,
        markers=tuple(r.markers),
        sources=tuple(dict.fromkeys(r.sources)),
        raw=raw,
    )
    return _Value(f, tuple(r.coords), tuple(r.flag_pairs))


def flag_countries(raw: str) -> tuple[tuple[str, str], ...]:
    """The countries that flag icons stand for in a value, each with the item it flags.

    `{{flagicon|France}} [[French Army]]<br>{{flagicon|Mali}}` ->
    `(("France", "French Army"), ("Mali", "Mali"))`.
    """
    try:
        code, _ = _parse(_hide_refs(_strip_comments(raw)[:MAX_CHARS])[0])
        return _render_value("", code, raw).flag_pairs
    except Exception:  # a helper for callers: never raise on bad markup
        return ()


# --------------------------------------------------------------------------- the article


def looks_like_wikitext(text: str) -> bool:
    """Cheap format sniffing: `{{` plus a `| key =` line, `'''`, `==` or `[[` in the head."""
    head = text[:20_000]
    if "{{" not in head:
        return False
    return "'''" in head or "[[" in head or "==" in head or bool(_PARAM_LINE.search(head))


def _find_end(text: str, start: int) -> int | None:
    """The end of the template opening at `start` (after its `}}`), or None if it never closes."""
    depth = 0
    for m in _BRACES.finditer(text, start):
        depth += 1 if m.group(0) == "{{" else -1
        if depth == 0:
            return m.end()
    return None


def _truncated_end(text: str, start: int) -> int:
    """Where an unclosed infobox most plausibly stops: a heading line, a paragraph, or the end."""
    best = len(text)
    heading = text.find("\n=", start)
    if heading >= 0:
        best = heading
    pos = start
    while True:
        blank = text.find("\n\n", pos, best)
        if blank < 0:
            break
        nxt = _NON_SPACE.search(text, blank, best)
        if nxt is None:
            break
        if nxt.group(0) not in "|}":
            best = blank
            break
        pos = nxt.start()
    return best


def _title_line(text: str) -> tuple[str | None, int]:
    """`= Battle of X =` on the first line -> (title, where the rest starts)."""
    stripped = text.lstrip("\ufeff \t\r\n")
    offset = len(text) - len(stripped)
    line_end = stripped.find("\n")
    line = (stripped if line_end < 0 else stripped[:line_end]).rstrip()
    if len(line) > 2 and line[0] == line[-1] == "=" and line[1] != "=" and line[-2] != "=":
        title = _clean(line[1:-1])
        if title:
            return title, offset + (len(stripped) if line_end < 0 else line_end + 1)
    return None, 0


def _headings(text: str) -> list[tuple[int, int, str, int]]:
    """Heading lines of the prose: (start, end, heading, level) for `== The battle ==`."""
    found = []
    for m in _HEADING_LINE.finditer(text):
        line = m.group(0).rstrip()
        left = len(line) - len(line.lstrip("="))
        right = len(line) - len(line.rstrip("="))
        level = min(left, right, 6)
        if level < 1 or len(line) <= 2 * level:
            continue
        heading = _clean(line[level:len(line) - level])
        if heading:
            found.append((m.start(), m.end(), heading, level))
    return found


def _sections(text: str) -> tuple[Section, ...]:
    """Split the prose at headings and strip its markup; the lead has heading ""."""
    marks = _headings(text)
    spans: list[tuple[str, int, int, int]] = []
    lead_end = marks[0][0] if marks else len(text)
    spans.append(("", 0, 0, lead_end))
    for i, (_, end, heading, level) in enumerate(marks):
        stop = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        spans.append((heading, level, end, stop))
    sections = []
    for heading, level, start, stop in spans:
        chunk = text[start:stop]
        if not heading and not chunk.strip():
            continue
        code, _ = _parse(_LIST_BULLET.sub("", _BR_TAG.sub("\n", chunk)))
        r = _Renderer(prose=True)
        r.walk(code)
        body = r.prose_text()
        if not heading and not body:
            continue
        sections.append(Section(heading=heading, level=level, text=body))
    return tuple(sections)


def _coords_elsewhere(text: str) -> Coordinates | None:
    """The article's point from a `{{coord}}` outside the infobox (`display=title` first)."""
    first: Coordinates | None = None
    for n, m in enumerate(_COORD_START.finditer(text)):
        if n >= MAX_COORD_SCAN:
            break
        end = _find_end(text, m.start())
        if end is None or end - m.start() > 2_000:
            continue
        code, _ = _parse(text[m.start():end])
        r = _Renderer(prose=True)
        r.walk(code)
        for point, display in zip(r.coords, r.coord_display, strict=False):
            if point is None:
                continue
            if "title" in display:
                return point
            if first is None:
                first = point
    return first


def read_wikitext(text: str, source: str, *, prose: bool = True) -> Article:
    """Read one wikitext battle article; raise `ReadError` (one line) when there is none.

    `read_wikitext("{{Infobox military conflict|conflict=Battle of X|date=1 May 1800}}",
    "x.wiki").value("date")` -> `1 May 1800`. `prose=False` skips the sections (the infobox
    path, for speed).
    """
    if not isinstance(text, str):
        raise ReadError("input is not text")
    try:
        return _read(text, source, prose)
    except ReadError:
        raise
    except RecursionError:
        raise ReadError("markup is nested too deeply to read") from None
    except Exception as exc:  # the contract: only ReadError leaves the reader
        raise ReadError(f"could not read wikitext ({type(exc).__name__})") from None


def _read(text: str, source: str, prose: bool) -> Article:
    problems: list[str] = []
    if len(text) > MAX_CHARS:
        problems.append(f"input is {len(text)} characters; read the first {MAX_CHARS}")
        text = text[:MAX_CHARS]
    text = _strip_comments(text.translate(_SCRUB_INPUT)).replace("\r\n", "\n")
    if not text.strip():
        raise ReadError("empty input")
    text, hidden = _hide_refs(text)

    line_title, body_start = _title_line(text)
    m = _INFOBOX_START.search(text, body_start)
    if m is None:
        raise ReadError("no infobox found")
    template = _clean(m.group(1).replace("_", " "))
    end = _find_end(text, m.start())
    limit = _truncated_end(text, m.end()) if end is None else 0
    closers = list(_CLOSE_LINE.finditer(text, m.end(), limit))
    close_line = closers[-1] if closers else None
    if close_line is not None:
        end = close_line.end()
        inner, closing = text[m.end():close_line.start()], "\n}}"
        problems.append("infobox braces do not balance; it ends at the last line holding }}")
    elif end is None:
        end = limit
        inner, closing = text[m.end():end].rstrip(), "\n}}"
        problems.append("infobox is truncated (it never closes); read what is there")
    else:
        inner, closing = text[m.end():end - 2], "}}"
    inner, cut = _budget(inner, INFOBOX_BUDGET)
    if cut:
        problems.append(f"infobox has too much markup; read its first {len(inner)} characters")
    balanced, broken = _balance(inner)
    code = mwparserfromhell.parse(text[m.start():m.end()] + balanced + closing)
    tpl = next((n for n in code.nodes if isinstance(n, Template)), None)
    if tpl is None:
        raise ReadError("infobox could not be parsed")
    if broken:
        problems.append(f"infobox has {broken} unclosed markup construct(s)")

    values: dict[str, _Value] = {}
    for param in tpl.params:
        if not param.showkey:
            continue
        key = normalize_key(_clean(str(param.name).translate(_UNPLACEHOLD)))
        raw = _unhide(str(param.value), hidden).strip()
        if not key:
            continue
        if key in values:
            problems.append(f"parameter {key} is given twice; the last one is used")
            del values[key]
        if raw:
            values[key] = _render_value(key, param.value, raw)
    fields = tuple(v.field for v in values.values())

    coordinates = _infobox_point(values, problems)
    if coordinates is None:
        coordinates = _coords_elsewhere(text)

    title = line_title
    if title is None:
        xml = _XML_TITLE.search(text)
        title = _clean(xml.group(1)) if xml else None
    if not title:
        conflict = values.get("conflict")
        title = conflict.field.text if conflict is not None and conflict.field.text else None
    if not title:
        title = _clean(PurePath(source).stem.replace("_", " ")) or source

    sections: tuple[Section, ...] = ()
    if prose:
        body, cut = _budget(text[body_start:m.start()] + "\n" + text[end:], PROSE_BUDGET)
        if cut:
            problems.append(f"prose has too much markup; read its first {len(body)} characters")
        sections = _sections(body)
    return Article(
        title=title,
        source=source,
        format="wikitext",
        template=template,
        infobox=fields,
        sections=sections,
        coordinates=coordinates,
        problems=tuple(problems),
    )


def _infobox_point(values: dict[str, _Value], problems: list[str]) -> Coordinates | None:
    """The point from the `coordinates` parameter, else from any other infobox parameter."""
    ordered: Iterable[_Value] = (
        [values["coordinates"], *(v for k, v in values.items() if k != "coordinates")]
        if "coordinates" in values
        else values.values()
    )
    for value in ordered:
        for point in value.coords:
            if point is not None:
                return point
            raw = _clean(value.field.raw or "")
            problems.append(f"unreadable coordinates in {value.field.key}: {raw}"[:200])
    return None
