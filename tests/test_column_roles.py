"""The appendix's column roles have one definition (seeds/column_roles.csv), which Python and
dbt both read."""

from __future__ import annotations

import re

from ingest import appendix
from ktxh import column_roles

from .conftest import ANNUAL_REPORT, query


def test_ratio_roles_agree_with_the_printed_numbering_row():
    """The 2022 report numbers its columns '1 | 2 | 3 | 4 | 5 | 6 | 7=6/4 | 8=6/5 | 9 | 10=9/6'
    (line 777): every ratio role's terms are the columns that row names."""
    line = ANNUAL_REPORT.read_text(encoding="utf-8").splitlines()[776]
    formulas = dict((int(a), (int(b), int(c))) for a, b, c in re.findall(r"(\d+)=(\d+)/(\d+)", line))
    assert formulas == {7: (6, 4), 8: (6, 5), 10: (9, 6)}
    by_name = column_roles.BY_NAME
    got = {r.column_no: (by_name[r.numerator].column_no, by_name[r.denominator].column_no)
           for r in column_roles.ROLES if r.kind == "ratio"}
    assert got == formulas
    assert appendix.RATIO_TERMS == {"pct_of_prior": ("estimate", "prior_actual"), "pct_of_plan": ("estimate", "plan"),
                                    "next_plan_pct_of_estimate": ("next_plan", "estimate")}
    assert appendix.VALUE_ROLES == column_roles.ROLE_NAMES


def test_the_warehouse_reads_the_same_definition(built_warehouse):
    seeded = query(built_warehouse, "select column_role, column_no, role_kind from catalog.column_roles order by column_no")
    assert seeded == [(r.role, r.column_no, r.kind) for r in column_roles.ROLES]
    # the pivot of int_appendix_rows_matched has a column (and its _printed/_decimals) per role
    columns = {c for (c,) in query(built_warehouse, "select column_name from duckdb_columns() "
                                   "where schema_name = 'intermediate' and table_name = 'int_appendix_rows_matched'")}
    for role in column_roles.ROLE_NAMES:
        assert {role, f"{role}_printed", f"{role}_decimals"} <= columns
    # labels in findings come from the same file
    assert ("pct_of_plan", "ước TH so với KH (%)") in query(
        built_warehouse, "select distinct figure, figure_vi from checks.chk_printed_ratios")
