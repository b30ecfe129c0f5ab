"""Writing a release folder: the export models as CSV, plus manifest.json.

The release is written to a hidden folder beside the target and renamed into place
only when every file is complete, so a failed export leaves no release behind.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

import duckdb

from minex import run_log
from minex.insar_pictures import write_pictures
from minex.project import ROOT, StepFailed
from minex.release_files import ASSET_SUBSECTOR_FILES, INSAR_FILES, OnceForAllFile, ReleaseFile

DATA = "DATA"


def release_time(con: duckdb.DuckDBPyConnection) -> str:
    """The created_date the build stamped on the export tables (var release_time)."""
    row = con.execute("select max(created_date) from exports.export_emissions_sources").fetchone()
    if not row or not row[0]:
        raise StepFailed("the warehouse has no built release tables: run `minex build` first")
    return str(row[0])


def release_id(created: str) -> str:
    return "minex-" + created.replace("-", "").replace(":", "").replace(" ", "T") + "Z"


def code_version() -> str:
    try:
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return f"minex {version('minex')} ({commit})"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _write_csv(
    con: duckdb.DuckDBPyConnection, release_file: ReleaseFile, subsector: str, path: Path
) -> int:
    columns = ", ".join(release_file.columns)
    order = ", ".join(release_file.order_by)
    query = (
        f"select {columns} from exports.{release_file.model} "
        f"where {release_file.subsector_filter(subsector)} order by {order}"
    )
    con.execute(f"copy ({query}) to '{path}' (header, delimiter ',')")
    return con.execute(f"select count(*) from ({query})").fetchone()[0]


def _write_once_for_all(
    con: duckdb.DuckDBPyConnection, release_file: OnceForAllFile, path: Path
) -> int:
    query = (
        f"select {', '.join(release_file.columns)} from exports.{release_file.model} "
        f"order by {', '.join(release_file.order_by)}"
    )
    con.execute(f"copy ({query}) to '{path}' (header, delimiter ',')")
    return con.execute(f"select count(*) from ({query})").fetchone()[0]


def _inputs(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    rows = con.execute(
        "select file_path, sha256, row_count, rejected_rows from raw._files order by file_path"
    ).fetchall()
    return [
        {"path": path, "sha256": sha, "rows": count, "rejected_rows": rejected}
        for path, sha, count, rejected in rows
    ]


def export_release(
    db_path: Path, out: Path | None, releases: Path, progress: Callable[[str], None]
) -> Path:
    """Write the release folder; return its path."""
    with duckdb.connect(str(db_path)) as con:
        created = release_time(con)
        target = out or releases / release_id(created)
        if target.exists():
            raise StepFailed(f"release folder {target} already exists: choose another --out")
        partial = target.parent / f".{target.name}.partial"
        shutil.rmtree(partial, ignore_errors=True)
        (partial / DATA).mkdir(parents=True)
        try:
            subsectors = [
                row[0]
                for row in con.execute(
                    "select subsector from reference.minerals "
                    "where is_asset_level order by subsector"
                ).fetchall()
            ]
            outputs = []
            jobs = [(f, s) for s in subsectors for f in ASSET_SUBSECTOR_FILES]
            for position, (release_file, subsector) in enumerate(jobs, start=1):
                name = release_file.file_name(subsector)
                rows = _write_csv(con, release_file, subsector, partial / DATA / name)
                outputs.append({"path": f"{DATA}/{name}", "rows": rows})
                progress(f"[{position}/{len(jobs)}] {DATA}/{name}: {rows:,} rows")
            for release_file in INSAR_FILES:  # once for all subsectors
                name = release_file.file_name
                rows = _write_once_for_all(con, release_file, partial / DATA / name)
                outputs.append({"path": f"{DATA}/{name}", "rows": rows})
                progress(f"{DATA}/{name}: {rows:,} rows")
            pictures = write_pictures(con, partial)
            outputs += [{"path": picture} for picture in pictures]
            if pictures:
                progress(f"{len(pictures)} InSAR composite pictures in insar/")
            for output in outputs:
                output["sha256"] = _sha256(partial / output["path"])
            manifest = {
                "release_id": release_id(created),
                "created": created,
                "code_version": code_version(),
                "inputs": _inputs(con),
                "outputs": outputs,
                "dbt_build": run_log.latest(con, "build"),
                "data_checks": run_log.latest(con, "check"),
            }
            (partial / "manifest.json").write_text(
                json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
            )
            target.parent.mkdir(parents=True, exist_ok=True)
            partial.rename(target)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
    return target
