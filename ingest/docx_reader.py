"""Word reports (.docx), read with python-docx.

python-docx gives the body in reading order (paragraphs and tables
interleaved), each paragraph's style (so headings are known), each table
cell's ``gridSpan`` and ``vMerge`` (merged cells), and the document's core
properties; footnotes and endnotes are read from their own parts of the
package through python-docx's relationships.

* Text: one paragraph per line (line *n* of the text is paragraph *n* of the
  body, tables aside), headings prefixed ``#``…``######`` by level so the prose
  extractor sees them as headings; a footnote reference becomes a superscript
  mark (¹, ², … in order of appearance) and the notes follow the body, each
  on its own line starting with its mark, kept apart from the sentences that
  cite them.
* Tables: each Word table becomes a ``Table`` of ``GridRow`` s located
  ``table <k>, row <r>``; a horizontally merged cell keeps its text in its first
  grid column and a vertically merged one in its top row, the cells they cover
  blank, as ``parse_grid`` reads every format.
* The date: ``core_properties.created`` is the document's metadata date.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ingest.appendix import GridRow
from ingest.report_date import ReportDate, from_metadata
from ingest.tables import Table
from ingest.text import nfc
from ktxh.errors import IngestError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"


@dataclass
class DocxDocument:
    text: str
    tables: list[Table] = field(default_factory=list)
    metadata_date: ReportDate | None = None
    cell_text: str = ""  # text of every table cell, one per line (a date line may stand in a layout table)


def _mark(n: int) -> str:
    return str(n).translate(_SUPERSCRIPT)


class _Notes:
    """Footnote/endnote ids to their display marks, in order of reference."""

    def __init__(self) -> None:
        self.order: list[tuple[str, str]] = []  # (kind, id)

    def ref(self, kind: str, note_id: str) -> str:
        self.order.append((kind, note_id))
        return _mark(len(self.order))


def _run_text(element, notes: _Notes) -> str:
    """The text of a paragraph (or a note's paragraph), footnote references as marks."""
    out: list[str] = []
    for node in element.iter():
        tag = node.tag
        if tag == f"{W}t":
            out.append(node.text or "")
        elif tag == f"{W}tab":
            out.append(" ")
        elif tag in (f"{W}br", f"{W}cr"):
            out.append(" ")
        elif tag == f"{W}footnoteReference":
            out.append(notes.ref("footnote", node.get(f"{W}id")))
        elif tag == f"{W}endnoteReference":
            out.append(notes.ref("endnote", node.get(f"{W}id")))
    return nfc(" ".join("".join(out).split()))


def _heading_level(paragraph) -> int:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if style == "Title":
        return 1
    if style.startswith("Heading"):
        digits = "".join(ch for ch in style if ch.isdigit())
        return min(int(digits), 6) if digits else 1
    return 0


def _table_grid(tbl, number: int) -> list[GridRow]:
    rows: list[GridRow] = []
    for r, tr in enumerate(tbl.tr_lst, start=1):
        cells: list[str] = []
        for tc in tr.tc_lst:
            span = tc.grid_span
            text = "" if tc.vMerge == "continue" else nfc(
                " ".join(" ".join(p.xpath("string(.)").split()) for p in tc.p_lst).strip()
            )
            cells.append(text)
            cells.extend([""] * (span - 1))
        rows.append(GridRow(cells=cells, line=r, where=f"table {number}, row {r}"))
    return rows


def _note_bodies(doc, notes: _Notes) -> list[str]:
    """The footnote and endnote texts in the order they are referred to."""
    bodies: dict[tuple[str, str], str] = {}
    for kind, reltype in (("footnote", _FOOTNOTES), ("endnote", _ENDNOTES)):
        for rel in doc.part.rels.values():
            if rel.reltype != reltype:
                continue
            root = etree.fromstring(rel.target_part.blob)
            for note in root.iter(f"{W}{kind}"):
                inner = _Notes()
                paragraphs = [_run_text(p, inner) for p in note.iter(f"{W}p")]
                bodies[(kind, note.get(f"{W}id"))] = " ".join(p for p in paragraphs if p)
    lines = []
    for n, key in enumerate(notes.order, start=1):
        if bodies.get(key):
            lines.append(f"{_mark(n)} {bodies[key].lstrip('⁰¹²³⁴⁵⁶⁷⁸⁹ ')}")
    return lines


def read_docx(path: Path) -> DocxDocument:
    """A Word report's text, tables and metadata date (see the module docstring)."""
    import docx
    from docx.table import Table as DocxTable

    try:
        doc = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise IngestError(path.name, "whole file", "not a readable Word (.docx) document", str(exc)) from None
    except Exception as exc:  # python-docx raises its own PackageNotFoundError and friends
        raise IngestError(path.name, "whole file", "not a readable Word (.docx) document", str(exc)) from None
    notes = _Notes()
    lines: list[str] = []
    tables: list[Table] = []
    cell_lines: list[str] = []
    since_table: list[str] = []
    paragraph_no = 0
    for block in doc.iter_inner_content():
        if isinstance(block, DocxTable):
            number = len(tables) + 1
            rows = _table_grid(block._tbl, number)
            cell_lines.extend(c for r in rows for c in r.cells if c)
            follows = bool(tables) and not any(len(s) > 200 for s in since_table)
            title = since_table[-1] if since_table else ""
            tables.append(Table(rows, f"table {number} (after paragraph {paragraph_no})", follows, title))
            since_table = []
            continue
        paragraph_no += 1
        text = _run_text(block._p, notes)
        level = _heading_level(block)
        lines.append(f"{'#' * level} {text}" if level and text else text)
        if text:
            since_table.append(text)
    lines.extend(_note_bodies(doc, notes))
    created = doc.core_properties.created
    return DocxDocument(
        text="\n".join(lines) + "\n", tables=tables,
        metadata_date=from_metadata(created, "Word property 'created'") if created else None,
        cell_text="\n".join(cell_lines),
    )
