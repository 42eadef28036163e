"""The loader writes every raw row by column name: with each table's columns reordered in
the DDL, the warehouse holds exactly the same figures in the same columns."""

from __future__ import annotations

import re
from importlib import resources

import duckdb

from ingest import loader

from .conftest import ANNUAL_REPORT


def _reversed_ddl() -> str:
    """raw_schema.sql with the columns of every table in reverse order (constraints kept last)."""
    ddl = resources.files("ingest").joinpath("raw_schema.sql").read_text(encoding="utf-8")

    def flip(match: re.Match) -> str:
        lines = [ln.split("--")[0].strip().rstrip(",") for ln in match.group(2).splitlines()]
        lines = [ln for ln in lines if ln]
        columns = [ln for ln in lines if not ln.startswith(("primary key", "unique ("))]
        keys = [ln for ln in lines if ln.startswith(("primary key", "unique ("))]
        return match.group(1) + ",\n    ".join(columns[::-1] + keys) + "\n);"

    flipped = re.sub(r"(create table if not exists raw\.\w+ \(\n)(.*?)\n\);", flip, ddl, flags=re.S)
    assert flipped != ddl
    return flipped


def _tables(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    """Every raw table, columns in name order, rows sorted, load times left out."""
    out = {}
    for (table,) in con.sql("select table_name from duckdb_tables() where schema_name = 'raw'").fetchall():
        columns = sorted(c for c in con.table(f"raw.{table}").columns if c != "loaded_at")
        out[table] = sorted(con.sql(f"select {', '.join(columns)} from raw.{table}").fetchall(), key=repr)
    return out


def test_reordered_ddl_gives_the_same_rows(tmp_path):
    doc = loader.parse_document(ANNUAL_REPORT, "04")
    with duckdb.connect(str(tmp_path / "plain.duckdb")) as plain, \
            duckdb.connect(str(tmp_path / "flipped.duckdb")) as flipped:
        flipped.execute(_reversed_ddl())
        loader.ensure_raw_schema(plain)
        # really reordered (columns are added at the end of a table, so compare with the plain DDL)
        assert flipped.table("raw.load_batches").columns == plain.table("raw.load_batches").columns[::-1]
        loader.write(plain, [doc])
        loader.write(flipped, [doc])
        rows_plain, rows_flipped = _tables(plain), _tables(flipped)
        [(document, source_path)] = flipped.sql("select document, source_path from raw.load_batches").fetchall()
        [(role, printed)] = flipped.sql(
            "select column_role, printed from raw.appendix_cells where row_order = 2 and column_role = 'plan'"
        ).fetchall()
    assert rows_plain == rows_flipped
    assert set(rows_plain) >= {"load_batches", "appendix_rows", "appendix_cells", "prose_facts"}
    assert len(rows_plain["prose_facts"]) > 100
    # two varchar columns side by side in the DDL keep their own values
    assert (document, source_path) == (ANNUAL_REPORT.name, str(ANNUAL_REPORT))
    assert (role, printed) == ("plan", "8,00")  # GRDP growth, KH 2022, line 779
