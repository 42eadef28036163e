"""Incremental builds: after a month's new report, dbt recomputes only what it changed.

The warehouse remembers, in schema ``build_state``, what its marts were last built from: the
batches (``built``: batch id and province) and a fingerprint of the dbt project (models,
macros, seeds, generic tests, dbt_project.yml, profiles.yml, the values of the environment
variables the models read, the dbt versions).  Before dbt runs, :func:`plan` compares them
with the warehouse now:

* **full**: no marts yet, no state, or the project's fingerprint changed (a model, a seed or a
  setting was edited): ``dbt build --full-refresh``, every node but the unit tests (the test
  suite runs those) and the seeds, which ktxh loads itself just before (``ktxh.seeds``);
* **incremental**: the provinces whose batches were added, replaced or removed since the last
  build (``stg_build_state__scope`` derives them in SQL from ``raw.load_batches`` and
  ``built``, so a ``dbt build`` run on its own after ``ktxh ingest`` recomputes them too;
  :func:`changed_areas` is the same query for ktxh's plan and message); ``dbt build`` runs only the nodes downstream of the raw
  sources (no seeds, no unit tests, no views: their definitions are unchanged), and the
  incremental models (the prose figures ``int_reported_figures`` and ``int_monthly_figures``,
  the marts and checks made from them, keyed by province: ``macros/incremental.sql``) delete
  and insert those provinces' rows only; the other tables are rebuilt whole. When no changed
  batch has (or had) appendix rows (a month's report), the appendix side's models, which read
  the batches only joined to their rows, are left as they are too (``PROSE_SELECTION``);
* **nothing** to do: the same batches and the same project: dbt is not run.

Only the models whose rows for a province depend on that province's documents alone are
incremental: the appendix side reads the provisional measures, described from the latest
document of any province (``int_provisional_measures``), and is rebuilt whole (it is small).
tests/test_incremental.py builds the same documents in two steps and at once and compares
every table.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import duckdb

from ktxh import settings

SCHEMA = "build_state"
PROJECT_PARTS = ("models", "macros", "seeds", "tests/dbt", "dbt_project.yml", "profiles.yml")
_ENV_VAR = re.compile(r"env_var\(\s*['\"]([A-Z0-9_]+)['\"]")
# in an incremental build: what dbt runs (the views' definitions are those of the last full build)
_NOT_AGAIN = ["--exclude", "resource_type:seed", "resource_type:unit_test", "config.materialized:view"]
INCREMENTAL_SELECTION = ["--select", "source:raw+", "source:build_state+", *_NOT_AGAIN]
# ... when no changed batch has (or had) appendix rows: the appendix side reads the batches only
# joined to their rows, so only what reads the prose figures, or lists every batch (the report
# dates), can change; the batches' own tests run too
PROSE_SELECTION = ["--select", "source:raw.prose_facts+", "stg_raw__load_batches", "int_report_dates+",
                   "source:build_state+", *_NOT_AGAIN]

# a full build whose seeds ktxh loaded (ktxh/seeds.py): all but the seeds and the unit tests
SEEDED_SELECTION = ["--select", "resource_type:model", "resource_type:test", "--exclude", "resource_type:unit_test"]

DDL = f"""
create schema if not exists {SCHEMA};
drop table if exists {SCHEMA}.scope;
create table if not exists {SCHEMA}.built (batch_id varchar, area_code varchar);
alter table {SCHEMA}.built add column if not exists has_appendix boolean;
create table if not exists {SCHEMA}.project (fingerprint varchar);
comment on table {SCHEMA}.built is 'The batches (document versions) the marts were last built from, with their province.';
comment on column {SCHEMA}.built.has_appendix is 'Whether the batch has appendix rows (if not, adding or removing it leaves the appendix side as it is).';
comment on table {SCHEMA}.project is 'Fingerprint of the dbt project the marts were last built with; another one means a full build.';
"""


def ensure(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(DDL)


def project_fingerprint(project: Path | None = None) -> str:
    project = Path(project or settings.PROJECT_DIR)
    digest = hashlib.sha256()
    for name in ("dbt-core", "dbt-duckdb", "duckdb"):
        digest.update(f"{name}={metadata.version(name)};".encode())
    names: set[str] = set()
    for part in PROJECT_PARTS:
        root = project / part
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root] if root.is_file() else []
        for path in files:
            data = path.read_bytes()
            digest.update(f"{path.relative_to(project).as_posix()}:{len(data)}:".encode())
            digest.update(data)
            names.update(_ENV_VAR.findall(data.decode("utf-8", "replace")))
    # where the warehouse is, and where ktxh run's checks ahead are copied, do not change what is in it
    for name in sorted(names - {"KTXH_DB", "KTXH_CHECKS_AHEAD"}):
        digest.update(f"{name}={os.environ.get(name)!r};".encode())
    return digest.hexdigest()


@dataclass
class BuildPlan:
    kind: str                      # full | incremental | nothing
    areas: list[str] = field(default_factory=list)
    reason: str = ""
    appendix_changed: bool = True  # incremental: a changed batch has (or had) appendix rows
    seeded: bool = False           # full: ktxh loaded the seeds itself (ktxh.seeds)

    def dbt_args(self) -> list[str]:
        # dbt's artifacts (manifest.json twice, run_results.json: about 0,5 s) are read by no one
        # but bench/benchmark.py, which sets dbt's own DBT_WRITE_JSON=true; partial parsing keeps
        # its own state file either way
        quiet = [] if os.environ.get("DBT_WRITE_JSON", "").lower() in ("1", "true") else ["--no-write-json"]
        if self.kind == "full":
            # dbt's unit tests check the models' logic on fixed inputs, not the data: they are
            # run by the test suite (tests/test_dbt_unit_tests.py), not by every build (~1 s each)
            if self.seeded:  # the models, and every data test (the seeds' too)
                return ["build", *quiet, "--full-refresh", *SEEDED_SELECTION]
            return ["build", *quiet, "--full-refresh", "--exclude", "resource_type:unit_test"]
        return ["build", *quiet, *(INCREMENTAL_SELECTION if self.appendix_changed else PROSE_SELECTION)]


def _exists(con: duckdb.DuckDBPyConnection, schema: str, table: str | None = None) -> bool:
    [(n,)] = con.execute("select count(*) from information_schema.tables where table_schema = ? "
                         "and (? is null or table_name = ?)", [schema, table, table]).fetchall()
    return n > 0


def kind_of_build(con: duckdb.DuckDBPyConnection) -> tuple[str, str]:
    """Whether the next build can be incremental, read before the documents are written (a
    read-only connection will do): ('full', why) or ('incremental', '')."""
    if not _exists(con, "marts"):
        return "full", "no marts yet"
    stored = con.sql(f"select fingerprint from {SCHEMA}.project").fetchall() if _exists(con, SCHEMA, "project") else []
    if not stored:
        return "full", "no record of the last build"
    if stored[0][0] != project_fingerprint():
        return "full", "the dbt project (models, seeds, macros or their settings) changed since the last build"
    return "incremental", ""


def changed_areas(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Provinces with a batch added, replaced or removed since the last build."""
    return [a for (a,) in con.sql(f"""
        select distinct area_code from (
            (select batch_id, area_code from raw.load_batches except select batch_id, area_code from {SCHEMA}.built)
            union all
            (select batch_id, area_code from {SCHEMA}.built except select batch_id, area_code from raw.load_batches)
        ) order by area_code""").fetchall()]


def appendix_changed(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether a batch added since the last build has appendix rows, or a removed one had (a
    batch recorded before this was known counts as having had)."""
    [(changed,)] = con.sql(f"""
        select exists (
            select 1 from raw.load_batches as b
            where b.batch_id not in (select batch_id from {SCHEMA}.built)
                and (exists (select 1 from raw.appendix_rows as r where r.batch_id = b.batch_id)
                     or exists (select 1 from raw.appendix_cells as c where c.batch_id = b.batch_id))
        ) or exists (
            select 1 from {SCHEMA}.built
            where batch_id not in (select batch_id from raw.load_batches) and coalesce(has_appendix, true)
        )""").fetchall()
    return changed


def plan(con: duckdb.DuckDBPyConnection, kind: str | None = None) -> BuildPlan:
    """What the build of the warehouse on ``con`` must do.

    ``kind`` is what :func:`kind_of_build` said before the documents were written (a build
    that started as full stays full)."""
    ensure(con)
    kind, reason = (kind, "") if kind == "full" else kind_of_build(con)
    if kind == "full":
        return BuildPlan("full", reason=reason)
    areas = changed_areas(con)
    if not areas:
        return BuildPlan("nothing", reason="no document was loaded, replaced or removed since the last build")
    return BuildPlan("incremental", areas=areas, appendix_changed=appendix_changed(con))


def record(con: duckdb.DuckDBPyConnection) -> None:
    """After a successful build: what it was built from."""
    ensure(con)
    con.execute("begin")
    con.execute(f"delete from {SCHEMA}.built")
    con.execute(f"""insert into {SCHEMA}.built (batch_id, area_code, has_appendix)
        select batch_id, area_code, batch_id in (select batch_id from raw.appendix_rows) from raw.load_batches""")
    con.execute(f"delete from {SCHEMA}.project")
    con.execute(f"insert into {SCHEMA}.project values (?)", [project_fingerprint()])
    con.execute("commit")
