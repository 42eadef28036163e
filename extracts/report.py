"""The report page: one self-contained HTML file per province and plan year, in Vietnamese.

``ktxh report`` (also run by ``ktxh run``) writes ``bao_cao_<year>.html`` (``bao_cao_<year>_<area>.html``
when the warehouse holds several provinces) with

* the headline count under both counting rules (``marts.fct_plan_scorecard``);
* attainment by indicator as a chart (Vega-Lite through **altair**, rendered to SVG by
  **vl-convert** at export time, so the page needs no script at all) and as a table;
* year-to-date progress against the plan (``marts.fct_period_progress``);
* every finding of ``ktxh check`` with severity, indicator, column, printed and expected values and
  the document and line it comes from.

The page works offline: no external URL, styles inline, and a Content-Security-Policy that forbids
loading anything.  Every text taken from a document (names, sentences, messages) is escaped by
Jinja2's autoescaping; the chart's SVG escapes its labels itself.
"""

from __future__ import annotations

import re
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
from jinja2 import Environment, FileSystemLoader, select_autoescape

from extracts.bieu import STATUS_VI, FindingRow, findings_of, source_reference, vn
from extracts.export_state import Manifest, report_hashes
from ktxh import storage
from ktxh.errors import WarehouseMissing, require_warehouse

TEMPLATES = Path(__file__).resolve().parent / "templates"
VN_NUMBER_LOCALE = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]}
STATUS_COLOURS = {"Vượt": "#2e7d32", "Đạt": "#66bb6a", "Không đạt": "#c62828"}
RULES_VI = {
    "all_measures": "Mọi dòng số liệu của chỉ tiêu có KH và ước TH đều đạt hoặc vượt",
    "headline": "Dòng chính của chỉ tiêu đạt hoặc vượt (khi dòng chính không có số liệu: mọi dòng con trực tiếp)",
}
PLAN_SOURCE_VI = {"appendix": "KH năm (biểu phụ lục)", "plan": "KH (suy ra từ tỷ lệ % KH)",
                  "plan_central": "Dự toán TW giao (suy ra)", "plan_council": "Dự toán HĐND giao (suy ra)"}


@dataclass(frozen=True)
class AttainmentRow:
    measure_code: str
    tt: str
    name: str
    unit: str
    is_indicator: bool
    plan: str
    estimate: str
    printed_pct_of_plan: str
    pct_of_plan: str
    pct_value: float | None  # for the chart
    status: str


@dataclass(frozen=True)
class ProgressRow:
    indicator_name: str
    period: str
    value: str
    unit: str
    plan_source: str
    plan_value: str
    pct_of_plan: str
    source: str


@dataclass(frozen=True)
class ScoreRow:
    rule: str
    rule_vi: str
    met: int
    assessed: int
    missed: list[str]


@dataclass
class ReportPage:
    area_code: str
    area_name: str
    plan_year: int
    source: str
    scorecard: list[ScoreRow]
    attainment: list[AttainmentRow]
    progress: list[ProgressRow]
    findings: list[FindingRow]
    chart_svg: str


def _dicts(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> list[dict]:
    return con.sql(sql, params=params).pl().to_dicts()


def _period(row: dict) -> str:
    month_from, month_to, year = row["month_from"], row["month_to"], row["period_year"]
    if month_from in (None, 1) and month_to == 12:
        return f"năm {year}"
    if month_from in (None, month_to):
        return f"tháng {month_to}/{year}"
    return f"tháng {month_from}–{month_to}/{year}"


def _pct(value) -> str:
    return "" if value is None else vn(round(float(value), 2), 2)


def preload() -> None:
    """Start the chart's renderer ahead of use (vl-convert's engine takes about 1 s the first
    time), e.g. while dbt builds."""
    import vl_convert

    vl_convert.vegalite_to_svg({"mark": "point", "data": {"values": []}})


def _page_path(out: Path, area_code: str, plan_year: int, several_areas: bool) -> Path:
    return out / (f"bao_cao_{plan_year}" + (f"_{area_code}" if several_areas else "") + ".html")


# charts being drawn ahead of the report (start_charts), by their rows
_DRAWING: dict[tuple[AttainmentRow, ...], Future] = {}


def start_charts(db: Path, out: Path) -> None:
    """Start drawing, in a thread, the charts of the pages the next report to ``out`` will write
    (those not up to date), from the marts of ``db`` as they are now.  vl-convert draws without
    holding Python's lock, so ``ktxh run`` starts them once dbt has built the marts and the
    charts are drawn while the checks run; :func:`chart_svg` then takes them (the chart depends
    on the attainment rows only, which the checks do not change)."""
    manifest = Manifest.load(out)
    with storage.connect(db, read_only=True) as con:
        if any(key.startswith("report/") for key in manifest.files):  # else every page is to write
            inputs = report_hashes(con)
            several = len({area_code for area_code, _ in inputs}) > 1
            pages = [key for key, hashes in inputs.items() if not manifest.up_to_date(
                f"report/{_page_path(out, *key, several).name}", hashes, [])]
        else:
            pages = con.sql("select distinct area_code, plan_year from marts.fct_plan_attainment").fetchall()
        todo = [_attainment(_facts(con, area_code, plan_year)) for area_code, plan_year in pages]
    if not todo:
        return
    drawer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ktxh-charts")
    for rows in todo:
        _DRAWING[tuple(rows)] = drawer.submit(_chart_svg, rows)
    drawer.shutdown(wait=False)


def chart_svg(rows: list[AttainmentRow]) -> str:
    """Attainment (ước TH so với KH, %) of every assessed measure, as an inline SVG."""
    drawing = _DRAWING.pop(tuple(rows), None)
    return drawing.result() if drawing is not None else _chart_svg(rows)


def _chart_svg(rows: list[AttainmentRow]) -> str:
    import altair as alt
    import vl_convert

    data = [{"name": f"{r.tt} {r.name}".strip()[:70], "pct": r.pct_value, "status": r.status, "order": i}
            for i, r in enumerate(rows) if r.pct_value is not None and r.status]
    if not data:
        return ""
    base = alt.Chart(alt.Data(values=data))
    bars = base.mark_bar().encode(
        y=alt.Y("name:N", sort=alt.SortField("order"), title=None, axis=alt.Axis(labelLimit=420)),
        x=alt.X("pct:Q", title="Ước TH so với KH (%)", axis=alt.Axis(format=",.0f")),
        color=alt.Color("status:N", title="Đánh giá",
                        scale=alt.Scale(domain=list(STATUS_COLOURS), range=list(STATUS_COLOURS.values()))),
        tooltip=["name:N", alt.Tooltip("pct:Q", format=",.2f"), "status:N"],
    )
    target = alt.Chart(alt.Data(values=[{"x": 100}])).mark_rule(color="#333", strokeDash=[4, 3]).encode(x="x:Q")
    chart = (bars + target).properties(width=520, height=alt.Step(16))
    svg = vl_convert.vegalite_to_svg(chart.to_dict(), format_locale=VN_NUMBER_LOCALE)
    # inline in HTML: the namespace declarations are not needed (and are the page's only URLs)
    return re.sub(r'\s+xmlns(:\w+)?="[^"]*"', "", svg)


def _facts(con: duckdb.DuckDBPyConnection, area_code: str, plan_year: int) -> list[dict]:
    return _dicts(con, """
        select a.*, m.is_indicator_root, m.tt from marts.fct_plan_attainment a
        left join marts.dim_measures m using (measure_code)
        where a.area_code = ? and a.plan_year = ? order by a.sort_order""", [area_code, plan_year])


def _attainment(facts: list[dict]) -> list[AttainmentRow]:
    return [AttainmentRow(
        measure_code=f["measure_code"], tt=f["tt"] or "", name=f["measure_name"], unit=f["unit"] or "",
        is_indicator=bool(f["is_indicator_root"]),
        plan=vn(f["plan"], f["plan_decimals"] or 0), estimate=vn(f["estimate"], f["estimate_decimals"] or 0),
        printed_pct_of_plan=vn(f["printed_pct_of_plan"], f["printed_pct_of_plan_decimals"] or 0),
        pct_of_plan=_pct(f["pct_of_plan"]),
        pct_value=None if f["pct_of_plan"] is None else float(f["pct_of_plan"]),
        status=STATUS_VI.get(f["status"], ""),
    ) for f in facts]


def build_report(con: duckdb.DuckDBPyConnection, area_code: str, plan_year: int) -> ReportPage:
    facts = _facts(con, area_code, plan_year)
    area_name = facts[0]["area_name"] if facts else area_code
    attainment = _attainment(facts)
    scorecard = [ScoreRow(
        rule=s["rule"], rule_vi=RULES_VI.get(s["rule"], s["rule"]), met=s["indicators_met"],
        assessed=s["indicators_assessed"], missed=s["missed_names"] or [],
    ) for s in _dicts(con, """
        select *, indicators_missed_names as missed_names from marts.fct_plan_scorecard
        where area_code = ? and plan_year = ? order by rule""", [area_code, plan_year])]
    progress = [ProgressRow(
        indicator_name=p["indicator_name"] or p["indicator_code"], period=_period(p),
        value=vn(p["value"], p.get("decimals") or _decimals(p["value"])), unit=p["unit"] or "",
        plan_source=PLAN_SOURCE_VI.get(p["plan_source"], p["plan_source"]),
        plan_value=_plan(p["plan_value"]), pct_of_plan=_pct(p["pct_of_plan"]),
        source=p["document"] + (f", câu: «{p['sentence']}»" if p.get("sentence") else ""),
    ) for p in _dicts(con, """
        select * from marts.fct_period_progress where area_code = ? and period_year = ?
        order by indicator_code, month_to, plan_source, document, fact_no, plan_value, value  -- a total order
        """, [area_code, plan_year])]
    return ReportPage(
        area_code=area_code, area_name=area_name, plan_year=plan_year,
        source=source_reference(facts), scorecard=scorecard, attainment=attainment, progress=progress,
        findings=findings_of(con, area_code, plan_year), chart_svg=chart_svg(attainment),
    )


def _decimals(value) -> int:
    text = format(value, "f") if value is not None else ""
    return len(text.split(".")[1].rstrip("0")) if "." in text else 0


def _plan(value) -> str:
    if value is None:
        return ""
    value = round(float(value), 1)
    return vn(value, 0 if value == int(value) else 1)


def render(page: ReportPage) -> str:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]))
    return env.get_template("report.html.j2").render(page=page, generated=datetime.now().strftime("%d/%m/%Y %H:%M"))


def write_reports(db: Path, out: Path, year: int | None = None, area: str | None = None,
                  written: list[Path] | None = None) -> list[Path]:
    """The report page of every (selected) province and plan year; a page whose warehouse rows
    are those of the last report to ``out`` (``extracts.export_state``) is left as it is.
    Returns every page; ``written`` gets those written."""
    db, out = Path(db), Path(out)
    require_warehouse(db)
    pages = []
    with storage.connect(db, read_only=True) as con:
        [(built,)] = con.sql("select count(*) from information_schema.tables where table_schema = 'marts' "
                             "and table_name = 'fct_plan_attainment'").fetchall()
        if not built:
            raise WarehouseMissing(f"{db} has no marts yet: run `ktxh build` (or `ktxh run`) first")
        selected = con.execute("""
            select distinct area_code, plan_year from marts.fct_plan_attainment
            where (? is null or plan_year = ?) and (? is null or area_code = ?) order by all""",
            [year, year, area, area]).fetchall()
        out.mkdir(parents=True, exist_ok=True)
        manifest = Manifest.load(out)
        inputs = report_hashes(con)
        several = len({a for a, _ in selected}) > 1
        for area_code, plan_year in selected:
            path = _page_path(out, area_code, plan_year, several)
            pages.append(path)
            key = f"report/{path.name}"
            if manifest.up_to_date(key, inputs[(area_code, plan_year)], [path]):
                continue
            manifest.files.pop(key, None)
            path.write_text(render(build_report(con, area_code, plan_year)), encoding="utf-8")
            manifest.files[key] = inputs[(area_code, plan_year)]
            if written is not None:
                written.append(path)
        manifest.save()
    return pages
