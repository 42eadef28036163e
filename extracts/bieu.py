"""The department's biểu of one province and plan year, as rows of cells, read from the warehouse.

:func:`build_bieu` gives a :class:`Bieu`: the issuing body and "Biểu số" line, the title, the
source reference (document and lines of the table), the source's two-row header, the catalog's
rows in order (groups I-III, indicator rows, "Trong đó:" rows), the figures at their printed
precision, and

* the three ratio columns (7=6/4, 8=6/5, 10=9/6) **as the department printed them**, at their
  printed precision (97,97 stays 97,97; a blank stays blank).  Where a printed ratio differs from
  the one recomputed from its operands by more than rounding can explain (a ``printed_ratio``
  finding of ``ktxh check``) the cell is marked ``(*)`` and "Ghi chú" gives the recomputed value
  beside the printed one and the finding's Vietnamese message;
* "Đánh giá" (Vượt / Đạt / Không đạt, blank when not assessed);
* every finding of the province and year (``checks.findings``) as :class:`FindingRow`, for the
  workbook's second sheet and the findings CSV.

Writers: :mod:`extracts.bieu_xlsx` (the printed workbook) and :mod:`extracts.export` (CSV).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

import duckdb

STATUS_VI = {"exceeded": "Vượt", "met": "Đạt", "missed": "Không đạt", "not_assessed": ""}
SEVERITY_VI = {"error": "Lỗi", "warning": "Cảnh báo", "info": "Thông tin"}
VALUE_FIELDS = ("prior_actual", "plan", "estimate")  # columns 4-6; next_plan is column 9
RATIO_FIELDS = ("pct_of_prior", "pct_of_plan")  # columns 7-8; next_plan_pct_of_estimate is 10
# the biểu's column (as numbered in its third header row) of each figure a finding names
FIGURE_COLUMN = {"prior_actual": "4", "plan": "5", "estimate": "6", "pct_of_prior": "7",
                 "pct_of_plan": "8", "next_plan": "9", "next_plan_pct_of_estimate": "10"}
MARK = "(*)"
FORM_NO = "Biểu số 01"


@dataclass(frozen=True)
class Num:
    """A figure to write: its exact value, the decimals it is printed with, and whether it is
    marked as differing from its recomputed value beyond rounding."""

    value: Decimal
    decimals: int
    marked: bool = False


Value = str | Num | None


@dataclass(frozen=True)
class FindingRow:
    """One finding of ``checks.findings`` as the biểu lists it."""

    severity: str  # Lỗi | Cảnh báo | Thông tin
    check_name: str
    tt: str
    measure_name: str
    column: str  # "8 (Ước TH năm 2022 so với KH 2022 (%))", or "" for a row-level finding
    printed: str
    expected: str  # "114,93–115,24", or ""
    source: str  # "2022-11_bao-cao….txt, dòng 811"
    message: str


@dataclass
class Bieu:
    area_code: str
    area_name: str
    plan_year: int
    title: list[str]
    header_top: list[str]
    header_sub: list[str]
    numbering: list[str]
    body: list[tuple[str, list[Value]]]  # (row kind: group | trong_do | heading | indicator | measure, cells)
    footer: list[str]
    issuer: list[str] = field(default_factory=list)  # the issuing body, top left
    form_no: str = FORM_NO  # top right
    findings: list[FindingRow] = field(default_factory=list)


def _round(value, decimals: int) -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _figure(fact: dict, name: str, marked: bool = False) -> Num | None:
    value = fact.get(name)
    return None if value is None else Num(Decimal(value), int(fact[f"{name}_decimals"]), marked)


def vn(value: Decimal | None, decimals: int) -> str:
    from ingest.numbers import format_vn_number

    return "" if value is None else format_vn_number(value, decimals)


def issuing_body(area_name: str) -> list[str]:
    """``ỦY BAN NHÂN DÂN`` / ``TỈNH CAO BẰNG`` (``THÀNH PHỐ HÀ NỘI`` for a city)."""
    place = area_name if area_name.lower().startswith("thành phố") else f"tỉnh {area_name}"
    return ["ỦY BAN NHÂN DÂN", place.upper()]


def place_word(document: str) -> str:
    return "hàng" if document.lower().endswith((".xlsx", ".xlsm")) else "dòng"


def source_reference(facts: list[dict]) -> str:
    """The document and the lines (rows) of the table the figures come from."""
    if not facts:
        return "(Chưa có số liệu)"
    parts = []
    for document in sorted({f["document"] for f in facts}):
        lines = [f["source_line"] for f in facts if f["document"] == document and f["source_line"] is not None]
        where = f", bảng chỉ tiêu, {place_word(document)} {min(lines)}–{max(lines)}" if lines else ""
        parts.append(f"{document}{where}")
    return "(Nguồn số liệu: " + " và ".join(parts) + ")"


def _layout(con: duckdb.DuckDBPyConnection, area_code: str, plan_year: int) -> list[dict]:
    """The biểu's rows from the catalog of the area and plan period (confirmed and provisional
    measures): measures and headings in catalog order by group."""
    return con.sql(
        """
        select m.measure_code, m.group_code, coalesce(g.group_tt, '') as group_tt,
               coalesce(g.group_name_vi, m.group_name_vi) as group_name_vi, g.group_order, m.is_indicator_root,
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


def _plan(fact: dict, name: str) -> Value:
    """A plan or an estimate as printed when it is a range, a bound, a change, words or "duy trì" (no single value)."""
    figure = _figure(fact, name)
    return figure if figure is not None or fact.get(f"{name}_text") is None else fact[f"{name}_text"]


def headers(y: int) -> tuple[list[str], list[str]]:
    """The biểu's two header rows for plan year ``y``, as the source prints them (plus Đánh giá)."""
    top = ["TT", "Chỉ tiêu", "Đơn vị tính", f"Thực hiện {y - 1}", f"Năm {y}", "", "", "",
           f"KH {y + 1}", f"KH {y + 1} so với ước TH {y} (%)", "Đánh giá", "Ghi chú"]
    sub = ["", "", "", "", f"KH {y}", f"Ước TH năm {y}", f"Ước TH năm {y} so với TH {y - 1} (%)",
           f"Ước TH năm {y} so với KH {y} (%)", "", "", "", ""]
    return top, sub


def findings_of(con: duckdb.DuckDBPyConnection, area_code: str, plan_year: int) -> list[FindingRow]:
    """Every finding of ``ktxh check`` for the province and year, as the biểu and the report list them."""
    top, sub = headers(plan_year)
    return [_finding_row(f, top, sub) for f in _findings(con, area_code, plan_year)]


def _findings(con: duckdb.DuckDBPyConnection, area_code: str, plan_year: int) -> list[dict]:
    [(present,)] = con.sql(
        "select count(*) from information_schema.tables where table_schema = 'checks' and table_name = 'findings'"
    ).fetchall()
    if not present:
        return []
    return con.sql(
        """
        select f.*, m.tt, m.measure_name
        from checks.findings f
        left join marts.dim_measures m
            on m.measure_code = f.measure_code and m.area_code = f.area_code
            and f.plan_year between m.period_start_year and m.period_end_year
        where f.area_code = ? and f.plan_year = ?
        order by case f.severity when 'error' then 0 when 'warning' then 1 else 2 end, m.sort_order nulls first,
                 f.check_name, f.figure, f.document, f.source_ref, f.message_vi  -- a total order: ties would print at random
        """,
        params=[area_code, plan_year],
    ).pl().to_dicts()


def _column_label(figure: str | None, header_top: list[str], header_sub: list[str]) -> str:
    number = FIGURE_COLUMN.get(figure or "")
    if number is None:
        return ""
    i = int(number) - 1
    return f"{number} ({header_sub[i] or header_top[i]})"


def _finding_row(f: dict, header_top: list[str], header_sub: list[str]) -> FindingRow:
    decimals = len(f["printed_text"].split(",")[1]) if f.get("printed_text") and "," in f["printed_text"] else 0
    low, high = f.get("expected_low"), f.get("expected_high")
    expected = ""
    if low is not None and high is not None:
        places = max(decimals, 2)
        expected = f"{vn(_round(low, places), places)}–{vn(_round(high, places), places)}"
    source = f["document"] or ""
    if f.get("source_ref"):
        source += ", " + str(f["source_ref"]).replace("line ", f"{place_word(source)} ").replace("row ", "hàng ")
    return FindingRow(
        severity=SEVERITY_VI.get(f["severity"], f["severity"]), check_name=f["check_name"],
        tt=f.get("tt") or "", measure_name=f.get("measure_name") or f.get("measure_code") or "",
        column=_column_label(f.get("figure"), header_top, header_sub), printed=f.get("printed_text") or "",
        expected=expected, source=source, message=f["message_vi"] or "",
    )


def _note(fact: dict, faults: list[dict]) -> str | None:
    """Ghi chú of a measure row: the recomputed ratio beside each marked printed one, then the messages."""
    parts = []
    for f in faults:
        if f["check_name"] == "printed_ratio" and f["figure"] in FIGURE_COLUMN:
            decimals = int(fact.get(f"printed_{f['figure']}_decimals") or 1)
            recomputed = vn(_round(fact.get(f["figure"]), decimals), decimals)
            parts.append(f"{MARK} Cột {FIGURE_COLUMN[f['figure']]} tính lại: {recomputed}.")
    parts += [f["message_vi"] for f in faults if f["message_vi"]]
    # no ';' in the biểu's own text: a spreadsheet set to split on ';' cannot cut the note in two
    return " ".join(parts).replace(";", ",") or None


def _with_verdict(fact: dict, note: str | None) -> str | None:
    """The province's own verdict (its Ghi chú: Đạt, Không đạt ...) kept beside ktxh's note."""
    verdict = fact.get("printed_status")
    return "; ".join(x for x in (f"Tỉnh đánh giá: {verdict}" if verdict else None, note) if x) or None


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
    findings = _findings(con, area_code, plan_year)
    y = plan_year
    header_top, header_sub = headers(y)
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
        faults = [f for f in findings if f["measure_code"] == m["measure_code"] and f["severity"] != "info"]
        marked = {f["figure"] for f in faults if f["check_name"] == "printed_ratio"}
        printed = [_figure(fact, f"printed_{r}", r in marked) if fact else None
                   for r in (*RATIO_FIELDS, "next_plan_pct_of_estimate")]
        body.append(("indicator" if m["is_indicator_root"] else "measure", [
            m["tt"], name, m["unit"] or None,
            _figure(fact, "prior_actual"), _plan(fact, "plan"), _plan(fact, "estimate"),
            printed[0], printed[1],
            _plan(fact, "next_plan"),
            printed[2],
            STATUS_VI.get(fact.get("status", "not_assessed"), "") or None,
            _with_verdict(fact, _note(fact, faults) if fact else None),
        ]))
    return Bieu(
        area_code=area_code, area_name=area_name, plan_year=y,
        title=[
            f"BÁO CÁO TÌNH HÌNH THỰC HIỆN CHỈ TIÊU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM {y}",
            f"Địa phương: {area_name} (mã {area_code})",
            source_reference(list(facts.values())),
        ],
        header_top=header_top, header_sub=header_sub,
        numbering=["1", "2", "3", "4", "5", "6", "7=6/4", "8=6/5", "9", "10=9/6", "11", "12"],
        body=body,
        footer=[
            "Ghi chú: (1) Các tỷ lệ (%) ở cột 7, 8 và 10 giữ nguyên như biểu gốc đã in. Ô đánh dấu (*) là tỷ lệ in "
            "khác tỷ lệ tính lại từ số liệu quá mức làm tròn có thể giải thích, cột Ghi chú ghi tỷ lệ tính lại và "
            "nội dung phát hiện. Mọi phát hiện kiểm tra được liệt kê ở trang \"Phát hiện\".",
            f"(2) Với các chỉ tiêu tốc độ tăng trưởng (%), tỷ lệ (in hay tính lại) là chỉ số phát triển: cột 7 = 100 + tốc độ ước TH "
            f"năm {y}, cột 8 = (100 + tốc độ ước TH năm {y}) / (100 + tốc độ KH {y}) × 100, cột 10 = 100 + tốc độ "
            f"KH {y + 1}.",
            f"(3) Đánh giá so với KH {y} (Vượt, Đạt, Không đạt), so ước TH với KH ở độ chính xác thô hơn của hai "
            "số in. Để trống khi thiếu KH hoặc ước TH.",
        ],
        issuer=issuing_body(area_name),
        findings=[_finding_row(f, header_top, header_sub) for f in findings],
    )
