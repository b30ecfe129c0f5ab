"""The release's InSAR pictures: the RGB composite PNG of each asset and three-year
window (M3.9, paper Fig. 5), as stored in the warehouse by the raster stage."""

from __future__ import annotations

from pathlib import Path

import duckdb

MODEL = "exports.export_insar_composite_pictures"


def write_pictures(con: duckdb.DuckDBPyConnection, release: Path) -> list[str]:
    """Write every picture under ``release`` (insar/<asset_id>_<y>-<y+2>.png); their paths."""
    written = []
    for file_name, png in con.execute(
        f"select file_name, png from {MODEL} order by file_name"
    ).fetchall():
        path = release / file_name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(png)
        written.append(file_name)
    return written
