"""dbt's documentation as one static page (`make docs`), generated from a built warehouse."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .conftest import PROJECT


def test_dbt_docs_generate_static(built_warehouse, tmp_path):
    env = {**os.environ, "KTXH_DB": str(built_warehouse), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    result = subprocess.run(
        [sys.executable, "-c", "from dbt.cli.main import cli; cli()", "docs", "generate", "--static",
         "--profiles-dir", str(PROJECT), "--project-dir", str(PROJECT), "--target-path", str(tmp_path / "target"),
         "--log-path", str(tmp_path / "logs"), "--quiet"],
        env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    page = Path(tmp_path / "target" / "static_index.html").read_text(encoding="utf-8")
    # the manifest is embedded as JSON, non-ASCII as \\u escapes
    assert "fct_plan_attainment" in page
    assert json.dumps("Ước TH so với KH (%), recomputed, DECIMAL(18, 4)")[1:-1] in page
