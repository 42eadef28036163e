"""Stage: the scope of a figure: the province, or the country, the world, another area.

A report's preamble quotes the world's growth or the country's GDP; a figure
about the nation or the world is kept, with its scope, and coded to no provincial
indicator.  The scope is read from the words just before the figure (its clause,
or the words before the parenthesis it stands in).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from functools import lru_cache

from ingest.prose import patterns as P
from ingest.prose.model import Report
from ktxh.settings import SEEDS_DIR

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


#: Names of areas the seeds do not spell ("TPHCM"), each with the name it stands for.
AREA_ABBREVIATIONS = {"TPHCM": "Hồ Chí Minh", "TP.HCM": "Hồ Chí Minh", "TP. HCM": "Hồ Chí Minh", "TP HCM": "Hồ Chí Minh",
                      "HCM": "Hồ Chí Minh", "Thủ đô": "Hà Nội", "Huế": "Thừa Thiên Huế"}


@lru_cache(maxsize=1)
def area_names() -> tuple[re.Pattern[str], dict[str, str]]:
    """One expression of every province's name (seeds/areas.csv, before and after the mergers, and
    ``AREA_ABBREVIATIONS``), and the name each spelling stands for."""
    canonical = dict(AREA_ABBREVIATIONS)
    with open(SEEDS_DIR / "areas.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for name in (row["area_name"], row["current_area_name"]):
                short = P.AREA_PREFIX.sub("", name)
                canonical.setdefault(short, short)
    return P.area_alternation(list(canonical)), canonical


@lru_cache(maxsize=8)
def own_area(text: str) -> str | None:
    """The province a document (its text) is about: the area it names most."""
    rx, canonical = area_names()
    counts = Counter(canonical[m.group(0)] for m in rx.finditer(text))
    return counts.most_common(1)[0][0] if counts else None


def names_other_area(clause: str, report: Report) -> bool:
    """Whether the words before a figure are only another province's name and a verb ("(TPHCM đạt 7,07%; Đồng Nai đạt
    8,86%)" in Tây Ninh's news: the places it is compared with), not the document's own province's (``own_area``)."""
    m = P.AREA_SUBJECT.fullmatch(clause)
    own = own_area(report.text) if m is not None else None
    if own is None:
        return False
    rx, canonical = area_names()
    name = m.group("name")
    return rx.fullmatch(name) is not None and canonical[name] != own
