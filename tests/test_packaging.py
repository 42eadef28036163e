"""A non-editable `pip install .` gives a working `ktxh run` from any folder: the dbt project,
suites, raw schema and bundled documents are package data.  Slow-ish (a wheel build and a
whole run), so it is one test."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOT_SOURCE = {".git", ".venv", "target", "logs", "warehouse", "exports", "build", "checks_site",
              ".pytest_cache", "__pycache__"}


def test_installed_package_runs_from_any_folder(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=lambda _, names: [n for n in names if n in NOT_SOURCE
                                                           or n.endswith((".egg-info", ".duckdb", ".wal"))])
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                    str(source)], check=True, capture_output=True)
    shutil.rmtree(source)  # nothing may come from the source tree any more

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "KTXH_DB": str(elsewhere / "w" / "ktxh.duckdb"),
           "KTXH_EXPORTS": str(elsewhere / "out")}
    env.pop("KTXH_CHECKS_SITE", None)
    where = subprocess.run([sys.executable, "-c", "import ktxh.settings as s; print(s.PROJECT_DIR, s.FROM_CLONE)"],
                           env=env, cwd=elsewhere, capture_output=True, text=True, check=True)
    assert where.stdout.split() == [str(target / "ktxh" / "project"), "False"]

    run = subprocess.run([str(target / "bin" / "ktxh"), "run"], env=env, cwd=elsewhere, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]
    assert (elsewhere / "out" / "bieu_chi_tieu_2022.xlsx").is_file()
    # the Data Docs of the checks
    assert "Data Docs" in (elsewhere / "w" / "checks_site" / "index.html").read_text(encoding="utf-8")
    # dbt's state beside the warehouse (its partial-parse file: builds write no manifest.json)
    assert (elsewhere / "w" / "dbt" / "target" / "partial_parse.msgpack").is_file()
    import duckdb

    with duckdb.connect(str(elsewhere / "w" / "ktxh.duckdb"), read_only=True) as con:
        # GRDP per capita 2022 from the bundled report: 39,48 against a plan of 40,30
        assert con.sql("select estimate::double, plan::double from marts.fct_plan_attainment "
                       "where measure_code = 'grdp_per_capita'").fetchall() == [(39.48, 40.3)]
        assert con.sql("select count(*) from raw.load_batches").fetchall() == [(4,)]
