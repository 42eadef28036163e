"""The `column_values` generic test (tests/dbt/generic/column_values.sql): dbt's not_null,
unique, accepted_values and unique_combination for many columns of a relation in one dbt node. A clean build
passes it (every `ktxh build` runs it); here it must fail on a warehouse with bad values, and
name the column, the rule and the value."""

from __future__ import annotations

import pytest

from ktxh import storage, warehouse
from ktxh.errors import BuildFailed

from .conftest import copy_warehouse, query


def test_column_values_names_each_bad_column(built_warehouse, tmp_path):
    db = copy_warehouse(built_warehouse, tmp_path / "ktxh.duckdb")
    with storage.connect(db) as con:
        # GRDP per capita 2022 (KH 40,30, ước TH 39,48: missed) given a status no rule knows,
        # and the row of the unemployment rate without its document
        con.execute("update marts.fct_plan_attainment set status = 'bogus' "
                    "where measure_code = 'grdp_per_capita' and plan_year = 2022 and estimate = 39.48")
        con.execute("update marts.fct_plan_attainment set document = null "
                    "where measure_code = 'urban_unemployment_rate' and plan_year = 2022")
        # and the row of GRDP growth (8,00 planned, 5,55 estimated) printed twice
        con.execute("insert into marts.fct_plan_attainment select * from marts.fct_plan_attainment "
                    "where measure_code = 'grdp_growth' and plan_year = 2022 and estimate = 5.55")
    with pytest.raises(BuildFailed):
        warehouse.dbt(["test", "--select", "fct_plan_attainment,test_name:column_values", "--store-failures"], db)
    (schema, table), = query(db, "select schema_name, table_name from duckdb_tables() "
                                 "where table_name = 'column_values_fct_plan_attainment'")
    failures = query(db, f'select column_name, rule, failing_value, n_rows from "{schema}"."{table}" order by 1')
    assert failures == [("area_code, plan_year, measure_code", "unique_combination", "04 | 2022 | grdp_growth", 2),
                        ("document", "not_null", None, 1), ("status", "accepted_values", "bogus", 1)]
