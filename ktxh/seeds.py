"""The catalog seeds, loaded by ktxh itself before a full dbt build, as dbt-duckdb loads them.

dbt-duckdb loads a seed with two statements: ``create table`` with the columns of the CSV's
header and the types of the seed's ``+column_types`` (dbt_project.yml), then DuckDB's own
``COPY ... FROM '<file>' (FORMAT CSV, HEADER TRUE, DELIMITER ',')``.  Around them dbt spends
60-100 ms of its own Python per seed, and a ``dbt build`` makes every model downstream wait
for the seeds' tests: 12 seeds were about a third of the time before the first intermediate
model started.  So a full build made by ktxh runs the same two statements for every seed, in
one transaction, into the same relations (``catalog.<seed>``), then dbt builds only the models
and runs every data test (those of the seeds too): ``dbt_args(seeded=True)`` in
``ktxh.incremental``.  A standalone ``dbt build`` seeds as usual.

Only a plain seed is loaded here: every column typed in ``+column_types`` (else dbt infers
types from the rows) and no other seed setting (delimiter, alias, quoting, ...); if any seed is
not plain, :func:`load` loads nothing and dbt seeds them all.  tests/test_seeds.py compares the
tables with those of ``dbt seed``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import duckdb
import yaml

from ktxh import settings


@dataclass
class Seed:
    name: str
    path: Path
    columns: list[tuple[str, str]]  # (name, DuckDB type) in the header's order


def plain_seeds(project: Path | None = None) -> tuple[str, list[Seed]] | None:
    """The schema and the seeds of the project, or None when one of them is not plain."""
    project = Path(project or settings.PROJECT_DIR)
    config = yaml.safe_load((project / "dbt_project.yml").read_text(encoding="utf-8"))
    if config.get("seed-paths", ["seeds"]) != ["seeds"]:
        return None
    settings_of = dict((config.get("seeds") or {}).get(config["name"]) or {})
    schema = settings_of.pop("+schema", None)
    if not schema or any(key.startswith("+") for key in settings_of):
        return None
    seeds = []
    for path in sorted((project / "seeds").rglob("*.csv")):
        own = settings_of.pop(path.stem, None) or {}
        types = own.get("+column_types") or {}
        if path.parent != project / "seeds" or set(own) - {"+column_types"}:
            return None
        with open(path, encoding="utf-8-sig", newline="") as f:
            header = next(csv.reader(f), [])
        if not header or set(header) != set(types):
            return None
        seeds.append(Seed(path.stem, path, [(name, types[name]) for name in header]))
    if settings_of:  # settings of a seed that has no file
        return None
    return schema, seeds


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def load(con: duckdb.DuckDBPyConnection, project: Path | None = None) -> bool:
    """Load every seed into ``<schema>.<seed>`` (replacing it), in one transaction; False (and
    nothing loaded) when a seed is not plain, for dbt to seed them."""
    found = plain_seeds(project)
    if found is None:
        return False
    schema, seeds = found
    con.execute("begin")
    try:
        con.execute(f"create schema if not exists {_quoted(schema)}")
        for seed in seeds:
            table = f"{_quoted(schema)}.{_quoted(seed.name)}"
            columns = ",".join(f"{_quoted(name)} {kind}" for name, kind in seed.columns)
            con.execute(f"create or replace table {table} ({columns})")
            path = str(seed.path.resolve()).replace("'", "''")
            con.execute(f"COPY {table} FROM '{path}' (FORMAT CSV, HEADER TRUE, DELIMITER ',')")
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return True
