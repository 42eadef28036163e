"""The seeds ktxh loads itself before a full build (ktxh/seeds.py) are the tables dbt's seed makes."""

from __future__ import annotations

import shutil

import duckdb

from ktxh import seeds, warehouse
from ktxh.incremental import BuildPlan

from .conftest import PROJECT, query


def _tables(db) -> dict[str, tuple[list, list]]:
    """Each catalog table's columns (name, type, in order) and rows (sorted)."""
    with duckdb.connect(str(db), read_only=True) as con:
        names = [t for (t,) in con.sql("select table_name from duckdb_tables() where schema_name = 'catalog' order by 1").fetchall()]
        return {name: (con.sql(f"select column_name, data_type from duckdb_columns() where schema_name = 'catalog' "
                               f"and table_name = '{name}' order by column_index").fetchall(),
                       con.sql(f"select * from catalog.{name} order by all").fetchall())
                for name in names}


def test_every_seed_of_the_project_is_loaded_by_ktxh():
    schema, found = seeds.plain_seeds()
    assert schema == "catalog"
    assert sorted(s.name for s in found) == sorted(p.stem for p in (PROJECT / "seeds").glob("*.csv"))
    areas = next(s for s in found if s.name == "areas")
    assert areas.columns[:3] == [("area_code", "varchar"), ("area_name", "varchar"), ("valid_from", "date")]


def test_the_same_tables_as_dbt_seed(tmp_path):
    by_ktxh, by_dbt = tmp_path / "by_ktxh.duckdb", tmp_path / "by_dbt.duckdb"
    with duckdb.connect(str(by_ktxh)) as con:
        assert seeds.load(con)
    duckdb.connect(str(by_dbt)).close()
    warehouse.dbt(["seed", "--full-refresh", "--no-write-json"], by_dbt)
    ours, theirs = _tables(by_ktxh), _tables(by_dbt)
    assert len(ours) == 12 and ours == theirs
    # real rows of each kind of column: Cao Bằng's code and dates (an empty cell is null), a factor
    assert query(by_ktxh, "select area_name, valid_from::varchar, valid_to::varchar, era from catalog.areas "
                          "where area_code = '04' order by valid_from") == [
        ("Cao Bằng", "2008-08-01", "2025-06-30", "63_provinces"), ("Cao Bằng", "2025-07-01", None, "34_provinces")]
    [(name, factor)] = query(by_ktxh, "select name_vi, review_factor from catalog.indicator_catalog "
                                      "where measure_code = 'grdp_growth'")
    assert (name, factor) == ("Tốc độ tăng trưởng GRDP", 3.0)


def test_a_seed_dbt_must_type_is_left_to_dbt(tmp_path):
    project = tmp_path / "project"
    (project / "seeds").mkdir(parents=True)
    shutil.copy(PROJECT / "dbt_project.yml", project / "dbt_project.yml")
    for path in (PROJECT / "seeds").glob("*.csv"):
        shutil.copy(path, project / "seeds" / path.name)
    (project / "seeds" / "untyped.csv").write_text("code,value\na,1\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    with duckdb.connect(str(db)) as con:
        assert seeds.plain_seeds(project) is None
        assert seeds.load(con, project) is False
        assert con.execute("select count(*) from duckdb_tables() where schema_name = 'catalog'").fetchall() == [(0,)]


def test_a_full_build_runs_no_seed_when_ktxh_loaded_them():
    assert BuildPlan("full").dbt_args()[-2:] == ["--exclude", "resource_type:unit_test"]  # seeds and all
    assert BuildPlan("full", seeded=True).dbt_args()[-5:] == [
        "--select", "resource_type:model", "resource_type:test", "--exclude", "resource_type:unit_test"]
