"""Every setting ktxh reads, in one place: environment variables with the defaults a fresh
clone needs, and where the project's files (models, seeds, suites, raw schema) live.

Nothing else reads ``os.environ`` for a ktxh setting; ``profiles.yml`` reads the same
variables with the same defaults (``tests/test_settings.py`` checks that they agree).
Every function reads the environment when called, so a test may set a variable and go.

=============================  ==========================  =====================================
variable                       default                     what
=============================  ==========================  =====================================
``KTXH_DB``                    ``warehouse/ktxh.duckdb``   the warehouse file (relative to cwd)
``KTXH_AREA``                  ``04`` (Cao Bằng)           province of documents not in a ``NN_name`` folder
``KTXH_EXPORTS``               ``exports``                 where ``ktxh export`` writes
``KTXH_CHECKS_SITE``           ``checks_site/`` beside     GX Data Docs folder
                               the warehouse
``KTXH_DBT_THREADS``           ``2``                       dbt threads (``profiles.yml``)
``KTXH_DUCKDB_MEMORY_LIMIT``   ``4GB``                     DuckDB ``memory_limit`` (``profiles.yml``)
``KTXH_PROGRESS_BAND_PP``      ``5``                       fct_period_progress: points of gap within
                                                           which a year-to-date figure is on_track
``KTXH_PROGRESS_MIN_YEARS``    ``1``                       earlier years needed for a profile (else
                                                           the linear month / 12)
=============================  ==========================  =====================================

Input limits (``KTXH_MAX_*``, see ``input_limits()``) bound what one document may cost.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# --- where the project's files are ------------------------------------------------

_CLONE_DIR = Path(__file__).resolve().parents[1]
_PACKAGED_DIR = Path(__file__).resolve().parent / "project"  # package data of a `pip install .`


def _project_dir() -> Path:
    """The dbt project (models, seeds, macros, suites, documents): the clone ktxh runs from,
    or, installed with ``pip install .``, the copy installed as the package data ``ktxh.project``."""
    for candidate in (_CLONE_DIR, _PACKAGED_DIR):
        if (candidate / "dbt_project.yml").is_file():
            return candidate
    raise RuntimeError(
        f"ktxh cannot find its dbt project (dbt_project.yml) in {_CLONE_DIR} or {_PACKAGED_DIR}: "
        "run it from a clone of the repository, or install it with `pip install .` from one"
    )


PROJECT_DIR = _project_dir()
FROM_CLONE = PROJECT_DIR == _CLONE_DIR
DEFAULT_DOCUMENTS = PROJECT_DIR / "documents"
SEEDS_DIR = PROJECT_DIR / "seeds"
SUITES_DIR = PROJECT_DIR / "expectations"
RAW_SCHEMA = PROJECT_DIR / "ingest" / "raw_schema.sql"

# The schemas of the warehouse. DuckDB names a database after its file's name up to the first dot
# (``raw.duckdb`` -> ``raw``), and a database named like a schema makes ``raw.load_batches``
# ambiguous, so a warehouse file may not be named after one of these (warehouse.usable refuses it).
WAREHOUSE_SCHEMAS = ("raw", "staging", "intermediate", "marts", "checks", "catalog", "build_state")



def building_path(db: Path) -> Path:
    """The new warehouse file a run or build writes, which replaces ``db`` when all of it ran."""
    return db.with_name(db.name + ".building")


def dbt_work_dir(db: Path) -> Path:
    """Where dbt writes its target/ (manifest, partial-parse state) and logs/: the clone's own
    folders when running from a clone, else a ``dbt/`` folder beside the warehouse file (the
    installed package data is not ours to write)."""
    return PROJECT_DIR if FROM_CLONE else Path(db).resolve().parent / "dbt"


# --- defaults, as profiles.yml spells them too ------------------------------------

DEFAULT_DB = "warehouse/ktxh.duckdb"
DEFAULT_AREA = "04"
DEFAULT_EXPORTS = "exports"
DEFAULT_DBT_THREADS = 2
DEFAULT_DUCKDB_MEMORY_LIMIT = "4GB"
# read by dbt (env_var in fct_period_progress / int_expected_progress), with these defaults
DEFAULT_PROGRESS_BAND_PP = "5"
DEFAULT_PROGRESS_MIN_YEARS = "1"


def _env(name: str, default: str) -> str:
    value = os.environ.get(name, "")
    return value if value.strip() else default


def db_path() -> Path:
    """The warehouse file: ``KTXH_DB``, default ``warehouse/ktxh.duckdb`` (relative to the working directory)."""
    return Path(_env("KTXH_DB", DEFAULT_DB)).resolve()


def default_area() -> str:
    """The province loaded when none is named: ``KTXH_AREA``, default ``04`` (Cao Bằng)."""
    return _env("KTXH_AREA", DEFAULT_AREA)


def exports_dir() -> Path:
    """Where exports go: ``KTXH_EXPORTS``, default ``exports/`` (relative to the working directory)."""
    return Path(_env("KTXH_EXPORTS", DEFAULT_EXPORTS)).resolve()


def checks_site_dir(db: Path) -> Path:
    """Where the Data Docs go: ``KTXH_CHECKS_SITE``, default ``checks_site/`` beside the warehouse file."""
    configured = os.environ.get("KTXH_CHECKS_SITE", "").strip()
    return Path(configured).resolve() if configured else Path(db).parent / "checks_site"


def dbt_threads() -> int:
    """dbt's thread count: ``KTXH_DBT_THREADS``, default 2 (read by ``profiles.yml``)."""
    return int(_env("KTXH_DBT_THREADS", str(DEFAULT_DBT_THREADS)))


def duckdb_memory_limit() -> str:
    """DuckDB's ``memory_limit`` for dbt: ``KTXH_DUCKDB_MEMORY_LIMIT``, default ``4GB``."""
    return _env("KTXH_DUCKDB_MEMORY_LIMIT", DEFAULT_DUCKDB_MEMORY_LIMIT)


# --- input limits -------------------------------------------------------------------


@dataclass(frozen=True)
class InputLimits:
    """What one document may cost before it is refused (an ``IngestError`` naming the limit)."""

    max_file_bytes: int = 64 * 1024 * 1024
    max_cells_per_sheet: int = 200_000  # a biểu has under 1,000; openpyxl takes about 10 s per 200,000
    max_line_chars: int = 100_000
    max_seconds_per_document: float = 40.0  # so that a refusal comes within a minute, start-up included
    max_memory_bytes: int = 640 * 1024 * 1024  # growth while reading one document: ktxh stays under 1 GB
    max_xlsx_uncompressed_bytes: int = 128 * 1024 * 1024  # the XML inside an XLSX, before openpyxl expands it


_LIMIT_VARS = {
    "max_file_bytes": ("KTXH_MAX_FILE_BYTES", int),
    "max_cells_per_sheet": ("KTXH_MAX_CELLS_PER_SHEET", int),
    "max_line_chars": ("KTXH_MAX_LINE_CHARS", int),
    "max_seconds_per_document": ("KTXH_MAX_SECONDS_PER_DOCUMENT", float),
    "max_xlsx_uncompressed_bytes": ("KTXH_MAX_XLSX_UNCOMPRESSED_BYTES", int),
    "max_memory_bytes": ("KTXH_MAX_MEMORY_BYTES", int),
}


def input_limits() -> InputLimits:
    """The limits, each overridable by its ``KTXH_MAX_*`` variable."""
    defaults = InputLimits()
    values = {}
    for field_name, (var, kind) in _LIMIT_VARS.items():
        raw = os.environ.get(var, "").strip()
        values[field_name] = kind(raw) if raw else getattr(defaults, field_name)
    return InputLimits(**values)


def progress_band_pp() -> float:
    """fct_period_progress's band: a gap within ± this many points is on_track (``KTXH_PROGRESS_BAND_PP``, default 5)."""
    return float(_env("KTXH_PROGRESS_BAND_PP", DEFAULT_PROGRESS_BAND_PP))


def progress_min_years() -> int:
    """Earlier years needed for an expected-progress profile (``KTXH_PROGRESS_MIN_YEARS``, default 1)."""
    return int(_env("KTXH_PROGRESS_MIN_YEARS", DEFAULT_PROGRESS_MIN_YEARS))
