"""The report page: self-contained, in Vietnamese, escaped, and rendered by a real headless Chromium
(skipped, with a message, where Chromium is not installed)."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from .conftest import copy_warehouse, query, run_cli
from extracts.report import write_reports

GRDP_PC = "grdp_per_capita"


class Cells(HTMLParser):
    """Text of every element carrying ``data-field``, keyed by its row's data-measure / data-rule."""

    def __init__(self):
        super().__init__()
        self.row_key: str | None = None
        self.field: str | None = None
        self.values: dict[tuple[str | None, str], str] = {}
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if "data-measure" in attrs:
            self.row_key = attrs["data-measure"]
        if "data-rule" in attrs:
            self.row_key = attrs["data-rule"]
        if "data-field" in attrs:
            self.field = attrs["data-field"]
            self.values[(self.row_key, self.field)] = ""

    def handle_endtag(self, tag):
        if tag in ("td", "span"):
            self.field = None

    def handle_data(self, data):
        if self.field:
            self.values[(self.row_key, self.field)] += data


def cells(html: str) -> Cells:
    parser = Cells()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def page(checked_warehouse, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    [path] = write_reports(checked_warehouse, out, year=2022)
    return path


def test_page_is_self_contained_and_in_vietnamese(page):
    html = page.read_text(encoding="utf-8")
    assert page.name == "bao_cao_2022.html"
    assert not re.search(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}/", html, re.IGNORECASE)  # no external URL at all
    assert "<script" not in html and "<link" not in html
    assert "default-src 'none'" in html  # and the browser may not load anything
    assert '<html lang="vi">' in html and "Kết quả chung: số chỉ tiêu đạt và vượt kế hoạch" in html
    assert "<svg" in html  # the chart, inline


def test_figures_equal_the_marts(page, checked_warehouse):
    found = cells(page.read_text(encoding="utf-8")).values
    for rule, met, assessed in query(checked_warehouse, "select rule, indicators_met, indicators_assessed "
                                                        "from marts.fct_plan_scorecard where plan_year = 2022"):
        assert (found[(rule, "indicators_met")], found[(rule, "indicators_assessed")]) == (str(met), str(assessed))
    assert found[("all_measures", "indicators_met")] == "12" and found[("headline", "indicators_met")] == "14"
    assert [found[(GRDP_PC, f)] for f in ("plan", "estimate", "printed_pct_of_plan", "pct_of_plan", "status")] == [
        "40,30", "39,48", "97,97", "97,97", "Không đạt"]
    rows = query(checked_warehouse, "select measure_code, pct_of_plan from marts.fct_plan_attainment "
                                    "where plan_year = 2022 and pct_of_plan is not null")
    assert len(rows) > 30
    for code, pct in rows:
        assert found[(code, "pct_of_plan")] == f"{float(pct):,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def test_every_finding_is_listed_with_its_place(page, checked_warehouse):
    html = page.read_text(encoding="utf-8")
    [(count,)] = query(checked_warehouse, "select count(*) from checks.findings where plan_year = 2022")
    [(warnings,)] = query(checked_warehouse, "select count(*) from checks.findings where plan_year = 2022 "
                                             "and severity = 'warning'")
    assert html.count('data-check="') == count >= 25
    assert html.count('data-field="severity">Cảnh báo<') == warnings >= 6
    assert "2022-11_bao-cao-kt-xh-2022-phuong-huong-2023.txt, dòng 811" in html
    assert "Tỷ lệ số xã đạt chuẩn quốc gia về y tế xã" in html and "114,93–115,24" in html


def test_text_from_documents_is_escaped(checked_warehouse, tmp_path):
    db = copy_warehouse(checked_warehouse, tmp_path / "planted.duckdb")
    with duckdb.connect(str(db)) as con:
        con.execute("update marts.fct_plan_attainment set measure_name = '<script>alert(1)</script><b>GRDP</b>' "
                    "where measure_code = 'grdp_per_capita'")
        con.execute("update marts.fct_period_progress set sentence = 'Thu ngân sách <img src=x onerror=alert(2)> "
                    "</td></tr></table><script>alert(3)</script>'")
        con.execute("update checks.findings set message_vi = '<iframe src=javascript:alert(4)>' "
                    "where check_name = 'printed_ratio'")
    [path] = write_reports(db, tmp_path / "out", year=2022)
    html = path.read_text(encoding="utf-8")
    assert "<script" not in html and "<img" not in html and "<iframe" not in html and "<b>GRDP" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;GRDP&lt;/b&gt;" in html  # in the table
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "&lt;iframe src=javascript:alert(4)&gt;" in html
    assert html.count("&lt;script&gt;alert(1)") >= 2  # and in the chart's labels


def test_cli_report(checked_warehouse, tmp_path, capsys):
    assert run_cli(checked_warehouse, "report", "--year", "2022", "--out", str(tmp_path)) == 0
    assert f"wrote {tmp_path / 'bao_cao_2022.html'}" in capsys.readouterr().out
    assert run_cli(tmp_path / "missing.duckdb", "report", "--out", str(tmp_path / "x")) == 2
    assert "no warehouse" in capsys.readouterr().err


# --- in a real browser ---------------------------------------------------------------------

def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if path is None:
        pytest.skip("Chromium is not installed: apt-get install chromium to render the report page")
    return path


def browse(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", f"--user-data-dir={profile}",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--disable-extensions", *args, page.as_uri()],
        capture_output=True, text=True, timeout=120)


def test_renders_in_chromium_offline_with_the_marts_figures(page, checked_warehouse, tmp_path):
    result = browse(page, tmp_path / "profile", "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    dom = cells(result.stdout)
    assert dom.values[(GRDP_PC, "pct_of_plan")] == "97,97"
    assert dom.values[("headline", "indicators_met")] == "14"
    assert dom.scripts == 0
    assert "<svg" in result.stdout and "Chỉ tiêu không đạt" in result.stdout
    screenshot = tmp_path / "report.png"  # kept in the test's output folder
    result = browse(page, tmp_path / "profile2", f"--screenshot={screenshot}", "--window-size=1280,2400",
                    "--hide-scrollbars")
    assert result.returncode == 0 and screenshot.stat().st_size > 20_000, result.stderr[-2000:]


def test_charts_drawn_ahead_are_the_page_charts(checked_warehouse, tmp_path):
    """`ktxh run` starts drawing the charts once dbt has built the marts (extracts.report.start_charts):
    the pages are those drawn at report time, and each chart drawn ahead is taken by its page."""
    from extracts import report

    footer = re.compile(r"Lập bởi ktxh lúc [0-9/: ]+")
    drawn_now = [footer.sub("", p.read_text(encoding="utf-8")) for p in write_reports(checked_warehouse, tmp_path / "now")]
    report.start_charts(checked_warehouse, tmp_path / "ahead")
    assert len(report._DRAWING) == len(drawn_now) >= 1  # Cao Bằng 2022 among them
    ahead = write_reports(checked_warehouse, tmp_path / "ahead")
    assert report._DRAWING == {}
    assert "bao_cao_2022.html" in [p.name for p in ahead] and "<svg" in ahead[0].read_text(encoding="utf-8")
    assert [footer.sub("", p.read_text(encoding="utf-8")) for p in ahead] == drawn_now
    report.start_charts(checked_warehouse, tmp_path / "ahead")  # the pages are up to date: nothing to draw
    assert report._DRAWING == {}
