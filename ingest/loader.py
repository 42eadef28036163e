"""The single loader: documents in, one ``raw`` batch per document out.

Each raw table has one function that turns a parsed document into its rows
(``load_batches_rows``, ``appendix_rows``, ``appendix_cells`` …).  :func:`load`
parses every document first and writes only when all of them parsed, in one
transaction: a refused document leaves the warehouse exactly as it was.

A batch is keyed by the document's content hash, so loading the same content
again, from any path, replaces its batch with identical rows.
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
from ktxh.errors import IngestError
from ingest.report_date import NO_DATE, ReportDate, resolve as resolve_report_date

from ingest.readers import SUPPORTED, read_source  # noqa: E402  (every format's reader)


@dataclass
class ParsedDocument:
    path: Path
    document: str
    sha256: str
    document_format: str
    area_code: str
    area_name: str
    appendix: AppendixTable | None = None
    text: str | None = None
    extras: dict[str, list[tuple]] = field(default_factory=dict)
    report_date: ReportDate = NO_DATE
    warnings: list[str] = field(default_factory=list)

    @property
    def batch_id(self) -> str:
        return self.sha256[:16]


def area_name(code: str) -> str:
    """The official name of a province code (vietnam-provinces data), or an error."""
    from vietnam_provinces import Province

    try:
        return Province.from_code(int(code)).name
    except (ValueError, KeyError, LookupError):
        raise IngestError(code, "--area", "not an official province code") from None


def parse_document(path: Path, area_code: str, report_date: ReportDate | None = None) -> ParsedDocument:
    """Read one document with the reader its format calls for.

    ``report_date`` is the ``--report-date`` option (``ingest.report_date``), used
    when the document does not state its date.
    """
    path = Path(path)
    if not path.is_file():
        raise IngestError(path.name, str(path), "no such file")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise IngestError(path.name, "whole file", f"unsupported format (expected one of {', '.join(SUPPORTED)})")
    data = path.read_bytes()
    read = read_source(path, data)
    doc = ParsedDocument(
        path=path, document=path.name, sha256=hashlib.sha256(data).hexdigest(),
        document_format=read.document_format, area_code=area_code, area_name=area_name(area_code),
        appendix=read.appendix, text=read.text, warnings=list(read.warnings),
    )
    if read.text is not None:
        doc.report_date = resolve_report_date(path.name, read.date_text, metadata=read.metadata_date, option=report_date)
        if doc.report_date.date is None:
            doc.warnings.append(
                f"{path.name}: no report date in its text, metadata or file name (give --report-date YYYY-MM[-DD]); "
                "its prose figures carry only the years the text prints"
            )
    else:  # a spreadsheet biểu: its plan year is in its headings; only the option or file name may date it
        doc.report_date = resolve_report_date(path.name, None, option=report_date)
    for table, extractor in EXTRA_TABLES.items():
        doc.extras[table] = extractor(doc)
    if doc.appendix is None and not any(doc.extras.values()):
        raise IngestError(
            path.name, "whole file",
            "nothing to load: no appendix table (a header naming 'Chỉ tiêu' and 'TT' or 'Đơn vị tính') "
            "and no figure in its text",
        )
    return doc


# --- one function per raw table -------------------------------------------

def load_batches_rows(doc: ParsedDocument, loaded_at: dt.datetime) -> list[tuple]:
    return [(
        doc.batch_id, doc.sha256, doc.document, str(doc.path), doc.document_format,
        doc.area_code, doc.area_name, doc.appendix.plan_year if doc.appendix else None, loaded_at,
        doc.report_date.date, doc.report_date.source, doc.report_date.precision,
    )]


def appendix_rows(doc: ParsedDocument) -> list[tuple]:
    if doc.appendix is None:
        return []
    return [(doc.batch_id, r.row_order, r.line, r.where, r.tt, r.name, r.unit, r.note) for r in doc.appendix.rows]


def appendix_cells(doc: ParsedDocument) -> list[tuple]:
    if doc.appendix is None:
        return []
    labels = doc.appendix.header_labels
    return [
        (doc.batch_id, r.row_order, role, labels.get(role, role), n.text, n.value, n.decimals)
        for r in doc.appendix.rows
        for role in VALUE_ROLES
        if (n := r.values.get(role)) is not None
    ]


def prose_facts(doc: ParsedDocument) -> list[tuple]:
    """Figures stated in the report's sentences (``ingest.prose``); tables have none."""
    if doc.text is None:
        return []
    from ingest.prose.extractor import UNDATED, extract_facts

    return [
        (doc.batch_id, fact_no, f.sentence_no, f.sentence, f.line, f.span_start, f.span_end, f.claim_no,
         f.subject, f.indicator_code, f.period_year, f.month_from, f.month_to, f.printed, f.value, f.decimals,
         f.unit, f.value_type, f.basis, f.measure, f.status)
        for fact_no, f in enumerate(
            extract_facts(doc.text, doc.document, doc.report_date.date or UNDATED), start=1
        )
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


def load(
    con: duckdb.DuckDBPyConnection, paths: Iterable[Path], area_code: str, report_date: ReportDate | None = None
) -> list[ParsedDocument]:
    """Parse every document, then write them all or nothing."""
    docs = [parse_document(Path(p), area_code, report_date) for p in paths]
    write(con, docs)
    return docs
