"""Helpers for the consistency-check tests: synthetic appendix texts and warehouses built from them.

Synthetic tables start from the 2022 appendix bundled in documents/ (the real layout, all 17
indicators) and are edited row by row, so each test says exactly what it changed.
"""

from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from ingest.appendix_text import split_pipe_row
from ingest.text import clean_cell
from ktxh import cli

ROOT = Path(__file__).resolve().parents[2]
ANNUAL_REPORT = ROOT / "documents" / "04_cao-bang" / "2022-11_bao-cao-kt-xh-2022-phuong-huong-2023.txt"

# Cell positions in an appendix row: TT, Chỉ tiêu, ĐVT, TH, KH, ước TH, 7=6/4, 8=6/5, KH năm sau, 10=9/6, ghi chú
COLUMNS = {
    "tt": 0, "name": 1, "unit": 2, "prior_actual": 3, "plan": 4, "estimate": 5,
    "pct_of_prior": 6, "pct_of_plan": 7, "next_plan": 8, "next_plan_pct_of_estimate": 9, "note": 10,
}
VALUE_COLUMNS = ("prior_actual", "plan", "estimate", "pct_of_prior", "pct_of_plan", "next_plan", "next_plan_pct_of_estimate")

# The six printed ratios of the 2022 appendix that rounding cannot explain, corrected: a clean table.
CORRECTIONS_2022 = {
    ("Tỷ lệ xã có đường đến trung tâm xã được nhựa hóa/ bê tông hóa", "pct_of_plan"): "100,8",  # 98,8/98,0
    ("Tỷ lệ số xã đạt chuẩn quốc gia về y tế xã", "pct_of_plan"): "115,1",  # 80,1/69,6
    ("Tỷ lệ số xã đạt chuẩn quốc gia về y tế xã", "next_plan_pct_of_estimate"): "102,4",  # 82,0/80,1
    ("Tỷ lệ gia đình văn hóa", "pct_of_prior"): "99,4",  # 85,0/85,5
    ("Tỷ lệ lao động qua đào tạo", "pct_of_prior"): "103,4",  # 48,2/46,6
    ("Trong đó: Tỷ lệ qua đào tạo nghề", "pct_of_prior"): "104,1",  # 35,8/34,4
}


def _row_name(cells: list[str]) -> str:
    return re.sub(r"^[-+]\s+", "", clean_cell(cells[1])) if len(cells) > 1 else ""


@dataclass
class AppendixText:
    """An appendix as report text: the title and the pipe-table lines, editable by row name."""

    lines: list[str]

    @classmethod
    def from_report(cls, path: Path = ANNUAL_REPORT) -> "AppendixText":
        text = path.read_text(encoding="utf-8").splitlines()
        start = next(i for i, line in enumerate(text) if line.startswith("BÁO CÁO TÌNH HÌNH THỰC HIỆN CHỈ TIÊU"))
        last = max(i for i, line in enumerate(text) if line.startswith("|"))
        return cls(lines=text[start:last + 1])

    @classmethod
    def clean_2022(cls) -> "AppendixText":
        appendix = cls.from_report()
        for (name, column), printed in CORRECTIONS_2022.items():
            appendix.set(name, column, printed)
        return appendix

    def _find(self, name: str) -> int:
        found = [i for i, line in enumerate(self.lines)
                 if line.startswith("|") and _row_name(split_pipe_row(line)) == name]
        assert len(found) == 1, f"{len(found)} rows named {name!r}"
        return found[0]

    def line_of(self, name: str) -> int:
        """The row's line number in the written document (text() puts two lines before the title)."""
        return self._find(name) + 3

    def cells(self, name: str) -> list[str]:
        return split_pipe_row(self.lines[self._find(name)])

    def get(self, name: str, column: str) -> str:
        return self.cells(name)[COLUMNS[column]]

    def set(self, name: str, column: str, printed: str) -> "AppendixText":
        i = self._find(name)
        cells = split_pipe_row(self.lines[i])
        cells[COLUMNS[column]] = printed
        self.lines[i] = "| " + " | ".join(cells) + " |"
        return self

    def drop(self, *names: str) -> "AppendixText":
        for name in names:
            del self.lines[self._find(name)]
        return self

    def duplicate(self, name: str) -> "AppendixText":
        i = self._find(name)
        self.lines.insert(i + 1, self.lines[i])
        return self

    def insert_after(self, name: str, cells: list[str]) -> "AppendixText":
        self.lines.insert(self._find(name) + 1, "| " + " | ".join(cells) + " |")
        return self

    def next_year(self) -> "AppendixText":
        """The following year's appendix as the next report would print it: every year in the
        title and headers moves on by one, TH is this table's ước TH, KH and ước TH are its
        KH năm sau, and the ratio columns are left blank."""
        numbering = next(i for i, line in enumerate(self.lines) if line.startswith("| 1 | 2 | 3"))
        lines = [re.sub(r"(?<!\d)(20\d\d)(?!\d)", lambda m: str(int(m.group(1)) + 1), line)
                 for line in self.lines[:numbering]]
        lines.append(self.lines[numbering])
        for line in self.lines[numbering + 1:]:
            cells = split_pipe_row(line) if line.startswith("|") and not line.startswith("|-") else None
            if cells and len(cells) == 11:
                old = dict(zip(COLUMNS, cells))
                if any(old[c] for c in VALUE_COLUMNS):
                    old.update(prior_actual=old["estimate"], plan=old["next_plan"], estimate=old["next_plan"],
                               pct_of_prior="", pct_of_plan="", next_plan_pct_of_estimate="")
                line = "| " + " | ".join(old[c] for c in COLUMNS) + " |"
            lines.append(line)
        return AppendixText(lines=lines)

    def text(self) -> str:
        return "Phụ lục\n\n" + "\n".join(self.lines) + "\n"

    def write(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.text(), encoding="utf-8")
        return path


def ktxh(*args: str) -> tuple[int, str]:
    """Run the command line in-process; its exit code and what it printed."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli.main(list(args))
    return code, out.getvalue()


def findings(db: Path, where: str = "true") -> list[tuple]:
    """(check_name, severity, measure_code, figure, printed_text) of checks.findings, sorted."""
    with duckdb.connect(str(db), read_only=True) as con:
        return sorted(con.execute(
            f"select check_name, severity, measure_code, figure, printed_text from checks.findings where {where}"
        ).fetchall(), key=repr)


def query(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


@dataclass
class Checked:
    """A warehouse after ingest, build and check: the file and each step's exit code and output."""

    db: Path
    build_code: int
    check_code: int
    check_output: str


def ingest_build_check(db: Path, *documents: Path) -> Checked:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KTXH_DB", str(db))
        mp.delenv("KTXH_CHECKS_SITE", raising=False)
        for document in documents:
            code, _ = ktxh("ingest", str(document))
            assert code == 0
        build_code, _ = ktxh("build")
        check_code, output = ktxh("check")
    return Checked(db=db, build_code=build_code, check_code=check_code, check_output=output)


@pytest.fixture(scope="session")
def real_2022(tmp_path_factory) -> Checked:
    """The bundled 2022 annual report, ingested, built and checked once."""
    return ingest_build_check(tmp_path_factory.mktemp("real") / "ktxh.duckdb", ANNUAL_REPORT)
