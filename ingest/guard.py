"""The edge of every reader: what a document may be and cost before, while and after it is read.

:func:`parse` wraps ``loader.parse_document`` for one document:

* before: the path must be a regular, readable file (not a directory, a FIFO or a
  dangling or looping symlink), not empty, and no larger than ``KTXH_MAX_FILE_BYTES``;
* while: reading it may take at most ``KTXH_MAX_SECONDS_PER_DOCUMENT`` and make the process
  grow by at most ``KTXH_MAX_MEMORY_BYTES`` (a timer looks every 0.2 s and interrupts any
  reader, a regular expression included, and the document is refused);
  the warnings readers raise (``ingest.notes``) are collected on the document;
* after: every figure must fit the raw layer exactly (``decimal(18, 6)``: 12 integer
  digits, 6 decimals).  A table figure that does not is refused with its row and
  column, never rounded; a figure stated in prose keeps its printed text and is
  marked ``malformed`` with no value, with a warning naming its line.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import signal
import stat
import threading
import time
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Iterator

from ingest import notes
from ktxh.errors import IngestError

# raw.appendix_cells.value and raw.prose_facts.value are decimal(18, 6).
RAW_INTEGER_DIGITS = 12
RAW_DECIMALS = 6
_RAW_BOUND = Decimal(10) ** RAW_INTEGER_DIGITS


class _Overtime(BaseException):
    """Raised by the timer; a BaseException so that no reader's ``except Exception`` swallows it."""


_TICK = 0.2  # seconds between two looks at the clock and the memory


def _resident_bytes() -> int | None:
    """The process's resident memory now (Linux /proc), or None where it cannot be read."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


@contextmanager
def time_budget(seconds: float, document: str, max_growth: int = 0) -> Iterator[None]:
    """Refuse the document when reading it takes longer than ``seconds``, or makes the process
    grow by more than ``max_growth`` bytes (main thread, POSIX; a timer looks every 0.2 s)."""
    usable = (seconds > 0 or max_growth > 0) and hasattr(signal, "setitimer") \
        and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return
    start, base = time.monotonic(), _resident_bytes()

    def on_tick(signum, frame):
        if seconds > 0 and time.monotonic() - start > seconds:
            raise _Overtime("time")
        if max_growth > 0 and base is not None and (now := _resident_bytes()) is not None and now - base > max_growth:
            raise _Overtime("memory")

    previous = signal.signal(signal.SIGALRM, on_tick)
    signal.setitimer(signal.ITIMER_REAL, _TICK, _TICK)
    try:
        yield
    except _Overtime as over:
        signal.setitimer(signal.ITIMER_REAL, 0)
        if over.args == ("memory",):
            raise IngestError(
                document, "whole file",
                f"reading it took more than {max_growth / 2**20:,.0f} MB of memory (KTXH_MAX_MEMORY_BYTES); "
                "split it, or raise the limit if it is a genuine report",
            ) from None
        raise IngestError(
            document, "whole file",
            f"reading it took longer than {seconds:g} s (KTXH_MAX_SECONDS_PER_DOCUMENT); "
            "split it, or raise the limit if it is a genuine report",
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_file(path: Path, max_bytes: int) -> None:
    """Refuse what is not a regular, readable, non-empty file within the size limit."""
    name = path.name or str(path)
    try:
        info = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise IngestError(name, str(path), "a symbolic link that loops back on itself") from None
        if exc.errno == errno.ENOENT:
            dangling = path.is_symlink()
            raise IngestError(name, str(path), "a symbolic link to nothing" if dangling else "no such file") from None
        raise IngestError(name, str(path), f"cannot be read ({exc.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise IngestError(name, str(path), "a folder where a document was expected")
    if not stat.S_ISREG(info.st_mode):
        raise IngestError(name, str(path), "not a regular file (a device, socket or pipe)")
    if info.st_size == 0:
        raise IngestError(name, "whole file", "the file is empty (0 bytes)")
    if info.st_size > max_bytes:
        raise IngestError(
            name, "whole file",
            f"{info.st_size:,} bytes, over the limit of {max_bytes:,} (KTXH_MAX_FILE_BYTES)",
        )
    if not os.access(path, os.R_OK):
        raise IngestError(name, str(path), "cannot be read (permission denied)")


def _raw_misfit(value: Decimal | None, decimals: int | None) -> str | None:
    """Why a value cannot be stored exactly in decimal(18, 6), or None when it can."""
    if value is None:
        return None
    if (decimals or 0) > RAW_DECIMALS or value != value.quantize(Decimal(1).scaleb(-RAW_DECIMALS), rounding="ROUND_DOWN"):
        return f"more than {RAW_DECIMALS} decimals, which the warehouse would round"
    if abs(value) >= _RAW_BOUND:
        digits = len(str(int(abs(value))))
        return f"{digits} integer digits, more than the {RAW_INTEGER_DIGITS} the warehouse keeps"
    return None


def check_fits_raw(doc) -> None:
    """Every figure must be stored exactly; see the module docstring."""
    from ingest.appendix import VALUE_ROLES

    if doc.appendix is not None:
        labels = doc.appendix.header_labels
        for row in doc.appendix.rows:
            for role in VALUE_ROLES:
                n = row.values.get(role)
                if n is None:
                    continue
                why = _raw_misfit(n.value, n.decimals)
                if why:
                    hint = f" (is it in đồng rather than {row.unit}?)" if "integer digits" in why and row.unit else ""
                    raise IngestError(
                        doc.document, f"{row.where}, column '{labels.get(role, role)}'",
                        f"a figure with {why}{hint}; refused rather than rounded", n.text,
                    )
    for fact in doc.extras.get("prose_facts") or []:
        if fact.get("value") is not None and _raw_misfit(fact["value"], fact.get("decimals")):
            notes.warn(
                f"line {fact['line']}: the figure {fact['printed']!r} has more digits than the warehouse keeps "
                "exactly; kept as printed, with no value, as malformed"
            )
            fact.update(value=None, decimals=None, status="malformed")


def parse(path: Path, area_code: str, report_date=None):
    """``loader.parse_document`` inside the limits; see the module docstring (``report_date``:
    the ``--report-date`` option)."""
    from ingest import loader
    from ktxh.settings import input_limits

    limits = input_limits()
    path = Path(path)
    check_file(path, limits.max_file_bytes)
    with notes.collecting() as collected, time_budget(limits.max_seconds_per_document, path.name,
                                                      limits.max_memory_bytes):
        try:
            doc = loader.parse_document(path, area_code, report_date)
        except MemoryError:
            raise IngestError(path.name, "whole file", "reading it ran out of memory") from None
        check_fits_raw(doc)
        if doc.appendix is None and not any(doc.extras.values()):
            notes.warn("no appendix table and no figures found in it")
    if dataclasses.is_dataclass(doc) and hasattr(doc, "warnings"):
        doc.warnings.extend(collected)
    return doc
