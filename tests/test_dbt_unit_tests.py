"""dbt's unit tests (the `unit_tests:` of each folder's yml: a model's logic on fixed inputs) are
not run by `ktxh build` (they test the project, not the data, and cost about 1 s each); the
suite runs every one of them here."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from ktxh import settings, warehouse

from .conftest import copy_warehouse

ROOT = Path(__file__).resolve().parents[1]


def _declared() -> set[str]:
    names = set()
    for path in [*ROOT.glob("models/*/*.yml"), ROOT / "seeds" / "_seeds.yml"]:
        for test in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("unit_tests") or []:
            names.add(f"unit_test.ktxh.{test['model']}.{test['name']}")
    return names


def test_every_dbt_unit_test_passes(built_warehouse, tmp_path):
    declared = _declared()
    assert "unit_test.ktxh.int_plan_attainment.lower_is_better_and_growth_index" in declared
    db = copy_warehouse(built_warehouse, tmp_path / "ktxh.duckdb")
    warehouse.dbt(["test", "--select", "resource_type:unit_test"], db)  # BuildFailed if one fails
    results = json.loads((settings.dbt_work_dir(db) / "target" / "run_results.json").read_text(encoding="utf-8"))
    # (the project's on-run-end hook, which writes the docs as comments, is an operation)
    ran = {r["unique_id"]: r["status"] for r in results["results"] if not r["unique_id"].startswith("operation.")}
    assert ran == {name: "pass" for name in declared}
