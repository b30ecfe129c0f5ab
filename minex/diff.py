"""`minex diff OLD NEW`: what changed between two release folders (query: release_diff.sql)."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb

from minex.project import StepFailed

QUERY = Path(__file__).with_name("release_diff.sql")
SHOWN = 50


def diff_releases(
    old: Path, new: Path, threshold: float, csv_path: Path
) -> tuple[int, list[str], list[tuple]]:
    """Write every change to csv_path; return the count and the first rows to show."""
    globs = {}
    for name, release in (("old", old), ("new", new)):
        data = release / "DATA"
        if not any(data.glob("*_emissions_sources.csv")):
            raise StepFailed(f"{release} is not a release folder (no DATA/*_emissions_sources.csv)")
        globs[f"{name}_sources"] = str(data / "*_emissions_sources.csv")
        globs[f"{name}_confidence"] = str(data / "*_emissions_sources_confidence.csv")
    with duckdb.connect() as con:
        changes = con.execute(QUERY.read_text(encoding="utf-8"), {**globs, "threshold": threshold})
        columns = [column[0] for column in changes.description]
        rows = changes.fetchall()
    with csv_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    return len(rows), columns, rows[:SHOWN]
