"""The ``ktxh`` command: ingest, build, check, export, and run them all.

``main(argv)`` returns an exit code, so tests call it directly.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Sequence

import duckdb

from ktxh import settings, warehouse
from ktxh.errors import EXIT_FAILED, EXIT_INTERNAL, EXIT_INTERRUPTED, KtxhError, UsageError


def _add_area(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--area", metavar="CODE",
        help="official province code in force at the documents' date: 1-2 digits, 4 = 04 (default: a folder "
             "named NN_name, else KTXH_AREA or 04); pre-2025 codes for documents before July 2025",
    )


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one ``ktxh: …`` line and exit code 1, like every other error."""

    def error(self, message: str):
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ktxh", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="load documents into the warehouse's raw schema")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="report text (.txt/.md), biểu (.xlsx/.csv) or a folder")
    _add_area(p)

    sub.add_parser("build", help="dbt build (seeds, staging, marts, tests) on the warehouse")
    sub.add_parser("check", help="run the consistency suites and fill checks.findings")

    p = sub.add_parser("export", help="write the department's biểu (XLSX, CSV) and analysts' CSVs to exports/")
    p.add_argument("--year", type=int, help="plan year (default: every year in the warehouse)")
    p.add_argument("--area", metavar="CODE", help="province code (default: every province)")
    p.add_argument("--out", type=Path, help="output folder (default: KTXH_EXPORTS or exports/)")

    p = sub.add_parser("catalog", help="work on the indicator catalog")
    catalog = p.add_subparsers(dest="catalog_command", required=True)
    p = catalog.add_parser("draft", help="write the provisional measures of the loaded documents as catalog rows to review")
    p.add_argument("--area", metavar="CODE", help="province code (default: every province)")
    p.add_argument("--out", type=Path, metavar="FILE", help="write the rows to FILE (default: standard output)")

    p = sub.add_parser("run", help="ingest, build, check into a new file, replace the warehouse on success, export")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="documents (default: the bundled documents/)")
    _add_area(p)
    return parser


def _check(db: Path) -> int:
    from checks.runner import run_checks

    return run_checks(db)


def _export(db: Path, year: int | None = None, area: str | None = None, out: Path | None = None) -> None:
    from extracts.export import export_all

    for path in export_all(db, out or settings.exports_dir(), year=year, area=area):
        print(f"wrote {path}")


def _log_internal_error(db: Path | None) -> Path | None:
    """Write the current exception's full trace to a log file; returns where (None if nowhere)."""
    import datetime as dt
    import tempfile
    import traceback

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folders = ([db.parent / "logs"] if db is not None else []) + [Path(tempfile.gettempdir())]
    for folder in folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"ktxh-error-{stamp}-{os.getpid()}.log"
            path.write_text(f"ktxh {' '.join(sys.argv[1:])}\n\n{traceback.format_exc()}", encoding="utf-8")
            return path
        except OSError:
            continue
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; every failure is one ``ktxh: …`` line on stderr and an exit code (README)."""
    db: Path | None = None
    try:
        args = build_parser().parse_args(argv)
        db = settings.db_path()
        return _main(args, db)
    except KtxhError as exc:
        print(exc.cli_line(), file=sys.stderr)
        return exc.exit_code
    except duckdb.Error as exc:
        print(f"ktxh: cannot use the warehouse {db}: {str(exc).splitlines()[0]}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:
        print(f"ktxh: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("ktxh: interrupted; the warehouse was not replaced", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug: a short message, the trace in a file, never a traceback on the terminal
        where = _log_internal_error(db)
        logged = f"full trace in {where}" if where else "the trace could not be written to a log file"
        print(f"ktxh: internal error ({type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}); "
              f"the warehouse was not replaced; {logged}", file=sys.stderr)
        return EXIT_INTERNAL


def _main(args: argparse.Namespace, db: Path) -> int:
    if args.command == "ingest":
        with warehouse.exclusive(db):
            docs = warehouse.ingest(db, args.paths, args.area)
        for doc in docs:
            for warning in doc.warnings:
                print(f"ktxh: warning: {doc.document}: {warning}", file=sys.stderr)
            rows = len(doc.appendix.rows) if doc.appendix else 0
            facts = sum(len(v) for v in doc.extras.values())
            print(f"loaded {doc.document} (area {doc.area_code}, batch {doc.batch_id}): "
                  f"{rows} table rows, {facts} prose figures")
    elif args.command == "build":
        warehouse.require(db)
        with warehouse.exclusive(db), warehouse.replacing(db) as new:
            warehouse.dbt(["build"], new)
        print(f"built {db}")
    elif args.command == "check":
        warehouse.require(db)
        with warehouse.exclusive(db), warehouse.replacing(db) as new:
            code = _check(new)
        return code
    elif args.command == "export":
        from ingest.areas import normalise_code

        area = normalise_code(args.area, "ktxh export") if args.area is not None else None
        _export(db, args.year, area, args.out)
    elif args.command == "catalog":
        from extracts.catalog_draft import build_draft, catalog_csv, instructions
        from ingest.areas import normalise_code

        area = normalise_code(args.area, "ktxh catalog draft") if args.area is not None else None
        draft = build_draft(db, area)
        if args.out:
            args.out.write_text(catalog_csv(draft), encoding="utf-8")
            print(f"wrote {args.out}")
        else:
            print(catalog_csv(draft), end="")
        print(instructions(draft, args.out), file=sys.stderr if not args.out else sys.stdout)
    elif args.command == "run":
        paths = args.paths or [settings.DEFAULT_DOCUMENTS]
        outcome: dict[str, int] = {}
        warehouse.run(db, paths, args.area, after_build=lambda new: outcome.update(check=_check(new)))
        print(f"built {db}")
        _export(db)
        return outcome.get("check", 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
