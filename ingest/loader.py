"""Ingest a landing folder into the raw schema, in one transaction.

A file whose sha256 is already in the registry is left as it is; a new or changed file
replaces that file's rows; a file gone from the folder takes its rows with it. Files
that name assets are re-checked whenever ``mdo/assets.csv`` changes. Any error before
the commit leaves the warehouse exactly as it was.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from ingest import warehouse
from ingest.contract import (
    ASSETS,
    CONTRACT_TABLES,
    PIXEL_COUNTS,
    REFERS_TO_ASSETS,
    USGS_PRODUCTION,
    LandingTable,
)
from ingest.csv_file import CsvFile, UnreadableFile, file_sha256, read_csv
from ingest.insar import stage as insar_stage
from ingest.insar.parameters import M3Parameters, ParameterError
from ingest.usgs_mcs import detect_layout, read_mcs
from ingest.validation import (
    Reject,
    ValueChecks,
    duplicate_reasons,
    missing_columns,
    row_reasons,
)
from ingest.vocabularies import Vocabularies

Progress = Callable[[str], None]


class LandingError(Exception):
    """The landing folder as a whole cannot be ingested."""


@dataclass(frozen=True)
class FileLoad:
    file: str
    table: str
    rows: int
    rejected: int


@dataclass
class IngestReport:
    loaded: list[FileLoad] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)  # every reject now in the warehouse
    insar: insar_stage.InsarReport = field(default_factory=insar_stage.InsarReport)


def _contract_table(relative: str) -> LandingTable | None:
    for table in CONTRACT_TABLES:
        if Path(relative).match(table.pattern) and relative.count("/") == table.pattern.count("/"):
            return table
    return None


def discover(landing: Path) -> tuple[dict[str, Path], list[str]]:
    """Landing files of the contract (relative path -> path) and CSV files it ignores."""
    if not landing.is_dir():
        raise LandingError(f"landing folder {landing} does not exist")
    found: dict[str, Path] = {}
    ignored: list[str] = []
    for path in sorted(landing.rglob("*.csv")):
        relative = path.relative_to(landing).as_posix()
        if _contract_table(relative):
            found[relative] = path
        elif not relative.startswith("insar/"):
            ignored.append(relative)
    if ASSETS.pattern not in found:
        raise LandingError(f"{landing} has no {ASSETS.pattern}: the asset list is required")
    return found, ignored


def _load_order(relative: str) -> tuple[int, str]:
    table = _contract_table(relative)
    return (CONTRACT_TABLES.index(table) if table else len(CONTRACT_TABLES), relative)


def _contract_rows(
    table: LandingTable, csv_file: CsvFile, checks: ValueChecks
) -> tuple[list[tuple], list[Reject], dict[int, dict[str, str]]]:
    records = csv_file.records()
    rows = []
    for number, record in records:
        lowered = {name.lower(): value for name, value in record.items()}
        extra = {name: value for name, value in record.items() if name.lower() not in table.columns}
        rows.append(
            (
                number,
                *(lowered.get(column) for column in table.columns),
                json.dumps(extra, ensure_ascii=False) if extra else None,
            )
        )
    missing = missing_columns(table, csv_file.header)
    if missing:
        names = ", ".join(f"'{column}'" for column in missing)
        reason = f"missing required column{'s' if len(missing) > 1 else ''} {names}"
        return rows, [Reject(csv_file.relative_path, None, reason)], {}
    lowered_records = [
        (number, {name.lower(): value for name, value in record.items()})
        for number, record in records
    ]
    duplicates = duplicate_reasons(table, lowered_records, checks)
    rejects = []
    for number, record in lowered_records:
        reasons = row_reasons(table, record, checks)
        if number in duplicates:
            reasons.append(duplicates[number])
        if reasons:
            rejects.append(Reject(csv_file.relative_path, number, "; ".join(reasons)))
    return rows, rejects, dict(records)


class _Ingestion:
    """One ingest run: a connection inside an open transaction."""

    def __init__(self, con: duckdb.DuckDBPyConnection, vocabularies: Vocabularies) -> None:
        self.con = con
        self.vocabularies = vocabularies
        self.loaded_at = datetime.now(UTC).replace(tzinfo=None)
        self.assets: frozenset[str] = frozenset()

    def load(self, relative: str, path: Path, sha256: str) -> FileLoad:
        contract = _contract_table(relative)
        assert contract is not None
        try:
            csv_file = read_csv(path, relative)
        except UnreadableFile as error:
            reject = Reject(relative, None, str(error))
            warehouse.record_rejects(self.con, [reject], {}, self.loaded_at)
            warehouse.record_file(
                self.con, relative, contract.table, sha256, (0, 0), self.loaded_at
            )
            return FileLoad(relative, contract.table, 0, 0)
        checks = ValueChecks(self.vocabularies, self.assets)
        layout = detect_layout(csv_file.header) if contract is USGS_PRODUCTION else None
        if layout:
            mcs = read_mcs(csv_file, layout, self.vocabularies)
            table_name, rows, records = layout.table, mcs.cells, mcs.records
            rejects, row_count = mcs.rejects, mcs.rows
        else:
            table_name = contract.table
            rows, rejects, records = _contract_rows(contract, csv_file, checks)
            row_count = len(rows)
        lineage = (relative, sha256, self.loaded_at)
        warehouse.insert_rows(self.con, warehouse.RAW_TABLES[table_name], rows, lineage)
        warehouse.record_rejects(self.con, rejects, records, self.loaded_at)
        rejected = row_count if any(r.row is None for r in rejects) else len(rejects)
        warehouse.record_file(
            self.con, relative, table_name, sha256, (row_count, rejected), self.loaded_at
        )
        return FileLoad(relative, table_name, row_count, rejected)


def ingest(
    landing: Path,
    db_path: Path,
    seed_dir: Path,
    progress: Progress = lambda message: None,
    dbt_vars: Mapping[str, Any] | None = None,
    workers: int | None = None,
) -> IngestReport:
    """Load ``landing`` into the warehouse at ``db_path``; see the module docstring.

    The InSAR raster stage (M3) runs last, with the M3 parameters of the dbt project's
    vars overridden by ``dbt_vars``, on up to ``workers`` processes (default: all cores).
    """
    files, ignored = discover(landing)
    try:
        parameters = M3Parameters.from_project(dbt_vars)
    except ParameterError as error:
        raise LandingError(str(error)) from error
    hashes = {relative: file_sha256(path) for relative, path in files.items()}
    vocabularies = Vocabularies.from_seeds(seed_dir)
    report = IngestReport(ignored=ignored)
    con = warehouse.connect(db_path)
    try:
        con.begin()
        warehouse.ensure_schema(con)
        insar_known = insar_stage.registered_assets(con)
        known = {  # the landing CSVs; the raster stage keeps its own entries
            path: entry
            for path, entry in warehouse.registry(con).items()
            if entry[0] not in insar_stage.REGISTRY_TABLES
        }
        report.removed = sorted(set(known) - set(files))
        changed = {
            relative for relative in files if known.get(relative, ("", ""))[1] != hashes[relative]
        }
        if ASSETS.pattern in changed:
            changed |= {r for r in files if _contract_table(r).table in REFERS_TO_ASSETS}
        if PIXEL_COUNTS.pattern in files and insar_stage.raster_assets(landing) != insar_known:
            changed.add(PIXEL_COUNTS.pattern)  # M3: its rows are checked against raster assets
        for relative in report.removed:
            warehouse.forget_file(con, relative, known[relative][0])
        run = _Ingestion(con, vocabularies)
        ordered = sorted(files, key=_load_order)
        for position, relative in enumerate(ordered, start=1):
            if relative in changed:
                if relative in known:
                    warehouse.forget_file(con, relative, known[relative][0])
                load = run.load(relative, files[relative], hashes[relative])
                report.loaded.append(load)
                progress(
                    f"[{position}/{len(ordered)}] {relative}: {load.rows:,} rows, "
                    f"{load.rejected:,} rejected"
                )
            else:
                report.unchanged.append(relative)
                progress(f"[{position}/{len(ordered)}] {relative}: unchanged")
            if relative == ASSETS.pattern:
                run.assets = warehouse.accepted_assets(con)
        report.insar = insar_stage.run(
            con,
            landing,
            run.assets,
            ASSETS.pattern in changed,
            PIXEL_COUNTS.pattern in changed,
            parameters,
            run.loaded_at,
            progress,
            workers,
        )
        report.rejects = warehouse.stored_rejects(con)
        con.commit()
    except BaseException:
        con.rollback()
        raise
    finally:
        con.close()
    return report
