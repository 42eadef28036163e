"""Settings from the environment, with the defaults a fresh clone needs."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
DEFAULT_DOCUMENTS = PROJECT_DIR / "documents"


def db_path() -> Path:
    """The warehouse file: ``KTXH_DB``, default ``warehouse/ktxh.duckdb`` (relative to the working directory)."""
    return Path(os.environ.get("KTXH_DB", "warehouse/ktxh.duckdb")).resolve()


def default_area() -> str:
    """The province loaded when none is named: ``KTXH_AREA``, default ``04`` (Cao Bằng)."""
    return os.environ.get("KTXH_AREA", "04")


def exports_dir() -> Path:
    return Path(os.environ.get("KTXH_EXPORTS", "exports")).resolve()
