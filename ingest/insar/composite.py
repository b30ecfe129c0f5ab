"""M3.9 composite classes of a three-year window (paper Table 1) and its RGB picture.

A footprint pixel's bits (active in y, y+1, y+2) name its class; black holds every
footprint pixel active in none of the three years, pixels without a defined NDAI
included. The picture maps NDAI(p, y), NDAI(p, y+1), NDAI(p, y+2) to red, green and
blue: intensity 255 · clip(NDAI, 0, 1), 0 where the NDAI is undefined.
"""

from __future__ import annotations

import numpy as np

# (active y, active y+1, active y+2) -> class, in the order of paper Table 1
CLASSES: dict[tuple[bool, bool, bool], str] = {
    (True, False, False): "red",
    (False, True, False): "green",
    (False, False, True): "blue",
    (True, True, False): "yellow",
    (True, False, True): "magenta",
    (False, True, True): "cyan",
    (True, True, True): "white",
    (False, False, False): "black",
}
CLASS_NAMES = tuple(CLASSES.values())


def class_codes(active: tuple[np.ndarray, np.ndarray, np.ndarray]) -> np.ndarray:
    """Per pixel 4·active(y) + 2·active(y+1) + active(y+2)."""
    first, second, third = active
    return first.astype(np.uint8) * 4 + second.astype(np.uint8) * 2 + third.astype(np.uint8)


CODE_NAMES = {4 * a + 2 * b + c: name for (a, b, c), name in CLASSES.items()}


def class_of_code(codes: np.ndarray) -> np.ndarray:
    """Class names of codes 0..7 (see class_codes)."""
    names = np.array([CODE_NAMES[code] for code in range(8)])
    return names[codes]


def composite_rgb(annual: tuple[np.ndarray, np.ndarray, np.ndarray]) -> np.ndarray:
    """(h, w, 3) uint8: channel = round(255 · clip(NDAI, 0, 1)); undefined NDAI -> 0."""
    channels = [np.rint(255 * np.clip(np.nan_to_num(ndai, nan=0.0), 0, 1)) for ndai in annual]
    return np.stack(channels, axis=-1).astype(np.uint8)
