"""M3.3 stable pixels S and the M3.4 image filter.

S needs every kept pair before any NDAI, so it is accumulated in a first pass over the
pairs: per pixel, whether it was valid in every pair so far, and the sum and sum of
squares of its coherence (float64). Memory: 17 bytes per pixel, whatever the number
of pairs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ingest.insar.coherence import Coherence
from ingest.insar.parameters import M3Parameters


class StablePixelAccumulator:
    """Per-pixel running sums over the kept pairs (M3.3)."""

    def __init__(self, shape: tuple[int, int]) -> None:
        self.valid_in_every_pair = np.ones(shape, dtype=bool)
        self.total = np.zeros(shape, dtype=np.float64)
        self.total_of_squares = np.zeros(shape, dtype=np.float64)
        self._square = np.empty(shape, dtype=np.float64)
        self.pairs = 0

    def add(self, coherence: Coherence) -> None:
        self.valid_in_every_pair &= coherence.valid
        # invalid pixels add garbage (NaN too): they cannot be stable, whatever their sums
        np.add(self.total, coherence.values, out=self.total)
        np.multiply(coherence.values, coherence.values, out=self._square, dtype=np.float64)
        np.add(self.total_of_squares, self._square, out=self.total_of_squares)
        self.pairs += 1

    def stable(self, parameters: M3Parameters) -> np.ndarray:
        """S: valid in every pair, mean >= stable_pixel_mean_min, sd <= stable_pixel_sd_max."""
        n = self.pairs
        if n == 0:
            return np.zeros_like(self.valid_in_every_pair)
        with np.errstate(invalid="ignore"):
            mean = self.total / n
            if n > 1:
                variance = (self.total_of_squares - n * mean * mean) / (n - 1)
                sd = np.sqrt(np.maximum(variance, 0))
            else:
                sd = np.zeros_like(mean)  # sd of a single value is 0
            return (
                self.valid_in_every_pair
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


def stable_statistics(values: np.ndarray, stable: np.ndarray) -> StableStatistics:
    """Mean and sample sd (n - 1; 0 for one pixel) of the stable pixels of one image."""
    sample = values[stable].astype(np.float64)
    n = sample.size
    mean = float(sample.sum() / n)
    if n == 1:
        return StableStatistics(mean, 0.0)
    sample -= mean
    return StableStatistics(mean, float(np.sqrt(np.dot(sample, sample) / (n - 1))))
