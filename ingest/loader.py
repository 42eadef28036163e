"""The single loader: documents in, one ``raw`` batch per document out.

Each raw table has one function that turns a parsed document into its rows
(``load_batches_rows``, ``appendix_rows``, ``appendix_cells`` …), each row a dict
keyed by column name: rows are written by name, so the column order of
``raw_schema.sql`` does not matter.  :func:`write` writes parsed documents in one
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

from ingest.raw_docs import comment_statements
from ingest.appendix import VALUE_ROLES, AppendixTable
from ingest.areas import Area, DocumentDate, document_date, normalise_code, resolve
from ktxh.errors import IngestError
from ingest.report_date import NO_DATE, ReportDate, resolve as resolve_report_date

from ingest.readers import SUPPORTED, read_source  # noqa: E402  (every format's reader)


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
    extras: dict[str, list[dict]] = field(default_factory=dict)
    report_date: ReportDate = NO_DATE
    area: Area | None = None
    date: DocumentDate | None = None
    warnings: list[str] = field(default_factory=list)  # what was odd but accepted (ingest.guard)

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
        document_format=read.document_format, area_code=normalise_code(area_code, path.name),
        appendix=read.appendix, text=read.text, warnings=list(read.warnings),
    )
    if read.text is not None:
        doc.report_date = resolve_report_date(path.name, read.date_text, metadata=read.metadata_date, option=report_date)
        if doc.report_date.date is None:
            doc.warnings.append(
                f"no report date in its text, metadata or file name (give --report-date YYYY-MM[-DD]); "
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
    resolve_area(doc)  # after the content checks: a document with nothing in it is refused for that
    return doc


# --- one function per raw table -------------------------------------------

def load_batches_rows(doc: ParsedDocument, loaded_at: dt.datetime) -> list[dict]:
    return [dict(
        batch_id=doc.batch_id, content_sha256=doc.sha256, document=doc.document, source_path=str(doc.path),
        document_format=doc.document_format, area_code=doc.area_code, area_name=doc.area_name,
        plan_year=doc.appendix.plan_year if doc.appendix else None, loaded_at=loaded_at,
        report_date=doc.report_date.date, report_date_source=doc.report_date.source,
        report_date_precision=doc.report_date.precision,
        area_valid_from=doc.area.valid_from if doc.area else None,
    )]


def appendix_rows(doc: ParsedDocument) -> list[dict]:
    if doc.appendix is None:
        return []
    batch_id = doc.batch_id
    return [
        dict(batch_id=batch_id, row_order=r.row_order, source_line=r.line, source_ref=r.where,
             tt=r.tt, name=r.name, unit=r.unit, note=r.note, parent_row_order=r.parent_row_order)
        for r in doc.appendix.rows
    ]


def appendix_cells(doc: ParsedDocument) -> list[dict]:
    if doc.appendix is None:
        return []
    labels, batch_id = doc.appendix.header_labels, doc.batch_id
    return [
        dict(batch_id=batch_id, row_order=r.row_order, column_role=role, header_label=labels.get(role, role),
             printed=n.text, value=n.value, decimals=n.decimals, value_low=n.low, value_high=n.high,
             value_form=n.form)
        for r in doc.appendix.rows
        for role in VALUE_ROLES
        if (n := r.values.get(role)) is not None
    ]


def prose_facts(doc: ParsedDocument) -> list[dict]:
    """Figures stated in the report's sentences (``ingest.prose``); tables have none."""
    if doc.text is None:
        return []
    from ingest.prose.extractor import UNDATED, extract_facts

    return [
        dict(batch_id=doc.batch_id, fact_no=fact_no, sentence_no=f.sentence_no, sentence=f.sentence, line=f.line,
             span_start=f.span_start, span_end=f.span_end, claim_no=f.claim_no, subject=f.subject,
             indicator_code=f.indicator_code, period_year=f.period_year, month_from=f.month_from,
             month_to=f.month_to, printed=f.printed, value=f.value, decimals=f.decimals, unit=f.unit,
             value_type=f.value_type, basis=f.basis, measure=f.measure, status=f.status,
             period_kind=f.period_kind, scope=f.scope, balance_date=f.balance_date, compared_date=f.compared_date,
             document_kind=f.document_kind, subject_term=f.subject_term)
        for fact_no, f in enumerate(extract_facts(
            doc.text, doc.document, doc.report_date.date or UNDATED,
            report_date_precision=doc.report_date.precision or "day",
        ), start=1)
    ]


# Raw tables fed from a parsed document besides the appendix:
# table name -> function(ParsedDocument) -> rows (dicts keyed by column name).  Their DDL lives in raw_schema.sql.
EXTRA_TABLES: dict[str, Callable[[ParsedDocument], list[dict]]] = {"prose_facts": prose_facts}
BATCH_TABLES = ("appendix_rows", "appendix_cells")


def ensure_raw_schema(con: duckdb.DuckDBPyConnection) -> None:
    ddl = resources.files("ingest").joinpath("raw_schema.sql").read_text(encoding="utf-8")
    con.execute(ddl)
    for statement in comment_statements(ddl):  # the DDL's own comments, for duckdb_columns()
        con.execute(statement)


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    """One columnar insert per table (an Arrow table), by column name: row-by-row
    executemany is ~50x slower, and by position two columns of one type could swap.
    A key that is not a column of the table is an error (DuckDB's BY NAME)."""
    if rows:
        names = list(rows[0])
        frame = pa.table({name: [row[name] for row in rows] for name in names})
        con.register("ktxh_rows", frame)
        try:
            con.execute(f"insert into raw.{table} by name select * from ktxh_rows")
        finally:
            con.unregister("ktxh_rows")


@dataclass
class LoadedDocument:
    """What the command line reports of a written document, once its rows are freed."""
    document: str
    area_code: str
    batch_id: str
    report_date: ReportDate
    warnings: list[str]
    table_rows: int
    prose_figures: int
    replaced: list[str] = field(default_factory=list)  # batch ids of earlier versions of the same document


def loaded(doc: ParsedDocument, replaced: list[str]) -> LoadedDocument:
    return LoadedDocument(
        document=doc.document, area_code=doc.area_code, batch_id=doc.batch_id, report_date=doc.report_date,
        warnings=list(doc.warnings), table_rows=len(doc.appendix.rows) if doc.appendix else 0,
        prose_figures=sum(len(v) for v in doc.extras.values()), replaced=replaced)


def _known_batches(con: duckdb.DuckDBPyConnection, docs: list[ParsedDocument]) -> dict[str, tuple[str, str, dt.datetime]]:
    """The rows of raw.load_batches the documents may touch (their own batches, and the batches of
    the same name and province), by batch id: (area code, document, loaded at); one query."""
    rows = con.execute(
        "select batch_id, area_code, document, loaded_at from raw.load_batches "
        "where list_contains(?, batch_id) or list_contains(?, area_code || chr(0) || document)",
        [sorted({d.batch_id for d in docs}), sorted({f"{d.area_code}\0{d.document}" for d in docs})],
    ).fetchall()
    return {b: (a, name, at) for b, a, name, at in rows}


def write(con: duckdb.DuckDBPyConnection, docs: Iterable[ParsedDocument], ensure_schema: bool = True) -> list[LoadedDocument]:
    """Write parsed documents in one transaction; returns what was written.

    A document is known by its file name within its province: loading ``bao-cao.docx`` for
    province 04 with new content replaces the rows of the earlier ``bao-cao.docx`` of 04
    (no stale rows stay), and loading the same content again replaces its batch with
    identical rows (keeping its first load time).

    The documents are taken in order, as if each were written alone (what each replaces, and
    when it was first loaded, as the documents before it left the warehouse), but the warehouse is
    asked once and written once per raw table: one lookup, one delete and one columnar insert per
    table for the whole lot (per document, the statements cost more than the rows).
    ``ensure_schema``: create the raw tables first (a caller writing many lots does it once)."""
    docs = list(docs)
    if ensure_schema:
        ensure_raw_schema(con)
    written = []
    con.begin()
    try:
        known = _known_batches(con, docs) if docs else {}
        in_warehouse = set(known)  # batches read from the warehouse: deleted there if replaced
        pending: dict[str, int] = {}  # batch id -> the document of this lot that holds it now (its index)
        deleted: set[str] = set()
        for doc in docs:
            # The same content loaded before keeps its first load time, so a reload changes nothing.
            first = known.get(doc.batch_id)
            loaded_at = first[2] if first else dt.datetime.now()
            replaced = sorted(b for b, (area, name, _) in known.items()
                              if area == doc.area_code and name == doc.document and b != doc.batch_id)
            for batch_id in (*replaced, doc.batch_id):
                known.pop(batch_id, None)
                pending.pop(batch_id, None)
                if batch_id in in_warehouse:
                    deleted.add(batch_id)
            known[doc.batch_id] = (doc.area_code, doc.document, loaded_at)
            pending[doc.batch_id] = len(written)
            written.append((doc, loaded_at, replaced))
        if deleted:
            ids = sorted(deleted)
            for table in (*BATCH_TABLES, *EXTRA_TABLES, "load_batches"):
                con.execute(f"delete from raw.{table} where list_contains(?, batch_id)", [ids])
        kept = [(written[i][0], written[i][1]) for i in sorted(pending.values())]
        _insert(con, "load_batches", [row for doc, at in kept for row in load_batches_rows(doc, at)])
        _insert(con, "appendix_rows", [row for doc, _ in kept for row in appendix_rows(doc)])
        _insert(con, "appendix_cells", [row for doc, _ in kept for row in appendix_cells(doc)])
        for table in dict.fromkeys(t for doc, _ in kept for t in doc.extras):
            _insert(con, table, [row for doc, _ in kept for row in doc.extras.get(table, ())])
        con.commit()
    except Exception:
        con.rollback()
        raise
    return [loaded(doc, replaced) for doc, _, replaced in written]
