"""``ktxh run``'s checks: what is done while dbt builds, and the check once it has built."""

from __future__ import annotations

import shutil
from pathlib import Path

from ktxh import settings


def sites(db: Path) -> tuple[Path, Path]:
    """The Data Docs' folder of ``ktxh run`` of ``db``, and the folder great-expectations writes
    them to (``<site>.building``), put in its place when the run's dbt build and checks are done."""
    site = settings.checks_site_dir(settings.building_path(db))
    return site, site.with_name(site.name + ".building")


def preload_checks(db: Path) -> None:
    """While dbt builds: import the checks' libraries (great-expectations: about 1,2 s) and make
    their validation definitions, start the report's chart renderer (about 1 s), and import the
    export's libraries (openpyxl, polars: 0,2 s)."""
    from checks.runner import preload
    from extracts.report import preload as preload_report

    preload(sites(db)[1])
    preload_report()
    import checks.incremental  # noqa: F401
    import extracts.export  # noqa: F401
    import polars  # noqa: F401  (duckdb's .pl())


class RunChecks:
    """``ktxh run``'s checks: the last check's state, read before dbt opens the new file; while
    dbt builds, its libraries imported and the suites whose tables dbt has built validated
    (``checks.ahead``); the other suites and the findings once dbt is done (:meth:`built`)."""

    def __init__(self, db: Path):
        self.db = db
        self.previous: dict | None = None
        self.validation = None

    def before_building(self, con) -> None:
        from checks.incremental import previous

        self.previous = previous(con)

    def while_building(self, child) -> None:
        preload_checks(self.db)
        if child.checks_ahead is not None and self.previous is not None:
            from checks.ahead import Validation
            from checks.runner import load_suites

            site, docs = sites(self.db)
            self.validation = Validation(load_suites(), site, self.previous, docs=docs)
            self.validation.ahead(child.checks_ahead, child.running)

    def discard(self) -> None:
        """Remove what the checks ahead wrote and no check took (a run that failed)."""
        shutil.rmtree(sites(self.db)[1], ignore_errors=True)

    def built(self, new: Path) -> int:
        """Once dbt has built the marts: start drawing the report's charts and writing the marts'
        CSVs (threads, while the checks run), then check."""
        from checks.runner import run_checks
        from extracts.export import start_marts, wait_marts
        from extracts.report import start_charts

        start_charts(new, settings.exports_dir())
        start_marts(new, settings.exports_dir())
        try:
            return run_checks(new, validation=self.validation)
        finally:
            wait_marts(settings.exports_dir())  # done with the file before it is replaced
