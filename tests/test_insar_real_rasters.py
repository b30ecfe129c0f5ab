"""M3 on real Sentinel-1 coherence GeoTIFFs (reference/sentinel1-coherence, PyRate test
data): dates from the names, nodata, the geographic grid, and counts that agree with a
direct numpy computation on the same arrays."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import duckdb
import numpy as np
import pytest
import rasterio

from ingest.insar.pairs import dates_from_name
from ingest.insar.pixel_area import geodesic_row_areas
from ingest.loader import ingest
from tests.conftest import ASSETS_HEADER, REFERENCE, SEEDS, csv_text, write_landing
from tests.insar_stacks import footprints_geojson

GEOTIFFS = REFERENCE / "sentinel1-coherence" / "geotiffs"
ROWS, COLS = slice(20, 40), slice(30, 70)  # the footprint: 20 x 40 pixels


def rasters() -> list[Path]:
    return sorted(GEOTIFFS.glob("*.tif"))


def test_pair_dates_and_grid_of_the_real_rasters():
    assert len(rasters()) == 30
    first, second = dates_from_name("cropA_20180106-20180130_VV_8rlks_flat_eqa_cc.tif")
    assert (first, second, (second - first).days) == (date(2018, 1, 6), date(2018, 1, 30), 24)
    pairs = [dates_from_name(path.name) for path in rasters()]
    assert min(a for a, _ in pairs) == date(2018, 1, 6)
    assert max(b for _, b in pairs) == date(2018, 7, 17)
    baselines = sorted((b - a).days for a, b in pairs)
    assert (baselines[0], baselines[-1]) == (12, 132)
    with rasterio.open(rasters()[0]) as source:
        assert (source.width, source.height, source.nodata) == (100, 60, 0.0)
        assert source.crs.to_epsg() == 4326
        transform = source.transform
    areas = geodesic_row_areas(transform, 60, np.pi / 180)
    # 0.00138889 degrees at 19.4 N: about 146 m (east) x 154 m (north)
    assert 22_400 < areas.min() < areas.max() < 22_600


def direct_counts(parameters: dict[str, float]) -> dict[str, object]:
    """M3 written out with numpy on the whole stack in memory (the reference)."""
    kept = []
    for path in rasters():
        first, second = dates_from_name(path.name)
        if (second - first).days <= 24:
            kept.append(path)
    images = []
    for path in kept:
        with rasterio.open(path) as source:
            images.append(source.read(1))
    stack = np.stack(images).astype(np.float64)
    valid = (stack != 0) & (stack >= 0) & (stack <= 1) & np.isfinite(stack)
    stable = (
        valid.all(axis=0)
        & (stack.mean(axis=0) >= parameters["stable_pixel_mean_min"])
        & (stack.std(axis=0, ddof=1) <= parameters["stable_pixel_sd_max"])
    )
    rho = np.array([image[stable].mean() for image in stack])
    sd = np.array([image[stable].std(ddof=1) for image in stack])
    used = (rho >= parameters["stable_image_mean_min"]) & (sd <= parameters["stable_image_sd_max"])
    footprint = stack[used][:, ROWS, COLS]
    footprint_valid = valid[used][:, ROWS, COLS]
    ndai = (rho[used, None, None] - footprint) / (rho[used, None, None] + footprint)
    total = np.where(footprint_valid, ndai, 0).sum(axis=0)
    count = footprint_valid.sum(axis=0)
    with np.errstate(invalid="ignore"):
        annual = total / count
    active = annual >= parameters["active_ndai_min"]
    with rasterio.open(kept[0]) as source:
        row_area = geodesic_row_areas(source.transform, 60, np.pi / 180)[ROWS]
    site = [
        (r - f[v].mean()) / (r + f[v].mean())
        for r, f, v in zip(rho[used], footprint, footprint_valid, strict=True)
    ]
    return {
        "kept_files": sorted(p.name for p, u in zip(kept, used, strict=True) if u),
        "stable_pixels": int(stable.sum()),
        "rho": dict(zip((p.name for p in kept), rho, strict=True)),
        "valid_pixels": int((count > 0).sum()),
        "active_pixels": int(active.sum()),
        "active_area_m2": float((active * row_area[:, None]).sum()),
        "site_ndai": float(np.mean(site)),
    }


@pytest.fixture(scope="module")
def real_warehouse(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("real")
    with rasterio.open(rasters()[0]) as source:
        transform = source.transform
    corners = [(30, 20), (70, 20), (70, 40), (30, 40), (30, 20)]
    ring = [list(transform @ corner) for corner in corners]
    landing = write_landing(
        work / "landing",
        {
            "mdo/assets.csv": csv_text(ASSETS_HEADER, "MX1,Crop A,MEX,copper,,,,,,,,"),
            "insar/footprints.geojson": footprints_geojson({"MX1": ring}),
        },
    )
    (landing / "insar" / "MX1").mkdir()
    for path in rasters():
        shutil.copy(path, landing / "insar" / "MX1" / path.name)
    db = work / "minex.duckdb"
    assert ingest(landing, db, SEEDS).rejects == []
    return db


def test_real_rasters_agree_with_a_direct_numpy_computation(real_warehouse):
    parameters = {
        "stable_pixel_mean_min": 0.8,
        "stable_pixel_sd_max": 0.2,
        "stable_image_mean_min": 0.8,
        "stable_image_sd_max": 0.2,
        "active_ndai_min": 0.2,
    }
    expected = direct_counts(parameters)
    with duckdb.connect(str(real_warehouse)) as con:
        run = con.execute(
            "select status, stable_pixels, footprint_pixels, pixel_area_source "
            "from raw.insar_asset_runs"
        ).fetchone()
        counts = con.execute(
            "select year, valid_pixels, active_pixels, active_area_m2 from raw.insar_raster_counts"
        ).fetchall()
        pairs = con.execute(
            "select file, kept, reason, stable_mean from raw.insar_pairs order by file"
        ).fetchall()
        site = con.execute("select avg(site_ndai) from raw.insar_site_ndai").fetchone()[0]
    assert run == ("computed", expected["stable_pixels"], 800, "geodesic (WGS84)")
    assert expected["stable_pixels"] > 0 and expected["active_pixels"] > 0
    ((year, valid, active, area),) = counts
    assert (year, valid, active) == (2018, expected["valid_pixels"], expected["active_pixels"])
    assert area == pytest.approx(expected["active_area_m2"], rel=1e-12)
    assert site == pytest.approx(expected["site_ndai"], rel=1e-9)
    assert sorted(file for file, kept, _, _ in pairs if kept) == expected["kept_files"]
    reasons = {reason.split(" ")[0] for _, kept, reason, _ in pairs if not kept}
    assert reasons == {"M3.1", "M3.4"}  # 22 pairs too long; 2 with unstable ground
    for file, _, _, mean in pairs:
        if file in expected["rho"]:
            assert mean == pytest.approx(expected["rho"][file], rel=1e-12)
