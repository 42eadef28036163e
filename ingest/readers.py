"""Every format's reader behind one call: bytes in, text + appendix + date evidence out.

| suffix | reader | text for the prose extractor | tables |
|---|---|---|---|
| .txt, .md | ``ingest.appendix_text`` | the decoded text, HTML tables blanked | pipe tables, HTML ``<table>`` |
| .docx | ``ingest.docx_reader`` (python-docx) | paragraphs, notes after the body | Word tables |
| .pdf | ``ingest.pdf_reader`` (pdfplumber) | rejoined paragraphs, notes after | ruled tables |
| .html, .htm | ``ingest.html_reader`` (lxml) | the article's blocks | ``<table>`` |
| .xlsx | ``ingest.appendix_xlsx`` (openpyxl) | none | the sheet with the header |
| .csv | ``ingest.appendix_csv`` | none | the file |

Every table goes through the same ``parse_grid`` and header resolver.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ingest.appendix import AppendixTable
from ingest.report_date import ReportDate
from ingest.text import decode_document

FORMATS = {
    ".txt": "report_text", ".md": "report_text", ".docx": "docx", ".pdf": "pdf",
    ".html": "html", ".htm": "html", ".xlsx": "xlsx", ".csv": "csv",
}
SUPPORTED = tuple(FORMATS)
_HTML_TABLE = re.compile(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)


@dataclass
class SourceRead:
    document_format: str
    text: str | None = None  # what the prose extractor reads (None: a spreadsheet)
    appendix: AppendixTable | None = None
    metadata_date: ReportDate | None = None
    date_text: str | None = None  # where the date line is looked for (text plus layout-table cells)
    warnings: list[str] = field(default_factory=list)


def blank_html_tables(text: str) -> str:
    """The text with its HTML tables blanked (same length and lines): tables are not prose."""
    return _HTML_TABLE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def read_source(path: Path, data: bytes) -> SourceRead:
    """Read one document with the reader its suffix calls for."""
    from ingest.tables import find_appendix_table

    fmt = FORMATS[path.suffix.lower()]
    name = path.name
    if fmt == "xlsx":
        from ingest.appendix_xlsx import read_xlsx

        return SourceRead(fmt, appendix=read_xlsx(path))
    if fmt == "csv":
        from ingest.appendix_csv import read_csv

        return SourceRead(fmt, appendix=read_csv(data, name))
    if fmt == "report_text":
        from ingest.appendix_text import read_text_tables

        text = decode_document(data, name)
        found = read_text_tables(text, name)
        prose = blank_html_tables(text) if "<table" in text.lower() else text
        return SourceRead(fmt, prose, found.appendix, None, text, found.warnings)
    if fmt == "docx":
        from ingest.docx_reader import read_docx

        read = read_docx(path)
        found = find_appendix_table(name, read.tables)
        return SourceRead(fmt, read.text, found.appendix, read.metadata_date,
                          read.text + "\n" + read.cell_text, found.warnings)
    if fmt == "pdf":
        from ingest.pdf_reader import read_pdf

        read = read_pdf(path)
        found = find_appendix_table(name, read.tables)
        return SourceRead(fmt, read.text, found.appendix, read.metadata_date, read.text, found.warnings)
    from ingest.html_reader import read_html

    read = read_html(data, name)
    found = find_appendix_table(name, read.tables)
    return SourceRead(fmt, read.text, found.appendix, read.metadata_date, read.text, found.warnings)
