"""The bottom layer: every error ktxh reports, importable without anything above it.

Each carries the exit code the command returns for it; the CLI prints one line
``ktxh: <message>`` on stderr and exits with ``exit_code``.

==========  ==============================================================
exit code   meaning
==========  ==============================================================
0           done (``ktxh check``: no error-severity finding)
1           a document was refused (``IngestError``), or ``ktxh check`` found errors
2           the warehouse could not be built, checked or exported (``BuildFailed``,
            ``WarehouseBusy``, ``SuiteError``, ``WarehouseMissing``), or cannot be used
            at all (``WarehouseUnusable``: a folder, read-only, not a DuckDB file, named like a schema)
3           an internal error (a bug): a short message and the file the full trace went to
130         interrupted (Ctrl-C); nothing was replaced
==========  ==============================================================
"""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_CHECK_ERRORS = 1
EXIT_FAILED = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130


class KtxhError(Exception):
    """Base of every error ktxh reports to its user."""

    exit_code = EXIT_FAILED
    prefix = ""  # printed after "ktxh: "

    def __init__(self, message: str, exit_code: int | None = None):
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code

    def cli_line(self) -> str:
        return f"ktxh: {self.prefix}{self}"

    def __reduce__(self):  # pickled as built (errors cross process boundaries when parsing in parallel)
        return (self.__class__, (self.message, self.exit_code))


class IngestError(KtxhError):
    """A document that cannot be loaded as it is.

    ``location`` is human readable: ``line 812``, ``sheet Biểu 01, row 14``,
    ``header``.  ``text`` is the offending text exactly as printed.
    """

    exit_code = EXIT_REFUSED
    prefix = "refused: "

    def __init__(self, document: str, location: str, message: str, text: str | None = None):
        shown = f": {text!r}" if text is not None else ""
        super().__init__(f"{document}, {location}: {message}{shown}")
        self.document = document
        self.location = location
        self.text = text
        self.message = message

    def __reduce__(self):
        return (self.__class__, (self.document, self.location, self.message, self.text))


class BuildFailed(KtxhError):
    """dbt, the suites or the export could not do their work on the warehouse."""


class WarehouseMissing(BuildFailed):
    """No warehouse file (or no marts in it) where one is needed."""


class WarehouseBusy(KtxhError):
    """Another ktxh process is writing the warehouse (DuckDB has one writer)."""


class WarehouseUnusable(KtxhError):
    """The warehouse path is a folder, read-only, not a DuckDB file, or its folder cannot be written."""


class UsageError(KtxhError):
    """The command line itself is wrong (an unknown option, a missing argument)."""

    exit_code = EXIT_REFUSED


class SuiteError(BuildFailed):
    """A suite file that cannot be used as it is."""


def require_warehouse(db: Path) -> None:
    """Raise ``WarehouseMissing`` when there is no warehouse file at ``db``."""
    if not Path(db).exists():
        raise WarehouseMissing(
            f"no warehouse at {db}: run `ktxh run` (or `ktxh ingest PATH...`) first, or set KTXH_DB"
        )
