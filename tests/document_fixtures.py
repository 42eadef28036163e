"""Word and PDF versions of the bundled reports, made by the tests from the bundled text.

Nothing generated is committed.  ``text_to_docx`` writes the report as an office
would have typed it: paragraphs, markdown headings as Word headings, ``**bold**``
and ``*italic*`` as runs, and each pipe table as a Word table whose merged
header cells are real merges (``Năm 2022`` across its four children, ``TT``,
``Chỉ tiêu`` … down both header rows).  ``to_pdf`` exports that Word file with
LibreOffice when it is installed (the way offices make PDFs), else draws the
report with fpdf2 and the Open Sans font shipped on PyPI (``ttf-opensans``),
with ruled tables, so the tests never depend on a system package.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import docx
from docx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.oxml import OxmlElement
from docx.shared import Cm

from ingest.appendix_text import split_pipe_row

_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-*:?\s*)*\|?\s*$")
_EMPHASIS = re.compile(r"(\*\*[^*]+\*\*|\*[^*\n]+\*|<i>[^<]*</i>)")
_TAG = re.compile(r"<[^>]+>")


def _blocks(text: str) -> list[tuple[str, object]]:
    """('p', line) | ('h', (level, line)) | ('table', rows) in order; blank lines dropped."""
    out: list[tuple[str, object]] = []
    table: list[list[str]] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("|"):
            if not _SEPARATOR.match(stripped):
                table.append([_TAG.sub("", c) for c in split_pipe_row(stripped)])
            continue
        if table:
            out.append(("table", table))
            table = []
        if not stripped:
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", stripped)
        if heading:
            out.append(("h", (len(heading.group(1)), heading.group(2))))
        else:
            out.append(("p", stripped))
    if table:
        out.append(("table", table))
    return out


def _add_runs(paragraph, text: str) -> None:
    for piece in _EMPHASIS.split(text):
        if not piece:
            continue
        if piece.startswith("**") and piece.endswith("**") and len(piece) > 4:
            paragraph.add_run(piece[2:-2]).bold = True
        elif piece.startswith("<i>"):
            paragraph.add_run(piece[3:-4]).italic = True
        elif piece.startswith("*") and piece.endswith("*") and len(piece) > 2:
            paragraph.add_run(piece[1:-1]).italic = True
        else:
            paragraph.add_run(piece)


def _is_numbering(row: list[str]) -> bool:
    return bool(row) and row[0] == "1" and all(re.fullmatch(r"\d+(=\d+/\d+)?", c) for c in row if c)


def _landscape(document) -> None:
    """A landscape section for the appendix, as the biểu is printed."""
    from docx.enum.section import WD_ORIENT, WD_SECTION

    section = document.add_section(WD_SECTION.NEW_PAGE)
    if section.orientation != WD_ORIENT.LANDSCAPE:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    section.left_margin = section.right_margin = Cm(1.5)
    document.add_paragraph()  # LibreOffice keeps the previous page style for a table right after the break


def _add_table(document, rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    table.autofit = False
    widths = [Cm(1.1), Cm(7.5), Cm(2.0)] + [Cm(max(1.6, 15.0 / max(width - 3, 1)))] * (width - 3)
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            cell = table.cell(i, j)
            cell.text = value
            if width >= 6:
                cell.width = widths[j]
    if width >= 6:
        for j, column in enumerate(table.columns):
            column.width = widths[j]
    # Rows do not break across pages, and the header repeats on every page, as the biểu is set.
    for i, tr in enumerate(table._tbl.tr_lst):
        trpr = tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:cantSplit"))
        if i < 2 and len(rows) >= 2 and not _is_numbering(rows[1]) and any(rows[0]) and any(rows[1]):
            trpr.append(OxmlElement("w:tblHeader"))
    # Merge the header the way the department types it: a parent over its children, labels down both rows.
    if len(rows) >= 2 and any(rows[0]) and any(rows[1]) and not _is_numbering(rows[1]):
        top, sub = rows[0], rows[1]
        j = 0
        while j < width:
            if top[j] and sub[j] == "":
                table.cell(0, j).merge(table.cell(1, j)).text = top[j]
                j += 1
                continue
            if top[j]:
                end = j
                while end + 1 < width and top[end + 1] == "" and sub[end + 1]:
                    end += 1
                if end > j:
                    table.cell(0, j).merge(table.cell(0, end)).text = top[j]
                j = end + 1
                continue
            j += 1


def text_to_docx(text: str, path: Path, created: dt.datetime | None = None, footnote: tuple[str, str] | None = None) -> Path:
    """The report ``text`` as a Word file; ``footnote`` = (sentence ending it, note text) adds a real footnote."""
    document = docx.Document()
    landscape = False
    for kind, value in _blocks(text):
        if kind == "table":
            if not landscape and max(len(r) for r in value) >= 8:  # type: ignore[union-attr]
                _landscape(document)
                landscape = True
            _add_table(document, value)  # type: ignore[arg-type]
        elif kind == "h":
            level, line = value  # type: ignore[misc]
            document.add_heading(_TAG.sub("", line).replace("**", ""), level=min(level, 6))
        else:
            paragraph = document.add_paragraph()
            _add_runs(paragraph, str(value))
            if footnote and str(value).endswith(footnote[0]):
                _add_footnote(document, paragraph, footnote[1])
    for section in document.sections:
        _furniture(section)
    props = document.core_properties
    props.created = created or dt.datetime(2000, 1, 1)
    props.modified = props.created
    document.save(str(path))
    return path


RUNNING_HEADER = "UBND TỈNH CAO BẰNG - Tài liệu phục vụ kỳ họp"


def _furniture(section) -> None:
    """A running header and a page number in the footer, as offices set them."""
    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    section.header.paragraphs[0].text = RUNNING_HEADER
    run = section.footer.paragraphs[0].add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        else:
            instr = OxmlElement("w:instrText")
            instr.text = text
            run._r.append(instr)


def _add_footnote(document, paragraph, note: str) -> None:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    blob = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:footnotes xmlns:w="{w}">'
        f'<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="1"><w:p><w:r><w:rPr><w:sz w:val="20"/><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:rPr><w:sz w:val="20"/></w:rPr><w:t xml:space="preserve"> {note}</w:t></w:r></w:p></w:footnote></w:footnotes>'
    ).encode("utf-8")
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    run = paragraph.add_run()
    rpr = OxmlElement("w:rPr")
    align = OxmlElement("w:vertAlign")
    align.set(qn("w:val"), "superscript")
    rpr.append(align)
    run._r.append(rpr)
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), "1")
    run._r.append(ref)


def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf_libreoffice(source: Path, out_dir: Path) -> Path:
    profile = out_dir / "lo-profile"
    subprocess.run(
        [libreoffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out_dir), str(source)],
        check=True, capture_output=True, timeout=240,
    )
    return out_dir / (source.stem + ".pdf")


def text_to_pdf_fpdf(text: str, path: Path) -> Path:
    """The report drawn with fpdf2: paragraphs, and pipe tables as ruled tables."""
    from fpdf import FPDF
    import ttf_opensans

    regular = Path(ttf_opensans.__file__).parent / "fonts" / "OpenSans-Regular.ttf"
    if not regular.exists():
        regular = next(Path(ttf_opensans.__file__).parent.rglob("OpenSans-Regular.ttf"))
    class Report(FPDF):
        def header(self) -> None:
            self.set_font("OpenSans", size=8)
            self.cell(0, 5, RUNNING_HEADER, new_x="LMARGIN", new_y="NEXT")
            self.ln(2)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("OpenSans", size=8)
            self.cell(0, 5, str(self.page_no()), align="C")

    pdf = Report(format="A4", orientation="L")
    pdf.add_font("OpenSans", "", str(regular))
    pdf.set_font("OpenSans", size=10)
    pdf.set_creation_date(dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc))
    pdf.add_page()
    for kind, value in _blocks(text):
        if kind == "table":
            rows = value  # type: ignore[assignment]
            width = max(len(r) for r in rows)
            pdf.set_font("OpenSans", size=6)
            with pdf.table(borders_layout="ALL", first_row_as_headings=False, line_height=3.2) as table:
                for r in rows:
                    row = table.row()
                    for cell in r + [""] * (width - len(r)):
                        row.cell(cell)
            pdf.set_font("OpenSans", size=10)
            pdf.ln(2)
        else:
            line = value[1] if kind == "h" else value  # type: ignore[index]
            line = _TAG.sub("", str(line)).replace("**", "").replace("*", "")
            pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    pdf.output(str(path))
    return path


def to_pdf(text: str, docx_path: Path, pdf_path: Path, use_libreoffice: bool | None = None) -> Path:
    """A PDF of the report: LibreOffice's export of the Word file, else fpdf2's drawing."""
    if use_libreoffice is None:
        use_libreoffice = libreoffice() is not None
    if use_libreoffice:
        try:
            made = docx_to_pdf_libreoffice(docx_path, pdf_path.parent)
            made.rename(pdf_path)
            return pdf_path
        except (subprocess.SubprocessError, OSError):
            pass  # LibreOffice without Writer (only Calc installed), or it failed: draw it instead
    return text_to_pdf_fpdf(text, pdf_path)
