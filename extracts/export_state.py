"""What the last export wrote, so that an export rewrites only the files whose inputs changed.

(The same for ``ktxh report``'s pages: ``fct_plan_attainment``, ``fct_plan_scorecard``,
``fct_period_progress`` and ``checks.findings`` of the province-year, and ``dim_measures``.)

``ktxh export`` keeps ``.ktxh-export.json`` in its output folder: for each biểu (file stem)
and each mart CSV, a hash of the warehouse rows it was made from, and a fingerprint of the
code that writes them.  A biểu of a province and year is made from that province-year's rows
of ``marts.fct_plan_attainment`` and ``checks.findings`` and from the catalog
(``marts.dim_measures``, ``catalog.indicator_groups``, ``catalog.indicator_catalog``); a mart
CSV from its table.  A file is written again when its hash differs from the manifest's, when
the code changed, or when the file is missing; otherwise it is left as it is (after a month's
new report, only the biểu of the province-years it changed are rewritten).

The hash of a set of rows is their count and the sum of DuckDB's ``hash`` of each row: the
order of the rows does not matter, and any changed value changes it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import duckdb

MANIFEST = ".ktxh-export.json"
_CODE = ("bieu.py", "bieu_xlsx.py", "export.py", "export_state.py", "report.py", "templates/report.html.j2")
CATALOG_TABLES = ("marts.dim_measures", "catalog.indicator_groups", "catalog.indicator_catalog")


def code_fingerprint() -> str:
    here = Path(__file__).parent
    digest = hashlib.sha256(f"{duckdb.__version__} {metadata.version('openpyxl')}".encode())
    for name in _CODE:
        digest.update((here / name).read_bytes())
    digest.update((here.parent / "ingest" / "numbers.py").read_bytes())
    return digest.hexdigest()


def _exists(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    schema, name = table.split(".")
    [(n,)] = con.execute("select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
                         [schema, name]).fetchall()
    return n > 0


def table_hash(con: duckdb.DuckDBPyConnection, table: str) -> str:
    if not _exists(con, table):
        return "absent"
    [(n, h)] = con.sql(f"select count(*), coalesce(sum(hash(t)), 0)::varchar from {table} as t").fetchall()
    columns = con.sql(f"select * from {table} limit 0").types
    return f"{n}:{h}:{hashlib.sha256(str(columns).encode()).hexdigest()[:12]}"


def _grouped(con: duckdb.DuckDBPyConnection, table: str, year: str = "plan_year") -> dict[tuple[str, int], str]:
    if not _exists(con, table):
        return {}
    return {(a, y): f"{n}:{h}" for a, y, n, h in con.sql(
        f"select area_code, {year}, count(*), sum(hash(t))::varchar from {table} as t group by all").fetchall()}


def bieu_hashes(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, int], str]:
    """Per province-year: the hash of every row its biểu is made from."""
    catalog = "|".join(table_hash(con, t) for t in CATALOG_TABLES)
    facts, findings = _grouped(con, "marts.fct_plan_attainment"), _grouped(con, "checks.findings")
    return {key: hashlib.sha256(f"{catalog}|{value}|{findings.get(key, '-')}".encode()).hexdigest()
            for key, value in facts.items()}


def report_hashes(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, int], str]:
    """Per province-year: the hash of every row its report page is made from."""
    catalog = table_hash(con, "marts.dim_measures")
    parts = [_grouped(con, "marts.fct_plan_attainment"), _grouped(con, "marts.fct_plan_scorecard"),
             _grouped(con, "marts.fct_period_progress", "period_year"), _grouped(con, "checks.findings")]
    return {key: hashlib.sha256("|".join([catalog, *(p.get(key, "-") for p in parts)]).encode()).hexdigest()
            for key in parts[0]}


@dataclass
class Manifest:
    path: Path
    code: str
    files: dict[str, str] = field(default_factory=dict)  # file stem or marts/<table> -> inputs' hash

    @classmethod
    def load(cls, out: Path) -> "Manifest":
        path, code = out / MANIFEST, code_fingerprint()
        try:
            saved = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            saved = {}
        files = saved.get("files", {}) if isinstance(saved, dict) and saved.get("code") == code else {}
        return cls(path=path, code=code, files=dict(files))

    def up_to_date(self, key: str, inputs: str, paths: list[Path]) -> bool:
        return self.files.get(key) == inputs and all(p.is_file() for p in paths)

    def save(self) -> None:
        self.path.write_text(json.dumps({"code": self.code, "files": self.files}, indent=1, sort_keys=True) + "\n",
                             encoding="utf-8")
