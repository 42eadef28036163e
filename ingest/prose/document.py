"""Stage: the kind of document, and what it implies for its figures.

A monthly report, a statistics release, a council resolution or plan decision,
news of a session, an annual report.  The kind is read from the document's title
block (its first lines).  A plan document (a resolution or decision on a year's
plan) states targets: its figures are plans, for the year it is about.
"""

from __future__ import annotations

from ingest.prose import patterns as P

PLAN_KINDS = frozenset({"council_resolution", "plan_decision"})
KINDS = tuple(name for name, _ in P.DOCUMENT_KIND_PATTERNS)

#: How much of the start of a document is its title block.
TITLE_LINES = 4
TITLE_CHARS = 500


def title_block(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return "\n".join(lines[:TITLE_LINES])[:TITLE_CHARS]


def document_kind_of(text: str) -> str:
    """The document's kind from its title block; a report with no telling title is a monthly report."""
    head = title_block(text)
    kinds = dict(P.DOCUMENT_KINDS)
    first_line = head.split("\n", 1)[0]
    for name, rx in P.DOCUMENT_KINDS:
        if name == "monthly_report" and kinds["session_news"].search(first_line):
            return "session_news"  # news that opens with a session ("Ngày 5/12, Kỳ họp thứ 24 …")
        if rx.search(head):
            return name
    return "monthly_report"


def plan_year_of(text: str, report_year: int | None, report_month: int | None) -> int | None:
    """The year a plan document is about: named in its title, else the next year late in the year."""
    m = P.PLAN_DOCUMENT_YEAR.search(title_block(text))
    if m:
        return int(m.group(1))
    if report_year is None:
        return None
    return report_year + 1 if (report_month or 12) >= 10 else report_year
