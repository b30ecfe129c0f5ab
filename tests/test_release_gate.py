"""Releases: the data-quality gate, reproducibility, monthly layout, data package, diff."""

from __future__ import annotations

import csv
import io
import os
import shutil
import zipfile
from pathlib import Path

import duckdb
import frictionless
import pytest

from minex.cli import main
from tests.conftest import EPOCH, REFERENCE

CT_ZIP = REFERENCE / "climate-trace-v5.2.0-copper" / "copper_datasets.zip"


def run_sample(landing: Path, work: Path) -> tuple[Path, Path]:
    out, db = work / "release", work / "minex.duckdb"
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        assert main(["run", "--data", str(landing), "--db", str(db), "--out", str(out)]) == 0
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
    return out, db


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def corrupted_copy(sample_release, tmp_path):
    """A copy of the sample warehouse that a test may corrupt."""
    _, db = sample_release
    copy = tmp_path / "corrupted.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("checkpoint")
    shutil.copyfile(db, copy)
    return copy


@pytest.mark.parametrize(
    ("corruption", "expected"),
    [
        (
            "update marts.fct_asset_emissions set emission_factor = 5 "
            "where asset_id = 'COM01199.00' and year = 2021",
            "data check failed on marts.fct_asset_emissions: expect_column_values_to_be_between"
            "(column='emission_factor', min_value=0.0, max_value=0.5): 1 of 2,460 rows, "
            "e.g. asset_id='COM01199.00', year=2021, emission_factor=5.0",
        ),
        (
            "update marts.fct_asset_emissions set activity_confidence = 'certain' "
            "where asset_id = 'COM01199.00' and year = 2021",
            "data check failed on marts.fct_asset_emissions: "
            "expect_column_values_to_be_in_set(column='activity_confidence'",
        ),
        (
            "insert into exports.export_emissions_sources select * from "
            "exports.export_emissions_sources where source_id = 'COM01199.00' limit 1",
            "data check failed on exports.export_emissions_sources: "
            "expect_compound_columns_to_be_unique(",
        ),
    ],
    ids=["emission factor of 5 t/t", "confidence off the scale", "duplicate source row"],
)
def test_a_failed_check_blocks_the_export(corrupted_copy, tmp_path, capsys, corruption, expected):
    with duckdb.connect(str(corrupted_copy)) as con:
        con.execute(corruption)
    out = tmp_path / "release"
    assert main(["export", "--db", str(corrupted_copy), "--out", str(out)]) == 1
    message = capsys.readouterr().err.strip().splitlines()[-1]
    assert message.startswith("minex: error: " + expected), message
    assert "e.g. " in message and "COM01199.00" in message
    assert not out.exists()
    assert not list(tmp_path.glob(".*partial"))


def test_two_runs_on_the_same_inputs_give_identical_files(sample_release, sample_copy, tmp_path):
    first, _ = sample_release
    second, _ = run_sample(sample_copy, tmp_path)
    published = sorted(
        p.relative_to(first) for p in first.rglob("*") if p.is_file() and "docs" not in p.parts
    )
    assert [
        p.relative_to(second)
        for p in sorted(second.rglob("*"))
        if p.is_file() and "docs" not in p.parts
    ] == published
    for relative in published:
        assert (first / relative).read_bytes() == (second / relative).read_bytes(), relative
    assert (second / "docs" / "index.html").exists()  # Data Docs of the checks


def test_datapackage_is_a_valid_frictionless_package(sample_release):
    out, _ = sample_release
    report = frictionless.validate(out / "datapackage.json")
    assert report.valid, report.flatten(["resource/name", "rowNumber", "fieldName", "note"])[:5]
    package = frictionless.Package(out / "datapackage.json")
    assert len(package.resources) == len(list((out / "DATA").glob("*.csv")))
    for resource in package.resources:
        for field in resource.schema.fields:
            assert field.description, (resource.name, field.name)
    sources = package.get_resource("copper-mining-emissions-sources")
    units = {field.name: field.custom.get("unit") for field in sources.schema.fields}
    assert units["emissions_quantity"] == "t" and units["emissions_factor"] == "t/t"


def climate_trace_sources() -> tuple[list[str], dict[str, str]]:
    with zipfile.ZipFile(CT_ZIP) as archive:
        name = "DATA/copper-mining_emissions_sources_v5_2_0.csv"
        reader = csv.DictReader(io.TextIOWrapper(archive.open(name), "utf-8"))
        return list(reader.fieldnames or []), next(reader)


def test_monthly_release_has_the_climate_trace_layout(sample_release, tmp_path):
    _, db = sample_release
    out = tmp_path / "monthly"
    assert main(["export", "--db", str(db), "--out", str(out), "--granularity", "month"]) == 0
    ct_header, ct_row = climate_trace_sources()
    with (out / "DATA" / "copper-mining_emissions_sources.csv").open(encoding="utf-8") as handle:
        ours = list(csv.DictReader(handle))
    header = list(ours[0])
    assert header == ct_header[: len(header)]  # v5.2.0 adds lat_lon, native_source_id, ...
    row = next(r for r in ours if r["gas"] == "co2" and r["activity"])
    for column in ("start_time", "end_time", "created_date"):
        assert len(row[column]) == len(ct_row[column][:19]) == 19
    assert (row["temporal_granularity"], ct_row["temporal_granularity"]) == ("month", "month")
    assert (row["activity_units"], row["capacity_units"]) == (
        ct_row["activity_units"],
        ct_row["capacity_units"],
    )
    assert row["start_time"][8:] == ct_row["start_time"][8:] == "01 00:00:00"
    annual = {
        (r["source_id"], r["start_time"][:4], r["gas"]): r
        for r in read(sample_release[0] / "DATA" / "copper-mining_emissions_sources.csv")
    }
    key = (row["source_id"], row["start_time"][:4], "co2")
    months = [r for r in ours if (r["source_id"], r["start_time"][:4], r["gas"]) == key]
    assert len(months) == 12
    assert sum(float(r["activity"]) for r in months) == pytest.approx(
        float(annual[key]["activity"])
    )
    assert {r["emissions_factor"] for r in months} == {annual[key]["emissions_factor"]}
    assert months[1]["end_time"][:10] in {f"{key[1]}-02-28", f"{key[1]}-02-29"}


CONFIDENCE_ORDER = ["very low", "low", "medium", "high", "very high"]


def change_inputs(landing: Path, old_release: Path) -> set[tuple[str, ...]]:
    """Add an asset, and a 2024 ore figure for an asset whose 2024 activity was carried
    from an earlier year and which reports no emissions; return the changes expected."""
    reporting = {r["asset_id"] for r in read(landing / "reports" / "emissions.csv")}
    sources = read(old_release / "DATA" / "copper-mining_emissions_sources.csv")
    confidence = {
        r["source_id"]: r
        for r in read(old_release / "DATA" / "copper-mining_emissions_sources_confidence.csv")
        if r["start_time"].startswith("2024") and r["gas"] == "co2"
    }
    carried = next(
        r
        for r in sources
        if r["start_time"].startswith("2024")
        and r["gas"] == "co2"
        and r["other4"] == "reported_ore_earlier_year"
        and float(r["activity"]) > 0
        and r["source_id"] not in reporting
    )
    asset = carried["source_id"]
    with (landing / "reports" / "production.csv").open("a", encoding="utf-8") as handle:
        handle.write(f"{asset},2024,ore,{float(carried['activity']) * 1.5},t,year,test\n")
    with (landing / "mdo" / "assets.csv").open("a", encoding="utf-8") as handle:
        handle.write("ZZ-NEW,A new mine,CHL,copper,,,,,,,,\n")
    old = confidence[asset]
    new_emissions_confidence = min("very high", old["emissions_factor"], key=CONFIDENCE_ORDER.index)
    expected = {("source_added", "ZZ-NEW", "", "", "source_name")}
    expected |= {
        ("emissions_changed", asset, "2024", gas, "emissions_quantity")
        for gas in ("co2", "co2e_100yr", "co2e_20yr")
    }
    expected.add(("method_changed", asset, "2024", "", "activity_method"))
    expected.add(("confidence_changed", asset, "2024", "", "activity_confidence"))
    if new_emissions_confidence != old["emissions_quantity"]:
        expected.add(("confidence_changed", asset, "2024", "", "emissions_quantity_confidence"))
    return expected


def test_diff_shows_exactly_the_changed_inputs(sample_release, sample_copy, tmp_path, capsys):
    expected = change_inputs(sample_copy, sample_release[0])
    changed, _ = run_sample(sample_copy, tmp_path / "changed")
    csv_path = tmp_path / "diff.csv"
    capsys.readouterr()
    assert main(["diff", str(sample_release[0]), str(changed), "--csv", str(csv_path)]) == 0
    printed = capsys.readouterr().out
    changes = read(csv_path)
    found = {
        (c["change"], c["source_id"], c["start_time"][:4], c["gas"], c["field"]) for c in changes
    }
    assert found == expected
    for change in changes:
        if change["change"] == "emissions_changed":
            assert float(change["new_value"]) == pytest.approx(1.5 * float(change["old_value"]))
        if change["field"] == "activity_method":
            assert (change["old_value"], change["new_value"]) == (
                "reported_ore_earlier_year",
                "reported_ore",
            )
    assert printed.startswith(f"{len(expected)} changes between {sample_release[0]} and {changed}")
