"""Raw tables of the InSAR raster stage, and writing one asset's results into them.

Lineage as for the landing CSVs: ``_file`` is the asset folder (``insar/<asset_id>/``)
or ``insar/footprints.geojson``, ``_sha256`` the asset's input fingerprint (or the
file's hash), ``_row`` the row's position. Registry rows in ``raw._files`` let an
unchanged asset be skipped on the next ingest.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import duckdb

from ingest import warehouse
from ingest.insar.asset import AssetResult
from ingest.insar.footprints import FootprintFile
from ingest.validation import Reject

SCHEMA = warehouse.SCHEMA
FOOTPRINTS = warehouse.RawTable(
    "insar_footprints", (("asset_id", "varchar"), ("geometry", "varchar"), ("crs", "varchar"))
)
RUNS = warehouse.RawTable(
    "insar_asset_runs",
    (
        ("asset_id", "varchar"),
        ("status", "varchar"),
        ("reason", "varchar"),
        ("grid", "varchar"),
        ("pixel_area_source", "varchar"),
        ("footprint_pixels", "bigint"),
        ("stable_pixels", "bigint"),
        ("pairs", "integer"),
        ("pairs_kept", "integer"),
        ("seconds", "double"),
        ("parameters", "varchar"),
    ),
)
PAIRS = warehouse.RawTable(
    "insar_pairs",
    (
        ("asset_id", "varchar"),
        ("file", "varchar"),
        ("reference_date", "date"),
        ("secondary_date", "date"),
        ("date_source", "varchar"),
        ("temporal_baseline_days", "integer"),
        ("bperp_m", "double"),
        ("year", "integer"),
        ("stable_mean", "double"),
        ("stable_sd", "double"),
        ("kept", "boolean"),
        ("reason", "varchar"),
    ),
)
SITE_NDAI = warehouse.RawTable(
    "insar_site_ndai",
    (
        ("asset_id", "varchar"),
        ("file", "varchar"),
        ("year", "integer"),
        ("stable_mean", "double"),
        ("footprint_mean_coherence", "double"),
        ("footprint_valid_pixels", "bigint"),
        ("site_ndai", "double"),
    ),
)
RASTER_COUNTS = warehouse.RawTable(
    "insar_raster_counts",
    (
        ("asset_id", "varchar"),
        ("year", "integer"),
        ("footprint_pixels", "bigint"),
        ("valid_pixels", "bigint"),
        ("active_pixels", "bigint"),
        ("active_area_m2", "double"),
        ("pixel_area_m2", "double"),
    ),
)
COMPOSITE_CLASSES = warehouse.RawTable(
    "insar_composite_classes",
    (
        ("asset_id", "varchar"),
        ("window_start", "integer"),
        ("window_end", "integer"),
        ("classifier", "varchar"),
        ("colour", "varchar"),
        ("pixel_count", "bigint"),
        ("area_m2", "double"),
    ),
)
COMPOSITE_PICTURES = warehouse.RawTable(
    "insar_composite_pictures",
    (
        ("asset_id", "varchar"),
        ("window_start", "integer"),
        ("window_end", "integer"),
        ("png", "blob"),
    ),
)
RESULT_TABLES = (RUNS, PAIRS, SITE_NDAI, RASTER_COUNTS, COMPOSITE_CLASSES, COMPOSITE_PICTURES)
# Tables of the stage's rows in raw._files: the footprints file and one row per asset folder.
REGISTRY_TABLES = frozenset({FOOTPRINTS.name, RUNS.name})


@dataclass(frozen=True)
class Lineage:
    file: str
    sha256: str
    loaded_at: datetime


def ensure(con: duckdb.DuckDBPyConnection) -> None:
    for table in (FOOTPRINTS, *RESULT_TABLES):
        warehouse.ensure_table(con, table.name, table.all_columns)


def registered(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, str]]:
    """Registry rows of the stage: path -> (raw table, sha256)."""
    return {
        path: entry
        for path, entry in warehouse.registry(con).items()
        if entry[0] in REGISTRY_TABLES
    }


def registered_assets(registry: dict[str, tuple[str, str]]) -> frozenset[str]:
    """Asset ids of the asset folders in a registry (``insar/<asset_id>/``)."""
    return frozenset(
        path.split("/")[1] for path, (table, _) in registry.items() if table == RUNS.name
    )


def _insert(
    con: duckdb.DuckDBPyConnection,
    table: warehouse.RawTable,
    rows: Sequence[tuple],
    lineage: Lineage,
    numbers: Sequence[int] | None = None,
) -> None:
    """Insert rows with lineage; ``_row`` is the given number, else the position (from 1)."""
    if not rows:
        return
    names = ", ".join(f'"{name}"' for name, _ in table.all_columns)
    marks = ", ".join("?" for _ in table.all_columns)
    numbers = numbers or range(1, len(rows) + 1)
    con.executemany(
        f'insert into {SCHEMA}."{table.name}" ({names}) values ({marks})',
        [
            (*row, lineage.file, number, lineage.sha256, lineage.loaded_at)
            for number, row in zip(numbers, rows, strict=True)
        ],
    )


def forget(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """Every row the stage wrote for an asset folder or the footprints file, and its rejects."""
    for table in (FOOTPRINTS, *RESULT_TABLES):
        con.execute(f'delete from {SCHEMA}."{table.name}" where _file = ?', [path])
    con.execute(f"delete from {SCHEMA}._rejects where file_path = ?", [path])
    if path.endswith("/"):  # an asset folder: the rejects of its files too
        con.execute(f"delete from {SCHEMA}._rejects where starts_with(file_path, ?)", [path])
    con.execute(f"delete from {SCHEMA}._files where file_path = ?", [path])


def write_footprints(
    con: duckdb.DuckDBPyConnection, footprints: FootprintFile, lineage: Lineage
) -> None:
    rows = [
        (f.asset_id, json.dumps(f.geometry, ensure_ascii=False), f.crs) for f in footprints.features
    ]
    _insert(con, FOOTPRINTS, rows, lineage, [f.feature_number for f in footprints.features])
    warehouse.record_rejects(con, footprints.rejects, {}, lineage.loaded_at)
    rejected = len({r.row for r in footprints.rejects})
    counts = (len(footprints.features), rejected)
    warehouse.record_file(
        con, lineage.file, FOOTPRINTS.name, lineage.sha256, counts, lineage.loaded_at
    )


def write_result(
    con: duckdb.DuckDBPyConnection,
    result: AssetResult,
    rejects: Sequence[Reject],
    rasters: int,
    parameters: dict[str, float | None],
    lineage: Lineage,
) -> None:
    """One asset's rows in every result table, its rejects and its registry row."""
    asset = result.asset_id
    kept = [qa for qa in result.pairs if qa.kept]
    run = (
        asset,
        result.status,
        result.reason,
        result.grid,
        result.pixel_area_source,
        result.footprint_pixels,
        result.stable_pixels,
        len(result.pairs),
        len(kept),
        result.seconds,
        json.dumps(parameters, sort_keys=True),
    )
    _insert(con, RUNS, [run], lineage)
    pairs = [
        (
            asset,
            qa.pair.file,
            qa.pair.reference_date,
            qa.pair.secondary_date,
            qa.pair.date_source,
            qa.pair.temporal_baseline_days,
            qa.pair.bperp_m,
            qa.pair.year,
            qa.stable_mean,
            qa.stable_sd,
            qa.kept,
            qa.reason,
        )
        for qa in result.pairs
    ]
    _insert(con, PAIRS, pairs, lineage)
    series = [
        (
            asset,
            qa.pair.file,
            qa.pair.year,
            qa.stable_mean,
            qa.footprint_mean_coherence,
            qa.footprint_valid_pixels,
            qa.site_ndai,
        )
        for qa in kept
    ]
    _insert(con, SITE_NDAI, series, lineage)
    counts = [
        (
            asset,
            c.year,
            c.footprint_pixels,
            c.valid_pixels,
            c.active_pixels,
            c.active_area_m2,
            c.pixel_area_m2,
        )
        for c in result.years
    ]
    _insert(con, RASTER_COUNTS, counts, lineage)
    classes = [
        (asset, c.window_start, c.window_start + 2, c.classifier, c.colour, c.pixels, c.area_m2)
        for c in result.classes
    ]
    _insert(con, COMPOSITE_CLASSES, classes, lineage)
    pictures = [(asset, p.window_start, p.window_start + 2, p.png) for p in result.pictures]
    _insert(con, COMPOSITE_PICTURES, pictures, lineage)
    warehouse.record_rejects(con, rejects, {}, lineage.loaded_at)
    raster_rejects = {r.file for r in rejects if r.file.lower().endswith((".tif", ".tiff"))}
    rejected = rasters if result.status == "rejected" else len(raster_rejects)
    warehouse.record_file(
        con, lineage.file, RUNS.name, lineage.sha256, (rasters, rejected), lineage.loaded_at
    )
