"""Comments on the raw layer's tables and columns, taken from ``raw_schema.sql`` itself.

The DDL documents each table with the ``--`` line above its ``create table`` and each column with
the ``--`` comment at the end of its line; :func:`comment_statements` turns those into DuckDB
``COMMENT ON`` statements, so ``duckdb_columns()`` shows analysts the same words (one place to
write them: a column added without a comment fails ``tests/test_comments.py``).
"""

from __future__ import annotations

import re

_TABLE = re.compile(r"^create table if not exists (\w+)\.(\w+)\s*\(", re.IGNORECASE)
_COLUMN = re.compile(r"^\s*(\w+)\s+[^-]*?--\s*(.+?)\s*$")
_COMMENT = re.compile(r"^--\s*(.+?)\s*$")


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def comment_statements(ddl: str) -> list[str]:
    statements: list[str] = []
    table: str | None = None
    above: list[str] = []
    for line in ddl.splitlines():
        if table is None:
            if m := _TABLE.match(line.strip()):
                table = f"{m.group(1)}.{m.group(2)}"
                if above:
                    statements.append(f"comment on table {table} is {_quote(' '.join(above))}")
            elif m := _COMMENT.match(line.strip()):
                above.append(m.group(1))
            elif not line.strip() or line.strip().endswith(";"):
                above = []
            continue
        if line.strip().startswith(")"):
            table, above = None, []
            continue
        if (m := _COLUMN.match(line)) and m.group(1).lower() != "primary":
            statements.append(f"comment on column {table}.{m.group(1)} is {_quote(m.group(2))}")
    return statements
