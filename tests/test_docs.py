"""Every model, seed and column is documented where analysts read it (COMMENTs in the
warehouse, written by dbt from one yml per folder, named for the folder)."""

from __future__ import annotations

from pathlib import Path

from .conftest import query

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = "('staging', 'intermediate', 'marts', 'checks', 'catalog')"


def test_one_yml_per_folder_named_for_it():
    for folder in [*sorted((ROOT / "models").iterdir()), ROOT / "seeds"]:
        if folder.is_dir():
            assert sorted(p.name for p in folder.glob("*.yml")) == [f"_{folder.name}.yml"], folder


def test_every_relation_and_column_has_a_comment(built_warehouse):
    relations = query(built_warehouse, f"""
        select schema_name, table_name, comment from duckdb_tables() where schema_name in {SCHEMAS}
        union all
        select schema_name, view_name, comment from duckdb_views() where schema_name in {SCHEMAS}""")
    assert len(relations) >= 30
    assert [(s, t) for s, t, comment in relations if not (comment or "").strip()] == []
    undocumented = query(built_warehouse, f"""
        select table_name || '.' || column_name from duckdb_columns()
        where schema_name in {SCHEMAS} and coalesce(trim(comment), '') = '' order by 1""")
    assert undocumented == []
