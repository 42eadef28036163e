"""``ktxh export --format sdmx``: the plan attainment and the monthly series as SDMX-CSV 2.0.

Writes, into ``<out>/sdmx/``:

* ``ktxh_structure.xml`` -- an SDMX-ML 3.0 structure message (codelists, concept scheme, the data
  structure definition ``KTXH:DSD_KTXH_PLAN(1.0)`` and the two dataflows; :mod:`extracts.sdmx_structure`);
* ``plan_attainment.csv`` -- dataflow ``KTXH:DF_PLAN_ATTAINMENT(1.0)``, one observation per figure of
  ``marts.fct_plan_attainment``: a row of plan year Y gives ACTUAL Y-1 (prior actual), PLAN Y,
  ESTIMATE Y and PLAN Y+1 (next plan), each only when printed;
* ``monthly_series.csv`` -- dataflow ``KTXH:DF_MONTHLY_SERIES(1.0)``, the current vintage of every
  period of ``marts.fct_monthly_series``;
* the same observations as SDMX-ML 3.0 data messages, ``plan_attainment.xml`` and ``monthly_series.xml``:
  pysdmx 1.21's SDMX-CSV reader lets pandas infer column types, so it reads the province code ``04``
  as ``4`` (not in CL_AREA); its SDMX-ML reader keeps ``04``.

Both are written and read back by **pysdmx** (the BIS's SDMX library): the structure message is
validated against the SDMX 3.0 XML schemas when read, and every observation's coded values are
checked against the codelists before anything is written (an export that would not validate fails,
with the value).  SDMX keys must be unique, so:

* a year's plan printed in two reports (as next year's plan in report Y-1 and as the plan in report
  Y) is the later report's; the earlier stays in ``marts/fct_plan_attainment.csv``;
* a single month stated in a report wins over the same month derived from two cumulative figures;
* multi-year and other irregular periods have no SDMX period here and are left out.

Every such figure is counted in :class:`SdmxExport` (the CLI prints the counts).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
from pysdmx.io import read_sdmx, write_sdmx
from pysdmx.io.format import Format
from pysdmx.io.pd import PandasDataset
from pysdmx.model import Organisation
from pysdmx.model.message import Header

from extracts.sdmx_structure import AGENCY, VALUE_TYPES, Structure, build_structure, read_areas, read_measures
from ktxh.errors import KtxhError

STRUCTURE_FILE = "ktxh_structure.xml"
DATA_FILES = {"plan_attainment": "plan_attainment", "monthly_series": "monthly_series"}  # .csv and .xml
COLUMNS = ["REF_AREA", "MEASURE", "VALUE_TYPE", "PERIOD_BASIS", "TIME_PERIOD", "OBS_VALUE", "UNIT_MEASURE",
           "OBS_STATUS", "DECIMALS", "SOURCE_DOCUMENT", "SOURCE_LINE", "CURRENT_AREA", "PCT_OF_PLAN",
           "PCT_OF_PRIOR", "PCT_OF_ESTIMATE", "RATIO_BASIS"]
KEY = COLUMNS[:5]


class SdmxInvalid(KtxhError):
    """An observation the data structure does not allow (a bug or a catalog gap): nothing is written."""

    exit_code = 2


@dataclass
class SdmxExport:
    paths: list[Path] = field(default_factory=list)
    observations: dict[str, int] = field(default_factory=dict)
    left_out: dict[str, int] = field(default_factory=dict)  # why: how many figures


# --- observations ------------------------------------------------------------------------

ATTAINMENT_SQL = """
with rows as (
    select * from marts.fct_plan_attainment
    where (? is null or plan_year = ?) and (? is null or area_code = ?)
),
figures as (
    select *, plan_year - 1 as year, 'ACTUAL' as value_type, prior_actual as value, prior_actual_decimals as decimals,
           null as pct_of_plan_printed, null as pct_of_prior_printed, null as pct_of_estimate_printed,
           null as basis
    from rows
    union all
    select *, plan_year, 'PLAN', plan, plan_decimals, null, null, null, null from rows
    union all
    select *, plan_year, 'ESTIMATE', estimate, estimate_decimals, printed_pct_of_plan, printed_pct_of_prior, null,
           ratio_basis from rows
    union all
    select *, plan_year + 1, 'PLAN', next_plan, next_plan_decimals, null, null, printed_next_plan_pct_of_estimate,
           ratio_basis from rows
),
ranked as (
    select *, row_number() over (
        partition by area_code, measure_code, value_type, year
        order by plan_year desc, document desc, source_line) as rank_in_key
    from figures where value is not null
)
select area_code, measure_code, value_type, 'YEAR' as period_basis, year::varchar as time_period, value,
       unit, decimals, document, source_line, pct_of_plan_printed, pct_of_prior_printed, pct_of_estimate_printed,
       basis, rank_in_key
from ranked
order by area_code, measure_code, year, value_type
"""

MONTHLY_SQL = """
with rows as (
    select *,
        case period_kind when 'year' then 'YEAR' when 'month' then 'MONTH' when 'cumulative' then 'YTD'
                         when 'quarter' then 'QUARTER' when 'balance' then 'BALANCE' end as period_basis
    from marts.fct_monthly_series
    where is_current and (? is null or period_year = ?) and (? is null or area_code = ?)
),
figures as (
    select area_code, indicator_code as measure_code, upper(value_type) as value_type, period_basis,
        case period_basis
            when 'YEAR' then period_year::varchar
            when 'QUARTER' then period_year || '-Q' || (month_to // 3)
            else period_year || '-' || lpad(month_to::varchar, 2, '0')
        end as time_period,
        coalesce(value_in_indicator_unit, value_stated) as value,
        case when value_in_indicator_unit is null then unit_stated else indicator_unit end as unit,
        case when value_in_indicator_unit is null or unit_stated = indicator_unit then decimals end as decimals,
        document || case when derivation = 'derived' then ' - ' || derived_from_document else '' end as document,
        source_line, derivation
    from rows
    where period_basis is not null
)
select area_code, measure_code, value_type, period_basis, time_period, value, unit, decimals, document,
       source_line, null as pct_of_plan, null as pct_of_prior, null as pct_of_estimate, null as ratio_basis,
       row_number() over (partition by area_code, measure_code, value_type, period_basis, time_period
                          order by derivation = 'derived', document) as rank_in_key
from figures
where value is not null
order by area_code, measure_code, period_basis, time_period, value_type
"""


def _number(value: Decimal | float | None, decimals: int | None = None) -> str | None:
    """A figure for OBS_VALUE: dot decimal, at the printed precision when known (40.30, not 40.3)."""
    if value is None:
        return None
    value = Decimal(str(value))
    if decimals is not None and decimals >= 0:
        return f"{value:.{decimals}f}"
    text = format(value.normalize(), "f")
    return text


def _text(value) -> str | None:
    return None if value is None else unicodedata.normalize("NFC", str(value))


def _frame(rows: list[tuple], current: dict[str, str]) -> tuple[pd.DataFrame, int]:
    """The observations (rank 1 of each key) as strings; the count of the figures left out for the key."""
    records, superseded = [], 0
    for (area, measure, value_type, basis, period, value, unit, decimals, document, line,
         pct_plan, pct_prior, pct_estimate, ratio_basis, rank) in rows:
        if rank > 1:
            superseded += 1
            continue
        records.append({
            "REF_AREA": area, "MEASURE": measure, "VALUE_TYPE": value_type, "PERIOD_BASIS": basis,
            "TIME_PERIOD": period, "OBS_VALUE": _number(value, decimals), "UNIT_MEASURE": _text(unit) or "",
            "OBS_STATUS": VALUE_TYPES[value_type][2], "DECIMALS": None if decimals is None else str(decimals),
            "SOURCE_DOCUMENT": _text(document), "SOURCE_LINE": None if line is None else str(line),
            "CURRENT_AREA": current.get(area, area), "PCT_OF_PLAN": _number(pct_plan),
            "PCT_OF_PRIOR": _number(pct_prior), "PCT_OF_ESTIMATE": _number(pct_estimate),
            "RATIO_BASIS": ratio_basis,
        })
    return pd.DataFrame.from_records(records, columns=COLUMNS).astype(object), superseded


def check_codes(frame: pd.DataFrame, structure: Structure, flow: str) -> None:
    """Every coded value in its codelist, every required component filled; else SdmxInvalid."""
    for comp in structure.dsd.components:
        column = frame[comp.id]
        if comp.required and column.isna().any():
            row = frame[column.isna()].iloc[0]
            raise SdmxInvalid(f"sdmx {flow}: {comp.id} is empty for {'.'.join(map(str, row[KEY]))}")
        if comp.local_codes is not None:
            allowed = {code.id for code in comp.local_codes}
            bad = column.dropna()[~column.dropna().isin(allowed)]
            if len(bad):
                raise SdmxInvalid(f"sdmx {flow}: {comp.id} value {bad.iloc[0]!r} is not in {comp.local_codes.id}")


def _read_observations(con: duckdb.DuckDBPyConnection, year: int | None, area: str | None) -> dict[str, list[tuple]]:
    params = [year, year, area, area]
    out = {"plan_attainment": con.execute(ATTAINMENT_SQL, params).fetchall()}
    out["monthly_series"] = con.execute(MONTHLY_SQL, params).fetchall()
    [(irregular,)] = con.execute(
        "select count(*) from marts.fct_monthly_series where is_current and period_kind not in "
        "('year', 'month', 'cumulative', 'quarter', 'balance') and (? is null or period_year = ?) "
        "and (? is null or area_code = ?)", params).fetchall()
    out["irregular"] = irregular
    return out


def export_sdmx(con: duckdb.DuckDBPyConnection, out: Path, year: int | None = None,
                area: str | None = None) -> SdmxExport:
    """Write the structure message and both dataflows' SDMX-CSV files into ``out`` (see the module doc)."""
    structure = build_structure(read_areas(con), read_measures(con))
    current = {code.id: code.id for code in structure.codelists[0]}
    current.update({a.code: a.current_code for a in read_areas(con)})
    observations = _read_observations(con, year, area)
    result = SdmxExport()
    frames = {}
    for flow in DATA_FILES:
        frame, superseded = _frame(observations[flow], current)
        check_codes(frame, structure, flow)
        frames[flow] = frame
        result.observations[flow] = len(frame)
        reason = ("plans printed again by a later report" if flow == "plan_attainment"
                  else "months derived where a report states the month")
        if superseded:
            result.left_out[f"{flow}: {reason}"] = superseded
    if observations["irregular"]:
        result.left_out["monthly_series: multi-year or irregular periods"] = observations["irregular"]
    out.mkdir(parents=True, exist_ok=True)
    sender = Organisation(id=AGENCY, name="ktxh")
    xml = write_sdmx(structure.artefacts(), Format.STRUCTURE_SDMX_ML_3_0, header=Header(sender=sender))
    # pysdmx tags every name and description as English; ours are Vietnamese names, English descriptions
    xml = xml.replace('<com:Name xml:lang="en">', '<com:Name xml:lang="vi">')
    (out / STRUCTURE_FILE).write_text(xml, encoding="utf-8")
    read_sdmx(out / STRUCTURE_FILE, validate=True)  # the SDMX 3.0 schemas accept it, or pysdmx raises
    result.paths.append(out / STRUCTURE_FILE)
    for flow, name in DATA_FILES.items():
        dataset = PandasDataset(structure=structure.schema(flow), data=frames[flow])
        csv_path, xml_path = out / f"{name}.csv", out / f"{name}.xml"
        write_sdmx([dataset], Format.DATA_SDMX_CSV_2_0_0, output_path=str(csv_path))
        write_sdmx([dataset], Format.DATA_SDMX_ML_3_0, output_path=str(xml_path), header=Header(sender=sender))
        result.paths += [csv_path, xml_path]
    return result
