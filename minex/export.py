"""Writing a release folder: export models as CSV, the data-quality gate, datapackage.json
and manifest.json.

The release is written to a hidden folder beside the target and renamed into place only
when every file is written and every data check passed, so a failed export leaves no
release behind.
"""

from __future__ import annotations

import hashlib
import json
import platform
import shutil
import subprocess
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

import duckdb

from ingest.project_vars import effective_vars
from minex import datapackage, run_log
from minex.insar_pictures import write_pictures
from minex.project import ROOT, StepFailed
from minex.quality.gate import run_gate
from minex.release_files import (
    ASSET_SUBSECTOR_FILES,
    COUNTRY_SUBSECTOR_FILES,
    INSAR_FILES,
    ReleaseFile,
)

DATA = "DATA"
DOCS = "docs"
PACKAGES = ("dbt-core", "dbt-duckdb", "duckdb", "great-expectations", "pandas", "pyarrow")


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


def build_parameters(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """The methodology parameters of the last build (its --vars over the defaults)."""
    build = run_log.latest(con, "build") or {}
    return effective_vars(build.get("vars"))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _write_csv(
    con: duckdb.DuckDBPyConnection,
    release_file: ReleaseFile,
    subsector: str | None,
    granularity: str,
    path: Path,
) -> int:
    columns = ", ".join(f"published.{column}" for column in release_file.columns)
    order = ", ".join(
        "gases.gas_order" if column == "gas" else f"published.{column}"
        for column in release_file.order_by
    )
    gases = (
        "left join reference.gases as gases on published.gas = gases.gas"
        if "gas" in release_file.columns
        else ""
    )
    query = (
        f"select {columns} from exports.{release_file.model_for(granularity)} as published "
        f"{gases} where {release_file.subsector_filter(subsector, 'published')} "
        f"order by {order}"
    )
    con.execute(f"copy ({query}) to '{path}' (header, delimiter ',')")
    return con.execute(f"select count(*) from ({query})").fetchone()[0]


def _release_jobs(con: duckdb.DuckDBPyConnection) -> list[tuple[ReleaseFile, str | None]]:
    """Every file to write: those of each subsector, then those once for all."""
    subsectors = con.execute(
        "select subsector, is_asset_level from reference.minerals order by subsector"
    ).fetchall()
    jobs: list[tuple[ReleaseFile, str | None]] = [
        (release_file, subsector)
        for subsector, is_asset_level in subsectors
        for release_file in (ASSET_SUBSECTOR_FILES if is_asset_level else COUNTRY_SUBSECTOR_FILES)
    ]
    return jobs + [(release_file, None) for release_file in INSAR_FILES]


def _inputs(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    rows = con.execute(
        "select file_path, sha256, row_count, rejected_rows from raw._files order by file_path"
    ).fetchall()
    return [
        {"path": path, "sha256": sha, "rows": count, "rejected_rows": rejected}
        for path, sha, count, rejected in rows
    ]


def _versions() -> dict[str, str]:
    return {"python": platform.python_version(), **{name: version(name) for name in PACKAGES}}


def export_release(
    db_path: Path,
    out: Path | None,
    releases: Path,
    granularity: str,
    progress: Callable[[str], None],
) -> Path:
    """Write, check and publish the release folder; return its path."""
    with duckdb.connect(str(db_path)) as con:
        created = release_time(con)
        identifier = release_id(created)
        target = out or releases / (
            identifier if granularity == "annual" else f"{identifier}-month"
        )
        if target.exists():
            raise StepFailed(f"release folder {target} already exists: choose another --out")
        partial = target.parent / f".{target.name}.partial"
        shutil.rmtree(partial, ignore_errors=True)
        (partial / DATA).mkdir(parents=True)
        try:
            jobs = _release_jobs(con)
            written: list[tuple[str, ReleaseFile, int]] = []
            for position, (release_file, subsector) in enumerate(jobs, start=1):
                name = f"{DATA}/{release_file.file_name(subsector)}"
                rows = _write_csv(con, release_file, subsector, granularity, partial / name)
                written.append((name, release_file, rows))
                progress(f"[{position}/{len(jobs)}] {name}: {rows:,} rows")
            pictures = write_pictures(con, partial)
            if pictures:
                progress(f"{len(pictures)} InSAR composite pictures in insar/")
            parameters = build_parameters(con)
            progress("check: data-quality expectations on the release tables")
            report = run_gate(db_path, parameters, granularity, partial / DOCS, progress)
            checks = report.summary()
            progress(f"check passed: {checks['expectations']} expectations")
            run_log.record(con, "check", checks)
            resources = [
                datapackage.resource(name, release_file, granularity, _sha256(partial / name))
                for name, release_file, _ in written
            ]
            package = datapackage.datapackage(identifier, created, resources)
            (partial / "datapackage.json").write_text(
                json.dumps(package, indent=2) + "\n", encoding="utf-8"
            )
            manifest = {
                "release_id": identifier,
                "created": created,
                "granularity": granularity,
                "code_version": code_version(),
                "versions": _versions(),
                "parameters": parameters,
                "inputs": _inputs(con),
                "outputs": [
                    {"path": name, "rows": rows, "sha256": _sha256(partial / name)}
                    for name, _, rows in written
                ]
                + [{"path": picture, "sha256": _sha256(partial / picture)} for picture in pictures]
                + [{"path": "datapackage.json", "sha256": _sha256(partial / "datapackage.json")}],
                "data_docs": f"{DOCS}/index.html",
                "dbt_build": run_log.latest(con, "build"),
                "data_checks": checks,
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
