"""One home for settings and errors: profiles.yml agrees with ktxh.settings, and the
bottom layers import without the CLI."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from ktxh import errors, settings

ROOT = Path(__file__).resolve().parents[1]


def _profile_defaults() -> dict[str, str]:
    text = (ROOT / "profiles.yml").read_text(encoding="utf-8")
    return dict(re.findall(r"env_var\('(\w+)',\s*'([^']*)'\)", text))


def test_profiles_yml_reads_the_same_variables_with_the_same_defaults():
    assert _profile_defaults() == {
        "KTXH_DB": settings.DEFAULT_DB,
        "KTXH_DBT_THREADS": str(settings.DEFAULT_DBT_THREADS),
        "KTXH_DUCKDB_MEMORY_LIMIT": settings.DEFAULT_DUCKDB_MEMORY_LIMIT,
    }


def test_settings_read_the_environment_when_called(monkeypatch, tmp_path):
    monkeypatch.delenv("KTXH_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    assert settings.db_path() == tmp_path / "warehouse" / "ktxh.duckdb"
    assert settings.checks_site_dir(settings.db_path()) == tmp_path / "warehouse" / "checks_site"
    monkeypatch.setenv("KTXH_DB", str(tmp_path / "other.duckdb"))
    monkeypatch.setenv("KTXH_AREA", "01")
    monkeypatch.setenv("KTXH_DBT_THREADS", "1")
    monkeypatch.setenv("KTXH_MAX_FILE_BYTES", "1000")
    assert settings.db_path() == tmp_path / "other.duckdb"
    assert settings.default_area() == "01"
    assert settings.dbt_threads() == 1
    assert settings.input_limits().max_file_bytes == 1000
    assert settings.input_limits().max_line_chars == settings.InputLimits().max_line_chars


def test_no_other_module_reads_a_ktxh_variable():
    """Only ktxh/settings.py reads KTXH_* from the environment (setting one, as the
    warehouse does for dbt's child process, is allowed)."""
    readers = []
    for path in ROOT.glob("*/*.py"):
        if path.parts[-2] in {"tests", "bench", ".venv"} or path.name == "settings.py":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"(environ\.get|getenv|environ\[)\(?\s*['\"]KTXH_", text):
            readers.append(path.relative_to(ROOT).as_posix())
    assert readers == []


def test_bottom_layers_import_without_the_cli():
    code = (
        "import sys, ktxh.errors, ktxh.settings, ingest.loader, checks.runner, extracts.export;"
        "print(sorted(m for m in sys.modules if m in ('ktxh.cli', 'ktxh.warehouse')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


def test_errors_carry_their_exit_code():
    refused = errors.IngestError("a.xlsx", "sheet Biểu 01, row 14", "not a number", "1,2,3")
    assert (refused.exit_code, refused.cli_line()) == (
        1, "ktxh: refused: a.xlsx, sheet Biểu 01, row 14: not a number: '1,2,3'")
    assert refused.message == "not a number" and refused.location == "sheet Biểu 01, row 14"
    assert errors.BuildFailed("dbt build failed").exit_code == 2
    assert isinstance(errors.SuiteError("x"), errors.BuildFailed)
    with pytest.raises(errors.WarehouseMissing, match="no warehouse at"):
        errors.require_warehouse(Path("/nonexistent/ktxh.duckdb"))
    from ingest.errors import IngestError

    assert IngestError is errors.IngestError
