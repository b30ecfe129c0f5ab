"""M3 for one asset: a pure function from its rasters, pairs, footprint and parameters to
its results, so that any engine can fan assets out (``ingest.insar.stage`` uses processes).

Two streaming passes over the kept pairs, each holding at most two rasters: the first
accumulates the stable pixels S (M3.3), the second applies the image filter (M3.4) and
accumulates NDAI over the footprint (M3.5, M3.6). Then the annual counts (M3.7, M3.8),
the composite classes of every three-year window (M3.9, and M3.10 as an alternative)
and their pictures.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from rasterio.errors import RasterioError

from ingest.insar.coherence import Grid, RasterError, inspect, stream
from ingest.insar.composite import CLASS_NAMES, class_codes, class_of_code, composite_rgb
from ingest.insar.footprints import Footprint, footprint_pixels
from ingest.insar.hue_segmentation import segment
from ingest.insar.ndai import AnnualNdai, FootprintWindow, active_pixels
from ingest.insar.pairs import CoherencePair, selection_reason
from ingest.insar.parameters import M3Parameters
from ingest.insar.picture import composite_png
from ingest.insar.pixel_area import GridError, pixel_area
from ingest.insar.stable_pixels import StablePixelAccumulator, StableSet, stable_statistics
from ingest.validation import Reject

COMPUTED, NO_RESULT, REJECTED = "computed", "no_result", "rejected"


@dataclass(frozen=True)
class RasterInput:
    pair: CoherencePair
    path: Path


@dataclass(frozen=True)
class AssetInputs:
    asset_id: str
    folder: str  # relative to the landing folder, e.g. 'insar/COM01199.00/'
    rasters: tuple[RasterInput, ...]
    footprint: Footprint
    parameters: M3Parameters


@dataclass(frozen=True)
class PairQa:
    """A pair's fate: kept (used for NDAI) or why not, with its stable-pixel statistics."""

    pair: CoherencePair
    kept: bool
    reason: str | None
    stable_mean: float | None = None
    stable_sd: float | None = None
    footprint_mean_coherence: float | None = None
    site_ndai: float | None = None
    footprint_valid_pixels: int | None = None


@dataclass(frozen=True)
class YearCounts:
    """M3.7/M3.8 of one year with at least one kept pair. No footprint pixel with a
    defined NDAI: active_pixels and active_area_m2 are None (not modelled, not 0)."""

    year: int
    footprint_pixels: int
    valid_pixels: int
    active_pixels: int | None
    active_area_m2: float | None
    pixel_area_m2: float  # mean area of a footprint pixel


@dataclass(frozen=True)
class ClassCount:
    window_start: int
    classifier: str  # 'bits' (M3.9) or 'hue' (M3.10)
    colour: str
    pixels: int
    area_m2: float


@dataclass(frozen=True)
class Picture:
    window_start: int
    png: bytes


@dataclass
class AssetResult:
    asset_id: str
    status: str
    reason: str | None = None
    grid: str | None = None
    pixel_area_source: str | None = None
    stable_pixels: int | None = None
    footprint_pixels: int | None = None
    pairs: list[PairQa] = field(default_factory=list)
    years: list[YearCounts] = field(default_factory=list)
    classes: list[ClassCount] = field(default_factory=list)
    pictures: list[Picture] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    seconds: float = 0.0


def _usable_rasters(
    inputs: AssetInputs, rejects: list[Reject]
) -> tuple[Grid | None, dict[RasterInput, Grid]]:
    """Rasters that open as one band on the asset's grid (the grid most of them share)."""
    grids: dict[RasterInput, Grid] = {}
    for raster in inputs.rasters:
        try:
            grids[raster] = inspect(raster.path)
        except RasterError as error:
            rejects.append(Reject(inputs.folder + raster.pair.file, None, str(error)))
    if not grids:
        return None, {}
    counts = Counter(grid.key() for grid in grids.values())
    common = max(counts, key=lambda key: counts[key])  # ties: the first raster's grid
    grid = next(g for g in grids.values() if g.key() == common)
    usable = {}
    for raster, own in grids.items():
        if own.key() == common:
            usable[raster] = own
        else:
            reason = f"its grid ({own.describe()}) differs from the asset's ({grid.describe()})"
            rejects.append(Reject(inputs.folder + raster.pair.file, None, reason))
    return grid, usable


def _window_classes(
    start: int,
    annual: AnnualNdai,
    parameters: M3Parameters,
    area: np.ndarray,
) -> tuple[list[ClassCount], Picture]:
    years = (start, start + 1, start + 2)
    ndai = tuple(annual.annual(year) for year in years)
    active = tuple(active_pixels(values, parameters.active_ndai_min) for values in ndai)
    mask = annual.window.mask
    codes = class_codes(active)[mask]
    pixel_area_m2 = np.broadcast_to(area, mask.shape)[mask]
    counts = np.bincount(codes, minlength=8)
    areas = np.bincount(codes, weights=pixel_area_m2, minlength=8)
    by_name = dict(zip(class_of_code(np.arange(8)), zip(counts, areas, strict=True), strict=True))
    classes = [
        ClassCount(start, "bits", name, int(by_name[name][0]), float(by_name[name][1]))
        for name in CLASS_NAMES
    ]
    rgb = composite_rgb(ndai)
    hues = segment(rgb[mask], parameters.active_ndai_min, parameters.hue_white_saturation_max)
    for name in CLASS_NAMES:
        chosen = hues == name
        classes.append(
            ClassCount(start, "hue", name, int(chosen.sum()), float(pixel_area_m2[chosen].sum()))
        )
    return classes, Picture(start, composite_png(rgb, mask))


def _reject_asset(inputs: AssetInputs, result: AssetResult, reason: str) -> AssetResult:
    """No result for the asset: whatever was computed is dropped, the reason recorded."""
    result.status, result.reason = REJECTED, reason
    result.pairs, result.years, result.classes, result.pictures = [], [], [], []
    result.rejects.append(Reject(inputs.folder, None, reason))
    return result


def process_asset(inputs: AssetInputs) -> AssetResult:
    """Every step of M3 for one asset (see the module docstring)."""
    started = time.monotonic()
    result = AssetResult(inputs.asset_id, COMPUTED)
    try:
        _compute(inputs, result)
    finally:
        result.seconds = time.monotonic() - started
    return result


def _compute(inputs: AssetInputs, result: AssetResult) -> None:
    parameters = inputs.parameters
    grid, usable = _usable_rasters(inputs, result.rejects)
    if grid is None:
        _reject_asset(inputs, result, "no readable coherence raster")
        return
    result.grid = grid.describe()
    try:
        footprint = footprint_pixels(inputs.footprint, grid.crs, grid.transform, grid.shape)
        area = pixel_area(grid.crs, grid.transform, grid.height, parameters.pixel_area_m2)
    except (RasterioError, GridError, ValueError) as error:
        _reject_asset(inputs, result, f"footprint or grid unusable: {error}")
        return
    if not footprint.any():
        _reject_asset(
            inputs, result, f"the footprint holds no pixel centre of the grid ({grid.describe()})"
        )
        return
    window = FootprintWindow.of(footprint)
    window_area = area.row_area_m2[window.rows][:, None]
    result.pixel_area_source = area.source
    result.footprint_pixels = window.pixels

    # M3.1 pair selection
    selected = []
    for raster in sorted(usable, key=lambda r: r.pair.file):
        reason = selection_reason(raster.pair, parameters)
        if reason:
            result.pairs.append(PairQa(raster.pair, False, reason))
        else:
            selected.append(raster)

    # pass 1: M3.3 stable pixels
    nodata = {usable[r].nodata for r in selected}
    accumulator = StablePixelAccumulator(grid.shape, zero_is_nodata=nodata == {0})
    readable = []
    for raster, (_, coherence) in zip(selected, stream([r.path for r in selected]), strict=True):
        if isinstance(coherence, RasterError):
            result.rejects.append(Reject(inputs.folder + raster.pair.file, None, str(coherence)))
            continue
        accumulator.add(coherence)
        readable.append(raster)
    stable_set = StableSet.of(accumulator.stable(parameters))
    del accumulator
    result.stable_pixels = stable_set.pixels
    if not readable or not result.stable_pixels:
        if not readable:
            reason = "M3.1 no readable pair has short enough baselines"
        else:
            reason = (
                f"M3.3 no stable pixels: none is valid in all {len(readable)} kept pairs with "
                f"mean >= stable_pixel_mean_min {parameters.stable_pixel_mean_min:g} and sd <= "
                f"stable_pixel_sd_max {parameters.stable_pixel_sd_max:g}"
            )
        result.pairs += [PairQa(r.pair, False, reason) for r in readable]
        result.status, result.reason = NO_RESULT, reason
        return

    # pass 2: M3.4 image filter, M3.5 NDAI, M3.6 annual sums
    annual = AnnualNdai(window)
    for raster, (_, coherence) in zip(readable, stream([r.path for r in readable]), strict=True):
        if isinstance(coherence, RasterError):
            _reject_asset(
                inputs, result, f"{raster.pair.file} failed on the second pass: {coherence}"
            )
            return
        statistics = stable_statistics(coherence.values, stable_set)
        reason = statistics.drop_reason(parameters)
        if reason:
            result.pairs.append(PairQa(raster.pair, False, reason, statistics.mean, statistics.sd))
            continue
        image = annual.add(raster.pair.year, statistics.mean, coherence)
        result.pairs.append(
            PairQa(
                raster.pair,
                True,
                None,
                statistics.mean,
                statistics.sd,
                image.footprint_mean_coherence,
                image.site_ndai,
                image.valid_pixels,
            )
        )
    result.pairs.sort(key=lambda qa: qa.pair.file)

    # M3.7 active pixels, M3.8 areas
    mask = window.mask
    footprint_area = float((window_area * mask).sum())
    for year in annual.years:
        ndai = annual.annual(year)
        valid = int((~np.isnan(ndai)).sum())
        active = active_pixels(ndai, parameters.active_ndai_min)
        result.years.append(
            YearCounts(
                year,
                window.pixels,
                valid,
                int(active.sum()) if valid else None,
                float((window_area * active).sum()) if valid else None,
                footprint_area / window.pixels,
            )
        )
    observed = [counts.year for counts in result.years if counts.valid_pixels]
    if not observed:
        result.status = NO_RESULT
        result.reason = "M3.4 no pair kept, or no footprint pixel valid in a kept pair"
        return

    # M3.9 composite classes of every three-year window, M3.10 hue segmentation
    for start in range(min(observed), max(observed) - 1):
        classes, picture = _window_classes(start, annual, parameters, window_area)
        result.classes += classes
        result.pictures.append(picture)
