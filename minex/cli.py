"""The `minex` command: landing folder -> warehouse -> checked release folder."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from ingest.loader import IngestReport, LandingError, ingest
from minex import run_log
from minex.project import DEFAULT_DB, DEFAULT_RELEASES, SAMPLE_LANDING, SEEDS, StepFailed

SHOWN_REJECTS = 20

DESCRIPTION = """\
minex turns a landing folder of production statistics, company reports and InSAR
results into asset- and country-level CO2 estimates for copper, iron and bauxite
mines and rock and sand quarries (Climate TRACE mineral-extraction methodology),
published as a release folder in the Climate TRACE v5 layout.

steps (each also a subcommand):
  ingest   load the landing folder into the warehouse's raw schema (rejects listed)
  build    dbt build: seeds, models of rules M1-M9, data tests and unit tests
  check    Great Expectations on the release tables; a failure blocks the export
  export   check, then write the release folder: DATA/*.csv, docs/ (Data Docs),
           datapackage.json and manifest.json
  run      ingest, build and export (checks included) in order (default: the sample)
  diff     what changed between two release folders

  report   print a summary of a built warehouse (activity methods, conversion factors)
  tables   print the paper's Tables 3-6 for a year (global summary, top assets, top
           countries by asset aggregate and by projection)
"""


def say(message: str) -> None:
    print(f"minex: {message}", file=sys.stderr, flush=True)


def release_timestamp() -> str:
    """SOURCE_DATE_EPOCH (reproducible builds) when set, else now; UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            moment = datetime.fromtimestamp(int(epoch), UTC)
        except ValueError as error:
            raise StepFailed(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds") from error
    else:
        moment = datetime.now(UTC)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def parse_vars(text: str | None) -> dict[str, Any]:
    """--vars as a mapping of known methodology parameters (dbt_project.yml vars)."""
    from ingest.project_vars import effective_vars

    if not text:
        return {}
    try:
        parsed = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise StepFailed(f"--vars is not valid YAML: {error}") from error
    if not isinstance(parsed, dict):
        raise StepFailed("--vars must be a mapping, e.g. '{electrification_share: 0.7}'")
    try:
        effective_vars(parsed)
    except KeyError as error:
        raise StepFailed(f"--vars: {error.args[0]} (see vars in dbt_project.yml)") from error
    return parsed


def step_ingest(args: argparse.Namespace) -> IngestReport:
    started = time.monotonic()
    say(f"ingest {args.data} -> {args.db}")
    try:
        report = ingest(
            args.data,
            args.db,
            SEEDS,
            progress=lambda m: say(f"  {m}"),
            dbt_vars=parse_vars(args.vars),
        )
    except LandingError as error:
        raise StepFailed(str(error)) from error
    say(
        f"ingest done in {time.monotonic() - started:.1f}s: {len(report.loaded)} files loaded, "
        f"{len(report.unchanged)} unchanged, {len(report.removed)} removed"
    )
    if report.insar.computed or report.insar.unchanged:
        say(
            f"  insar: {len(report.insar.computed)} assets computed, "
            f"{len(report.insar.unchanged)} unchanged, {len(report.insar.no_result)} without result"
        )
    for ignored in report.ignored:
        say(f"  ignored {ignored}: not a file of the data contract")
    if report.rejects:
        for reject in report.rejects[:SHOWN_REJECTS]:
            say(f"  rejected: {reject.message()}")
        if len(report.rejects) > SHOWN_REJECTS:
            say(f"  ... and {len(report.rejects) - SHOWN_REJECTS} more (table raw._rejects)")
        files = len({reject.file for reject in report.rejects})
        summary = f"{len(report.rejects)} rejected rows in {files} files"
        if not args.allow_rejects:
            raise StepFailed(
                f"ingest: {summary}; fix them or pass --allow-rejects to go on without them"
            )
        say(f"ingest: {summary}; going on without them (--allow-rejects)")
    return report


def record_step(db_path: Path, step: str, summary: dict[str, Any]) -> None:
    import duckdb

    with duckdb.connect(str(db_path)) as con:
        run_log.record(con, step, summary)


def step_build(args: argparse.Namespace) -> None:
    from minex.dbt_build import build

    if not args.db.exists():
        raise StepFailed(f"warehouse {args.db} does not exist: run `minex ingest` first")
    dbt_vars = {**parse_vars(args.vars), "release_time": release_timestamp()}
    started = time.monotonic()
    say(f"build: dbt build on {args.db}")
    counts = build(args.db, dbt_vars)
    record_step(args.db, "build", {"nodes": counts, "vars": dbt_vars})
    say(f"build done in {time.monotonic() - started:.1f}s: {counts}")


def step_check(args: argparse.Namespace) -> None:
    import duckdb

    from minex.export import build_parameters
    from minex.quality.gate import run_gate

    if not args.db.exists():
        raise StepFailed(f"warehouse {args.db} does not exist: run `minex run` first")
    started = time.monotonic()
    with duckdb.connect(str(args.db)) as con:
        parameters = build_parameters(con)
    say("check: data-quality expectations on the release tables")
    try:
        report = run_gate(
            args.db, parameters, args.granularity, args.docs, progress=lambda m: say(f"  {m}")
        )
    except StepFailed as error:
        record_step(args.db, "check", {"status": "failed", "reason": str(error)})
        raise
    record_step(args.db, "check", report.summary())
    say(f"check passed in {time.monotonic() - started:.1f}s: {len(report.results)} expectations")


def step_export(args: argparse.Namespace) -> Path:
    from minex.export import export_release

    say(f"export: writing the release folder ({args.granularity})")
    target = export_release(
        args.db, args.out, DEFAULT_RELEASES, args.granularity, progress=lambda m: say(f"  {m}")
    )
    say(f"release written to {target}")
    return target


def step_diff(args: argparse.Namespace) -> None:
    from minex import reports
    from minex.diff import diff_releases

    changes, columns, rows = diff_releases(args.old, args.new, args.threshold, args.csv)
    print(f"{changes:,} changes between {args.old} and {args.new} (written to {args.csv})\n")
    if rows:
        print(reports.format_table(columns, rows))


def step_report(args: argparse.Namespace) -> None:
    import duckdb

    from minex import reports

    if not args.db.exists():
        raise StepFailed(f"warehouse {args.db} does not exist: run `minex run` first")
    try:
        columns, rows = reports.run(args.db, args.name)
    except duckdb.Error as error:
        raise StepFailed(f"report {args.name}: {error} (run `minex build` first)") from error
    print(f"{reports.description(args.name)}\n")
    print(reports.format_table(columns, rows))


def step_tables(args: argparse.Namespace) -> None:
    import duckdb

    from minex import reports

    if not args.db.exists():
        raise StepFailed(f"warehouse {args.db} does not exist: run `minex run` first")
    try:
        tables = reports.paper_tables(args.db, args.year, args.top)
    except duckdb.Error as error:
        raise StepFailed(f"tables: {error} (run `minex build` first)") from error
    for title, columns, rows in tables:
        print(f"{title} ({args.year})\n")
        print(reports.format_table(columns, rows) if rows else "(no rows)")
        print()


def step_run(args: argparse.Namespace) -> None:
    step_ingest(args)
    step_build(args)
    step_export(args)  # the data checks gate the export


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="minex",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, action: Callable[[argparse.Namespace], Any], helptext: str, *options: str):
        command = commands.add_parser(name, help=helptext, description=helptext)
        command.set_defaults(action=action)
        if "data" in options:
            command.add_argument(
                "--data",
                type=Path,
                default=SAMPLE_LANDING,
                help="landing folder (default: the bundled sample, %(default)s)",
            )
        command.add_argument(
            "--db",
            type=Path,
            default=DEFAULT_DB,
            help="DuckDB warehouse file (default: %(default)s)",
        )
        if "out" in options:
            command.add_argument(
                "--out",
                type=Path,
                help=f"release folder to write (default: a new folder under {DEFAULT_RELEASES}/)",
            )
        if "out" in options or "granularity" in options:
            command.add_argument(
                "--granularity",
                choices=["annual", "month"],
                default="annual",
                help="period of the rows of the release (default: %(default)s); month splits "
                "each year by the monthly-profile seed",
            )
        if "vars" in options:
            command.add_argument(
                "--vars",
                help="methodology parameters as YAML, as for dbt --vars, "
                "e.g. '{electrification_share: 0.7}'",
            )
        if "allow_rejects" in options:
            command.add_argument(
                "--allow-rejects",
                action="store_true",
                help="go on when the loader rejected rows (they are listed in raw._rejects)",
            )
        return command

    add("run", step_run, "ingest, build, check and export", "data", "out", "vars", "allow_rejects")
    add(
        "ingest",
        step_ingest,
        "load a landing folder into the warehouse",
        "data",
        "vars",
        "allow_rejects",
    )
    add("build", step_build, "dbt build: models, data tests and unit tests", "vars")
    check = add(
        "check", step_check, "data-quality expectations on the release tables", "granularity"
    )
    check.add_argument(
        "--docs", type=Path, help="folder to write the Great Expectations Data Docs to"
    )
    add("export", step_export, "check the release tables and write the release folder", "out")
    diff = commands.add_parser(
        "diff",
        help="what changed between two release folders",
        description="Compare two release folders: sources added or removed, emissions changed "
        "beyond a threshold, activity method, EF level or confidence changed.",
    )
    diff.set_defaults(action=step_diff)
    diff.add_argument("old", type=Path, help="the earlier release folder")
    diff.add_argument("new", type=Path, help="the later release folder")
    diff.add_argument(
        "--threshold",
        type=float,
        default=0.01,
        help="relative change of emissions reported as a change (default: %(default)s)",
    )
    diff.add_argument(
        "--csv",
        type=Path,
        default=Path("release_diff.csv"),
        help="CSV to write (default: %(default)s)",
    )
    from minex import reports

    report = add("report", step_report, "print a summary of a built warehouse")
    report.add_argument(
        "name",
        choices=reports.available(),
        help="; ".join(f"{name}: {reports.description(name)}" for name in reports.available()),
    )
    tables = add("tables", step_tables, "print the paper's Tables 3-6 for a year (M9)")
    tables.add_argument(
        "--year", type=int, default=2024, help="year of the tables (default: %(default)s)"
    )
    tables.add_argument(
        "--top", type=int, default=10, help="rows of Tables 4-6 (default: %(default)s)"
    )
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        args.action(args)
    except StepFailed as error:
        say(f"error: {error}")
        return 1
    except KeyboardInterrupt:
        say("error: interrupted")
        return 130
    except BrokenPipeError:  # output piped into a reader that stopped (e.g. `| head`)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
