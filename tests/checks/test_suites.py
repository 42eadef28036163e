"""The suite files themselves: valid GX 1.x suites whose messages name only columns their table has."""

from __future__ import annotations

import re
import string

import great_expectations as gx
import pytest

from checks import runner

from .conftest import query

SUITES = runner.load_suites()


@pytest.mark.parametrize("suite", SUITES, ids=lambda s: s.name)
def test_suite_file_is_a_gx_suite(suite):
    loaded = gx.ExpectationSuite(**{k: v for k, v in suite.spec.items() if k in ("name", "expectations", "meta")})
    assert len(loaded.expectations) == len(suite.spec["expectations"]) > 0
    for expectation in loaded.expectations:
        assert str(getattr(expectation.severity, "value", expectation.severity)) in runner.SEVERITY
        assert re.fullmatch(r"[a-z_]+", expectation.meta["check_name"])


def test_a_check_name_has_one_severity():
    severities = {}
    for suite in SUITES:
        for expectation in suite.spec["expectations"]:
            severities.setdefault(expectation["meta"]["check_name"], set()).add(expectation.get("severity", "critical"))
    assert all(len(s) == 1 for s in severities.values()), severities
    # the structural faults are the errors
    errors = {name for name, s in severities.items() if s == {"critical"}}
    assert errors == {"unmatched_row", "unit_mismatch", "duplicate_measure_row", "indicator_missing"}


@pytest.mark.parametrize("suite", SUITES, ids=lambda s: s.name)
def test_messages_name_columns_of_the_validated_table(real_2022, suite):
    schema, table = suite.table.split(".")
    columns = {c for (c,) in query(real_2022.db, f"""select column_name from information_schema.columns
        where table_schema = '{schema}' and table_name = '{table}'""")}
    assert columns, f"{suite.table} is not in the warehouse"
    columns |= {"printed_text", "figure"}  # the runner supplies these when the table lacks them
    for expectation in suite.spec["expectations"]:
        meta = expectation["meta"]
        for key in ("message_vi", "message_en", "figure"):
            named = {field for _, field, _, _ in string.Formatter().parse(meta.get(key, "")) if field}
            assert named <= columns, f"{suite.name} {meta['check_name']} {key}: {named - columns}"


def test_a_template_naming_a_missing_column_is_a_suite_error(real_2022, tmp_path, monkeypatch):
    import json
    import shutil

    db = tmp_path / "copy.duckdb"
    shutil.copy(real_2022.db, db)
    monkeypatch.setenv("KTXH_CHECKS_SITE", str(tmp_path / "site"))
    suites = tmp_path / "suites"
    suites.mkdir()
    spec = json.loads((runner.SUITES_DIR / "printed_ratios.json").read_text(encoding="utf-8"))
    spec["expectations"][0]["meta"]["message_en"] = "{measure_code}: {no_such_column}"
    (suites / "printed_ratios.json").write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(runner.SuiteError, match="no_such_column"):
        runner.run_checks(db, suites)


def test_definitions_made_ahead_give_the_same_findings(real_2022, tmp_path):
    """`ktxh run` makes the GX context and validation definitions while dbt builds (preload with
    the Data Docs' site): the check takes them, without the suites it does not validate, and finds
    what a check that makes its own finds."""
    import duckdb

    with duckdb.connect(str(real_2022.db), read_only=True) as con:
        suites = [s for s in runner.load_suites() if s.name in ("printed_ratios", "totals_and_parts")]
        frames = {s.name: con.sql(f"select * from {s.table}").df() for s in suites}
    for frame in frames.values():
        frame.insert(0, runner.ROW_ID, runner._row_keys(frame))
    made_here = runner.collect_findings(suites, frames, runner.validate(suites, frames, tmp_path / "own"))
    runner.preload(tmp_path / "ahead")
    context = runner._PREPARED[str(tmp_path / "ahead")][0]
    ahead = runner.collect_findings(suites, frames, runner.validate(suites, frames, tmp_path / "ahead"))
    assert runner._PREPARED == {}
    assert sorted(s.name for s in context.suites.all()) == ["printed_ratios", "totals_and_parts"]
    assert ahead == made_here
    # the 2022 biểu's printed 113,4 % for the commune health stations is among them (line 811)
    assert any(f["measure_code"] == "commune_health_standard_share" and f["printed_text"] == "113,4" for f in ahead)
