"""M3 raster stage benchmark: a generated stack of coherence pairs, three ways.

    python -m benchmarks [--pairs 92] [--size 2000] [--keep DIR]

- read: open every raster and read its band once (the floor: decoding the files);
- stream: ``process_asset`` as the ingest runs it (two streaming passes, one raster
  read ahead);
- naive: the whole stack loaded into one numpy array, then M3 with array reductions.

Each runs in its own process; its peak resident memory is that process's ru_maxrss.
Prints pixel-pairs per second, the time relative to read, and the peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import rasterio
from affine import Affine
from rasterio.crs import CRS

from ingest.insar.asset import AssetInputs, RasterInput, process_asset
from ingest.insar.footprints import Footprint
from ingest.insar.pairs import dates_from_name, resolve_pair
from ingest.insar.parameters import M3Parameters

CRS_ = CRS.from_epsg(32734)
TRANSFORM = Affine(10, 0, 500_000, 0, -10, 6_960_000)
SEED = 20_250_101


def generate(folder: Path, pairs: int, size: int) -> None:
    """``pairs`` 12-day pairs spread over 2021-2023: noisy stable ground (0.9 +- 0.03),
    a central footprint half the raster's side where blocks of ground are active in
    some years (coherence 0.3 +- 0.1), and a few nodata pixels."""
    generator = np.random.default_rng(SEED)
    quarter = size // 4
    blocks = generator.random((3, 8, 8)) < 0.4  # activity of 8 x 8 blocks per year
    scale = (size // 2) // 8
    for number in range(pairs):
        year = 2021 + number * 3 // pairs
        first = date(year, 1, 1) + timedelta(days=(number * 3 % pairs) * 360 // pairs)
        values = generator.normal(0.9, 0.03, (size, size)).astype(np.float32)
        active = np.kron(blocks[year - 2021], np.ones((scale, scale), dtype=bool))
        window = values[quarter : quarter + active.shape[0], quarter : quarter + active.shape[1]]
        window[active] = generator.normal(0.3, 0.1, int(active.sum())).astype(np.float32)
        values[generator.integers(0, size, 200), generator.integers(0, size, 200)] = 0
        name = f"coh_{first:%Y%m%d}_{first + timedelta(days=12):%Y%m%d}.tif"
        with rasterio.open(
            folder / name,
            "w",
            driver="GTiff",
            width=size,
            height=size,
            count=1,
            dtype="float32",
            crs=CRS_,
            transform=TRANSFORM,
            nodata=0,
            compress="deflate",
            tiled=True,
        ) as target:
            target.write(np.clip(values, 0, 1), 1)


def footprint(size: int) -> Footprint:
    quarter = size // 4
    corners = [(quarter, quarter), (3 * quarter, quarter), (3 * quarter, 3 * quarter)]
    corners += [(quarter, 3 * quarter), (quarter, quarter)]
    ring = [list(TRANSFORM @ corner) for corner in corners]
    return Footprint("BENCH", {"type": "Polygon", "coordinates": [ring]}, CRS_.to_string(), 1)


def run_read(paths: list[Path], size: int) -> dict[str, object]:
    for path in paths:
        with rasterio.open(path) as source:
            source.read(1)
    return {}


def run_stream(paths: list[Path], size: int) -> dict[str, object]:
    rasters = tuple(RasterInput(resolve_pair(p.name, {}), p) for p in paths)
    inputs = AssetInputs(
        "BENCH", "insar/BENCH/", rasters, footprint(size), M3Parameters.from_project()
    )
    result = process_asset(inputs)
    return {
        "stable_pixels": result.stable_pixels,
        "kept": sum(qa.kept for qa in result.pairs),
        "active": {c.year: c.active_pixels for c in result.years},
    }


def run_naive(paths: list[Path], size: int) -> dict[str, object]:
    """M3 the obvious way: every raster in memory at once."""
    parameters = M3Parameters.from_project()
    stack = np.empty((len(paths), size, size), dtype=np.float32)
    for position, path in enumerate(paths):
        with rasterio.open(path) as source:
            stack[position] = source.read(1)
    valid = (stack != 0) & (stack >= 0) & (stack <= 1)
    mean = stack.mean(axis=0, dtype=np.float64)
    sd = stack.std(axis=0, ddof=1, dtype=np.float64)
    stable = valid.all(axis=0) & (mean >= parameters.stable_pixel_mean_min)
    stable &= sd <= parameters.stable_pixel_sd_max
    sample = stack[:, stable].astype(np.float64)
    rho, rho_sd = sample.mean(axis=1), sample.std(axis=1, ddof=1)
    used = (rho >= parameters.stable_image_mean_min) & (rho_sd <= parameters.stable_image_sd_max)
    quarter = size // 4
    inside = (slice(None), slice(quarter, 3 * quarter), slice(quarter, 3 * quarter))
    coherence, ok = stack[inside].astype(np.float64), valid[inside]
    ndai = (rho[:, None, None] - coherence) / (rho[:, None, None] + coherence)
    years = np.array([dates_from_name(p.name)[0].year for p in paths])
    active = {}
    for year in sorted(set(years)):
        chosen = used & (years == year)
        count = ok[chosen].sum(axis=0)
        with np.errstate(invalid="ignore"):
            annual = np.where(ok[chosen], ndai[chosen], 0).sum(axis=0) / count
        active[int(year)] = int((annual >= parameters.active_ndai_min).sum())
    return {"stable_pixels": int(stable.sum()), "kept": int(used.sum()), "active": active}


VARIANTS = {"read": run_read, "stream": run_stream, "naive": run_naive}


def measure(variant: str, folder: Path, size: int) -> dict[str, object]:
    """Run one variant in a fresh process: its seconds, figures and peak memory."""
    output = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks",
            "--variant",
            variant,
            "--dir",
            str(folder),
            "--size",
            str(size),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def child(variant: str, folder: Path, size: int) -> None:
    paths = sorted(folder.glob("*.tif"))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = usage.ru_utime + usage.ru_stime
    started = time.perf_counter()
    figures = VARIANTS[variant](paths, size)
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    peak_mib = usage.ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "peak_mib": peak_mib, **figures}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=92)
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--keep", type=Path, help="generate into (or reuse) this folder")
    parser.add_argument("--variant", choices=VARIANTS, help=argparse.SUPPRESS)
    parser.add_argument("--dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.variant:
        child(args.variant, args.dir, args.size)
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="minex-bench-"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if len(list(folder.glob("*.tif"))) != args.pairs:
            started = time.perf_counter()
            generate(folder, args.pairs, args.size)
            print(
                f"generated {args.pairs} pairs of {args.size} x {args.size} px in "
                f"{time.perf_counter() - started:.1f}s ({folder})",
                flush=True,
            )
        pixel_pairs = args.pairs * args.size * args.size
        results = {name: measure(name, folder, args.size) for name in VARIANTS}
        floor = results["read"]["seconds"]
        print(
            f"{'variant':<8} {'seconds':>8} {'Mpixel-pairs/s':>15} {'x read':>7} "
            f"{'CPU s':>7} {'peak MiB':>9}"
        )
        for name, figures in results.items():
            seconds = figures["seconds"]
            print(
                f"{name:<8} {seconds:8.2f} {pixel_pairs / seconds / 1e6:15.1f} "
                f"{seconds / floor:7.2f} {figures['cpu_seconds']:7.1f} {figures['peak_mib']:9.0f}"
            )
        print(f"({os.cpu_count()} cores; CPU s = user + system time of the variant's process)")
        same = all(results["stream"][k] == results["naive"][k] for k in ("stable_pixels", "kept"))
        same &= {int(k): v for k, v in results["stream"]["active"].items()} == {
            int(k): v for k, v in results["naive"]["active"].items()
        }
        stream = results["stream"]
        print(
            f"stream and naive agree: {same} (stable pixels {stream['stable_pixels']:,}, "
            f"kept pairs {stream['kept']}, active pixels {stream['active']})"
        )
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
