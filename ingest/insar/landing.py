"""The insar/ part of a landing folder: asset folders and each asset's prepared inputs.

An asset's fingerprint is the sha256 of everything its results depend on: its rasters'
and pairs.csv's hashes, its footprint, the M3 parameters and what decides whether it
may load at all (known asset, counts also loaded from insar/pixel_counts.csv). An
asset whose fingerprint is in the registry is not computed again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ingest.csv_file import file_sha256
from ingest.insar.asset import AssetInputs, RasterInput
from ingest.insar.footprints import Footprint
from ingest.insar.pairs import CoherencePair, read_pairs_csv, resolve_pair
from ingest.insar.parameters import M3Parameters
from ingest.validation import Reject

FOOTPRINTS_FILE = "insar/footprints.geojson"
PAIRS_FILE = "pairs.csv"
RASTER_SUFFIXES = (".tif", ".tiff")
# Raised whenever the raster stage computes differently, so that stored results are redone.
METHOD_VERSION = 1


@dataclass(frozen=True)
class AssetFolder:
    asset_id: str
    relative: str  # 'insar/<asset_id>/'
    rasters: tuple[Path, ...]
    pairs_csv: Path | None


def asset_folders(landing: Path) -> dict[str, AssetFolder]:
    """Folders insar/<asset_id>/ holding coherence rasters or a pairs.csv."""
    root = landing / "insar"
    folders = {}
    for folder in sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []:
        rasters = tuple(
            sorted(
                p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in RASTER_SUFFIXES
            )
        )
        pairs = folder / PAIRS_FILE
        if rasters or pairs.is_file():
            folders[folder.name] = AssetFolder(
                folder.name, f"insar/{folder.name}/", rasters, pairs if pairs.is_file() else None
            )
    return folders


@dataclass(frozen=True)
class PreparedAsset:
    folder: AssetFolder
    fingerprint: str
    inputs: AssetInputs | None  # None: the asset is rejected before any raster is read
    rejection: str | None
    rejects: tuple[Reject, ...]  # pairs.csv rows and rasters without dates


def _rejection(
    folder: AssetFolder,
    footprint: Footprint | None,
    known_asset: bool,
    counted_rows: list[int],
    rasters: list[RasterInput],
) -> str | None:
    asset = folder.asset_id
    if not known_asset:
        return f"unknown asset_id '{asset}' (not in mdo/assets.csv): folder {folder.relative}"
    if counted_rows:
        rows = ", ".join(map(str, counted_rows))
        return (
            f"asset '{asset}' has coherence rasters and also counts in insar/pixel_counts.csv "
            f"(rows {rows}): its InSAR counts must come from one of them"
        )
    if footprint is None:
        return f"asset '{asset}' has no footprint in {FOOTPRINTS_FILE}"
    if not rasters:
        return "no coherence raster (*.tif) with acquisition dates in the folder"
    return None


def prepare(
    folder: AssetFolder,
    footprint: Footprint | None,
    known_asset: bool,
    counted_rows: list[int],
    parameters: M3Parameters,
) -> PreparedAsset:
    """The asset's pairs (dates from pairs.csv, else the file name) and its fingerprint."""
    names = {path.name for path in folder.rasters}
    listed, rejects = {}, []
    if folder.pairs_csv:
        listed, rejects = read_pairs_csv(folder.pairs_csv, folder.relative + PAIRS_FILE, names)
    rasters = []
    for path in folder.rasters:
        pair = resolve_pair(path.name, listed)
        if isinstance(pair, CoherencePair):
            rasters.append(RasterInput(pair, path))
        else:
            rejects.append(Reject(folder.relative + path.name, None, pair))
    state = {
        "method_version": METHOD_VERSION,
        "rasters": [(path.name, file_sha256(path)) for path in folder.rasters],
        "pairs_csv": file_sha256(folder.pairs_csv) if folder.pairs_csv else None,
        "footprint": [footprint.geometry, footprint.crs] if footprint else None,
        "parameters": parameters.as_vars(),
        "known_asset": known_asset,
        "counted_rows": counted_rows,
    }
    fingerprint = hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()
    rejection = _rejection(folder, footprint, known_asset, counted_rows, rasters)
    inputs = None
    if rejection is None and footprint is not None:
        inputs = AssetInputs(
            folder.asset_id, folder.relative, tuple(rasters), footprint, parameters
        )
    return PreparedAsset(folder, fingerprint, inputs, rejection, tuple(rejects))
