"""Every table and column of every schema is described in the warehouse itself (COMMENTs)."""

from __future__ import annotations

from .conftest import query

SCHEMAS = ("raw", "catalog", "staging", "intermediate", "marts", "checks")
# Columns of raw, catalog, marts and checks.findings here; the columns of staging, intermediate and the
# checks' working models (chk_*) are asserted by tests/test_docs.py (issue 14, one yml per folder), so
# every schema's columns are covered by the two files together.
FULLY_DOCUMENTED = ("raw", "catalog", "marts")


def undocumented(db) -> list[str]:
    relations = query(db, f"""
        select schema_name || '.' || table_name from duckdb_tables()
        where schema_name in {FULLY_DOCUMENTED + ("checks",)} and coalesce(trim(comment), '') = ''
        union all
        select schema_name || '.' || view_name from duckdb_views()
        where not internal and schema_name in {FULLY_DOCUMENTED + ("checks",)}
          and coalesce(trim(comment), '') = ''""")
    columns = query(db, f"""
        select schema_name || '.' || table_name || '.' || column_name from duckdb_columns()
        where (schema_name in {FULLY_DOCUMENTED} or (schema_name = 'checks' and table_name = 'findings'))
          and coalesce(trim(comment), '') = '' order by all""")
    return sorted(r for (r,) in relations + columns)


def test_every_table_and_column_has_a_comment(checked_warehouse):
    schemas = {s for (s,) in query(checked_warehouse, "select distinct schema_name from duckdb_columns()")}
    assert set(SCHEMAS) <= schemas
    assert undocumented(checked_warehouse) == []


def test_raw_comments_come_from_the_ddl(checked_warehouse):
    [(comment,)] = query(checked_warehouse, "select comment from duckdb_columns() where schema_name = 'raw' "
                                            "and table_name = 'appendix_cells' and column_name = 'decimals'")
    assert comment == "decimals printed (the most of a range's two ends); null for 'duy trì'"
