"""Extraction in worker processes (`workers` > 1) writes the same database as extraction in
the writer's own process: same rows, same order (fts row numbers), same failures."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from kbfixtures import (
    TableResolver,
    crashing_extract,
    dump_db,
    pid_extract,
    synthetic_extract,
    write_variants,
)

from bellum.article import Article
from bellum.store.ingest import Rows, default_workers, ingest, ingest_articles
from bellum.store.sqlite import Checkpointer, connect

REPO = Path(__file__).resolve().parents[2]
N = 120


def articles(tmp_path: Path) -> Path:
    src = tmp_path / "articles"
    write_variants(sorted((REPO / "bellum" / "examples").glob("*.txt")), src, N)
    return src


def test_workers_write_the_same_rows_in_the_same_order(tmp_path: Path) -> None:
    src = articles(tmp_path)
    kw = {
        "progress": False,
        "batch_size": 25,
        "extract": synthetic_extract,
        "resolver_factory": TableResolver,
    }
    one = ingest([str(src)], tmp_path / "one.db", workers=1, **kw)  # type: ignore[arg-type]
    three = ingest([str(src)], tmp_path / "three.db", workers=3, **kw)  # type: ignore[arg-type]
    assert one.new == three.new == N and one.failed == three.failed == 0
    assert dump_db(tmp_path / "one.db", in_order=True) == dump_db(tmp_path / "three.db", in_order=True)
    again = ingest([str(src)], tmp_path / "three.db", workers=3, **kw)  # type: ignore[arg-type]
    assert again.unchanged == N and again.new == 0


def test_extraction_runs_in_the_workers(tmp_path: Path) -> None:
    src = articles(tmp_path)
    db = tmp_path / "kb.db"
    ingest(
        [str(src)],
        db,
        progress=False,
        batch_size=40,
        extract=pid_extract,
        resolver_factory=TableResolver,
        workers=2,
    )
    pids = {r[0] for r in connect(db).execute("SELECT text FROM flags WHERE field='pid'")}
    assert pids and str(os.getpid()) not in pids


def test_a_reader_bug_in_a_worker_is_one_line_and_the_rest_is_stored(tmp_path: Path) -> None:
    src = articles(tmp_path)
    lines: dict[int, list[str]] = {1: [], 2: []}
    for n in (1, 2):
        s = ingest(
            [str(src)], tmp_path / f"kb{n}.db", progress=False, batch_size=25, extract=crashing_extract,
            resolver_factory=TableResolver, workers=n, on_error=lines[n].append,
        )  # fmt: skip
        assert s.failed == 12 and s.new == N - 12
    assert lines[1] == lines[2] and all("internal error: ValueError: reader bug" in x for x in lines[2])
    assert dump_db(tmp_path / "kb1.db", in_order=True) == dump_db(tmp_path / "kb2.db", in_order=True)


def test_a_small_ingest_starts_no_worker(tmp_path: Path) -> None:
    from kbfixtures import RECORDS, article_for, fake_extract

    items: list[Article] = [article_for(r) for r in RECORDS.values()]
    s = ingest_articles(
        items, tmp_path / "kb.db", extract=fake_extract, resolver_factory=TableResolver, workers=4
    )
    assert s.new == len(items)
    assert default_workers() >= 1


def test_rows_place_numbers_the_article_and_its_search_row() -> None:
    rows = Rows({"articles": [tuple(range(11))], "search": [(0, "b", "t", "n", "")]})
    rows.place(42)
    assert rows.tables["articles"][0][9] == 42 and rows.tables["search"][0][0] == 42


def test_checkpointer_copies_the_wal_and_gives_back_automatic_checkpoints(tmp_path: Path) -> None:
    conn = connect(tmp_path / "kb.db")
    before = conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    cp = Checkpointer(conn)
    cp.start()
    assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
    for i in range(20):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (f"k{i}", "v" * 1000))
        conn.execute("COMMIT")
        cp.committed()
    cp.stop()
    assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == before
    assert conn.execute("SELECT count(*) FROM meta WHERE key LIKE 'k%'").fetchone()[0] == 20
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_an_unpicklable_extractor_is_refused_for_workers(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="picklable"):
        ingest_articles([], tmp_path / "kb.db", extract=lambda a: {}, workers=2)
    assert ingest_articles([], tmp_path / "kb.db", extract=lambda a: {}, workers=1).new == 0


SCRIPT = """
import sys
sys.path.insert(0, {here!r})
from kbfixtures import TableResolver, slow_extract
from bellum.store.ingest import ingest
ingest([sys.argv[1]], sys.argv[2], progress=False, batch_size=10, extract=slow_extract,
       resolver_factory=TableResolver, workers=2)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_workers_end_when_the_writer_is_killed(tmp_path: Path) -> None:
    src = articles(tmp_path)
    code = SCRIPT.format(here=str(Path(__file__).resolve().parent))
    proc = subprocess.Popen([sys.executable, "-c", code, str(src), str(tmp_path / "kb.db")], cwd=REPO)
    children: list[int] = []
    deadline = time.monotonic() + 30
    while len(children) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        children = [
            int(c)
            for t in Path(f"/proc/{proc.pid}/task").iterdir()
            for c in (t / "children").read_text().split()
        ]
    assert len(children) >= 2, "the workers did not start"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while any(_alive(c) for c in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [c for c in children if _alive(c)]
    for c in left:  # do not leave them behind if the test fails
        os.kill(c, signal.SIGKILL)
    assert not left, f"workers outlived the killed writer: {left}"
