"""The suites validated one by one, and ``ktxh run``'s checks ahead: a suite's table validated
while dbt still builds the rest.

:class:`Validation` takes the suites in name order, each from whichever DuckDB connection has its
table: it plans the suite (``checks.incremental``: the province-years whose rows changed), reads
those rows and runs the suite's great-expectations validation definition; :meth:`Validation.finish`
does the suites left from the warehouse, and the Data Docs are written once.  ``ktxh check`` takes
every suite from the warehouse.

``ktxh run`` also has dbt's child copy each suite's table as soon as it is built (a post-hook,
``macros/checks_ahead.sql``: ``<schema>.<table>.parquet``, then ``.ready``, in the folder
``KTXH_CHECKS_AHEAD``), and :meth:`Validation.ahead` validates them there while dbt builds the
other models, runs its tests and hooks, and closes the warehouse (DuckDB has one writer, so the
warehouse cannot be read meanwhile); the Data Docs too, into a folder put in the site's place
once dbt is done.  A copy has the table's column names and types and its rows
in the table's order, so the hashes, frames and findings are those read from the warehouse
(tests/checks/test_ahead.py).  Nothing is written before dbt is done: should dbt fail, what was
validated ahead is dropped with the run.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any, Callable

import duckdb
import pandas as pd

from checks import incremental
from checks.runner import ROW_ID, Suite, _fresh_site, _prepared, _row_keys

RESULT_FORMAT = {"result_format": "COMPLETE", "unexpected_index_column_names": [ROW_ID]}
POLL_SECONDS = 0.02


class Validation:
    """The suites validated in name order: :meth:`add` the next one from a connection that has its
    table, :meth:`finish` the rest from the warehouse."""

    def __init__(self, suites: list[Suite], site: Path, previous: dict, docs: Path | None = None):
        self.suites = suites
        self.site = site  # the Data Docs' folder
        # where great-expectations writes them: ``site``, or (ktxh run) a folder put in its place
        # once dbt is done, so that the docs of a build that failed are not shown
        self.docs = docs or site
        self.docs_written = False
        self.previous = previous  # the last check's state (checks.incremental.previous)
        self.code = incremental.code_fingerprint()
        self.plan = incremental.new_plan(previous)
        self.frames: dict[str, pd.DataFrame] = {}
        self.results: dict[str, Any] = {}
        self._context = None
        self._definitions: dict[str, Any] = {}

    @property
    def next(self) -> Suite | None:
        """The next suite to validate (None when all are)."""
        done = len(self.plan.hashes)
        return self.suites[done] if done < len(self.suites) else None

    def add(self, con: duckdb.DuckDBPyConnection) -> None:
        """Plan the next suite from its table in ``con``, and validate the rows that changed."""
        suite = self.next
        planned = incremental.new_plan(self.previous)  # kept only once all of it is read
        incremental.plan_suite(planned, con, suite, self.previous, self.code)
        changed = planned.changed[suite.name]
        if changed:
            frame = incremental.read_changed(con, suite.table, planned.columns[suite.name], changed)
            frame.insert(0, ROW_ID, _row_keys(frame))
            if self._context is None:
                self._context, self._definitions = _prepared(self.suites, self.docs)
            self.results[suite.name] = self._definitions[suite.name].run(
                batch_parameters={"dataframe": frame}, result_format=RESULT_FORMAT)
            self.frames[suite.name] = frame
        for part in ("fingerprints", "columns", "hashes", "changed", "gone"):
            getattr(self.plan, part)[suite.name] = getattr(planned, part)[suite.name]

    def ahead(self, folder: Path, running: Callable[[], bool]) -> None:
        """While ``running()`` (dbt builds): validate each suite whose table dbt has copied to
        ``folder`` (waiting for it, in name order); stop at the first not copied when dbt is done.
        With every suite validated, write the Data Docs (in ``docs``)."""
        while self.next is not None:
            copy = folder / f"{self.next.table}.parquet"
            while not copy.with_suffix(".ready").exists():
                if not running():
                    return
                time.sleep(POLL_SECONDS)
            try:
                with duckdb.connect() as con:  # the copy under the table's own name
                    schema, table = self.next.table.split(".")
                    con.execute(f'create schema "{schema}"')
                    path = str(copy).replace("'", "''")
                    con.execute(f"""create view "{schema}"."{table}" as select * from read_parquet('{path}')""")
                    self.add(con)
            except (duckdb.Error, OSError):  # a copy that cannot be read: this suite and the rest from the warehouse
                return
        if self.results:
            self._write_docs()

    def finish(self, con: duckdb.DuckDBPyConnection) -> list[Suite]:
        """Validate the suites left from the warehouse ``con``, write the Data Docs of those
        validated (the site emptied first); returns them."""
        while self.next is not None:
            self.add(con)
        todo = [suite for suite in self.suites if suite.name in self.results]
        if todo:
            if not self.docs_written:
                self._write_docs()
            if self.docs != self.site:
                _fresh_site(self.site)  # refuses a folder that is not a checks site
                shutil.rmtree(self.site)
                os.replace(self.docs, self.site)
        return todo

    def _write_docs(self) -> None:
        for name in set(self._definitions) - set(self.results):  # nothing changed: not in the docs
            self._context.validation_definitions.delete(name)
            self._context.suites.delete(name)
        _fresh_site(self.docs)
        self._context.build_data_docs(site_names=["ktxh_checks"])
        self.docs_written = True
