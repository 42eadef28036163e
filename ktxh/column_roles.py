"""The appendix's numeric columns ("column roles"), read from the one definition that Python
and SQL share: ``seeds/column_roles.csv`` (dbt reads the same file with the ``column_roles()``
macro, and loads it as ``catalog.column_roles``).

Each role has its printed column number in the department's biểu (4 TH năm trước … 10 KH năm
sau so với ước TH), a kind (``value`` or ``ratio``), for a ratio its numerator and denominator
roles, and its name as a planning officer says it, in Vietnamese and English.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass

from ktxh.settings import SEEDS_DIR

COLUMN_ROLES_SEED = SEEDS_DIR / "column_roles.csv"


@dataclass(frozen=True)
class ColumnRole:
    role: str
    column_no: int
    kind: str  # value | ratio
    numerator: str | None
    denominator: str | None
    label_vi: str
    label_en: str


def _load() -> tuple[ColumnRole, ...]:
    with open(COLUMN_ROLES_SEED, encoding="utf-8", newline="") as f:
        roles = tuple(
            ColumnRole(
                role=row["column_role"], column_no=int(row["column_no"]), kind=row["role_kind"],
                numerator=row["numerator_role"] or None, denominator=row["denominator_role"] or None,
                label_vi=row["label_vi"], label_en=row["label_en"],
            )
            for row in csv.DictReader(f)
        )
    names = {r.role for r in roles}
    for r in roles:
        if r.kind not in ("value", "ratio"):
            raise ValueError(f"{COLUMN_ROLES_SEED.name}: role {r.role} has kind {r.kind!r} (value or ratio)")
        terms = (r.numerator, r.denominator)
        if (r.kind == "ratio") != all(terms) or not set(filter(None, terms)) <= names:
            raise ValueError(f"{COLUMN_ROLES_SEED.name}: role {r.role}: numerator/denominator do not fit its kind")
    return tuple(sorted(roles, key=lambda r: r.column_no))


ROLES: tuple[ColumnRole, ...] = _load()
BY_NAME: dict[str, ColumnRole] = {r.role: r for r in ROLES}
# Every numeric role in printed column order.
ROLE_NAMES: tuple[str, ...] = tuple(r.role for r in ROLES)
VALUE_COLUMNS: tuple[str, ...] = tuple(r.role for r in ROLES if r.kind == "value")
RATIO_TERMS: dict[str, tuple[str, str]] = {r.role: (r.numerator, r.denominator) for r in ROLES if r.kind == "ratio"}


def role(name: str) -> str:
    """``name`` itself, after checking that the definition has it (for constants in code)."""
    if name not in BY_NAME:
        raise KeyError(f"{COLUMN_ROLES_SEED.name} has no column role {name!r}")
    return name
