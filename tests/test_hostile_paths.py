"""Hostile inputs, paths and the warehouse: symlink loops, unreadable files and folders, a
warehouse that is read-only, not a DuckDB file, a folder, or held open by an analyst.

Permissions do not bind root, and tests may run as root (CI does): the tests of unreadable
and read-only paths then run the command as the user ``nobody`` in a child process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from .hostile import appendix_only, names_place, sha256, wh, write

__all__ = ["wh"]


def test_a_symlink_loop_passed_directly_is_refused(wh, tmp_path):
    loop = tmp_path / "bieu_2022.txt"
    loop.symlink_to(tmp_path / "bieu_2022.txt")
    assert wh.refused("ingest", loop) == f"ktxh: refused: bieu_2022.txt, {loop}: a symbolic link that loops back on itself"


def test_a_symlink_loop_inside_a_folder_is_refused_naming_it(wh, tmp_path):
    folder = tmp_path / "inbox"
    write(folder, "bieu_2022.txt", appendix_only())
    (folder / "again").symlink_to(folder)  # a folder that links to its parent
    line = wh.refused("ingest", folder)
    assert names_place(line, "again", "a symbolic link to a folder it is inside of")


def test_a_dangling_symlink_in_a_folder_is_refused(wh, tmp_path):
    folder = tmp_path / "inbox"
    write(folder, "bieu_2022.txt", appendix_only())
    (folder / "bieu_2021.txt").symlink_to(tmp_path / "moved-away.txt")
    assert wh.refused("ingest", folder) == (
        f"ktxh: refused: bieu_2021.txt, {folder / 'bieu_2021.txt'}: a symbolic link to nothing")


def test_a_symlinked_folder_is_followed(wh, tmp_path):
    real = tmp_path / "real"
    write(real, "bieu_2022.txt", appendix_only())
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "linked").symlink_to(real)
    out, warnings = wh.accepted("ingest", folder)
    assert out.startswith("loaded bieu_2022.txt")


def test_a_fifo_is_refused_instead_of_waiting_forever(wh, tmp_path):
    fifo = tmp_path / "bieu_2022.csv"
    os.mkfifo(fifo)
    assert wh.refused("ingest", fifo) == f"ktxh: refused: bieu_2022.csv, {fifo}: not a regular file (a device, socket or pipe)"


def test_a_folder_as_warehouse_is_refused(wh, tmp_path, monkeypatch):
    db = tmp_path / "a-folder"
    db.mkdir()
    monkeypatch.setenv("KTXH_DB", str(db))
    doc = write(tmp_path, "bieu_2022.txt", appendix_only())
    assert wh.refused("ingest", doc, code=2) == f"ktxh: {db} is a folder, not a DuckDB file: set KTXH_DB to a file path"


@pytest.mark.parametrize("name", ["raw.duckdb", "Marts.duckdb", "checks.db"])
def test_a_warehouse_named_like_a_schema_is_refused_before_anything_is_written(wh, tmp_path, monkeypatch, name):
    # DuckDB names the database "raw" after raw.duckdb; "raw.load_batches" would then be ambiguous
    db = tmp_path / name
    monkeypatch.setenv("KTXH_DB", str(db))
    doc = write(tmp_path, "bieu_2022.txt", appendix_only())
    database = name.split(".")[0].lower()
    assert wh.refused("run", doc, code=2) == (
        f"ktxh: {db}: DuckDB would name the database '{database}', like the warehouse's schema "
        f"'{database}', and every query of it would be ambiguous: name the file otherwise "
        "(e.g. ktxh.duckdb) in KTXH_DB")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bieu_2022.txt", "seed", "wh"]


def test_the_refused_names_are_the_schemas_of_a_built_warehouse(checked_warehouse):
    from ktxh import settings

    with duckdb.connect(str(checked_warehouse), read_only=True) as con:
        schemas = {row[0] for row in con.execute(
            "select distinct schema_name from information_schema.schemata "
            "where catalog_name = current_database()").fetchall()}
    assert schemas - {"main"} == set(settings.WAREHOUSE_SCHEMAS)


def test_a_file_that_is_not_duckdb_is_refused_and_kept(wh, tmp_path, monkeypatch):
    db = write(tmp_path, "ktxh.duckdb", appendix_only())  # someone's file where the warehouse should be
    monkeypatch.setenv("KTXH_DB", str(db))
    wh.db = db
    doc = write(tmp_path, "bieu_2022.txt", appendix_only())
    for argv in (("ingest", doc), ("build",), ("check",), ("run", doc)):
        assert wh.refused(*argv, code=2) == (
            f"ktxh: {db} is not a DuckDB file: nothing was loaded (move it away, or set KTXH_DB)")
    assert wh.refused("export", "--out", tmp_path / "out", code=2).startswith(f"ktxh: cannot use the warehouse {db}")


def test_an_analysts_read_only_connection_does_not_block_ingest(wh, tmp_path):
    # the analyst's session is another process holding the file open read_only
    analyst = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys, time; con = duckdb.connect(sys.argv[1], read_only=True); "
         "print(con.execute('select count(*) from raw.load_batches').fetchone()[0], flush=True); time.sleep(60)",
         str(wh.db)], stdout=subprocess.PIPE, text=True)
    try:
        assert analyst.stdout.readline().strip() == "1"
        doc = write(tmp_path, "bieu_2022_xlsx_copy.txt", appendix_only().replace("(Biểu kèm", "(Bản sao biểu kèm"))
        out, warnings = wh.accepted("ingest", doc)
        assert out.startswith("loaded bieu_2022_xlsx_copy.txt")
        with duckdb.connect(str(wh.db), read_only=True) as con:
            assert con.execute("select count(*) from raw.load_batches").fetchone()[0] == 2
    finally:
        analyst.kill()
        analyst.wait()


def test_a_program_writing_the_warehouse_gets_one_clear_line(wh, tmp_path):
    writer = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); print('open', flush=True); time.sleep(60)",
         str(wh.db)], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "open"
        doc = write(tmp_path, "bieu_2022_b.txt", appendix_only().replace("(Biểu kèm", "(Bản sao biểu kèm"))
        line = wh.refused("ingest", doc, code=2)
        assert line.startswith(f"ktxh: {wh.db} is open for writing by another program (")
        assert line.endswith("close it, or open it read_only, and try again")
    finally:
        writer.kill()
        writer.wait()


# --- permissions --------------------------------------------------------------------------
# Permissions do not bind root, and CI runs as root: there, the operating system's refusal is
# simulated at the calls ktxh makes (os.access, os.scandir, the lock file's creation), with the
# errors the system raises; as any other user the files are really chmod-ed.

ROOT = os.geteuid() == 0


@pytest.fixture
def deny(monkeypatch):
    """deny(path, folder=False): make ``path`` unreadable (or, for a folder, unwritable)."""

    from ingest import guard
    from ktxh import warehouse

    unreadable: set[str] = set()
    unwritable: set[str] = set()
    real_access, real_scandir, real_lock = os.access, os.scandir, warehouse.FileLock

    def access(path, mode, *a, **k):
        p = str(path)
        if (mode & os.R_OK and p in unreadable) or (mode & os.W_OK and p in unwritable):
            return False
        return real_access(path, mode, *a, **k)

    def scandir(path="."):
        if str(path) in unreadable:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    class Lock(real_lock):
        def acquire(self, *a, **k):
            if str(Path(self.lock_file).parent) in unwritable:
                raise PermissionError(13, "Permission denied", self.lock_file)
            return super().acquire(*a, **k)

    def apply(path: Path, read: bool = True, write_: bool = False, mode: int = 0o000):
        if not ROOT:
            path.chmod(mode)
            return
        (unreadable if read else unwritable).add(str(path))
        if write_:
            unwritable.add(str(path))

    if ROOT:
        monkeypatch.setattr(guard.os, "access", access)
        monkeypatch.setattr(warehouse.os, "access", access)
        monkeypatch.setattr(warehouse.os, "scandir", scandir)
        monkeypatch.setattr(warehouse, "FileLock", Lock)
    yield apply
    for path in list(unreadable) + list(unwritable):
        if Path(path).exists() and not ROOT:
            Path(path).chmod(0o755)


def test_an_unreadable_file_is_refused(wh, tmp_path, deny):
    doc = write(tmp_path, "bieu_2022.txt", appendix_only())
    deny(doc)
    assert wh.refused("ingest", doc) == f"ktxh: refused: bieu_2022.txt, {doc}: cannot be read (permission denied)"
    doc.chmod(0o644)


def test_an_unreadable_sub_folder_is_refused_not_skipped(wh, tmp_path, deny):
    inbox = tmp_path / "inbox"
    write(inbox, "bieu_2022.txt", appendix_only())
    write(inbox / "2021", "bieu_2021.txt", appendix_only())
    deny(inbox / "2021")
    try:
        assert wh.refused("ingest", inbox) == (
            f"ktxh: refused: 2021, {inbox / '2021'}: a folder that cannot be read (Permission denied)")
    finally:
        (inbox / "2021").chmod(0o755)


def test_a_read_only_warehouse_is_refused_and_unchanged(wh, tmp_path, deny):
    deny(wh.db, read=False, write_=True, mode=0o444)
    doc = write(tmp_path, "bieu_2022_b.txt", appendix_only().replace("(Biểu kèm", "(Bản sao biểu kèm"))
    try:
        assert wh.refused("ingest", doc, code=2) == (
            f"ktxh: {wh.db} is read-only: nothing was loaded (make it writable, or set KTXH_DB)")
    finally:
        wh.db.chmod(0o644)


def test_a_warehouse_in_a_read_only_folder_is_refused_and_unchanged(wh, tmp_path, deny):
    Path(str(wh.db) + ".lock").unlink(missing_ok=True)
    deny(wh.db.parent, read=False, mode=0o555)
    doc = write(tmp_path, "bieu_2022_b.txt", appendix_only().replace("(Biểu kèm", "(Bản sao biểu kèm"))
    try:
        assert wh.refused("ingest", doc, code=2) == (
            f"ktxh: cannot write in {wh.db.parent} (Permission denied): set KTXH_DB to a writable place")
    finally:
        wh.db.parent.chmod(0o755)
