"""The marts' CSVs written ahead of the export (``extracts.export.start_marts``): ``ktxh run``
writes them while the checks run; the export takes each one only if the warehouse it exports
still has the rows the file was written from, and then the files are those of a plain export."""

from __future__ import annotations

from pathlib import Path

from .conftest import copy_warehouse
from extracts.export import AHEAD_FOLDER, export_all, start_marts, wait_marts
from ktxh import storage


def test_marts_written_ahead_are_taken_only_while_their_rows_are_the_same(built_warehouse, tmp_path):
    db = copy_warehouse(built_warehouse, tmp_path / "ktxh.duckdb")
    ahead, plain = tmp_path / "ahead", tmp_path / "plain"
    start_marts(db, ahead)
    wait_marts(ahead)
    early = {p.name: p.stat().st_ino for p in (ahead / AHEAD_FOLDER).iterdir()}
    assert {"fct_plan_attainment.csv", "dim_measures.csv", "fct_reported_figures.csv"} <= set(early)
    # after they were written, GRDP per capita's 2022 estimate (39,48 triệu đồng) changes in the mart
    with storage.connect(db) as con:
        [(changed,)] = con.execute("update marts.fct_plan_attainment set estimate = 39.5 where measure_code = "
                                   "'grdp_per_capita' and plan_year = 2022 and estimate = 39.48").fetchall()
    assert changed == 1
    written: list[Path] = []
    export_all(db, ahead, written=written)
    export_all(db, plain)
    marts = sorted(p.name for p in (plain / "marts").iterdir())
    assert sorted(p.name for p in (ahead / "marts").iterdir()) == marts
    for name in marts:
        assert (ahead / "marts" / name).read_bytes() == (plain / "marts" / name).read_bytes(), name
    # the unchanged tables' files are those written ahead (moved into place), the changed one is new
    assert (ahead / "marts" / "dim_measures.csv").stat().st_ino == early["dim_measures.csv"]
    assert (ahead / "marts" / "fct_plan_attainment.csv").stat().st_ino != early["fct_plan_attainment.csv"]
    rows = (ahead / "marts" / "fct_plan_attainment.csv").read_text(encoding="utf-8").splitlines()
    [grdp] = [row for row in rows if ",2022,2,economic,grdp_per_capita," in row]
    assert ",37.180000,40.300000,39.500000,43.970000," in grdp  # TH 2021, KH, ước TH (changed), KH 2023
    assert not (ahead / AHEAD_FOLDER).exists()
    assert {ahead / "marts" / name for name in marts} <= set(written)
