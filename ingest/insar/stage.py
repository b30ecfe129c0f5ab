"""The raster stage of an ingest: every asset folder of insar/ through M3, inside the
ingest's transaction.

Assets whose fingerprint is unchanged are skipped; the others are computed in parallel,
one process per asset (``process_asset`` is a pure function), and their results written
by this process as they arrive. Bad input is rejected with file and reason, and the
other assets still load.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain
from multiprocessing import get_context
from pathlib import Path

import duckdb

from ingest import warehouse
from ingest.contract import PIXEL_COUNTS
from ingest.csv_file import file_sha256
from ingest.insar import tables
from ingest.insar.asset import REJECTED, AssetInputs, AssetResult, process_asset
from ingest.insar.footprints import FootprintFile, read_footprints
from ingest.insar.landing import FOOTPRINTS_FILE, PreparedAsset, asset_folders, prepare
from ingest.insar.parameters import M3Parameters
from ingest.validation import Reject

PIXEL_COUNTS_FILE = PIXEL_COUNTS.pattern


@dataclass
class InsarReport:
    computed: list[str] = field(default_factory=list)  # asset ids, whatever their status
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    no_result: dict[str, str] = field(default_factory=dict)  # asset id -> recorded reason


def raster_assets(landing: Path) -> frozenset[str]:
    """Asset ids with a folder under insar/ (pixel_counts.csv is reloaded when they change)."""
    return frozenset(asset_folders(landing))


REGISTRY_TABLES = tables.REGISTRY_TABLES


def registered_assets(con: duckdb.DuckDBPyConnection) -> frozenset[str]:
    return tables.registered_assets(tables.registered(con))


def _footprints(
    con: duckdb.DuckDBPyConnection,
    landing: Path,
    assets: frozenset[str],
    reload: bool,
    known: dict[str, tuple[str, str]],
    loaded_at: datetime,
) -> FootprintFile:
    path = landing / FOOTPRINTS_FILE
    if not path.is_file():
        if FOOTPRINTS_FILE in known:
            tables.forget(con, FOOTPRINTS_FILE)
        return FootprintFile((), ())
    sha256 = file_sha256(path)
    footprints = read_footprints(path, FOOTPRINTS_FILE, assets)
    if reload or known.get(FOOTPRINTS_FILE, ("", ""))[1] != sha256:
        tables.forget(con, FOOTPRINTS_FILE)
        tables.write_footprints(con, footprints, tables.Lineage(FOOTPRINTS_FILE, sha256, loaded_at))
    return footprints


def _counted_rows(con: duckdb.DuckDBPyConnection) -> dict[str, list[int]]:
    """Rows of insar/pixel_counts.csv by asset id."""
    rows = con.execute(
        f"select trim(asset_id), _row from {warehouse.SCHEMA}.insar_pixel_counts "
        "where _file = ? order by _row",
        [PIXEL_COUNTS_FILE],
    ).fetchall()
    counted: dict[str, list[int]] = {}
    for asset_id, row in rows:
        counted.setdefault(asset_id, []).append(row)
    return counted


def _reject_counted_rows(
    con: duckdb.DuckDBPyConnection, conflicts: dict[str, list[int]], loaded_at: datetime
) -> None:
    """M3: rows of pixel_counts.csv of an asset that also has rasters are rejected too."""
    for asset_id, rows in conflicts.items():
        reason = (
            f"asset '{asset_id}' also has coherence rasters in insar/{asset_id}/: "
            "its InSAR counts must come from one of them"
        )
        for row in rows:
            updated = con.execute(
                f"update {warehouse.SCHEMA}._rejects set reason = reason || '; ' || ? "
                "where file_path = ? and row_number = ? returning 1",
                [reason, PIXEL_COUNTS_FILE, row],
            ).fetchall()
            if not updated:
                record = con.execute(
                    f"select asset_id, year, active_pixels, valid_pixels, pixel_area_m2 "
                    f"from {warehouse.SCHEMA}.insar_pixel_counts where _file = ? and _row = ?",
                    [PIXEL_COUNTS_FILE, row],
                ).fetchone()
                names = ("asset_id", "year", "active_pixels", "valid_pixels", "pixel_area_m2")
                con.execute(
                    f"insert into {warehouse.SCHEMA}._rejects values (?, ?, ?, ?, ?)",
                    [
                        PIXEL_COUNTS_FILE,
                        row,
                        reason,
                        json.dumps(dict(zip(names, record, strict=True))),
                        loaded_at,
                    ],
                )
    con.execute(
        f"""
        update {warehouse.SCHEMA}._files set rejected_rows = (
            select count(distinct row_number) from {warehouse.SCHEMA}._rejects
            where file_path = ?
        ) where file_path = ?
        """,
        [PIXEL_COUNTS_FILE, PIXEL_COUNTS_FILE],
    )


def _computed(inputs: Sequence[AssetInputs], workers: int | None) -> Iterator[AssetResult]:
    """process_asset of each input: in this process for one asset, else one process each."""
    workers = min(workers or os.cpu_count() or 1, len(inputs))
    if workers <= 1:
        yield from map(process_asset, inputs)
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        futures = [pool.submit(process_asset, asset) for asset in inputs]
        for future in as_completed(futures):
            yield future.result()


def _describe(result: AssetResult) -> str:
    if result.status == REJECTED:
        return f"rejected: {result.reason}"
    kept = sum(qa.kept for qa in result.pairs)
    figures = f"{len(result.pairs)} pairs, {kept} kept, {len(result.years)} years"
    if result.reason:
        figures += f"; no result: {result.reason}"
    return f"{figures} ({result.seconds:.1f}s)"


def run(
    con: duckdb.DuckDBPyConnection,
    landing: Path,
    assets: frozenset[str],
    assets_changed: bool,
    pixel_counts_reloaded: bool,
    parameters: M3Parameters,
    loaded_at: datetime,
    progress: Callable[[str], None],
    workers: int | None = None,
) -> InsarReport:
    """Load insar/footprints.geojson and compute every new or changed asset folder."""
    tables.ensure(con)
    report = InsarReport()
    known = tables.registered(con)
    footprints = _footprints(con, landing, assets, assets_changed, known, loaded_at).accepted()
    folders = asset_folders(landing)
    for path, (table, _) in known.items():
        if table == tables.RUNS.name and path.split("/")[1] not in folders:
            tables.forget(con, path)
            report.removed.append(path.split("/")[1])
    counted = _counted_rows(con)
    conflicts = {asset: rows for asset, rows in counted.items() if asset in folders}
    if pixel_counts_reloaded:
        _reject_counted_rows(con, conflicts, loaded_at)
    todo: dict[str, PreparedAsset] = {}
    for asset_id, folder in folders.items():
        prepared = prepare(
            folder,
            footprints.get(asset_id),
            asset_id in assets,
            conflicts.get(asset_id, []),
            parameters,
        )
        if known.get(folder.relative, ("", ""))[1] == prepared.fingerprint:
            report.unchanged.append(asset_id)
            progress(f"insar {folder.relative}: unchanged")
            continue
        tables.forget(con, folder.relative)
        todo[asset_id] = prepared
    rejected = {a: p for a, p in todo.items() if p.inputs is None}
    to_compute = [p.inputs for p in todo.values() if p.inputs is not None]
    results = (AssetResult(a, REJECTED, p.rejection) for a, p in rejected.items())
    if to_compute:
        processes = min(workers or os.cpu_count() or 1, len(to_compute))
        progress(f"insar: computing {len(to_compute)} assets on {processes} processes")
    vars_ = parameters.as_vars()
    for position, result in enumerate(chain(results, _computed(to_compute, workers)), start=1):
        prepared = todo[result.asset_id]
        rejects = [*prepared.rejects, *result.rejects]
        if result.status == REJECTED and not result.rejects:
            rejects.append(Reject(prepared.folder.relative, None, result.reason or "rejected"))
        lineage = tables.Lineage(prepared.folder.relative, prepared.fingerprint, loaded_at)
        tables.write_result(con, result, rejects, len(prepared.folder.rasters), vars_, lineage)
        report.computed.append(result.asset_id)
        if result.status != REJECTED and result.reason:
            report.no_result[result.asset_id] = result.reason
        progress(f"insar [{position}/{len(todo)}] {prepared.folder.relative}: {_describe(result)}")
    return report
