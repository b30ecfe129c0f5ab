"""M3.10 the paper's alternative classifier: HSV hue segmentation of the RGB composite.

A pixel whose value (its brightest channel) is below the intensity of an NDAI of
active_ndai_min is black; one whose saturation is at most hue_white_saturation_max is
white; any other takes the nearest of the six hues of paper Table 1 (red 0°, yellow
60°, green 120°, cyan 180°, blue 240°, magenta 300°). On saturated colours it gives
the bit classes of ``composite`` (a test checks it).
"""

from __future__ import annotations

import numpy as np

HUES = ("red", "yellow", "green", "cyan", "blue", "magenta")  # every 60 degrees from 0


def hue_degrees(rgb: np.ndarray) -> np.ndarray:
    """HSV hue in degrees [0, 360) of (..., 3) RGB values; 0 for greys."""
    colour = rgb.astype(np.float64)
    red, green, blue = colour[..., 0], colour[..., 1], colour[..., 2]
    high = colour.max(axis=-1)
    spread = high - colour.min(axis=-1)
    safe = np.where(spread > 0, spread, 1.0)
    hue = np.select(
        [high == red, high == green],
        [((green - blue) / safe) % 6, (blue - red) / safe + 2],
        (red - green) / safe + 4,
    )
    return np.where(spread > 0, hue * 60.0, 0.0)


def segment(rgb: np.ndarray, active_ndai_min: float, white_saturation_max: float) -> np.ndarray:
    """Class name of each pixel of an (..., 3) uint8 composite."""
    colour = rgb.astype(np.float64)
    value = colour.max(axis=-1)
    saturation = np.where(value > 0, (value - colour.min(axis=-1)) / np.maximum(value, 1), 0.0)
    sector = np.rint(hue_degrees(rgb) / 60.0).astype(int) % 6
    names = np.array(HUES)[sector]
    names = np.where(saturation <= white_saturation_max, "white", names)
    return np.where(value < 255 * active_ndai_min, "black", names)
