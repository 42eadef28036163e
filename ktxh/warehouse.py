"""The warehouse file's lifecycle: ingest, dbt build, and the all-or-nothing run."""

from __future__ import annotations

import gc
import os
import shutil
import sys
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from contextlib import ExitStack, contextmanager, nullcontext
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import duckdb
from filelock import FileLock, Timeout
from tqdm import tqdm

from ingest import guard, loader
from ktxh import incremental, seeds, settings, storage
from ktxh.dbt_process import DbtProcess
from ktxh.discovery import discover
from ktxh.errors import BuildFailed, IngestError, WarehouseBusy, WarehouseUnusable, require_warehouse  # noqa: F401

@contextmanager
def exclusive(db: Path) -> Iterator[None]:
    """One writer at a time: a second run or ingest gets a clear message instead of a lock error."""
    usable(db)
    try:
        db.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(db) + ".lock")
        lock.acquire(timeout=0)
    except Timeout:
        raise WarehouseBusy(
            f"another ktxh run or ingest is writing {db} right now; wait for it to finish and try again"
        ) from None
    except OSError as exc:
        raise WarehouseUnusable(f"cannot write in {db.parent} ({exc.strerror}): set KTXH_DB to a writable place") from None
    try:
        yield
    finally:
        lock.release()


def usable(db: Path) -> None:
    """Refuse, before anything is read or written, a warehouse path ktxh cannot use."""
    if db.is_dir():
        raise WarehouseUnusable(f"{db} is a folder, not a DuckDB file: set KTXH_DB to a file path")
    database = db.name.split(".")[0].lower()
    if database in settings.WAREHOUSE_SCHEMAS:
        raise WarehouseUnusable(
            f"{db}: DuckDB would name the database '{database}', like the warehouse's schema "
            f"'{database}', and every query of it would be ambiguous: name the file otherwise "
            "(e.g. ktxh.duckdb) in KTXH_DB")
    if db.exists() and not os.access(db, os.W_OK):
        raise WarehouseUnusable(f"{db} is read-only: nothing was loaded (make it writable, or set KTXH_DB)")
    if db.exists() and db.stat().st_size > 0:
        with open(db, "rb") as f:
            head = f.read(12)
        if head[8:12] != b"DUCK":
            raise WarehouseUnusable(f"{db} is not a DuckDB file: nothing was loaded (move it away, or set KTXH_DB)")


# From this many documents on, they are parsed in parallel, one process per core.
PARALLEL_FROM = 8


def _parse_one(item: tuple[Path, str, object], keep_text: bool = True) -> loader.ParsedDocument:
    doc = guard.parse(*item)
    if not keep_text:  # its figures are read (doc.extras): only a caller that asks for the text gets it
        doc.text = None
    return doc


def _worker_start() -> None:
    """A parsing process: what it inherited is frozen out of the garbage collector's scans, and
    the collector runs every 50.000 allocations rather than 700 (the prose stage makes many
    short-lived objects and few cycles): the same documents, about 3 % less CPU."""
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


# Documents in flight: at most this many documents are being parsed or wait to be written.
WRITE_BATCH = 32
# Parsed documents are written this many at a time, each lot in its own transaction into the new
# file, so memory holds one lot whatever the number of documents (a national ingest's lot of 256
# costs the writer ~1,0 ms a document against ~1,4 for lots of 32: fewer statements and commits).
WRITE_LOT = 256


def parse(paths: Sequence[Path], area: str | None, report_date=None) -> list[loader.ParsedDocument]:
    """Every document parsed (within ``ingest.guard``'s limits), as a list (see :func:`parse_iter`)."""
    return list(parse_iter(paths, area, report_date))


def parse_iter(paths: Sequence[Path], area: str | None, report_date=None, window: int = WRITE_BATCH,
               keep_text: bool = True) -> Iterator[loader.ParsedDocument]:
    """The documents parsed one after another, in the order given: in parallel across the
    machine's cores for more than a few documents (at most ``window`` in flight), with progress
    on the terminal (tqdm; silent when stderr is not a terminal).  The first refused document
    (in the order given) stops it, as it does when parsed one by one.  The documents are found
    (and a missing path refused) at once, before anything is parsed.
    ``report_date``: the ``--report-date`` option, an ``ingest.report_date.ReportDate``.
    ``keep_text=False``: each document's text is dropped once its figures are read (a writer needs
    only its rows; a parsing process then sends a third of the bytes)."""
    found = [(path, code, report_date) for path, code in discover(paths, area)]
    return _parsed(found, window, keep_text)


def _parsed(found: list, window: int, keep_text: bool = True) -> Iterator[loader.ParsedDocument]:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    progress = tqdm(total=len(found), desc="ktxh: parsing", unit="doc", disable=not sys.stderr.isatty() or len(found) < PARALLEL_FROM)
    try:
        if len(found) < PARALLEL_FROM or cores < 2:
            for item in found:
                yield _parse_one(item, keep_text)
                progress.update()
            return
        pool = ProcessPoolExecutor(max_workers=min(cores, len(found)), initializer=_worker_start)
        try:
            items = iter(found)
            pending = deque(pool.submit(_parse_one, item, keep_text) for item in islice(items, max(window, cores)))
            while pending:
                doc = pending.popleft().result()
                for item in islice(items, 1):
                    pending.append(pool.submit(_parse_one, item, keep_text))
                progress.update()
                yield doc
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    finally:
        progress.close()


def write(db: Path, docs: Iterable[loader.ParsedDocument], batch_size: int = WRITE_LOT) -> list[loader.LoadedDocument]:
    """Write documents into ``db`` (a new file: :func:`replacing`) as they come, ``batch_size`` to a
    transaction; returns what was written.  Two documents of the same name and province with
    different content in one load are refused: the second would replace the first."""
    seen: dict[tuple[str, str], tuple[str, Path]] = {}
    written: list[loader.LoadedDocument] = []
    try:
        with storage.connect(db) as con:
            loader.ensure_raw_schema(con)
            incremental.ensure(con)  # a `dbt build` on its own after the first ingest finds build_state
            lot: list[loader.ParsedDocument] = []
            for doc in docs:
                key = (doc.area_code, doc.document)
                if key in seen and seen[key][0] != doc.batch_id:
                    raise IngestError(
                        doc.document, str(doc.path),
                        f"another document named {doc.document} for province {doc.area_code} is in this load "
                        f"({seen[key][1]}) with other content; a document is known by its name within its "
                        "province, so one would replace the other: rename one, or load them one at a time")
                seen[key] = (doc.batch_id, doc.path)
                lot.append(doc)
                if len(lot) >= batch_size:
                    written += loader.write(con, lot, ensure_schema=False)
                    lot = []
            if lot:
                written += loader.write(con, lot, ensure_schema=False)
    except duckdb.Error as exc:
        raise WarehouseUnusable(f"cannot write {db}: {str(exc).splitlines()[0]}") from None
    return written


def ingest(db: Path, paths: Sequence[Path], area: str | None, report_date=None) -> list[loader.LoadedDocument]:
    """Parse the documents and write them as they come, in lots, into a copy of the warehouse
    that replaces it only when every document was written (so an analyst's read-only
    connection does not block it, and a refused document leaves the warehouse as it was)."""
    docs = parse_iter(paths, area, report_date, keep_text=False)
    with replacing(db) as new:
        return write(new, docs)


require = require_warehouse


def dbt(args: Sequence[str], db: Path) -> None:
    """Run dbt ``args`` on the warehouse file ``db`` and wait for it."""
    require(db)
    child = DbtProcess(args, db).start(db)
    try:
        child.go()
        child.wait()
    finally:
        child.cancel()


def kind_of_build(db: Path) -> str:
    """'full' or 'incremental' for the next build of ``db`` as it is now (``ktxh.incremental``),
    read without writing to it."""
    if not db.exists():
        return "full"
    try:
        with storage.connect(db, read_only=True) as con:
            return incremental.kind_of_build(con)[0]
    except duckdb.Error:  # busy or not a warehouse: replacing() says so
        return "full"


def build(db: Path, kind: str | None = None, child: DbtProcess | None = None,
          while_building=None, before_building=None) -> incremental.BuildPlan:
    """dbt build on the warehouse file ``db`` (a new file: :func:`replacing`), full or incremental
    as :func:`ktxh.incremental.plan` decides; ``child``, a :class:`DbtProcess` started early, is
    told the plan's arguments (``kind`` is what :func:`kind_of_build` said before the documents
    were written).  ``before_building(con)`` reads ``db`` before dbt opens it (``con``, a
    connection to it); ``while_building(child)`` runs while dbt builds."""
    require(db)
    with storage.connect(db) as con:
        loader.ensure_raw_schema(con)  # an empty warehouse builds empty marts
        plan = incremental.plan(con, kind)
        if plan.kind == "full":
            plan.seeded = seeds.load(con)  # as dbt would, while its child still starts
        if before_building is not None and plan.kind != "nothing":
            before_building(con)
    if child is not None and plan.kind == "nothing":
        child.cancel()
    if plan.kind == "nothing":
        return plan
    child = child or DbtProcess(plan.dbt_args(), db).start(db)
    try:
        child.go(plan.dbt_args())
        if while_building is not None:
            while_building(child)
        child.wait()
    finally:
        child.cancel()
    with storage.connect(db) as con:
        incremental.record(con)
    return plan


building_path = settings.building_path


def _wal(path: Path) -> Path:
    return Path(str(path) + ".wal")


def _probe(db: Path) -> None:
    """Open the warehouse read-only once: a program writing it holds DuckDB's lock, and
    its writes would be lost if the file were replaced under it."""
    try:
        duckdb.connect(str(db), read_only=True).close()
    except duckdb.Error as exc:
        first = str(exc).splitlines()[0]
        if "lock" in first.lower():
            raise WarehouseBusy(
                f"{db} is open for writing by another program ({first}); close it, or open it read_only, and try again"
            ) from None
        raise WarehouseUnusable(f"{db} cannot be opened as a DuckDB warehouse: {first}") from None


@contextmanager
def replacing(db: Path) -> Iterator[Path]:
    """Write a copy of ``db`` (``ktxh.duckdb.building``) and put it in place only when the
    block succeeded: readers keep the file they opened, and a failure changes nothing."""
    usable(db)
    new = building_path(db)
    for stale in (new, _wal(new)):
        stale.unlink(missing_ok=True)
    try:
        if db.exists():
            _probe(db)
            shutil.copy2(db, new)
            if _wal(db).exists():
                shutil.copy2(_wal(db), _wal(new))
        yield new
        os.replace(new, db)
    except OSError as exc:
        raise WarehouseUnusable(f"cannot write the new warehouse beside {db} ({exc.strerror}); it is unchanged") from None
    finally:
        for leftover in (new, _wal(new)):
            leftover.unlink(missing_ok=True)


def run(db: Path, paths: Sequence[Path], area: str | None, after_build=None, while_building=None,
        stage=None, child: DbtProcess | None = None, before_building=None) -> incremental.BuildPlan:
    """Ingest, build and check into a new file; replace ``db`` only when all of it succeeded.

    dbt's child process starts first, so that its imports overlap the parsing of the
    documents; ``while_building(child)`` (the CLI imports the checks' libraries and validates
    the suites' tables dbt has built so far) runs while dbt builds, ``before_building(con)`` before
    (:func:`build`).
    ``stage(name)``, a context manager, is told of each stage (ingest, dbt build, check) for progress.
    ``child``: that process, if the caller started it already (``DbtProcess.start_early``).
    """
    stage = stage or (lambda name: nullcontext())
    try:
        with exclusive(db):
            kind = kind_of_build(db)
            # told what to build once known
            child = child or DbtProcess(None, db, checks_ahead=True).start(building_path(db))
            with ExitStack() as building:
                with stage("ingest"):
                    docs = parse_iter(paths, area, keep_text=False)  # finds the documents (or refuses a path) first
                    new = building.enter_context(replacing(db))
                    assert new == child.db
                    write(new, docs)
                with stage("dbt build"):
                    plan = build(new, kind, child, while_building, before_building)
                if after_build is not None:
                    with stage("check"):
                        after_build(new)
            return plan
    finally:
        if child is not None:
            child.cancel()
