"""Shared fixtures: small landing folders written by the tests, and one sample release."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample" / "landing"
SEEDS = ROOT / "seeds"
REFERENCE = ROOT / "reference"
# 2025-01-01 00:00:00 UTC: pins created_date/modified_date of the sample release.
EPOCH = "1735689600"

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")

ASSETS_HEADER = (
    "asset_id,asset_name,iso3_country,mineral,lat,lon,operation_type,status,status_year,"
    "other_minerals,owner,operator"
)
PRODUCTION_HEADER = "asset_id,year,product,quantity,unit,period,citation"


def write_landing(folder: Path, files: dict[str, str | bytes]) -> Path:
    """A landing folder holding the given files (relative path -> text or bytes)."""
    for relative, content in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def csv_text(header: str, *rows: str) -> str:
    return "\n".join([header, *rows]) + "\n"


@pytest.fixture
def landing(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    return lambda files: write_landing(tmp_path / "landing", files)


def raw_snapshot(db_path: Path) -> dict[str, object]:
    """Every raw table's rows (lineage included), to compare the warehouse before and after."""
    with duckdb.connect(str(db_path)) as con:
        tables = [
            row[0]
            for row in con.execute(
                "select table_name from information_schema.tables where table_schema = 'raw' "
                "order by table_name"
            ).fetchall()
        ]
        return {
            table: sorted(map(repr, con.execute(f'select * from raw."{table}"').fetchall()))
            for table in tables
        }


@pytest.fixture(scope="session")
def sample_release(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """`minex run` on the bundled sample, once: (release folder, warehouse file)."""
    from minex.cli import main

    work = tmp_path_factory.mktemp("sample-run")
    out, db = work / "release", work / "minex.duckdb"
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        assert main(["run", "--db", str(db), "--out", str(out)]) == 0
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
    return out, db


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """A private copy of the bundled sample landing folder, free to modify."""
    return Path(shutil.copytree(SAMPLE, tmp_path / "landing"))
