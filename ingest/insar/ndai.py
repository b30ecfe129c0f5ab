"""M3.5-M3.7: per-pixel and site NDAI, annual NDAI and active pixels of the footprint.

Only the footprint's bounding window is kept: per year, the sum of NDAI_i(p) and the
number of images in which p was valid (8 + 4 bytes per window pixel and year).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ingest.insar.coherence import Coherence
from ingest.insar.stable_pixels import row_blocks


@dataclass(frozen=True)
class FootprintWindow:
    """The bounding window of the footprint pixels and the footprint inside it."""

    rows: slice
    cols: slice
    mask: np.ndarray

    @classmethod
    def of(cls, footprint: np.ndarray) -> FootprintWindow:
        rows = np.flatnonzero(footprint.any(axis=1))
        cols = np.flatnonzero(footprint.any(axis=0))
        window_rows = slice(int(rows[0]), int(rows[-1]) + 1)
        window_cols = slice(int(cols[0]), int(cols[-1]) + 1)
        return cls(window_rows, window_cols, footprint[window_rows, window_cols])

    def cut(self, array: np.ndarray) -> np.ndarray:
        return array[self.rows, self.cols]

    @property
    def pixels(self) -> int:
        return int(self.mask.sum())


@dataclass(frozen=True)
class ImageNdai:
    """Site NDAI_i of one image: rho_s,i against the mean coherence of the valid
    footprint pixels (M3.5); None when no footprint pixel is valid in the image."""

    footprint_mean_coherence: float | None
    site_ndai: float | None
    valid_pixels: int


def ndai(rho: float, coherence: np.ndarray) -> np.ndarray:
    """Eq. 1: NDAI = (rho_s - c) / (rho_s + c)."""
    return (rho - coherence) / (rho + coherence)


class AnnualNdai:
    """Running per-year NDAI sums and counts of the footprint pixels (M3.6)."""

    def __init__(self, window: FootprintWindow) -> None:
        self.window = window
        self.sums: dict[int, np.ndarray] = {}
        self.counts: dict[int, np.ndarray] = {}

    def add(self, year: int, rho: float, coherence: Coherence) -> ImageNdai:
        window = self.window
        if year not in self.sums:
            self.sums[year] = np.zeros(window.mask.shape, dtype=np.float64)
            self.counts[year] = np.zeros(window.mask.shape, dtype=np.int32)
        n, total = 0, 0.0
        first_row = window.rows.start
        for block in row_blocks(window.mask.shape):  # blocks small enough for the CPU cache
            rows = slice(first_row + block.start, first_row + block.stop)
            valid = coherence.valid(rows, window.cols)
            valid &= window.mask[block]
            values = np.where(valid, coherence.values[rows, window.cols], np.float64(0))
            with np.errstate(invalid="ignore", divide="ignore"):  # rho + c = 0: both are 0
                pixel_ndai = ndai(rho, values)
            np.copyto(pixel_ndai, 0.0, where=~valid)
            self.sums[year][block] += pixel_ndai
            self.counts[year][block] += valid
            n += int(np.count_nonzero(valid))
            total += float(values.sum())
        if n == 0:
            return ImageNdai(None, None, 0)
        mean = total / n
        return ImageNdai(mean, float(ndai(rho, mean)), n)

    @property
    def years(self) -> list[int]:
        return sorted(self.sums)

    def annual(self, year: int) -> np.ndarray:
        """NDAI(p, y) over the window: NaN where undefined (no valid image, or outside)."""
        if year not in self.sums:
            return np.full(self.window.mask.shape, np.nan)
        count = self.counts[year]
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(count > 0, self.sums[year] / count, np.nan)


def active_pixels(annual: np.ndarray, active_ndai_min: float) -> np.ndarray:
    """M3.7: NDAI(p, y) >= active_ndai_min (undefined NDAI is not active)."""
    with np.errstate(invalid="ignore"):
        return annual >= active_ndai_min
