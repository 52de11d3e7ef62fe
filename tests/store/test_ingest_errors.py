"""Bad inputs: one line each, the rest goes on, nothing stored is lost."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from kbfixtures import RECORDS, TableResolver, article_for, fake_extract, ingest_records

from bellum.article import Article
from bellum.pipeline import InputError
from bellum.store.ingest import ingest, ingest_articles
from bellum.store.sqlite import connect


def test_unreadable_inputs_and_crashing_extraction_are_reported_and_skipped(
    tmp_path: Path,
) -> None:
    db = tmp_path / "kb.db"
    ingest_records(db, "Battle of In Khalil")
    lines: list[str] = []

    def extract(article: Article) -> dict[str, Any]:
        if article.title == "Mali War":
            raise ValueError("reader bug")
        return fake_extract(article)

    broken = copy.deepcopy(RECORDS["Insurgency in the Maghreb"])
    del broken["title"]
    items: list[Article | InputError] = [
        InputError("empty.txt", "empty file"),
        article_for(RECORDS["Battle of In-Delimane (2012)"]),
        article_for(RECORDS["Mali War"]),
        article_for(RECORDS["Insurgency in the Maghreb"]),
    ]
    summary = ingest_articles(
        items,
        db,
        extract=lambda a: broken if a.title == "Insurgency in the Maghreb" else extract(a),
        resolver_factory=TableResolver,
        on_error=lines.append,
    )
    assert summary.failed == 3 and summary.new == 1 and summary.unchanged == 0
    assert len(lines) == 3 and all("\n" not in line for line in lines)
    assert lines[0] == "bellum: empty.txt: empty file"
    assert "reader bug" in lines[1]
    titles = {r[0] for r in connect(db).execute("SELECT title FROM battles")}
    assert titles == {"Battle of In Khalil", "Battle of In-Delimane (2012)"}


def test_files_that_are_not_articles_do_not_stop_the_ingest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "in" / "ok.txt").write_text(
        "= Battle of Nowhere =\n\nInfobox\n- Combatant1: A\n- Combatant2: B\n", encoding="utf-8"
    )
    summary = ingest(
        [str(tmp_path / "in"), str(tmp_path / "missing.txt")],
        tmp_path / "kb.db",
        progress=False,
        extract=lambda a: _tiny(a),
        resolver_factory=TableResolver,
    )
    err = capsys.readouterr().err.splitlines()
    assert summary.failed == 3 and summary.new == 1
    assert len(err) == 3 and all(line.startswith("bellum: ") for line in err)


def _tiny(article: Article) -> dict[str, Any]:
    from kbfixtures import synthetic_extract

    return synthetic_extract(article)


def test_damaged_but_readable_article_is_stored_and_its_problem_said(tmp_path: Path) -> None:
    (tmp_path / "latin1.txt").write_bytes(
        "= Battle of Nowhere =\n\nInfobox\n- Combatant1: Caf\xe9 Brigade\n- Combatant2: B\n".encode("latin-1")
    )
    lines: list[str] = []
    summary = ingest(
        [str(tmp_path / "latin1.txt")],
        tmp_path / "kb.db",
        progress=False,
        extract=_tiny,
        resolver_factory=TableResolver,
        on_error=lines.append,
    )
    assert (summary.new, summary.failed) == (1, 0)
    assert len(lines) == 1 and "UTF-8" in lines[0]
