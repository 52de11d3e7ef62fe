"""`bellum extract`: files, directories, stdin; schema-valid records; bad input said in one line."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import EXAMPLES, records, run_bellum, schema_errors

ARTICLE = b"= Battle of Harl =\nInfobox\n- Date: 1650\n- Combatant1: Harl\n- Combatant2: Mors\n"


def test_seeds_and_corpus_give_65_schema_valid_records(shared_dir: Path) -> None:
    seeds = sorted(str(p) for p in (shared_dir / "seeds").glob("*.txt"))
    proc = run_bellum("extract", *seeds, str(shared_dir / "corpus" / "articles"))
    assert proc.returncode == 0, proc.stderr.decode()
    recs = records(proc.stdout)
    assert len(recs) == 65
    for rec in recs:
        assert schema_errors(rec) == [], rec["title"]
    titles = [r["title"] for r in recs]
    assert titles[0] == "Battle of In-Delimane (2012)"
    assert "Battle of Grozny (1994–1995)" in titles


def test_infobox_texts_are_kept_exactly(shared_dir: Path, corpus_infoboxes: list[dict]) -> None:
    proc = run_bellum("extract", str(shared_dir / "corpus" / "articles"))
    by_title = {r["title"]: r for r in records(proc.stdout)}
    assert len(by_title) == len(corpus_infoboxes)
    for row in corpus_infoboxes:
        rec = by_title[row["title"]]
        assert [(f["key"], f["text"]) for f in rec["infobox"]] == [
            (k.lower().replace(" ", "_"), v) for k, v in row["infobox"]
        ]


def test_every_key_of_the_record_is_present() -> None:
    proc = run_bellum("extract", "-", stdin=ARTICLE)
    [rec] = records(proc.stdout)
    for key in ("title", "kind", "part_of", "date", "place", "result", "sides",
                "other_losses", "claims", "events", "flags"):
        assert key in rec
    assert rec["title"] == "Battle of Harl"
    assert schema_errors(rec) == []


def test_pretty_indents_and_directories_are_recursive(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "harl.txt").write_bytes(ARTICLE)
    (tmp_path / "a" / "notes.md").write_text("not an article")
    proc = run_bellum("extract", "--pretty", str(tmp_path))
    assert proc.returncode == 0
    assert proc.stdout.startswith(b'{\n  "id"')
    record, end = json.JSONDecoder().raw_decode(proc.stdout.decode())
    assert record["title"] == "Battle of Harl" and proc.stdout.decode()[end:].strip() == ""


def test_bundled_examples_are_the_seeds() -> None:
    proc = run_bellum("extract", str(EXAMPLES))
    titles = sorted(r["title"] for r in records(proc.stdout))
    assert titles == ["Battle of In Khalil", "Battle of In-Delimane (2012)"]


def _bad_input_run(tmp_path: Path, name: str, data: bytes) -> tuple[int, str, list[str]]:
    good1, bad, good2 = tmp_path / "1.txt", tmp_path / name, tmp_path / "3.txt"
    good1.write_bytes(ARTICLE)
    bad.write_bytes(data)
    good2.write_bytes(ARTICLE.replace(b"Harl", b"Pell"))
    proc = run_bellum("extract", str(good1), str(bad), str(good2))
    err = proc.stderr.decode()
    return proc.returncode, err, [r["title"] for r in records(proc.stdout)]


def test_non_utf8_bytes_are_replaced_and_said(tmp_path: Path) -> None:
    code, err, titles = _bad_input_run(
        tmp_path, "latin1.txt", "= Battle of Kön =\n- Date: 1650\n".encode("latin-1")
    )
    assert code == 2
    assert err.count("\n") == 1 and "latin1.txt" in err and "UTF-8" in err
    assert "Traceback" not in err
    assert titles == ["Battle of Harl", "Battle of K\ufffdn", "Battle of Pell"]


def test_empty_file(tmp_path: Path) -> None:
    code, err, titles = _bad_input_run(tmp_path, "empty.txt", b"")
    assert (code, err.strip()) == (2, f"bellum: {tmp_path / 'empty.txt'}: empty file")
    assert titles == ["Battle of Harl", "Battle of Pell"]


def test_binary_file(tmp_path: Path) -> None:
    code, err, titles = _bad_input_run(tmp_path, "img.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert code == 2 and "img.txt: binary file" in err and err.count("\n") == 1
    assert titles == ["Battle of Harl", "Battle of Pell"]


def test_file_without_infobox(tmp_path: Path) -> None:
    code, err, titles = _bad_input_run(tmp_path, "prose.txt", b"Only prose here.\nNo fields.\n")
    assert code == 2 and "prose.txt: no infobox found" in err and err.count("\n") == 1
    assert titles == ["Battle of Harl", "Battle of Pell"]


def test_truncated_infobox_is_printed_and_said(tmp_path: Path) -> None:
    code, err, titles = _bad_input_run(
        tmp_path, "cut.txt", b"= Battle of Cut =\nInfobox\n- Date: 1650\n- Casualties1:"
    )
    assert code == 2 and "cut.txt: Battle of Cut: infobox may be truncated" in err
    assert titles == ["Battle of Harl", "Battle of Cut", "Battle of Pell"]


def test_missing_file_and_stdin(tmp_path: Path) -> None:
    proc = run_bellum("extract", str(tmp_path / "nope.txt"), "-", stdin=ARTICLE)
    assert proc.returncode == 2
    missing = f"bellum: {tmp_path / 'nope.txt'}: No such file or directory"
    assert proc.stderr.decode().strip() == missing
    assert [r["title"] for r in records(proc.stdout)] == ["Battle of Harl"]
