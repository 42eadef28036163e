"""Benchmark: wall time and peak memory of each stage, on the bundled reports and at scale.

Prints figures; asserts nothing (targets are read by people, not by the test suite).

    make bench                      # bundled reports + 34 provinces x 5 years of appendix tables
    python bench/benchmark.py --provinces 10 --years 3

The synthetic load re-uses the real 2022 appendix with its years shifted and its figures
scaled, one report per province and year, each in a folder named after the province code.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vietnam_provinces import Province  # noqa: E402

from ktxh import cli  # noqa: E402

REPORT = ROOT / "documents" / "04_cao-bang" / "2022-11_bao-cao-kt-xh-2022-phuong-huong-2023.txt"


def peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def stage(name: str, argv: list[str]) -> float:
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        code = cli.main(argv)
    seconds = time.perf_counter() - start
    own, children = peak_mb()
    print(f"  {name:<10} {seconds:7.2f} s   exit {code}   peak RSS: ktxh {own:6.0f} MB, dbt {children:6.0f} MB")
    return seconds


def empty_dbt_build(folder: Path) -> float:
    """The yardstick: ``dbt build`` of an empty dbt-duckdb project, as a whole process."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "models").mkdir(exist_ok=True)
    (folder / "dbt_project.yml").write_text(
        'name: empty\nversion: "1.0"\nconfig-version: 2\nprofile: empty\nmodel-paths: ["models"]\n')
    (folder / "profiles.yml").write_text(
        f"empty:\n  target: local\n  outputs:\n    local:\n      type: duckdb\n      path: '{folder / 'empty.duckdb'}'\n")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from dbt.cli.main import cli; cli()", "build", "--project-dir", str(folder),
                    "--profiles-dir", str(folder), "--quiet"], check=True, cwd=folder,
                   env={**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"})
    return time.perf_counter() - start


def bulk_load(db: Path, folder: Path) -> float:
    """The yardstick for ingest: the same raw rows, bulk loaded from Parquet into a fresh file."""
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


def synthetic_documents(folder: Path, provinces: int, years: int) -> int:
    """One annual report appendix per province and year; returns the number of files."""
    text = REPORT.read_text(encoding="utf-8")
    appendix = text[text.rindex("\nPhụ lục\n"):]  # the appendix itself, not a footnote naming it
    codes = [f"{p.code:02d}" for p in Province.iter_all()][:provinces]
    count = 0
    for code in codes:
        for shift in range(years):
            def year(m: re.Match) -> str:
                return str(int(m.group(0)) + shift)

            shifted = re.sub(r"20(2[0-9])", year, appendix)
            # a different content per province, so each is its own batch
            body = shifted.replace("GRDP bình quân đầu người | Triệu đồng | 37,18",
                                   f"GRDP bình quân đầu người | Triệu đồng | {30 + int(code) % 9},18")
            target = folder / f"{code}_province" / f"{2022 + shift}_bao-cao.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(body, encoding="utf-8")
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--provinces", type=int, default=34)
    parser.add_argument("--years", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        os.environ["KTXH_EXPORTS"] = str(tmp_path / "exports")

        print("Bundled reports (4 documents):")
        os.environ["KTXH_DB"] = str(tmp_path / "bundled.duckdb")
        stage("ingest", ["ingest", str(ROOT / "documents")])
        stage("build", ["build"])
        stage("check", ["check"])
        stage("export", ["export"])
        # paired: the yardstick right before and after a fresh bundled `ktxh run`
        os.environ["KTXH_DB"] = str(tmp_path / "paired.duckdb")
        before = empty_dbt_build(tmp_path / "empty")
        run_seconds = stage("run", ["run"])
        after = empty_dbt_build(tmp_path / "empty")
        floor = min(before, after)
        print(f"  yardstick: empty dbt-duckdb build {before:.2f} s / {after:.2f} s; "
              f"bundled ktxh run = {run_seconds / floor:.1f}x the faster")

        n = synthetic_documents(tmp_path / "docs", args.provinces, args.years)
        print(f"Synthetic: {args.provinces} provinces x {args.years} years = {n} appendix tables:")
        os.environ["KTXH_DB"] = str(tmp_path / "scale.duckdb")
        seconds = stage("ingest", ["ingest", str(tmp_path / "docs")])
        print(f"  ingest throughput: {n / seconds:.1f} documents/s")
        bulk = bulk_load(Path(os.environ["KTXH_DB"]), tmp_path / "bulk")
        print(f"  yardstick: bulk load of the same raw rows {bulk:.2f} s; ingest = {seconds / bulk:.0f}x")
        stage("build", ["build"])
        stage("check", ["check"])
        stage("export", ["export"])
        size = Path(os.environ["KTXH_DB"]).stat().st_size / 1e6
        print(f"  warehouse file: {size:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
