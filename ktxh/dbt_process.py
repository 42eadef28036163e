"""dbt in a child process (:class:`DbtProcess`), with nothing heavy imported here: ``ktxh run``
starts it before it imports anything else (``start_early``), so that dbt's import starts at once."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Sequence

from filelock import FileLock, Timeout

from ktxh import settings
from ktxh.errors import BuildFailed, require_warehouse


class DbtProcess:
    """dbt on a warehouse file with the project's own profiles.yml, in a child process.

    A child process because dbt-duckdb holds the file for the whole run and keeps its
    connection open afterwards (DuckDB has one writer), so in-process it would block us from
    reading the warehouse just built.  It is started before it is needed, so that importing
    dbt overlaps other work, and told to :meth:`go` once the warehouse file is ready (its program:
    ``ktxh/dbt_child.py``).

    dbt sees the warehouse under one stable name, a hard link ``target/ktxh_warehouse.duckdb`` in
    its work folder: the file's path is part of dbt's profile hash, so with the real path every
    new file (``ktxh.duckdb.building``, another warehouse, a test's) would cost a full re-parse of
    the project (about 2 s idle, 8 s on a loaded machine) instead of a partial one.  A hard link,
    not a symbolic one: DuckDB names the database after the resolved file, dbt after the path.
    Where no hard link can be made (the warehouse on another file system) dbt gets the real path.
    The link is one per work folder, so one dbt at a time per work folder (a file lock; a second
    ``ktxh`` build from the same clone waits for the first).
    """

    LINK_NAME = "ktxh_warehouse.duckdb"
    # dbt's file log (logs/dbt.log): each node's start and result, warnings and errors with
    # their messages; not dbt's debug events (every query's text, connection and cache
    # events: about 0,5 MB a bundled build, 0,25-0,3 s of the child's CPU). The SQL dbt ran is
    # in target/run/ either way; DBT_LOG_LEVEL_FILE=debug in the environment logs everything.
    LOG_LEVEL = "info"

    def __init__(self, args: Sequence[str] | None, work_for: Path, checks_ahead: bool = False):
        self.args = list(args) if args is not None else None  # None: given to go()
        self.db: Path | None = None
        self.work = settings.dbt_work_dir(work_for)
        # ktxh run: dbt copies the suites' tables here as it builds them (macros/checks_ahead.sql)
        self.checks_ahead = self.work / "target" / "ktxh_checks_ahead" if checks_ahead else None
        self.project = str(settings.PROJECT_DIR)
        self._command = [sys.executable, "-m", "ktxh.dbt_child"]  # + the path and project it parses for
        self.proc: subprocess.Popen | None = None
        self.link = self.work / "target" / self.LINK_NAME
        self._lock = FileLock(str(self.work / "target" / ".ktxh-dbt.lock"))

    @classmethod
    def start_early(cls, db: Path) -> "DbtProcess | None":
        """The child for ``ktxh run`` of the warehouse ``db``, started before anything else (its
        import of dbt is the longest start-up of a run), or None where it cannot start right now
        (another dbt of this clone is running, or its work folder cannot be made): then
        :func:`ktxh.warehouse.run` starts it, or says why not, in its turn."""
        child = cls(None, db, checks_ahead=True)
        try:
            return child.start(settings.building_path(db), wait=False)
        except (Timeout, OSError):
            return None

    def start(self, db: Path, wait: bool = True) -> "DbtProcess":
        """Start the child for the warehouse file ``db`` (it waits for :meth:`go`); ``wait``
        for another dbt of the same work folder to finish (else :class:`filelock.Timeout`)."""
        self.db = Path(db)
        self.link.parent.mkdir(parents=True, exist_ok=True)
        self._lock.acquire(timeout=-1 if wait else 0)
        try:
            env = {"DBT_LOG_LEVEL_FILE": self.LOG_LEVEL, **os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
                   "DBT_TARGET_PATH": str(self.work / "target"), "DBT_LOG_PATH": str(self.work / "logs")}
            if self.checks_ahead is not None:
                env["KTXH_CHECKS_AHEAD"] = str(self.checks_ahead)
            command = [*self._command, str(self.link), json.dumps(self._project_args())]
            self.proc = subprocess.Popen(command, env=env, cwd=self.project, stdin=subprocess.PIPE, text=True)
        except BaseException:
            self._release()
            raise
        return self

    def _release(self) -> None:
        if self._lock.is_locked:
            if self.checks_ahead is not None:
                shutil.rmtree(self.checks_ahead, ignore_errors=True)
            wal = self.link.with_name(self.LINK_NAME + ".wal")
            if wal.exists() and self.db is not None:  # dbt's unflushed log belongs beside the real file
                os.replace(wal, self.db.with_name(self.db.name + ".wal"))
            self.link.unlink(missing_ok=True)
            self._lock.release()

    def go(self, args: Sequence[str] | None = None) -> None:
        """Let the child run dbt ``args`` (those given at creation if None)."""
        require_warehouse(self.db)
        from ingest import loader
        from ktxh import storage

        if args is not None:
            self.args = list(args)
        if self.args is None:
            raise ValueError("DbtProcess.go: no dbt arguments")
        with storage.connect(self.db) as con:
            loader.ensure_raw_schema(con)  # an empty warehouse builds empty marts
        if self.checks_ahead is not None:  # this build's copies only
            shutil.rmtree(self.checks_ahead, ignore_errors=True)
            self.checks_ahead.mkdir(parents=True)
        argv = [*self.args, *self._project_args(), "--quiet"]
        self.proc.stdin.write(f"go {self._stable_path()}\n{json.dumps(argv)}\n")
        self.proc.stdin.close()

    def _project_args(self) -> list[str]:
        return ["--project-dir", self.project, "--profiles-dir", self.project]

    def _stable_path(self) -> Path:
        """The hard link dbt opens the warehouse by (the real path where none can be made)."""
        for stale in (self.link, self.link.with_name(self.LINK_NAME + ".wal")):
            stale.unlink(missing_ok=True)
        try:
            os.link(self.db, self.link)
        except OSError:
            return self.db.resolve()
        return self.link

    def running(self) -> bool:
        """Whether the child is still running (told to go or not)."""
        return self.proc is not None and self.proc.poll() is None

    def wait(self) -> None:
        code = self.proc.wait()
        self._release()
        if code != 0:
            raise BuildFailed(f"dbt {' '.join(self.args)} failed on {self.db} "
                              f"(dbt's messages above; full log in {self.work / 'logs' / 'dbt.log'})")

    def cancel(self) -> None:
        """Stop a child that was not told to go (or is still running after a failure)."""
        if self.proc is None or self.proc.poll() is not None:
            self._release()
            return
        if not self.proc.stdin.closed:  # not told to go: it has not touched the warehouse, and
            self.proc.stdin.close()     # need not finish importing dbt first
            self.proc.terminate()
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._release()
