"""The warehouse file's lifecycle: ingest, dbt build, and the all-or-nothing run."""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Iterator, Sequence

import duckdb
from filelock import FileLock, Timeout
from tqdm import tqdm

from ingest import guard, loader
from ingest.loader import SUPPORTED
from ktxh import settings, storage
from ktxh.errors import BuildFailed, IngestError, WarehouseBusy, WarehouseUnusable, require_warehouse

_AREA_FOLDER = re.compile(r"^(\d{2})[_-]")


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
    if db.exists() and not os.access(db, os.W_OK):
        raise WarehouseUnusable(f"{db} is read-only: nothing was loaded (make it writable, or set KTXH_DB)")
    if db.exists() and db.stat().st_size > 0:
        with open(db, "rb") as f:
            head = f.read(12)
        if head[8:12] != b"DUCK":
            raise WarehouseUnusable(f"{db} is not a DuckDB file: nothing was loaded (move it away, or set KTXH_DB)")


def _hidden(path: Path) -> bool:
    """Editor and office lock files (``~$bieu.xlsx``, ``.~lock.bieu.xlsx#``) and dotfiles."""
    return path.name.startswith((".", "~$"))


def _walk(folder: Path) -> list[Path]:
    """Supported documents under ``folder``, following symlinked folders once; a folder that
    cannot be read or a link that loops is refused rather than skipped in silence."""
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()

    def visit(directory: Path) -> None:
        try:
            info = directory.stat()
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise IngestError(directory.name, str(directory), "a symbolic link that loops back on itself") from None
            raise IngestError(directory.name, str(directory), f"a folder that cannot be read ({exc.strerror})") from None
        key = (info.st_dev, info.st_ino)
        if key in seen:
            raise IngestError(directory.name, str(directory), "a symbolic link to a folder it is inside of (a loop)")
        seen.add(key)
        for entry in entries:
            path = Path(entry.path)
            if _hidden(path):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                visit(path)
            elif path.suffix.lower() in SUPPORTED or (entry.is_symlink() and not path.exists()):
                found.append(path)  # a broken or looping link is refused by ingest.guard, with its name
        seen.discard(key)

    visit(folder)
    if not found:
        raise IngestError(folder.name, str(folder), f"no documents ({', '.join(SUPPORTED)}) in this folder")
    return found


def discover(paths: Sequence[Path], area: str | None) -> list[tuple[Path, str]]:
    """Documents to load with their area: folders are searched recursively; a folder
    named ``NN_name`` (``04_cao-bang``) sets the area of what is inside it."""
    found: list[tuple[Path, str]] = []
    for path in map(Path, paths):
        files = _walk(path) if path.is_dir() else [path]
        for file in files:
            folder_area = next(
                (m.group(1) for parent in Path(os.path.realpath(file)).parents if (m := _AREA_FOLDER.match(parent.name))), None
            )
            # an explicit --area, even an empty one (refused by the loader), wins
            found.append((file, area if area is not None else folder_area or settings.default_area()))
    return found


# From this many documents on, they are parsed in parallel, one process per core.
PARALLEL_FROM = 8


def _parse_one(item: tuple[Path, str, object]) -> loader.ParsedDocument:
    return guard.parse(*item)


def parse(paths: Sequence[Path], area: str | None, report_date=None) -> list[loader.ParsedDocument]:
    """Every document parsed (within ``ingest.guard``'s limits) before anything is written:
    in parallel across the machine's cores for more than a few documents, with progress on
    the terminal (tqdm; silent when stderr is not a terminal).  The first refused document
    (in the order given) stops the run, as it does when parsed one by one.
    ``report_date``: the ``--report-date`` option, an ``ingest.report_date.ReportDate``."""
    found = [(path, code, report_date) for path, code in discover(paths, area)]
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    progress = tqdm(total=len(found), desc="ktxh: parsing", unit="doc", disable=not sys.stderr.isatty() or len(found) < PARALLEL_FROM)
    try:
        if len(found) < PARALLEL_FROM or cores < 2:
            docs = []
            for item in found:
                docs.append(_parse_one(item))
                progress.update()
            return docs
        with ProcessPoolExecutor(max_workers=min(cores, len(found))) as pool:
            docs = []
            for doc in pool.map(_parse_one, found, chunksize=max(1, min(16, len(found) // (cores * 4)))):
                docs.append(doc)
                progress.update()
            return docs
    finally:
        progress.close()


def write(db: Path, docs: Sequence[loader.ParsedDocument]) -> None:
    try:
        with storage.connect(db) as con:
            loader.write(con, docs)
    except duckdb.Error as exc:
        raise WarehouseUnusable(f"cannot write {db}: {str(exc).splitlines()[0]}") from None


def ingest(db: Path, paths: Sequence[Path], area: str | None, report_date=None) -> list[loader.ParsedDocument]:
    """Parse all documents, then write them in one transaction into a copy of the
    warehouse that replaces it (so an analyst's read-only connection does not block it)."""
    docs = parse(paths, area, report_date)
    with replacing(db) as new:
        write(new, docs)
    return docs


require = require_warehouse


# The child's program: import dbt (about 1,4 s), then wait for the go-ahead on stdin, so that
# its start-up overlaps the parsing of the documents.  "go <warehouse path>" means go, EOF cancels.
_DBT_CHILD = (
    "import os, sys\n"
    "from dbt.cli.main import cli\n"
    "line = sys.stdin.readline()\n"
    "if not line.startswith('go '):\n"
    "    sys.exit(3)\n"
    "os.environ.update(KTXH_DB=line[3:].rstrip('\\n'))  # the profile's warehouse path\n"
    "sys.exit(cli())\n"
)


class DbtProcess:
    """dbt on a warehouse file with the project's own profiles.yml, in a child process.

    A child process because dbt-duckdb holds the file for the whole run and keeps its
    connection open afterwards (DuckDB has one writer), so in-process it would block us from
    reading the warehouse just built.  It is started before it is needed, so that importing
    dbt overlaps other work, and told to :meth:`go` once the warehouse file is ready.

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

    def __init__(self, args: Sequence[str], work_for: Path):
        self.args = list(args)
        self.db: Path | None = None
        self.work = settings.dbt_work_dir(work_for)
        self.project = str(settings.PROJECT_DIR)
        self._command = [sys.executable, "-c", _DBT_CHILD, *self.args,
                         "--project-dir", self.project, "--profiles-dir", self.project, "--quiet"]
        self.proc: subprocess.Popen | None = None
        self.link = self.work / "target" / self.LINK_NAME
        self._lock = FileLock(str(self.work / "target" / ".ktxh-dbt.lock"))

    def start(self, db: Path) -> "DbtProcess":
        """Start the child for the warehouse file ``db`` (it waits for :meth:`go`)."""
        self.db = Path(db)
        self.link.parent.mkdir(parents=True, exist_ok=True)
        self._lock.acquire()
        try:
            env = {**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
                   "DBT_TARGET_PATH": str(self.work / "target"), "DBT_LOG_PATH": str(self.work / "logs")}
            self.proc = subprocess.Popen(self._command, env=env, cwd=self.project, stdin=subprocess.PIPE, text=True)
        except BaseException:
            self._release()
            raise
        return self

    def _release(self) -> None:
        if self._lock.is_locked:
            wal = self.link.with_name(self.LINK_NAME + ".wal")
            if wal.exists() and self.db is not None:  # dbt's unflushed log belongs beside the real file
                os.replace(wal, self.db.with_name(self.db.name + ".wal"))
            self.link.unlink(missing_ok=True)
            self._lock.release()

    def go(self) -> None:
        require(self.db)
        with storage.connect(self.db) as con:
            loader.ensure_raw_schema(con)  # an empty warehouse builds empty marts
        self.proc.stdin.write(f"go {self._stable_path()}\n")
        self.proc.stdin.close()

    def _stable_path(self) -> Path:
        """The hard link dbt opens the warehouse by (the real path where none can be made)."""
        for stale in (self.link, self.link.with_name(self.LINK_NAME + ".wal")):
            stale.unlink(missing_ok=True)
        try:
            os.link(self.db, self.link)
        except OSError:
            return self.db.resolve()
        return self.link

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
        if not self.proc.stdin.closed:
            self.proc.stdin.close()  # EOF: the child exits without touching the warehouse
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._release()


def dbt(args: Sequence[str], db: Path) -> None:
    """Run dbt ``args`` on the warehouse file ``db`` and wait for it."""
    require(db)
    child = DbtProcess(args, db).start(db)
    try:
        child.go()
        child.wait()
    finally:
        child.cancel()


def building_path(db: Path) -> Path:
    return db.with_name(db.name + ".building")


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
        stage=None) -> None:
    """Ingest, build and check into a new file; replace ``db`` only when all of it succeeded.

    dbt's child process starts first, so that its imports overlap the parsing of the
    documents; ``while_building`` (the CLI imports the checks' libraries) runs while dbt builds.
    ``stage(name)``, a context manager, is told of each stage (ingest, dbt build, check) for progress.
    """
    stage = stage or (lambda name: nullcontext())
    with exclusive(db):
        child = DbtProcess(["build"], db).start(building_path(db))
        try:
            with stage("ingest"):
                docs = parse(paths, area)
            with replacing(db) as new:
                assert new == child.db
                write(new, docs)
                with stage("dbt build"):
                    child.go()
                    if while_building is not None:
                        while_building()
                    child.wait()
                if after_build is not None:
                    with stage("check"):
                        after_build(new)
        finally:
            child.cancel()
