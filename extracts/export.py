"""The exports: the department's biểu regenerated from the warehouse, and analysts' CSVs.

:func:`export_all` reads the warehouse read-only and writes

* per province and plan year, the biểu "Báo cáo tình hình thực hiện chỉ tiêu kế
  hoạch" (:mod:`extracts.bieu`) as ``bieu_chi_tieu_<year>.xlsx`` laid out for print
  (:mod:`extracts.bieu_xlsx`: A4 landscape, one page wide, a second sheet of findings),
  as ``bieu_chi_tieu_<year>.csv``, and its findings as ``bieu_chi_tieu_<year>_phat_hien.csv``
  (``bieu_chi_tieu_<year>_<area>…`` when the export covers several provinces);
* every relation of the ``marts`` schema as ``marts/<table>.csv`` for machines:
  UTF-8 without BOM, comma, dot decimal, a header row even when the table is
  empty, list/struct/map columns as JSON text, rows in a stable order; written by
  DuckDB ``COPY``.  These are whole tables: ``year``/``area`` select biểu only.

Only what changed is written (``extracts.export_state``): a biểu or mart CSV whose warehouse
rows are those of the last export to the same folder is left as it is, and the biểu of a
province-year no longer in the warehouse, written by an earlier export, is removed.

The biểu CSV is for people who open it in a spreadsheet: UTF-8 with BOM (so
Excel reads the diacritics), comma-separated with every field quoted, figures
written the Vietnamese way (``39,48``, ``1.949,545``).  No cell may run as a
formula: a text cell starting with ``=``, ``+``, ``-``, ``@``, tab or CR is written
with a leading apostrophe (TT markers ``-`` and ``+`` included: ``'-``).  Figures are
not text: a negative figure such as ``-3,21`` is a number and is written as it is.
``ingest.appendix_csv`` drops the apostrophe again when it reads such a file.
"""

from __future__ import annotations

import csv
import re
import shutil
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import duckdb

from extracts.bieu import Bieu, Num, Value, build_bieu  # noqa: F401  (Bieu, Num: the writers' input)
from extracts.bieu_xlsx import write_xlsx
from extracts.export_state import Manifest, bieu_hashes, table_hash
from ingest.numbers import format_vn_number
from ktxh import storage
from ktxh.errors import WarehouseMissing, require_warehouse

FORMULA_GUARD = "'"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FINDINGS_HEADER = ["Số", "Mức độ", "Kiểm tra", "Số thứ tự", "Tên chỉ tiêu", "Cột", "Số in", "Số liệu cho phép", "Nguồn",
                   "Phát hiện"]


# --- CSV --------------------------------------------------------------------

def csv_text(value: Value) -> str:
    """A cell for the biểu CSV: figures Vietnamese style, text guarded against formulas."""
    if value is None:
        return ""
    if isinstance(value, Num):
        return format_vn_number(value.value, value.decimals)
    return FORMULA_GUARD + value if value.startswith(FORMULA_STARTS) else value


def write_csv(bieu: Bieu, path: Path) -> None:
    width = len(bieu.header_top)
    blank: list[Value] = [None] * width
    rows: list[list[Value]] = []
    if bieu.issuer:
        rows.append([" ".join(bieu.issuer)] + [None] * (width - 2) + [bieu.form_no])
    rows += [[line] + [None] * (width - 1) for line in bieu.title] + [blank]
    rows += [list(bieu.header_top), list(bieu.header_sub), list(bieu.numbering)]
    rows += [cells for _, cells in bieu.body] + [blank]
    rows += [[line] + [None] * (width - 1) for line in bieu.footer]
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerows([csv_text(v) for v in row] for row in rows)


def write_findings_csv(bieu: Bieu, path: Path) -> None:
    """Every finding of the biểu's province and year, one per row, guarded like the biểu CSV."""
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(FINDINGS_HEADER)
        for n, finding in enumerate(bieu.findings, start=1):
            writer.writerow([str(n)] + [csv_text(v) for v in (
                finding.severity, finding.check_name, finding.tt, finding.measure_name, finding.column,
                finding.printed, finding.expected, finding.source, finding.message)])


# --- machine CSVs of the marts ------------------------------------------------

_NESTED = re.compile(r"(\[\d*\]$)|^(STRUCT|MAP|UNION)\b", re.IGNORECASE)


def _quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def export_marts(con: duckdb.DuckDBPyConnection, out: Path, manifest: Manifest | None = None,
                 written: list[Path] | None = None, ready: dict[str, tuple[str, Path]] | None = None) -> list[Path]:
    """Every relation of the ``marts`` schema to ``out/<table>.csv`` with DuckDB COPY; with a
    ``manifest``, a table whose rows are those of the last export is not written again; a table
    in ``ready`` (table -> its rows' hash and a CSV written ahead: :func:`start_marts`) whose rows
    are still those is moved into place instead of written."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for table in _mart_tables(con):
        path = out / f"{table}.csv"
        paths.append(path)
        inputs = table_hash(con, f"marts.{table}") if manifest is not None or ready else ""
        if manifest is not None and manifest.up_to_date(f"marts/{table}", inputs, [path]):
            continue
        ahead = (ready or {}).get(table)
        if ahead is not None and ahead[0] == inputs and ahead[1].is_file():
            ahead[1].replace(path)
        else:
            _copy_mart(con, table, path)
        if manifest is not None:
            manifest.files[f"marts/{table}"] = inputs
        if written is not None:
            written.append(path)
    return paths


def _mart_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [t for (t,) in con.sql(
        "select table_name from information_schema.tables where table_schema = 'marts' order by table_name"
    ).fetchall()]


# the marts' CSVs being written ahead of the export (start_marts), by export folder
_AHEAD: dict[str, Future] = {}
AHEAD_FOLDER = ".ktxh-marts-ahead"  # in the export folder; emptied by every export


def start_marts(db: Path, out: Path) -> None:
    """Start writing, in a thread, the CSVs of the marts of ``db`` whose rows are not those of the
    last export to ``out``, into a folder beside them (``AHEAD_FOLDER``); :func:`export_all` moves
    each into place if the warehouse it exports has the same rows.  The marts do not depend on the
    checks and DuckDB writes a CSV without holding Python's lock, so ``ktxh run`` writes them while
    the checks run (a new month's fct_reported_figures on the national warehouse: about 1 s).
    The thread opens ``db`` as the checks do (one database in the process); call
    :func:`wait_marts` before the file is closed for good or replaced."""
    out = Path(out)
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ktxh-marts")
    _AHEAD[str(out.resolve())] = pool.submit(_marts_ahead, Path(db), out)
    pool.shutdown(wait=False)


def wait_marts(out: Path) -> None:
    """Wait for :func:`start_marts`'s thread to be done with the warehouse (its errors are raised
    by the export that takes its files)."""
    ahead = _AHEAD.get(str(Path(out).resolve()))
    if ahead is not None:
        ahead.exception()


def _marts_ahead(db: Path, out: Path) -> dict[str, tuple[str, Path]]:
    folder = out / AHEAD_FOLDER
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    manifest = Manifest.load(out)
    ready: dict[str, tuple[str, Path]] = {}
    with storage.connect(db) as con:
        for table in _mart_tables(con):
            inputs = table_hash(con, f"marts.{table}")
            if manifest.up_to_date(f"marts/{table}", inputs, [out / "marts" / f"{table}.csv"]):
                continue
            _copy_mart(con, table, folder / f"{table}.csv")
            ready[table] = (inputs, folder / f"{table}.csv")
    return ready


def _copy_mart(con: duckdb.DuckDBPyConnection, table: str, path: Path) -> None:
    columns = con.sql(
        "select column_name, data_type from information_schema.columns "
        "where table_schema = 'marts' and table_name = ? order by ordinal_position",
        params=[table],
    ).fetchall()
    select = ", ".join(
        f"to_json({_quote_ident(c)})::varchar as {_quote_ident(c)}" if _NESTED.search(t) else _quote_ident(c)
        for c, t in columns
    )
    target = str(path).replace("'", "''")
    con.sql(
        f"copy (select {select} from marts.{_quote_ident(table)} order by all) "
        f"to '{target}' (format csv, header true, delimiter ',')"
    )
    if not path.exists() or path.stat().st_size == 0:  # an empty result must still name its columns
        with path.open("w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerow([c for c, _ in columns])


# --- all of it ----------------------------------------------------------------

def _require_marts(con: duckdb.DuckDBPyConnection, db: Path) -> None:
    [(built,)] = con.sql(
        "select count(*) from information_schema.tables "
        "where table_schema = 'marts' and table_name = 'fct_plan_attainment'"
    ).fetchall()
    if not built:
        raise WarehouseMissing(f"{db} has no marts yet: run `ktxh build` (or `ktxh run`) first")


def export_sdmx_files(db: Path, out: Path, year: int | None = None, area: str | None = None):
    """``ktxh export --format sdmx``: the SDMX structure and data files in ``out/sdmx`` (extracts.sdmx)."""
    from extracts.sdmx import export_sdmx

    db, out = Path(db), Path(out)
    require_warehouse(db)
    with storage.connect(db, read_only=True) as con:
        _require_marts(con, db)
        return export_sdmx(con, out / "sdmx", year=year, area=area)


def export_all(db: Path, out: Path, year: int | None = None, area: str | None = None,
               written: list[Path] | None = None) -> list[Path]:
    """Write the biểu of every (selected) province and plan year, and the marts' CSVs; returns
    every file the export stands for.  A file whose inputs are those of the last export to
    ``out`` (``extracts.export_state``) is left as it is; ``written`` gets the files written."""
    db, out = Path(db), Path(out)
    require_warehouse(db)
    ahead = _AHEAD.pop(str(out.resolve()), None)
    ready = ahead.result() if ahead is not None else {}
    paths: list[Path] = []
    with storage.connect(db, read_only=True) as con:
        _require_marts(con, db)
        out.mkdir(parents=True, exist_ok=True)
        manifest = Manifest.load(out)
        selected = con.sql(
            """
            select distinct area_code, plan_year from marts.fct_plan_attainment
            where (? is null or plan_year = ?) and (? is null or area_code = ?)
            order by area_code, plan_year
            """,
            params=[year, year, area, area],
        ).fetchall()
        several_areas = len({a for a, _ in selected}) > 1
        inputs = bieu_hashes(con)
        for area_code, plan_year in selected:
            stem = f"bieu_chi_tieu_{plan_year}" + (f"_{area_code}" if several_areas else "")
            files = [out / f"{stem}.xlsx", out / f"{stem}.csv", out / f"{stem}_phat_hien.csv"]
            paths += files
            if manifest.up_to_date(stem, inputs[(area_code, plan_year)], files):
                continue
            manifest.files.pop(stem, None)  # until all three are written
            bieu = build_bieu(con, area_code, plan_year)
            write_xlsx(bieu, files[0])
            write_csv(bieu, files[1])
            write_findings_csv(bieu, files[2])
            manifest.files[stem] = inputs[(area_code, plan_year)]
            if written is not None:
                written += files
        if year is None and area is None:  # a biểu of the last export whose province-year is gone
            current = {p.name for p in paths}
            for stem in [k for k in manifest.files if "/" not in k]:  # not marts/… nor report/…
                stale = [out / f"{stem}.xlsx", out / f"{stem}.csv", out / f"{stem}_phat_hien.csv"]
                if not any(p.name in current for p in stale):
                    for path in stale:
                        path.unlink(missing_ok=True)
                    del manifest.files[stem]
        paths += export_marts(con, out / "marts", manifest, written, ready)
        manifest.save()
    shutil.rmtree(out / AHEAD_FOLDER, ignore_errors=True)
    return paths
