"""Every model, seed and column is documented where analysts read it (COMMENTs in the
warehouse, written by dbt from one yml per folder, named for the folder)."""

from __future__ import annotations

from pathlib import Path

from ktxh import storage

from .conftest import copy_warehouse, query, run_cli

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


def test_a_build_drops_the_staging_and_intermediate_relations_no_model_makes(built_warehouse, tmp_path):
    """A warehouse built when stg_raw__appendix_rows was a view and int_report_dates a table
    (both now inlined into the models that read them) loses them at the next build."""
    db = copy_warehouse(built_warehouse, tmp_path / "ktxh.duckdb")
    with storage.connect(db) as con:
        con.execute("create view staging.stg_raw__appendix_rows as select * from raw.appendix_rows")
        con.execute("create table intermediate.int_report_dates as select batch_id from raw.load_batches")
    assert run_cli(db, "build", "--full") == 0
    left = query(db, "select table_schema || '.' || table_name from information_schema.tables "
                     "where table_schema in ('staging', 'intermediate') order by 1")
    assert "staging.stg_raw__appendix_rows" not in [name for (name,) in left]
    assert "intermediate.int_report_dates" not in [name for (name,) in left]
    assert ("intermediate.int_appendix_current",) in left and ("staging.stg_build_state__scope",) in left
