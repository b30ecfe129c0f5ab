"""M3.3 stable pixels S and the M3.4 image filter.

S needs every kept pair before any NDAI, so it is accumulated in a first pass over the
pairs: per pixel, the lowest and highest coherence so far (a pixel valid in every pair
has lowest >= 0 and highest <= 1; NaN propagates; a nodata value inside 0..1 is also
tracked), and the sum and sum of squares of its coherence (float64). Memory: 25 bytes
per pixel, whatever the number of pairs. The arithmetic runs over blocks of rows small
enough to stay in the CPU cache.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ingest.insar.coherence import Coherence
from ingest.insar.parameters import M3Parameters

BLOCK_PIXELS = 1 << 14


def row_blocks(shape: tuple[int, int]) -> list[slice]:
    """Consecutive blocks of whole rows of about BLOCK_PIXELS pixels."""
    height, width = shape
    step = max(1, BLOCK_PIXELS // max(width, 1))
    return [slice(start, min(start + step, height)) for start in range(0, height, step)]


class StablePixelAccumulator:
    """Per-pixel running sums over the kept pairs (M3.3)."""

    def __init__(self, shape: tuple[int, int], zero_is_nodata: bool) -> None:
        """``zero_is_nodata``: every pair has nodata 0, so a valid pixel is > 0."""
        self.zero_is_nodata = zero_is_nodata
        self.lowest = np.full(shape, np.inf, dtype=np.float32)
        self.highest = np.full(shape, -np.inf, dtype=np.float32)
        self.nodata_seen = np.zeros(shape, dtype=bool)
        self.total = np.zeros(shape, dtype=np.float64)
        self.total_of_squares = np.zeros(shape, dtype=np.float64)
        self.blocks = row_blocks(shape)
        self._square = np.empty((self.blocks[0].stop, shape[1]), dtype=np.float64)
        self.pairs = 0

    def add(self, coherence: Coherence) -> None:
        nodata = coherence.nodata
        inside = (
            nodata is not None and 0 <= nodata <= 1 and not (nodata == 0 and self.zero_is_nodata)
        )
        for rows in self.blocks:
            values = coherence.values[rows]
            lowest, highest = self.lowest[rows], self.highest[rows]
            np.minimum(lowest, values, out=lowest)  # NaN propagates
            np.maximum(highest, values, out=highest)
            if inside:
                self.nodata_seen[rows] |= values == np.float32(nodata)
            # invalid pixels add garbage (NaN too): they cannot be stable, whatever their sums
            total = self.total[rows]
            np.add(total, values, out=total)
            square = self._square[: values.shape[0]]
            np.multiply(values, values, out=square, dtype=np.float64)
            total = self.total_of_squares[rows]
            np.add(total, square, out=total)
        self.pairs += 1

    def stable(self, parameters: M3Parameters) -> np.ndarray:
        """S: valid in every pair, mean >= stable_pixel_mean_min, sd <= stable_pixel_sd_max."""
        n = self.pairs
        if n == 0:
            return np.zeros_like(self.nodata_seen)
        with np.errstate(invalid="ignore"):
            low_ok = self.lowest > 0 if self.zero_is_nodata else self.lowest >= 0
            valid_in_every_pair = low_ok & (self.highest <= 1) & ~self.nodata_seen
            mean = self.total / n
            if n > 1:
                variance = (self.total_of_squares - n * mean * mean) / (n - 1)
                sd = np.sqrt(np.maximum(variance, 0))
            else:
                sd = np.zeros_like(mean)  # sd of a single value is 0
            return (
                valid_in_every_pair
                & (mean >= parameters.stable_pixel_mean_min)
                & (sd <= parameters.stable_pixel_sd_max)
            )


@dataclass(frozen=True)
class StableStatistics:
    """rho_s,i and the sd of the stable pixels in one image (M3.4)."""

    mean: float
    sd: float

    def drop_reason(self, parameters: M3Parameters) -> str | None:
        if self.mean < parameters.stable_image_mean_min:
            return (
                f"M3.4 stable-pixel mean coherence {self.mean:.4f} < "
                f"stable_image_mean_min {parameters.stable_image_mean_min:g}"
            )
        if self.sd > parameters.stable_image_sd_max:
            return (
                f"M3.4 stable-pixel coherence sd {self.sd:.4f} > "
                f"stable_image_sd_max {parameters.stable_image_sd_max:g}"
            )
        return None


@dataclass(frozen=True)
class StableSet:
    """S as the flat positions of its pixels in each block of rows, to gather them fast."""

    pixels: int
    blocks: tuple[tuple[slice, np.ndarray], ...]

    @classmethod
    def of(cls, stable: np.ndarray) -> StableSet:
        blocks = tuple((rows, np.flatnonzero(stable[rows])) for rows in row_blocks(stable.shape))
        return cls(int(np.count_nonzero(stable)), blocks)


def stable_statistics(values: np.ndarray, stable: StableSet) -> StableStatistics:
    """Mean and sample sd (n - 1; 0 for one pixel) of the stable pixels of one image."""
    n, total, total_of_squares = stable.pixels, 0.0, 0.0
    for rows, positions in stable.blocks:
        sample = values[rows].ravel().take(positions).astype(np.float64)
        total += float(sample.sum())
        # no np.dot: a BLAS call spawns threads that fight the raster reader for the cores
        total_of_squares += float(np.square(sample, out=sample).sum())
    mean = total / n
    if n == 1:
        return StableStatistics(mean, 0.0)
    variance = max(total_of_squares - n * mean * mean, 0.0) / (n - 1)
    return StableStatistics(mean, variance**0.5)
