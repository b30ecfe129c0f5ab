"""M3 on synthetic stacks with a known active area per year: projected and geographic
grids, dropped pairs with their reasons, an asset without stable pixels, bad input, and
skipping unchanged assets."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import duckdb
import numpy as np
import pytest
from affine import Affine
from rasterio.crs import CRS

from ingest.loader import ingest
from tests.conftest import ASSETS_HEADER, SEEDS, csv_text, raw_snapshot, write_landing
from tests.insar_stacks import (
    SNOW,
    Scene,
    coherence_of_year,
    footprints_geojson,
    pair_name,
    write_coherence,
    write_stack,
)

WGS84 = CRS.from_epsg(4326)
CORNERS = ((10, 10), (40, 10), (40, 30), (10, 30))  # footprint: rows 10..29, cols 10..39
PROJECTED = Scene(
    CRS.from_epsg(32734), Affine(10, 0, 500_000, 0, -10, 6_930_000), (50, 60), CORNERS
)
GEOGRAPHIC = Scene(WGS84, Affine(0.0002, 0, 23.0, 0, -0.0002, -27.7), (50, 60), CORNERS)
ASSETS = csv_text(
    ASSETS_HEADER,
    "PROJ,Projected Mine,ZAF,iron,,,,,,,,",
    "GEO,Geographic Mine,ZAF,iron,,,,,,,,",
    "FLAT,Flat Mine,ZAF,iron,,,,,,,,",
    "NOFP,No Footprint Mine,ZAF,iron,,,,,,,,",
    "BOTH,Counted Mine,ZAF,iron,,,,,,,,",
)


def footprint(scene: Scene) -> np.ndarray:
    mask = np.zeros(scene.shape, dtype=bool)
    mask[10:30, 10:40] = True
    return mask


def activity(scene: Scene) -> dict[int, np.ndarray]:
    """Active footprint pixels per year: 300, 150 and 50."""
    active = {year: np.zeros(scene.shape, dtype=bool) for year in (2021, 2022, 2023)}
    active[2021][10:20, 10:40] = True
    active[2022][10:15, 10:40] = True
    active[2023][25:30, 10:20] = True
    return active


def known_stack(folder: Path, scene: Scene) -> None:
    """Three 12-day pairs a year with known activity; in 2021 also a snow pair, a 36-day
    pair and a pair named without dates whose pairs.csv row gives a 300 m baseline;
    2022 has invalid values (NaN, 1.5) in one pair; 2023 a nodata block in every pair."""
    mask = footprint(scene)
    pairs = []
    for year, active in activity(scene).items():
        invalid = np.zeros(scene.shape, dtype=bool)
        if year == 2023:
            invalid[12:14, 30:40] = True  # 20 footprint pixels never valid in 2023
        for month in (2, 6, 10):
            first = date(year, month, 5)
            values = coherence_of_year(mask, active, invalid)
            if year == 2022 and month == 6:
                values[10, 10:20] = np.nan  # invalid here, valid in the other two pairs
                values[11, 10:20] = 1.5
            pairs.append((first, first + timedelta(days=12), values))
    snow = np.full(scene.shape, SNOW, dtype=np.float32)
    pairs.append((date(2021, 12, 20), date(2022, 1, 1), snow))
    long_pair = coherence_of_year(mask, np.zeros_like(mask))
    pairs.append((date(2021, 7, 1), date(2021, 8, 6), long_pair))
    write_stack(folder, scene, pairs)
    write_coherence(folder / "ifg_lateral.tif", long_pair, scene)
    (folder / "pairs.csv").write_text(
        "file,reference_date,secondary_date,bperp_m\nifg_lateral.tif,2021-04-01,2021-04-13,-300\n",
        encoding="utf-8",
    )


def flat_stack(folder: Path, scene: Scene) -> None:
    """Coherence 0.5 everywhere: no stable pixel."""
    values = np.full(scene.shape, 0.5, dtype=np.float32)
    for month in (3, 5):
        write_coherence(
            folder / pair_name(date(2021, month, 1), date(2021, month, 13)), values, scene
        )


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> tuple[Path, Path]:
    work = tmp_path_factory.mktemp("synthetic")
    landing = write_landing(
        work / "landing",
        {
            "mdo/assets.csv": ASSETS,
            "insar/footprints.geojson": footprints_geojson(
                {
                    "PROJ": PROJECTED.polygon(WGS84),
                    "GEO": GEOGRAPHIC.polygon(),
                    "FLAT": PROJECTED.polygon(WGS84),
                    "BOTH": PROJECTED.polygon(WGS84),
                    "UNKNOWN": PROJECTED.polygon(WGS84),
                },
            ),
            "insar/pixel_counts.csv": csv_text(
                "asset_id,year,active_pixels,valid_pixels,pixel_area_m2", "BOTH,2021,10,20,100"
            ),
        },
    )
    known_stack(landing / "insar" / "PROJ", PROJECTED)
    known_stack(landing / "insar" / "GEO", GEOGRAPHIC)
    flat_stack(landing / "insar" / "FLAT", PROJECTED)
    flat_stack(landing / "insar" / "NOFP", PROJECTED)
    flat_stack(landing / "insar" / "BOTH", PROJECTED)
    flat_stack(landing / "insar" / "ZZ", PROJECTED)
    (landing / "insar" / "PROJ" / "coh_20210301_20210313.tif").write_bytes(b"not a tiff")
    write_coherence(landing / "insar" / "PROJ" / "undated.tif", np.zeros((5, 5)), PROJECTED)
    db = work / "minex.duckdb"
    progress: list[str] = []
    report = ingest(landing, db, SEEDS, progress=progress.append)
    assert sorted(report.insar.computed) == ["BOTH", "FLAT", "GEO", "NOFP", "PROJ", "ZZ"]
    assert any(line.startswith("insar [6/6]") for line in progress)
    return landing, db


def rows(db: Path, sql: str, *parameters) -> list[tuple]:
    with duckdb.connect(str(db)) as con:
        return con.execute(sql, list(parameters)).fetchall()


def geodesic_cell_area(south: float, height_deg: float, width_deg: float) -> float:
    """Area of a lon/lat cell on WGS84: Gauss-Legendre integration of the surface element
    M(phi) N(phi) cos(phi) dphi dlambda (independent of the authalic closed form)."""
    a, f = 6_378_137.0, 1 / 298.257223563
    e2 = f * (2 - f)
    nodes, weights = np.polynomial.legendre.leggauss(8)
    half = np.radians(height_deg) / 2
    phi = np.radians(south) + half * (nodes + 1)
    w = 1 - e2 * np.sin(phi) ** 2
    element = a * (1 - e2) / w**1.5 * a / w**0.5 * np.cos(phi)
    return float(half * (weights * element).sum() * np.radians(width_deg))


@pytest.mark.parametrize("asset", ["PROJ", "GEO"])
def test_known_active_pixels_and_areas(synthetic, asset):
    _, db = synthetic
    counts = rows(
        db,
        "select year, footprint_pixels, valid_pixels, active_pixels, active_area_m2 "
        "from raw.insar_raster_counts where asset_id = ? order by year",
        asset,
    )
    assert [c[:4] for c in counts] == [
        (2021, 600, 600, 300),
        (2022, 600, 600, 150),
        (2023, 600, 580, 50),
    ]
    scene = PROJECTED if asset == "PROJ" else GEOGRAPHIC
    for (year, *_, area), active in zip(counts, activity(scene).values(), strict=True):
        if asset == "PROJ":
            assert area == active.sum() * 100.0  # |a e| = 10 m x 10 m
        else:
            expected = sum(
                geodesic_cell_area(-27.7 - 0.0002 * (r + 1), 0.0002, 0.0002)
                for r in np.nonzero(active)[0]
            )
            assert area == pytest.approx(expected, rel=1e-9), year
    assert rows(
        db, "select status, reason from raw.insar_asset_runs where asset_id = ?", asset
    ) == [("computed", None)]


def test_dropped_pairs_carry_their_reason(synthetic):
    _, db = synthetic
    pairs = {
        file: (kept, reason, mean)
        for file, kept, reason, mean in rows(
            db,
            "select file, kept, reason, stable_mean from raw.insar_pairs where asset_id = 'PROJ'",
        )
    }
    assert len(pairs) == 12 and sum(kept for kept, _, _ in pairs.values()) == 9
    assert pairs["coh_20211220_20220101.tif"][:2] == (
        False,
        "M3.4 stable-pixel mean coherence 0.5000 < stable_image_mean_min 0.8",
    )
    assert pairs["coh_20210701_20210806.tif"][:2] == (
        False,
        "M3.1 temporal baseline 36 days > insar_max_days 24",
    )
    assert pairs["ifg_lateral.tif"][:2] == (
        False,
        "M3.1 perpendicular baseline 300 m > insar_max_bperp_m 250",
    )
    assert pairs["coh_20210205_20210217.tif"][0] and pairs["coh_20210205_20210217.tif"][2] > 0.9
    # the snow pair (Dec 2021 - Jan 2022) belongs to 2021, the year of its earlier date
    snow = "coh_20211220_20220101.tif"
    assert rows(
        db, "select year from raw.insar_pairs where file = ? and asset_id = 'PROJ'", snow
    ) == [(2021,)]


def test_asset_without_stable_pixels_is_reported_not_fatal(synthetic):
    _, db = synthetic
    ((status, reason),) = rows(
        db, "select status, reason from raw.insar_asset_runs where asset_id = 'FLAT'"
    )
    assert status == "no_result" and reason.startswith("M3.3 no stable pixels")
    assert rows(db, "select count(*) from raw.insar_raster_counts where asset_id = 'FLAT'") == [
        (0,)
    ]
    assert rows(
        db, "select distinct kept, reason from raw.insar_pairs where asset_id = 'FLAT'"
    ) == [(False, reason)]
    assert rows(db, "select count(*) from raw._rejects where file_path like 'insar/FLAT/%'") == [
        (0,)
    ]


def test_bad_insar_input_is_rejected_with_file_and_reason(synthetic):
    _, db = synthetic
    rejects = rows(
        db,
        "select file_path, row_number, reason from raw._rejects "
        "where file_path like 'insar/%' order by file_path, row_number",
    )
    messages = {(path, row): reason for path, row, reason in rejects}
    assert messages[("insar/BOTH/", None)].startswith(
        "asset 'BOTH' has coherence rasters and also counts in insar/pixel_counts.csv (rows 2)"
    )
    assert messages[("insar/pixel_counts.csv", 2)] == (
        "asset 'BOTH' also has coherence rasters in insar/BOTH/: "
        "its InSAR counts must come from one of them"
    )
    assert messages[("insar/NOFP/", None)] == (
        "asset 'NOFP' has no footprint in insar/footprints.geojson"
    )
    assert messages[("insar/ZZ/", None)] == (
        "unknown asset_id 'ZZ' (not in mdo/assets.csv): folder insar/ZZ/"
    )
    assert messages[("insar/footprints.geojson", 5)] == (
        "unknown asset_id 'UNKNOWN' (not in mdo/assets.csv)"
    )
    assert messages[("insar/PROJ/coh_20210301_20210313.tif", None)].startswith(
        "not a readable GeoTIFF"
    )
    assert messages[("insar/PROJ/undated.tif", None)] == (
        "the name holds 0 YYYYMMDD dates, not 2, and pairs.csv has no row for it"
    )
    assert len(rejects) == 7
    # the bad rasters of PROJ are left out; PROJ itself loads (previous tests)
    assert rows(db, "select count(*) from raw.insar_pairs where asset_id = 'PROJ'") == [(12,)]


def test_unchanged_assets_are_skipped_and_parameters_recompute(synthetic, tmp_path):
    landing, db = synthetic
    before = raw_snapshot(db)
    again = ingest(landing, db, SEEDS)
    assert again.insar.computed == [] and len(again.insar.unchanged) == 6
    assert raw_snapshot(db) == before
    # an M3 parameter from --vars changes every fingerprint
    strict = ingest(landing, db, SEEDS, dbt_vars={"active_ndai_min": 0.6}, workers=1)
    assert sorted(strict.insar.computed) == ["BOTH", "FLAT", "GEO", "NOFP", "PROJ", "ZZ"]
    assert rows(
        db, "select sum(active_pixels) from raw.insar_raster_counts where asset_id = 'PROJ'"
    ) == [(0,)]
    # a removed folder takes its rows with it; resolving the conflict loads BOTH's counts
    for path in sorted((landing / "insar" / "BOTH").iterdir()):
        path.unlink()
    (landing / "insar" / "BOTH").rmdir()
    resolved = ingest(landing, db, SEEDS, dbt_vars={"active_ndai_min": 0.6})
    assert resolved.insar.removed == ["BOTH"]
    assert rows(db, "select count(*) from raw._rejects where file_path like '%BOTH%'") == [(0,)]
    assert rows(
        db, "select count(*) from raw._rejects where file_path = 'insar/pixel_counts.csv'"
    ) == [(0,)]
