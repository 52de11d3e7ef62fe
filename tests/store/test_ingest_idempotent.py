"""Re-ingesting the same articles changes nothing; the result does not depend on order."""

from __future__ import annotations

from pathlib import Path

from kbfixtures import RECORDS, TableResolver, article_for, dump_db, fake_extract, ingest_records

from bellum.store.ingest import ingest_articles
from bellum.store.sqlite import connect, row_counts


def test_second_ingest_reports_unchanged_and_changes_no_row(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    first = ingest_records(db)
    before = dump_db(db)
    second = ingest_records(db)
    assert (first.new, first.unchanged) == (4, 0)
    assert (second.new, second.changed, second.unchanged) == (0, 0, 4)
    assert second.rows == first.rows
    assert dump_db(db) == before


def test_order_of_articles_does_not_change_the_database(tmp_path: Path) -> None:
    titles = list(RECORDS)
    ingest_records(tmp_path / "a.db", *titles)
    for t in reversed(titles):  # one article per run, in the opposite order
        ingest_records(tmp_path / "b.db", t)
    assert dump_db(tmp_path / "a.db") == dump_db(tmp_path / "b.db")


def test_summary_counts_rows_of_every_table(tmp_path: Path) -> None:
    summary = ingest_records(tmp_path / "kb.db")
    assert summary.rows["battles"] == 4
    assert summary.rows["claims"] == 12  # 8 infobox + 1 overall + 1 prose + 2 In Khalil losses
    assert summary.rows["figures"] == 17
    assert summary.rows == row_counts(connect(tmp_path / "kb.db"))
    assert "4 new" in summary.line()


def test_same_title_from_two_files_keeps_the_richer_whatever_the_order(tmp_path: Path) -> None:
    rec = RECORDS["Battle of In Khalil"]
    bare = article_for(rec, source="corpus/In_Khalil.txt")
    rich = article_for(rec, source="seeds/in_khalil.txt", prose="Our own sentence (MAA).")
    for name, order in (("ab.db", [bare, rich]), ("ba.db", [rich, bare])):
        for art in order:
            ingest_articles([art], tmp_path / name, extract=fake_extract, resolver_factory=TableResolver)
        again = ingest_articles(order, tmp_path / name, extract=fake_extract, resolver_factory=TableResolver)
        assert again.new + again.changed == 0
        src = connect(tmp_path / name).execute("SELECT source FROM articles").fetchall()
        assert [r[0] for r in src] == ["seeds/in_khalil.txt"]


def test_force_re_extracts_unchanged_articles_without_duplicating(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    first = ingest_records(db)
    forced = ingest_records(db, force=True)
    assert (forced.changed, forced.unchanged) == (4, 0)
    assert forced.rows == first.rows
