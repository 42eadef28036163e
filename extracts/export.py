"""The exports: the department's biểu regenerated from the warehouse, and analysts' CSVs.

:func:`export_all` reads the warehouse read-only and writes

* per province and plan year, the biểu "Báo cáo tình hình thực hiện chỉ tiêu kế
  hoạch" as ``bieu_chi_tieu_<year>.xlsx`` and ``.csv`` (``bieu_chi_tieu_<year>_<area>``
  when the export covers several provinces): the catalog's rows in order (groups
  I-III, indicator headings such as "7 Giao thông", "Trong đó:" rows), the
  source's two-row Vietnamese header, the figures at their printed precision, the
  three ratios recomputed from ``marts.fct_plan_attainment`` (rounded half up to
  one decimal; growth rates show the growth index the mart computes, (100 + g) /
  (100 + g') x 100, not a ratio of two rates), and "Đánh giá" (Vượt / Đạt / Không
  đạt, blank when not assessed);
* every relation of the ``marts`` schema as ``marts/<table>.csv`` for machines:
  UTF-8 without BOM, comma, dot decimal, a header row even when the table is
  empty, list/struct/map columns as JSON text, rows in a stable order; written by
  DuckDB ``COPY``.  These are whole tables: ``year``/``area`` select biểu only.

The biểu CSV is for people who open it in a spreadsheet: UTF-8 with BOM (so
Excel reads the diacritics), comma-separated with every field quoted, figures
written the Vietnamese way (``39,48``, ``1.949,545``).  The export's own text
holds no ``;``, so a spreadsheet set to split on ``;`` (as Vietnamese-locale
Excel is) cannot cut a cell in two.  No cell may run as a formula: a text cell
starting with ``=``, ``+``, ``-``, ``@``, tab or CR is written with a leading
apostrophe (TT markers ``-`` and ``+`` included: ``'-``).  Figures are not text:
a negative figure such as ``-3,21`` is a number and is written as it is.
``ingest.appendix_csv`` drops the apostrophe again when it reads such a file.

In the XLSX the figures are stored as numbers, each with a number format at its
printed precision tagged with the Vietnamese locale (``[$-42A]#,##0.00``), so
the viewer shows Vietnamese separators where the application honours the tag.
Text is always stored as text: openpyxl would store a string starting with
``=`` as a formula, so such cells are forced to the string type.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import duckdb
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from ingest.numbers import format_vn_number
from ktxh.errors import WarehouseMissing, require_warehouse

VN_LOCALE = "[$-42A]"
FORMULA_GUARD = "'"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
STATUS_VI = {"exceeded": "Vượt", "met": "Đạt", "missed": "Không đạt", "not_assessed": ""}
VALUE_FIELDS = ("prior_actual", "plan", "estimate")  # columns 4-6; next_plan is column 9
RATIO_FIELDS = ("pct_of_prior", "pct_of_plan")  # columns 7-8; next_plan_pct_of_estimate is 10
WIDTHS = (6, 52, 12, 11, 10, 11, 13, 13, 10, 13, 11, 12)
HEADER_TOP_ROW = 5  # title block above: title, area, source, blank


@dataclass(frozen=True)
class Num:
    """A figure to write: its exact value and the decimals it is printed with."""

    value: Decimal
    decimals: int


Value = str | Num | None


@dataclass
class Bieu:
    area_code: str
    area_name: str
    plan_year: int
    title: list[str]
    header_top: list[str]
    header_sub: list[str]
    numbering: list[str]
    body: list[tuple[str, list[Value]]]  # (row kind: group | trong_do | heading | measure, cells)
    footer: list[str]


def _ratio(value: float | None) -> Num | None:
    if value is None:
        return None
    return Num(Decimal(repr(float(value))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), 1)


def _figure(fact: dict, field: str) -> Num | None:
    value = fact.get(field)
    return None if value is None else Num(Decimal(value), int(fact[f"{field}_decimals"]))


def _layout(con: duckdb.DuckDBPyConnection, area_code: str, plan_year: int) -> list[dict]:
    """The biểu's rows from the catalog of the area and plan period (confirmed and provisional
    measures): measures and headings in catalog order by group."""
    return con.sql(
        """
        select m.measure_code, m.group_code, coalesce(g.group_tt, '') as group_tt,
               coalesce(g.group_name_vi, m.group_name_vi) as group_name_vi, g.group_order,
               m.sort_order, m.tt, m.measure_name, m.unit, m.kind, coalesce(c.trong_do, '') as trong_do
        from marts.dim_measures m
        left join catalog.indicator_groups g using (group_code)
        left join catalog.indicator_catalog c using (measure_code)
        where m.area_code = $area and $year between m.period_start_year and m.period_end_year
           -- figures of an area-period that dim_measures does not list: the catalog sets they belong to
           or (not exists (select 1 from marts.dim_measures d
                           where d.area_code = $area and $year between d.period_start_year and d.period_end_year)
               and m.catalog_set in (select d.catalog_set from marts.dim_measures d
                                     inner join marts.fct_plan_attainment f using (measure_code)
                                     where f.area_code = $area and f.plan_year = $year))
        qualify row_number() over (partition by m.measure_code order by m.area_code) = 1
        order by g.group_order nulls last, m.sort_order
        """,
        params={"area": area_code, "year": plan_year},
    ).pl().to_dicts()


def _plan(fact: dict, field: str) -> Value:
    """A plan as printed when it is a range, a bound or "duy trì" (no single value)."""
    figure = _figure(fact, field)
    return figure if figure is not None or fact.get(f"{field}_text") is None else fact[f"{field}_text"]


def build_bieu(con: duckdb.DuckDBPyConnection, area_code: str, plan_year: int) -> Bieu:
    """The biểu of one province and plan year, as rows of cells."""
    facts = {
        f["measure_code"]: f
        for f in con.sql(
            "select * from marts.fct_plan_attainment where area_code = ? and plan_year = ?",
            params=[area_code, plan_year],
        ).pl().to_dicts()
    }
    area_name = next(iter(facts.values()))["area_name"] if facts else area_code
    documents = sorted({f["document"] for f in facts.values()})
    y = plan_year
    body: list[tuple[str, list[Value]]] = []
    group = None
    for m in _layout(con, area_code, plan_year):
        if m["group_code"] != group:
            group = m["group_code"]
            body.append(("group", [m["group_tt"], m["group_name_vi"]] + [None] * 10))
        name = m["measure_name"]
        if m["trong_do"] == "row":
            body.append(("trong_do", ["", "Trong đó:"] + [None] * 10))
        elif m["trong_do"] == "inline":
            name = f"Trong đó: {name}"
        if m["kind"] == "heading":
            body.append(("heading", [m["tt"], name, m["unit"] or None] + [None] * 9))
            continue
        fact = facts.get(m["measure_code"], {})
        body.append(("measure", [
            m["tt"], name, m["unit"] or None,
            _figure(fact, "prior_actual"), _plan(fact, "plan"), _figure(fact, "estimate"),
            *(_ratio(fact.get(f)) for f in RATIO_FIELDS),
            _plan(fact, "next_plan"),
            _ratio(fact.get("next_plan_pct_of_estimate")),
            STATUS_VI.get(fact.get("status", "not_assessed"), "") or None,
            fact.get("printed_status"),  # the province's own verdict, as printed
        ]))
    return Bieu(
        area_code=area_code, area_name=area_name, plan_year=y,
        title=[
            f"BÁO CÁO TÌNH HÌNH THỰC HIỆN CHỈ TIÊU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM {y}",
            f"Địa phương: {area_name} (mã {area_code})",
            f"(Số liệu theo: {', '.join(documents)})" if documents else "(Chưa có số liệu)",
        ],
        header_top=["TT", "Chỉ tiêu", "Đơn vị tính", f"Thực hiện {y - 1}", f"Năm {y}", "", "", "",
                    f"KH {y + 1}", f"KH {y + 1} so với ước TH {y} (%)", "Đánh giá", "Ghi chú"],
        header_sub=["", "", "", "", f"KH {y}", f"Ước TH năm {y}", f"Ước TH năm {y} so với TH {y - 1} (%)",
                    f"Ước TH năm {y} so với KH {y} (%)", "", "", "", ""],
        numbering=["1", "2", "3", "4", "5", "6", "7=6/4", "8=6/5", "9", "10=9/6", "11", "12"],
        body=body,
        footer=[
            f"Ghi chú: Đánh giá so với KH {y}: Vượt, Đạt, Không đạt (để trống khi thiếu KH hoặc ước TH). "
            "Tỷ lệ (%) tính lại từ số liệu, làm tròn 1 chữ số thập phân. Với các chỉ tiêu tốc độ tăng trưởng, "
            "tỷ lệ là chỉ số phát triển: (100 + tốc độ) / (100 + tốc độ so sánh) × 100.",
        ],
    )


# --- XLSX -------------------------------------------------------------------

def number_format(decimals: int) -> str:
    return f"{VN_LOCALE}#,##0" + ("." + "0" * decimals if decimals else "")


def write_xlsx(bieu: Bieu, path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = f"Biểu {bieu.plan_year}"
    width = len(bieu.header_top)
    font = Font(name="Times New Roman", size=11)
    bold = Font(name="Times New Roman", size=11, bold=True)
    italic = Font(name="Times New Roman", size=11, italic=True)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)

    for r, line in enumerate(bieu.title, start=1):
        cell = ws.cell(r, 1, line)
        cell.data_type = "s"
        cell.font, cell.alignment = (bold if r == 1 else italic), Alignment(horizontal="center")
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)

    top, sub, numbering = HEADER_TOP_ROW, HEADER_TOP_ROW + 1, HEADER_TOP_ROW + 2
    for c, label in enumerate(bieu.header_top, start=1):
        if label:
            ws.cell(top, c, label)
    for c, label in enumerate(bieu.header_sub, start=1):
        if label:
            ws.cell(sub, c, label)
    for c, label in enumerate(bieu.numbering, start=1):
        ws.cell(numbering, c, int(label) if label.isdigit() else label)
    for r in (top, sub, numbering):
        for c in range(1, width + 1):
            ws.cell(r, c).font, ws.cell(r, c).alignment, ws.cell(r, c).border = bold, centre, box
    # "Năm <y>" over its four children; every other heading spans both header rows.
    children = [c for c, label in enumerate(bieu.header_sub, start=1) if label]
    ws.merge_cells(start_row=top, start_column=min(children), end_row=top, end_column=max(children))
    for c in range(1, width + 1):
        if c not in children:
            ws.merge_cells(start_row=top, start_column=c, end_row=sub, end_column=c)

    r = numbering
    for kind, cells in bieu.body:
        r += 1
        for c, value in enumerate(cells, start=1):
            cell = ws.cell(r, c)
            if isinstance(value, Num):
                cell.value = int(value.value) if value.decimals == 0 else float(value.value)
                cell.number_format = number_format(value.decimals)
            elif value is not None and value != "":
                cell.value = int(value) if c == 1 and value.isdigit() else value
                if cell.data_type == "f":  # openpyxl takes text starting with '=' for a formula
                    cell.data_type = "s"
            cell.border = box
            cell.font = bold if kind in ("group", "heading") else italic if kind == "trong_do" else font
            cell.alignment = Alignment(vertical="center", wrap_text=(c == 2),
                                       horizontal="center" if c in (1, 3, 11) else None)

    r += 2
    for line in bieu.footer:
        ws.cell(r, 1, line).font = italic
        ws.cell(r, 1).alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
        ws.row_dimensions[r].height = 45
        r += 1

    for c, w in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = w
    ws.freeze_panes = f"C{numbering + 1}"
    ws.print_title_rows = f"{top}:{numbering}"
    ws.page_setup.orientation = "landscape"
    wb.save(path)


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
    rows: list[list[Value]] = [[line] + [None] * (width - 1) for line in bieu.title] + [blank]
    rows += [list(bieu.header_top), list(bieu.header_sub), list(bieu.numbering)]
    rows += [cells for _, cells in bieu.body] + [blank]
    rows += [[line] + [None] * (width - 1) for line in bieu.footer]
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerows([csv_text(v) for v in row] for row in rows)


# --- machine CSVs of the marts ------------------------------------------------

_NESTED = re.compile(r"(\[\d*\]$)|^(STRUCT|MAP|UNION)\b", re.IGNORECASE)


def _quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def export_marts(con: duckdb.DuckDBPyConnection, out: Path) -> list[Path]:
    """Every relation of the ``marts`` schema to ``out/<table>.csv`` with DuckDB COPY."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    tables = [t for (t,) in con.sql(
        "select table_name from information_schema.tables where table_schema = 'marts' order by table_name"
    ).fetchall()]
    for table in tables:
        columns = con.sql(
            "select column_name, data_type from information_schema.columns "
            "where table_schema = 'marts' and table_name = ? order by ordinal_position",
            params=[table],
        ).fetchall()
        select = ", ".join(
            f"to_json({_quote_ident(c)})::varchar as {_quote_ident(c)}" if _NESTED.search(t) else _quote_ident(c)
            for c, t in columns
        )
        path = out / f"{table}.csv"
        target = str(path).replace("'", "''")
        con.sql(
            f"copy (select {select} from marts.{_quote_ident(table)} order by all) "
            f"to '{target}' (format csv, header true, delimiter ',')"
        )
        if not path.exists() or path.stat().st_size == 0:  # an empty result must still name its columns
            with path.open("w", encoding="utf-8", newline="") as f:
                csv.writer(f, lineterminator="\n").writerow([c for c, _ in columns])
        written.append(path)
    return written


# --- all of it ----------------------------------------------------------------

def export_all(db: Path, out: Path, year: int | None = None, area: str | None = None) -> list[Path]:
    """Write the biểu of every (selected) province and plan year, and the marts' CSVs."""
    db, out = Path(db), Path(out)
    require_warehouse(db)
    written: list[Path] = []
    with duckdb.connect(str(db), read_only=True) as con:
        [(built,)] = con.sql(
            "select count(*) from information_schema.tables "
            "where table_schema = 'marts' and table_name = 'fct_plan_attainment'"
        ).fetchall()
        if not built:
            raise WarehouseMissing(f"{db} has no marts yet: run `ktxh build` (or `ktxh run`) first")
        out.mkdir(parents=True, exist_ok=True)
        selected = con.sql(
            """
            select distinct area_code, plan_year from marts.fct_plan_attainment
            where (? is null or plan_year = ?) and (? is null or area_code = ?)
            order by area_code, plan_year
            """,
            params=[year, year, area, area],
        ).fetchall()
        several_areas = len({a for a, _ in selected}) > 1
        for area_code, plan_year in selected:
            bieu = build_bieu(con, area_code, plan_year)
            stem = f"bieu_chi_tieu_{plan_year}" + (f"_{area_code}" if several_areas else "")
            write_xlsx(bieu, out / f"{stem}.xlsx")
            write_csv(bieu, out / f"{stem}.csv")
            written += [out / f"{stem}.xlsx", out / f"{stem}.csv"]
        written += export_marts(con, out / "marts")
    return written
