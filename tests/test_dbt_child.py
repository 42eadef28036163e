"""dbt's child process parses the project before the go-ahead, for the warehouse path it will be
given (the stable hard link): a warehouse it cannot link is built by its real path, parsed again."""

from __future__ import annotations

import os

from ktxh import dbt_process

from .conftest import DOCUMENTS, query, run_cli


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
