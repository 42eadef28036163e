"""How well the provisional rules (macros/catalog.sql) infer kind and direction, measured on a
labelled catalog they were not written from: Cao Bằng's 41 confirmed measures (kind and direction
set by hand in seeds/indicator_catalog.csv).  Prints the agreement; `tests/test_other_province.py`
asserts it.  Usage: python bench/provisional_inference.py WAREHOUSE (a built warehouse).

First run, before any fix: kind 36/41, direction 41/41 (folded names read "giám sát" as "giảm"
and "môi trường" as "mới"); the rules now read the name with its diacritics: 41/41, 41/41 (now
in-sample).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb

PROJECT = Path(__file__).resolve().parents[1]
INLINE = """
with c as (
    select c.*, p.kind as parent_kind
    from {{ ref('indicator_catalog') }} c
    left join {{ ref('indicator_catalog') }} p on p.measure_code = c.parent_code
    where c.kind <> 'heading'
),
k as (select *, {{ provisional_kind('name_vi', 'unit') }} as own_kind from c),
k2 as (
    select *, case when own_kind in ('rate', 'level') and unit in ('%', '') and parent_kind = 'growth_rate'
                   then 'growth_rate' else own_kind end as inferred_kind
    from k
)
select measure_code, name_vi, kind, inferred_kind, direction,
       {{ provisional_direction('name_vi', 'inferred_kind', '[]::varchar[]') }} as inferred_direction
from k2
"""


def inferred(db: Path, inline: str = INLINE) -> list[tuple]:
    env = {**os.environ, "KTXH_DB": str(db), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    sql = subprocess.run(
        [sys.executable, "-c", "from dbt.cli.main import cli; cli()", "compile", "--quiet", "--inline", inline,
         "--project-dir", str(PROJECT), "--profiles-dir", str(PROJECT)],
        env=env, cwd=PROJECT, capture_output=True, text=True, check=True,
    ).stdout
    database = db.stem
    sql = sql.replace(f'"{database}"."catalog"', "catalog")
    with duckdb.connect(str(db), read_only=True) as con:
        return con.sql(sql).fetchall()


NATIONAL_LABELS = PROJECT / "tests" / "fixtures" / "provinces" / "national_2019_kind_labels.csv"


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def labelled_inline(labels: Path) -> str:
    """The same rules over a labelled list of printed names (name, unit, plan as printed, kind,
    direction): the plan's printed form comes from ingest.printed_values, as at load time."""
    import csv

    from ingest.printed_values import parse_printed

    rows = list(csv.DictReader(labels.open(encoding="utf-8")))
    values = ",\n".join(
        f"({i}, {_quoted(r['name'])}, {_quoted(r['unit'])}, {_quoted(r['kind'])}, {_quoted(r['direction'])}, "
        f"{_quoted(parse_printed(r['plan_text']).form)})"
        for i, r in enumerate(rows, 1)
    )
    return f"""
with c as (select * from (values {values}) as t(row_no, name_vi, unit, kind, direction, plan_form)),
k as (select *, {{{{ provisional_kind('name_vi', 'unit') }}}} as inferred_kind from c)
select row_no::varchar, name_vi, kind, inferred_kind, direction,
       {{{{ provisional_direction('name_vi', 'inferred_kind', '[plan_form]') }}}} as inferred_direction
from k order by row_no
"""


def inferred_labelled(db: Path, labels: Path = NATIONAL_LABELS) -> list[tuple]:
    return inferred(db, labelled_inline(labels))


def _report(title: str, rows: list[tuple]) -> None:
    kinds = sum(r[2] == r[3] for r in rows)
    directions = sum(r[4] == r[5] for r in rows)
    print(f"{title}, {len(rows)} measures: kind {kinds}/{len(rows)}, direction {directions}/{len(rows)}")
    for r in rows:
        if r[2] != r[3] or r[4] != r[5]:
            print(f"  {r[0]} {r[1]}: kind {r[2]} inferred {r[3]}, direction {r[4]} inferred {r[5]}")


def main(db: Path) -> None:
    _report("Cao Bằng catalog", inferred(db))
    _report("National 2019 table (qdnd.vn)", inferred_labelled(db))


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve())
