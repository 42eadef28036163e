"""Stage tests: value type and sections."""

from __future__ import annotations

from ingest.prose.model import Report
from ingest.prose.sentences import Section
from ingest.prose.value_type import plan_year, section_after

ANNUAL = Report("2022-11_bao-cao.txt", "", 2022, 11, (2022, 1, 12))


def test_a_heading_opens_a_results_or_a_targets_section():
    targets = section_after(ANNUAL, Section(None, False), "II. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP NĂM 2023")
    assert targets.plan and targets.period == (2023, 1, 12)
    results = section_after(ANNUAL, targets, "I. KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2022")
    assert not results.plan and results.period == (2022, 1, 12)


def test_a_plan_of_a_later_year_is_a_plan():
    assert plan_year(ANNUAL, "KH năm 2023 ")
    assert not plan_year(ANNUAL, "KH năm 2022 ")


def test_estimated_is_said_after_any_word_but_a_treaty_is_not_an_estimate():
    """"giá trị sản xuất nông nghiệp ước đạt 795 tỷ đồng": "ước" after "nghiệp" is an estimate (the
    exclusion of "hiệp ước", a treaty, is of the word "hiệp" only)."""
    import datetime as dt

    from ingest.prose import extract_facts
    from ingest.prose import patterns as P

    assert P.ESTIMATE_CUE.search("giá trị sản xuất nông nghiệp ước đạt")
    assert not P.ESTIMATE_CUE.search("thực hiện hiệp ước")
    facts = extract_facts("Tháng 1/2022, giá trị sản xuất nông nghiệp ước đạt 795 tỷ đồng.", "x.txt", dt.date(2022, 2, 15))
    assert facts[0].value_type == "estimate"
