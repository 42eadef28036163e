"""Build ``seeds/areas.csv``, the province codes over time, from two kept libraries.

* **vietnamadminunits** (PyPI, MIT; https://github.com/tranngocminhhieu/vietnamadminunits):
  the 63 provinces in force until the 2025 reorganisation (its ``admin_units_legacy``
  table) and which of today's 34 provinces each of them became (``convert_address``).
  It is the only kept library with both lists *and* the 63 -> 34 mapping.
* **vietnam-provinces** (already ktxh's dependency): today's 34 codes and names, the
  spelling ktxh has always stored (``Cao Bằng``, ``Thành phố Hà Nội``).

Run ``python -m ingest.areas_seed`` after upgrading either library; a test regenerates the
rows and compares them with the committed seed, so the CSV cannot drift from the libraries.
vietnamadminunits is needed only here (a test dependency): at run time ktxh reads the CSV.

Dates (documented in the README): the 63 codes apply from 2008-08-01 (Hà Tây merged into
Hà Nội) to 2025-06-30; the 34 codes from 2025-07-01, when the merged provinces' authorities
began operating under Resolution 202/2025/QH15.  One correction to the library's names:
code 46 was "Thừa Thiên Huế" until it became the centrally-run city "Thành phố Huế" on
2025-01-01 (Resolution 1314/NQ-UBTVQH15); the library knows only the later name.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from ktxh.settings import SEEDS_DIR

SEED = SEEDS_DIR / "areas.csv"
COLUMNS = ("area_code", "area_name", "valid_from", "valid_to", "current_area_code", "current_area_name", "era")
LEGACY_FROM, LEGACY_TO, CURRENT_FROM = "2008-08-01", "2025-06-30", "2025-07-01"
# (code, name, valid_from, valid_to) replacing the library's single legacy row for that code
LEGACY_NAME_CHANGES = {
    "46": [("46", "Thừa Thiên Huế", LEGACY_FROM, "2024-12-31"), ("46", "Thành phố Huế", "2025-01-01", LEGACY_TO)],
}


def _short(name: str) -> str:
    """vietnam-provinces' spelling: provinces without 'Tỉnh', cities with 'Thành phố'."""
    return name.removeprefix("Tỉnh ").strip()


def build_rows() -> list[dict[str, str]]:
    from vietnam_provinces import Province
    from vietnamadminunits import convert_address
    from vietnamadminunits.database import get_data

    current = {f"{int(p.code):02d}": p.name for p in Province.iter_all()}
    rows: list[dict[str, str]] = []
    legacy = get_data(fields=["provinceCode", "province"], table="admin_units_legacy")
    for record in sorted(legacy, key=lambda r: r["provinceCode"]):
        code, name = record["provinceCode"], record["province"]
        now = f"{int(convert_address(name).province_code):02d}"
        periods = LEGACY_NAME_CHANGES.get(code, [(code, _short(name), LEGACY_FROM, LEGACY_TO)])
        for area_code, area_name, start, end in periods:
            rows.append(dict(area_code=area_code, area_name=area_name, valid_from=start, valid_to=end,
                             current_area_code=now, current_area_name=current[now], era="63_provinces"))
    for code, name in sorted(current.items()):
        rows.append(dict(area_code=code, area_name=name, valid_from=CURRENT_FROM, valid_to="",
                         current_area_code=code, current_area_name=name, era="34_provinces"))
    return rows


def write(path: Path = SEED) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(build_rows())


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else SEED)
    print(f"wrote {SEED}")
