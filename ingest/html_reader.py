"""Web pages (.html, .htm) and HTML tables inside markdown, read with lxml.

lxml (libxml2's HTML parser) is used rather than a hand-written tag stripper:
it repairs the broken markup real portals serve, knows which elements are
blocks, gives every element its source line, and reads ``colspan``/``rowspan``.

* The article: the ``<article>`` element, else ``<main>``, else the element
  whose direct paragraphs hold the most text; ``script``, ``style``, ``nav``,
  ``header``, ``footer``, ``aside`` and forms are dropped.  Each block (heading,
  paragraph, list item, …) becomes one line of the text the prose extractor
  reads; tables are kept out of the text and read as tables.
* Tables: every ``<tr>`` becomes a ``GridRow`` at the page's source line
  (``line 120``), ``th``/``td`` with their spans laid out by
  ``ingest.tables.expand_spans``.
* The date: ``<meta property="article:published_time">`` (and the usual
  ``date`` / ``pubdate`` / ``DC.date`` metas), else the first ``<time datetime>``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from ingest.appendix import GridRow
from ingest.report_date import ReportDate, from_metadata
from ingest.tables import Table, expand_spans
from ingest.text import nfc
from ktxh.errors import IngestError

_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button")
_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "caption",
           "figcaption", "section", "article", "main", "tr", "br"}
_META_DATES = ("article:published_time", "og:published_time", "date", "pubdate", "publishdate", "dc.date",
               "dc.date.issued", "dcterms.created")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


@dataclass
class HtmlDocument:
    text: str  # the article, one block per line
    tables: list[Table] = field(default_factory=list)
    metadata_date: ReportDate | None = None


def _span(cell, name: str) -> int:
    try:
        return max(1, min(int(cell.get(name, "1")), 100))
    except ValueError:
        return 1


def _cell_text(cell) -> str:
    return nfc(_SPACES.sub(" ", " ".join(cell.itertext())).strip())


def table_rows(table, line_offset: int = 0) -> list[GridRow]:
    """The rows of one ``<table>`` element (nested tables aside) as grid rows."""
    trs = [tr for tr in table.iter("tr") if next(tr.iterancestors("table"), None) is table]
    spans = [[(_cell_text(c), _span(c, "colspan"), _span(c, "rowspan")) for c in tr if c.tag in ("td", "th")]
             for tr in trs]
    grid = expand_spans(spans)
    rows = []
    for k, cells in enumerate(grid):
        line = (trs[k].sourceline or 1) + line_offset if k < len(trs) else rows[-1].line
        rows.append(GridRow(cells=cells, line=line, where=f"line {line}"))
    return rows


def tables_in_markdown(text: str) -> list[tuple[int, int, list[GridRow]]]:
    """HTML ``<table>`` blocks inside a markdown/text report: (first line, last line, rows)."""
    found = []
    for m in re.finditer(r"<table\b.*?</table\s*>", text, re.IGNORECASE | re.DOTALL):
        first = text.count("\n", 0, m.start()) + 1
        last = text.count("\n", 0, m.end()) + 1
        try:
            element = lxml.html.fragment_fromstring(m.group(0))
        except (etree.ParserError, ValueError):
            continue
        tables = [element] if element.tag == "table" else list(element.iter("table"))
        for table in tables[:1]:
            # sourceline counts from the fragment's first line
            found.append((first, last, table_rows(table, line_offset=first - 1)))
    return found


def _metadata_date(root) -> ReportDate | None:
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _META_DATES and (m := _ISO_DATE.search(meta.get("content", ""))):
            try:
                return from_metadata(dt.date(*map(int, m.groups())), f"<meta {key}>")
            except ValueError:
                continue
    for time in root.iter("time"):
        if m := _ISO_DATE.search(time.get("datetime", "")):
            try:
                return from_metadata(dt.date(*map(int, m.groups())), "<time datetime>")
            except ValueError:
                continue
    return None


def _article(root):
    for tag in ("article", "main"):
        found = next(root.iter(tag), None)
        if found is not None:
            return found
    body = next(root.iter("body"), root)
    best, best_len = body, 0
    for element in body.iter():
        if not isinstance(element.tag, str):
            continue
        length = sum(len(p.text_content()) for p in element if p.tag == "p")
        if length > best_len:
            best, best_len = element, length
    return best if best_len > 200 else body


def _blocks(element, out: list[str], current: list[str]) -> None:
    """Flatten an element into lines: one per block, inline text joined."""
    if element.tag in ("table",):
        out.append("".join(current).strip())
        current.clear()
        out.append("\x00table")  # a table's place in the reading order
        if element.tail:
            current.append(element.tail)
        return
    block = element.tag in _BLOCKS
    if block:
        out.append("".join(current).strip())
        current.clear()
    if element.text:
        current.append(element.text)
    for child in element:
        if isinstance(child.tag, str):
            _blocks(child, out, current)
        elif child.tail:
            current.append(child.tail)
    if block:
        out.append("".join(current).strip())
        current.clear()
    if element.tail:
        current.append(element.tail)


def read_html(data: bytes, document: str) -> HtmlDocument:
    """A web page's article text, its tables and its date."""
    from ingest.text import decode_document

    # Decoded as every text document is (UTF-8, else the legacy encoding detected), then parsed as text.
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", decode_document(data, document))
    if not markup.strip():
        raise IngestError(document, "whole file", "an empty HTML page")
    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise IngestError(document, "whole file", "not a readable HTML page", str(exc)) from None
    date = _metadata_date(root)
    for element in list(root.iter(*_DROP)):
        element.drop_tree()
    article = _article(root)
    lines: list[str] = []
    _blocks(article, lines, [])
    text_lines: list[str] = []
    tables: list[Table] = []
    html_tables = [t for t in article.iter("table") if next(t.iterancestors("table"), None) is None]
    prose_since_table = True
    for line in lines:
        line = nfc(_SPACES.sub(" ", line).strip())
        if line == "\x00table":
            table = html_tables[len(tables)]
            title = text_lines[-1] if text_lines else ""
            rows = table_rows(table)
            where = f"table {len(tables) + 1} (line {rows[0].line})" if rows else f"table {len(tables) + 1}"
            tables.append(Table(rows, where, follows_directly=not prose_since_table, title=title))
            prose_since_table = False
        elif line:
            text_lines.append(line)
            prose_since_table = prose_since_table or len(line) > 200
    return HtmlDocument(text="\n".join(text_lines) + "\n", tables=tables, metadata_date=date)
