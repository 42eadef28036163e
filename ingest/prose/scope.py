"""Stage: the scope of a figure: the province, or the country, the world, another area.

A report's preamble quotes the world's growth or the country's GDP; a figure
about the nation or the world is kept, with its scope, and coded to no provincial
indicator.  The scope is read from the words just before the figure (its clause,
or the words before the parenthesis it stands in).
"""

from __future__ import annotations

from ingest.prose import patterns as P
from ingest.prose.model import Report

SCOPES = ("province", "national", "world", "other_area")


def scope_of(*texts: str) -> str:
    for text in texts:
        for name, rx in P.SCOPES:
            if rx.search(text):
                return name
    return "province"


def former_part(report: Report, first_sentence: str) -> bool:
    """Whether a paragraph, by its first sentence, is about a former part of the merged province (``FORMER_PART``, in a
    page dated after the mergers): its figures are ``other_area``, of no provincial indicator."""
    after = report.year is not None and (report.year, report.month or 12) >= P.MERGER_DATE
    return after and bool(P.FORMER_PART.search(first_sentence))
