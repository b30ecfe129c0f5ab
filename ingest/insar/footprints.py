"""Asset footprints: insar/footprints.geojson as read, and the footprint pixels of a grid.

A footprint is the polygon of one asset (Feature property ``asset_id``), Polygon or
MultiPolygon, in the file's CRS (the legacy GeoJSON ``crs`` member; EPSG:4326 when
unstated). M3.5: footprint pixels are the pixels whose centre lies inside the polygon,
after the polygon is reprojected to the raster's CRS.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from affine import Affine
from rasterio.crs import CRS
from rasterio.errors import CRSError
from rasterio.features import geometry_mask
from rasterio.warp import transform_geom

from ingest.validation import Reject

DEFAULT_CRS = "EPSG:4326"
POLYGON_TYPES = ("Polygon", "MultiPolygon")


@dataclass(frozen=True)
class Footprint:
    asset_id: str
    geometry: dict[str, Any]  # GeoJSON geometry, as in the file
    crs: str
    feature_number: int  # 1-based position in the FeatureCollection


@dataclass(frozen=True)
class FootprintFile:
    features: tuple[Footprint, ...]  # every feature that has an asset_id and a geometry
    rejects: tuple[Reject, ...]

    def accepted(self) -> dict[str, Footprint]:
        rejected = {reject.row for reject in self.rejects}
        if None in rejected:
            return {}
        return {f.asset_id: f for f in self.features if f.feature_number not in rejected}


def _crs_of(collection: dict[str, Any]) -> str:
    member = collection.get("crs")
    if member is None:
        return DEFAULT_CRS
    name = member.get("properties", {}).get("name") if isinstance(member, dict) else None
    if not isinstance(name, str):
        raise ValueError("its 'crs' member has no properties.name")
    try:
        return CRS.from_user_input(name).to_string()
    except CRSError as error:
        raise ValueError(f"unknown crs '{name}': {error}") from error


def _ring_reason(ring: Any) -> str | None:
    if not isinstance(ring, list) or len(ring) < 4:
        return "a ring has fewer than 4 positions"
    for position in ring:
        if (
            not isinstance(position, list)
            or len(position) < 2
            or not all(
                isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
                for v in position[:2]
            )
        ):
            return f"position {position!r} is not a pair of finite numbers"
    if ring[0][:2] != ring[-1][:2]:
        return "a ring is not closed (first and last positions differ)"
    return None


def geometry_reason(geometry: Any) -> str | None:
    """Why a GeoJSON geometry is not a usable Polygon/MultiPolygon, or None."""
    if not isinstance(geometry, dict) or geometry.get("type") not in POLYGON_TYPES:
        kind = geometry.get("type") if isinstance(geometry, dict) else geometry
        return f"geometry {kind!r} is not a Polygon or MultiPolygon"
    coordinates = geometry.get("coordinates")
    polygons = [coordinates] if geometry["type"] == "Polygon" else coordinates
    if not isinstance(polygons, list) or not polygons:
        return "geometry has no coordinates"
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon:
            return "a polygon has no rings"
        for ring in polygon:
            reason = _ring_reason(ring)
            if reason:
                return reason
    return None


def read_footprints(path: Path, relative: str, assets: frozenset[str]) -> FootprintFile:
    """Every feature of the file; rejects (row = feature number) name the reason."""
    try:
        collection = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        return FootprintFile((), (Reject(relative, None, f"not a GeoJSON file: {error}"),))
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        return FootprintFile((), (Reject(relative, None, "not a GeoJSON FeatureCollection"),))
    try:
        crs = _crs_of(collection)
    except ValueError as error:
        return FootprintFile((), (Reject(relative, None, str(error)),))
    features, rejects = [], []
    numbers_of: dict[str, list[int]] = {}
    for number, feature in enumerate(collection.get("features") or [], start=1):
        properties = (feature.get("properties") if isinstance(feature, dict) else None) or {}
        asset_id = str(properties.get("asset_id") or "").strip()
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        reasons = []
        if not asset_id:
            reasons.append("missing property 'asset_id'")
        elif asset_id not in assets:
            reasons.append(f"unknown asset_id '{asset_id}' (not in mdo/assets.csv)")
        reason = geometry_reason(geometry)
        if reason:
            reasons.append(reason)
        if reasons:
            rejects.append(Reject(relative, number, "; ".join(reasons)))
        if asset_id and isinstance(geometry, dict):
            features.append(Footprint(asset_id, geometry, crs, number))
            numbers_of.setdefault(asset_id, []).append(number)
    for asset_id, numbers in numbers_of.items():
        if len(numbers) > 1:
            shown = ", ".join(map(str, numbers))
            reason = f"duplicate key (asset_id='{asset_id}') in features {shown}"
            rejects += [Reject(relative, n, reason) for n in numbers]
    return FootprintFile(tuple(features), tuple(sorted(rejects, key=lambda r: r.row or 0)))


class FootprintError(ValueError):
    """A footprint cannot be placed on a raster grid."""


def footprint_pixels(
    footprint: Footprint, crs: CRS, transform: Affine, shape: tuple[int, int]
) -> np.ndarray:
    """M3.5: True where the pixel centre lies inside the footprint (reprojected to ``crs``)."""
    try:
        geometry = transform_geom(footprint.crs, crs, footprint.geometry)
    except Exception as error:  # GDAL/PROJ errors (rasterio's CPLE_* classes are private)
        raise FootprintError(
            f"the footprint cannot be reprojected from {footprint.crs} to {crs.to_string()}: "
            f"{error}"
        ) from error
    return geometry_mask([geometry], out_shape=shape, transform=transform, invert=True)
