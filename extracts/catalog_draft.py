"""``ktxh catalog draft``: the provisional measures of the loaded documents, as catalog rows.

Each row is in the format of ``seeds/indicator_catalog.csv`` (same columns, same order), so the
department reviews it (names, kinds, directions, parents, units; the codes may be renamed to
readable ones) and appends it to that seed.  One catalog set is proposed per area
(``thua_thien_hue_2016_2020``), with the ``seeds/catalog_sets.csv`` and
``seeds/catalog_assignments.csv`` lines that assign it to the area's plan periods; the tool
prints those.  On the next ``ktxh build`` the rows match by name (exactly, after normalisation)
and the measures are confirmed, under the same codes.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ktxh.errors import WarehouseMissing, require_warehouse
from ktxh.settings import SEEDS_DIR

CATALOG_COLUMNS = tuple(next(csv.reader((SEEDS_DIR / "indicator_catalog.csv").open(encoding="utf-8"))))


@dataclass
class Draft:
    rows: list[dict[str, object]]  # catalog rows, CATALOG_COLUMNS
    sets: list[tuple[str, str, str]]  # catalog_sets.csv rows
    assignments: list[tuple[str, int, int, str]]  # catalog_assignments.csv rows


def _slug(name: str) -> str:
    folded = unicodedata.normalize("NFD", name.lower().replace("đ", "d"))
    ascii_only = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "_", ascii_only).strip("_")


def build_draft(db: Path, area: str | None = None) -> Draft:
    require_warehouse(db)
    with duckdb.connect(str(db), read_only=True) as con:
        try:
            measures = con.execute("""
                select m.*, b.area_name
                from marts.dim_measures as m
                left join (select area_code, arg_max(area_name, loaded_at) as area_name
                           from raw.load_batches group by 1) as b using (area_code)
                where m.catalog_status = 'provisional' and (? is null or m.area_code = ?)
                order by m.area_code, m.period_start_year, m.sort_order
            """, [area, area]).fetchall()
            columns = [d[0] for d in con.description]
        except duckdb.CatalogException:
            raise WarehouseMissing(f"{db} has no marts: run `ktxh build` before `ktxh catalog draft`") from None
    records = [dict(zip(columns, r)) for r in measures]
    rows: dict[str, dict[str, object]] = {}
    periods: dict[str, set[tuple[int, int]]] = {}
    names: dict[str, str] = {}
    for m in records:
        periods.setdefault(m["area_code"], set()).add((m["period_start_year"], m["period_end_year"]))
        names[m["area_code"]] = m["area_name"] or m["area_code"]
    set_of = {a: f"{_slug(names[a])}_{min(p)[0]}_{max(p)[1]}" for a, p in periods.items()}
    for m in records:
        rows.setdefault(m["measure_code"], {
            "catalog_set": set_of[m["area_code"]], "measure_code": m["measure_code"],
            "indicator_no": m["indicator_no"], "parent_code": m["parent_measure_code"],
            "group_code": m["group_code"], "sort_order": m["sort_order"], "tt": m["tt"],
            "name_vi": m["measure_name"], "unit": m["unit"], "kind": m["kind"], "direction": m["direction"],
            "children_relation": m["children_relation"], "trong_do": "", "review_factor": m["review_factor"],
        })
    sets = [(s, f"Danh mục chỉ tiêu của {names[a]} (bản nháp từ ktxh catalog draft, cần rà soát)",
             f"{names[a]}'s indicators (drafted by ktxh catalog draft, to review)") for a, s in set_of.items()]
    assignments = [(a, start, end, set_of[a]) for a, p in periods.items() for start, end in sorted(p)]
    return Draft(rows=list(rows.values()), sets=sets, assignments=assignments)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def catalog_csv(draft: Draft) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CATALOG_COLUMNS)
    for row in draft.rows:
        writer.writerow([_cell(row.get(c)) for c in CATALOG_COLUMNS])
    return out.getvalue()


def _lines(rows) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def instructions(draft: Draft, out: Path | None) -> str:
    where = str(out) if out else "the rows above"
    return (
        f"{len(draft.rows)} provisional measures. Review {where}, then append them (without the header) to "
        f"seeds/indicator_catalog.csv,\nthese lines to seeds/catalog_sets.csv:\n{_lines(draft.sets)}"
        f"and these to seeds/catalog_assignments.csv:\n{_lines(draft.assignments)}"
        "then run `ktxh build`: the measures become confirmed, under the same codes."
    )
