"""The command line's edge: every failure is one ``ktxh: …`` line with an exit code from the
README's table (0 done; 1 refused input, a wrong option or failed checks; 2 the warehouse is
busy, unusable or could not be built; 3 an internal error, with the trace in a log file;
130 interrupted); never a traceback."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from .hostile import appendix_only, wh, write

__all__ = ["wh"]


def test_an_internal_error_prints_one_line_and_logs_the_trace(wh, tmp_path, monkeypatch):
    from ingest import loader

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug in a reader")

    monkeypatch.setattr(loader, "parse_document", broken)
    doc = write(tmp_path, "bieu_2022.txt", appendix_only())
    line = wh.refused("ingest", doc, code=3)
    m = re.fullmatch(r"ktxh: internal error \(ZeroDivisionError: a bug in a reader\); the warehouse was not "
                     r"replaced; full trace in (\S+\.log)", line)
    assert m, line
    log = Path(m.group(1))
    assert log.parent == wh.db.parent / "logs"
    trace = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in trace and "ZeroDivisionError: a bug in a reader" in trace


@pytest.mark.parametrize("argv, message", [
    (["ingest"], "ktxh: the following arguments are required: PATH (see `ktxh ingest --help`)"),
    (["inget", "x"], "ktxh: argument COMMAND: invalid choice: 'inget'"),
    (["export", "--year", "hai nghìn"], "ktxh: argument --year: invalid int value: 'hai nghìn'"),
])
def test_a_usage_error_is_one_line_and_exit_1(wh, argv, message):
    line = wh.refused(*argv, code=1)
    assert line.startswith(message), line


@pytest.mark.parametrize("area", ["", "٠٤", " "])
def test_an_empty_or_non_ascii_area_code_is_refused(wh, area):
    from .conftest import ANNUAL_REPORT

    line = wh.refused("ingest", ANNUAL_REPORT, "--area", area)
    assert "--area" in line


def test_the_installed_command_never_shows_a_traceback(tmp_path):
    # the real entry point, as a user runs it, on a document that is a folder of nothing
    result = subprocess.run([sys.executable, "-m", "ktxh.cli", "ingest", str(tmp_path)], capture_output=True,
                            text=True, env={"KTXH_DB": str(tmp_path / "wh.duckdb"), "PATH": "/usr/bin:/bin"},
                            timeout=120)
    assert result.returncode == 1
    assert result.stderr == f"ktxh: refused: {tmp_path.name}, {tmp_path}: no documents (.txt, .md, .docx, .pdf, .html, .htm, .xlsx, .csv) in this folder\n"
