"""M3.8 pixel area in m2, per raster row (pixels of one row have the same area).

- ``pixel_area_m2`` set: that area for every pixel.
- projected CRS: |a·e - b·d| of the transform (|a·e| on a north-up grid), in the CRS's
  linear unit squared, converted to m2.
- geographic CRS: the area on the WGS84 ellipsoid of the cell between two meridians
  and two parallels, a2/2 · Δλ · (q(φ2) - q(φ1)) with the authalic function
  q(φ) = (1 - e2) [sin φ / (1 - e2 sin2 φ) - ln((1 - e sin φ) / (1 + e sin φ)) / (2e)]
  (Snyder 1987, eq. 3-12). Exact for a north-up grid; a rotated geographic grid is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from affine import Affine
from rasterio.crs import CRS

WGS84_A = 6_378_137.0
WGS84_F = 1 / 298.257223563
WGS84_E2 = WGS84_F * (2 - WGS84_F)
WGS84_E = WGS84_E2**0.5


class GridError(ValueError):
    """The raster grid has no usable pixel area."""


@dataclass(frozen=True)
class PixelArea:
    row_area_m2: np.ndarray  # area of one pixel of each row
    source: str  # 'pixel_area_m2', 'projected grid' or 'geodesic (WGS84)'


def authalic_q(latitude_rad: np.ndarray) -> np.ndarray:
    """q(φ) of the WGS84 ellipsoid; a2/2 · q(φ) is the area per radian of longitude
    between the equator and latitude φ."""
    s = np.sin(latitude_rad)
    es = WGS84_E * s
    return (1 - WGS84_E2) * (
        s / (1 - WGS84_E2 * s * s) - np.log((1 - es) / (1 + es)) / (2 * WGS84_E)
    )


def geodesic_row_areas(transform: Affine, height: int, degree_in_rad: float) -> np.ndarray:
    """Area (m2) of one cell of each row of a north-up lon/lat grid, on WGS84."""
    edges = (transform.f + transform.e * np.arange(height + 1)) * degree_in_rad
    if np.any(np.abs(edges) > np.pi / 2 + 1e-12):
        raise GridError("the grid reaches beyond the poles")
    q = authalic_q(np.clip(edges, -np.pi / 2, np.pi / 2))
    return WGS84_A**2 / 2 * abs(transform.a * degree_in_rad) * np.abs(np.diff(q))


def pixel_area(crs: CRS, transform: Affine, height: int, override_m2: float | None) -> PixelArea:
    if override_m2 is not None:
        return PixelArea(np.full(height, override_m2), "pixel_area_m2")
    if crs.is_geographic:
        if transform.b != 0 or transform.d != 0:
            raise GridError("a rotated geographic grid has no per-row pixel area")
        _, radians_per_unit = crs.units_factor
        return PixelArea(
            geodesic_row_areas(transform, height, radians_per_unit), "geodesic (WGS84)"
        )
    if crs.is_projected:
        _, metres_per_unit = crs.linear_units_factor
        area = abs(transform.a * transform.e - transform.b * transform.d) * metres_per_unit**2
        return PixelArea(np.full(height, area), "projected grid")
    raise GridError(f"CRS {crs.to_string()} is neither projected nor geographic")
