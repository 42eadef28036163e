"""The dbt child process of :class:`ktxh.dbt_process.DbtProcess` (``python -m ktxh.dbt_child``).

It imports dbt and parses the project (about 2 s together) before the go-ahead on stdin, so
that its start-up overlaps the parsing of the documents.  "go <warehouse path>" and a line
with dbt's arguments (JSON) mean go, EOF cancels: what to build is known only once the
documents are written.  The project is parsed for the warehouse path dbt will be given, the
stable hard link (the first argument; the path is part of the profile, and the database's
name in every node): if go names another path, dbt parses again for it.

When dbt is done, the child closes dbt-duckdb's database itself (DuckDB checkpoints it into
the file, as the interpreter's exit would) and leaves without the interpreter's teardown of
dbt's thousands of objects (0,3-0,5 s of nothing; ``ktxh.cli.entry`` does the same).
"""

import atexit
import json
import os
import sys

from dbt.cli.main import dbtRunner


def parsed(project: list[str]):
    """The project's manifest for the warehouse path of ``KTXH_DB`` (None if it did not parse:
    the build will say why)."""
    result = dbtRunner().invoke(["parse", "--quiet", "--no-write-json", *project])
    return result.result if result.success else None


def main(path: str, project: list[str]) -> int:
    """``path``: the warehouse path to parse for; ``project``: dbt's --project-dir and --profiles-dir."""
    os.environ.update(KTXH_DB=path)  # the profile's warehouse path
    manifest = parsed(project)
    line = sys.stdin.readline()
    if not line.startswith("go "):
        sys.exit(3)  # cancelled: dbt never opened the warehouse
    if line[3:].rstrip("\n") != path:
        os.environ.update(KTXH_DB=line[3:].rstrip("\n"))
        manifest = None
    result = dbtRunner(manifest=manifest).invoke(json.loads(sys.stdin.readline()))
    return 0 if result.success else 1 if result.exception is None else 2


def close_database() -> bool:
    """Close dbt-duckdb's database (True), or say it has none open here (False)."""
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    close = getattr(getattr(DuckDBConnectionManager, "_ENV", None), "close", None)
    if close is None:
        return False
    close()
    return True


if __name__ == "__main__":
    code = main(sys.argv[1], json.loads(sys.argv[2]))
    if not close_database():  # then the usual exit closes whatever dbt opened
        sys.exit(code)
    atexit._run_exitfuncs()  # logging's flush, multiprocessing's semaphores (dbt's locks)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
