"""Coherence rasters: their grid, their values and M3.2 validity, one raster at a time.

``stream`` reads the rasters in order on background threads, a few ahead of the
consumer, so that decoding the next rasters overlaps the arithmetic on the current one.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import rasterio
from affine import Affine
from rasterio.crs import CRS
from rasterio.errors import RasterioError

# Rasters decoded ahead of the arithmetic, each on its own thread (GDAL decodes without
# the GIL): at most READ_AHEAD + 1 rasters are in memory, whatever the number of pairs.
READ_AHEAD = 2


class RasterError(Exception):
    """A coherence raster cannot be used; the message says why."""


@dataclass(frozen=True)
class Grid:
    """The pixel grid of a raster: CRS, transform and size."""

    crs: CRS
    transform: Affine
    width: int
    height: int
    nodata: float | None  # not part of the grid's key

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
    """The values of one coherence raster, and its valid pixels (M3.2) on demand."""

    values: np.ndarray  # float32, the band as read
    nodata: float | None

    def valid(self, rows: slice = slice(None), cols: slice = slice(None)) -> np.ndarray:
        """Finite, not nodata, 0 <= value <= 1, over a window of the raster."""
        values = self.values[rows, cols]
        valid = values >= 0  # false for NaN
        valid &= values <= 1  # false for +inf
        if self.nodata is not None and 0 <= self.nodata <= 1:
            valid &= values != np.float32(self.nodata)
        return valid


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
            return Grid(source.crs, source.transform, source.width, source.height, source.nodata)
    except RasterioError as error:
        raise RasterError(f"not a readable GeoTIFF: {error}") from error


def read(path: Path) -> Coherence:
    """Band 1 as float32, with its nodata value."""
    try:
        with rasterio.open(path) as source:
            return Coherence(source.read(1, out_dtype="float32"), source.nodata)
    except RasterioError as error:
        raise RasterError(f"band 1 cannot be read: {error}") from error


def stream(
    paths: Sequence[Path], ahead: int = READ_AHEAD
) -> Iterator[tuple[Path, Coherence | RasterError]]:
    """(path, coherence or the error) for each path in order, up to ``ahead`` rasters
    decoded ahead of the consumer on as many threads."""
    with ThreadPoolExecutor(max_workers=ahead, thread_name_prefix="coherence-read") as reader:
        pending: deque[Future[Coherence]] = deque()
        queued = iter(paths)
        for path in paths:
            while len(pending) < ahead + 1:
                following = next(queued, None)
                if following is None:
                    break
                pending.append(reader.submit(read, following))
            try:
                yield path, pending.popleft().result()
            except RasterError as error:
                yield path, error
