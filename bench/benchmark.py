"""Benchmark: wall time and peak memory of each stage, on the bundled reports and on the national set.

Prints figures; asserts nothing (targets are read by people, not by the test suite).

    make bench                                    # bundled + national (34 provinces x 10 years)
    python bench/benchmark.py --provinces 6 --years 2 --pairs 3
    python bench/benchmark.py --national 0        # the bundled reports only

Every stage is a whole ``ktxh`` process, as a user runs it. Memory: the peak of the sum of the
resident memory of the command's process tree (sampled every 0,1 s), and in brackets the largest
single process's peak. Yardsticks, measured in the same run:

* the fixed floor: ``dbt build`` of an empty dbt-duckdb project, taken right before and after each
  bundled ``ktxh run`` (the ratio is to the mean of the two);
* ingest: a bulk load of the same raw rows (Parquet -> a fresh DuckDB file);
* the main mart: fct_plan_attainment's figures as one hand-written DuckDB statement over raw and
  the catalog, against the time dbt spent on the models that make it (run_results.json).

The national set (bench/national.py) is made from the bundled documents: per province and year one
appendix table (.txt, .csv or .xlsx) and twelve monthly reports (.txt, .md or .html).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import measure  # noqa: E402
import national  # noqa: E402

# what the installed `ktxh` command runs (pyproject.toml: ktxh.cli:entry)
KTXH = [sys.executable, "-c", "from ktxh.cli import entry; entry()"]
# the models that make marts.fct_plan_attainment from raw and the catalog
MART_CHAIN = ("stg_raw__load_batches", "stg_raw__appendix_rows", "stg_raw__appendix_cells", "stg_catalog__measures",
              "stg_catalog__name_variants", "stg_catalog__areas", "stg_catalog__assignments", "int_measures",
              "int_appendix_rows_matched", "int_appendix_current", "int_plan_attainment", "fct_plan_attainment")


def _env(db: Path, exports: Path) -> dict[str, str]:
    return {**os.environ, "KTXH_DB": str(db), "KTXH_EXPORTS": str(exports), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}


def line(name: str, m: measure.Measured, extra: str = "") -> None:
    status = "" if m.exit_code in (0, 1) else f"   EXIT {m.exit_code}"
    print(f"  {name:<24} {m.seconds:7.2f} s   peak {m.tree_peak_mb:6.0f} MB ({m.process_peak_mb:.0f}){status}{extra}")
    if m.exit_code not in (0, 1):
        print("    " + m.output.strip().replace("\n", "\n    ")[-2000:])


def ktxh(args: list[str], env: dict[str, str]) -> measure.Measured:
    return measure.run([*KTXH, *args], env=env)


def empty_dbt_build(folder: Path) -> measure.Measured:
    """``dbt build`` of an empty dbt-duckdb project, as a whole process (the same project each time)."""
    if not (folder / "dbt_project.yml").exists():
        (folder / "models").mkdir(parents=True)
        (folder / "dbt_project.yml").write_text(
            'name: empty\nversion: "1.0"\nconfig-version: 2\nprofile: empty\nmodel-paths: ["models"]\n')
        (folder / "profiles.yml").write_text(
            f"empty:\n  target: local\n  outputs:\n    local:\n      type: duckdb\n      path: '{folder / 'empty.duckdb'}'\n")
    return measure.run([sys.executable, "-c", "from dbt.cli.main import cli; cli()", "build", "--project-dir",
                        str(folder), "--profiles-dir", str(folder), "--quiet"], cwd=folder,
                       env={**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"})


def bulk_load(db: Path, folder: Path) -> float:
    """The same raw rows, bulk loaded from Parquet into a fresh DuckDB file (seconds)."""
    import duckdb

    folder.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(db), read_only=True) as con:
        tables = [t for (t,) in con.sql("select table_name from duckdb_tables() where schema_name = 'raw'").fetchall()]
        for table in tables:
            con.execute(f"copy raw.{table} to '{folder / table}.parquet' (format parquet)")
    start = time.perf_counter()
    with duckdb.connect(str(folder / "bulk.duckdb")) as con:
        con.execute("create schema raw")
        for table in tables:
            con.execute(f"create table raw.{table} as select * from read_parquet('{folder / table}.parquet')")
    return time.perf_counter() - start


HAND_MART = """
with latest as (
    select batch_id, area_code, plan_year from raw.load_batches where plan_year is not null
    qualify row_number() over (partition by area_code, plan_year order by report_date desc nulls last, loaded_at desc) = 1
),
cells as (
    select batch_id, row_order,
        max(value) filter (where column_role = 'prior_actual') as prior_actual,
        max(value_low) filter (where column_role = 'plan') as plan_low,
        max(value_high) filter (where column_role = 'plan') as plan_high,
        max(value) filter (where column_role = 'estimate') as estimate,
        max(value) filter (where column_role = 'next_plan') as next_plan,
        max(value) filter (where column_role = 'pct_of_plan') as printed_pct_of_plan
    from raw.appendix_cells semi join latest using (batch_id)
    group by all
),
names as (
    select measure_code, name_vi as name, kind, direction from catalog.indicator_catalog
    union all
    select v.measure_code, v.name_variant, c.kind, c.direction
    from catalog.measure_name_variants as v join catalog.indicator_catalog as c using (measure_code)
),
keyed as (
    select distinct on (k) trim(regexp_replace(replace(strip_accents(lower(nfc_normalize(name))), 'đ', 'd'),
        '[^a-z0-9%]+', ' ', 'g')) as k, measure_code, kind, direction from names
)
select latest.area_code, latest.plan_year, rows.row_order, rows.name, rows.unit,
    coalesce(keyed.measure_code, 'p' || latest.area_code || '_' || rows.row_order) as measure_code,
    cells.prior_actual, cells.plan_low, cells.plan_high, cells.estimate, cells.next_plan,
    100 * cells.estimate / nullif(cells.prior_actual, 0) as pct_of_prior,
    100 * cells.estimate / nullif(cells.plan_low, 0) as pct_of_plan,
    case when keyed.kind in ('rate', 'growth_rate') then cells.estimate - cells.plan_low end as pp_vs_plan,
    case when cells.estimate is null or cells.plan_low is null then 'not_assessed'
         when coalesce(keyed.direction, 'higher') = 'higher' and cells.estimate >= cells.plan_low then 'met'
         when keyed.direction = 'lower' and cells.estimate <= cells.plan_high then 'met'
         else 'missed' end as status
from raw.appendix_rows as rows
join latest using (batch_id)
join cells using (batch_id, row_order)
left join keyed on keyed.k = trim(regexp_replace(replace(strip_accents(lower(nfc_normalize(rows.name))), 'đ', 'd'),
    '^\\s*(trong do|tr\\.?\\s*do)\\s*:?\\s*', ''))
"""


def hand_mart(db: Path) -> tuple[float, int, int]:
    """Seconds of the hand-written mart (materialised into a copy), its rows, and fct_plan_attainment's rows."""
    import duckdb

    copy = db.with_name("hand_mart.duckdb")
    shutil.copy2(db, copy)
    with duckdb.connect(str(copy)) as con:
        start = time.perf_counter()
        con.execute(f"create table main.hand_plan_attainment as {HAND_MART}")
        seconds = time.perf_counter() - start
        (rows,) = con.execute("select count(*) from main.hand_plan_attainment").fetchone()
        (dbt_rows,) = con.execute("select count(*) from marts.fct_plan_attainment").fetchone()
    copy.unlink()
    return seconds, rows, dbt_rows


def dbt_nodes() -> dict[str, float]:
    """Execution time per node of dbt's last run (target/run_results.json of the clone)."""
    path = ROOT / "target" / "run_results.json"
    if not path.exists():
        return {}
    results = json.loads(path.read_text(encoding="utf-8"))["results"]
    return {r["unique_id"]: r["execution_time"] for r in results}


def bundled(tmp: Path, pairs: int) -> None:
    print("Bundled reports (4 documents), each stage a whole process:")
    env = _env(tmp / "bundled.duckdb", tmp / "exports")
    for stage in (["ingest", str(ROOT / "documents")], ["build"], ["check"], ["export"], ["report"]):
        # dbt writes run_results.json (read below for the node times) only when asked to
        line(stage[0], ktxh(stage, {**env, "DBT_WRITE_JSON": "true"} if stage == ["build"] else env))
    nodes = dbt_nodes()
    kinds: dict[str, list[float]] = {}
    for unique_id, seconds in nodes.items():
        kinds.setdefault(unique_id.split(".")[0], []).append(seconds)
    print("  dbt nodes of the build: " + ", ".join(f"{len(v)} {k}s {sum(v):.2f} s" for k, v in sorted(kinds.items())))

    print(f"Fixed floor, paired ({pairs} pairs; a fresh warehouse for each `ktxh run`):")
    empty = tmp / "empty_project"
    empty_dbt_build(empty)  # the empty project's own first parse is not part of the yardstick
    ratios = []
    before = empty_dbt_build(empty)
    for i in range(pairs):
        db = tmp / f"paired_{i}.duckdb"
        run = ktxh(["run"], _env(db, tmp / f"exports_{i}"))
        after = empty_dbt_build(empty)
        floor = (before.seconds + after.seconds) / 2
        ratios.append(run.seconds / floor)
        line(f"run {i + 1}", run, f"   empty dbt build {before.seconds:.2f} / {after.seconds:.2f} s: {ratios[-1]:.2f}x")
        before = after
    print(f"  bundled ktxh run = {sorted(ratios)[len(ratios) // 2]:.2f}x an empty dbt-duckdb build (median of {pairs})")
    again = ktxh(["run"], _env(tmp / f"paired_{pairs - 1}.duckdb", tmp / "exports_again"))
    line("run again (same file)", again, "   the same documents: nothing to rebuild")


def national_set(tmp: Path, provinces: int, years: int, months: int) -> None:
    start = time.perf_counter()
    made = national.generate(tmp / "national", provinces, years, months)
    print(f"National set: {provinces} provinces x {years} years = {made.appendix_tables} appendix tables and "
          f"{made.monthly_reports} monthly reports ({made.bytes / 1e6:.0f} MB, made in "
          f"{time.perf_counter() - start:.0f} s):")
    db = tmp / "national.duckdb"
    env = _env(db, tmp / "national_exports")
    # memory flat in the number of documents: one province's documents first, then all of them
    first = sorted(p for p in made.folder.iterdir() if p.is_dir())[0]
    few = ktxh(["ingest", str(first)], _env(tmp / "one_province.duckdb", tmp / "one_province_exports"))
    few_docs = sum(1 for p in first.rglob("*") if p.is_file())
    line(f"ingest of {few_docs} documents", few, f"   (one province: peak memory against the whole set's, below)")
    load = os.getloadavg()[0]
    ingest = ktxh(["ingest", str(made.folder)], env)
    line("ingest", ingest, f"   {made.documents / ingest.seconds:.1f} documents/s; CPU {ingest.cpu_seconds:.0f} s over "
                           f"all its processes ({ingest.cpu_seconds / made.documents * 1000:.0f} ms a document); "
                           f"load average {load:.1f} before, {os.getloadavg()[0]:.1f} after")
    if ingest.exit_code != 0:
        return
    bulk = bulk_load(db, tmp / "bulk")
    print(f"  yardstick: bulk load of the same raw rows {bulk:.2f} s; ingest = {ingest.seconds / bulk:.0f}x")
    build = ktxh(["build"], {**env, "DBT_WRITE_JSON": "true"})
    line("build", build)
    nodes = dbt_nodes()
    chain = sum(t for uid, t in nodes.items() if uid.split(".")[-1] in MART_CHAIN and uid.startswith("model."))
    seconds, rows, dbt_rows = hand_mart(db)
    print(f"  yardstick: the main mart as one DuckDB statement {seconds:.2f} s ({rows} rows; fct_plan_attainment "
          f"{dbt_rows}); dbt's {len(MART_CHAIN)} models for it {chain:.2f} s = {chain / seconds:.1f}x, "
          f"the whole build {build.seconds / seconds:.0f}x")
    line("check", ktxh(["check"], env))
    line("export", ktxh(["export"], env))
    line("report", ktxh(["report"], env))
    print(f"  warehouse file: {db.stat().st_size / 1e6:.0f} MB")
    # one new month: the first province's next monthly report, end to end (`ktxh run` of it)
    target = national.new_month(tmp / "new_month", years)
    line("one new month (run)", ktxh(["run", str(target)], env), "   ingest + build + check + export + report")
    # the same warehouse rebuilt in full must give the same marts and checks tables
    import incremental as incremental_bench  # bench/incremental.py

    rebuilt = tmp / "national_rebuilt.duckdb"
    shutil.copy2(db, rebuilt)
    full_env = _env(rebuilt, tmp / "national_exports_full")
    line("  the same, build --full", ktxh(["build", "--full"], full_env))
    line("  the same, check --full", ktxh(["check", "--full"], full_env))
    month, full = incremental_bench.tables(db), incremental_bench.tables(rebuilt)
    differ = sorted(n for n in month.keys() | full.keys() if month.get(n) != full.get(n))
    print(f"  the month's marts and checks tables identical to a full rebuild: "
          f"{'yes' if not differ else 'NO: ' + ', '.join(differ)} ({len(month)} tables)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--provinces", type=int, default=34, help="national set: provinces (0: none)")
    parser.add_argument("--years", type=int, default=10, help="national set: plan years (ending 2024)")
    parser.add_argument("--months", type=int, default=12, help="national set: monthly reports a year")
    parser.add_argument("--pairs", type=int, default=3, help="paired runs against the empty dbt build")
    parser.add_argument("--national", type=int, default=1, help="0: the bundled reports only")
    parser.add_argument("--bundled", type=int, default=1, help="0: the national set only")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
        if args.bundled:
            bundled(tmp_path, args.pairs)
        if args.national and args.provinces:
            national_set(tmp_path, args.provinces, args.years, args.months)
    return 0


if __name__ == "__main__":
    sys.exit(main())
