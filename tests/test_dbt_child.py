"""dbt's child process parses the project before the go-ahead, for the warehouse path it will be
given (the stable hard link): a warehouse it cannot link is built by its real path, parsed again."""

from __future__ import annotations

import os

import pytest

from ktxh import dbt_process, settings, storage, warehouse
from ktxh.errors import BuildFailed

from .conftest import DOCUMENTS, copy_warehouse, query, run_cli


def test_a_warehouse_that_cannot_be_linked_is_built_by_its_real_path(tmp_path, monkeypatch):
    db = tmp_path / "ktxh.duckdb"
    assert run_cli(db, "ingest", str(DOCUMENTS / "2022-11_bao-cao-kt-xh-2022-phuong-huong-2023.txt")) == 0

    def no_link(src, dst):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(dbt_process.os, "link", no_link)
    assert run_cli(db, "build") == 0
    # GRDP per capita 2022 from the bundled report: 39,48 against a plan of 40,30
    assert query(db, "select estimate::double, plan::double from marts.fct_plan_attainment "
                     "where measure_code = 'grdp_per_capita'") == [(39.48, 40.3)]


def last_invocation(log: str) -> str:
    return log.rsplit("Running with dbt=", 1)[1]


def test_dbt_log_keeps_each_node_and_the_failure_not_the_debug_events(built_warehouse, tmp_path, monkeypatch):
    monkeypatch.delenv("DBT_LOG_LEVEL_FILE", raising=False)
    db = copy_warehouse(built_warehouse, tmp_path / "ktxh.duckdb")
    with storage.connect(db) as con:  # GRDP per capita 2022 (KH 40,30, ước TH 39,48) given a status no rule knows
        con.execute("update marts.fct_plan_attainment set status = 'bogus' "
                    "where measure_code = 'grdp_per_capita' and plan_year = 2022 and estimate = 39.48")
    with pytest.raises(BuildFailed) as failed:
        warehouse.dbt(["test", "--select", "model_tables"], db)
    log_file = settings.dbt_work_dir(db) / "logs" / "dbt.log"
    assert str(log_file) in str(failed.value)
    log = last_invocation(log_file.read_text(encoding="utf-8"))
    assert "START test model_tables" in log and "FAIL 1 model_tables" in log
    assert "Failure in test model_tables (tests/dbt/model_tables.sql)" in log and "compiled code at" in log
    assert "[debug]" not in log and "select" not in log.lower()  # no query text, no debug events


def test_dbt_log_at_debug_level_when_asked(built_warehouse, tmp_path, monkeypatch):
    monkeypatch.setenv("DBT_LOG_LEVEL_FILE", "debug")
    db = copy_warehouse(built_warehouse, tmp_path / "ktxh.duckdb")
    warehouse.dbt(["test", "--select", "model_tables"], db)
    log = last_invocation((settings.dbt_work_dir(db) / "logs" / "dbt.log").read_text(encoding="utf-8"))
    assert "[debug]" in log and "PASS model_tables" in log
