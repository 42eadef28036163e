"""Any DuckDB client opens the warehouse: the file is written in DuckDB 1.0's storage format."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import duckdb

from ktxh import storage

DUCKDB_CLI = Path(sys.executable).with_name("duckdb")  # duckdb-cli 1.5.6, pinned in pyproject.toml


def cli(db: Path, sql: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(DUCKDB_CLI), "-readonly", "-csv", str(db), sql],
                          capture_output=True, text=True, timeout=60)


def test_the_registry_cli_is_older_than_the_library():
    out = subprocess.run([str(DUCKDB_CLI), "--version"], capture_output=True, text=True, check=True).stdout
    assert out.startswith("v1.5.6"), out
    assert duckdb.__version__.startswith("2.")


def test_a_default_duckdb_2_file_is_refused_by_the_cli(tmp_path):
    """The reason for ``storage.connect``: without it the CLI refuses the file."""
    with duckdb.connect(str(tmp_path / "latest.duckdb")) as con:
        con.execute("create table t as select 1 as x")
    result = cli(tmp_path / "latest.duckdb", "select * from t")
    assert result.returncode != 0 and "version number" in result.stderr


def test_the_cli_reads_the_built_warehouses_marts(built_warehouse):
    # the README's analyst command, as written there
    result = cli(built_warehouse, "select measure_name, plan, estimate, pct_of_plan, status "
                                  "from marts.fct_plan_attainment where plan_year = 2022")
    assert result.returncode == 0, result.stderr
    rows = {row[0]: row for row in csv.reader(io.StringIO(result.stdout))}
    grdp = rows["GRDP bình quân đầu người"]
    assert [Decimal(grdp[1]), Decimal(grdp[2]), round(Decimal(grdp[3]), 2), grdp[4]] == [
        Decimal("40.30"), Decimal("39.48"), Decimal("97.97"), "missed"]
    result = cli(built_warehouse, "select rule, indicators_met from marts.fct_plan_scorecard order by rule")
    assert result.stdout.splitlines()[1:] == ["all_measures,12", "headline,14"]


def test_a_file_created_by_ktxh_stays_readable_after_later_writes(tmp_path):
    db = tmp_path / "w.duckdb"
    with storage.connect(db) as con:
        con.execute("create table t (x integer)")
    with duckdb.connect(str(db)) as con:  # a later writer without the setting keeps the file's version
        con.execute("create table u as select range as x from range(100000)")
        con.execute("checkpoint")
    result = cli(db, "select count(*) from u")
    assert result.returncode == 0 and result.stdout.splitlines()[1] == "100000", result.stderr
