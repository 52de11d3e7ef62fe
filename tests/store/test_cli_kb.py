"""The knowledge-base commands as a user runs them (registered on a Typer app)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from kbfixtures import ingest_records
from typer.testing import CliRunner

from bellum.cli_kb import register


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    a = typer.Typer()
    register(a)

    @a.callback()
    def main() -> None:
        """bellum (test app)."""

    return a


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    ingest_records(tmp_path / "kb.db")
    return tmp_path / "kb.db"


def invoke(app: typer.Typer, *args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})
    return r.exit_code, r.stdout, r.stderr


def test_show_prints_claims_with_sources_and_finds_by_prefix(app, db: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = invoke(app, "show", "Battle of In-Delimane", "--db", str(db))
    assert code == 0
    assert "Battle of In-Delimane (2012)" in out
    for text in (
        "(according to the MNLA)",
        "(according to MUJAO)",
        "(according to the ICRC)",
        "Abu Dardar (killed)",
        "MOJWA (= MUJAO)",
    ):
        assert text in out


def test_show_json_is_the_api_page(app, db: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = invoke(app, "show", "battle of in khalil", "--db", str(db), "--json")
    assert code == 0 and json.loads(out)["sides"][2]["belligerents"][0]["id"] == "mujao"


def test_unknown_battle_exits_1(app, db: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = invoke(app, "show", "Battle of Hastings", "--db", str(db))
    assert code == 1 and out == "" and "no battle matches 'Battle of Hastings'" in err


def test_missing_database_is_one_line_and_exit_2(app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = invoke(app, "search", "x", "--db", str(tmp_path / "none.db"))
    assert code == 2 and err.count("\n") == 1 and "no such database" in err


def test_search_actor_person_conflict(app, db: Path) -> None:  # type: ignore[no-untyped-def]
    assert "Battle of In Khalil" in invoke(app, "search", "Ghoulam", "--db", str(db))[1]
    code, out, _ = invoke(app, "actor", "MOJWA", "--db", str(db))
    assert code == 0 and "Battle of In Khalil" in out and "won" in out
    code, out, _ = invoke(app, "person", "Oumar Ould Hamaha", "--db", str(db), "--json")
    assert len(json.loads(out)["battles"]) == 2
    code, out, _ = invoke(app, "conflict", "War on terror", "--db", str(db))
    assert code == 0 and out.index("Insurgency in the Maghreb") < out.index("Mali War")
    assert invoke(app, "actor", "Nobody", "--db", str(db))[0] == 1


def test_export_to_stdout_and_to_a_file(app, db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = invoke(app, "export", "--db", str(db), "--format", "jsonl")
    assert code == 0 and len(out.splitlines()) == 4
    code, _, err = invoke(app, "export", "--db", str(db), "-f", "ged", "-o", str(tmp_path / "g.csv"))
    assert code == 0 and (tmp_path / "g.csv").read_text().startswith("id,year,conflict_name")
    assert "4 battles" in err
    code, _, err = invoke(app, "export", "--db", str(db), "-f", "parquet")
    assert code == 2 and "-o FILE" in err


def test_ingest_reports_a_summary_and_fails_on_bad_inputs(app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty.txt").write_text("")
    code, out, err = invoke(
        app, "ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "kb.db"), "--json"
    )
    assert code == 2
    assert json.loads(out)["failed"] == 1
    assert err.startswith("bellum: ") and "empty file" in err
