"""The RGB composite of a window as a PNG (paper Fig. 5), with the footprint outline.

The picture covers the footprint's bounding window and a one-pixel margin; footprint
pixels show their composite colour, the outline is drawn in grey on the pixels just
outside the footprint (so it hides no data), everything else is transparent.
"""

from __future__ import annotations

import warnings

import numpy as np
from rasterio.errors import NotGeoreferencedWarning
from rasterio.io import MemoryFile

OUTLINE_RGB = (160, 160, 160)


def outline(mask: np.ndarray) -> np.ndarray:
    """Pixels outside ``mask`` that touch it (8-neighbourhood)."""
    height, width = mask.shape
    padded = np.pad(mask, 1)
    grown = np.zeros_like(mask)
    for dr in range(3):
        for dc in range(3):
            grown |= padded[dr : dr + height, dc : dc + width]
    return grown & ~mask


def composite_png(rgb: np.ndarray, footprint: np.ndarray) -> bytes:
    """PNG bytes (RGBA) of an (h, w, 3) composite over the footprint's bounding window."""
    height, width = footprint.shape
    mask = np.zeros((height + 2, width + 2), dtype=bool)
    mask[1:-1, 1:-1] = footprint
    ring = outline(mask)
    bands = np.zeros((4, height + 2, width + 2), dtype=np.uint8)
    for channel in range(3):
        bands[channel, 1:-1, 1:-1] = np.where(footprint, rgb[..., channel], 0)
        bands[channel][ring] = OUTLINE_RGB[channel]
    bands[3] = np.where(mask | ring, 255, 0)
    profile = {
        "driver": "PNG",
        "width": width + 2,
        "height": height + 2,
        "count": 4,
        "dtype": "uint8",
    }
    with warnings.catch_warnings(), MemoryFile() as memory:
        warnings.simplefilter("ignore", NotGeoreferencedWarning)  # a picture, not a map
        with memory.open(**profile) as picture:
            picture.write(bands)
        return memory.read()
