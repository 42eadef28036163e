"""Shared fixtures: the bundled documents, the biểu fixtures, and warehouses built from them.

Warehouses are built once per session (``ktxh ingest`` then ``ktxh build`` on a file in a
temporary folder, ``KTXH_DB`` set for the duration) because a dbt build takes seconds.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from ktxh.cli import main

PROJECT = Path(__file__).resolve().parents[1]
DOCUMENTS = PROJECT / "documents" / "04_cao-bang"
REPORT = ANNUAL_REPORT = DOCUMENTS / "2022-11_bao-cao-kt-xh-2022-phuong-huong-2023.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "bieu"
BIEU_XLSX = FIXTURES / "bieu_chi_tieu_2022_cao_bang.xlsx"
BIEU_CSV = FIXTURES / "bieu_chi_tieu_2022_cao_bang.csv"
SOURCES = {"text": REPORT, "xlsx": BIEU_XLSX, "csv": BIEU_CSV}


def run_cli(db: Path, *argv: str) -> int:
    """``ktxh <argv>`` against the warehouse file ``db``."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KTXH_DB", str(db))
        return main(list(argv))


def build_warehouse(db: Path, *documents: Path) -> Path:
    assert run_cli(db, "ingest", *map(str, documents), "--area", "04") == 0
    assert run_cli(db, "build") == 0
    return db


def copy_warehouse(db: Path, to: Path) -> Path:
    shutil.copy2(db, to)
    return to


def query(db: Path, sql: str, params=None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows, in a stable order: to tell whether a warehouse changed."""
    with duckdb.connect(str(db), read_only=True) as con:
        tables = con.sql(
            "select table_schema, table_name from information_schema.tables "
            "where table_type = 'BASE TABLE' order by all"
        ).fetchall()
        return {f"{s}.{t}": con.sql(f'select * from "{s}"."{t}" order by all').fetchall() for s, t in tables}


@pytest.fixture(scope="session")
def built_warehouse(tmp_path_factory) -> Path:
    """All bundled documents ingested and `ktxh build` run, into a private file."""
    db = tmp_path_factory.mktemp("warehouse") / "ktxh.duckdb"
    assert run_cli(db, "ingest", str(DOCUMENTS)) == 0
    assert run_cli(db, "build") == 0
    return db


@pytest.fixture(scope="session")
def warehouses(tmp_path_factory) -> dict[str, Path]:
    """Three warehouses, one per form of the same 2022 appendix: text report, XLSX, CSV."""
    root = tmp_path_factory.mktemp("warehouses")
    return {form: build_warehouse(root / f"{form}.duckdb", path) for form, path in SOURCES.items()}


@pytest.fixture(scope="session")
def checked_warehouse(warehouses, tmp_path_factory) -> Path:
    """The 2022 report's warehouse after `ktxh check`, so checks.findings is filled."""
    db = copy_warehouse(warehouses["text"], tmp_path_factory.mktemp("checked") / "ktxh.duckdb")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KTXH_CHECKS_SITE", str(db.parent / "site"))
        assert run_cli(db, "check") == 0
    return db


@pytest.fixture
def warehouse_env(tmp_path, monkeypatch) -> Path:
    """A fresh, private warehouse path in KTXH_DB for one test."""
    db = tmp_path / "wh" / "ktxh.duckdb"
    monkeypatch.setenv("KTXH_DB", str(db))
    monkeypatch.setenv("KTXH_EXPORTS", str(tmp_path / "exports"))
    return db
