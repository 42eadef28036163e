"""The single loader: documents in, one ``raw`` batch per document out.

Each raw table has one function that turns a parsed document into its rows
(``load_batches_rows``, ``appendix_rows``, ``appendix_cells`` …).  :func:`load`
parses every document first and writes only when all of them parsed, in one
transaction: a refused document leaves the warehouse exactly as it was.

A batch is keyed by the document's content hash and its area, so loading the same
content again for the same province, from any path, replaces its batch with identical
rows, and the same bytes loaded for two provinces are two batches.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable

import duckdb
import pyarrow as pa

from ingest.appendix import VALUE_ROLES, AppendixTable
from ingest.areas import Area, DocumentDate, document_date, normalise_code, resolve
from ktxh.errors import IngestError
from ingest.text import decode_document

SUPPORTED = (".txt", ".md", ".xlsx", ".csv")


@dataclass
class ParsedDocument:
    path: Path
    document: str
    sha256: str
    document_format: str
    area_code: str  # the code as given (--area, folder name or KTXH_AREA); resolved by resolve_area()
    area_name: str = ""
    appendix: AppendixTable | None = None
    text: str | None = None
    extras: dict[str, list[tuple]] = field(default_factory=dict)
    area: Area | None = None
    date: DocumentDate | None = None

    @property
    def batch_id(self) -> str:
        """First 16 hex digits of sha256(content hash, area code): content and province together."""
        return hashlib.sha256(f"{self.sha256}:{self.area_code}".encode()).hexdigest()[:16]


def resolve_area(doc: ParsedDocument) -> None:
    """Key the document by the province code in force at its date (``ingest.areas``)."""
    plan_year = doc.appendix.plan_year if doc.appendix else None
    doc.date = document_date(doc.document, plan_year, getattr(doc, "report_date", None))
    doc.area = resolve(doc.area_code, doc.document, doc.date)
    doc.area_code, doc.area_name = doc.area.code, doc.area.name


def parse_document(path: Path, area_code: str) -> ParsedDocument:
    """Read one document with the reader its format calls for."""
    path = Path(path)
    if not path.is_file():
        raise IngestError(path.name, str(path), "no such file")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise IngestError(path.name, "whole file", f"unsupported format (expected one of {', '.join(SUPPORTED)})")
    data = path.read_bytes()
    doc = ParsedDocument(
        path=path, document=path.name, sha256=hashlib.sha256(data).hexdigest(),
        document_format={".xlsx": "xlsx", ".csv": "csv"}.get(suffix, "report_text"),
        area_code=normalise_code(area_code, path.name),
    )
    if doc.document_format == "xlsx":
        from ingest.appendix_xlsx import read_xlsx

        doc.appendix = read_xlsx(path)
    elif doc.document_format == "csv":
        from ingest.appendix_csv import read_csv

        doc.appendix = read_csv(data, path.name)
    else:
        from ingest.appendix_text import find_appendix

        doc.text = decode_document(data, path.name)
        doc.appendix = find_appendix(doc.text, path.name)
    resolve_area(doc)
    for table, extractor in EXTRA_TABLES.items():
        doc.extras[table] = extractor(doc)
    return doc


# --- one function per raw table -------------------------------------------

def load_batches_rows(doc: ParsedDocument, loaded_at: dt.datetime) -> list[tuple]:
    return [(
        doc.batch_id, doc.sha256, doc.document, str(doc.path), doc.document_format,
        doc.area_code, doc.area_name, doc.appendix.plan_year if doc.appendix else None, loaded_at,
        doc.area.valid_from if doc.area else None,
    )]


def appendix_rows(doc: ParsedDocument) -> list[tuple]:
    if doc.appendix is None:
        return []
    return [(doc.batch_id, r.row_order, r.line, r.where, r.tt, r.name, r.unit, r.note, r.parent_row_order)
            for r in doc.appendix.rows]


def appendix_cells(doc: ParsedDocument) -> list[tuple]:
    if doc.appendix is None:
        return []
    labels = doc.appendix.header_labels
    return [
        (doc.batch_id, r.row_order, role, labels.get(role, role), n.text, n.value, n.decimals, n.low, n.high, n.form)
        for r in doc.appendix.rows
        for role in VALUE_ROLES
        if (n := r.values.get(role)) is not None
    ]


def prose_facts(doc: ParsedDocument) -> list[tuple]:
    """Figures stated in the report's sentences (``ingest.prose``); tables have none."""
    if doc.text is None:
        return []
    from ingest.prose import extract_facts

    return [
        (doc.batch_id, fact_no, f.sentence_no, f.sentence, f.line, f.span_start, f.span_end, f.claim_no,
         f.subject, f.indicator_code, f.period_year, f.month_from, f.month_to, f.printed, f.value, f.decimals,
         f.unit, f.value_type, f.basis, f.measure, f.status)
        for fact_no, f in enumerate(extract_facts(doc.text, doc.document, None), start=1)
    ]


# Raw tables fed from a parsed document besides the appendix:
# table name -> function(ParsedDocument) -> rows.  Their DDL lives in raw_schema.sql.
EXTRA_TABLES: dict[str, Callable[[ParsedDocument], list[tuple]]] = {"prose_facts": prose_facts}
BATCH_TABLES = ("appendix_rows", "appendix_cells")


def ensure_raw_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(resources.files("ingest").joinpath("raw_schema.sql").read_text(encoding="utf-8"))


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple]) -> None:
    """One columnar insert per table (an Arrow table): row-by-row executemany is ~50x slower."""
    if rows:
        columns = con.table(f"raw.{table}").columns
        frame = pa.table({name: list(values) for name, values in zip(columns, zip(*rows))})
        con.register("ktxh_rows", frame)
        try:
            con.execute(f"insert into raw.{table} select * from ktxh_rows")
        finally:
            con.unregister("ktxh_rows")


def write(con: duckdb.DuckDBPyConnection, docs: Iterable[ParsedDocument]) -> list[str]:
    """Write parsed documents in one transaction; returns the batch ids written."""
    ensure_raw_schema(con)
    written = []
    con.begin()
    try:
        for doc in docs:
            # The same content loaded before keeps its first load time, so a reload changes nothing.
            first = con.execute(
                "select loaded_at from raw.load_batches where batch_id = ?", [doc.batch_id]
            ).fetchone()
            loaded_at = first[0] if first else dt.datetime.now()
            for table in (*BATCH_TABLES, *EXTRA_TABLES, "load_batches"):
                con.execute(f"delete from raw.{table} where batch_id = ?", [doc.batch_id])
            _insert(con, "load_batches", load_batches_rows(doc, loaded_at))
            _insert(con, "appendix_rows", appendix_rows(doc))
            _insert(con, "appendix_cells", appendix_cells(doc))
            for table, rows in doc.extras.items():
                _insert(con, table, rows)
            written.append(doc.batch_id)
        con.commit()
    except Exception:
        con.rollback()
        raise
    return written


def load(con: duckdb.DuckDBPyConnection, paths: Iterable[Path], area_code: str) -> list[ParsedDocument]:
    """Parse every document, then write them all or nothing."""
    docs = [parse_document(Path(p), area_code) for p in paths]
    write(con, docs)
    return docs
