"""Checks in proportion to what changed: only the province-years whose rows changed are validated.

Every expectation of the suites judges a row on its own content (the one compound uniqueness
check, ``batch_id`` x ``measure_code``, stays within a document, so within a province-year):
a row's findings are a function of the row.  So ``ktxh check`` hashes, per suite, the rows of
each group (``area_code``, ``plan_year``) of the table it validates, and compares the hashes with
those of the last check (``build_state.checked_groups``):

* a group whose hash is unchanged keeps its findings in ``checks.findings``;
* a group that is new or changed is validated again (only its rows go to great-expectations),
  and its findings replace the group's old ones; a group that is gone loses its findings;
* a suite whose file (or this code) changed is validated whole, and so is everything when
  ``checks.findings`` or the state is missing, or ``full`` is asked for.

When no group changed, great-expectations is not even imported.  The result is the same
``checks.findings`` as a check of everything (tests/test_incremental.py compares them).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

if TYPE_CHECKING:
    import pandas as pd

STATE_SCHEMA = "build_state"
STATE_TABLE = f"{STATE_SCHEMA}.checked_groups"
GROUP_COLUMNS = ("area_code", "plan_year")
_CODE = (Path(__file__).with_name("runner.py"), Path(__file__))

Group = tuple  # (area_code, plan_year) values, or fewer when the table lacks a column


def code_fingerprint() -> str:
    """What else makes a finding: the code that turns rejected rows into findings, DuckDB's hash."""
    digest = hashlib.sha256(duckdb.__version__.encode())
    for path in _CODE:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def suite_fingerprint(spec: dict[str, Any], code: str) -> str:
    return hashlib.sha256((json.dumps(spec, sort_keys=True, ensure_ascii=False) + code).encode()).hexdigest()


@dataclass
class CheckPlan:
    """Per suite: the groups to validate again, those gone, and every group's hash now."""
    fingerprints: dict[str, str]
    columns: dict[str, tuple[str, ...]]             # suite -> its table's group columns
    hashes: dict[str, dict[Group, str]]             # suite -> group -> hash of its rows now
    changed: dict[str, set[Group]] = field(default_factory=dict)  # suite -> groups to validate
    gone: dict[str, set[Group]] = field(default_factory=dict)     # suite -> groups with no rows now
    full: bool = False                                              # nothing kept from the last check

    def replaced(self, suite: str) -> set[Group]:
        return self.changed.get(suite, set()) | self.gone.get(suite, set())

    def counts(self) -> tuple[int, int]:
        """(groups validated, groups in all)."""
        return sum(map(len, self.changed.values())), sum(map(len, self.hashes.values()))


def _exists(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    [(n,)] = con.execute(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?", [schema, table]
    ).fetchall()
    return n > 0


def group_columns(con: duckdb.DuckDBPyConnection, table: str) -> tuple[str, ...]:
    present = set(con.sql(f"select * from {table} limit 0").columns)
    return tuple(c for c in GROUP_COLUMNS if c in present)


def group_hashes(con: duckdb.DuckDBPyConnection, table: str, columns: tuple[str, ...]) -> dict[Group, str]:
    """Per group: the number of rows and the sum of the rows' hashes (order does not matter)."""
    keys = ", ".join(columns)
    select = f"{keys}, " if columns else ""
    group_by = f" group by {keys}" if columns else ""
    rows = con.sql(f"select {select}count(*), sum(hash(t))::varchar from {table} as t{group_by}").fetchall()
    return {tuple(r[:-2]): f"{r[-2]}:{r[-1]}" for r in rows if r[-2]}


def _previous(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, dict[Group, str]]]:
    if not (_exists(con, STATE_SCHEMA, "checked_groups") and _exists(con, "checks", "findings")):
        return {}
    previous: dict[str, tuple[str, dict[Group, str]]] = {}
    for suite, fingerprint, group, rows_hash in con.sql(
        f"select suite_name, suite_fingerprint, group_key, rows_hash from {STATE_TABLE}"
    ).fetchall():
        previous.setdefault(suite, (fingerprint, {}))[1][tuple(json.loads(group))] = rows_hash
    return previous


def previous(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, dict[Group, str]]]:
    """What the last check validated (suite -> its fingerprint and every group's hash); {} if none."""
    return _previous(con)


def plan(con: duckdb.DuckDBPyConnection, suites, full: bool = False) -> CheckPlan:
    """Compare each suite's groups with the last check's."""
    before = {} if full else _previous(con)
    result, code = new_plan(before), code_fingerprint()
    for suite in suites:
        plan_suite(result, con, suite, before, code)
    return result


def new_plan(before: dict[str, tuple[str, dict[Group, str]]]) -> CheckPlan:
    """A plan with no suite yet, against the last check's state ``before`` (:func:`previous`)."""
    return CheckPlan(fingerprints={}, columns={}, hashes={}, full=not before)


def plan_suite(result: CheckPlan, con: duckdb.DuckDBPyConnection, suite,
               previous: dict[str, tuple[str, dict[Group, str]]], code: str | None = None) -> None:
    """Add ``suite`` to the plan: its table's groups (read by ``con``) against the last check's."""
    columns = group_columns(con, suite.table)
    now = group_hashes(con, suite.table, columns)
    fingerprint = suite_fingerprint(suite.spec, code or code_fingerprint())
    before_fingerprint, before = previous.get(suite.name, (None, {}))
    if before_fingerprint != fingerprint:
        before = {}
        # a suite validated before under another fingerprint: all its findings are replaced
        result.gone[suite.name] = {g for g in previous.get(suite.name, (None, {}))[1] if g not in now}
    else:
        result.gone[suite.name] = {g for g in before if g not in now}
    result.fingerprints[suite.name] = fingerprint
    result.columns[suite.name] = columns
    result.hashes[suite.name] = now
    result.changed[suite.name] = {g for g, h in now.items() if before.get(g) != h}


def read_changed(con: duckdb.DuckDBPyConnection, table: str, columns: tuple[str, ...], groups: set[Group]) -> pd.DataFrame:
    """The rows of ``table`` in ``groups``, as a pandas frame (in the table's order)."""
    import pandas as pd

    if not columns:
        return con.sql(f"select * from {table}").df()
    wanted = pd.DataFrame(list(groups), columns=list(columns)) if groups else pd.DataFrame(
        {c: pd.Series(dtype="object") for c in columns})
    con.register("ktxh_groups", wanted)
    try:
        on = " and ".join(f"t.{c} is not distinct from g.{c}" for c in columns)
        return con.sql(f"select t.* from {table} as t semi join ktxh_groups as g on {on}").df()
    finally:
        con.unregister("ktxh_groups")


KEPT_FINDINGS = "ktxh_kept_findings"


def keep_findings(con: duckdb.DuckDBPyConnection, result: CheckPlan, columns: list[str]) -> str | None:
    """The findings of the last check outside the groups validated again now, as a temporary
    table of ``columns`` (its name; None when nothing is kept). They stay in DuckDB: on a national
    warehouse they are tens of thousands of rows, which a round trip through Python took 0,5 s."""
    if result.full or not _exists(con, "checks", "findings"):
        return None
    import pandas as pd

    replaced = pd.DataFrame(
        [(suite, *(group[result.columns[suite].index(c)] if c in result.columns[suite] else None
                   for c in GROUP_COLUMNS), *(c in result.columns[suite] for c in GROUP_COLUMNS))
         for suite in result.hashes for group in result.replaced(suite)],
        columns=["suite_name", *GROUP_COLUMNS, *(f"has_{c}" for c in GROUP_COLUMNS)], dtype=object)
    # a group's own columns match (null matching null); the columns its table lacks do not count
    same = " and ".join(f"(not r.has_{c}::boolean or r.{c}::varchar is not distinct from f.{c}::varchar)"
                        for c in GROUP_COLUMNS)
    con.register("ktxh_replaced", replaced)
    try:
        con.execute(f"""
            create or replace temp table {KEPT_FINDINGS} as
            select {', '.join(f'f.{c}' for c in columns)} from checks.findings as f
            where list_contains(?, f.suite_name)  -- not a suite file that was removed
                and not exists (select 1 from ktxh_replaced as r where r.suite_name::varchar = f.suite_name and {same})
            """, [list(result.hashes)])
    finally:
        con.unregister("ktxh_replaced")
    return KEPT_FINDINGS


def save(con: duckdb.DuckDBPyConnection, result: CheckPlan) -> None:
    """Record every group's hash, for the next check."""
    import pandas as pd

    rows = pd.DataFrame([
        (suite, result.fingerprints[suite], json.dumps(list(group), ensure_ascii=False, default=str), rows_hash)
        for suite, groups in result.hashes.items() for group, rows_hash in groups.items()
    ], columns=["suite_name", "suite_fingerprint", "group_key", "rows_hash"], dtype=object)
    con.execute(f"create schema if not exists {STATE_SCHEMA}")
    con.register("ktxh_checked", rows)
    try:
        con.execute(f"create or replace table {STATE_TABLE} as select suite_name::varchar as suite_name, "
                    "suite_fingerprint::varchar as suite_fingerprint, group_key::varchar as group_key, "
                    "rows_hash::varchar as rows_hash from ktxh_checked")
    finally:
        con.unregister("ktxh_checked")
    con.execute(f"comment on table {STATE_TABLE} is 'What the last `ktxh check` validated: per suite and "
                "province-year (group_key), the hash of the rows; a group whose hash is unchanged keeps its findings.'")
