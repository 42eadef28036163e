"""The warehouse file's lifecycle: ingest, dbt build, and the all-or-nothing run."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Sequence

import duckdb
from filelock import FileLock, Timeout

from ingest import loader
from ingest.loader import SUPPORTED
from ktxh import settings
from ktxh.errors import BuildFailed, WarehouseBusy, require_warehouse

_AREA_FOLDER = re.compile(r"^(\d{2})[_-]")


@contextmanager
def exclusive(db: Path) -> Iterator[None]:
    """One writer at a time: a second run or ingest gets a clear message instead of a lock error."""
    db.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(db) + ".lock")
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise WarehouseBusy(
            f"another ktxh run or ingest is writing {db} right now; wait for it to finish and try again"
        ) from None
    try:
        yield
    finally:
        lock.release()


def discover(paths: Sequence[Path], area: str | None) -> list[tuple[Path, str]]:
    """Documents to load with their area: folders are searched recursively; a folder
    named ``NN_name`` (``04_cao-bang``) sets the area of what is inside it."""
    found: list[tuple[Path, str]] = []
    for path in map(Path, paths):
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED) if path.is_dir() else [path]
        for file in files:
            folder_area = next(
                (m.group(1) for parent in file.resolve().parents if (m := _AREA_FOLDER.match(parent.name))), None
            )
            # an explicit --area, even an empty one (refused by the loader), wins
            found.append((file, area if area is not None else folder_area or settings.default_area()))
    return found


def ingest(db: Path, paths: Sequence[Path], area: str | None) -> list[loader.ParsedDocument]:
    """Parse all documents, then write them in one transaction."""
    docs = [loader.parse_document(path, code) for path, code in discover(paths, area)]
    with duckdb.connect(str(db)) as con:
        loader.write(con, docs)
    return docs


require = require_warehouse


def dbt(args: Sequence[str], db: Path) -> None:
    """Run dbt on the warehouse file ``db`` with the project's own profiles.yml.

    dbt runs in a child process: dbt-duckdb holds the file for the whole run and
    keeps its connection open afterwards, so in-process it would block us from
    reading the warehouse we just built.
    """
    require(db)
    with duckdb.connect(str(db)) as con:
        loader.ensure_raw_schema(con)  # an empty warehouse builds empty marts
    project = str(settings.PROJECT_DIR)
    command = [sys.executable, "-c", "from dbt.cli.main import cli; cli()", *args,
               "--project-dir", project, "--profiles-dir", project, "--quiet"]
    env = {**os.environ, "KTXH_DB": str(db), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    if subprocess.run(command, env=env, cwd=project).returncode != 0:
        raise BuildFailed(f"dbt {' '.join(args)} failed on {db} (dbt's messages above; full log in logs/dbt.log)")


def building_path(db: Path) -> Path:
    return db.with_name(db.name + ".building")


def run(db: Path, paths: Sequence[Path], area: str | None, after_build=None) -> None:
    """Ingest, build and check into a new file; replace ``db`` only when all of it succeeded."""
    with exclusive(db):
        new = building_path(db)
        for stale in (new, Path(str(new) + ".wal")):
            stale.unlink(missing_ok=True)
        if db.exists():
            shutil.copy2(db, new)
        try:
            ingest(new, paths, area)
            dbt(["build"], new)
            if after_build is not None:
                after_build(new)
            os.replace(new, db)
        finally:
            for leftover in (new, Path(str(new) + ".wal")):
                leftover.unlink(missing_ok=True)
