"""How the warehouse file is opened, so that every DuckDB client can read it.

DuckDB 2.0 writes its newest storage format by default (file version 69), which the
DuckDB CLI on PyPI (``duckdb-cli`` 1.5.6) and older JDBC/ODBC drivers refuse.  Every
file ktxh creates is written in the storage format of DuckDB 1.0 instead
(``storage_compatibility_version``): the version is fixed when a file is created and
kept by every later write, so any client from DuckDB 1.0 on opens the warehouse.

dbt creates no file of its own (``ktxh build`` opens it first), but ``profiles.yml``
sets the same version for a ``dbt build`` run on a path that does not exist yet.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

STORAGE_VERSION = "v1.0.0"


def connect(db: Path | str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the warehouse file ``db``; a new file is written readable by DuckDB >= 1.0."""
    if read_only:
        return duckdb.connect(str(db), read_only=True)
    return duckdb.connect(str(db), config={"storage_compatibility_version": STORAGE_VERSION})
