"""The appendix table ("biểu chỉ tiêu") independent of the format it came in.

Every reader (report text, XLSX, CSV) turns its source into a grid of cells with
a location per row and hands it to :func:`parse_grid`, which

* finds the header block by its labels (never by position), including two-row
  headers whose year stands in the parent cell ("Năm 2022" over "KH", "Ước TH");
* skips the column-numbering row ("1 2 3 … 7=6/4") after checking that its
  formulas agree with the columns found;
* reads the body rows, moving ``-``/``+`` markers out of name cells, and parses
  each value strictly (``ingest.numbers``), refusing the whole table on the
  first malformed figure;
* stops at footer rows (notes, signatures).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence, Union

from ktxh import column_roles
from ktxh.errors import IngestError
from ingest.numbers import MalformedNumber, from_spreadsheet_number, parse_vn_number
from ingest.printed_values import PrintedValue, parse_printed
from ingest.structure import parent_rows
from ingest.text import clean_cell

# Column roles: the three value columns of the plan year and the prior and next
# years, and the three printed ratio columns, as seeds/column_roles.csv defines them.
PRIOR_ACTUAL = column_roles.role("prior_actual")
PLAN = column_roles.role("plan")
ESTIMATE = column_roles.role("estimate")
NEXT_PLAN = column_roles.role("next_plan")
PCT_OF_PRIOR = column_roles.role("pct_of_prior")
PCT_OF_PLAN = column_roles.role("pct_of_plan")
NEXT_PLAN_PCT = column_roles.role("next_plan_pct_of_estimate")
VALUE_ROLES = column_roles.ROLE_NAMES
TEXT_ROLES = ("tt", "name", "unit", "note")

# A ratio column is named "<numerator> so với <denominator>".
RATIO_TERMS = column_roles.RATIO_TERMS
# As labels read: "KH 2023 so với ước TH 2022" has a plan on the left, which can
# only be next year's plan (this year's plan against the estimate is not printed).
RATIO_ROLES = {terms: role for role, terms in RATIO_TERMS.items()} | {(PLAN, ESTIMATE): NEXT_PLAN_PCT}

_YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")
# TT markers: I, II (also written i, ii), 1, 4.1, sub-rows a), b), and -, +, *, •, –.
_TT = re.compile(r"^([IVXLC]+|[ivxlc]+|\d+(\.\d+)*|[a-zđ]\)|[-+*•–])\.?$")
_NUMBERING_CELL = re.compile(r"^\d+(\s*=\s*\d+\s*[/:x*+-]\s*\d+)?$")
_MARKER_IN_NAME = re.compile(r"^([-+•–])\s+(?=\S)")


@dataclass(frozen=True)
class SheetNumber:
    """A number stored as a number in a spreadsheet cell, with its format's decimals."""

    value: float | int
    decimals: int | None = None


Cell = Union[str, SheetNumber, None]


@dataclass
class GridRow:
    cells: Sequence[Cell]
    line: int  # line or row number in the source, 1-based
    where: str  # human-readable location, e.g. "line 812" or "sheet Biểu, row 14"


@dataclass
class AppendixRow:
    row_order: int
    line: int
    where: str
    tt: str
    name: str
    unit: str
    note: str
    values: dict[str, PrintedValue | None] = field(default_factory=dict)
    parent_row_order: int | None = None  # the row it is printed under (ingest.structure)


@dataclass
class AppendixTable:
    document: str
    plan_year: int
    header_labels: dict[str, str]  # role -> label as printed (parent and child joined)
    rows: list[AppendixRow]


def _text(cell: Cell) -> str:
    if isinstance(cell, SheetNumber):
        value = cell.value
        return str(int(value)) if float(value).is_integer() else str(value)
    return clean_cell(cell)


def _norm(label: str) -> str:
    return re.sub(r"\s+", " ", label.lower().replace("\n", " ")).strip()


def _value_role(label: str) -> str | None:
    """The value a label names, without the year: estimate, plan or actual.

    The wordings: "Ước TH", "Ước thực hiện", "Ước đạt", "ƯTH" (estimate); "KH",
    "Kế hoạch", "Dự kiến KH", "Mục tiêu", "Chỉ tiêu giao" (plan); "TH", "Thực
    hiện", "Thực hiện cùng kỳ", "Năm trước" (actual)."""
    if re.search(r"ước|\bưth\b", label):
        return ESTIMATE
    if re.search(r"\b(kh|kế hoạch|mục tiêu|chỉ tiêu giao|dự toán)\b", label):
        return PLAN
    if re.search(r"\b(th|thực hiện|cùng kỳ|năm trước)\b", label):
        return PRIOR_ACTUAL
    return None


# A ratio whose left term is not printed ("So với thực hiện năm 2021 (%)", or
# "Với KH" under a "So sánh (%)" parent) compares the column group's own value
# (its parent's, when the parent names one) or else what such a column always
# compares: the estimate with last year's actual or with the plan, and next
# year's plan with the estimate.
IMPLIED_NUMERATOR = {PRIOR_ACTUAL: ESTIMATE, PLAN: ESTIMATE, ESTIMATE: NEXT_PLAN}
_RATIO_GROUP = re.compile(r"^(so sánh|tỷ lệ|tỉ lệ)(\s*\(%\))?$|^%$")
_SLASH_RATIO = re.compile(r"^(?P<left>[^/]+?)\s*/\s*(?P<right>[^/]+)$")


def _ratio_role(left: str, right: str, implied: str | None = None) -> str:
    top, bottom = _value_role(left), _value_role(right)
    if top is None and not re.search(r"\w", re.sub(r"\(%\)|%|năm|\d", "", left)):
        top = implied if implied is not None and implied != bottom else IMPLIED_NUMERATOR.get(bottom or "")
    if top == NEXT_PLAN:
        top = PLAN
    if top == PRIOR_ACTUAL and bottom in (PRIOR_ACTUAL, PLAN):
        # "TH 2022 so với TH 2021", "TH 2022 so với KH 2022": a report made after the year,
        # whose actual stands where the estimate would.
        top = ESTIMATE
    return RATIO_ROLES.get((top or "", bottom or ""), "ratio?")


def is_ratio_group(label: str) -> bool:
    """A parent heading over ratio columns: "So sánh (%)", "Tỷ lệ (%)"."""
    return bool(_RATIO_GROUP.match(_norm(label)))


def classify_label(label: str, implied: str | None = None) -> str | None:
    """The role a header label names (years aside), or None when it names none.

    ``implied`` is the value role of the column's parent heading, the numerator
    of a ratio label that prints only its denominator.
    """
    text = _norm(label)
    if not text:
        return None
    if re.fullmatch(r"s?tt|số tt", text):
        return "tt"
    if re.search(r"đơn vị( tính)?|\bđvt\b", text):
        return "unit"
    if "ghi chú" in text:
        return "note"
    if re.match(r"đánh giá\b", text) and not re.search(r"\d{4}", text):
        return "verdict"  # "Đánh giá" (Đạt / Vượt / Không đạt): the note column where there is no "Ghi chú"
    if "so với" in text:
        left, right = text.split("so với", 1)
        return _ratio_role(left, right, implied)
    slash = _SLASH_RATIO.match(re.sub(r"\s*\(%\)\s*$", "", text))
    if slash and _value_role(slash.group("left")) and _value_role(slash.group("right")):
        return _ratio_role(slash.group("left"), slash.group("right"))
    if re.search(r"chỉ tiêu(?! giao)|nội dung", text):
        return "name"
    return _value_role(text)


def _is_numbering_row(texts: list[str]) -> bool:
    filled = [t for t in texts if t]
    return len(filled) >= 4 and filled[0] == "1" and all(_NUMBERING_CELL.match(t) for t in filled)


def find_header_row(rows: Sequence[GridRow]) -> int | None:
    """Index of the table's header row (it names 'Chỉ tiêu' and 'TT' or 'Đơn vị tính'), or None.

    Readers use it too: the XLSX reader to know which merged ranges are header
    cells, the CSV reader to tell which delimiter gives a table.
    """
    for i, row in enumerate(rows):
        roles = {classify_label(_text(c)) for c in row.cells}
        if "name" in roles and ({"tt", "unit"} & roles):
            return i
    return None


def _column_labels(header_rows: list[list[str]], width: int) -> list[tuple[str, str]]:
    """(parent, child) label per column; a blank parent under a merged cell takes the
    parent to its left, as long as the column has a child label of its own."""
    labels: list[tuple[str, str]] = []
    if len(header_rows) == 1:
        return [(header_rows[0][j] if j < len(header_rows[0]) else "", "") for j in range(width)]
    top, sub = header_rows[0], header_rows[-1]
    carried = ""
    for j in range(width):
        parent = top[j] if j < len(top) else ""
        child = sub[j] if j < len(sub) else ""
        if parent:
            carried = parent
        elif child:
            parent = carried
        else:
            carried = ""
        labels.append((parent, child))
    return labels


def _resolve_columns(document: str, labels: list[tuple[str, str]], where: str) -> tuple[dict[str, int], dict[str, str], int]:
    """Map roles to column indexes and find the plan year from the labels."""
    found: dict[str, int] = {}
    printed: dict[str, str] = {}
    years: dict[int, int] = {}
    later: dict[str, tuple[int, str]] = {}  # a second actual column, the estimate's stand-in
    verdict: tuple[int, str] | None = None  # a "Đánh giá" column
    for j, (parent, child) in enumerate(labels):
        own = child or parent
        if child and is_ratio_group(parent) and "so với" not in _norm(child) and "/" not in child:
            own = "so với " + re.sub(r"^(so\s+)?với\s+", "", _norm(child))  # "So sánh (%)" over "Với KH"
        implied = _value_role(_norm(parent)) if child and parent else None
        role = classify_label(own, implied)
        if role is None and child:
            role = classify_label(parent)
        if role is None:
            continue
        if role == "ratio?":
            raise IngestError(document, where, "a ratio column whose terms are not recognised", own)
        if role == "verdict":
            verdict = verdict or (j, own)
            continue
        year_match = _YEAR.search(own) if role in (PLAN, ESTIMATE, PRIOR_ACTUAL) else None
        if role in (PLAN, ESTIMATE, PRIOR_ACTUAL) and year_match is None and child:
            year_match = _YEAR.search(parent)
        label = f"{parent} / {child}" if parent and child and parent != child else own
        if year_match:
            years[j] = int(year_match.group(0))
        if role == PRIOR_ACTUAL and PRIOR_ACTUAL in found and ESTIMATE not in found and ESTIMATE not in later:
            # Two actual columns in a report made after the year ("TH 2021", "TH 2022"):
            # the later year's actual stands where the estimate would.
            first = found[PRIOR_ACTUAL]
            if years.get(j, 0) > years.get(first, 0):
                later[ESTIMATE] = (j, label)
            else:
                later[ESTIMATE] = (first, printed[PRIOR_ACTUAL])
                found[PRIOR_ACTUAL], printed[PRIOR_ACTUAL] = j, label
            continue
        if role in found and role not in (PLAN,):
            raise IngestError(document, where, f"two columns are labelled as {role}", label)
        if role == PLAN and PLAN in found:
            # Two plan columns: the later year is next year's plan.
            first = found[PLAN]
            if years.get(j, 0) > years.get(first, 0):
                found[NEXT_PLAN], printed[NEXT_PLAN] = j, label
            else:
                found[NEXT_PLAN], printed[NEXT_PLAN] = first, printed[PLAN]
                found[PLAN], printed[PLAN] = j, label
            continue
        found[role] = j
        printed[role] = label
    if "note" not in found and verdict is not None:
        found["note"], printed["note"] = verdict
    if ESTIMATE not in found and ESTIMATE in later:
        found[ESTIMATE], printed[ESTIMATE] = later[ESTIMATE]
    elif ESTIMATE in found and ESTIMATE in later:
        raise IngestError(document, where, "two columns are labelled as prior_actual", later[ESTIMATE][1])
    if ESTIMATE not in found and PRIOR_ACTUAL in found and PLAN in found and (
        years.get(found[PRIOR_ACTUAL]) is not None and years.get(found[PRIOR_ACTUAL]) == years.get(found[PLAN])
    ):
        # "KH 2022 | TH 2022": the plan year's own actual is the figure set against its plan.
        found[ESTIMATE], printed[ESTIMATE] = found.pop(PRIOR_ACTUAL), printed.pop(PRIOR_ACTUAL)
    for required in ("name", ESTIMATE):
        if required not in found:
            raise IngestError(document, where, f"no column labelled as {required}")
    if found[ESTIMATE] not in years:
        raise IngestError(document, where, "the estimate column names no year", printed[ESTIMATE])
    plan_year = years[found[ESTIMATE]]
    if PLAN in found and NEXT_PLAN not in found and years.get(found[PLAN]) == plan_year + 1:
        # the only KH column is next year's: the table has no plan for its own year
        raise IngestError(
            document, where,
            f"no column for the plan of {plan_year} (KH {plan_year}); the only KH column is next year's",
            printed[PLAN],
        )
    expected = {PRIOR_ACTUAL: plan_year - 1, PLAN: plan_year, NEXT_PLAN: plan_year + 1}
    for role, year in expected.items():
        if role in found and found[role] in years and years[found[role]] != year:
            raise IngestError(
                document, where, f"column year does not fit plan year {plan_year} ({role} should be {year})", printed[role]
            )
    return found, printed, plan_year


def _check_numbering(document: str, row: GridRow, texts: list[str], columns: dict[str, int]) -> None:
    """The numbering row's formulas ("7=6/4") must agree with the roles found."""
    number_of = {j: t for j, t in enumerate(texts) if t}
    by_number = {t.split("=")[0].strip(): j for j, t in number_of.items()}
    role_at = {j: role for role, j in columns.items()}
    for ratio, (numerator, denominator) in RATIO_TERMS.items():
        j = columns.get(ratio)
        if j is None or "=" not in number_of.get(j, ""):
            continue
        formula = re.match(r"\d+\s*=\s*(\d+)\s*[/:]\s*(\d+)", number_of[j])
        if not formula:
            continue
        top, bottom = (role_at.get(by_number.get(n, -1)) for n in formula.groups())
        if (top, bottom) != (numerator, denominator):
            raise IngestError(
                document, row.where,
                f"the numbering row says column {ratio} is {formula.group(1)}/{formula.group(2)}, "
                f"which are {top}/{bottom} by their headings",
                number_of[j],
            )


def _is_footer(texts: list[str], columns: dict[str, int]) -> bool:
    tt = texts[columns["tt"]] if "tt" in columns and columns["tt"] < len(texts) else ""
    if tt and not _TT.match(tt):
        return True
    name = texts[columns["name"]] if columns["name"] < len(texts) else ""
    return bool(re.match(r"^(ghi chú|nguồn|người lập|thủ trưởng|ngày \d)", name.lower()))


def _is_number(text: str) -> bool:
    try:
        return parse_vn_number(text) is not None
    except MalformedNumber:
        return False


def parse_grid(document: str, rows: list[GridRow]) -> AppendixTable:
    """Read an appendix table from a grid of cells; see the module docstring."""
    start = find_header_row(rows)
    if start is None:
        raise IngestError(document, "whole table", "no header row naming 'Chỉ tiêu' and 'TT' or 'Đơn vị tính'")
    # the table's width is its header's: a figure beyond the last labelled column is refused below
    width = max(len(rows[start].cells), len(rows[start + 1].cells) if start + 1 < len(rows) else 0)
    header = [[_text(c) for c in rows[start].cells]]
    i = start + 1
    # A second header row holds the children of merged parents ("KH 2022" under "Năm 2022").
    if i < len(rows):
        texts = [_text(c) for c in rows[i].cells]
        if not _is_numbering_row(texts) and any(classify_label(t) not in (None, "name") for t in texts) and not any(
            _TT.match(t) for t in texts[:1] if t
        ):
            header.append(texts)
            i += 1
    columns, printed, plan_year = _resolve_columns(document, _column_labels(header, width), rows[start].where)

    body: list[AppendixRow] = []
    for row in rows[i:]:
        texts = [_text(c) for c in row.cells]
        if not any(texts):
            continue
        if _is_numbering_row(texts):
            _check_numbering(document, row, texts, columns)
            continue
        if any(classify_label(t) == "name" for t in texts) and find_header_row([row]) is not None:
            continue  # a header repeated at a page break
        if _is_footer(texts, columns):
            figures = [texts[j] for role, j in columns.items() if role in VALUE_ROLES and j < len(texts) and texts[j]]
            if figures:
                tt = texts[columns["tt"]] if "tt" in columns and columns["tt"] < len(texts) else ""
                raise IngestError(
                    document, row.where,
                    "a row with figures whose TT is not a row marker (I, 1, 4.1, a), -, +); "
                    "refused rather than taken for the end of the table",
                    tt,
                )
            break
        extra = [t for j, t in enumerate(texts) if t and j >= width]
        if extra:
            raise IngestError(document, row.where, "a cell beyond the table's last column", extra[0])

        def cell(role: str) -> Cell:
            j = columns.get(role)
            return row.cells[j] if j is not None and j < len(row.cells) else None

        tt, name = _text(cell("tt")), _text(cell("name"))
        marker = _MARKER_IN_NAME.match(name)
        if marker and not tt:
            tt, name = marker.group(1), name[marker.end():]
        values: dict[str, PrintedValue | None] = {}
        for role in VALUE_ROLES:
            raw = cell(role)
            if raw is None:
                values[role] = None
            elif isinstance(raw, SheetNumber):
                values[role] = PrintedValue.of(from_spreadsheet_number(raw.value, raw.decimals))
            else:
                try:
                    values[role] = parse_printed(_text(raw))
                except MalformedNumber:
                    what = "malformed number"
                    parts = _text(raw).split()
                    if len(parts) > 1 and all(_is_number(p) for p in parts):
                        what = f"{len(parts)} figures in one cell (two columns merged?)"
                    raise IngestError(
                        document, row.where, f"{what} in column '{printed.get(role, role)}'", _text(raw)
                    ) from None
        body.append(
            AppendixRow(
                row_order=len(body) + 1, line=row.line, where=row.where, tt=tt, name=name,
                unit=_text(cell("unit")), note=_text(cell("note")), values=values,
            )
        )
    if not body:
        raise IngestError(document, "whole table", "the table has a header but no rows")
    outline = parent_rows([(r.tt, r.name, any(v is not None for v in r.values.values())) for r in body])
    for r, parent in zip(body, outline):
        r.parent_row_order = body[parent].row_order if parent is not None else None
    return AppendixTable(document=document, plan_year=plan_year, header_labels=printed, rows=body)
