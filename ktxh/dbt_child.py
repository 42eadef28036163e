"""The dbt child process of :class:`ktxh.warehouse.DbtProcess` (``python -m ktxh.dbt_child``).

It imports dbt (about 1,4 s), then waits for the go-ahead on stdin, so that its start-up
overlaps the parsing of the documents.  "go <warehouse path>" and a line with dbt's arguments
(JSON) mean go, EOF cancels: what to build is known only once the documents are written.

When dbt is done, the child closes dbt-duckdb's database itself (DuckDB checkpoints it into
the file, as the interpreter's exit would) and leaves without the interpreter's teardown of
dbt's thousands of objects (0,3-0,5 s of nothing; ``ktxh.cli.entry`` does the same).
"""

import atexit
import json
import os
import sys

from dbt.cli.main import cli


def main() -> int:
    line = sys.stdin.readline()
    if not line.startswith("go "):
        sys.exit(3)  # cancelled: dbt never opened the warehouse
    os.environ.update(KTXH_DB=line[3:].rstrip("\n"))  # the profile's warehouse path
    sys.argv[1:] = json.loads(sys.stdin.readline())
    try:
        cli()
        return 0
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1


def close_database() -> bool:
    """Close dbt-duckdb's database (True), or say it has none open here (False)."""
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    close = getattr(getattr(DuckDBConnectionManager, "_ENV", None), "close", None)
    if close is None:
        return False
    close()
    return True


if __name__ == "__main__":
    code = main()
    if not close_database():  # then the usual exit closes whatever dbt opened
        sys.exit(code)
    atexit._run_exitfuncs()  # logging's flush, multiprocessing's semaphores (dbt's locks)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
