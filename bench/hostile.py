"""Benchmark of hostile inputs: wall time and peak memory of `ktxh ingest` on inputs of up to
50 MB made from the bundled documents, each run in a fresh child process.

Prints figures; asserts nothing.  The target (issue 11): on any input of at most 50 MB ktxh
finishes in under 60 s and under 1 GB, or refuses it.

    python bench/hostile.py              # every case
    python bench/hostile.py xlsx_cells   # the cases whose name contains a word
"""

from __future__ import annotations

import io
from typing import Callable
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "documents" / "04_cao-bang" / "2022-11_bao-cao-kt-xh-2022-phuong-huong-2023.txt"
BIEU_XLSX = ROOT / "tests" / "fixtures" / "bieu" / "bieu_chi_tieu_2022_cao_bang.xlsx"
BIEU_CSV = ROOT / "tests" / "fixtures" / "bieu" / "bieu_chi_tieu_2022_cao_bang.csv"
MB = 1024 * 1024
TARGET = 50 * MB


def _repeat_to(text: str, size: int) -> str:
    data = text * (size // len(text.encode("utf-8")) + 1)
    return data[: size // 2] if len(data.encode("utf-8")) > size else data


def _fit(text: str, size: int = TARGET) -> bytes:
    data = text.encode("utf-8")
    while len(data) < size:
        data += data
    return data[:size].rsplit(b"\n", 1)[0] + b"\n"


def _sheet_xml(rows: int, cols: int) -> bytes:
    cells = "".join(f'<c t="n"><v>{c}.5</v></c>' for c in range(cols))
    body = "".join(f'<row r="{r}">{cells}</row>' for r in range(1, rows + 1))
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            f'spreadsheetml/2006/main"><sheetData>{body}</sheetData></worksheet>').encode()


def _xlsx_with_sheet(sheet: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(BIEU_XLSX) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        part = sorted(n for n in z.namelist() if n.startswith("xl/worksheets/sheet"))[-1]
        for info in z.infolist():
            w.writestr(info, sheet if info.filename == part else z.read(info))
    return out.getvalue()


def cases() -> dict[str, tuple[str, Callable[[], bytes]]]:
    report = REPORT.read_text(encoding="utf-8")
    one_line = " ".join(report.splitlines())
    csv_text = BIEU_CSV.read_bytes().decode("utf-8-sig")
    head, _, body = csv_text.partition('"I","Chỉ tiêu kinh tế"')
    body = '"I","Chỉ tiêu kinh tế"' + body.split('"Ghi chú:')[0]
    return {
        "report_text_50mb": ("bao-cao.txt", lambda: _fit(report)),
        "one_line_50mb": ("bao-cao-mot-dong.txt", lambda: _fit(one_line * 400).replace(b"\n", b" ") + b"\n"),
        "digit_runs_50mb": ("bao-cao-so.txt", lambda: _fit(("Tổng thu ước đạt " + "1.1." * 20_000 + " tỷ đồng.\n"))),
        "parens_50mb": ("bao-cao-ngoac.txt", lambda: _fit(("Theo " + "(" * 90_000 + " báo cáo.\n"))),
        "csv_rows_50mb": ("bieu.csv", lambda: (head + body * (TARGET // len(body.encode("utf-8")))).encode("utf-8")[:TARGET]
                          .rsplit(b"\n", 1)[0] + b"\n"),
        "xlsx_1m_cells": ("bieu_1m.xlsx", lambda: _xlsx_with_sheet(_sheet_xml(100_000, 10))),
        "xlsx_5m_cells_zip_bomb": ("bieu_5m.xlsx", lambda: _xlsx_with_sheet(_sheet_xml(500_000, 10))),
    }


# The child reports its own peak resident memory (VmHWM: reset by exec, unlike ru_maxrss).
_CHILD = """
import sys
from ktxh.cli import main
try:
    code = main(sys.argv[1:])
finally:
    peak = next(l for l in open('/proc/self/status') if l.startswith('VmHWM'))
    print('#peak', peak.split()[1], file=sys.stderr)
sys.exit(code)
"""


def run(name: str, file_name: str, make, folder: Path) -> None:
    data = make()
    path = folder / file_name
    path.write_bytes(data)
    size = len(data)
    del data
    db = folder / f"{name}.duckdb"
    env = {**os.environ, "KTXH_DB": str(db)}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _CHILD, "ingest", str(path)], env=env, cwd=ROOT,
                            capture_output=True, text=True)
    seconds = time.perf_counter() - start
    lines = result.stderr.strip().splitlines()
    peak_kb = int(next((l.split()[1] for l in lines if l.startswith("#peak")), 0))
    said = next((l for l in reversed(lines) if not l.startswith("#peak")), "") or result.stdout.strip()
    said = re.sub(r"/\S+/", "", said)[:150]
    print(f"{name:<24} {size / MB:6.1f} MB  {seconds:6.1f} s  {peak_kb / 1024:6.0f} MB peak  "
          f"exit {result.returncode}  {said}", flush=True)
    path.unlink()


def main(words: list[str]) -> None:
    print(f"{'case':<24} {'size':>9}  {'time':>8}  {'memory':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, (file_name, make) in cases().items():
            if not words or any(w in name for w in words):
                run(name, file_name, make, Path(tmp))


if __name__ == "__main__":
    main(sys.argv[1:])
