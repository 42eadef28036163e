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
