"""Benchmark: one new monthly report on a large warehouse, end to end, against a full rebuild.

Prints figures; asserts nothing (targets are read by people, not by the test suite).

    python bench/incremental.py                       # 12 provinces x 3 years x 4 reports
    python bench/incremental.py --provinces 20 --years 5

The warehouse is generated from the bundled Cao Bằng reports: every report for each province
(a folder named after its code) and year (the years in the text and the file name shifted),
with different bytes per province.  The new month is the September report of the last year
turned into an October report (its file name and its "tháng 9" / "9 tháng"), for the first
province.  Each step is a whole `ktxh` process, timed from outside, with its peak memory.
The full rebuild is `ktxh build --full`, `check --full` and an export to an empty folder of
the same warehouse; its tables are compared with the incremental path's.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BUNDLED = sorted((ROOT / "documents" / "04_cao-bang").glob("*.txt"))
# what the installed `ktxh` command runs (pyproject.toml: ktxh.cli:entry)
KTXH = [sys.executable, "-c", "from ktxh.cli import entry; entry()"]


def generate(folder: Path, provinces: int, years: int) -> tuple[int, list[str], int]:
    """The documents, one folder per province; returns (count, province codes, last year shift)."""
    from vietnam_provinces import Province

    codes = [f"{p.code:02d}" for p in Province.iter_all()][:provinces]
    count = 0
    for i, code in enumerate(codes):
        for shift in range(years):
            for source in BUNDLED:
                def year(m: re.Match) -> str:
                    return str(int(m.group(0)) + shift)

                text = re.sub(r"20(2[0-9])", year, source.read_text(encoding="utf-8"))
                name = re.sub(r"^20(2[0-9])", year, source.name)
                target = folder / f"{code}_province" / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text + "\n" * (1 + i), encoding="utf-8")  # other bytes, the same figures
                count += 1
    return count, codes, years - 1


def new_month(folder: Path, shift: int) -> Path:
    """The September report of the last year as an October report."""
    source = next(p for p in BUNDLED if p.name.startswith("2022-09"))
    text = re.sub(r"20(2[0-9])", lambda m: str(int(m.group(0)) + shift), source.read_text(encoding="utf-8"))
    text = text.replace("tháng 9", "tháng 10").replace("9 tháng", "10 tháng")
    target = folder / source.name.replace("2022-09", f"{2022 + shift}-10")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def step(name: str, argv: list[str], env: dict[str, str]) -> float:
    with tempfile.TemporaryFile("w+") as stdout, tempfile.TemporaryFile("w+") as stderr:
        start = time.perf_counter()
        proc = subprocess.Popen([*KTXH, *argv], env=env, cwd=ROOT, stdout=stdout, stderr=stderr, text=True)
        _, status, usage = os.wait4(proc.pid, 0)  # the process's own peak memory (dbt's child not included)
        seconds = time.perf_counter() - start
        stdout.seek(0)
        stderr.seek(0)
        out, err = stdout.read(), stderr.read()
    code = os.waitstatus_to_exitcode(status)
    how = next((line for line in out.splitlines()[::-1] if line.startswith(("built", "checks: validated", "kept"))), "")
    print(f"  {name:<26} {seconds:7.2f} s  exit {code}  peak {usage.ru_maxrss / 1024:5.0f} MB  {how[:110]}")
    if code not in (0, 1):
        print(err[-2000:], file=sys.stderr)
    return seconds


INCREMENTAL_MODELS = ("int_reported_figures", "int_monthly_figures", "fct_reported_figures", "fct_monthly_series",
                      "chk_monthly_gaps", "chk_monthly_outliers", "chk_unit_conversions")


def dbt_nodes(db: Path) -> str:
    """What dbt's last run spent its time on (its run_results.json)."""
    import json

    from ktxh import settings

    path = settings.dbt_work_dir(db) / "target" / "run_results.json"
    try:
        results = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "no run_results.json"
    nodes = results["results"]
    kinds: dict[str, int] = {}
    for node in nodes:
        kind = node["unique_id"].split(".")[0]
        kinds[kind] = kinds.get(kind, 0) + 1
    incremental = sum(n["execution_time"] for n in nodes if n["unique_id"].split(".")[-1] in INCREMENTAL_MODELS)
    return (f"dbt ran {len(nodes)} nodes ({', '.join(f'{v} {k}s' for k, v in sorted(kinds.items()))}) in "
            f"{results['elapsed_time']:.1f} s, {sum(n['execution_time'] for n in nodes):.1f} s of node time; "
            f"the {len(INCREMENTAL_MODELS)} incremental models {incremental:.2f} s")


def tables(db: Path) -> dict[str, list[tuple]]:
    """Every marts and checks table, rows sorted, doubles to 12 significant digits (a sum of doubles
    may differ in its last bits with the order DuckDB adds them in, in any two builds)."""
    with duckdb.connect(str(db), read_only=True) as con:
        names = con.sql("select table_schema || '.' || table_name from information_schema.tables "
                        "where table_schema in ('marts', 'checks') and table_type = 'BASE TABLE' order by 1").fetchall()
        return {n: sorted((tuple(float(f"{v:.12g}") if isinstance(v, float) else v for v in row)
                           for row in con.sql("select {} from {}".format(
                               ", ".join(f'"{c}"' for c in con.table(n).columns if c != "loaded_at"), n)).fetchall()),
                          key=repr) for (n,) in names}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--provinces", type=int, default=12)
    parser.add_argument("--years", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        n, codes, shift = generate(tmp_path / "docs", args.provinces, args.years)
        db = tmp_path / "wh" / "ktxh.duckdb"
        env = {**os.environ, "KTXH_DB": str(db), "KTXH_EXPORTS": str(tmp_path / "exports"),
               "KTXH_CHECKS_SITE": str(tmp_path / "site"), "DBT_WRITE_JSON": "true"}  # run_results.json for dbt_nodes
        print(f"Incremental month: {args.provinces} provinces x {args.years} years x {len(BUNDLED)} reports = {n} documents")
        print("first load (full):")
        full_first = sum(step(s, a, env) for s, a in (
            ("ingest", ["ingest", str(tmp_path / "docs")]), ("build", ["build"]), ("check", ["check"]),
            ("export", ["export"])))
        with duckdb.connect(str(db), read_only=True) as con:
            [(facts,)] = con.sql("select count(*) from raw.prose_facts").fetchall()
            [(rows,)] = con.sql("select count(*) from raw.appendix_rows").fetchall()
        print(f"  warehouse: {db.stat().st_size / 1e6:.1f} MB, {facts} prose figures, {rows} appendix rows; "
              f"first load {full_first:.1f} s")
        month = new_month(tmp_path / "new", shift)
        print(f"one new monthly report ({month.name}, province {codes[0]}):")
        incremental = step("ingest NEW", ["ingest", str(month), "--area", codes[0]], env)
        incremental += step("build", ["build"], env)
        print(f"    {dbt_nodes(db)}")
        incremental += sum(step(s, a, env) for s, a in (("check", ["check"]), ("export", ["export"])))
        print(f"  end to end: {incremental:.2f} s (target <= 8 s)")
        rebuilt = tmp_path / "rebuilt" / "ktxh.duckdb"
        rebuilt.parent.mkdir()
        shutil.copy2(db, rebuilt)
        env_full = {**env, "KTXH_DB": str(rebuilt), "KTXH_EXPORTS": str(tmp_path / "exports_full"),
                    "KTXH_CHECKS_SITE": str(tmp_path / "site_full")}
        print("the same warehouse rebuilt in full:")
        full = step("build --full", ["build", "--full"], env_full)
        print(f"    {dbt_nodes(rebuilt)}")
        full += sum(step(s, a, env_full) for s, a in (
            ("check --full", ["check", "--full"]), ("export (empty folder)", ["export"])))
        print(f"  full rebuild (build, check, export): {full:.2f} s; the new month took {incremental / full:.0%} of it")
        step_tables, full_tables = tables(db), tables(rebuilt)
        differ = sorted(n for n in step_tables.keys() | full_tables.keys() if step_tables.get(n) != full_tables.get(n))
        print(f"  marts and checks tables of the incremental path identical to the full rebuild: "
              f"{'yes' if not differ else 'NO: ' + ', '.join(differ)}")
        for name in differ[:3]:
            a, b = set(map(repr, step_tables.get(name, []))), set(map(repr, full_tables.get(name, [])))
            for row in sorted(a - b)[:2]:
                print(f"    {name} incremental only: {row[:400]}")
            for row in sorted(b - a)[:2]:
                print(f"    {name} full only: {row[:400]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
