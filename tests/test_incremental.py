"""A month's new report, loaded incrementally, gives the warehouse a full build gives.

Two provinces: Cao Bằng (04) with three of its bundled reports, and the 2022 annual report
loaded as a second province (20, Lạng Sơn).  The incremental warehouse gets them, is built,
checked and exported, then gets the September 2022 report of 04 (a new month) and is built,
checked and exported again: every marts and checks table, and every exported file, must equal
those of a warehouse that got all the documents at once.
"""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import duckdb
import openpyxl
import pytest

from .conftest import DOCUMENTS, REPORT, query, run_cli

FIRST = ["2021-06_bao-cao-kiem-diem-6-thang-dau-nam.txt", "2022-04_thong-bao-ket-luan-phien-hop-thang-4.txt",
         REPORT.name]
NEW_MONTH = "2022-09_bao-cao-chi-dao-dieu-hanh-thang-9.txt"
GRDP_PC = "GRDP bình quân đầu người"  # line 786 of the 2022 report: 37,18 | 40,30 | 39,48


def _steps(db: Path, out: Path, steps: list[list[tuple[list[Path], str]]], monkeypatch, capsys) -> list[str]:
    """Per step: ingest each (documents, area), then build, check and export; the outputs."""
    monkeypatch.setenv("KTXH_CHECKS_SITE", str(db.parent / "site"))
    outputs = []
    for step in steps:
        for documents, area in step:
            assert run_cli(db, "ingest", *map(str, documents), "--area", area) == 0
        assert run_cli(db, "build") == 0
        assert run_cli(db, "check") == 0
        assert run_cli(db, "export", "--out", str(out)) == 0
        assert run_cli(db, "report", "--out", str(out)) == 0
        outputs.append(capsys.readouterr().out)
    return outputs


@pytest.fixture(scope="module")
def paths(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("incremental")
    return {"step": root / "step" / "ktxh.duckdb", "once": root / "once" / "ktxh.duckdb",
            "step_out": root / "step_out", "once_out": root / "once_out"}


@pytest.fixture(scope="module")
def built(paths):
    """The two warehouses and exports, and what the incremental one printed at each step."""
    with pytest.MonkeyPatch.context() as mp:
        capture = _Capture()
        first = [([DOCUMENTS / name for name in FIRST], "04"), ([REPORT], "20")]
        with capture:
            steps = _steps(paths["step"], paths["step_out"], [first, [([DOCUMENTS / NEW_MONTH], "04")]], mp, capture)
            _steps(paths["once"], paths["once_out"], [[([DOCUMENTS / n for n in (*FIRST, NEW_MONTH)], "04"),
                                                       ([REPORT], "20")]], mp, capture)
    return steps


class _Capture:
    """stdout of the CLI, read per step (a module fixture cannot use capsys)."""

    def __enter__(self):
        import contextlib
        import io

        self._buffer = io.StringIO()
        self._redirect = contextlib.redirect_stdout(self._buffer)
        self._redirect.__enter__()
        return self

    def __exit__(self, *exc):
        self._redirect.__exit__(*exc)

    def readouterr(self):
        class Out:
            out = self._buffer.getvalue()
        self._buffer.seek(0)
        self._buffer.truncate()
        return Out


def _close(value):
    """A double to 12 significant digits: a sum of doubles (chk_totals' intervals) may differ in
    its last bits with the order DuckDB adds them in, in any two builds."""
    return float(f"{value:.12g}") if isinstance(value, float) else value


def tables(db: Path) -> dict[str, list[tuple]]:
    """Every marts and checks table, rows sorted; load times (which differ by design) left out."""
    with duckdb.connect(str(db), read_only=True) as con:
        names = con.sql("select table_schema || '.' || table_name from information_schema.tables "
                        "where table_schema in ('marts', 'checks') and table_type = 'BASE TABLE' order by 1").fetchall()
        out = {}
        for (name,) in names:
            columns = ", ".join(f'"{c}"' for c in con.table(name).columns if c != "loaded_at")
            out[name] = sorted((tuple(_close(v) for v in row) for row in con.sql(f"select {columns} from {name}").fetchall()),
                               key=repr)
    return out


def test_the_second_step_recomputed_only_what_the_new_month_changed(built):
    _, second = built
    assert "incremental: the marts of province 04 recomputed, the others kept" in second
    # a monthly report has no appendix table: the appendix side's models were not run again
    assert "no appendix table changed, so its models were not run" in second
    validated, groups = map(int, re.search(r"validated (\d+) of (\d+) suite", second).groups())
    assert 0 < validated < groups
    written = re.findall(r"^wrote (.+)$", second, re.M)
    assert not [w for w in written if Path(w).name.startswith("bieu_chi_tieu_2022_20")]  # Lạng Sơn: rows unchanged
    assert [Path(w).name for w in written if Path(w).name.startswith("bieu")] == [
        "bieu_chi_tieu_2022_04.xlsx", "bieu_chi_tieu_2022_04.csv", "bieu_chi_tieu_2022_04_phat_hien.csv"]
    assert any(w.endswith("fct_monthly_series.csv") for w in written)
    assert [Path(w).name for w in written if Path(w).name.startswith("bao_cao")] == ["bao_cao_2022_04.html"]


def test_incremental_and_full_builds_give_the_same_warehouse(built, paths):
    step, once = tables(paths["step"]), tables(paths["once"])
    assert sorted(step) == sorted(once)
    assert {"marts.fct_reported_figures", "marts.fct_monthly_series", "checks.findings"} <= set(step)
    for name in step:
        assert step[name] == once[name], name
    # real figures: both provinces' GRDP per capita 2022 (TH 2021, KH, ước TH: line 786), and
    # the September report's 9-month budget revenue in Cao Bằng's series
    assert query(paths["step"], f"select area_code, prior_actual, plan, estimate from marts.fct_plan_attainment "
                                f"where measure_name_printed = '{GRDP_PC}' order by 1") == [
        (area, Decimal("37.18"), Decimal("40.30"), Decimal("39.48")) for area in ("04", "20")]
    assert query(paths["step"], "select count(*) from marts.fct_reported_figures where area_code = '04' "
                                f"and document = '{NEW_MONTH}'")[0][0] == 48


def _cells(path: Path) -> list[list]:
    book = openpyxl.load_workbook(path)
    return [[[c.value for c in row] for row in sheet.iter_rows()] for sheet in book.worksheets]


def test_incremental_and_full_exports_are_the_same_files(built, paths):
    step_files = sorted(p.relative_to(paths["step_out"]) for p in paths["step_out"].rglob("*") if p.is_file())
    once_files = sorted(p.relative_to(paths["once_out"]) for p in paths["once_out"].rglob("*") if p.is_file())
    assert step_files == once_files
    assert {Path("bieu_chi_tieu_2022_20.xlsx"), Path("marts/fct_monthly_series.csv"), Path("bao_cao_2022_20.html")} \
        <= set(step_files)
    for name in step_files:
        a, b = paths["step_out"] / name, paths["once_out"] / name
        if name.suffix == ".xlsx":  # the workbook's own creation time differs
            assert _cells(a) == _cells(b), name
        elif name.suffix == ".html":  # so does the page's "generated" time
            stamp = re.compile(r"\d\d/\d\d/\d{4} \d\d:\d\d")
            assert stamp.sub("", a.read_text(encoding="utf-8")) == stamp.sub("", b.read_text(encoding="utf-8")), name
        elif name.name != ".ktxh-export.json":
            assert a.read_bytes() == b.read_bytes(), name


def test_a_changed_document_of_the_same_name_replaces_its_rows(built, paths, tmp_path, monkeypatch, capsys):
    db = tmp_path / "ktxh.duckdb"
    shutil.copy2(paths["step"], db)
    monkeypatch.setenv("KTXH_CHECKS_SITE", str(tmp_path / "site"))
    changed = tmp_path / "new" / REPORT.name
    changed.parent.mkdir()
    text = REPORT.read_text(encoding="utf-8")
    assert "| Triệu đồng | 37,18 |" in text and "Gieo trồng được 30.168,2 ha" in text
    changed.write_text(text.replace("| Triệu đồng | 37,18 |", "| Triệu đồng | 38,18 |")
                       .replace("Gieo trồng được 30.168,2 ha", "Gieo trồng được 30.268,2 ha"), encoding="utf-8")
    [(old_batch,)] = query(db, "select batch_id from raw.load_batches where area_code = '20'")
    assert run_cli(db, "ingest", str(changed), "--area", "20") == 0
    out = capsys.readouterr().out
    assert f"replacing batch {old_batch} of the same name" in out
    assert run_cli(db, "build") == 0
    built_out = capsys.readouterr().out
    assert "incremental: the marts of province 20 recomputed" in built_out
    assert "no appendix table changed" not in built_out  # the replaced batch had (and has) appendix rows
    [(batch,)] = query(db, "select batch_id from raw.load_batches where area_code = '20'")
    assert batch != old_batch
    for table in ("appendix_rows", "appendix_cells", "prose_facts"):
        assert query(db, f"select count(*) from raw.{table} where batch_id = ?", [old_batch]) == [(0,)], table
    assert query(db, "select prior_actual from marts.fct_plan_attainment where area_code = '20' "
                     f"and measure_name_printed = '{GRDP_PC}'") == [(Decimal("38.18"),)]
    printed = {p for (p,) in query(db, "select printed from marts.fct_reported_figures where area_code = '20'")}
    assert "30.268,2" in printed and "30.168,2" not in printed
    # the incremental tables hold what their models compute from the raw rows now, no more
    for mart, model in (("marts.fct_reported_figures", "intermediate.int_reported_figures"),):
        assert query(db, f"select count(*) from (select * from {mart} except all select * from {model})") == [(0,)]
        assert query(db, f"select count(*) from (select * from {model} except all select * from {mart})") == [(0,)]
    # Cao Bằng's rows were not touched
    assert query(db, "select count(*) from marts.fct_reported_figures where area_code = '04'") == \
        query(paths["step"], "select count(*) from marts.fct_reported_figures where area_code = '04'")


def test_two_documents_of_one_name_and_province_in_one_load_are_refused(tmp_path, warehouse_env, capsys):
    for folder, value in (("a", "37,18"), ("b", "38,18")):
        (tmp_path / folder).mkdir()
        text = REPORT.read_text(encoding="utf-8").replace("| Triệu đồng | 37,18 |", f"| Triệu đồng | {value} |")
        (tmp_path / folder / REPORT.name).write_text(text, encoding="utf-8")
    assert run_cli(warehouse_env, "ingest", str(tmp_path / "a"), str(tmp_path / "b"), "--area", "04") == 1
    err = capsys.readouterr().err
    assert f"another document named {REPORT.name} for province 04" in err and "rename one" in err
    assert not warehouse_env.exists()


def test_a_dbt_build_on_its_own_after_an_ingest_recomputes_the_changed_province(built, paths, tmp_path, monkeypatch):
    """A scheduler's `dbt build` (no ktxh build) after `ktxh ingest` of the new month: the scope is
    derived in SQL (stg_build_state__scope), so the marts equal those of the one-step warehouse."""
    import os
    import subprocess
    import sys

    from .conftest import PROJECT

    db = tmp_path / "standalone" / "ktxh.duckdb"
    monkeypatch.setenv("KTXH_CHECKS_SITE", str(tmp_path / "site"))
    assert run_cli(db, "ingest", *[str(DOCUMENTS / n) for n in FIRST], "--area", "04") == 0
    assert run_cli(db, "ingest", str(REPORT), "--area", "20") == 0
    env = {**os.environ, "KTXH_DB": str(db), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}

    def dbt_build():
        result = subprocess.run(
            [sys.executable, "-c", "from dbt.cli.main import cli; cli()", "build", "--profiles-dir", str(PROJECT),
             "--project-dir", str(PROJECT), "--target-path", str(tmp_path / "target"), "--log-path",
             str(tmp_path / "logs"), "--exclude", "resource_type:unit_test", "--quiet"],
            env=env, capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]

    dbt_build()  # straight after the first ingest: build_state exists
    assert run_cli(db, "build") == 0  # ktxh records what the marts were built from
    assert run_cli(db, "ingest", str(DOCUMENTS / NEW_MONTH), "--area", "04") == 0
    dbt_build()  # incremental: the September report's province recomputed by dbt alone
    standalone, once = tables(db), tables(paths["once"])
    for name in ("marts.fct_reported_figures", "marts.fct_monthly_series", "marts.fct_plan_attainment"):
        assert standalone[name] == once[name], name
    assert query(db, "select count(*) from marts.fct_reported_figures where area_code = '04' "
                     f"and document = '{NEW_MONTH}'")[0][0] == 48


def test_a_new_month_by_ktxh_run_gives_the_warehouse_and_files_of_a_full_build(built, paths, tmp_path, monkeypatch,
                                                                                capsys):
    """The month as `ktxh run` does it, in one process (the bench's "one new month"): incremental
    models, the kept findings and the marts' CSVs written while the checks run; the tables and
    files equal those of the warehouse that got every document at once."""
    db, out = tmp_path / "run" / "ktxh.duckdb", tmp_path / "run_out"
    monkeypatch.setenv("KTXH_CHECKS_SITE", str(tmp_path / "site"))
    monkeypatch.setenv("KTXH_EXPORTS", str(out))
    assert run_cli(db, "ingest", *[str(DOCUMENTS / n) for n in FIRST], "--area", "04") == 0
    assert run_cli(db, "run", str(REPORT), "--area", "20") == 0
    capsys.readouterr()
    assert run_cli(db, "run", str(DOCUMENTS / NEW_MONTH), "--area", "04") == 0
    month = capsys.readouterr().out
    assert "incremental: the marts of province 04 recomputed, the others kept" in month
    assert any(line.endswith("marts/fct_reported_figures.csv") for line in month.splitlines())
    step, once = tables(db), tables(paths["once"])
    assert sorted(step) == sorted(once)
    for name in step:
        assert step[name] == once[name], name
    files = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file() and p.name != ".ktxh-export.json")
    assert [p for p in files if p.suffix == ".csv"] == sorted(
        p.relative_to(paths["once_out"]) for p in paths["once_out"].rglob("*.csv"))
    for name in files:
        if name.suffix == ".csv":  # the marts' and the biểu's
            assert (out / name).read_bytes() == (paths["once_out"] / name).read_bytes(), name
    # the September report's 48 figures of Cao Bằng in the analysts' CSV
    rows = (out / "marts" / "fct_reported_figures.csv").read_text(encoding="utf-8").splitlines()
    assert sum(f",{NEW_MONTH}," in row for row in rows) == 48
