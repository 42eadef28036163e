"""Run the consistency suites on a warehouse and record what they find.

The suites are great-expectations 1.x suite files in ``expectations/``.  Each names, in
its ``meta.ktxh.table``, the warehouse table it validates (a mart, or a ``checks.chk_*``
model where dbt computed the check's intervals and joins).  The table is read from
DuckDB into a pandas frame (GX 1.x has no working DuckDB datasource), every suite is
validated in one pass, and every row an expectation rejects becomes a finding:

* ``check_name`` and the message templates (``message_vi``, ``message_en``, Python
  ``str.format`` over the row's columns) come from the expectation's ``meta``;
* the severity is the expectation's own GX severity: ``critical`` is reported as
  ``error`` (structural faults: ``ktxh check`` exits 1), ``warning`` and ``info`` as such.

Findings replace ``checks.findings``; the validation results are rendered as GX Data
Docs (HTML) in the checks site folder, whose path is printed with a short summary.
"""

from __future__ import annotations

import json
import math
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import duckdb
import pandas as pd

from checks.gx_import import definitions as _definitions, great_expectations
from ingest.numbers import format_vn_number
from ktxh import column_roles, settings, storage
from ktxh.errors import BuildFailed, SuiteError, WarehouseBusy, require_warehouse

SUITES_DIR = settings.SUITES_DIR
SEVERITY = {"critical": "error", "warning": "warning", "info": "info"}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
ROW_ID = "finding_key"
SITE_MARKER = ".ktxh-checks-site"
# The appendix's columns in their printed order, for sorting findings.
FIGURE_ORDER = ("indicator", "measure", "row", "unit", *column_roles.ROLE_NAMES)

FINDING_COLUMNS = {
    "check_name": "varchar",
    "severity": "varchar",
    "area_code": "varchar",
    "plan_year": "integer",
    "measure_code": "varchar",
    "figure": "varchar",
    "printed_value": "double",
    "printed_text": "varchar",
    "expected_low": "double",
    "expected_high": "double",
    "document": "varchar",
    "source_ref": "varchar",
    "message_vi": "varchar",
    "message_en": "varchar",
    "suite_name": "varchar",
    "expectation_type": "varchar",
}
# names beside the codes, looked up when the findings are written
NAME_COLUMNS = {
    "area_name": "varchar",
    "indicator_no": "integer",
    "indicator_name": "varchar",
    "measure_name": "varchar",
}
FINDING_DOCS = {
    "check_name": "The check that found it (printed_ratio, parts_sum, large_change, ...; README, Consistency checks).",
    "severity": "error (the table cannot be trusted; ktxh check exits 1), warning (figures that contradict each other) or info.",
    "area_code": "Official province code.",
    "plan_year": "Plan year of the table.",
    "measure_code": "The measure (dim_measures); null for a finding about a row the catalog does not know.",
    "figure": "Which figure: a column role (prior_actual, plan, estimate, pct_of_prior, pct_of_plan, next_plan, next_plan_pct_of_estimate) or row, unit, indicator, measure.",
    "printed_value": "The figure as printed, as a number.",
    "printed_text": "The figure exactly as printed (Vietnamese style: 113,4).",
    "expected_low": "Low end of what the other figures allow for it, given their printed precision (exact interval arithmetic, unrounded; printed_text and message_vi show it rounded).",
    "expected_high": "High end of that interval.",
    "document": "The document the figure comes from.",
    "source_ref": "Where in it: line (text, CSV) or sheet and row (XLSX).",
    "message_vi": "What was found, in Vietnamese, for a planning officer.",
    "message_en": "The same in English.",
    "suite_name": "The great-expectations suite (expectations/<suite>.json).",
    "expectation_type": "The expectation that rejected the row.",
    "area_name": "Province name.",
    "indicator_no": "The plan indicator (1-17) of the measure.",
    "indicator_name": "The indicator's name as the biểu prints it (its own row or heading).",
    "measure_name": "The measure's name as the biểu prints it.",
}


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@dataclass
class Suite:
    name: str
    table: str
    spec: dict[str, Any]  # the suite file as read


def load_suites(directory: Path = SUITES_DIR) -> list[Suite]:
    """Every ``*.json`` suite file of ``directory``, in name order."""
    suites = []
    for path in sorted(Path(directory).glob("*.json")):
        spec = json.loads(path.read_text(encoding="utf-8"))
        table = spec.get("meta", {}).get("ktxh", {}).get("table")
        if not table:
            raise SuiteError(f"{path.name}: meta.ktxh.table names no warehouse table to validate")
        for expectation in spec.get("expectations", []):
            if not expectation.get("meta", {}).get("check_name"):
                raise SuiteError(f"{path.name}: an expectation ({expectation.get('type')}) has no meta.check_name")
        suites.append(Suite(name=spec["name"], table=table, spec=spec))
    if not suites:
        raise SuiteError(f"no suite files in {directory}")
    return suites


def read_frames(con: duckdb.DuckDBPyConnection, suites: Iterable[Suite]) -> dict[str, pd.DataFrame]:
    """The table each suite validates, as a pandas frame with a row id for mapping results back."""
    frames = {}
    for suite in suites:
        try:
            frame = con.sql(f"select * from {suite.table}").df()
        except duckdb.CatalogException:
            raise BuildFailed(
                f"the warehouse has no table {suite.table}: run `ktxh build` before `ktxh check`"
            ) from None
        frame.insert(0, ROW_ID, _row_keys(frame))
        frames[suite.name] = frame
    return frames


def _row_keys(frame: pd.DataFrame) -> list[str]:
    """A unique, readable key per row, which the Data Docs list for each rejected row:
    '#46 04/2022 commune_health_standard_share pct_of_plan (line 811)'."""
    parts = [c for c in ("area_code", "plan_year", "measure_code", "figure", "source_ref") if c in frame.columns]
    keys = []
    for i, row in enumerate(frame[parts].itertuples(index=False)):
        values = dict(zip(parts, row))
        where = values.pop("source_ref", None)
        area_year = "/".join(str(values.pop(c)) for c in ("area_code", "plan_year") if c in values)
        text = " ".join(str(v) for v in (area_year, *values.values()) if _clean(v) not in (None, ""))
        keys.append(f"#{i} {text}" + (f" ({where})" if _clean(where) else ""))
    return keys


def checks_site_dir(db: Path) -> Path:
    """Where the Data Docs go: ``KTXH_CHECKS_SITE``, default ``checks_site/`` beside the warehouse file."""
    return settings.checks_site_dir(db)


def _fresh_site(site: Path) -> None:
    """Empty the site folder so that it shows this run only; refuse a folder that is not ours."""
    if site.exists() and any(site.iterdir()):
        if not (site / SITE_MARKER).exists():
            raise BuildFailed(f"{site} is not empty and is not a checks site; set KTXH_CHECKS_SITE elsewhere")
        shutil.rmtree(site)
    site.mkdir(parents=True, exist_ok=True)
    (site / SITE_MARKER).write_text("Data Docs written by `ktxh check`; emptied on each run.\n", encoding="utf-8")


# the Data Docs' site -> the context, validation definitions and suites made ahead of the data
_PREPARED: dict[str, tuple[Any, dict[str, Any], dict[str, str]]] = {}


def preload(site: Path | None = None, suites_dir: Path = SUITES_DIR) -> None:
    """Import great-expectations now (about 1,2 s, altair with it), e.g. while dbt builds; with
    the Data Docs' ``site``, also make the context and every suite's validation definition
    (0,1-0,2 s), which :func:`validate` then takes (without the suites it does not validate)."""
    great_expectations()
    if site is not None:
        suites = load_suites(suites_dir)
        specs = _specs(suites)
        _PREPARED[str(site)] = (*_definitions(suites, site), specs)


def _specs(suites: list[Suite]) -> dict[str, str]:
    return {suite.name: json.dumps(suite.spec, sort_keys=True) for suite in suites}


def _prepared(suites: list[Suite], site: Path) -> tuple[Any, dict[str, Any]]:
    """The context and definitions :func:`preload` made for ``site``, if it made them from these
    suites, those of the other suites removed; else new ones."""
    context, definitions, specs = _PREPARED.pop(str(site), (None, {}, {}))
    wanted = _specs(suites)
    if context is None or any(specs.get(name) != spec for name, spec in wanted.items()):
        return _definitions(suites, site)
    for name in set(definitions) - set(wanted):
        context.validation_definitions.delete(name)
        context.suites.delete(name)
    return context, definitions


def validate(suites: list[Suite], frames: dict[str, pd.DataFrame], site: Path) -> dict[str, Any]:
    """Run every suite on its frame, in one pass; returns suite name -> validation result.

    Each suite is validated by its validation definition directly (no checkpoint per suite, whose
    Data Docs action would rebuild the whole site after each suite); the site is built once at
    the end from the results GX kept in its (in-memory) validation store."""
    context, definitions = _prepared(suites, site)
    result_format = {"result_format": "COMPLETE", "unexpected_index_column_names": [ROW_ID]}
    results = {}
    for suite in suites:
        results[suite.name] = definitions[suite.name].run(batch_parameters={"dataframe": frames[suite.name]},
                                                          result_format=result_format)
    context.build_data_docs(site_names=["ktxh_checks"])
    return results


class _Row(dict):
    """A frame row for message templates; a placeholder the table lacks is a suite error."""

    def __missing__(self, key: str) -> str:
        raise SuiteError(f"a message template names {{{key}}}, which the validated table does not have")


def _clean(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _number(value: Any) -> float | None:
    value = _clean(value)
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _finding(suite: Suite, expectation, row: dict[str, Any]) -> dict[str, Any]:
    meta = expectation.meta or {}
    kwargs = expectation.kwargs
    column = kwargs.get("column")
    values = {k: ("" if _clean(v) is None else _clean(v)) for k, v in row.items()}

    printed_value = _number(row.get("printed_value", row.get(column) if column else None))
    printed_text = values.get("printed_text", "")
    if not printed_text and printed_value is not None and column and f"{column}_decimals" in row:
        printed_text = format_vn_number(printed_value, int(row[f"{column}_decimals"]))
    values["printed_text"] = printed_text

    figure = meta.get("figure")
    figure = figure.format_map(_Row(values)) if figure else (values.get("figure") or column or "")
    values["figure"] = figure
    expected_low = _number(row["expected_low"]) if "expected_low" in row else _number(kwargs.get("min_value"))
    expected_high = _number(row["expected_high"]) if "expected_high" in row else _number(kwargs.get("max_value"))

    plan_year = _clean(row.get("plan_year"))
    return {
        "check_name": meta["check_name"],
        "severity": SEVERITY[str(getattr(expectation.severity, "value", expectation.severity))],
        "area_code": _clean(row.get("area_code")),
        "plan_year": int(plan_year) if plan_year is not None else None,
        "measure_code": _clean(row.get("measure_code")),
        "figure": figure,
        "printed_value": printed_value,
        "printed_text": printed_text or None,
        "expected_low": expected_low,
        "expected_high": expected_high,
        "document": _clean(row.get("document")),
        "source_ref": _clean(row.get("source_ref")),
        "message_vi": meta.get("message_vi", "").format_map(_Row(values)),
        "message_en": meta.get("message_en", "").format_map(_Row(values)),
        "suite_name": suite.name,
        "expectation_type": expectation.type,
    }


def collect_findings(suites: list[Suite], frames: dict[str, pd.DataFrame], results: dict[str, Any]) -> list[dict]:
    """One finding per row each expectation rejected."""
    findings = []
    for suite in suites:
        result = results[suite.name]
        frame = frames[suite.name].set_index(ROW_ID, drop=False)
        for expectation_result in result.results:
            if expectation_result.success:
                continue
            if expectation_result.exception_info and expectation_result.exception_info.get("raised_exception"):
                raise SuiteError(
                    f"suite {suite.name}, {expectation_result.expectation_config.type}: "
                    f"{expectation_result.exception_info.get('exception_message')}"
                )
            rejected = expectation_result.result.get("unexpected_index_list") or []
            for entry in rejected:
                row = frame.loc[entry[ROW_ID]].to_dict()
                findings.append(_finding(suite, expectation_result.expectation_config, row))
    return findings


def write_findings(con: duckdb.DuckDBPyConnection, findings: list[dict], kept: str | None = None) -> None:
    """Replace checks.findings with this run's findings and those ``kept`` (a table of the last
    check's findings that still hold: ``checks.incremental.keep_findings``), in catalog order
    within each severity."""
    frame = pd.DataFrame(findings, columns=list(FINDING_COLUMNS))
    con.execute("create schema if not exists checks")
    columns = ", ".join(f"{name} {kind}" for name, kind in {**FINDING_COLUMNS, **NAME_COLUMNS}.items())
    casts = ", ".join(f"f.{name}::{kind} as {name}" for name, kind in FINDING_COLUMNS.items())
    every = f"select {casts} from new_findings as f" + (f" union all select {casts} from {kept} as f" if kept else "")
    con.register("new_findings", frame)
    try:
        con.begin()
        con.execute(f"create or replace table checks.findings ({columns})")
        con.execute(f"""
            insert into checks.findings
            select {casts},
                   (select any_value(b.area_name) from raw.load_batches as b where b.area_code = f.area_code) as area_name,
                   c.indicator_no, r.name_vi as indicator_name, c.name_vi as measure_name
            from ({every}) as f
            left join catalog.indicator_catalog as c using (measure_code)
            left join catalog.indicator_catalog as r on r.indicator_no = c.indicator_no and r.parent_code is null
            order by case f.severity when 'error' then 0 when 'warning' then 1 else 2 end,
                     f.area_code, f.plan_year, c.sort_order nulls first,
                     list_position(?, f.figure) nulls last, f.check_name, f.source_ref
        """, [list(FIGURE_ORDER)])
        con.execute(
            "comment on table checks.findings is 'Consistency findings of the last `ktxh check`: one row per "
            "figure or row a great-expectations suite rejected (severity error, warning or info).'"
        )
        for name, text in FINDING_DOCS.items():
            con.execute(f"comment on column checks.findings.{name} is {_sql_text(text)}")
        con.commit()
    except Exception:
        con.rollback()
        raise
    finally:
        con.unregister("new_findings")


def summarise(con: duckdb.DuckDBPyConnection, site: Path, shown: int = 20) -> tuple[str, int]:
    """The terminal summary of checks.findings, and the count of errors."""
    counts = dict(con.sql("select severity, count(*) from checks.findings group by severity").fetchall())
    lines = [
        f"checks: {counts.get('error', 0)} errors, {counts.get('warning', 0)} warnings, "
        f"{counts.get('info', 0)} info (table checks.findings)"
    ]
    for severity, name, n in con.sql("""
        select severity, check_name, count(*) from checks.findings group by severity, check_name
        order by case severity when 'error' then 0 when 'warning' then 1 else 2 end, check_name
    """).fetchall():
        lines.append(f"  {severity:<7} {name:<26} {n}")
    faults = con.sql("select severity, message_en from checks.findings where severity <> 'info'").fetchall()
    lines += [f"  [{severity}] {message}" for severity, message in faults[:shown]]
    if len(faults) > shown:
        lines.append(f"  ... {len(faults) - shown} more errors and warnings in checks.findings")
    lines.append(f"Data Docs: {site / 'index.html'}")
    return "\n".join(lines), counts.get("error", 0)


def run_checks(db: Path, suites_dir: Path = SUITES_DIR, full: bool = False, validation=None) -> int:
    """Validate the warehouse ``db``; 1 when any finding is an error, else 0.

    Only the province-years whose rows changed since the last check are validated
    (``checks.incremental``); ``full`` validates everything.  ``validation``: a
    ``checks.ahead.Validation`` of these suites and site, some suites validated already
    (``ktxh run``'s checks ahead); it does the others."""
    from checks import incremental
    from checks.ahead import Validation

    require_warehouse(db)
    suites = load_suites(suites_dir)
    site = checks_site_dir(db)
    try:
        connection = storage.connect(db)
    except duckdb.IOException as exc:
        raise WarehouseBusy(f"cannot open {db} to write the findings (is another program using it?): {exc}") from None
    with connection as con:
        for suite in suites:
            _require_table(con, suite.table)
        if full or validation is None or validation.site != site or [
                (s.name, s.spec) for s in validation.suites] != [(s.name, s.spec) for s in suites]:
            validation = Validation(suites, site, {} if full else incremental.previous(con))
        todo = validation.finish(con)
        plan = validation.plan
        kept = incremental.keep_findings(con, plan, list(FINDING_COLUMNS))
        findings = collect_findings(todo, validation.frames, validation.results) if todo else []
        write_findings(con, findings, kept)
        incremental.save(con, plan)
        summary, errors = summarise(con, site)
    validated, groups = plan.counts()
    print(summary)
    if not plan.full:
        print(f"checks: validated {validated} of {groups} suite x province-year groups (the others unchanged since the last check)")
    return 1 if errors else 0


def _require_table(con: duckdb.DuckDBPyConnection, table: str) -> None:
    try:
        con.sql(f"select * from {table} limit 0")
    except duckdb.CatalogException:
        raise BuildFailed(f"the warehouse has no table {table}: run `ktxh build` before `ktxh check`") from None
