"""`ktxh run`'s checks ahead (checks/ahead.py, macros/checks_ahead.sql): dbt's child copies each
suite's table to Parquet as it builds it, and the suites are validated from the copies while dbt
builds the rest. A copy must give what the warehouse gives: the same row hashes (kept for the
next check), the same frames, the same findings and Data Docs."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from checks import ahead, incremental, runner
from ktxh import settings
from ktxh.dbt_process import DbtProcess
from ktxh.errors import BuildFailed

from ..conftest import DOCUMENTS, run_cli

SUITES = runner.load_suites()


@pytest.fixture(scope="module")
def copies(built_warehouse, tmp_path_factory):
    """Each suite's table copied as the post-hook copies it (macros/checks_ahead.sql)."""
    folder = tmp_path_factory.mktemp("ahead")
    with duckdb.connect(str(built_warehouse), read_only=True) as con:
        for suite in SUITES:
            con.execute(f"copy (select * from {suite.table}) to '{folder / suite.table}.parquet' (format parquet)")
    return folder


def test_every_suite_table_is_copied_by_dbt_for_ktxh_run():
    """The post-hook is on the tables the suites validate (dbt_project.yml): the checks models and
    fct_plan_attainment; a suite on another table would be validated after dbt, from the warehouse."""
    project = (settings.PROJECT_DIR / "dbt_project.yml").read_text(encoding="utf-8")
    assert project.count('+post-hook: [{sql: "{{ checks_ahead() }}", transaction: false}]') == 2
    assert {s.table.split(".")[0] for s in SUITES} == {"checks", "marts"}
    assert {s.table for s in SUITES if s.table.startswith("marts.")} == {"marts.fct_plan_attainment"}
    # only ktxh run's child is given the folder; ktxh build's and the tests' dbt are not
    assert DbtProcess(None, settings.PROJECT_DIR / "x.duckdb").checks_ahead is None


def test_a_copy_gives_the_hashes_and_frames_of_the_warehouse(built_warehouse, copies, tmp_path):
    with duckdb.connect(str(built_warehouse), read_only=True) as con:
        from_warehouse = ahead.Validation(SUITES, tmp_path / "site", {})
        for _ in SUITES:
            from_warehouse.add(con)
    from_copies = ahead.Validation(SUITES, tmp_path / "site", {})
    from_copies.ahead(copies_ready(copies), running=lambda: True)
    assert from_copies.next is None
    assert from_copies.plan == from_warehouse.plan
    # the suites whose table has rows (an empty table has no province-year to validate)
    assert set(from_copies.frames) == set(from_warehouse.frames) == {
        "appendix_structure", "indicator_coverage", "monthly_gaps", "monthly_series", "plausibility",
        "printed_ratios", "prose_vs_appendix", "totals_and_parts", "unit_conversions", "year_on_year"}
    for name, frame in from_warehouse.frames.items():
        pd.testing.assert_frame_equal(from_copies.frames[name], frame, check_exact=True)
    # the findings of both: the 2022 biểu's printed 113,4 % for the commune health stations (line 811)
    validated = [s for s in SUITES if s.name in from_copies.results]
    found = runner.collect_findings(validated, from_copies.frames, from_copies.results)
    assert found == runner.collect_findings(validated, from_warehouse.frames, from_warehouse.results)
    assert any(f["measure_code"] == "commune_health_standard_share" and f["printed_text"] == "113,4" for f in found)


def copies_ready(folder):
    for suite in SUITES:
        (folder / f"{suite.table}.ready").write_text("ready\n1\n")
    return folder


def test_ahead_stops_at_the_first_table_not_copied_once_dbt_is_done(copies, tmp_path):
    folder = tmp_path / "some"
    folder.mkdir()
    first, second = SUITES[0], SUITES[1]
    for suite in (first,):  # the second suite's table was not built by this dbt (an incremental build)
        (folder / f"{suite.table}.parquet").write_bytes((copies / f"{suite.table}.parquet").read_bytes())
        (folder / f"{suite.table}.ready").write_text("ready\n1\n")
    validation = ahead.Validation(SUITES, tmp_path / "site", {})
    validation.ahead(folder, running=lambda: False)
    assert validation.next == second and list(validation.plan.hashes) == [first.name]
    # a copy that cannot be read: left to the warehouse
    (folder / f"{second.table}.parquet").write_text("not parquet")
    (folder / f"{second.table}.ready").write_text("ready\n1\n")
    validation.ahead(folder, running=lambda: True)
    assert validation.next == second and list(validation.plan.hashes) == [first.name]


def _site_files(site):
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html") if "validations" not in p.parts)


def test_ktxh_run_validates_ahead_what_a_check_of_its_warehouse_finds(tmp_path, monkeypatch):
    """`ktxh run` of the bundled documents validates suites from dbt's copies; a full `ktxh check`
    of the warehouse it made, every suite from the warehouse, finds the same checks.findings
    (rows and order), keeps the same state for the next check and writes the same Data Docs pages.
    (Two builds are not compared: chk_totals' sums of doubles may differ in their last bits.)"""
    sources: list[str] = []
    add = ahead.Validation.add

    def spying(self, con):
        [(database,)] = con.sql("select current_database()").fetchall()
        sources.append(database)
        add(self, con)

    monkeypatch.setattr(ahead.Validation, "add", spying)
    monkeypatch.setenv("KTXH_CHECKS_SITE", str(tmp_path / "site"))
    monkeypatch.setenv("KTXH_EXPORTS", str(tmp_path / "exports"))
    db = tmp_path / "ktxh.duckdb"
    outcomes = []
    for command in (["run", str(DOCUMENTS)], ["check", "--full"]):
        sources.clear()
        assert run_cli(db, *command) == 0
        with duckdb.connect(str(db), read_only=True) as con:
            findings = con.sql("select * from checks.findings").fetchall()
            state = con.sql(f"select * from {incremental.STATE_TABLE}").fetchall()
        outcomes.append((findings, state, _site_files(tmp_path / "site"), list(sources)))
        assert not (settings.dbt_work_dir(db) / "target" / "ktxh_checks_ahead").exists()  # removed after dbt
        assert not (tmp_path / "site.building").exists()  # the docs written ahead, put in place
    run, check = outcomes
    assert run[:3] == check[:3]
    assert len(run[0]) == 42  # 9 warnings, 33 info on the bundled documents
    assert "index.html" in run[2]
    assert check[3] == ["ktxh"] * len(SUITES)  # every suite from the warehouse
    assert "memory" in run[3] and len(run[3]) == len(SUITES)  # some from dbt's copies


def test_a_run_whose_dbt_fails_leaves_the_data_docs_as_they_were(tmp_path, monkeypatch):
    """The checks ahead write nothing where a user looks before dbt is done: when dbt fails after
    the suites were validated (and their Data Docs written aside), the site keeps the last run's
    docs and the aside folder is removed."""
    monkeypatch.setenv("KTXH_CHECKS_SITE", str(tmp_path / "site"))
    monkeypatch.setenv("KTXH_EXPORTS", str(tmp_path / "exports"))
    assert run_cli(tmp_path / "first.duckdb", "run", str(DOCUMENTS)) == 0
    before = {p: p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()}
    wait, aside = DbtProcess.wait, []

    def failing(self):
        wait(self)
        aside.extend(p.name for p in (tmp_path / "site.building").iterdir())
        raise BuildFailed("dbt build failed (a test)")

    monkeypatch.setattr(DbtProcess, "wait", failing)
    assert run_cli(tmp_path / "second.duckdb", "run", str(DOCUMENTS)) == 2
    assert "index.html" in aside  # validated and written ahead, while dbt ran
    assert {p: p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()} == before
    assert not (tmp_path / "site.building").exists()
