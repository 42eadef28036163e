"""Stage: the report read as sentences, in document order.

Each sentence with its paragraph, its place in the paragraph, the footnote it belongs to and the
section (results or targets, and its period) its headings open (``value_type.section_after``).
"""

from __future__ import annotations

from ingest.prose.layout import split_lines, to_paragraphs
from ingest.prose.model import Report
from ingest.prose.sentences import Section, Sentence, split_sentences
from ingest.prose.value_type import section_after


def report_sentences(report: Report) -> list[Sentence]:
    """Sentences in document order, each with its paragraph, footnote number and section."""
    paragraphs = to_paragraphs(split_lines(report.text))
    section = Section(None, False)
    out: list[Sentence] = []
    for index, para in enumerate(paragraphs):
        body = para.body
        if para.heading and para.footnote_no is None:
            section = section_after(report, section, body.text)
        for k, (a, b) in enumerate(split_sentences(body) if not para.heading else [(0, len(body.text))]):
            t = body.text
            while a < b and t[a].isspace():
                a += 1
            if a >= b:
                continue
            marks = [(p - a, n) for p, n in body.marks if a <= p <= b]
            out.append(Sentence(t[a:b], body.offs[a:b], marks, index, k, para.footnote_no, para.heading, section))
    out.sort(key=lambda s: s.offs[0])
    return out
