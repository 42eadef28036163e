"""Shared fixtures: the bundled documents and a warehouse built from them once per session."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from ktxh import cli

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = ROOT / "documents" / "04_cao-bang"
ANNUAL_REPORT = DOCUMENTS / "2022-11_bao-cao-kt-xh-2022-phuong-huong-2023.txt"


@pytest.fixture(scope="session")
def built_warehouse(tmp_path_factory) -> Path:
    """All bundled documents ingested and `ktxh build` run, into a private file."""
    db = tmp_path_factory.mktemp("warehouse") / "ktxh.duckdb"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KTXH_DB", str(db))
        assert cli.main(["ingest", str(DOCUMENTS)]) == 0
        assert cli.main(["build"]) == 0
    return db


@pytest.fixture
def warehouse_env(tmp_path, monkeypatch) -> Path:
    """A fresh, private warehouse path in KTXH_DB for one test."""
    db = tmp_path / "wh" / "ktxh.duckdb"
    monkeypatch.setenv("KTXH_DB", str(db))
    monkeypatch.setenv("KTXH_EXPORTS", str(tmp_path / "exports"))
    return db


def query(db: Path, sql: str, params=None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every raw table's rows, sorted: what 'the warehouse as it was' means for ingest."""
    with duckdb.connect(str(db), read_only=True) as con:
        tables = [t for (t,) in con.execute(
            "select table_name from duckdb_tables() where schema_name = 'raw' order by 1").fetchall()]
        return {t: sorted(con.execute(f"select * from raw.{t}").fetchall(), key=repr) for t in tables}
