"""Prose subjects are matched to the catalog at build time, by the seeds (issue 14, point 1).

Ingest keeps what the document says (the subject as written and the words that named an
indicator); ``int_reported_figures`` looks those words up in the seeds with the ``name_key``
macro the appendix rows use.  Editing a seed and running ``ktxh build`` (no re-ingest) changes
the prose figures.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from ktxh import settings

from .conftest import DOCUMENTS, PROJECT, query, run_cli

SEPT = DOCUMENTS / "2022-09_bao-cao-chi-dao-dieu-hanh-thang-9.txt"
FIGURES = ("select printed, subject_term, read_indicator_code, indicator_code, indicator_name "
           "from marts.fct_reported_figures where document = ? and printed in ('12,25', '3.085.050', '638,706') order by fact_no")


def _project_copy(root: Path) -> Path:
    project = root / "project"
    for part in ("models", "seeds", "macros", "tests/dbt"):  # every folder dbt_project.yml names
        if (PROJECT / part).exists():
            shutil.copytree(PROJECT / part, project / part)
    for part in ("dbt_project.yml", "profiles.yml"):
        shutil.copy2(PROJECT / part, project / part)
    return project


def _rewrite(path: Path, change) -> None:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
        fields = list(rows[0])
    rows = change(rows)
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_editing_a_seed_and_building_changes_the_prose_figures(tmp_path, monkeypatch):
    project = _project_copy(tmp_path)
    monkeypatch.setattr(settings, "PROJECT_DIR", project)
    db = tmp_path / "ktxh.duckdb"
    assert run_cli(db, "ingest", str(SEPT), "--area", "04") == 0
    assert run_cli(db, "build") == 0
    before = query(db, FIGURES, [SEPT.name])
    assert [(r[0], r[3]) for r in before] == [("12,25", "retail_sales"), ("638,706", "trade_total"), ("3.085.050", "budget_revenue")]
    raw_before = query(db, "select * from raw.prose_facts order by fact_no")

    seeds = project / "seeds"
    # a user splits retail sales of goods off as an indicator of its own ...
    with open(seeds / "secondary_indicators.csv", "a", encoding="utf-8") as f:
        f.write("retail_sales_goods,Tổng mức bán lẻ hàng hóa (không gồm dịch vụ),Tỷ đồng,level,higher\n")
    _rewrite(seeds / "prose_subject_aliases.csv", lambda rows: [
        {**r, "indicator_code": "retail_sales_goods"} if r["alias"] == "tổng mức bán lẻ hàng hóa" else r for r in rows])
    # ... and drops the variant that named "Thu ngân sách trên địa bàn" as budget revenue
    _rewrite(seeds / "measure_name_variants.csv", lambda rows: [r for r in rows if r["name_variant"] != "Thu ngân sách trên địa bàn"])
    assert run_cli(db, "build") == 0  # no re-ingest

    after = query(db, FIGURES, [SEPT.name])
    assert query(db, "select * from raw.prose_facts order by fact_no") == raw_before  # ingest kept what the text says
    assert [(r[0], r[1], r[3], r[4]) for r in after] == [
        ("12,25", "Tổng mức bán lẻ hàng hóa", "retail_sales_goods", "Tổng mức bán lẻ hàng hóa (không gồm dịch vụ)"),
        ("638,706", "Tổng kim ngạch xuất nhập khẩu qua địa bàn", "trade_total",
         "Tổng kim ngạch xuất nhập khẩu qua địa bàn (bao gồm cả giá trị hàng hóa giám sát)"),  # unchanged
        ("3.085.050", "Thu ngân sách trên địa bàn", None, None),
    ]
    assert [r[2] for r in after] == ["retail_sales", "trade_total", "budget_revenue"]  # what was read at ingest


def test_the_build_time_match_agrees_with_the_extractors_reading_on_the_bundled_reports(built_warehouse):
    differ = query(built_warehouse, "select document, fact_no, subject_term, read_indicator_code, indicator_code "
                                    "from marts.fct_reported_figures where indicator_code is distinct from read_indicator_code")
    assert differ == []
    assert query(built_warehouse, "select count(indicator_code) from marts.fct_reported_figures")[0][0] > 300


def _codes(path: Path, column: str) -> set[str]:
    with open(path, encoding="utf-8") as f:
        return {r[column] for r in csv.DictReader(f)}


@pytest.mark.parametrize("seed, column", [
    ("prose_subject_aliases.csv", "indicator_code"),
    ("prose_indicator_derivations.csv", "indicator_code"),
    ("prose_indicator_derivations.csv", "derived_code"),
])
def test_every_code_the_prose_seeds_name_is_in_the_catalog(seed, column):
    seeds = PROJECT / "seeds"
    known = _codes(seeds / "indicator_catalog.csv", "measure_code") | _codes(seeds / "secondary_indicators.csv", "indicator_code")
    assert _codes(seeds / seed, column) - known == set()


def test_no_words_are_both_an_indicators_alias_and_a_subject_of_no_indicator():
    from ingest.prose.vocabulary import fold

    seeds = PROJECT / "seeds"
    aliases = {" ".join(fold(a.lstrip("=")).split()) for a in _codes(seeds / "prose_subject_aliases.csv", "alias")}
    others = {" ".join(fold(a).split()) for a in _codes(seeds / "prose_other_subjects.csv", "subject")}
    assert aliases & others == set()


def test_no_catalog_code_is_written_in_the_extractor():
    """Catalog codes live in the seeds; the extractor's Python names none."""
    seeds = PROJECT / "seeds"
    codes = _codes(seeds / "indicator_catalog.csv", "measure_code") | _codes(seeds / "secondary_indicators.csv", "indicator_code")
    for path in (PROJECT / "ingest" / "prose").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not [c for c in codes if f'"{c}"' in source or f"'{c}'" in source], path.name
