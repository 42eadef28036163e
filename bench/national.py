"""The national set for ``make bench``: 34 provinces x 10 years, made from the bundled documents.

For each province (the 34 codes of today's list, named as they were before the 2025
reorganisation, ``seeds/areas.csv``) and plan year (2015-2024 by default):

* one appendix table (the 2022 report's biểu, years shifted), in turn as report text (.txt),
  CSV and XLSX, the formats a department sends;
* twelve monthly reports, made from the three bundled ones (June 2021, April and September 2022)
  with the province's name, the month and year in the date line, every year shifted, and every
  decimal figure of the prose scaled by a factor of the province and month (printed decimals
  kept), in turn as .txt, .md and .html.

Every document is its own content (a different batch). Nothing here reads outside the project.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "documents" / "04_cao-bang"
ANNUAL = "2022-11_bao-cao-kt-xh-2022-phuong-huong-2023.txt"
MONTHLY = {  # template -> its own year
    "2021-06_bao-cao-kiem-diem-6-thang-dau-nam.txt": 2021,
    "2022-04_thong-bao-ket-luan-phien-hop-thang-4.txt": 2022,
    "2022-09_bao-cao-chi-dao-dieu-hanh-thang-9.txt": 2022,
}
_YEAR = re.compile(r"(?<![\d.,/])(20[0-3]\d)(?![\d.,])")
_DECIMAL = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})*),(\d{1,2})(?![\d.,])")
_DATE_LINE = re.compile(r"^Cao Bằng, ngày \d{1,2} tháng \d{1,2} năm \d{4}$", re.MULTILINE)


@dataclass(frozen=True)
class NationalSet:
    folder: Path
    provinces: int
    years: int
    appendix_tables: int
    monthly_reports: int
    bytes: int

    @property
    def documents(self) -> int:
        return self.appendix_tables + self.monthly_reports


def provinces(n: int) -> list[tuple[str, str]]:
    """(code, name before 2025) of the first ``n`` of today's provinces, by code."""
    rows = list(csv.DictReader((ROOT / "seeds" / "areas.csv").open(encoding="utf-8")))
    today = sorted({r["area_code"] for r in rows if not r["valid_to"]})
    before = {r["area_code"]: r["area_name"] for r in rows if r["valid_to"]}
    return [(code, before.get(code, code)) for code in today][:n]


def _shift_years(text: str, shift: int) -> str:
    return _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text) if shift else text


def _scale(text: str, factor: float) -> str:
    """Every decimal figure (``39,48``, ``1.949,5``) times ``factor``, at its printed decimals."""
    def scaled(m: re.Match) -> str:
        whole, fraction = m.group(1).replace(".", ""), m.group(2)
        value = float(f"{whole}.{fraction}") * factor
        digits = f"{value:,.{len(fraction)}f}"  # 1,949.50
        return digits.replace(",", " ").replace(".", ",").replace(" ", ".")
    return _DECIMAL.sub(scaled, text)


def _appendix_text(year: int) -> str:
    text = (BUNDLED / ANNUAL).read_text(encoding="utf-8")
    return _shift_years(text[text.rindex("\nPhụ lục\n"):], year - 2022)


def _grid(appendix: str) -> list[list[str]]:
    """The biểu's rows as cells (pipe-table lines; rule lines and empty page-break headers left out)."""
    rows = []
    for line in appendix.splitlines():
        if not line.startswith("|") or re.fullmatch(r"\|[\s|:-]*", line) and "-" in line:
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if any(cells):
            rows.append([re.sub(r"</?i>", "", c) for c in cells])
    return rows


def _write_xlsx(rows: list[list[str]], path: Path) -> None:
    from openpyxl import Workbook

    plain = re.compile(r"^-?\d{1,3}(\.\d{3})*(,\d+)?$")
    wb = Workbook()
    ws = wb.active
    ws.title = "Biểu"
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row, start=1):
            if r > 4 and c > 3 and plain.match(text):
                whole, _, fraction = text.partition(",")
                cell = ws.cell(row=r, column=c, value=float(whole.replace(".", "") + "." + (fraction or "0")))
                cell.number_format = "#,##0" + ("." + "0" * len(fraction) if fraction else "")
            else:
                ws.cell(row=r, column=c, value=text or None)
    wb.save(path)


def _html(text: str, title: str) -> str:
    from html import escape

    paragraphs = "\n".join(f"<p>{escape(p)}</p>" for p in re.split(r"\n\s*\n", text) if p.strip())
    return f"<!doctype html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{escape(title)}</title></head>\n<body><article>\n{paragraphs}\n</article></body></html>\n"


def monthly_name(year: int, month: int, y: int) -> str:
    return f"{year}-{month:02d}_bao-cao-thang-{month}-nam-{year}" + (".txt", ".md", ".html")[(month + y) % 3]


def monthly_report(templates: dict[str, str], code: str, name: str, p: int, y: int, year: int, month: int,
                   target: Path) -> str:
    """The text of province number ``p``'s report for ``month`` of ``year`` (``y``: the year's number)."""
    template, own_year = list(MONTHLY.items())[(month + p) % len(MONTHLY)]
    text = _DATE_LINE.sub(f"Cao Bằng, ngày 28 tháng {month} năm {own_year}", templates[template])
    text = _shift_years(text, year - own_year).replace("Cao Bằng", name)
    text = _scale(text, 0.9 + ((int(code) * 7 + month * 3 + y) % 21) / 100)
    return _html(text, target.stem) if target.suffix == ".html" else text


def new_month(folder: Path, n_years: int = 10, last_year: int = 2024) -> Path:
    """The first province's report for January after the set's last year, in ``folder``."""
    templates = {name: (BUNDLED / name).read_text(encoding="utf-8") for name in MONTHLY}
    (code, name), = provinces(1)
    year = last_year + 1
    target = folder / f"{code}_province" / monthly_name(year, 1, n_years)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(monthly_report(templates, code, name, 0, n_years, year, 1, target), encoding="utf-8")
    return target


def generate(folder: Path, n_provinces: int = 34, n_years: int = 10, months: int = 12,
             last_year: int = 2024) -> NationalSet:
    """Write the set under ``folder/<code>_<slug>/``; returns what was written."""
    templates = {name: (BUNDLED / name).read_text(encoding="utf-8") for name in MONTHLY}
    years = list(range(last_year - n_years + 1, last_year + 1))
    appendix_by_year = {year: _appendix_text(year) for year in years}
    tables = reports = size = 0
    for p, (code, name) in enumerate(provinces(n_provinces)):
        place = folder / f"{code}_province"
        place.mkdir(parents=True, exist_ok=True)
        for y, year in enumerate(years):
            appendix = appendix_by_year[year].replace("Cao Bằng", name)
            # one figure of the province's own (GRDP per capita), so no two tables are the same
            appendix = appendix.replace("| Triệu đồng | 37,18 |", f"| Triệu đồng | {30 + (int(code) + y) % 9},18 |")
            kind = (p + y) % 3
            stem = place / f"{year}-11_bieu-chi-tieu-{year}"
            if kind == 0:
                target = stem.with_suffix(".txt")
                target.write_text(appendix, encoding="utf-8")
            elif kind == 1:
                target = stem.with_suffix(".csv")
                with target.open("w", encoding="utf-8", newline="") as fh:
                    csv.writer(fh).writerows(_grid(appendix))
            else:
                target = stem.with_suffix(".xlsx")
                _write_xlsx(_grid(appendix), target)
            size += target.stat().st_size
            tables += 1
            for month in range(1, months + 1):
                target = place / monthly_name(year, month, y)
                target.write_text(monthly_report(templates, code, name, p, y, year, month, target), encoding="utf-8")
                size += target.stat().st_size
                reports += 1
    return NationalSet(folder, n_provinces, n_years, tables, reports, size)
