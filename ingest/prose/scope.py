"""Stage: the scope of a figure: the province, or the country, the world, another area.

A report's preamble quotes the world's growth or the country's GDP; a figure
about the nation or the world is kept, with its scope, and coded to no provincial
indicator.  The scope is read from the words just before the figure (its clause,
or the words before the parenthesis it stands in).
"""

from __future__ import annotations

from ingest.prose import patterns as P

SCOPES = ("province", "national", "world", "other_area")


def scope_of(*texts: str) -> str:
    for text in texts:
        for name, rx in P.SCOPES:
            if rx.search(text):
                return name
    return "province"
