"""A synthetic InSAR stack for the bundled sample (M3, M4): Kolomela iron mine, 2019-2023.

No public coherence rasters over a mine exist, so the sample's are made here, labelled
synthetic in sample/PROVENANCE.md. A 80 x 80 grid of 0.0005 degree pixels (EPSG:4326)
around the mine; a 40 x 40 pixel footprint; in each year a known number of footprint
pixels is active (low coherence), the rest of the grid stable (high coherence), with
seeded noise. Four 12-day pairs a year, plus three pairs the methodology drops: a
36-day pair (M3.1 temporal baseline), a 300 m perpendicular baseline (M3.1) and a
snow-covered pair (M3.4). One pair has a strip of nodata. Kolomela reports ore until
2020, so 2019-2020 give its productivity and 2021-2023 its InSAR activity (M2 rank 4).
"""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import rasterio
from affine import Affine
from rasterio.crs import CRS

ASSET_ID = "COM00661.00"  # Kolomela, Northern Cape, South Africa
CENTRE = (22.963870, -28.380826)  # lon, lat of the sample's asset row
SIZE, PIXEL = 80, 0.0005  # pixels a side, degrees
FOOTPRINT = slice(20, 60)  # rows and columns of the 40 x 40 footprint
ACTIVE_PIXELS = {2019: 600, 2020: 560, 2021: 620, 2022: 640, 2023: 580}
STABLE, INACTIVE, ACTIVE, SNOW = 0.93, 0.88, 0.3, 0.45
NODATA = -9999.0
SEED = 20250101


def _grid() -> tuple[Affine, np.ndarray]:
    west = CENTRE[0] - SIZE * PIXEL / 2
    north = CENTRE[1] + SIZE * PIXEL / 2
    transform = Affine(PIXEL, 0, round(west, 6), 0, -PIXEL, round(north, 6))
    footprint = np.zeros((SIZE, SIZE), dtype=bool)
    footprint[FOOTPRINT, FOOTPRINT] = True
    return transform, footprint


def _pairs() -> list[tuple[date, date, float, str]]:
    """(reference, secondary, bperp_m, kind): kind normal, snow or nodata_strip."""
    pairs = []
    for year in ACTIVE_PIXELS:
        for month in (2, 5, 8, 11):
            first = date(year, month, 3)
            kind = "nodata_strip" if (year, month) == (2020, 5) else "normal"
            pairs.append((first, first + timedelta(days=12), 40.0 + month, kind))
    pairs.append((date(2021, 6, 10), date(2021, 7, 16), 30.0, "normal"))  # 36 days
    pairs.append((date(2022, 3, 1), date(2022, 3, 13), 300.0, "normal"))  # 300 m
    pairs.append((date(2021, 7, 1), date(2021, 7, 13), 20.0, "snow"))
    return sorted(pairs)


def _coherence(
    year: int, kind: str, footprint: np.ndarray, order: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    if kind == "snow":
        values = np.full(footprint.shape, SNOW)
    else:
        active = np.zeros(footprint.size, dtype=bool)
        active[order[: ACTIVE_PIXELS[year]]] = True
        values = np.full(footprint.shape, STABLE)
        values[footprint] = INACTIVE
        values[active.reshape(footprint.shape)] = ACTIVE
    values = np.round(np.clip(values + rng.normal(0, 0.015, footprint.shape), 0, 1), 2)
    if kind == "nodata_strip":
        values[:, 70:73] = NODATA
    return values.astype(np.float32)


def write(landing: Path) -> list[str]:
    """Write insar/footprints.geojson and insar/<asset>/{*.tif,pairs.csv}; their paths."""
    transform, footprint = _grid()
    rng = np.random.default_rng(SEED)
    inside = np.flatnonzero(footprint.ravel())
    order = inside[rng.permutation(inside.size)]  # the same pixels stay active longest
    folder = landing / "insar" / ASSET_ID
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    rows = []
    for first, second, bperp, kind in _pairs():
        name = f"{ASSET_ID[:8]}_{first:%Y%m%d}_{second:%Y%m%d}_coh.tif"
        with rasterio.open(
            folder / name,
            "w",
            driver="GTiff",
            width=SIZE,
            height=SIZE,
            count=1,
            dtype="float32",
            crs=CRS.from_epsg(4326),
            transform=transform,
            nodata=NODATA,
            compress="deflate",
        ) as target:
            target.write(_coherence(first.year, kind, footprint, order, rng), 1)
        rows.append(
            {
                "file": name,
                "reference_date": f"{first}",
                "secondary_date": f"{second}",
                "bperp_m": f"{bperp:g}",
            }
        )
        written.append(f"insar/{ASSET_ID}/{name}")
    with (folder / "pairs.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    west, north = transform.c, transform.f
    corners = [
        (FOOTPRINT.start, FOOTPRINT.start),
        (FOOTPRINT.stop, FOOTPRINT.start),
        (FOOTPRINT.stop, FOOTPRINT.stop),
        (FOOTPRINT.start, FOOTPRINT.stop),
    ]
    ring = [[round(west + col * PIXEL, 7), round(north - row * PIXEL, 7)] for col, row in corners]
    footprints = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"asset_id": ASSET_ID, "note": "synthetic footprint (minex sample)"},
                "geometry": {"type": "Polygon", "coordinates": [[*ring, ring[0]]]},
            }
        ],
    }
    (landing / "insar" / "footprints.geojson").write_text(
        json.dumps(footprints, indent=1) + "\n", encoding="utf-8"
    )
    return [*written, f"insar/{ASSET_ID}/pairs.csv", "insar/footprints.geojson"]
