"""Prose reading speed on the seeds' prose repeated to 10 MB, against a simple baseline.

The baseline, measured in the same run on the same text: a plain `re.split` sentence split
plus a regex digit scan per sentence (what any reader must at least do). Prints MB/s of both
and the ratio. Times are CPU seconds of this process (`time.process_time`), i.e. one core,
so other work on a shared machine does not distort them. Run:
`.venv/bin/python benchmarks/prose.py [MB]` (10 MB by default).
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from bellum.article import Article, Section
from bellum.prose import ProseContext, ProseSide, read_prose

EXAMPLES = Path(__file__).resolve().parent.parent / "bellum" / "examples"
_HEADING = re.compile(r"^==+\s*(.*?)\s*==+$")


def seed_prose(path: Path) -> list[Section]:
    """The prose sections of a seed file (a tiny reader: after the infobox's `- Key:` lines)."""
    sections: list[Section] = []
    heading, buf, in_box = "", list[str](), True
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if in_box:
            if line.startswith("- ") or line.strip() in ("", "Infobox"):
                continue
            in_box = False
        m = _HEADING.match(line)
        if m:
            sections.append(Section(heading, 2, "\n".join(buf).strip()))
            heading, buf = m.group(1), []
        else:
            buf.append(line)
    sections.append(Section(heading, 2, "\n".join(buf).strip()))
    return [s for s in sections if s.text]


CONTEXT = ProseContext(
    "2012-11-16",
    "2012-11-16",
    (
        ProseSide(1, ("MNLA",), ("Machkanani Ag Balla",), ("French Air Force",)),
        ProseSide(2, ("MOJWA", "AQIM", "Arab Movement of Azawad", "MAA"), ("Abdoul Hakim",)),
    ),
)


def baseline(sections: list[Section]) -> int:
    """Sentence split with re.split and a digit scan: the least any prose reader does."""
    split = re.compile(r"(?<=[.!?])\s+")
    digits = re.compile(r"\d[\d,]*")
    n = 0
    for s in sections:
        for sentence in split.split(s.text):
            n += len(digits.findall(sentence))
    return n


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    unit = [s for p in sorted(EXAMPLES.glob("*.txt")) for s in seed_prose(p)]
    size = sum(len(s.text.encode("utf-8")) + 2 for s in unit)
    copies = max(1, int(megabytes * 1_000_000 / size))
    sections = unit * copies
    total = size * copies / 1_000_000
    # one article per copy of the seeds' prose, as the pipeline would read them
    articles = [
        Article("seed", "seed", "plaintext", sections=tuple(unit)) for _ in range(copies)
    ]

    started = time.process_time()
    baseline(sections)
    base_s = time.process_time() - started

    started = time.process_time()
    wall = time.perf_counter()
    claims = 0
    for article in articles:
        claims += len(read_prose(article, CONTEXT).claims)
    ours_s = time.process_time() - started
    wall_s = time.perf_counter() - wall

    print(f"prose: {total:.1f} MB ({copies} copies of the seeds' prose), {claims} claims")
    print(f"baseline (re.split + digit scan): {total / base_s:8.2f} MB/s")
    print(f"bellum.prose.read_prose:          {total / ours_s:8.2f} MB/s")
    print(f"ratio (ours / baseline): {base_s / ours_s:.3f}")
    print(f"(wall clock for read_prose: {total / wall_s:.2f} MB/s; CPU time is the measure)")


if __name__ == "__main__":
    main()
