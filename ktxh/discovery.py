"""Which documents a load takes: folders searched recursively (symlinked folders followed once,
editor lock files and dotfiles left out), and the area each document is loaded for."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path
from typing import Sequence

from ingest.loader import SUPPORTED
from ktxh import settings
from ktxh.errors import IngestError

_AREA_FOLDER = re.compile(r"^(\d{2})[_-]")


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
