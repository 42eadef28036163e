"""The ktxh command: ingest, build, check, export, report, and run them all.

main(argv) returns an exit code, so tests call it directly.
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from pathlib import Path
from typing import Sequence

from ktxh import settings
from ktxh.errors import EXIT_FAILED, EXIT_INTERNAL, EXIT_INTERRUPTED, KtxhError, UsageError, require_warehouse

SETTINGS_HELP = """\
settings (environment):
  KTXH_DB                    warehouse file (default warehouse/ktxh.duckdb)
  KTXH_AREA                  province of documents not in an NN_name folder (default 04)
  KTXH_EXPORTS               where export and report write (default exports/)
  KTXH_CHECKS_SITE           great-expectations Data Docs folder (default checks_site/ beside the warehouse)
  KTXH_DBT_THREADS           dbt threads (default 2)
  KTXH_DUCKDB_MEMORY_LIMIT   DuckDB memory limit for dbt (default 4GB)
"""
EXIT_HELP = """\
exit codes:
  0  done{ok}
  1  {one}
  2  the warehouse could not be {two}, or another ktxh run or ingest is writing it
  3  an internal error (a bug): a short message and the file the full trace went to
  130  interrupted (Ctrl-C); nothing was replaced
"""

COMMANDS = {
    "ingest": (
        "load documents into the warehouse's raw schema",
        "Parse every document (report text .txt/.md, the department's biểu .xlsx/.csv, or the files of a "
        "folder, recursively), then write them in one transaction, one batch per document: loading the "
        "same content again replaces its batch. A document that cannot be read is refused with the file "
        "and the line, row or cell, and nothing is written. Creates the warehouse if it does not exist.",
        dict(ok="", one="a document was refused (nothing was written)", two="written"),
    ),
    "build": (
        "build the catalog, staging, intermediate and marts (dbt build)",
        "Run dbt build on the warehouse: the catalog seeds, the staging, intermediate and marts models, "
        "and their tests. The warehouse must exist (made by ktxh ingest or ktxh run). After the first build, "
        "only the provinces whose documents were loaded, replaced or removed since the last build are "
        "recomputed, as long as the models and seeds are unchanged (--full rebuilds everything).",
        dict(ok="", one="(not used)", two="built (dbt failed: its messages are above), or does not exist"),
    ),
    "check": (
        "run the consistency checks and fill checks.findings",
        "Validate the marts with the great-expectations suites of expectations/, replace checks.findings "
        "with what they found (severity error, warning or info, with a Vietnamese message), write the Data "
        "Docs and print a summary. Run it after ktxh build. Only the province-years whose rows changed "
        "since the last check are validated again; the others keep their findings (--full validates all).",
        dict(ok=" (no error-severity finding; warnings and info are reported)", one="a finding of severity error",
             two="checked, or does not exist"),
    ),
    "export": (
        "write the department's biểu (XLSX for print, CSV) and analysts' CSVs, or SDMX (--format sdmx)",
        "--format bieu (the default): write, per province and plan year, bieu_chi_tieu_<year>.xlsx (A4 landscape, "
        "with a sheet of findings), bieu_chi_tieu_<year>.csv and bieu_chi_tieu_<year>_phat_hien.csv, and every mart "
        "as marts/<table>.csv (UTF-8, dot decimal); a file whose warehouse rows are those of the last export to "
        "the folder is left as it is (.ktxh-export.json). --format sdmx: write sdmx/ktxh_structure.xml (the SDMX-ML 3.0 "
        "data structure definition, codelists and dataflows) and the plan attainment and monthly series as "
        "SDMX-CSV 2.0 (sdmx/plan_attainment.csv, sdmx/monthly_series.csv) and as SDMX-ML 3.0 data (.xml), "
        "checked against the codelists (README: Exchange). Reads the warehouse read-only; it must exist.",
        dict(ok="", one="the command line is wrong (e.g. an unknown --format)",
             two="read, or does not exist or has no marts, or an SDMX file would not validate (nothing "
                 "written)"),
    ),
    "report": (
        "write the report page (one offline HTML file per province and year)",
        "Write bao_cao_<year>.html: the headline count under both rules, attainment by indicator as a "
        "chart and a table, year-to-date progress, and every finding with its source line, in Vietnamese. "
        "The file needs no network. Reads the warehouse read-only; it must exist.",
        dict(ok="", one="(not used)", two="read, or does not exist or has no marts"),
    ),
    "catalog": (
        "work on the indicator catalog (catalog draft)",
        "ktxh catalog draft writes the provisional measures of the loaded documents (rows no catalog knows "
        "yet) as rows of seeds/indicator_catalog.csv for the department to review; once added to the seeds "
        "and built, they are confirmed.",
        dict(ok="", one="a wrong option", two="read (the warehouse does not exist or is not built)"),
    ),
    "run": (
        "ingest, build, check, export and report, all or nothing",
        "Copy the warehouse to <file>.building, ingest the documents (default: the bundled documents/), "
        "build and check there, and replace the warehouse only when all of it ran; then export the biểu "
        "and CSVs and write the report page. Creates the warehouse if it does not exist. This is the "
        "command to schedule.",
        dict(ok="", one="a document was refused (warehouse unchanged), or the checks found errors "
                        "(warehouse replaced so checks.findings can be read)", two="built or checked"),
    ),
}


EXPORT_FORMATS = ("bieu", "sdmx")


def _add_area(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--area", metavar="CODE",
        help="official province code in force at the documents' date: 1-2 digits, 4 = 04 (default: a folder "
             "named NN_name, else KTXH_AREA or 04); pre-2025 codes for documents before July 2025",
    )


def _add_selection(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=int, help="plan year (default: every year in the warehouse)")
    parser.add_argument("--area", metavar="CODE", help="province code (default: every province)")
    parser.add_argument("--out", type=Path, help="output folder (default: KTXH_EXPORTS or exports/)")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one ``ktxh: …`` line and exit code 1, like every other error."""

    def error(self, message: str):
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="ktxh", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="ktxh: a DuckDB warehouse of a province's socio-economic plan indicators (chỉ tiêu KT-XH), "
                    "from its reports and biểu.",
        epilog=SETTINGS_HELP + "\n" + EXIT_HELP.format(
            ok=" (check: no error-severity finding)", one="a document was refused, check found errors, or the command line is wrong",
            two="built, checked or read") + "\nktxh COMMAND --help tells what each command does.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parsers = {}
    for name, (short, long, codes) in COMMANDS.items():
        parsers[name] = sub.add_parser(
            name, help=short, description=textwrap.fill(long, 90, break_on_hyphens=False), formatter_class=argparse.RawDescriptionHelpFormatter,
            epilog=SETTINGS_HELP + "\n" + EXIT_HELP.format(**codes))
    p = parsers["ingest"]
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="report (.txt/.md/.docx/.pdf/.html), biểu (.xlsx/.csv) or a folder")
    _add_area(p)
    p.add_argument(
        "--report-date", metavar="YYYY-MM[-DD]",
        help="the reports' date, for documents whose text does not state it (it decides the year of their figures)",
    )
    parsers["build"].add_argument(
        "--full", action="store_true",
        help="rebuild every model from scratch (default: only the provinces whose documents changed, when the project did not)")
    parsers["check"].add_argument(
        "--full", action="store_true",
        help="validate every row (default: only the province-years whose rows changed since the last check)")
    _add_selection(parsers["export"])
    parsers["export"].add_argument(
        "--format", choices=EXPORT_FORMATS, default="bieu",
        help="bieu: the biểu XLSX/CSV and the marts' CSVs (default); sdmx: SDMX-CSV 2.0 + SDMX-ML structure")
    _add_selection(parsers["report"])
    p = parsers["catalog"]
    catalog = p.add_subparsers(dest="catalog_command", required=True, metavar="SUBCOMMAND")
    d = catalog.add_parser("draft", help="write the provisional measures of the loaded documents as catalog rows to review")
    d.add_argument("--area", metavar="CODE", help="province code (default: every province)")
    d.add_argument("--out", type=Path, metavar="FILE", help="write the rows to FILE (default: standard output)")
    p = parsers["run"]
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="documents (default: the bundled documents/)")
    _add_area(p)
    return parser


def _check(db: Path, full: bool = False) -> int:
    from checks.runner import run_checks

    return run_checks(db, full=full)


def _described(plan) -> str:
    if plan.kind == "incremental":
        kept = "" if plan.appendix_changed else "; no appendix table changed, so its models were not run"
        return f"incremental: the marts of province {', '.join(plan.areas)} recomputed, the others kept{kept}"
    if plan.kind == "nothing":
        return "nothing changed since the last build: dbt not run"
    return f"full build: {plan.reason}" if plan.reason else "full build"


def _export(db: Path, year: int | None = None, area: str | None = None, out: Path | None = None,
            fmt: str = "bieu") -> None:
    if fmt == "sdmx":
        from extracts.export import export_sdmx_files

        result = export_sdmx_files(db, out or settings.exports_dir(), year=year, area=area)
        for path in result.paths:
            print(f"wrote {path}")
        print("observations: " + ", ".join(f"{flow} {n}" for flow, n in result.observations.items()))
        for why, n in result.left_out.items():
            print(f"not exchanged: {n} figures ({why}; they stay in the marts)")
        return
    from extracts.export import export_all

    written: list[Path] = []
    paths = export_all(db, out or settings.exports_dir(), year=year, area=area, written=written)
    for path in written:
        print(f"wrote {path}")
    if len(paths) > len(written):
        print(f"kept {len(paths) - len(written)} files unchanged since the last export (their warehouse rows are the same)")


def _report(db: Path, year: int | None = None, area: str | None = None, out: Path | None = None) -> None:
    from extracts.report import write_reports

    written: list[Path] = []
    pages = write_reports(db, out or settings.exports_dir(), year=year, area=area, written=written)
    for path in written:
        print(f"wrote {path}")
    if len(pages) > len(written):
        print(f"kept {len(pages) - len(written)} report pages unchanged since the last report (their warehouse rows are the same)")


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
    """Run one command; every failure is one "ktxh: …" line on stderr and an exit code (README)."""
    db: Path | None = None
    try:
        args = build_parser().parse_args(argv)
        db = settings.db_path()
        child = None
        if args.command == "run":  # dbt's import first, before this process imports the rest
            from ktxh.dbt_process import DbtProcess

            child = DbtProcess.start_early(db)
        try:
            return _main(args, db, child)
        finally:
            if child is not None:
                child.cancel()
    except KtxhError as exc:
        print(exc.cli_line(), file=sys.stderr)
        return exc.exit_code
    except Exception as exc:
        return _failed(exc, db)
    except KeyboardInterrupt:
        print("ktxh: interrupted; the warehouse was not replaced", file=sys.stderr)
        return EXIT_INTERRUPTED


def _failed(exc: Exception, db: Path | None) -> int:
    """The ``ktxh: …`` line and exit code of an error that is not a :class:`KtxhError`."""
    import duckdb

    try:
        raise exc
    except duckdb.Error as exc:
        print(f"ktxh: cannot use the warehouse {db}: {str(exc).splitlines()[0]}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:
        print(f"ktxh: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:  # a bug: a short message, the trace in a file, never a traceback on the terminal
        where = _log_internal_error(db)
        logged = f"full trace in {where}" if where else "the trace could not be written to a log file"
        print(f"ktxh: internal error ({type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}); "
              f"the warehouse was not replaced; {logged}", file=sys.stderr)
        return EXIT_INTERNAL


def _main(args: argparse.Namespace, db: Path, child=None) -> int:
    from ktxh import warehouse
    from ktxh.progress import Stages

    if args.command == "ingest":
        from ingest.report_date import parse_option

        option = parse_option(args.report_date) if args.report_date else None
        with warehouse.exclusive(db):
            docs = warehouse.ingest(db, args.paths, args.area, option)
        for doc in docs:
            for warning in doc.warnings:
                print(f"ktxh: warning: {doc.document}: {warning}", file=sys.stderr)
            dated = doc.report_date
            when = (f"dated {dated.date.isoformat()[:7 if dated.precision == 'month' else 10]} ({dated.source})"
                    if dated.date else "undated")
            replaced = f", replacing batch {', '.join(doc.replaced)} of the same name" if doc.replaced else ""
            print(f"loaded {doc.document} (area {doc.area_code}, batch {doc.batch_id}, {when}{replaced}): "
                  f"{doc.table_rows} table rows, {doc.prose_figures} prose figures")
    elif args.command == "build":
        require_warehouse(db)
        with warehouse.exclusive(db), Stages(["dbt build"]) as stages, stages.stage("dbt build"), \
                warehouse.replacing(db) as new:
            plan = warehouse.build(new, "full" if args.full else None)
        print(f"built {db} ({_described(plan)})")
    elif args.command == "check":
        require_warehouse(db)
        with warehouse.exclusive(db), Stages(["check"]) as stages, stages.stage("check"), \
                warehouse.replacing(db) as new:
            code = _check(new, full=args.full)
        return code
    elif args.command == "export":
        from ingest.areas import normalise_code

        area = normalise_code(args.area, "ktxh export") if args.area is not None else None
        _export(db, args.year, area, args.out, args.format)
    elif args.command == "report":
        _report(db, args.year, args.area, args.out)
    elif args.command == "catalog":
        from extracts.catalog_draft import build_draft, catalog_csv, instructions
        from ingest.areas import normalise_code

        require_warehouse(db)
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
        from ktxh.run_checks import RunChecks

        checks = RunChecks(db)
        with Stages(["ingest", "dbt build", "check", "export", "report"]) as stages:
            try:
                plan = warehouse.run(db, paths, args.area, after_build=lambda new: outcome.update(check=checks.built(new)),
                                     while_building=checks.while_building, before_building=checks.before_building,
                                     stage=stages.stage, child=child)
            finally:
                checks.discard()
            print(f"built {db} ({_described(plan)})")
            with stages.stage("export"):
                _export(db)
            with stages.stage("report"):
                _report(db)
        return outcome.get("check", 0)
    return 0


def entry() -> None:
    """The ``ktxh`` command: :func:`main`, then exit without the interpreter's teardown.

    A run has imported dbt's, great-expectations' and pandas' hundreds of modules; freeing them
    one by one at exit takes 0,4-0,5 s and does nothing a process's end does not.  Every file
    and warehouse connection is closed by then (context managers); the exit handlers (logging's
    flush among them) run, then the process ends."""
    code = main()
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`ktxh export | head`) or stream
            pass
    os._exit(code)


if __name__ == "__main__":
    entry()
