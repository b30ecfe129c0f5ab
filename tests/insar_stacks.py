"""Synthetic coherence stacks for the M3 tests: known activity, known counts.

A scene is a grid with a footprint; every pixel outside the footprint (and every
footprint pixel inactive in all years) is stable. Coherence of a pair: STABLE on stable
ground, INACTIVE on footprint pixels not active that year, ACTIVE on active ones, so
NDAI is about 0.03 for an inactive and 0.5 for an active pixel (threshold 0.2).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import rasterio
from affine import Affine
from rasterio.crs import CRS
from rasterio.warp import transform as transform_points

STABLE, INACTIVE, ACTIVE, SNOW = 0.95, 0.9, 0.3, 0.5
NODATA = -9999.0


@dataclass(frozen=True)
class Scene:
    crs: CRS
    transform: Affine
    shape: tuple[int, int]  # (height, width)
    footprint_corners: tuple[tuple[float, float], ...]  # (col, row) pixel-edge vertices

    def polygon(self, crs: CRS | None = None) -> list[list[float]]:
        """The footprint ring in map coordinates of ``crs`` (default: the scene's CRS)."""
        xs, ys = zip(*(self.transform @ corner for corner in self.footprint_corners), strict=True)
        if crs is not None and crs != self.crs:
            xs, ys = transform_points(self.crs, crs, list(xs), list(ys))
        ring = [[float(x), float(y)] for x, y in zip(xs, ys, strict=True)]
        return [*ring, ring[0]]


def footprints_geojson(polygons: dict[str, list[list[float]]], crs: str | None = None) -> str:
    """A FeatureCollection of one Polygon per asset (legacy ``crs`` member when given)."""
    collection: dict[str, object] = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"asset_id": asset_id},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
            for asset_id, ring in polygons.items()
        ],
    }
    if crs:
        collection["crs"] = {"type": "name", "properties": {"name": crs}}
    return json.dumps(collection)


def write_coherence(
    path: Path, values: np.ndarray, scene: Scene, nodata: float | None = NODATA
) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    height, width = values.shape
    with rasterio.open(
        path,
        "w",
        driver="GTiff",
        width=width,
        height=height,
        count=1,
        dtype="float32",
        crs=scene.crs,
        transform=scene.transform,
        nodata=nodata,
        compress="deflate",
    ) as target:
        target.write(values.astype(np.float32), 1)
    return path


def pair_name(first: date, second: date) -> str:
    return f"coh_{first:%Y%m%d}_{second:%Y%m%d}.tif"


def coherence_of_year(
    footprint: np.ndarray, active: np.ndarray, invalid: np.ndarray | None = None
) -> np.ndarray:
    """One pair's coherence: STABLE outside, INACTIVE/ACTIVE inside, NODATA where invalid."""
    values = np.full(footprint.shape, STABLE, dtype=np.float32)
    values[footprint] = INACTIVE
    values[footprint & active] = ACTIVE
    if invalid is not None:
        values[invalid] = NODATA
    return values


def write_stack(
    folder: Path,
    scene: Scene,
    pairs: Sequence[tuple[date, date, np.ndarray]],
) -> list[Path]:
    """One GeoTIFF per (first date, second date, coherence) named by its dates."""
    return [write_coherence(folder / pair_name(a, b), values, scene) for a, b, values in pairs]
