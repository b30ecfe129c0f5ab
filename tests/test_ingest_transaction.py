"""Ingest is all or nothing, and loading the same folder again changes nothing."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from ingest import warehouse
from ingest.loader import ingest
from tests.conftest import PRODUCTION_HEADER, ROOT, SEEDS, raw_snapshot


def counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db)) as con:
        tables = [
            row[0]
            for row in con.execute(
                "select table_name from information_schema.tables where table_schema = 'raw'"
            ).fetchall()
        ]
        return {t: con.execute(f'select count(*) from raw."{t}"').fetchone()[0] for t in tables}


def test_ingesting_the_same_folder_twice_changes_nothing(sample_copy, tmp_path):
    db = tmp_path / "minex.duckdb"
    first = ingest(sample_copy, db, SEEDS)
    before = raw_snapshot(db)
    second = ingest(sample_copy, db, SEEDS)
    assert len(first.loaded) == 21 and second.loaded == []
    assert len(second.unchanged) == 21
    assert raw_snapshot(db) == before
    assert counts(db)["reports_production"] == 6112


def test_a_changed_file_replaces_only_its_rows(sample_copy, tmp_path):
    db = tmp_path / "minex.duckdb"
    ingest(sample_copy, db, SEEDS)
    before = raw_snapshot(db)
    production = sample_copy / "mdo" / "production.csv"
    production.write_text(
        production.read_text(encoding="utf-8") + "COM01199.00,2024,ore,39000000,t,year,test\n",
        encoding="utf-8",
    )
    report = ingest(sample_copy, db, SEEDS)
    assert [load.file for load in report.loaded] == ["mdo/production.csv"]
    after = raw_snapshot(db)
    assert len(after["mdo_production"]) == len(before["mdo_production"]) + 1
    changed = {table for table in after if after[table] != before[table]}
    assert changed == {"mdo_production", "_files"}


def test_a_changed_asset_list_rechecks_the_files_that_name_assets(sample_copy, tmp_path):
    db = tmp_path / "minex.duckdb"
    ingest(sample_copy, db, SEEDS)
    assets = sample_copy / "mdo" / "assets.csv"
    lines = assets.read_text(encoding="utf-8").splitlines(keepends=True)
    assets.write_text("".join(line for line in lines if not line.startswith("COM01199.00,")))
    report = ingest(sample_copy, db, SEEDS)
    reloaded = {load.file for load in report.loaded}
    assert {"mdo/assets.csv", "mdo/production.csv", "reports/emissions.csv"} <= reloaded
    assert not any(file.startswith("usgs/") for file in reloaded)
    sishen = [r for r in report.rejects if "'COM01199.00'" in r.reason]
    assert {r.file for r in sishen} >= {"mdo/production.csv", "reports/emissions.csv"}


def test_a_removed_file_takes_its_rows_with_it(sample_copy, tmp_path):
    db = tmp_path / "minex.duckdb"
    ingest(sample_copy, db, SEEDS)
    (sample_copy / "additional" / "production.csv").unlink()
    report = ingest(sample_copy, db, SEEDS)
    assert report.removed == ["additional/production.csv"]
    assert counts(db)["additional_production"] == 0


def test_a_load_failing_part_way_leaves_the_warehouse_as_it_was(sample_copy, tmp_path, monkeypatch):
    db = tmp_path / "minex.duckdb"
    ingest(sample_copy, db, SEEDS)
    before = raw_snapshot(db)
    for name in ("mdo/production.csv", "reports/production.csv", "reports/ownership.csv"):
        path = sample_copy / name
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    calls = []
    real_insert = warehouse.insert_rows

    def failing_insert(*args, **kwargs):
        calls.append(args[1].name)
        if len(calls) == 2:
            raise OSError("disk full")
        return real_insert(*args, **kwargs)

    monkeypatch.setattr(warehouse, "insert_rows", failing_insert)
    with pytest.raises(OSError, match="disk full"):
        ingest(sample_copy, db, SEEDS)
    assert calls == ["mdo_production", "reports_production"]
    assert raw_snapshot(db) == before


def test_a_killed_load_leaves_the_warehouse_as_it_was(sample_copy, tmp_path):
    """SIGKILL in the middle of an ingest: the uncommitted transaction is gone on reopen."""
    db = tmp_path / "minex.duckdb"
    ingest(sample_copy, db, SEEDS)
    before = raw_snapshot(db)
    # two large changed files: the process is killed after the first is loaded
    assets = [
        line.split(",")[0]
        for line in (sample_copy / "mdo" / "assets.csv")
        .read_text(encoding="utf-8")
        .splitlines()[1:]
    ]
    with (SEEDS / "products.csv").open(encoding="utf-8") as handle:
        products = [row["product"] for row in csv.DictReader(handle)]
    lines = [PRODUCTION_HEADER]
    for i in range(300_000):  # distinct keys: asset x year x product
        asset, year = assets[i % len(assets)], 1800 + (i // len(assets)) % 200
        product = products[i // (len(assets) * 200)]
        lines.append(f"{asset},{year},{product},{i},t,year,")
    for name in ("reports/production.csv", "additional/production.csv"):
        (sample_copy / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "minex", "ingest", "--data", str(sample_copy), "--db", str(db)],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stderr is not None
    killed_after = None
    for line in process.stderr:
        if "reports/production.csv: 300,000 rows" in line:
            killed_after = line.strip()
            process.send_signal(signal.SIGKILL)
            break
    process.wait(timeout=120)
    assert killed_after, "the load finished before it could be killed"
    assert process.returncode == -signal.SIGKILL
    assert raw_snapshot(db) == before
