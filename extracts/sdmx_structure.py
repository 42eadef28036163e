"""The SDMX data structure of ktxh's exchange files: codelists, concepts, the DSD, two dataflows.

One data structure definition, ``KTXH:DSD_KTXH_PLAN(1.0)``, serves both dataflows:

* ``KTXH:DF_PLAN_ATTAINMENT(1.0)`` -- the appendix figures of ``marts.fct_plan_attainment``;
* ``KTXH:DF_MONTHLY_SERIES(1.0)`` -- the amounts of the reports' prose, ``marts.fct_monthly_series``.

Dimensions (in key order): ``REF_AREA`` (province code, CL_AREA), ``MEASURE`` (indicator / measure,
CL_MEASURE), ``VALUE_TYPE`` (PLAN / ESTIMATE / ACTUAL, CL_VALUE_TYPE), ``PERIOD_BASIS`` (what the
period covers: the whole year, one month, January to the month, a quarter, a balance at the end of
the month; CL_PERIOD_BASIS), ``TIME_PERIOD`` (``2022``, ``2022-09``, ``2022-Q3``).  Measure
``OBS_VALUE``.  Attributes, all at observation level: ``UNIT_MEASURE`` (the unit as the catalog
writes it, Vietnamese), ``OBS_STATUS`` (CL_OBS_STATUS: SDMX's A / E / F), ``DECIMALS`` (the digits
printed after the decimal comma), ``SOURCE_DOCUMENT`` and ``SOURCE_LINE`` (where the figure is
printed), ``CURRENT_AREA`` (for a province code no longer in force, the province it belongs to
today; otherwise the code itself), and the ratios as printed, ``PCT_OF_PLAN`` / ``PCT_OF_PRIOR`` (on
the estimate) and ``PCT_OF_ESTIMATE`` (on next year's plan), with ``RATIO_BASIS`` (plain or
growth_index).  A ratio is never an observation: it is a property of the estimate the department
printed next to it (see README, "Exchange").

Names are Vietnamese (the data's language), descriptions English.  The codelists of areas and
measures are read from the warehouse, so every code an observation uses is in them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import duckdb
from pysdmx.model import (
    Code,
    Codelist,
    Component,
    Components,
    Concept,
    ConceptScheme,
    Dataflow,
    DataStructureDefinition,
    DataType,
    Role,
    Schema,
)

AGENCY = "KTXH"
VERSION = "1.0"
DSD_ID = "DSD_KTXH_PLAN"
CONCEPT_SCHEME_ID = "CS_KTXH"
DATAFLOWS = {
    "plan_attainment": ("DF_PLAN_ATTAINMENT", "Thực hiện chỉ tiêu kế hoạch phát triển KT-XH",
                        "The appendix (biểu) of plan indicators: prior year's actual, the year's plan and "
                        "estimate, next year's plan (marts.fct_plan_attainment)."),
    "monthly_series": ("DF_MONTHLY_SERIES", "Số liệu tháng, lũy kế và năm trong báo cáo",
                       "Amounts stated in the reports' prose, by month, January-to-month, quarter or year, "
                       "the latest report's figure for each period (marts.fct_monthly_series, is_current)."),
}

VALUE_TYPES = {  # code: (name, description, OBS_STATUS)
    "PLAN": ("Kế hoạch", "The plan (target) for the period, as adopted in the report.", "F"),
    "ESTIMATE": ("Ước thực hiện", "The estimate of the period's outcome before it is final.", "E"),
    "ACTUAL": ("Thực hiện", "The outcome as reported after the period.", "A"),
}
OBS_STATUSES = {  # SDMX cross-domain CL_OBS_STATUS codes used here
    "A": ("Giá trị thực hiện", "Normal value (SDMX A): an actual figure."),
    "E": ("Giá trị ước tính", "Estimated value (SDMX E): an estimate (ước)."),
    "F": ("Giá trị kế hoạch", "Forecast value (SDMX F): here, a plan target for a period not yet over."),
}
PERIOD_BASES = {  # code: (name, description)
    "YEAR": ("Cả năm", "The whole year; TIME_PERIOD is the year (2022)."),
    "MONTH": ("Trong tháng", "One month alone; TIME_PERIOD is the month (2022-05)."),
    "YTD": ("Lũy kế từ đầu năm", "From January to the month, cumulative; TIME_PERIOD is the last month (2022-09)."),
    "QUARTER": ("Quý", "One quarter; TIME_PERIOD is the quarter (2022-Q3)."),
    "BALANCE": ("Số dư cuối kỳ", "A balance (stock) at the end of the month; TIME_PERIOD is the month (2022-12)."),
}
RATIO_BASES = {
    "plain": ("Tỷ lệ thường", "estimate / plan x 100 (or / prior actual, next plan / estimate)."),
    "growth_index": ("Chỉ số phát triển", "For growth rates: (100 + estimate) / (100 + plan) x 100, "
                                          "and 100 + the rate for the year-on-year index."),
}


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    current_code: str
    current_name: str


@dataclass(frozen=True)
class Measure:
    code: str
    name: str
    unit: str | None


def nfc(text: str | None) -> str | None:
    return None if text is None else unicodedata.normalize("NFC", text)


def _codelist(cl_id: str, name: str, codes: dict[str, tuple[str, str]] | list[Code], description: str) -> Codelist:
    items = codes if isinstance(codes, list) else [Code(id=k, name=n, description=d) for k, (n, d, *_) in codes.items()]
    return Codelist(id=cl_id, agency=AGENCY, version=VERSION, name=name, description=description, items=items,
                    urn=f"urn:sdmx:org.sdmx.infomodel.codelist.Codelist={AGENCY}:{cl_id}({VERSION})")


def area_codelist(areas: list[Area]) -> Codelist:
    codes = []
    for area in areas:
        moved = area.current_code != area.code or area.current_name != area.name
        description = (f"Province code {area.code}; today part of {area.current_code} {area.current_name}"
                       if moved else f"Province code {area.code}, in force today")
        codes.append(Code(id=area.code, name=area.name, description=description))
    return _codelist("CL_AREA", "Tỉnh, thành phố", codes, "Province codes of the documents and the provinces they "
                     "belong to today (warehouse: marts.dim_areas when built, else the codes' own names).")


def measure_codelist(measures: list[Measure]) -> Codelist:
    codes = [Code(id=m.code, name=m.name, description=f"Unit: {m.unit}" if m.unit else None) for m in measures]
    return _codelist("CL_MEASURE", "Chỉ tiêu", codes, "Catalog measures (marts.dim_measures) and the secondary "
                     "indicators of the monthly series, by their warehouse codes.")


def _concepts() -> list[Concept]:
    spec = {
        "REF_AREA": ("Tỉnh, thành phố", "The province the document reports on (its official code)."),
        "MEASURE": ("Chỉ tiêu", "Indicator or measure of the plan catalog."),
        "VALUE_TYPE": ("Loại số liệu", "Plan, estimate or actual."),
        "PERIOD_BASIS": ("Kỳ số liệu", "What the period covers: year, month, January to month, quarter, balance."),
        "TIME_PERIOD": ("Thời gian", "Year (2022), month (2022-09) or quarter (2022-Q3)."),
        "OBS_VALUE": ("Giá trị", "The figure, in UNIT_MEASURE, with a dot as decimal separator."),
        "UNIT_MEASURE": ("Đơn vị tính", "The unit as written in the catalog (Vietnamese)."),
        "OBS_STATUS": ("Tình trạng số liệu", "SDMX observation status: A actual, E estimate, F plan target."),
        "DECIMALS": ("Số chữ số thập phân", "Digits printed after the decimal comma in the source."),
        "SOURCE_DOCUMENT": ("Tài liệu nguồn", "The document (file name) the figure is printed in."),
        "SOURCE_LINE": ("Dòng nguồn", "The line (text, CSV) or row (XLSX) of the document."),
        "CURRENT_AREA": ("Tỉnh hiện nay", "For a province code no longer in force, the province it belongs to today."),
        "PCT_OF_PLAN": ("Ước TH so với KH (%)", "The ratio of estimate to plan as printed (estimate only)."),
        "PCT_OF_PRIOR": ("Ước TH so với TH năm trước (%)", "The ratio of estimate to prior actual as printed."),
        "PCT_OF_ESTIMATE": ("KH năm sau so với ước TH (%)", "The ratio of next year's plan to the estimate as printed."),
        "RATIO_BASIS": ("Cách tính tỷ lệ", "plain or growth_index (growth rates)."),
    }
    urn = f"urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept={AGENCY}:{CONCEPT_SCHEME_ID}({VERSION})."
    return [Concept(id=k, name=n, description=d, urn=urn + k) for k, (n, d) in spec.items()]


def concept_scheme() -> ConceptScheme:
    return ConceptScheme(id=CONCEPT_SCHEME_ID, agency=AGENCY, version=VERSION, name="Khái niệm của ktxh",
                         items=_concepts())


def components(areas: Codelist, measures: Codelist) -> Components:
    concepts = {c.id: c for c in _concepts()}
    fixed = {
        "CL_VALUE_TYPE": _codelist("CL_VALUE_TYPE", "Loại số liệu", VALUE_TYPES, "Plan, estimate, actual."),
        "CL_PERIOD_BASIS": _codelist("CL_PERIOD_BASIS", "Kỳ số liệu", PERIOD_BASES, "What a period covers."),
        "CL_OBS_STATUS": _codelist("CL_OBS_STATUS", "Tình trạng số liệu", OBS_STATUSES,
                                   "The codes of SDMX's CL_OBS_STATUS that ktxh uses."),
        "CL_RATIO_BASIS": _codelist("CL_RATIO_BASIS", "Cách tính tỷ lệ", RATIO_BASES, "How a printed ratio is computed."),
    }

    def comp(cid, role, dtype=DataType.STRING, codes=None, required=True):
        c = concepts[cid]
        return Component(id=cid, required=required, role=role, concept=c, local_dtype=None if codes else dtype,
                         name=c.name,
                         description=c.description, local_codes=codes,
                         attachment_level="O" if role == Role.ATTRIBUTE else None)

    dims = [comp("REF_AREA", Role.DIMENSION, codes=areas), comp("MEASURE", Role.DIMENSION, codes=measures),
            comp("VALUE_TYPE", Role.DIMENSION, codes=fixed["CL_VALUE_TYPE"]),
            comp("PERIOD_BASIS", Role.DIMENSION, codes=fixed["CL_PERIOD_BASIS"]),
            comp("TIME_PERIOD", Role.DIMENSION, dtype=DataType.PERIOD)]
    measure = [comp("OBS_VALUE", Role.MEASURE, dtype=DataType.DECIMAL)]
    attrs = [comp("UNIT_MEASURE", Role.ATTRIBUTE), comp("OBS_STATUS", Role.ATTRIBUTE, codes=fixed["CL_OBS_STATUS"]),
             comp("DECIMALS", Role.ATTRIBUTE, dtype=DataType.INTEGER, required=False),
             comp("SOURCE_DOCUMENT", Role.ATTRIBUTE),
             comp("SOURCE_LINE", Role.ATTRIBUTE, dtype=DataType.INTEGER, required=False),
             comp("CURRENT_AREA", Role.ATTRIBUTE, codes=areas),
             comp("PCT_OF_PLAN", Role.ATTRIBUTE, dtype=DataType.DECIMAL, required=False),
             comp("PCT_OF_PRIOR", Role.ATTRIBUTE, dtype=DataType.DECIMAL, required=False),
             comp("PCT_OF_ESTIMATE", Role.ATTRIBUTE, dtype=DataType.DECIMAL, required=False),
             comp("RATIO_BASIS", Role.ATTRIBUTE, codes=fixed["CL_RATIO_BASIS"], required=False)]
    return Components(dims + measure + attrs)


@dataclass(frozen=True)
class Structure:
    dsd: DataStructureDefinition
    dataflows: dict[str, Dataflow]
    codelists: list[Codelist]
    concepts: ConceptScheme

    def schema(self, flow: str) -> Schema:
        df = self.dataflows[flow]
        return Schema(context="dataflow", agency=AGENCY, id=df.id, version=VERSION, components=self.dsd.components,
                      name=df.name)

    def short_urn(self, flow: str) -> str:
        return f"Dataflow={AGENCY}:{self.dataflows[flow].id}({VERSION})"

    def artefacts(self) -> list:
        """What the structure message holds: codelists, the concept scheme, the DSD, the dataflows."""
        return [*self.codelists, self.concepts, self.dsd, *self.dataflows.values()]


def build_structure(areas: list[Area], measures: list[Measure]) -> Structure:
    cl_area, cl_measure = area_codelist(areas), measure_codelist(measures)
    comps = components(cl_area, cl_measure)
    codelists = [cl_area, cl_measure] + [c.local_codes for c in comps
                                        if c.local_codes is not None and c.local_codes.id not in ("CL_AREA", "CL_MEASURE")]
    dsd = DataStructureDefinition(
        id=DSD_ID, agency=AGENCY, version=VERSION, name="Chỉ tiêu kế hoạch phát triển KT-XH cấp tỉnh",
        description="Plan, estimate and actual figures of a province's socio-economic plan indicators.",
        components=comps)
    dsd_urn = f"urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure={AGENCY}:{DSD_ID}({VERSION})"
    flows = {key: Dataflow(id=fid, agency=AGENCY, version=VERSION, name=name, description=desc, structure=dsd_urn)
             for key, (fid, name, desc) in DATAFLOWS.items()}
    return Structure(dsd=dsd, dataflows=flows, codelists=codelists, concepts=concept_scheme())


# --- the codelists' content, from the warehouse -------------------------------------------

def _has(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    [(n,)] = con.execute("select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
                         [schema, table]).fetchall()
    return bool(n)


def read_areas(con: duckdb.DuckDBPyConnection) -> list[Area]:
    """Every province code the exported marts use, with the province it belongs to today.

    With ``marts.dim_areas`` (codes over time, current_area_code) the name is the code's latest and
    the current province comes from there; without it every code the warehouse accepts is one in
    force today (ingest checks --area against today's codes), so it is its own current province.
    """
    used = con.sql("""
        select area_code, max(area_name) as area_name from (
            select area_code, area_name from marts.fct_plan_attainment
            union all select area_code, null from marts.fct_monthly_series)
        group by area_code order by area_code""").fetchall()
    current: dict[str, tuple[str, str, str]] = {}
    if _has(con, "marts", "dim_areas"):
        for code, name, cur_code, cur_name in con.sql("""
                select area_code, area_name, current_area_code, current_area_name from marts.dim_areas
                qualify row_number() over (partition by area_code order by area_valid_from desc nulls last) = 1
                """).fetchall():
            current[code] = (name, cur_code, cur_name)
    areas: dict[str, Area] = {}
    for code, name in used:
        known_name, cur_code, cur_name = current.get(code, (name, code, name))
        name = name or known_name or code
        areas[code] = Area(code, nfc(name), cur_code, nfc(cur_name or name))
    for area in list(areas.values()):  # today's provinces are codes too (CURRENT_AREA uses the same codelist)
        if area.current_code not in areas:
            areas[area.current_code] = Area(area.current_code, area.current_name, area.current_code, area.current_name)
    return sorted(areas.values(), key=lambda a: a.code)


def read_measures(con: duckdb.DuckDBPyConnection) -> list[Measure]:
    rows = con.sql("""
        select measure_code, measure_name, unit from marts.dim_measures
        union all
        select indicator_code, max(indicator_name), max(indicator_unit) from marts.fct_monthly_series
        where indicator_code not in (select measure_code from marts.dim_measures)
        group by indicator_code
        order by 1""").fetchall()
    return [Measure(code, nfc(name) or code, nfc(unit)) for code, name, unit in rows]
