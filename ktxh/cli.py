"""The ``ktxh`` command: ingest, build, check, export, and run them all.

``main(argv)`` returns an exit code, so tests call it directly.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from ktxh import settings, warehouse
from ktxh.errors import KtxhError


def _add_area(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--area", metavar="CODE",
        help="official province code in force at the documents' date: 1-2 digits, 4 = 04 (default: a folder "
             "named NN_name, else KTXH_AREA or 04); pre-2025 codes for documents before July 2025",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ktxh", description=__doc__.splitlines()[0])
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


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    db = settings.db_path()
    try:
        if args.command == "ingest":
            with warehouse.exclusive(db):
                docs = warehouse.ingest(db, args.paths, args.area)
            for doc in docs:
                rows = len(doc.appendix.rows) if doc.appendix else 0
                facts = sum(len(v) for v in doc.extras.values())
                print(f"loaded {doc.document} (area {doc.area_code}, batch {doc.batch_id}): "
                      f"{rows} table rows, {facts} prose figures")
        elif args.command == "build":
            with warehouse.exclusive(db):
                warehouse.dbt(["build"], db)
            print(f"built {db}")
        elif args.command == "check":
            warehouse.require(db)
            with warehouse.exclusive(db):
                return _check(db)
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
    except KtxhError as exc:
        print(exc.cli_line(), file=sys.stderr)
        return exc.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
