"""Coherence rasters: their grid, and their values with M3.2 validity, one raster at a time.

``stream`` reads the rasters in order on a background thread, one ahead of the
consumer, so that decoding the next raster overlaps the arithmetic on the current one;
at most two rasters are in memory whatever the number of pairs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import rasterio
from affine import Affine
from rasterio.crs import CRS
from rasterio.errors import RasterioError


class RasterError(Exception):
    """A coherence raster cannot be used; the message says why."""


@dataclass(frozen=True)
class Grid:
    """The pixel grid of a raster: CRS, transform and size."""

    crs: CRS
    transform: Affine
    width: int
    height: int

    @property
    def shape(self) -> tuple[int, int]:
        return self.height, self.width

    def key(self) -> tuple[str, tuple[float, ...], int, int]:
        return self.crs.to_wkt(), tuple(self.transform)[:6], self.width, self.height

    def describe(self) -> str:
        return (
            f"{self.width} x {self.height} px, {self.crs.to_string()}, {tuple(self.transform)[:6]}"
        )


@dataclass(frozen=True)
class Coherence:
    """The values of one coherence raster and its valid pixels (M3.2)."""

    values: np.ndarray  # float32, the band as read
    valid: np.ndarray  # finite, not nodata, 0 <= value <= 1


def inspect(path: Path) -> Grid:
    """The grid of a single-band coherence GeoTIFF; RasterError says why it is unusable."""
    try:
        with rasterio.open(path) as source:
            if source.count != 1:
                raise RasterError(f"has {source.count} bands; a coherence pair is one band")
            if source.crs is None:
                raise RasterError("band 1 has no CRS (georeferencing)")
            if not np.issubdtype(np.dtype(source.dtypes[0]), np.number):
                raise RasterError(f"band 1 has data type {source.dtypes[0]}, not numbers")
            return Grid(source.crs, source.transform, source.width, source.height)
    except RasterioError as error:
        raise RasterError(f"not a readable GeoTIFF: {error}") from error


def read(path: Path) -> Coherence:
    """Band 1 as float32 with its valid pixels: finite, not nodata, 0 <= value <= 1."""
    try:
        with rasterio.open(path) as source:
            values = source.read(1, out_dtype="float32")
            nodata = source.nodata
    except RasterioError as error:
        raise RasterError(f"band 1 cannot be read: {error}") from error
    valid = values >= 0  # false for NaN
    valid &= values <= 1  # false for +inf
    if nodata is not None and not np.isnan(nodata):
        valid &= values != np.float32(nodata)
    return Coherence(values, valid)


def stream(paths: Sequence[Path]) -> Iterator[tuple[Path, Coherence | RasterError]]:
    """(path, coherence or the error) for each path in order, read one ahead."""
    if not paths:
        return
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="coherence-read") as reader:

        def submit(path: Path) -> Future[Coherence]:
            return reader.submit(read, path)

        pending = submit(paths[0])
        for position, path in enumerate(paths):
            current = pending
            if position + 1 < len(paths):
                pending = submit(paths[position + 1])
            try:
                yield path, current.result()
            except RasterError as error:
                yield path, error
