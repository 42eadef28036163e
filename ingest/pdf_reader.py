"""PDF reports with a text layer, read with pdfplumber.

pdfplumber (on pdfminer.six) rather than pypdf: it gives every character with
its position and font size, which is what telling body text from page headers,
footers, page numbers and footnotes needs, and it finds ruled tables from the
lines drawn on the page (``page.find_tables()``), cells and merged cells
included.  pypdf extracts a text stream only.

* A PDF without a text layer (a scan) is refused: ktxh does no OCR.
* Page furniture is dropped: lines in the top or bottom 8 % of a page that are
  a page number ("5", "Trang 5", "5/12") or that repeat on several pages.
* Footnotes: lines at the foot of a page in a smaller font than the body are
  kept apart and follow the body, one per line starting with its mark; a
  footnote reference (a small raised digit) becomes a superscript mark.
* The layout's line breaks are rejoined: lines form one paragraph until a
  wider gap, an indented first line or a short last line ends it; paragraphs
  are separated by a blank line.
* Tables: every table pdfplumber finds becomes a ``Table`` (``page <p>, table
  <k>``), rows located ``page <p>, table <k>, row <r>`` (``GridRow.line`` is the
  page); their words are kept out of the text.  A table continued on the next
  page is joined by ``ingest.tables``.
* The date: the document's ``CreationDate`` is its metadata date.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ingest.appendix import GridRow
from ingest.report_date import ReportDate, from_metadata
from ingest.tables import Table
from ingest.text import nfc
from ktxh.errors import IngestError

_PAGE_NUMBER = re.compile(r"^\W*(trang\s*)?\d{1,4}(\s*/\s*\d{1,4})?\W*$", re.IGNORECASE)
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})(\d{2})")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
MARGIN = 0.08  # share of the page height where headers and footers stand


@dataclass
class PdfDocument:
    text: str
    tables: list[Table] = field(default_factory=list)
    metadata_date: ReportDate | None = None


@dataclass
class _Line:
    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _line_text(chars: list[dict], body_size: float | None) -> str:
    """A line's text; small digits raised above the line are footnote marks."""
    if not chars:
        return ""
    sizes = [c["size"] for c in chars]
    line_size = max(sizes)
    out, last = [], None
    for c in chars:
        if last is not None and c["x0"] - last["x1"] > min(c["size"], last["size"]) * 0.2:
            out.append(" ")
        ch = c["text"]
        if ch.isdigit() and c["size"] < line_size * 0.8 and c["bottom"] < max(x["bottom"] for x in chars) - 1:
            ch = ch.translate(_SUPERSCRIPT)
        out.append(ch)
        last = c
    return nfc(" ".join("".join(out).split()))


def _page_lines(page, number: int, boxes) -> list[_Line]:
    page = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    lines = []
    for line in page.extract_text_lines(return_chars=True, strip=True):
        chars = [c for c in line["chars"] if c["text"].strip() or c["text"] == " "]
        chars = [c for c in chars if c["text"] != " "]
        if not chars:
            continue
        text = _line_text(chars, None)
        if text:
            lines.append(_Line(number, text, line["x0"], line["x1"], line["top"], line["bottom"],
                               statistics.median(c["size"] for c in chars)))
    return lines


_NUMBER_BREAK = re.compile(r"(?<=[\d.,])\n(?=[\d.,])")


def _cell_text(cell: str | None) -> str:
    """A cell's lines joined: a number wrapped in a narrow cell ("11,4" / "3") is rejoined whole."""
    return nfc(" ".join(_NUMBER_BREAK.sub("", cell or "").split()))


def _table_rows(table, page_no: int, k: int) -> list[GridRow]:
    rows = []
    for r, cells in enumerate(table.extract(), start=1):
        texts = [_cell_text(c) for c in cells]
        rows.append(GridRow(cells=texts, line=page_no, where=f"page {page_no}, table {k}, row {r}"))
    return rows


def _metadata_date(metadata: dict) -> ReportDate | None:
    m = _PDF_DATE.match(str(metadata.get("CreationDate", "")))
    if not m:
        return None
    try:
        return from_metadata(dt.date(*map(int, m.groups())), "PDF CreationDate")
    except ValueError:
        return None


def _furniture(lines: list[_Line], heights: dict[int, float]) -> set[int]:
    """Indexes of header/footer lines: page numbers and text repeated in the margins."""
    def in_margin(ln: _Line) -> bool:
        h = heights[ln.page]
        return ln.top < h * MARGIN or ln.bottom > h * (1 - MARGIN)

    key = lambda ln: re.sub(r"\d+", "#", ln.text.lower())  # noqa: E731
    repeated = Counter(key(ln) for ln in lines if in_margin(ln))
    pages = len(heights)
    return {
        i for i, ln in enumerate(lines)
        if in_margin(ln) and (_PAGE_NUMBER.match(ln.text) or (pages > 1 and repeated[key(ln)] >= 2))
    }


def _paragraphs(lines: list[_Line]) -> list[str]:
    """Rejoin the layout's line breaks into paragraphs."""
    if not lines:
        return []
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:]) if a.page == b.page and b.top > a.bottom]
    usual_gap = statistics.median(gaps) if gaps else 0.0
    left = min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)
    paragraphs: list[list[str]] = [[lines[0].text]]
    for prev, ln in zip(lines, lines[1:]):
        same_page = prev.page == ln.page
        gap = ln.top - prev.bottom if same_page else 0.0
        new = (
            (same_page and gap > usual_gap * 1.6 + 1.0)
            or ln.x0 > left + 12  # an indented first line
            or prev.x1 < right - max(40.0, (right - left) * 0.12)  # the previous line ended short
            or abs(ln.size - prev.size) > 1.0
        )
        if new:
            paragraphs.append([ln.text])
        else:
            paragraphs[-1].append(ln.text)
    return [" ".join(p) for p in paragraphs]


def read_pdf(path: Path) -> PdfDocument:
    """A PDF report's text, tables and metadata date (see the module docstring)."""
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pdf = pdfplumber.open(str(path))
    except (PDFSyntaxError, ValueError, OSError) as exc:
        raise IngestError(path.name, "whole file", "not a readable PDF", str(exc)) from None
    except Exception as exc:  # pdfminer raises assorted errors on damaged files
        raise IngestError(path.name, "whole file", "not a readable PDF", str(exc)) from None
    with pdf:
        if not pdf.pages or not any(page.chars for page in pdf.pages):
            raise IngestError(
                path.name, "whole file",
                f"no text layer in any of its {len(pdf.pages)} page(s): a scanned image? ktxh does not do OCR; "
                "load the Word file or a PDF exported from it, or run OCR first",
            )
        tables: list[Table] = []
        lines: list[_Line] = []
        heights: dict[int, float] = {}
        table_after_line: list[int] = []  # how many body lines precede each table
        for number, page in enumerate(pdf.pages, start=1):
            heights[number] = float(page.height)
            found = page.find_tables()
            boxes = [t.bbox for t in found]
            page_lines = _page_lines(page, number, boxes)
            for k, t in enumerate(found, start=1):
                rows = _table_rows(t, number, k)
                if not rows:
                    continue
                above = sum(1 for ln in page_lines if ln.bottom <= t.bbox[1])
                table_after_line.append(len(lines) + above)
                tables.append(Table(rows, f"page {number}, table {k}"))
            lines.extend(page_lines)
        metadata_date = _metadata_date(pdf.metadata or {})
    drop = _furniture(lines, heights)
    kept = [(i, ln) for i, ln in enumerate(lines) if i not in drop]
    sizes = [ln.size for _, ln in kept]
    body_size = statistics.median(sizes) if sizes else 0.0
    page_bottom_notes = set()
    for i, ln in kept:
        # a footnote: smaller than the body, in the lower part of its page, from its first small line down
        if ln.size < body_size * 0.95 and ln.top > heights[ln.page] * 0.5:
            page_bottom_notes.add(i)
    body = [ln for i, ln in kept if i not in page_bottom_notes]
    notes = [ln for i, ln in kept if i in page_bottom_notes]
    # Tables follow directly when only short lines stand between them.
    index_of = {id(ln): n for n, ln in enumerate(lines)}
    for k, table in enumerate(tables):
        title_lines = [ln.text for ln in lines[max(0, table_after_line[k] - 1):table_after_line[k]]
                       if index_of[id(ln)] not in drop]
        table.title = " ".join(title_lines)
        if k:
            between = [ln for ln in lines[table_after_line[k - 1]:table_after_line[k]] if index_of[id(ln)] not in drop]
            table.follows_directly = not any(len(ln.text) > 200 for ln in _paragraph_lines(between))
    text = "\n\n".join(_paragraphs(body))
    if notes:
        text += "\n\n" + "\n".join(_paragraphs_of_notes(notes))
    return PdfDocument(text=text + "\n", tables=tables, metadata_date=metadata_date)


def _paragraph_lines(lines: list[_Line]) -> list[_Line]:
    return [_Line(0, p, 0, 0, 0, 0, 0) for p in _paragraphs(lines)]


def _paragraphs_of_notes(notes: list[_Line]) -> list[str]:
    """Footnote lines: a new note starts at a line opening with a mark."""
    out: list[str] = []
    for ln in notes:
        mark = re.match(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹\d]+)\s", ln.text)
        if mark:
            out.append(mark.group(1).translate(_SUPERSCRIPT) + ln.text[mark.end(1):])
        elif not out:
            out.append(ln.text)
        else:
            out[-1] += " " + ln.text
    return out
