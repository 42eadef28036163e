"""The outline of an appendix table, as printed: which row each row is printed under.

The catalog gives the parent of every row it knows; a row no catalog knows yet (a
provisional measure, ``models/intermediate``) takes its parent from the table itself:

* ``I``, ``II`` … open a group (Kinh tế, Xã hội …): a group is nobody's parent, and
  closes everything above it;
* ``1``, ``2`` … are the indicators; ``4.1`` is under ``4``, ``4.1.2`` under ``4.1``;
* ``-`` (or ``–``, ``•``) rows are under the nearest numbered row above them, and ``+``
  rows under the nearest ``-`` row (or numbered row) above them;
* a row with a blank TT is under the nearest numbered row, or, when its name starts with
  "trong đó", under the row right above it;
* a row that is only a "Trong đó:" / "Tr.đó:" marker is nobody's parent: the rows after it
  stay under the row before it.

This is the table's structure, not its meaning: ingest records it in
``raw.appendix_rows.parent_row_order`` and dbt decides what it means.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Sequence

_ROMAN = re.compile(r"^[IVXLC]+\.?$")
_NUMBERED = re.compile(r"^\d+(\.\d+)*\.?$")
_DASH = {"-", "–", "•", "*"}
_TRONG_DO = re.compile(r"^(trong đó|tr\.?\s*đó)\b", re.IGNORECASE)
_MARKER_ONLY = re.compile(r"^(trong đó|tr\.?\s*đó)\s*:?\s*$", re.IGNORECASE)


def is_part_marker(name: str) -> bool:
    """A row that only says "Trong đó:" (or "Tr.đó:")."""
    return bool(_MARKER_ONLY.match(unicodedata.normalize("NFC", name).strip()))


def parent_rows(rows: Sequence[tuple[str, str, bool]]) -> list[int | None]:
    """For rows given as (tt, name, has_values), the index of each row's parent, or None."""
    parents: list[int | None] = []
    numbered: list[tuple[int, int]] = []  # (depth, index) of the open numbered rows
    last_dash: int | None = None
    previous: int | None = None  # the last row that can be a parent
    for i, (tt, name, has_values) in enumerate(rows):
        tt = tt.strip()
        text = unicodedata.normalize("NFC", name).strip()
        if _ROMAN.match(tt):
            parents.append(None)
            numbered, last_dash, previous = [], None, None
            continue
        if not tt and not has_values and is_part_marker(text):
            parents.append(None)
            continue
        if _NUMBERED.match(tt) and tt.rstrip("."):
            depth = tt.rstrip(".").count(".")
            numbered = [(d, j) for d, j in numbered if d < depth]
            parents.append(numbered[-1][1] if numbered else None)
            numbered.append((depth, i))
            last_dash = None
        elif tt in _DASH:
            parents.append(numbered[-1][1] if numbered else None)
            last_dash = i
        elif tt == "+":
            parents.append(last_dash if last_dash is not None else (numbered[-1][1] if numbered else None))
        elif not tt and _TRONG_DO.match(text) and previous is not None:
            parents.append(previous)
        else:
            parents.append(numbered[-1][1] if numbered else None)
        previous = i
    return parents
